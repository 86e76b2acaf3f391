//! The command line: `--hidden` starts Hearth in the tray only (the autostart entry passes it),
//! `--version` and `--help` answer and exit. Anything else is refused in plain words with exit
//! status 2, before any window or bus name is taken, so a typo never starts Hearth half-configured.

use std::ffi::OsString;

/// Passed by the autostart entry: start in the tray, without a window.
pub const HIDDEN_ARG: &str = "--hidden";

/// What a launch with these arguments does.
#[derive(Debug, PartialEq, Eq)]
pub enum Launch {
    /// Start the app; `hidden` keeps the window closed until the tray or a notification opens it.
    App { hidden: bool },
    /// Print this on standard output and exit successfully.
    Answer(String),
    /// Print this on standard error and exit with status 2.
    Refuse(String),
}

pub fn version_line() -> String {
    format!("Hearth {}", env!("CARGO_PKG_VERSION"))
}

fn help() -> String {
    format!(
        "{}: time, questions and a private journal for two. Everything stays on this computer.\n\
         \n\
         Usage: hearth [OPTION]\n\
         \n\
         Options:\n  \
           --hidden     start in the tray only, without a window (used when starting at login)\n  \
           --version    print the version and exit\n  \
           -h, --help   print this help and exit\n\
         \n\
         HEARTH_DATA_DIR, when set, is the folder for the vaults instead of the usual one.\n",
        version_line()
    )
}

/// Reads the arguments after the program's name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Launch {
    let mut hidden = false;
    for arg in args {
        match arg.to_str() {
            Some(HIDDEN_ARG) => hidden = true,
            Some("--version" | "-V") => return Launch::Answer(format!("{}\n", version_line())),
            Some("--help" | "-h") => return Launch::Answer(help()),
            _ => {
                return Launch::Refuse(format!(
                    "hearth: unknown option '{}'. Try 'hearth --help' for the options there are.\n",
                    arg.to_string_lossy()
                ))
            }
        }
    }
    Launch::App { hidden }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn launch(args: &[&str]) -> Launch {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn no_arguments_opens_the_window_and_hidden_keeps_it_closed() {
        assert_eq!(launch(&[]), Launch::App { hidden: false });
        assert_eq!(launch(&["--hidden"]), Launch::App { hidden: true });
    }

    #[test]
    fn version_and_help_answer_and_anything_else_is_refused_by_name() {
        assert_eq!(
            launch(&["--version"]),
            Launch::Answer(format!("Hearth {}\n", env!("CARGO_PKG_VERSION")))
        );
        let Launch::Answer(help) = launch(&["--hidden", "-h"]) else {
            panic!("help answers");
        };
        for option in ["--hidden", "--version", "--help"] {
            assert!(help.contains(option), "{help}");
        }
        let Launch::Refuse(message) = launch(&["--hiden"]) else {
            panic!("a typo is refused");
        };
        assert!(
            message.contains("'--hiden'") && message.contains("--help"),
            "{message}"
        );
    }
}
