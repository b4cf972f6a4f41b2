//! Writing results: files appear complete or not at all.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// A file written under a temporary name and renamed into place when finished, so a
/// reader never sees half of it.
pub struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    out: BufWriter<File>,
}

impl AtomicFile {
    /// Starts writing `path`.
    pub fn create(path: &Path) -> anyhow::Result<AtomicFile> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let tmp = path.with_file_name(format!(".{name}.partial"));
        let file =
            File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            tmp,
            out: BufWriter::new(file),
        })
    }

    /// Appends a line.
    pub fn line(&mut self, text: &str) -> anyhow::Result<()> {
        writeln!(self.out, "{text}").with_context(|| format!("cannot write {}", self.tmp.display()))
    }

    /// Finishes the file and moves it into place.
    pub fn finish(self) -> anyhow::Result<PathBuf> {
        let file = self
            .out
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("cannot write {}", self.tmp.display()))?;
        file.sync_all()
            .with_context(|| format!("cannot write {}", self.tmp.display()))?;
        std::fs::rename(&self.tmp, &self.path)
            .with_context(|| format!("cannot create {}", self.path.display()))?;
        Ok(self.path)
    }
}

/// Writes a whole text file atomically.
pub fn write(path: &Path, text: &str) -> anyhow::Result<PathBuf> {
    let mut f = AtomicFile::create(path)?;
    f.out
        .write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    f.finish()
}

/// Creates the output folder.
pub fn folder(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the output folder {}", dir.display()))
}
