//! strace attached to running processes: which connections they open while a test goes on
//! (`connect`, over a process and everything below it), or which files one process opens, syncs,
//! removes and renames (issue 35's idle count). A connect() to an IPv4 or IPv6 address is a
//! network connection; one to a Unix socket (D-Bus, the X server) is not.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::sockets::process_tree;

/// A running strace, attached until [`Strace::finish`].
pub struct Strace {
    child: Child,
    out: PathBuf,
}

impl Strace {
    /// connect() in `pid`, every thread and child process it has now, and every one started after.
    pub fn connects(pid: u32, out: &Path) -> Strace {
        Self::attach(&process_tree(pid), out, &["-e", "trace=connect"])
    }

    /// `calls` (as strace's `trace=` takes them) in the one process `pid`, every thread of it,
    /// each line with its time of day and the paths behind file descriptors.
    pub fn calls(pid: u32, out: &Path, calls: &str) -> Strace {
        let calls = format!("trace={calls}");
        Self::attach(&[pid], out, &["-tt", "-y", "-e", &calls])
    }

    fn attach(pids: &[u32], out: &Path, what: &[&str]) -> Strace {
        let mut command = Command::new("strace");
        command
            .args(["-f", "-qq", "-Y"])
            .args(what)
            .args(["-e", "signal=none", "-o"])
            .arg(out);
        for pid in pids {
            command.args(["-p", &pid.to_string()]);
        }
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("strace (make test installs it)");
        // strace says nothing once attached; give it a moment before what it should see.
        std::thread::sleep(Duration::from_secs(1));
        Strace {
            child,
            out: out.to_path_buf(),
        }
    }

    /// Detaches, and returns every call seen, one line each.
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
