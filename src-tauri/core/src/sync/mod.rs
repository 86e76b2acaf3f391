//! Two laptops, one shared space: sync through a folder the couple already syncs.
//!
//! Each laptop keeps its own encrypted `shared.db` as the source of truth; the database file is
//! never synced. Instead each device writes immutable, encrypted segments of operations under its
//! own folder in a mailbox (`HearthSync/<vault-id>/<device-id>/`), and the couple's sync tool
//! (Syncthing, a cloud folder, a USB stick) carries them. No file is ever written by two devices,
//! so the sync tool never has a conflict to resolve, and Hearth itself opens no socket.
//!
//! The pieces, each in its own file:
//! - [`clock`]: the hybrid logical clock that orders operations whatever the laptops' clocks say;
//! - [`envelope`]: a segment's bytes: header, padding and XChaCha20-Poly1305, kept apart from
//!   what the operations mean;
//! - [`ops`]: the operations a segment carries, each setting one field of one row;
//! - [`merge`]: how the versions of a field become what both laptops show, whatever order they
//!   came in;
//! - [`mailbox`]: writing this device's segments, reading the other's in order, with gaps, forks
//!   and quarantine;
//! - [`acks`]: how far each laptop has read the other, and clearing what both have;
//! - [`names`]: the mailbox's file names, which files a reader skips, and which a watch wakes for;
//! - [`link`]: this laptop's link to the mailbox: inviting, joining, a pass, what the screen shows;
//! - [`pairing`]: the second laptop joins through a file sealed under a one-time code;
//! - [`revisions`]: what a concurrent edit on the other laptop replaced, kept and shown;
//! - [`tables`]: which tables of the shared space travel, and how both laptops know a row;
//! - [`store`]: the shared vault's side: this laptop's changes as operations, and the other's
//!   written in;
//! - [`error`]: what can go wrong, in plain words.

pub mod acks;
pub mod clock;
pub mod engine;
pub mod envelope;
pub mod error;
pub mod link;
pub mod mailbox;
pub mod merge;
pub mod names;
pub mod ops;
pub mod pairing;
pub mod revisions;
pub mod shared_rows;
pub mod store;
pub mod tables;

pub use clock::{Clock, DeviceId, Stamp};
pub use envelope::{Header, SegmentKey};
pub use error::SyncError;

pub type Result<T> = std::result::Result<T, SyncError>;
