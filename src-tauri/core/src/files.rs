//! Replacing a small file so that a crash at any moment leaves either the old or the new one:
//! write a temporary file, fsync it, rename it over the old one, then fsync the folder.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

pub fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    let temp = dir.join(format!("{name}.tmp"));
    {
        let mut file = File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    fs::rename(&temp, dir.join(name))?;
    File::open(dir)?.sync_all()
}
