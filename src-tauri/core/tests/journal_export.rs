//! Export: one partner's own private entries and the shared ones, never the other's; Markdown keeps
//! bodies as written, JSON round-trips; the age export decrypts with the passphrase (by the age
//! crate's own decryptor) and holds no plaintext.

mod common;

use age::secrecy::SecretString;
use common::*;
use hearth_core::journal::export::{self, ExportFormat};
use hearth_core::journal::store;
use hearth_core::journal::types::EntryDraft;
use hearth_core::journal::JournalError;
use hearth_core::vault::{partners, Partner, Space, VaultError};

#[test]
fn a_partner_exports_their_own_and_the_shared_entries_only() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = set_up_open(dir.path());
    let session = vault.session().unwrap();
    let marker = unique_marker("EXPORTMARK");
    let body = format!("{marker} line one\n\nparagraph two <script>x</script>");
    store::create(
        session,
        Space::Private(Partner::A),
        Partner::A,
        &EntryDraft {
            title: "Mine".into(),
            tags: vec!["us".into()],
            ..EntryDraft::plain(&body)
        },
    )
    .unwrap();
    store::create(
        session,
        Space::Shared,
        Partner::B,
        &EntryDraft::plain("shared words"),
    )
    .unwrap();
    store::create(
        session,
        Space::Private(Partner::B),
        Partner::B,
        &EntryDraft::plain("only for B"),
    )
    .unwrap();
    assert!(matches!(
        export::entries_of(session, Partner::A),
        Err(JournalError::Vault(VaultError::OwnerMustConfirm))
    ));

    vault.leave(Partner::B).unwrap();
    let session = vault.session().unwrap();
    let entries = export::entries_of(session, Partner::A).unwrap();
    assert_eq!(entries.len(), 2);
    assert!(entries
        .iter()
        .all(|e| e.space != Space::Private(Partner::B)));
    let names = partners::names(session).unwrap();
    let markdown = export::render(&entries, &names, ExportFormat::Markdown).unwrap();
    assert!(markdown.contains(&body), "the body as written:\n{markdown}");
    assert!(markdown.contains("Private to Sam") && markdown.contains("#us"));
    assert!(!markdown.contains("only for B"));
    let json = export::render(&entries, &names, ExportFormat::Json).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed.as_array().unwrap().len(), 2);
    assert!(parsed
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["body"] == body.as_str()));

    assert!(
        export::seal(&markdown, "password", Some(10)).is_err(),
        "a weak passphrase is refused"
    );
    let passphrase = "orchard velvet lantern quiet";
    let sealed = export::seal(&markdown, passphrase, Some(10)).unwrap();
    assert!(sealed.starts_with(b"age-encryption.org/v1\n"));
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("export.md.age"), &sealed).unwrap();
    assert!(
        files_containing(out.path(), &marker).is_empty(),
        "no plaintext in the age file"
    );
    let identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    let opened = age::decrypt(&identity, &sealed).unwrap();
    assert_eq!(String::from_utf8(opened).unwrap(), markdown);
    let wrong =
        age::scrypt::Identity::new(SecretString::from("another passphrase entirely".to_owned()));
    assert!(age::decrypt(&wrong, &sealed).is_err());
}
