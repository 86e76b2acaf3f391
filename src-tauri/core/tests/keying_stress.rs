//! Keying SQLCipher files from several threads at once, as parallel tests (and, later, a second
//! connection for sync) do: every key must take.

use hearth_core::vault::{crypto, db, Space};

#[test]
fn keying_from_many_threads_at_once_always_takes() {
    let dir = tempfile::tempdir().unwrap();
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let dir = dir.path().join(format!("t{t}"));
            std::thread::spawn(move || {
                std::fs::create_dir_all(&dir).unwrap();
                for round in 0..20 {
                    let here = dir.join(format!("r{round}"));
                    std::fs::create_dir_all(&here).unwrap();
                    let key = crypto::random_key();
                    let created = db::create(&here, Space::Shared, &key);
                    if let Err(err) = created {
                        return Err(format!("thread {t} round {round}: {err:?}"));
                    }
                    drop(created);
                    let opened = db::open(&here, Space::Shared, &key);
                    if let Err(err) = opened {
                        return Err(format!("thread {t} round {round} reopening: {err:?}"));
                    }
                }
                Ok(())
            })
        })
        .collect();
    let failures: Vec<String> = threads
        .into_iter()
        .filter_map(|t| t.join().unwrap().err())
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}
