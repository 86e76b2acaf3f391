//! Passphrase policy: zxcvbn's estimate must reach "safely unguessable" (score 3 of 4), judged with
//! the couple's names as known words. A refusal always says why, in plain words.

use zxcvbn::{zxcvbn, Score};

use super::error::{Result, VaultError};

pub const MAX_PASSPHRASE_CHARS: usize = 1024;

pub fn check(passphrase: &str, known_words: &[&str]) -> Result<()> {
    if passphrase.trim().is_empty() {
        return Err(weak("Choose a passphrase: a few uncommon words work well."));
    }
    if passphrase.chars().count() > MAX_PASSPHRASE_CHARS {
        return Err(weak(
            "That passphrase is longer than Hearth accepts (1024 characters).",
        ));
    }
    let estimate = zxcvbn(passphrase, known_words);
    if estimate.score() >= Score::Three {
        return Ok(());
    }
    let mut reason = String::from("That passphrase is too easy to guess.");
    if let Some(feedback) = estimate.feedback() {
        if let Some(warning) = feedback.warning() {
            reason.push(' ');
            reason.push_str(&warning.to_string());
        }
        if let Some(suggestion) = feedback.suggestions().first() {
            reason.push(' ');
            reason.push_str(&suggestion.to_string());
        }
    }
    if !reason.contains("word") {
        reason.push_str(" Add another uncommon word or two.");
    }
    Err(weak(&reason))
}

fn weak(reason: &str) -> VaultError {
    VaultError::WeakPassphrase {
        reason: reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_ones_are_refused_with_a_reason() {
        for weak in ["password", "12345678", "sam2024", "", "   "] {
            match check(weak, &["sam"]) {
                Err(VaultError::WeakPassphrase { reason }) => {
                    assert!(reason.len() > 20, "{reason}")
                }
                other => panic!("{weak:?} was not refused: {other:?}"),
            }
        }
    }

    #[test]
    fn names_count_as_guessable() {
        assert!(check("juniperjuniper", &["juniper"]).is_err());
    }

    #[test]
    fn strong_ones_pass() {
        check("lantern orbit velvet cactus", &[]).unwrap();
        check("quiet-harbor-71-mosaic", &["sam", "alex"]).unwrap();
    }
}
