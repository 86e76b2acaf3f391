//! `strace -f -e trace=connect` attached to running processes and everything below them: which
//! connections they open while a test goes on. A connect() to an IPv4 or IPv6 address is a
//! network connection; one to a Unix socket (D-Bus, the X server) is not.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

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

/// The network connections among traced lines.
pub fn network(lines: &[String]) -> Vec<&String> {
    lines
        .iter()
        .filter(|line| line.contains("sa_family=AF_INET"))
        .collect()
}

/// `pid` and every process below it, by the parent each names in /proc.
fn process_tree(pid: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|child| Some((child, parent_of(child)?)))
        .collect();
    let mut tree = vec![pid];
    let mut index = 0;
    while index < tree.len() {
        let parent = tree[index];
        tree.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(c, _)| *c),
        );
        index += 1;
    }
    tree
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "pid (comm) state ppid ...": the name may hold spaces and parentheses, so read after the last ")".
    let after = &stat[stat.rfind(')')? + 1..];
    after.split_whitespace().nth(1)?.parse().ok()
}
