//! The two primitives behind the keyslots: Argon2id turns a passphrase into a key-encryption key,
//! and XChaCha20-Poly1305 wraps a vault key with it. Every secret lives in a buffer that is wiped on
//! drop, so locking (dropping the session) zeroizes keys.

use argon2::{Algorithm, Argon2, AssociatedData, ParamsBuilder, Version};
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::error::{Result, VaultError};

pub const KEY_LEN: usize = 32;
pub const NONCE_LEN: usize = 24;
pub const SALT_LEN: usize = 16;
pub const TAG_LEN: usize = 16;

/// A 256-bit key: a vault key or a key-encryption key. Wiped when dropped.
pub type Key = Zeroizing<[u8; KEY_LEN]>;

/// Argon2id cost, stored with each slot so it can be raised later without breaking old slots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfParams {
    /// The least the app ever writes: above OWASP's minimum (19 MiB, t=2).
    pub const FLOOR: KdfParams = KdfParams {
        m_kib: 64 * 1024,
        t: 3,
        p: 1,
    };

    /// The most a slot read from disk may ask for: 1 GiB, 16 passes, 8 lanes. A file asking for
    /// more was not written by Hearth, and following it could exhaust memory or run for hours.
    pub const CEILING: KdfParams = KdfParams {
        m_kib: 1024 * 1024,
        t: 16,
        p: 8,
    };

    pub fn meets_floor(&self) -> bool {
        self.m_kib >= Self::FLOOR.m_kib && self.t >= Self::FLOOR.t && self.p >= Self::FLOOR.p
    }

    /// Whether a slot read from disk may be tried with these: at most [`KdfParams::CEILING`], and
    /// what Argon2 itself accepts (at least 8 KiB per lane, one pass, one lane).
    pub fn within_bounds(&self) -> bool {
        let ceiling = Self::CEILING;
        (1..=ceiling.p).contains(&self.p)
            && (1..=ceiling.t).contains(&self.t)
            && (8 * self.p..=ceiling.m_kib).contains(&self.m_kib)
    }
}

// OWASP's minimum for Argon2id is 19 MiB with t=2; the floor must never drop below it.
const _: () = assert!(KdfParams::FLOOR.m_kib >= 19 * 1024 && KdfParams::FLOOR.t >= 2);

pub fn random_key() -> Key {
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    fill_random(key.as_mut());
    key
}

pub fn random_salt() -> [u8; SALT_LEN] {
    let mut salt = [0u8; SALT_LEN];
    fill_random(&mut salt);
    salt
}

pub fn fill_random(buf: &mut [u8]) {
    use chacha20poly1305::aead::rand_core::RngCore;
    OsRng.fill_bytes(buf);
}

/// Argon2id (version 0x13) with an optional secret and associated data, as RFC 9106 defines it.
pub fn argon2id(
    password: &[u8],
    salt: &[u8],
    secret: &[u8],
    associated: &[u8],
    params: KdfParams,
    out: &mut [u8],
) -> Result<()> {
    let mut builder = ParamsBuilder::new();
    builder
        .m_cost(params.m_kib)
        .t_cost(params.t)
        .p_cost(params.p)
        .output_len(out.len());
    if !associated.is_empty() {
        let data = AssociatedData::new(associated).map_err(|_| VaultError::Crypto)?;
        builder.data(data);
    }
    let argon_params = builder.build().map_err(|_| VaultError::Crypto)?;
    let argon = if secret.is_empty() {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params)
    } else {
        Argon2::new_with_secret(secret, Algorithm::Argon2id, Version::V0x13, argon_params)
            .map_err(|_| VaultError::Crypto)?
    };
    argon
        .hash_password_into(password, salt, out)
        .map_err(|_| VaultError::Crypto)
}

/// The key-encryption key for one salt and cost: a partner's passphrase slots share both.
pub fn derive_kek(passphrase: &str, salt: &[u8], params: KdfParams) -> Result<Key> {
    #[cfg(any(test, feature = "test-support"))]
    DERIVATIONS.with(|count| count.set(count.get() + 1));
    let mut kek = Zeroizing::new([0u8; KEY_LEN]);
    argon2id(passphrase.as_bytes(), salt, &[], &[], params, kek.as_mut())?;
    Ok(kek)
}

#[cfg(any(test, feature = "test-support"))]
thread_local! {
    static DERIVATIONS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many key-encryption keys this thread has derived, for the tests that count what an unlock
/// costs (per thread, since tests run side by side).
#[cfg(any(test, feature = "test-support"))]
pub fn derivations_on_this_thread() -> u64 {
    DERIVATIONS.with(std::cell::Cell::get)
}

/// XChaCha20-Poly1305 encryption; returns ciphertext followed by the tag.
pub fn seal(
    key: &[u8; KEY_LEN],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    msg: &[u8],
) -> Result<Vec<u8>> {
    XChaCha20Poly1305::new(key.into())
        .encrypt(XNonce::from_slice(nonce), Payload { msg, aad })
        .map_err(|_| VaultError::Crypto)
}

/// The inverse of [`seal`]. `None` means the key, nonce, data or tag do not match: for a keyslot,
/// a wrong passphrase.
pub fn open(
    key: &[u8; KEY_LEN],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    sealed: &[u8],
) -> Option<Zeroizing<Vec<u8>>> {
    XChaCha20Poly1305::new(key.into())
        .decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad })
        .ok()
        .map(Zeroizing::new)
}

pub fn random_nonce() -> [u8; NONCE_LEN] {
    XChaCha20Poly1305::generate_nonce(&mut OsRng).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use hex_literal::hex;

    /// draft-irtf-cfrg-xchacha-03, appendix A.3.1.
    #[test]
    fn xchacha20poly1305_known_answer() {
        let key = hex!("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        let nonce = hex!("404142434445464748494a4b4c4d4e4f5051525354555657");
        let aad = hex!("50515253c0c1c2c3c4c5c6c7");
        let plaintext: &[u8] = b"Ladies and Gentlemen of the class of '99: If I could offer you \
only one tip for the future, sunscreen would be it.";
        let expected = hex!(
            "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
            "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
            "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
            "21f9664c97637da9768812f615c68b13b52e"
            "c0875924c1c7987947deafd8780acf49"
        );
        let sealed = seal(&key, &nonce, &aad, plaintext).unwrap();
        assert_eq!(sealed, expected);
        let opened = open(&key, &nonce, &aad, &sealed).unwrap();
        assert_eq!(opened.as_slice(), plaintext);

        let mut tampered = sealed.clone();
        tampered[0] ^= 1;
        assert!(open(&key, &nonce, &aad, &tampered).is_none());
        assert!(open(&key, &nonce, b"other", &sealed).is_none());
    }

    /// RFC 9106, section 5.3 (Argon2id).
    #[test]
    fn argon2id_known_answer() {
        let mut tag = [0u8; 32];
        argon2id(
            &[0x01; 32],
            &[0x02; 16],
            &[0x03; 8],
            &[0x04; 12],
            KdfParams {
                m_kib: 32,
                t: 3,
                p: 4,
            },
            &mut tag,
        )
        .unwrap();
        assert_eq!(
            tag,
            hex!("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659")
        );
    }

    #[test]
    fn weaker_params_do_not_meet_the_floor() {
        assert!(!KdfParams {
            m_kib: 8,
            t: 1,
            p: 1
        }
        .meets_floor());
    }
}
