//! One Hearth per data folder, with the real binary on a real session bus: a launch that reaches the
//! running Hearth just as it quits (the handover has no one left to answer) starts again once the
//! folder is free, instead of failing. The race is made certain, not waited for: the first Hearth
//! is stopped (SIGSTOP) so the handover waits on it, then killed mid-handover.

mod support;

use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use support::notifications::name_has_owner;

const BIN: &str = env!("CARGO_BIN_EXE_hearth");

fn launch(home: &Path) -> Child {
    Command::new(BIN)
        .arg("--hidden")
        .env(hearth_lib::DATA_DIR_ENV, home.join("data"))
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("xdg-data"))
        .env("XDG_CACHE_HOME", home.join("xdg-cache"))
        .env("XDG_CONFIG_HOME", home.join("xdg-config"))
        .spawn()
        .expect("the hearth binary")
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting: {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn a_launch_that_meets_a_quitting_hearth_starts_once_it_is_gone() {
    assert!(
        std::env::var_os("DISPLAY").is_some()
            && std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "run with `make test`, which provides a display and a session bus"
    );
    let home = tempfile::tempdir().unwrap();
    let bus_name = format!(
        "{}.SingleInstance",
        hearth_lib::instance_name(&home.path().join("data"))
    );

    let mut first = launch(home.path());
    wait_for("the first Hearth to hold its name", || {
        name_has_owner(None, &bus_name)
    });
    // Frozen, the first still owns the name but cannot answer: the second's handover waits.
    signal(&first, "STOP");
    let mut second = launch(home.path());
    std::thread::sleep(Duration::from_secs(2));
    assert!(
        second.try_wait().unwrap().is_none(),
        "the handover is waiting"
    );
    // The first goes away mid-handover, as one quitting does.
    signal(&first, "KILL");
    first.wait().unwrap();

    // The second starts again on its own and becomes the Hearth of this folder.
    wait_for("the second Hearth to take the name", || {
        name_has_owner(None, &bus_name)
    });
    assert!(
        second.try_wait().unwrap().is_none(),
        "the second Hearth is still running (same process, started again in place)"
    );
    let _ = second.kill();
    let _ = second.wait();
}
