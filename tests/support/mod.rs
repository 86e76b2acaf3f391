//! Helpers for the end-to-end tests: a WebDriver client, and a harness that starts tauri-driver with
//! an X display of its own and a temporary HOME, XDG folders and data folder, so that everything
//! Hearth and its webview write can be searched afterwards.
#![allow(dead_code)]

pub mod desktop_bus;
pub mod file_dialog;
pub mod ipc;
pub mod leaks;
pub mod legibility;
pub mod notifications;
pub mod rituals;
pub mod rounds;
pub mod sockets;
pub mod strace;
pub mod sync_ui;
pub mod syncthing;
pub mod webdriver;
pub mod x_window;

use std::path::{Path, PathBuf};

use webdriver::{Driver, Session};

pub use hearth_core::testing::{PASS_A, PASS_B};
/// A passphrase neither partner has.
pub const NEW_PASS: &str = "copper meadow signal walrus";

pub struct Harness {
    pub home: tempfile::TempDir,
    pub driver: Driver,
    /// The X server of this test alone (after `driver`, so the app goes before its display does).
    pub display: x_window::Display,
    /// The Hearth this harness launched last. Remembered because a Hearth that is already exiting
    /// no longer shows its executable or environment in /proc, yet still holds its D-Bus name
    /// until its last file is closed; a new launch in that window would try to hand over to it.
    launched: std::cell::Cell<Option<u32>>,
    /// The app's environment, for a second launch.
    env: Vec<(String, PathBuf)>,
}

impl Harness {
    pub fn start() -> Harness {
        Self::start_with(&[])
    }

    /// As [`Harness::start`], with more environment for the app (for example `GTK_THEME`).
    pub fn start_with(extra: &[(&str, &str)]) -> Harness {
        let home = tempfile::tempdir().unwrap();
        let display = x_window::Display::start();
        let env: Vec<(&str, PathBuf)> = vec![
            ("DISPLAY", PathBuf::from(&display.name)),
            ("HEARTH_DATA_DIR", home.path().join("data")),
            ("HOME", home.path().to_path_buf()),
            ("XDG_DATA_HOME", home.path().join("xdg-data")),
            ("XDG_CACHE_HOME", home.path().join("xdg-cache")),
            ("XDG_CONFIG_HOME", home.path().join("xdg-config")),
        ];
        let mut env_refs: Vec<(&str, &Path)> = env.iter().map(|(k, v)| (*k, v.as_path())).collect();
        env_refs.extend(extra.iter().map(|(k, v)| (*k, Path::new(*v))));
        let driver = Driver::start(&env_refs);
        let env = env_refs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_path_buf()))
            .collect();
        Harness {
            home,
            driver,
            display,
            launched: std::cell::Cell::new(None),
            env,
        }
    }

    /// A new window of the real Hearth binary. A Hearth from an earlier session of this harness is
    /// quit first: closing its window left it running in the tray, and a second Hearth on the same data
    /// folder would hand over to it and exit, as a person relaunching it would want.
    pub fn open(&self) -> Session {
        self.open_binary(Path::new(env!("CARGO_BIN_EXE_hearth")))
    }

    /// As [`Harness::open`], for another build of Hearth (the installed package's, say).
    pub fn open_binary(&self, binary: &Path) -> Session {
        self.quit_app();
        let session = self.driver.session(binary);
        self.launched.set(self.app_pid());
        session
    }

    /// Ends the running Hearth of this harness, as Quit in the tray does, and waits until it is gone,
    /// D-Bus name and all.
    pub fn quit_app(&self) {
        if let Some(pid) = self.app_pid() {
            let _ = std::process::Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status();
            if !wait_until_gone(pid) {
                let _ = std::process::Command::new("kill")
                    .args(["-KILL", &pid.to_string()])
                    .status();
            }
        }
        // One that was already on its way out (closed by WebDriver) is only waited for: by now
        // its pid could belong to someone else, so it gets no signal.
        if let Some(pid) = self.launched.take() {
            wait_until_gone(pid);
        }
    }

    /// Launches Hearth again, as a person does from the menu: the running one comes forward (its
    /// window opened again if it was closed) and the new launch exits.
    pub fn launch_again(&self) {
        let second = std::process::Command::new(env!("CARGO_BIN_EXE_hearth"))
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .output()
            .expect("the hearth binary");
        assert!(second.status.success(), "{second:?}");
    }

    pub fn data_dir(&self) -> PathBuf {
        self.home.path().join("data")
    }

    /// The running Hearth process of this harness: the one whose data folder is ours.
    pub fn app_pid(&self) -> Option<u32> {
        let wanted = format!("{}={}", hearth_lib::DATA_DIR_ENV, self.data_dir().display());
        std::fs::read_dir("/proc")
            .ok()?
            .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
            .find(|pid| {
                let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
                let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
                exe.file_name().is_some_and(|name| name == "hearth")
                    && environ
                        .split(|b| *b == 0)
                        .any(|var| var == wanted.as_bytes())
            })
    }
}

/// Waits up to 10 s for a Hearth process to end; whether it did.
fn wait_until_gone(pid: u32) -> bool {
    let is_hearth = || {
        std::fs::read_to_string(format!("/proc/{pid}/comm"))
            .is_ok_and(|comm| comm.trim() == "hearth")
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while is_running(pid) && is_hearth() {
        if std::time::Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    true
}

/// Waits until `check` holds, for up to `limit`; fails the test naming `what` if it never does.
pub fn eventually(what: &str, limit: std::time::Duration, check: impl Fn() -> bool) {
    let deadline = std::time::Instant::now() + limit;
    while !check() {
        assert!(
            std::time::Instant::now() < deadline,
            "never happened: {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// Whether a process is alive: some thread of it is neither gone nor a zombie. The main thread
/// alone is not enough: it can end first while other threads still hold the process's files.
pub fn is_running(pid: u32) -> bool {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return false;
    };
    tasks.filter_map(Result::ok).any(|task| {
        std::fs::read_to_string(task.path().join("stat"))
            .ok()
            .and_then(|stat| {
                let state = stat.rsplit_once(") ")?.1.chars().next()?;
                Some(state != 'Z' && state != 'X')
            })
            .unwrap_or(false)
    })
}

/// Waits until the journal's list shows what the last tab, search or reload asked for: until then
/// the list on screen is on its way out (`aria-busy`).
pub fn journal_drawn(ui: &Session) {
    ui.wait_script(
        "return document.querySelector('#entry-list').hasAttribute('aria-busy')",
        serde_json::json!(false),
    );
}

/// Unlocks as partner `letter` from the lock screen's name buttons, and waits for the rail.
pub fn unlock_as(ui: &Session, letter: &str, pass: &str) {
    ui.find(&format!("#unlock-as-{letter}")).click();
    type_whole(ui, "#unlock-pass", pass);
    ui.find("#unlock-submit").click();
    ui.find("#nav-journal");
}

/// Types `text` into the field `css`, and makes sure the field holds all of it. Just after a
/// window is opened again, WebKit's WebDriver is slow to deliver the key presses it sends: a
/// passphrase read three characters short in two CI runs, and in another a key arrived after the
/// text had been put in whole. So the field is given a few seconds to fill; if it still does not
/// hold what was typed, the text is put in as a paste would, and checked again once stray keys
/// have had time to land, and the test goes on to what it is about.
pub fn type_whole(ui: &Session, css: &str, text: &str) {
    ui.find(css).type_text(text);
    let read = format!("return document.querySelector('{css}').value;");
    let holds = || ui.execute(&read) == serde_json::json!(text);
    let settled = |limit: std::time::Duration| {
        let deadline = std::time::Instant::now() + limit;
        while std::time::Instant::now() < deadline {
            if holds() {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        false
    };
    if settled(std::time::Duration::from_secs(3)) {
        return;
    }
    for _ in 0..3 {
        ui.execute_with(
            &format!(
                "const field = document.querySelector('{css}'); field.value = arguments[0]; \
                 field.dispatchEvent(new Event('input', {{ bubbles: true }}));"
            ),
            &[serde_json::json!(text)],
        );
        std::thread::sleep(std::time::Duration::from_secs(1));
        if holds() {
            return;
        }
    }
    assert_eq!(
        ui.execute(&read),
        serde_json::json!(text),
        "{css} holds the text"
    );
}

/// Writes a new journal entry into `space` (`shared`, `private-a`, `private-b`) from the open
/// Journal, and waits until it is saved and listed.
pub fn write_entry(ui: &Session, space: &str, title: &str, body: &str) {
    ui.find("#new-entry").click();
    ui.execute(&format!(
        "document.querySelector('#entry-space').value = '{space}';"
    ));
    ui.find("#entry-title").type_text(title);
    ui.find("#entry-body").type_text(body);
    ui.wait_text("#entry-status", |t| t == "Saved.");
    ui.find("#entry-done").click();
    ui.wait_text("#entry-list", |t| t.contains(title));
}

/// First-run setup through the UI (once the form is there), through both recovery codes, to the
/// home screen.
pub fn set_up_couple(ui: &Session, names: [&str; 2], passphrases: [&str; 2]) {
    ui.find("#setup-a-name");
    for (letter, (name, pass)) in ["a", "b"].iter().zip(names.iter().zip(passphrases)) {
        ui.find(&format!("#setup-{letter}-name")).type_text(name);
        ui.find(&format!("#setup-{letter}-pass")).type_text(pass);
        ui.find(&format!("#setup-{letter}-confirm")).type_text(pass);
    }
    ui.find("#setup-submit").click();
    let first = ui.wait_text("#recovery-code", |t| t.len() == 39);
    ui.find("#recovery-ack").click();
    ui.find("#recovery-next").click();
    ui.wait_text("#recovery-code", |t| t.len() == 39 && t != first);
    ui.find("#recovery-ack").click();
    ui.find("#recovery-next").click();
    ui.wait_text("#home-greeting", |t| t.contains(names[0]));
}

/// The app opened and Sam (PASS_A) and Alex (PASS_B) set up through its first-run screen; both
/// are unlocked.
pub fn sam_and_alex(harness: &Harness) -> Session {
    let ui = harness.open();
    set_up_couple(&ui, ["Sam", "Alex"], [PASS_A, PASS_B]);
    ui
}

/// As [`sam_alone`], with a private entry of Sam's already written in the journal.
pub fn sam_wrote_privately(harness: &Harness, title: &str, body: &str) -> Session {
    let ui = sam_alone(harness);
    ui.find("#nav-journal").click();
    write_entry(&ui, "private-a", title, body);
    ui
}

/// A new Hearth of `harness` with Sam and Alex set up through the UI, then locked and unlocked by
/// Sam alone: the opening of most tests about one partner's private space.
pub fn sam_alone(harness: &Harness) -> Session {
    let ui = sam_and_alex(harness);
    ui.chord(&[webdriver::CONTROL, "l"]);
    unlock_as(&ui, "a", PASS_A);
    ui
}

/// Sam (PASS_A) and Alex (PASS_B) set up in `data_dir` through hearth-core, with the app's own KDF
/// settings; both are unlocked.
pub fn new_couple(data_dir: &Path) -> hearth_core::vault::Vault {
    let mut vault = hearth_core::vault::Vault::new(data_dir);
    hearth_core::testing::set_up_couple(&mut vault).unwrap();
    vault
}

/// Writes a shared entry by whoever is unlocked in `vault`, through hearth-core.
pub fn write_shared_entry(vault: &hearth_core::vault::Vault, body: &str) {
    let session = vault.session().unwrap();
    let author = session.unlocked_partners()[0];
    hearth_core::journal::store::create(
        session,
        hearth_core::vault::Space::Shared,
        author,
        &hearth_core::journal::EntryDraft::plain(body),
    )
    .unwrap();
}

/// A couple (Sam with PASS_A, Alex with PASS_B) set up straight in the harness's data folder, as a
/// test helper: real vault files, written through hearth-core before the app starts. Each of
/// `checkins` is (weeks before this one, Sam's rating, Alex's rating), answered by each partner in
/// their own unlock as the app requires. Alex left an appreciation note three days ago. With
/// `together_time`, a weekly together-time starts tomorrow at 19:00.
pub fn seed_couple(data_dir: &Path, checkins: &[(i64, u8, u8)], together_time: bool) {
    use hearth_core::checkins::{store, Ratings, Week};
    use hearth_core::vault::Partner;
    let mut vault = new_couple(data_dir);
    hearth_core::rituals::appreciation::add(
        vault.session().unwrap(),
        Partner::B,
        "I appreciated the soup you made when I was worn out",
        chrono::Utc::now() - chrono::Duration::days(3),
    )
    .unwrap();
    if together_time {
        let tomorrow = chrono::Local::now().date_naive() + chrono::Duration::days(1);
        hearth_core::reminders::store::create(
            vault.session().unwrap(),
            &hearth_core::reminders::store::ReminderDraft {
                kind: hearth_core::reminders::store::ReminderKind::WeeklySlot,
                title: "Sunday tea, phones away".into(),
                notification_text: None,
                rule: "FREQ=WEEKLY".into(),
                zone: "UTC".into(),
                start_local: tomorrow.and_hms_opt(19, 0, 0).unwrap(),
                lead_minutes: 0,
                duration_minutes: 60,
                active: true,
            },
            chrono::Utc::now(),
        )
        .unwrap();
    }
    let today = chrono::Local::now().date_naive();
    for (who, pass) in [(Partner::A, PASS_A), (Partner::B, PASS_B)] {
        vault.lock();
        vault
            .unlock(Some(who), pass, std::time::Instant::now())
            .unwrap();
        for &(weeks_ago, sam, alex) in checkins {
            let n = if who == Partner::A { sam } else { alex };
            let ratings = Ratings {
                love: n,
                vulnerability: n.saturating_sub(1).max(1),
                trust: n,
                commitment: (n + 1).min(5),
            };
            let week = Week::of(today - chrono::Duration::weeks(weeks_ago));
            store::answer(
                vault.session().unwrap(),
                who,
                &week,
                ratings,
                "",
                chrono::Utc::now(),
            )
            .unwrap();
        }
    }
    vault.lock();
}

/// A couple whose story already has this day a year back (four on 29 February), written by the
/// test helper: a shared milestone ("The night we danced in the rain") and a prompt both
/// answered. Returned locked.
pub fn seed_a_year_back(data_dir: &Path) {
    use chrono::Datelike;
    let mut vault = new_couple(data_dir);
    let session = vault.session().unwrap();
    let today = chrono::Local::now().date_naive();
    // 29 February has no twin a year back; the one four years back stands in.
    let day = today
        .with_year(today.year() - 1)
        .or_else(|| today.with_year(today.year() - 4))
        .unwrap();
    let draft = hearth_core::story::MilestoneDraft {
        day,
        title: "The night we danced in the rain".into(),
        note: "Your shoes never dried".into(),
    };
    let noon = day.and_hms_opt(12, 0, 0).unwrap();
    let at = chrono::TimeZone::from_local_datetime(&chrono::Local, &noon)
        .earliest()
        .unwrap()
        .with_timezone(&chrono::Utc);
    hearth_core::story::milestones::add(session, hearth_core::vault::Space::Shared, &draft, at)
        .unwrap();
    hearth_core::prompts::store::sync_library(session).unwrap();
    hearth_core::prompts::store::save_answers(
        session,
        "emo-001",
        hearth_core::vault::Partner::A,
        "The cat asleep on your book",
        "Your laugh on the phone",
        at,
    )
    .unwrap();
    vault.lock();
}
