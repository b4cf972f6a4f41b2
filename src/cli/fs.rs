//! Reading scenario files from disk.

use endgame::scenario::Loader;

/// Reads scenarios from the file system.
pub struct FsLoader;

impl Loader for FsLoader {
    fn read(&self, path: &str) -> Result<(String, String), String> {
        let meta = std::fs::metadata(path).map_err(|e| describe(&e))?;
        if !meta.is_file() {
            return Err("not a file".into());
        }
        // Read at most a little past the parser's limit, so a huge file cannot exhaust memory.
        if meta.len() > 16 << 20 {
            return Err(format!(
                "the file is {} MiB; a scenario is a few kilobytes",
                meta.len() >> 20
            ));
        }
        let text = std::fs::read_to_string(path).map_err(|e| describe(&e))?;
        let id = std::fs::canonicalize(path)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| path.to_string());
        Ok((id, text))
    }
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::InvalidData => "the file is not UTF-8 text".into(),
        _ => e.to_string(),
    }
}
