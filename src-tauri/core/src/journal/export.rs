//! Export of one partner's view: their own private entries and the shared ones, as Markdown or
//! JSON. Plain exports are not encrypted (the UI says so plainly); an encrypted export wraps the
//! same text in the age format with a passphrase (scrypt), readable with any age tool.

use std::io::Write;

use age::secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::error::{JournalError, Result};
use super::store;
use super::types::{Entry, EntryFilter};
use crate::vault::{Partner, Session, Space};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Markdown,
    Json,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Json => "json",
        }
    }
}

/// Every entry `owner` may take away: their private ones and the shared ones, newest first. Only
/// `owner` can take them: alone, or confirmed by their passphrase while the two sit together.
pub fn entries_of(session: &Session, owner: Partner) -> Result<Vec<Entry>> {
    session.owner_present(owner)?;
    let mut all = Vec::new();
    for space in [Space::Private(owner), Space::Shared] {
        session.schema(space)?;
        let filter = EntryFilter {
            space: Some(space),
            ..EntryFilter::default()
        };
        let mut cursor = None;
        loop {
            let page = store::list(session, &filter, cursor.as_ref(), 200)?;
            all.extend(page.entries);
            match page.next {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
    }
    all.sort_by_key(|e| std::cmp::Reverse((e.date, e.created_at)));
    Ok(all)
}

/// The export as text. Bodies go in as written; Markdown keeps them in their own paragraphs.
pub fn render(entries: &[Entry], names: &[String; 2], format: ExportFormat) -> Result<String> {
    match format {
        ExportFormat::Json => serde_json::to_string_pretty(entries)
            .map_err(|e| JournalError::InvalidInput(e.to_string())),
        ExportFormat::Markdown => {
            let name = |p: Partner| names[usize::from(p == Partner::B)].clone();
            let mut out = String::from("# Hearth journal\n");
            for entry in entries {
                let heading = if entry.title.is_empty() {
                    entry.date.to_string()
                } else {
                    format!("{} — {}", entry.date, entry.title)
                };
                out.push_str(&format!("\n## {heading}\n\n"));
                let place = match entry.space {
                    Space::Shared => "Shared".to_string(),
                    Space::Private(owner) => format!("Private to {}", name(owner)),
                };
                let mut meta = vec![place];
                if let Some(mood) = entry.mood {
                    meta.push(format!("mood: {}", mood.key()));
                }
                if !entry.tags.is_empty() {
                    meta.push(
                        entry
                            .tags
                            .iter()
                            .map(|t| format!("#{t}"))
                            .collect::<Vec<_>>()
                            .join(" "),
                    );
                }
                out.push_str(&format!(
                    "*{}*\n\n{}\n",
                    meta.join(" · "),
                    entry.body.trim_end()
                ));
            }
            Ok(out)
        }
    }
}

/// Wraps `text` in the age format with `passphrase`. `work_factor` (log2 of scrypt's N) defaults to
/// about a second of work on this machine.
pub fn seal(text: &str, passphrase: &str, work_factor: Option<u8>) -> Result<Vec<u8>> {
    crate::vault::strength::check(passphrase, &[])
        .map_err(|e| JournalError::InvalidInput(e.to_string()))?;
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
    if let Some(log_n) = work_factor {
        recipient.set_work_factor(log_n);
    }
    let failed = |e: &dyn std::fmt::Display| {
        JournalError::InvalidInput(format!("The export could not be encrypted: {e}"))
    };
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .map_err(|e| failed(&e))?;
    let mut sealed = Vec::new();
    let mut writer = encryptor.wrap_output(&mut sealed).map_err(|e| failed(&e))?;
    writer.write_all(text.as_bytes()).map_err(|e| failed(&e))?;
    writer.finish().map_err(|e| failed(&e))?;
    Ok(sealed)
}
