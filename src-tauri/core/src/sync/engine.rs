//! One pass of sync between this laptop's shared vault and the mailbox: what changed here goes
//! out as segments, the other laptop's new segments are applied in order, each laptop says how far
//! it has read, and segments both have are cleared from the folder. A pass touches only files;
//! the couple's sync tool carries them.
//!
//! Crash safety: an operation is in the outbox before any segment carries it, and leaves it only
//! after the segment is on disk. A segment written just before a crash is found again on the next
//! pass (it is this laptop's own next number) and taken as sent, never written a second time.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::mailbox::{Cursor, Mailbox, Stop};
use super::ops::{self, Op};
use super::pairing;
use super::store::peers::{self, Stopped};
use super::store::{self, laptops, outbox};
use super::{DeviceId, Result};

/// The most a segment's operations take before the next segment starts (before sealing).
const SEGMENT_BYTES: usize = 4 * 1024 * 1024;

/// What one pass did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Pass {
    pub segments_written: usize,
    pub segments_applied: usize,
    pub rows_changed: usize,
    pub segments_cleared: usize,
}

/// Runs one pass at `now`.
pub fn run(conn: &Connection, mailbox: &Mailbox, now: DateTime<Utc>) -> Result<Pass> {
    let wall_ms = wall_ms(now);
    let mut pass = Pass::default();
    take_as_sent(conn, mailbox)?;
    store::changes(conn, wall_ms)?;
    pass.segments_written += write_outbox(conn, mailbox)?;
    for peer in others(conn, mailbox)? {
        peers::know(conn, peer)?;
        read_from(conn, mailbox, peer, now, &mut pass)?;
    }
    // What the other laptop sent may have been written on top of changes made here meanwhile.
    pass.segments_written += write_outbox(conn, mailbox)?;
    pass.segments_cleared = clear(conn, mailbox, now)?;
    Ok(pass)
}

/// The other laptops in the mailbox, but for those forgotten: a laptop that no longer syncs is
/// neither read nor waited for.
fn others(conn: &Connection, mailbox: &Mailbox) -> Result<Vec<DeviceId>> {
    let mut found = Vec::new();
    for device in mailbox.others()? {
        if !laptops::is_forgotten(conn, device)? {
            found.push(device);
        }
    }
    Ok(found)
}

/// Segments of this laptop's own that a crash left unrecorded: their operations leave the outbox.
fn take_as_sent(conn: &Connection, mailbox: &Mailbox) -> Result<()> {
    let own = peers::own(conn)?;
    let (found, _) = mailbox.receive(mailbox.device(), own)?;
    for segment in found {
        let tx = conn.unchecked_transaction()?;
        outbox::sent(&tx, &segment.ops)?;
        peers::advance_own(
            &tx,
            Cursor {
                next: segment.seq + 1,
                prev: segment.hash,
            },
        )?;
        tx.commit()?;
    }
    Ok(())
}

/// A moment as the clock's milliseconds since the Unix epoch (none before it).
pub fn wall_ms(now: DateTime<Utc>) -> u64 {
    u64::try_from(now.timestamp_millis()).unwrap_or(0)
}

/// Writes everything waiting in the outbox as this laptop's next segments.
fn write_outbox(conn: &Connection, mailbox: &Mailbox) -> Result<usize> {
    let waiting = outbox::waiting(conn)?;
    let mut written = 0;
    for chunk in chunks(&waiting)? {
        let own = peers::own(conn)?;
        let hash = mailbox.write(own.next, own.prev, chunk)?;
        let tx = conn.unchecked_transaction()?;
        outbox::sent(&tx, chunk)?;
        peers::advance_own(
            &tx,
            Cursor {
                next: own.next + 1,
                prev: hash,
            },
        )?;
        tx.commit()?;
        written += 1;
    }
    Ok(written)
}

/// The outbox cut into segments of at most [`SEGMENT_BYTES`] each (one larger operation goes
/// alone).
fn chunks(ops: &[Op]) -> Result<Vec<&[Op]>> {
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, op) in ops.iter().enumerate() {
        let size = ops::encode(std::slice::from_ref(op))?.len();
        if i > start && bytes + size > SEGMENT_BYTES {
            chunks.push(&ops[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += size;
    }
    if start < ops.len() {
        chunks.push(&ops[start..]);
    }
    Ok(chunks)
}

/// Applies `peer`'s new segments in order; records where and why reading stopped.
fn read_from(
    conn: &Connection,
    mailbox: &Mailbox,
    peer: DeviceId,
    now: DateTime<Utc>,
    pass: &mut Pass,
) -> Result<()> {
    let wall_ms = wall_ms(now);
    let (segments, stop) = mailbox.receive(peer, peers::cursor(conn, peer)?)?;
    for segment in segments {
        let applied = store::apply(conn, &segment.ops, wall_ms)?;
        // Applying twice changes nothing, so a crash before this line costs only time.
        peers::advance(
            conn,
            peer,
            Cursor {
                next: segment.seq + 1,
                prev: segment.hash,
            },
            now,
        )?;
        pass.segments_applied += 1;
        pass.rows_changed += applied.rows_changed;
    }
    let stopped = match stop {
        Stop::Waiting => None,
        Stop::Quarantined { seq, reason } => Some(Stopped::Quarantined {
            seq,
            reason: reason.to_string(),
        }),
        Stop::Forked { seq } => Some(Stopped::Forked { seq }),
    };
    peers::stop(conn, peer, stopped.as_ref())?;
    let read = peers::cursor(conn, peer)?.next - 1;
    if read > peers::acked(conn, peer)? {
        mailbox.acknowledge(peer, read)?;
        peers::acknowledged(conn, peer, read)?;
    }
    Ok(())
}

/// Removes this laptop's segments that every other laptop has acknowledged, unless a pairing file
/// of this laptop's still waits.
fn clear(conn: &Connection, mailbox: &Mailbox, now: DateTime<Utc>) -> Result<usize> {
    let mut pairing_waits = pairing::path(mailbox.folder(), mailbox.device()).exists();
    let mut through: Option<u64> = None;
    for peer in others(conn, mailbox)? {
        let acked = mailbox.acknowledged_by(peer)?.unwrap_or(0);
        if acked > 0 {
            peers::heard(conn, peer, acked, now)?;
            if pairing_waits && !peers::before_pairing(conn, peer)? {
                // A laptop new since the pairing file has read, so it has opened the file: the
                // key leaves the folder.
                pairing::remove(mailbox.folder(), mailbox.device())?;
                pairing_waits = false;
            }
        }
        through = Some(through.map_or(acked, |t| t.min(acked)));
    }
    if pairing_waits {
        // The laptop the pairing file waits for has read nothing yet; what the others have read
        // is kept for it (a late laptop starts at the snapshot, which must still be there).
        return Ok(0);
    }
    match through {
        Some(through) if through > 0 => mailbox.clear_through(through),
        _ => Ok(0),
    }
}
