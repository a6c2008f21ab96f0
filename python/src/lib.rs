//! `tablelift._native`: the Rust side of the Python package. One function, [`run`]: a PDF
//! (its path or its bytes) and the options in; the document JSON and/or the facts NDJSON out,
//! as UTF-8 bytes exactly as the CLI writes them (the same `tablelift::output` serializers).
//! The Python side (`tablelift/__init__.py`) parses them and turns every value into a
//! `decimal.Decimal`. Extraction runs with the GIL released, on a one-thread rayon pool per
//! calling thread, so Python threads scale across cores and one call uses one core.
//! Failures raise `ExtractError(code, message)` with the CLI's error codes.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};
use tablelift::extract::{ExtractedDocument, Locale, Options, extract_document};
use tablelift::output::{SourceInfo, document_json, write_facts};

create_exception!(_native, ExtractError, PyException, "A document failed: args are (code, message), code as in the CLI's manifest.");

/// The PDF as Python hands it over: its bytes, or a path.
#[derive(FromPyObject)]
enum PyInput<'py> {
    /// A `bytes` object.
    #[pyo3(transparent, annotation = "bytes")]
    Bytes(Bound<'py, PyBytes>),
    /// A file path.
    #[pyo3(transparent, annotation = "str")]
    Path(String),
}

/// The PDF, owned, for the work done without the GIL.
enum Input {
    /// Bytes handed over by the caller (copied once, before the GIL is released).
    Bytes(Vec<u8>),
    /// A file path, read with the GIL released.
    Path(String),
}

/// What one call produces.
struct Outputs {
    document: Option<Vec<u8>>,
    facts: Option<Vec<u8>>,
    verified: bool,
}

/// Read the input, extract, serialize: everything that runs without the GIL.
fn extract_outputs(input: Input, source_path: Option<String>, opts: &Options, want_document: bool, want_facts: bool) -> tablelift::Result<Outputs> {
    let (bytes, path) = match input {
        Input::Bytes(b) => (b, source_path.unwrap_or_default()),
        Input::Path(p) => {
            let bytes = std::fs::read(&p).map_err(|e| tablelift::Error::Io(format!("{p}: {e}")))?;
            (bytes, source_path.unwrap_or(p))
        }
    };
    let sha256 = tablelift::digest::sha256_hex(&bytes);
    let n_bytes = bytes.len();
    let doc: ExtractedDocument = extract_document(bytes, opts)?;
    let source = SourceInfo { path: &path, sha256: &sha256, bytes: n_bytes };
    let document = if want_document {
        Some(serde_json::to_vec(&document_json(&doc, &source)).map_err(|e| tablelift::Error::Internal(e.to_string()))?)
    } else {
        None
    };
    let facts = if want_facts {
        let mut out = Vec::new();
        write_facts(&mut out, &doc, &source);
        Some(out)
    } else {
        None
    };
    Ok(Outputs { document, facts, verified: doc.all_verified() })
}

thread_local! {
    /// A one-thread rayon pool per calling thread: the stages' parallel loops run on it, so a
    /// call never waits for another thread's call in a shared pool.
    static POOL: Result<rayon::ThreadPool, String> =
        rayon::ThreadPoolBuilder::new().num_threads(1).build().map_err(|e| e.to_string());
}

/// Run `f` on this thread's one-thread pool, a panic becoming an `internal` error.
fn on_own_pool<T: Send>(f: impl FnOnce() -> tablelift::Result<T> + Send) -> tablelift::Result<T> {
    let guarded = move || match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            Err(tablelift::Error::Internal(format!("panic while processing: {msg}")))
        }
    };
    POOL.with(|pool| match pool {
        Ok(pool) => pool.install(guarded),
        Err(e) => Err(tablelift::Error::Internal(format!("cannot start a worker thread: {e}"))),
    })
}

/// What [`run`] returns to Python: (document JSON, facts NDJSON, every table verified).
type RunOutputs<'py> = (Option<Bound<'py, PyBytes>>, Option<Bound<'py, PyBytes>>, bool);

/// Extract one PDF. `source` is its bytes or a path; `locale` a code as for the CLI's
/// `--locale` (None or "auto": guessed); `timeout` a time budget in seconds; `source_path`
/// the path the outputs name (default: the path given, or "" for bytes). Returns
/// `(document_json, facts_ndjson, all_verified)`, each output None unless asked for.
#[pyfunction]
#[pyo3(signature = (source, *, locale=None, timeout=None, source_path=None, document=true, facts=false))]
fn run<'py>(
    py: Python<'py>,
    source: PyInput<'py>,
    locale: Option<&str>,
    timeout: Option<f64>,
    source_path: Option<String>,
    document: bool,
    facts: bool,
) -> PyResult<RunOutputs<'py>> {
    let locale: Locale = match locale {
        None => Locale::Auto,
        Some(s) => s.parse().map_err(|e: tablelift::UnknownLocale| PyValueError::new_err(e.to_string()))?,
    };
    let deadline = match timeout {
        None => None,
        Some(t) if t.is_finite() && t > 0.0 => Some(Instant::now() + Duration::from_secs_f64(t.min(1e9))),
        Some(t) => return Err(PyValueError::new_err(format!("timeout must be a positive number of seconds, not {t}"))),
    };
    let opts = Options { locale, deadline, sequential_pages: true, ..Options::default() };
    let source = match source {
        PyInput::Bytes(b) => Input::Bytes(b.as_bytes().to_vec()),
        PyInput::Path(p) => Input::Path(p),
    };
    let out = py.detach(|| on_own_pool(|| extract_outputs(source, source_path, &opts, document, facts)));
    match out {
        Ok(o) => Ok((o.document.map(|d| PyBytes::new(py, &d)), o.facts.map(|f| PyBytes::new(py, &f)), o.verified)),
        Err(e) => Err(ExtractError::new_err((e.code(), e.to_string()))),
    }
}

/// The Rust half of the `tablelift` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(run, m)?)?;
    m.add("ExtractError", m.py().get_type::<ExtractError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
