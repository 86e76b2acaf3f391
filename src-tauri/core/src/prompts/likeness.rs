//! How alike two texts are, for the library's rules: near-duplicate prompts (the words that carry
//! meaning, shared as a share of the smaller set) and runs of words borrowed from elsewhere (six
//! words in a row, compared as hashes so the other text never has to ship with Hearth).

use std::collections::BTreeSet;

/// Above this share of shared meaning words, two prompts are near duplicates.
pub const MAX_LIKENESS: f64 = 0.7;

/// A run this many words long, shared with another text, counts as borrowed.
pub const RUN_WORDS: usize = 6;

/// Words that shape a sentence without saying what it is about; two prompts do not become alike
/// by both starting "What do you".
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "an", "and", "are", "as", "at", "be", "been", "but", "by", "did", "do", "does",
    "for", "from", "how", "i", "if", "in", "into", "is", "it", "its", "me", "mine", "my", "of",
    "on", "one", "or", "our", "ours", "out", "so", "than", "that", "the", "then", "these", "this",
    "those", "to", "up", "us", "was", "we", "were", "what", "when", "where", "which", "who", "why",
    "with", "you", "your", "yours",
];

/// The lower-case words of a text, in order. Apostrophes (straight or curly) are dropped, so
/// "haven't" and "haven’t" are the same word.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Every word of a text, once.
pub fn word_set(text: &str) -> BTreeSet<String> {
    words(text).into_iter().collect()
}

/// The words of a text that carry its meaning: all but the function words.
pub fn meaning_words(text: &str) -> BTreeSet<String> {
    words(text)
        .into_iter()
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .collect()
}

/// Shared words as a share of the smaller set: 1.0 means one set's words all appear in the other.
pub fn overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / smaller as f64
}

/// How alike two prompts are: the overlap of their meaning words.
pub fn likeness(a: &str, b: &str) -> f64 {
    overlap(&meaning_words(a), &meaning_words(b))
}

/// A hash of every run of [`RUN_WORDS`] words in a text (FNV-1a over the words joined by spaces):
/// stable across Rust versions and machines, so a file of them can be kept and compared.
pub fn runs(text: &str) -> BTreeSet<u64> {
    words(text)
        .windows(RUN_WORDS)
        .map(|run| fnv1a(run.join(" ").as_bytes()))
        .collect()
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_ignore_case_punctuation_and_apostrophe_style() {
        assert_eq!(
            words("Haven’t we? WE haven't!"),
            ["havent", "we", "we", "havent"]
        );
    }

    #[test]
    fn likeness_reads_meaning_not_grammar() {
        assert!(
            likeness(
                "What is your favourite colour?",
                "Which colour is your favourite?"
            ) > MAX_LIKENESS
        );
        assert!(
            likeness(
                "When do you feel most desired by me?",
                "When did you last feel truly understood by me?"
            ) <= MAX_LIKENESS
        );
    }

    #[test]
    fn runs_are_six_words_and_stable() {
        assert!(runs("one two three four five").is_empty());
        let both = runs("one two three four five six seven");
        assert_eq!(both.len(), 2);
        // Pinned, so a change to the words or the hash is seen (the kept file would go stale).
        assert!(both.contains(&fnv1a(b"one two three four five six")));
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
