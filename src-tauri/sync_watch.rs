//! A watch on the sync folder: when the couple's sync tool brings a file from the other laptop, the
//! housekeeping thread wakes and runs a pass, instead of waiting for its next minute. The watch
//! only wakes; the passes belong to the housekeeping thread. inotify misses changes made on
//! network file systems, so the minute's pass stays.
//!
//! It wakes for what can mean new work and nothing else (issue 35). notify's inotify backend also
//! reports every open and read, and each pass opens the folder; waking for those made every pass
//! wake the next, tens of thousands a minute. So:
//! - only a file written and closed, moved into place (how Syncthing delivers), or a folder made,
//!   and only where [`Arrivals`] says another laptop's segment or acknowledgement lives;
//! - a burst (a sync tool bringing ten files) wakes one pass, once the folder has been quiet for
//!   [`QUIET`], or after [`LONGEST_WAIT`] if it never is.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use hearth_core::sync::names::Arrivals;
use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind, RenameMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How long the folder must be quiet before a burst of arrivals wakes its one pass.
const QUIET: Duration = Duration::from_millis(250);
/// The longest an arrival waits for the folder to be quiet.
const LONGEST_WAIT: Duration = Duration::from_secs(2);

/// The folder being watched, and its watcher; none until sync is set up here.
#[derive(Default)]
pub struct FolderWatch {
    watching: Option<(PathBuf, RecommendedWatcher)>,
}

impl FolderWatch {
    /// Watches the mailbox (`HearthSync/` once it is there, until then the couple's folder itself,
    /// not below it), calling `wake` once for each burst of arrivals. A watch already in place is
    /// left as it is. A watch that cannot start leaves the minute's pass to do the work.
    pub fn follow(&mut self, folder: &Path, arrivals: Arrivals, wake: impl Fn() + Send + 'static) {
        let (target, mode) = if arrivals.root().is_dir() {
            (arrivals.root().to_path_buf(), RecursiveMode::Recursive)
        } else {
            (folder.to_path_buf(), RecursiveMode::NonRecursive)
        };
        if self
            .watching
            .as_ref()
            .is_some_and(|(path, _)| *path == target)
        {
            return;
        }
        // Dropping the old watcher ends its coalescing thread too.
        self.watching = None;
        let (arrived, arrivals_seen) = mpsc::channel();
        let watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
            if event.is_ok_and(|event| wakes_a_pass(&event, &arrivals)) {
                let _ = arrived.send(());
            }
        });
        let Ok(mut watcher) = watcher else {
            return;
        };
        if watcher.watch(&target, mode).is_err() {
            return;
        }
        let started = std::thread::Builder::new()
            .name("sync-watch".into())
            .spawn(move || coalesce(&arrivals_seen, wake));
        if started.is_ok() {
            self.watching = Some((target, watcher));
        }
    }
}

/// Whether `event` can mean the other laptop brought something.
fn wakes_a_pass(event: &Event, arrivals: &Arrivals) -> bool {
    if event.need_rescan() {
        // The kernel's queue overflowed: anything may have arrived.
        return true;
    }
    let can_be_news = matches!(
        event.kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(
                RenameMode::To | RenameMode::Both | RenameMode::Any
            ))
            | EventKind::Create(CreateKind::Folder)
            // Backends that cannot say more (Windows) report only that something was made or
            // changed.
            | EventKind::Create(CreateKind::Any)
            | EventKind::Modify(ModifyKind::Any)
    );
    can_be_news && event.paths.iter().any(|path| arrivals.matters(path))
}

/// Calls `wake` once per burst of arrivals: after the first, it waits until none has come for
/// [`QUIET`] (at most [`LONGEST_WAIT`] in all). Ends when the watcher goes.
fn coalesce(arrived: &Receiver<()>, wake: impl Fn()) {
    while arrived.recv().is_ok() {
        let latest = Instant::now() + LONGEST_WAIT;
        loop {
            let left = QUIET.min(latest.saturating_duration_since(Instant::now()));
            if left.is_zero() || arrived.recv_timeout(left).is_err() {
                break;
            }
        }
        wake();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hearth_core::sync::names;
    use hearth_core::sync::DeviceId;
    use notify::event::{DataChange, RemoveKind};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    const VAULT: [u8; 16] = [7; 16];
    const OURS: DeviceId = DeviceId([1; 16]);
    const THEIRS: DeviceId = DeviceId([2; 16]);

    fn event(kind: EventKind, path: PathBuf) -> Event {
        Event::new(kind).add_path(path)
    }

    #[test]
    fn wakes_for_a_segment_written_or_moved_in_but_not_for_opens_or_own_writes() {
        let folder = Path::new("/home/alex/Sync");
        let arrivals = Arrivals::new(folder, &VAULT, OURS);
        let theirs = names::device_dir(folder, &VAULT, THEIRS).join(names::segment_name(4));
        let ours = names::device_dir(folder, &VAULT, OURS).join(names::segment_name(4));
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        let moved_in = EventKind::Modify(ModifyKind::Name(RenameMode::To));
        for kind in [closed, moved_in] {
            assert!(wakes_a_pass(&event(kind, theirs.clone()), &arrivals));
            assert!(!wakes_a_pass(&event(kind, ours.clone()), &arrivals));
        }
        for quiet in [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Read),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Modify(ModifyKind::Name(RenameMode::From)),
            EventKind::Remove(RemoveKind::File),
        ] {
            assert!(!wakes_a_pass(&event(quiet, theirs.clone()), &arrivals));
        }
        let overflow = Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert!(wakes_a_pass(&overflow, &arrivals));
    }

    #[test]
    fn a_burst_of_arrivals_wakes_once() {
        let (arrived, seen) = mpsc::channel();
        let woken = Arc::new(AtomicUsize::new(0));
        let counted = woken.clone();
        let thread = std::thread::spawn(move || {
            coalesce(&seen, move || {
                counted.fetch_add(1, Ordering::SeqCst);
            })
        });
        for _ in 0..10 {
            arrived.send(()).unwrap();
        }
        drop(arrived);
        thread.join().unwrap();
        assert_eq!(woken.load(Ordering::SeqCst), 1);
    }
}
