//! `--urls FILE` (or `-` for stdin): one http(s) URL per line; blank lines and lines starting
//! with `#` are skipped. Anything else on a line is a usage error naming the line.

use crate::batch::InputFile;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// The URLs listed in `file` (`-`: stdin), as inputs for `expand_inputs`.
pub fn read_url_list(file: &Path) -> Result<Vec<PathBuf>, String> {
    let name = file.display().to_string();
    let reader: Box<dyn BufRead> = if file.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(std::fs::File::open(file).map_err(|e| format!("{name}: {e}"))?))
    };
    let mut urls = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| format!("{name}: {e}"))?;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match InputFile::from_url_text(line) {
            Some(Ok(_)) => urls.push(PathBuf::from(line)),
            Some(Err(e)) => return Err(format!("{name} line {}: {e}", n + 1)),
            None => return Err(format!("{name} line {}: not a URL (http:// or https://)", n + 1)),
        }
    }
    Ok(urls)
}
