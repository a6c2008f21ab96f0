//! `--resume`: which inputs an earlier run already finished. The manifest keeps the lines of
//! documents that will not be redone; every other line is dropped so the run appends afresh.

use super::inputs::InputFile;
use super::manifest::{ManifestLine, Status, read_manifest, rewrite_manifest};
use crate::error::Result;
use crate::warehouse::{PARQUET_DATASETS, parquet_path};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Output file of an input: `<out>/<relative path with .json>`.
pub fn output_path(out: &Path, input: &InputFile) -> PathBuf {
    out.join(input.relative.with_extension("json"))
}

/// Prepare the manifest at `manifest` for a run over `inputs` writing into `out_dir`. With
/// `resume`, keep the lines of documents that are done and return their paths; without it,
/// start an empty manifest.
///
/// A document counts as done when it did not fail and, if it was written (`ok`, `unverified`,
/// or `unchanged` from an earlier run), its output is on disk
/// and not empty (a crash of the machine can leave a manifest line whose output never reached
/// the disk).
///
/// With `parquet`, a written document also needs its three Parquet files there.
pub fn prepare_manifest(manifest: &Path, out_dir: &Path, inputs: &[InputFile], resume: bool, parquet: Option<&Path>) -> Result<HashSet<String>> {
    if !resume {
        rewrite_manifest(manifest, &[])?;
        return Ok(HashSet::new());
    }
    let old = read_manifest(manifest)?;
    let output_of: HashMap<String, PathBuf> = inputs.iter().map(|f| (f.path.display().to_string(), output_path(out_dir, f))).collect();
    let on_disk = |l: &ManifestLine| {
        !matches!(l.status, Status::Ok | Status::Unverified | Status::Unchanged) || output_of.get(&l.path).is_none_or(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > 0))
    };
    let parquet_there = |l: &ManifestLine| {
        !matches!(l.status, Status::Ok | Status::Unverified | Status::Unchanged)
            || parquet.is_none_or(|dir| PARQUET_DATASETS.iter().all(|d| parquet_path(dir, d, &l.sha256).is_file()))
    };
    let keep: Vec<ManifestLine> = old.into_iter().filter(|l| l.status != Status::Failed && on_disk(l) && parquet_there(l)).collect();
    rewrite_manifest(manifest, &keep)?;
    Ok(keep.into_iter().map(|l| l.path).collect())
}
