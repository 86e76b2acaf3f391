//! The real binary's command line: `--version` and `--help` answer without opening anything, and an
//! unknown option is refused by name with a non-zero exit, before any window or bus is touched (so
//! these run without a display).

use std::process::{Command, Output};

fn hearth(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearth"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the hearth binary runs")
}

#[test]
fn version_and_help_answer_without_a_display() {
    let version = hearth(&["--version"]);
    assert!(version.status.success());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout),
        format!("Hearth {}\n", env!("CARGO_PKG_VERSION"))
    );
    let help = hearth(&["--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    for option in ["--hidden", "--version", "--help", "HEARTH_DATA_DIR"] {
        assert!(text.contains(option), "{text}");
    }
}

#[test]
fn an_unknown_option_is_refused_by_name() {
    let refused = hearth(&["--hiden"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(refused.stdout.is_empty());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("unknown option '--hiden'") && said.contains("hearth --help"),
        "{said}"
    );
}
