//! A watch on the sync folder: when the couple's sync tool brings a file, the housekeeping thread
//! wakes and runs a pass, instead of waiting for its next minute. The watch only wakes; the passes
//! belong to the housekeeping thread. inotify misses changes made on network file systems, so the
//! minute's pass stays.

use std::path::{Path, PathBuf};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// The folder being watched, and its watcher; none until sync is set up here.
#[derive(Default)]
pub struct FolderWatch {
    watching: Option<(PathBuf, RecommendedWatcher)>,
}

impl FolderWatch {
    /// Watches `folder` (and everything below it), calling `wake` on any change; a folder already
    /// watched is left as it is. A watch that cannot start leaves the minute's pass to do the work.
    pub fn follow(&mut self, folder: &Path, wake: impl Fn() + Send + 'static) {
        if self
            .watching
            .as_ref()
            .is_some_and(|(path, _)| path == folder)
        {
            return;
        }
        self.watching = None;
        let watcher =
            notify::recommended_watcher(move |_event: notify::Result<notify::Event>| wake());
        if let Ok(mut watcher) = watcher {
            if watcher.watch(folder, RecursiveMode::Recursive).is_ok() {
                self.watching = Some((folder.to_path_buf(), watcher));
            }
        }
    }
}
