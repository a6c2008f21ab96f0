//! `--resume`: which inputs an earlier run already finished. The manifest keeps the lines of
//! documents that will not be redone; every other line is dropped so the run appends afresh.

use super::inputs::InputFile;
use super::manifest::{ManifestLine, Status, read_manifest, rewrite_manifest};
use crate::error::Result;
use crate::warehouse::{PARQUET_DATASETS, parquet_path};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What a written document needs beside its output file to count as done for `--resume`.
#[derive(Debug, Default)]
pub struct Delivered<'a> {
    /// Its three Parquet files under this directory (`--parquet`).
    pub parquet: Option<&'a Path>,
    /// Its sha256 among those the database holds (`--sink`; `None` when the database could not
    /// be asked: the manifest is trusted).
    pub loaded: Option<&'a HashSet<String>>,
}

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
/// A written document also needs what `delivered` asks for: its Parquet files, its rows in
/// the database.
pub fn prepare_manifest(manifest: &Path, out_dir: &Path, inputs: &[InputFile], resume: bool, delivered: &Delivered<'_>) -> Result<HashSet<String>> {
    if !resume {
        rewrite_manifest(manifest, &[])?;
        return Ok(HashSet::new());
    }
    let old = read_manifest(manifest)?;
    let output_of: HashMap<String, PathBuf> = inputs.iter().map(|f| (f.path.display().to_string(), output_path(out_dir, f))).collect();
    let on_disk = |l: &ManifestLine| {
        !matches!(l.status, Status::Ok | Status::Unverified | Status::Unchanged) || output_of.get(&l.path).is_none_or(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > 0))
    };
    let delivered_there = |l: &ManifestLine| {
        !matches!(l.status, Status::Ok | Status::Unverified | Status::Unchanged)
            || (delivered.parquet.is_none_or(|dir| PARQUET_DATASETS.iter().all(|d| parquet_path(dir, d, &l.sha256).is_file()))
                && delivered.loaded.is_none_or(|loaded| loaded.contains(&l.sha256)))
    };
    let keep: Vec<ManifestLine> = old.into_iter().filter(|l| l.status != Status::Failed && on_disk(l) && delivered_there(l)).collect();
    rewrite_manifest(manifest, &keep)?;
    Ok(keep.into_iter().map(|l| l.path).collect())
}
