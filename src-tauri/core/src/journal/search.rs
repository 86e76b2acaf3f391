//! Full-text search (FTS5) across the spaces that are open right now. Each vault file keeps its own
//! index, encrypted with it; a locked partner's index is not attached, so their entries cannot
//! appear, not even as a count. Words match by prefix; the snippet marks what matched.

use rusqlite::params;

use super::error::Result;
use super::types::{Entry, SearchHit, SnippetPart};
use crate::vault::Session;

/// Marks around matched words in FTS5's snippet, from Unicode's private use area.
const HIT_START: char = '\u{E000}';
const HIT_END: char = '\u{E001}';

/// The person's words as an FTS5 query: each word a prefix, all of them required. Operators and
/// quotes in the input are ordinary characters here, so no input can break the query.
pub fn to_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn snippet_parts(snippet: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut hit = false;
    let mut text = String::new();
    for c in snippet.chars() {
        if c == HIT_START || c == HIT_END {
            if !text.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut text),
                    hit,
                });
            }
            hit = c == HIT_START;
        } else {
            text.push(c);
        }
    }
    if !text.is_empty() {
        parts.push(SnippetPart { text, hit });
    }
    parts
}

/// The best `limit` matches across the open spaces, best first.
pub fn search(session: &Session, text: &str, limit: u32) -> Result<Vec<SearchHit>> {
    let Some(query) = to_query(text) else {
        return Ok(Vec::new());
    };
    let limit = limit.clamp(1, 100);
    let mut scored: Vec<(f64, SearchHit)> = Vec::new();
    for space in session.readable_spaces() {
        let schema = space.schema();
        let mut statement = session.conn().prepare_cached(&format!(
            "SELECT e.id, e.title, e.body, e.entry_date, e.mood, e.tags, e.prompt_id, e.answer_id,
                    e.author, e.created_at, e.updated_at,
                    snippet(entries_fts, -1, ?2, ?3, '…', 16), bm25(entries_fts)
             FROM {schema}.entries_fts JOIN {schema}.entries e ON e.id = entries_fts.rowid
             WHERE entries_fts MATCH ?1 AND e.deleted_at IS NULL
             ORDER BY bm25(entries_fts) LIMIT {limit}"
        ))?;
        let rows = statement.query_map(
            params![query, HIT_START.to_string(), HIT_END.to_string()],
            |row| {
                let entry: Entry = super::store::entry_from_row(space, row)?;
                let snippet: String = row.get(11)?;
                let score: f64 = row.get(12)?;
                Ok((
                    score,
                    SearchHit {
                        entry,
                        snippet: snippet_parts(&snippet),
                    },
                ))
            },
        )?;
        for row in rows {
            scored.push(row?);
        }
    }
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(scored
        .into_iter()
        .take(limit as usize)
        .map(|(_, hit)| hit)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn words_become_prefix_terms_and_operators_are_just_text() {
        assert_eq!(
            to_query("walk beach").as_deref(),
            Some("\"walk\"* \"beach\"*")
        );
        assert_eq!(
            to_query("NOT \"x\" OR y*").as_deref(),
            Some("\"NOT\"* \"x\"* \"OR\"* \"y\"*")
        );
        assert_eq!(to_query("  ...  "), None);
        assert_eq!(
            to_query("café 東京").as_deref(),
            Some("\"café\"* \"東京\"*")
        );
    }

    #[test]
    fn snippets_split_into_marked_parts() {
        let parts = snippet_parts("a \u{E000}walk\u{E001} by the sea");
        assert_eq!(
            parts,
            [
                SnippetPart {
                    text: "a ".into(),
                    hit: false
                },
                SnippetPart {
                    text: "walk".into(),
                    hit: true
                },
                SnippetPart {
                    text: " by the sea".into(),
                    hit: false
                },
            ]
        );
    }

    proptest! {
        #[test]
        fn any_input_makes_a_query_of_quoted_words(text in "\\PC{0,40}") {
            if let Some(query) = to_query(&text) {
                for term in query.split(' ') {
                    prop_assert!(term.starts_with('"') && term.ends_with("\"*"));
                    prop_assert!(!term[1..term.len() - 2].contains('"'));
                }
            }
        }
    }
}
