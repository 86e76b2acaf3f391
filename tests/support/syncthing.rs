//! Two real Syncthing daemons (Debian's `syncthing`) on 127.0.0.1, each with its own home, paired
//! with each other and sharing one folder, as two laptops would. The test starts them and they
//! stop when the pair is dropped. Discovery, relays, NAT, usage and crash reports are off and the
//! web GUI is not started, so neither daemon reaches beyond loopback.
//!
//! Only the standard library, so the core's tests can use it too (`#[path]`).
#![allow(dead_code)]

use std::fs;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// One daemon: its home (keys, config, database, log) and its copy of the shared folder.
pub struct Daemon {
    pub home: PathBuf,
    pub folder: PathBuf,
    pub device_id: String,
    pub port: u16,
    child: Option<Child>,
}

/// Two daemons sharing one folder.
pub struct SyncthingPair {
    pub a: Daemon,
    pub b: Daemon,
}

impl SyncthingPair {
    /// Makes both homes and folders under `root` and starts both daemons.
    pub fn start(root: &Path) -> SyncthingPair {
        let mut a = Daemon::generate(&root.join("syncthing-a"), &root.join("folder-a"));
        let mut b = Daemon::generate(&root.join("syncthing-b"), &root.join("folder-b"));
        a.configure(&b);
        b.configure(&a);
        a.serve();
        b.serve();
        SyncthingPair { a, b }
    }

    /// Freezes both daemons (SIGSTOP), as two laptops apart would be: nothing crosses until
    /// [`SyncthingPair::resume`].
    pub fn pause(&self) {
        self.signal("-STOP");
    }

    pub fn resume(&self) {
        self.signal("-CONT");
    }

    fn signal(&self, signal: &str) {
        for pid in [self.a.pid(), self.b.pid()].into_iter().flatten() {
            let status = Command::new("kill")
                .args([signal, &pid.to_string()])
                .status()
                .unwrap();
            assert!(status.success(), "kill {signal} {pid}");
        }
    }

    /// Whether the two daemons are connected, by their logs.
    pub fn wait_connected(&self, within: Duration) {
        let started = Instant::now();
        while started.elapsed() < within {
            if self.a.log().contains("Established secure connection")
                && self.b.log().contains("Established secure connection")
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "the two Syncthing daemons did not connect:\n{}\n{}",
            self.a.log(),
            self.b.log()
        );
    }
}

impl Daemon {
    fn generate(home: &Path, folder: &Path) -> Daemon {
        fs::create_dir_all(home).unwrap();
        fs::create_dir_all(folder.join(".stfolder")).unwrap();
        let status = Command::new("syncthing")
            .args(["generate", "--no-default-folder"])
            .arg(format!("--home={}", home.display()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("syncthing is installed (make test-deps)");
        assert!(status.success());
        let output = Command::new("syncthing")
            .args(["serve", "--device-id"])
            .arg(format!("--home={}", home.display()))
            .output()
            .unwrap();
        let device_id = String::from_utf8(output.stdout).unwrap().trim().to_owned();
        assert!(!device_id.is_empty(), "no device id");
        Daemon {
            home: home.to_owned(),
            folder: folder.to_owned(),
            device_id,
            port: free_port(),
            child: None,
        }
    }

    /// Writes a config that knows only `other`, at its loopback address.
    fn configure(&self, other: &Daemon) {
        let config = format!(
            r#"<configuration version="36">
    <folder id="hearth-mailbox" label="Hearth" path="{folder}" type="sendreceive" rescanIntervalS="60" fsWatcherEnabled="true" fsWatcherDelayS="1">
        <device id="{me}"></device>
        <device id="{them}"></device>
    </folder>
    <device id="{me}" name="self"><address>dynamic</address></device>
    <device id="{them}" name="other"><address>tcp://127.0.0.1:{their_port}</address></device>
    <gui enabled="false"></gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{my_port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <crashReportingEnabled>false</crashReportingEnabled>
        <startBrowser>false</startBrowser>
        <stunKeepaliveStartS>0</stunKeepaliveStartS>
        <reconnectionIntervalS>1</reconnectionIntervalS>
    </options>
</configuration>
"#,
            folder = self.folder.display(),
            me = self.device_id,
            them = other.device_id,
            their_port = other.port,
            my_port = self.port,
        );
        fs::write(self.home.join("config.xml"), config).unwrap();
    }

    fn serve(&mut self) {
        let log = fs::File::create(self.home.join("daemon.log")).unwrap();
        let child = Command::new("syncthing")
            .args([
                "serve",
                "--no-browser",
                "--no-restart",
                "--no-default-folder",
            ])
            .arg(format!("--home={}", self.home.display()))
            .env("STNOUPGRADE", "1")
            // No monitor process: the daemon is the child this harness kills.
            .env("STMONITORED", "1")
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        self.child = Some(child);
    }

    pub fn log(&self) -> String {
        fs::read_to_string(self.home.join("daemon.log")).unwrap_or_default()
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A loopback port nothing listens on now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
