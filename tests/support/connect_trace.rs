//! `strace -f -e trace=connect` attached to running processes and everything below them: which
//! connections they open while a test goes on. A connect() to an IPv4 or IPv6 address is a
//! network connection; one to a Unix socket (D-Bus, the X server) is not.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::sockets::process_tree;

/// A running strace, attached until [`ConnectTrace::finish`].
pub struct ConnectTrace {
    child: Child,
    out: PathBuf,
}

impl ConnectTrace {
    /// Attaches to `pid`, every thread and child process it has now, and every one started after.
    pub fn attach(pid: u32, out: &Path) -> ConnectTrace {
        let mut command = Command::new("strace");
        command
            .args([
                "-f",
                "-qq",
                "-Y",
                "-e",
                "trace=connect",
                "-e",
                "signal=none",
                "-o",
            ])
            .arg(out);
        for pid in process_tree(pid) {
            command.args(["-p", &pid.to_string()]);
        }
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("strace (make test installs it)");
        // strace says nothing once attached; give it a moment before what it should see.
        std::thread::sleep(Duration::from_secs(1));
        ConnectTrace {
            child,
            out: out.to_path_buf(),
        }
    }

    /// Detaches, and returns every connect() seen, one line each.
    pub fn finish(mut self) -> Vec<String> {
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
        std::fs::read_to_string(&self.out)
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }
}

/// The network connections among traced lines: connect() calls to an IPv4 or IPv6 address,
/// except to a port in `own_ports`, which the traced processes listen on themselves. (Under
/// WebDriver, WebKit's automation server listens on loopback in the app, and its web process
/// connects to it; a person's Hearth has no such server.)
pub fn network<'a>(lines: &'a [String], own_ports: &HashSet<u16>) -> Vec<&'a String> {
    lines
        .iter()
        .filter(|line| line.contains("sa_family=AF_INET"))
        .filter(|line| !port_of(line).is_some_and(|port| own_ports.contains(&port)))
        .collect()
}

/// The port a traced connect() went to, as strace writes it (`sin_port=htons(N)`).
fn port_of(line: &str) -> Option<u16> {
    let after = line.split("_port=htons(").nth(1)?;
    after.split(')').next()?.parse().ok()
}
