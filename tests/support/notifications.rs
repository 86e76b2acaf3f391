//! A real notification server for the end-to-end tests: python3-dbusmock's notification_daemon
//! template on a D-Bus session bus of the test's own, so no other notification server (dunst, say,
//! started by D-Bus activation) can take the name, and parallel tests never share one.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PYTHON: &str = "/usr/bin/python3";

pub struct NotificationServer {
    bus: Child,
    server: Child,
    pub address: String,
    log: PathBuf,
}

/// One Notify call, as the server logged it.
#[derive(Debug, Clone)]
pub struct Notified {
    /// The id the server gave it (dbusmock counts from 1).
    pub id: u32,
    pub line: String,
}

impl NotificationServer {
    pub fn start(dir: &Path) -> NotificationServer {
        let mut bus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("dbus-daemon (make test installs dbus-daemon)");
        let address = {
            use std::io::BufRead;
            let mut line = String::new();
            std::io::BufReader::new(bus.stdout.take().unwrap())
                .read_line(&mut line)
                .unwrap();
            line.trim().to_string()
        };
        assert!(!address.is_empty(), "dbus-daemon gave no address");
        let log = dir.join("notifications.log");
        let server = Command::new(PYTHON)
            .args(["-m", "dbusmock", "--template", "notification_daemon", "-l"])
            .arg(&log)
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .stdout(Stdio::null())
            .spawn()
            .expect("python3-dbusmock (make test installs it)");
        let server = NotificationServer {
            bus,
            server,
            address,
            log,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while !server.owns_the_name() {
            assert!(
                Instant::now() < deadline,
                "the mock notification server did not start"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        server
    }

    fn owns_the_name(&self) -> bool {
        name_has_owner(Some(&self.address), "org.freedesktop.Notifications")
    }

    /// Every Notify the server received, in order.
    pub fn notified(&self) -> Vec<Notified> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter(|line| line.contains(" Notify "))
            .enumerate()
            .map(|(index, line)| Notified {
                id: index as u32 + 1,
                line: line.to_string(),
            })
            .collect()
    }

    /// Waits until some Notify line contains `text`, up to `limit`.
    pub fn wait_for(&self, text: &str, limit: Duration) -> Option<Notified> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(found) = self.notified().into_iter().find(|n| n.line.contains(text)) {
                return Some(found);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    /// What a person does to a notification: `default` is a click on it, otherwise an action id.
    pub fn invoke_action(&self, id: u32, action: &str) {
        let script = format!(
            "import dbus\n\
             bus = dbus.SessionBus()\n\
             mock = bus.get_object('org.freedesktop.Notifications', '/org/freedesktop/Notifications')\n\
             mock.EmitSignal('org.freedesktop.Notifications', 'ActionInvoked', 'us', \
             [dbus.UInt32({id}), '{action}'], dbus_interface='org.freedesktop.DBus.Mock')\n"
        );
        let status = Command::new(PYTHON)
            .args(["-c", &script])
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .status()
            .unwrap();
        assert!(status.success(), "could not emit ActionInvoked");
    }
}

impl Drop for NotificationServer {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}

/// Whether someone owns `name` on a session bus (the given one, or this process's), asked of the
/// bus itself.
pub fn name_has_owner(bus_address: Option<&str>, name: &str) -> bool {
    let mut ask = Command::new("dbus-send");
    ask.args([
        "--session",
        "--print-reply",
        "--dest=org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        "org.freedesktop.DBus.NameHasOwner",
        &format!("string:{name}"),
    ]);
    if let Some(address) = bus_address {
        ask.env("DBUS_SESSION_BUS_ADDRESS", address);
    }
    ask.output()
        .map(|out| String::from_utf8_lossy(&out.stdout).contains("boolean true"))
        .unwrap_or(false)
}
