//! No guilt in what a couple reads: no streaks, no missed counts, no scores.
//!
//! Hearth's own words reach the couple from two places: the UI's string literals (and the page's
//! text) and the core's messages, which cross IPC as an error's `message` or a notification. This
//! test reads both as text, without running anything, and fails on a word that keeps a record of
//! the couple against them. Comments and code are not read, only what could be shown. The prompt
//! library is left out on purpose: its questions are invitations ("What do you most need to hear
//! when you feel you have failed?"), not Hearth's judgement of the couple.

use std::fs;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Words that count what was not done, or grade the couple.
const GUILT_WORDS: &[&str] = &[
    "streak", "streaks", "missed", "miss", "failed", "failure", "fail", "fails", "score", "scores",
    "overdue", "lapsed",
];

/// Names another company owns for kinds of caring; Hearth's care profile uses its own words.
const TRADEMARKED_PHRASES: &[&str] = &[
    "love language",
    "words of affirmation",
    "quality time",
    "acts of service",
    "receiving gifts",
    "physical touch",
];

#[test]
fn no_screen_or_message_keeps_a_record_against_the_couple() {
    let texts = shown_texts();
    let mut found = Vec::new();
    for (place, text) in &texts {
        let lower = text.to_lowercase();
        for word in words(&lower) {
            if GUILT_WORDS.contains(&word) {
                found.push(format!("{place}: {word:?} in {text:?}"));
            }
        }
        for phrase in TRADEMARKED_PHRASES {
            if lower.contains(phrase) {
                found.push(format!("{place}: {phrase:?} in {text:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "say it without guilt:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_reader_sees_the_strings_a_couple_sees() {
    let texts = shown_texts();
    let has = |needle: &str| texts.iter().any(|(_, text)| text.contains(needle));
    // One literal of each kind: a quoted string, a template, the page's text and a core message.
    assert!(has("Good morning"), "a quoted UI string was not read");
    assert!(has("has the floor"), "a template literal was not read");
    assert!(has("Hearth"), "the page's text was not read");
    assert!(
        has("Rate each of the four from 1 to 5."),
        "a core message was not read"
    );
    assert!(texts.len() > 800, "only {} texts were read", texts.len());
}

/// Every text the couple could see, with where it was found.
fn shown_texts() -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for file in files_under(&Path::new(ROOT).join("ui"), "js") {
        let source = read(&file);
        texts.extend(label(&file, js_strings(&source)));
    }
    let page = Path::new(ROOT).join("ui/index.html");
    texts.extend(label(&page, html_text(&read(&page))));
    for folder in ["src-tauri/core/src", "src-tauri/commands"] {
        for file in files_under(&Path::new(ROOT).join(folder), "rs") {
            texts.extend(label(&file, rust_strings(without_tests(&read(&file)))));
        }
    }
    for file in files_under(&Path::new(ROOT).join("src-tauri"), "rs") {
        // build.rs speaks only to whoever builds Hearth.
        let shell = file.parent() == Some(&Path::new(ROOT).join("src-tauri"));
        if shell && !file.ends_with("build.rs") {
            texts.extend(label(&file, rust_strings(without_tests(&read(&file)))));
        }
    }
    texts
}

fn label(file: &Path, strings: Vec<String>) -> impl Iterator<Item = (String, String)> + '_ {
    let place = file
        .strip_prefix(ROOT)
        .unwrap_or(file)
        .display()
        .to_string();
    strings.into_iter().map(move |s| (place.clone(), s))
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn files_under(folder: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = fs::read_dir(&dir).unwrap_or_else(|err| panic!("{}: {err}", dir.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// A source file up to its unit tests, whose strings no one but a developer reads.
fn without_tests(source: &str) -> &str {
    source
        .find("#[cfg(test)]")
        .map_or(source, |at| &source[..at])
}

/// The string literals of a JavaScript module: quoted strings and the literal parts of templates.
/// Comments and regular expressions are skipped.
fn js_strings(source: &str) -> Vec<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut strings = Vec::new();
    let mut i = 0;
    let mut last_code = '(';
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '/' if next == Some('/') => i = skip_until(&chars, i, "\n"),
            '/' if next == Some('*') => i = skip_until(&chars, i + 2, "*/") + 1,
            '/' if "(,=:[!&|?{};".contains(last_code) => i = skip_regex(&chars, i),
            '\'' | '"' | '`' => {
                let (text, end) = quoted(&chars, i, c);
                strings.extend(text);
                i = end;
                last_code = 'a';
            }
            _ => {
                if !c.is_whitespace() {
                    last_code = c;
                }
            }
        }
        i += 1;
    }
    strings
}

/// The text of a literal opening at `start` with `quote`, and where it ends. A template's `${…}`
/// splits it into its literal parts.
fn quoted(chars: &[char], start: usize, quote: char) -> (Vec<String>, usize) {
    let mut parts = vec![String::new()];
    let mut i = start + 1;
    while i < chars.len() && chars[i] != quote {
        match chars[i] {
            '\\' => {
                i += 1;
                if let (Some(&escaped), Some(part)) = (chars.get(i), parts.last_mut()) {
                    part.push(escaped);
                }
            }
            '$' if quote == '`' && chars.get(i + 1) == Some(&'{') => {
                i = matching_brace(chars, i + 1);
                parts.push(String::new());
            }
            c => {
                if let Some(part) = parts.last_mut() {
                    part.push(c);
                }
            }
        }
        i += 1;
    }
    parts.retain(|p| !p.trim().is_empty());
    (parts, i)
}

fn matching_brace(chars: &[char], open: usize) -> usize {
    let mut depth = 0;
    let mut i = open;
    while i < chars.len() {
        match chars[i] {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            '\'' | '"' | '`' => i = quoted(chars, i, chars[i]).1,
            _ => {}
        }
        i += 1;
    }
    i
}

fn skip_until(chars: &[char], from: usize, end: &str) -> usize {
    let end: Vec<char> = end.chars().collect();
    let mut i = from;
    while i < chars.len() && !chars[i..].starts_with(&end) {
        i += 1;
    }
    i
}

fn skip_regex(chars: &[char], start: usize) -> usize {
    let mut i = start + 1;
    let mut in_class = false;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => in_class = true,
            ']' => in_class = false,
            '/' if !in_class => return i,
            '\n' => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

/// The text between a page's tags, and its `content`, `title`, `alt` and `aria-label` values.
fn html_text(source: &str) -> Vec<String> {
    let mut texts = Vec::new();
    let mut rest = source;
    while let Some(open) = rest.find('<') {
        let between = rest[..open].trim();
        if !between.is_empty() {
            texts.push(between.to_string());
        }
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        let tag = &rest[open..close];
        for attribute in ["content=\"", "title=\"", "alt=\"", "aria-label=\""] {
            if let Some(at) = tag.find(attribute) {
                let value = &tag[at + attribute.len()..];
                texts.push(value[..value.find('"').unwrap_or(value.len())].to_string());
            }
        }
        rest = &rest[close..];
    }
    texts
}

/// The string literals of a Rust source: "…", raw strings r"…" and r#"…"#. Comments, lifetimes and
/// character literals are skipped.
fn rust_strings(source: &str) -> Vec<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut strings = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let next = chars.get(i + 1).copied();
        match chars[i] {
            '/' if next == Some('/') => i = skip_until(&chars, i, "\n"),
            '/' if next == Some('*') => i = skip_until(&chars, i + 2, "*/") + 1,
            '\'' => i = skip_char_literal(&chars, i),
            'r' if matches!(next, Some('"' | '#')) && !is_ident(chars.get(i.wrapping_sub(1))) => {
                let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
                let open = i + 1 + hashes;
                if chars.get(open) == Some(&'"') {
                    let close: String = std::iter::once('"')
                        .chain("#".repeat(hashes).chars())
                        .collect();
                    let end = skip_until(&chars, open + 1, &close);
                    strings.push(chars[open + 1..end.min(chars.len())].iter().collect());
                    i = end + hashes;
                }
            }
            '"' => {
                let (text, end) = quoted(&chars, i, '"');
                strings.push(text.join(" "));
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    strings.retain(|s| !s.trim().is_empty());
    strings
}

fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// Past a character literal ('x', '\n', '\u{1F600}'), or past the quote of a lifetime ('a).
fn skip_char_literal(chars: &[char], start: usize) -> usize {
    match (chars.get(start + 1), chars.get(start + 2)) {
        (Some('\\'), _) => skip_until(chars, start + 2, "'"),
        (Some(_), Some('\'')) => start + 2,
        _ => start,
    }
}
