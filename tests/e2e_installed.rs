//! The installed package's binary, in real WebKit: it opens to the first-run screen and quits.
//! Run by the install test (tests/install/run.sh) once the .deb is installed; it names the binary
//! in HEARTH_INSTALLED_BINARY. Ignored otherwise, since it needs the package on this machine.

mod support;

use std::path::PathBuf;

use support::{is_running, Harness};

#[test]
#[ignore = "run by tests/install/run.sh, after it installs the package"]
fn the_installed_binary_opens_the_first_run_screen_and_quits() {
    let binary = PathBuf::from(
        std::env::var_os("HEARTH_INSTALLED_BINARY")
            .expect("HEARTH_INSTALLED_BINARY names the installed hearth"),
    );
    assert!(binary.is_file(), "{} is installed", binary.display());
    let harness = Harness::start();
    let ui = harness.open_binary(&binary);
    ui.wait_text("#setup-title", |t| t == "Welcome to Hearth");
    let pid = harness.app_pid().expect("the installed Hearth runs");
    assert_eq!(
        std::fs::read_link(format!("/proc/{pid}/exe")).unwrap(),
        binary.canonicalize().unwrap(),
        "the window is the installed binary's"
    );
    ui.close();
    harness.quit_app();
    assert!(!is_running(pid), "Hearth quit");
    // Its first run made the data folder the test gave it, and nothing else needs to remain.
    assert!(harness.data_dir().is_dir());
    println!("DATA_DIR={}", harness.data_dir().display());
}
