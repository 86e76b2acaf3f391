//! The desktop around Hearth, faked for the end-to-end tests on buses of the test's own:
//! python3-dbusmock's `logind` template on a private "system" bus (with one login session, `c1`),
//! and on a private session bus its `gnome_screensaver` template and a StatusNotifier host
//! (`sni_host.py`) that Hearth's tray icon registers with and whose menu it can click, and a
//! notification server (the `notification_daemon` template, logging each Notify). The app is
//! pointed at them through `DBUS_SYSTEM_BUS_ADDRESS`, `DBUS_SESSION_BUS_ADDRESS` and
//! `XDG_SESSION_ID`.

use std::io::BufRead;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PYTHON: &str = "/usr/bin/python3";
/// The StatusNotifier host (a panel's tray, as far as Hearth can tell).
const SNI_HOST: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/sni_host.py");
pub const SESSION_ID: &str = "c1";

pub struct DesktopBus {
    children: Vec<Child>,
    pub system_address: String,
    pub session_address: String,
    /// Where the StatusNotifier host writes each tray item that registers.
    tray_items: tempfile::NamedTempFile,
    /// Where the notification server logs each call.
    notifications: tempfile::NamedTempFile,
}

/// Starts a bus daemon and returns it with its address.
fn bus_daemon() -> (Child, String) {
    let mut bus = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("dbus-daemon (make test installs dbus-daemon)");
    let mut line = String::new();
    std::io::BufReader::new(bus.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line.trim().to_string();
    assert!(!address.is_empty(), "dbus-daemon gave no address");
    (bus, address)
}

/// What `command` printed, or what it said on failing.
fn output_of(command: &mut Command) -> Result<String, String> {
    let output = command.output().map_err(|err| err.to_string())?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// A python3-dbusmock `template` on the bus at `address`, given to it as `bus_variable`, with
/// `extra` arguments (`-l LOG` to log every call).
fn mock(template: &str, bus_variable: &str, address: &str, extra: &[&std::ffi::OsStr]) -> Child {
    Command::new(PYTHON)
        .args(["-m", "dbusmock", "--template", template])
        .args(extra)
        .env(bus_variable, address)
        .stdout(Stdio::null())
        .spawn()
        .expect("python3-dbusmock (make test installs it)")
}

impl DesktopBus {
    pub fn start() -> DesktopBus {
        let (system, system_address) = bus_daemon();
        let (session, session_address) = bus_daemon();
        let logind = mock("logind", "DBUS_SYSTEM_BUS_ADDRESS", &system_address, &[]);
        let screen_saver = mock(
            "gnome_screensaver",
            "DBUS_SESSION_BUS_ADDRESS",
            &session_address,
            &[],
        );
        let notifications = tempfile::NamedTempFile::new().unwrap();
        let notification_server = mock(
            "notification_daemon",
            "DBUS_SESSION_BUS_ADDRESS",
            &session_address,
            &["-l".as_ref(), notifications.path().as_os_str()],
        );
        let tray_items = tempfile::NamedTempFile::new().unwrap();
        let tray_host = Command::new(PYTHON)
            .arg(SNI_HOST)
            .arg("serve")
            .arg(tray_items.path())
            .env("DBUS_SESSION_BUS_ADDRESS", &session_address)
            .stdout(Stdio::null())
            .spawn()
            .expect("Debian's python3 with python3-dbus");
        let bus = DesktopBus {
            children: vec![
                logind,
                screen_saver,
                notification_server,
                tray_host,
                system,
                session,
            ],
            system_address,
            session_address,
            tray_items,
            notifications,
        };
        // The mocks are up once they answer; then the login session is added.
        let deadline = Instant::now() + Duration::from_secs(20);
        while bus
            .python(&format!(
                "logind.AddSession('{SESSION_ID}', 'seat0', dbus.UInt32(1000), 'sam', True, \
                 dbus_interface='org.freedesktop.DBus.Mock')\n\
                 saver.GetActive(dbus_interface='org.gnome.ScreenSaver')"
            ))
            .is_err()
        {
            assert!(Instant::now() < deadline, "the fake logind did not start");
            std::thread::sleep(Duration::from_millis(200));
        }
        bus
    }

    /// The environment that points Hearth at these buses.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("DBUS_SYSTEM_BUS_ADDRESS", self.system_address.clone()),
            ("DBUS_SESSION_BUS_ADDRESS", self.session_address.clone()),
            ("XDG_SESSION_ID", SESSION_ID.to_string()),
        ]
    }

    /// Runs Python with `logind` (the Manager object), `session` (c1) and `saver` bound; its
    /// standard output, or its error.
    pub fn python(&self, body: &str) -> Result<String, String> {
        let script = format!(
            "import dbus\n\
             system = dbus.bus.BusConnection('{}')\n\
             logind = system.get_object('org.freedesktop.login1', '/org/freedesktop/login1')\n\
             session = system.get_object('org.freedesktop.login1', \
             '/org/freedesktop/login1/session/{SESSION_ID}')\n\
             saver = dbus.bus.BusConnection('{}').get_object('org.gnome.ScreenSaver', \
             '/org/gnome/ScreenSaver')\n\
             {body}\n",
            self.system_address, self.session_address
        );
        output_of(Command::new(PYTHON).args(["-c", &script]))
    }

    /// Every Notify the notification server received, one logged line each.
    pub fn notified(&self) -> Vec<String> {
        std::fs::read_to_string(self.notifications.path())
            .unwrap_or_default()
            .lines()
            .filter(|line| line.contains(" Notify "))
            .map(str::to_string)
            .collect()
    }

    /// The labels of the tray menu of the last item that registered, or why there are none.
    pub fn tray_labels(&self) -> Result<Vec<String>, String> {
        self.sni_host(&["labels"])
            .map(|out| out.lines().map(str::to_string).collect())
    }

    /// Clicks the tray menu entry labelled `label`, as a person would. A failure lists every item
    /// that registered so far, since a tray that went away (or came back under a new name) is
    /// what such a failure has to tell apart.
    pub fn click_tray(&self, label: &str) {
        if let Err(why) = self.sni_host(&["click", label]) {
            let items = std::fs::read_to_string(self.tray_items.path()).unwrap_or_default();
            panic!("clicking {label:?} failed; tray items registered, in order:\n{items}{why}");
        }
    }

    fn sni_host(&self, args: &[&str]) -> Result<String, String> {
        output_of(
            Command::new(PYTHON)
                .arg(SNI_HOST)
                .arg(args[0])
                .arg(self.tray_items.path())
                .args(&args[1..])
                .env("DBUS_SESSION_BUS_ADDRESS", &self.session_address),
        )
    }

    /// The sleep inhibitors logind holds now, one `who mode` line each.
    pub fn inhibitors(&self) -> String {
        self.python(
            "for what, who, why, mode, uid, pid in logind.ListInhibitors(\
             dbus_interface='org.freedesktop.login1.Manager'):\n    print(who, what, mode)",
        )
        .unwrap_or_default()
    }

    /// logind announces sleep (`true`) or resume (`false`).
    pub fn prepare_for_sleep(&self, going: bool) {
        let flag = if going { "True" } else { "False" };
        self.python(&format!(
            "logind.EmitSignal('org.freedesktop.login1.Manager', 'PrepareForSleep', 'b', [{flag}], \
             dbus_interface='org.freedesktop.DBus.Mock')"
        ))
        .unwrap();
    }

    /// The desktop locks the login session (as `loginctl lock-session` does).
    pub fn lock_session(&self) {
        self.python("session.Lock(dbus_interface='org.freedesktop.login1.Session')")
            .unwrap();
    }

    /// The screen saver comes on (or goes off).
    pub fn screen_saver(&self, active: bool) {
        let flag = if active { "True" } else { "False" };
        self.python(&format!(
            "saver.SetActive({flag}, dbus_interface='org.gnome.ScreenSaver')"
        ))
        .unwrap();
    }
}

impl Drop for DesktopBus {
    fn drop(&mut self) {
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
