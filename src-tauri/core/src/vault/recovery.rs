//! Recovery codes: 160 random bits, shown once at setup, that open a partner's private vault when the
//! passphrase is forgotten. Written as 8 groups of 4 Crockford base32 characters, which avoids the
//! letters people misread (I, L, O, U), and read back forgivingly.

use zeroize::Zeroizing;

use super::crypto;
use super::error::{Result, VaultError};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_CHARS: usize = 32;
const GROUP: usize = 4;

/// A new code, grouped for reading aloud or writing down: `XXXX-XXXX-…`.
pub fn generate() -> Zeroizing<String> {
    let mut bytes = Zeroizing::new([0u8; 20]);
    crypto::fill_random(bytes.as_mut());
    let mut code = Zeroizing::new(String::with_capacity(CODE_CHARS + CODE_CHARS / GROUP));
    // 20 bytes = 160 bits = 32 groups of 5 bits.
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut written = 0;
    for &byte in bytes.iter() {
        acc = (acc << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            if written > 0 && written % GROUP == 0 {
                code.push('-');
            }
            code.push(ALPHABET[((acc >> bits) & 31) as usize] as char);
            written += 1;
        }
    }
    code
}

/// The canonical form that the slot was wrapped with: upper case, no separators, and the letters
/// people confuse mapped as Crockford base32 does (O→0, I and L→1).
pub fn normalize(input: &str) -> Result<Zeroizing<String>> {
    let mut out = Zeroizing::new(String::with_capacity(CODE_CHARS));
    for c in input.chars() {
        let c = match c.to_ascii_uppercase() {
            '-' | ' ' | '\t' | '\n' | '\r' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return Err(shape_error());
        }
        out.push(c);
    }
    if out.len() != CODE_CHARS {
        return Err(shape_error());
    }
    Ok(out)
}

fn shape_error() -> VaultError {
    VaultError::InvalidInput(
        "A recovery code has 32 letters and digits, in 8 groups of 4. Check it against what you \
         wrote down."
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn generated_codes_are_grouped_and_normalize_to_themselves() {
        let code = generate();
        assert_eq!(code.len(), 39);
        assert_eq!(code.split('-').count(), 8);
        let canonical = normalize(&code).unwrap();
        assert_eq!(*canonical, code.replace('-', ""));
        assert_ne!(*generate(), *code);
    }

    #[test]
    fn forgiving_of_case_spaces_and_lookalikes() {
        let code = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789";
        let typed = "abcd efgh jkmn pqrs tvwx yzoi 2345 6789";
        assert_eq!(*normalize(typed).unwrap(), *normalize(code).unwrap());
        assert!(normalize("too short").is_err());
        assert!(normalize("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-678U").is_err());
    }

    proptest! {
        #[test]
        fn parser_never_panics(text in "\\PC{0,60}") {
            let _ = normalize(&text);
        }
    }
}
