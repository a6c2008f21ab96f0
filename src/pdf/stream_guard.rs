//! Guards run once over all objects before any page is interpreted, refusing with
//! `limit_exceeded` what would make the interpreter run away:
//! * decompression bombs: every Flate-compressed stream big enough to exceed the limit (deflate
//!   expands at most ~1032×) is inflated into a counting sink with a cap;
//! * CID width arrays (`/W`, `/W2`) whose ranges cover absurd numbers of CIDs (hayro-font
//!   expands each range entry by entry: `[0 4294967295 1]` would take minutes and gigabytes);
//! * documents with too many objects.
//!
//! [`check_raw_streams`] runs on the raw bytes even before hayro opens the file, because hayro
//! decodes object streams (`/Type /ObjStm`) while it reads the cross-reference data.

use crate::error::{Error, Result};
use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Dict, Name, Object, Stream};
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

/// Bytes of a file scanned between two releases of a mapped file's pages: the bound on what
/// the scan keeps resident.
const RELEASE_EVERY_BYTES: usize = 16 << 20;

/// Objects visited between two releases of a mapped file's pages (objects of a big file
/// average a few kilobytes, so about as many bytes as [`RELEASE_EVERY_BYTES`]).
const RELEASE_EVERY_OBJECTS: usize = 4096;

/// Find `needle` in `hay` from `from` on.
pub(super) fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| p + from)
}

/// Scan the raw file for Flate streams (`stream` … `endstream` after a dictionary naming
/// FlateDecode) big enough to pass the limit, and inflate each with a cap. Encrypted streams
/// do not inflate and are left to [`check_streams`] after decryption.
/// `release` is called after every [`RELEASE_EVERY_BYTES`] scanned (a mapped file hands the
/// pages scanned back to the page cache).
pub fn check_raw_streams(bytes: &[u8], max_decoded_stream: usize, release: &dyn Fn()) -> Result<()> {
    let min_raw = max_decoded_stream / MAX_DEFLATE_RATIO;
    let mut at = 0;
    let mut released_at = 0;
    while let Some(k) = find(bytes, b"stream", at) {
        if k - released_at > RELEASE_EVERY_BYTES {
            release();
            released_at = k;
        }
        at = k + 6;
        if k >= 3 && &bytes[k - 3..k] == b"end" {
            continue;
        }
        let mut start = k + 6;
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        let Some(end) = find(bytes, b"endstream", start) else { break };
        at = end + 9;
        let data = &bytes[start..end];
        if data.len() < min_raw {
            continue;
        }
        let dict = &bytes[k.saturating_sub(2048)..k];
        let dict = match memchr::memmem::rfind(dict, b"obj") {
            Some(p) => &dict[p..],
            None => dict,
        };
        if find(dict, b"FlateDecode", 0).is_none() && find(dict, b"/Fl", 0).is_none() {
            continue;
        }
        if inflated_len(data, max_decoded_stream) > max_decoded_stream {
            return Err(Error::LimitExceeded(format!(
                "a {}-byte compressed stream decodes to more than {max_decoded_stream} bytes (decompression bomb?)",
                data.len()
            )));
        }
    }
    Ok(())
}

/// Most CIDs that the `/W` or `/W2` array of one CID font may give widths to.
const MAX_CID_WIDTH_ENTRIES: u64 = 1 << 20;

/// Number of CIDs a `/W` (`values_per_cid` 1) or `/W2` (3) array covers, stopping early once
/// past the limit.
fn cid_width_entries(arr: &Array<'_>, values_per_cid: usize) -> u64 {
    let mut iter = arr.flex_iter();
    let mut total: u64 = 0;
    while total <= MAX_CID_WIDTH_ENTRIES {
        if let Some((_, list)) = iter.next::<(u32, Array<'_>)>() {
            total += (list.iter::<Object<'_>>().count() / values_per_cid.max(1)) as u64;
        } else if let Some((first, last)) = iter.next::<(u32, u32)>() {
            total += u64::from(last.saturating_sub(first)) + 1;
            // Skip the width values of the range form.
            for _ in 0..values_per_cid {
                if iter.next::<Object<'_>>().is_none() {
                    break;
                }
            }
        } else {
            break;
        }
    }
    total
}

fn check_font_dict(d: &Dict<'_>) -> Result<()> {
    for (key, per) in [(b"W".as_slice(), 1usize), (b"W2".as_slice(), 3usize)] {
        if let Some(arr) = d.get::<Array<'_>>(key)
            && cid_width_entries(&arr, per) > MAX_CID_WIDTH_ENTRIES
        {
            return Err(Error::LimitExceeded(format!(
                "a CID font's /{} array covers more than {MAX_CID_WIDTH_ENTRIES} CIDs",
                String::from_utf8_lossy(key)
            )));
        }
    }
    // Descendant fonts written inline in a Type0 font.
    if let Some(kids) = d.get::<Array<'_>>(b"DescendantFonts".as_slice()) {
        for kid in kids.iter::<Dict<'_>>() {
            check_font_dict(&kid)?;
        }
    }
    Ok(())
}

/// Check every object of `pdf` against the limits.
/// `release` is called after every [`RELEASE_EVERY_OBJECTS`] objects.
pub fn check_streams(pdf: &Pdf, max_decoded_stream: usize, max_objects: usize, release: &dyn Fn()) -> Result<()> {
    let min_raw = max_decoded_stream / MAX_DEFLATE_RATIO;
    for (count, obj) in pdf.objects().into_iter().enumerate() {
        if count >= max_objects {
            return Err(Error::LimitExceeded(format!("more than {max_objects} objects")));
        }
        if count % RELEASE_EVERY_OBJECTS == RELEASE_EVERY_OBJECTS - 1 {
            release();
        }
        if let Object::Dict(d) = &obj {
            check_font_dict(d)?;
            continue;
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
