//! Input discovery: files, directories searched recursively for `*.pdf` (any case), `http(s)://`
//! URLs, or `-` for one path or URL per line on stdin. Each input keeps the path relative to
//! what was given (for a URL: `host/path`), for naming its output.

use crate::error::{Error, Result};
use crate::fetch::FetchUrl;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// One document to process.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputFile {
    /// Path as given or found (used to read the file and in the manifest).
    pub path: PathBuf,
    /// Path relative to the directory it was found in (or the file name), for output naming.
    pub relative: PathBuf,
    /// For a URL input: the URL (then `path` is the URL without credentials).
    pub url: Option<FetchUrl>,
}

impl InputFile {
    /// A file input.
    fn file(path: PathBuf, relative: PathBuf) -> Self {
        InputFile { path, relative, url: None }
    }

    /// The input named by `text` when it is a URL (`scheme://…`): an http(s) URL input, or
    /// `url_refused` for any other scheme. `None` for a path.
    pub fn from_url_text(text: &str) -> Option<Result<Self>> {
        let scheme = text.trim_start().split_once("://")?.0;
        if scheme.is_empty() || !scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
            return None;
        }
        Some(FetchUrl::parse(text).map(|url| InputFile {
            path: PathBuf::from(url.redacted()),
            relative: url.output_relative(),
            url: Some(url),
        }))
    }
}

fn is_pdf_name(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

fn walk(dir: &Path, root: &Path, out: &mut Vec<InputFile>, depth: usize) -> Result<()> {
    if depth > 64 {
        return Err(Error::LimitExceeded(format!("{}: directories nested deeper than 64", dir.display())));
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::Io(format!("{}: {e}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        // Symlinked directories are not followed (cycles); symlinked files are.
        let meta = std::fs::symlink_metadata(&p).map_err(|e| Error::Io(format!("{}: {e}", p.display())))?;
        if meta.is_dir() {
            walk(&p, root, out, depth + 1)?;
        } else if is_pdf_name(&p) && (meta.is_file() || p.is_file()) {
            let relative = p.strip_prefix(root).map(Path::to_path_buf).unwrap_or_else(|_| p.clone());
            out.push(InputFile::file(p, relative));
        }
    }
    Ok(())
}

/// Expand the command-line inputs into a sorted, de-duplicated list of files.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<InputFile>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            for line in std::io::stdin().lock().lines() {
                let line = line.map_err(|e| Error::Io(format!("stdin: {e}")))?;
                let line = line.trim();
                if let Some(url) = InputFile::from_url_text(line) {
                    out.push(url?);
                } else if !line.is_empty() {
                    let p = PathBuf::from(line);
                    let relative = p.file_name().map(PathBuf::from).unwrap_or_else(|| p.clone());
                    out.push(InputFile::file(p, relative));
                }
            }
        } else if let Some(url) = input.to_str().and_then(InputFile::from_url_text) {
            out.push(url?);
        } else if input.is_dir() {
            walk(input, input, &mut out, 0)?;
        } else {
            // A missing file is still an input: it gets a failed manifest line.
            let relative = input.file_name().map(PathBuf::from).unwrap_or_else(|| input.clone());
            out.push(InputFile::file(input.clone(), relative));
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.path == b.path);
    name_outputs_apart(&mut out);
    Ok(out)
}

/// The key under which an input's output is written (`<relative>.json`, case folded: a
/// case-insensitive file system would write `A.json` and `a.json` to one file).
fn output_key(input: &InputFile) -> String {
    input.relative.with_extension("json").to_string_lossy().to_lowercase()
}

/// Inputs whose outputs would share a name (`a/plan.pdf` and `b/plan.pdf` given as two
/// directories) are named by their whole path instead (`a/plan.json`, `b/plan.json`); any
/// that still collide get the first 8 hex digits of their path's sha256 (`plan-1f0c93ab`).
/// Otherwise one document's output would silently replace the other's.
fn name_outputs_apart(inputs: &mut [InputFile]) {
    let colliding = |inputs: &[InputFile]| {
        let mut count: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for i in inputs.iter() {
            *count.entry(output_key(i)).or_default() += 1;
        }
        inputs.iter().map(|i| count[&output_key(i)] > 1).collect::<Vec<bool>>()
    };
    let clashes = colliding(inputs);
    for (input, clash) in inputs.iter_mut().zip(clashes) {
        if clash && input.url.is_none() {
            let whole: PathBuf = input.path.components().filter_map(|c| match c {
                std::path::Component::Normal(part) => Some(part),
                _ => None,
            }).collect();
            input.relative = whole;
        }
    }
    let clashes = colliding(inputs);
    for (input, clash) in inputs.iter_mut().zip(clashes) {
        if clash {
            let digest = crate::digest::sha256_hex(input.path.to_string_lossy().as_bytes());
            let stem = input.relative.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            input.relative.set_file_name(format!("{stem}-{}.pdf", &digest[..8]));
        }
    }
}

#[cfg(test)]
#[path = "inputs_tests.rs"]
mod tests;
