//! Searching what is on disk for plaintext: every file under a folder, read as bytes, for a marker
//! written as UTF-8 or UTF-16LE (WebKit's storage keeps text in either).

use std::path::Path;

/// Files under `dir` holding `needle` as UTF-8 or UTF-16LE, and, under `vault_dir`, any plaintext
/// SQLite file. (WebKit's own empty `hsts-storage.sqlite` appears only under WebDriver, where the
/// window cannot be incognito; it is searched for the marker like every other file.)
pub fn files_with(dir: &Path, vault_dir: &Path, needle: &str) -> Vec<String> {
    let forms: [Vec<u8>; 2] = [
        needle.as_bytes().to_vec(),
        needle.encode_utf16().flat_map(u16::to_le_bytes).collect(),
    ];
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                stack.extend(entries.flatten().map(|e| e.path()));
            }
        } else if let Ok(bytes) = std::fs::read(&path) {
            let found = forms
                .iter()
                .any(|f| bytes.windows(f.len()).any(|w| w == f.as_slice()));
            let plaintext_db = path.starts_with(vault_dir) && bytes.starts_with(b"SQLite format 3");
            if found || plaintext_db {
                hits.push(path.display().to_string());
            }
        }
    }
    hits
}
