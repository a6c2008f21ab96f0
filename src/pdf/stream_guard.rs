//! Decompression-bomb guard: before any page is interpreted, every Flate-compressed stream big
//! enough to exceed the limit (deflate expands at most ~1032×) is inflated into a counting sink
//! with a cap; a stream that would decode past the limit, or a document with too many objects,
//! is refused with `limit_exceeded` instead of being followed.

use crate::error::{Error, Result};
use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Name, Object, Stream};
use std::io::Read;

/// Deflate cannot expand data by more than this factor.
const MAX_DEFLATE_RATIO: usize = 1032;

fn first_filter_is_flate(s: &Stream<'_>) -> bool {
    let d = s.dict();
    let is_flate = |n: &Name<'_>| {
        let b: &[u8] = n.as_ref();
        b == b"FlateDecode" || b == b"Fl"
    };
    if let Some(n) = d.get::<Name<'_>>(b"Filter".as_slice()) {
        return is_flate(&n);
    }
    if let Some(a) = d.get::<Array<'_>>(b"Filter".as_slice()) {
        return a.iter::<Name<'_>>().next().is_some_and(|n| is_flate(&n));
    }
    false
}

/// Bytes that `data` inflates to, stopping at `cap + 1`.
fn inflated_len(data: &[u8], cap: usize) -> usize {
    let limit = cap as u64 + 1;
    let zlib = std::io::copy(&mut flate2::read::ZlibDecoder::new(data).take(limit), &mut std::io::sink());
    match zlib {
        Ok(n) if n > 0 => n as usize,
        // Not a zlib stream (some writers omit the header): try raw deflate.
        _ => std::io::copy(&mut flate2::read::DeflateDecoder::new(data).take(limit), &mut std::io::sink()).map_or(0, |n| n as usize),
    }
}

/// Check every stream of `pdf` against the limits.
pub fn check_streams(pdf: &Pdf, max_decoded_stream: usize, max_objects: usize) -> Result<()> {
    let min_raw = max_decoded_stream / MAX_DEFLATE_RATIO;
    for (count, obj) in pdf.objects().into_iter().enumerate() {
        if count >= max_objects {
            return Err(Error::LimitExceeded(format!("more than {max_objects} objects")));
        }
        let Object::Stream(s) = obj else { continue };
        let raw = s.raw_data();
        if raw.len() < min_raw || !first_filter_is_flate(&s) {
            continue;
        }
        let n = inflated_len(&raw, max_decoded_stream);
        if n > max_decoded_stream {
            return Err(Error::LimitExceeded(format!(
                "a {}-byte compressed stream decodes to more than {max_decoded_stream} bytes (decompression bomb?)",
                raw.len()
            )));
        }
    }
    Ok(())
}
