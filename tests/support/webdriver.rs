//! A small W3C WebDriver client for the end-to-end tests: tauri-driver in front of WebKitWebDriver,
//! driving the real Hearth binary. Just the calls the tests use, each failing with the driver's
//! own message.

use std::net::{TcpListener, TcpStream};
#[cfg(unix)]
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{json, Value};

use super::x_window;

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
pub const ENTER: &str = "\u{E007}";
pub const CONTROL: &str = "\u{E009}";

/// A running tauri-driver on its own ports, stopped on drop.
pub struct Driver {
    child: Child,
    port: u16,
    /// The X display the app shows on.
    display: String,
}

/// A port nothing listens on right now, so runs never meet a driver left over from another run.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free local port")
}

impl Driver {
    /// Starts tauri-driver; `env` reaches the app it launches (data folder, XDG folders).
    pub fn start(env: &[(&str, &Path)]) -> Driver {
        let (port, native_port) = (free_port(), free_port());
        let mut command = Command::new("tauri-driver");
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        // Its own process group, so dropping the driver also ends WebKitWebDriver and the app.
        #[cfg(unix)]
        command.process_group(0);
        for (key, value) in env {
            command.env(key, value);
        }
        let child = command.spawn().unwrap_or_else(|err| {
            panic!("could not start tauri-driver ({err}). Install it with `cargo install tauri-driver --locked`, or run `make test`.")
        });
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let display = env
            .iter()
            .find(|(key, _)| *key == "DISPLAY")
            .map(|(_, value)| value.display().to_string())
            .or_else(|| std::env::var("DISPLAY").ok())
            .unwrap_or_default();
        Driver {
            child,
            port,
            display,
        }
    }

    pub fn session(&self, application: &Path) -> Session {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into();
        let base = format!("http://127.0.0.1:{}", self.port);
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "tauri:options": { "application": application }
        }}});
        // Right after a session ends, the driver may still be tearing down the last app and drop
        // the connection; a transport error here is retried for a few seconds.
        let deadline = Instant::now() + Duration::from_secs(15);
        let value = loop {
            match try_send(
                &agent,
                "POST",
                &format!("{base}/session"),
                Some(caps.clone()),
            ) {
                Ok(value) => break value,
                Err(err) if err.contains("io:") && Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(500));
                }
                Err(err) => panic!("{err}"),
            }
        };
        let id = value["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {value}"));
        Session {
            agent,
            url: format!("{base}/session/{id}"),
            real_keyboard: std::cell::Cell::new(false),
            display: self.display.clone(),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn send(agent: &ureq::Agent, method: &str, url: &str, body: Option<Value>) -> Value {
    try_send(agent, method, url, body).unwrap_or_else(|err| panic!("{err}"))
}

/// One WebDriver call; an error carries the driver's own message.
fn try_send(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    body: Option<Value>,
) -> Result<Value, String> {
    let response = match (method, body) {
        ("GET", _) => agent.get(url).call(),
        ("DELETE", _) => agent.delete(url).call(),
        (_, body) => agent.post(url).send_json(body.unwrap_or_else(|| json!({}))),
    };
    let mut response = response.map_err(|err| format!("{method} {url}: {err}"))?;
    let status = response.status();
    let reply: Value = response.body_mut().read_json().unwrap_or(Value::Null);
    if !status.is_success() {
        return Err(format!("{method} {url} -> {status}: {}", reply["value"]));
    }
    Ok(reply["value"].clone())
}

/// Key-downs, then key-ups in reverse: keys pressed together.
fn chord_actions(keys: &[&str]) -> Value {
    let downs = keys
        .iter()
        .map(|k| json!({ "type": "keyDown", "value": k }));
    let ups = keys
        .iter()
        .rev()
        .map(|k| json!({ "type": "keyUp", "value": k }));
    let actions: Vec<Value> = downs.chain(ups).collect();
    json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] })
}

pub struct Session {
    agent: ureq::Agent,
    url: String,
    /// Keys go through the X server (xdotool), as a real keyboard's do, instead of WebKit's
    /// simulated keyboard. Set once the app opened a new window: WebKit's simulated keys do not
    /// reliably reach a webview created after the session began (seen here: typed text lost in
    /// most runs), while the X server's keys always do.
    real_keyboard: std::cell::Cell<bool>,
    display: String,
}

/// An element, remembered by its selector too, so a call that finds it replaced by a re-render
/// (a "stale element reference") finds it again and retries instead of failing.
pub struct Element<'a> {
    session: &'a Session,
    id: std::cell::RefCell<String>,
    css: Option<String>,
}

impl Session {
    /// The X display the app shows on.
    pub fn display(&self) -> &str {
        &self.display
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        send(&self.agent, method, &format!("{}{path}", self.url), body)
    }

    pub fn try_find(&self, css: &str) -> Option<Element<'_>> {
        let url = format!("{}/element", self.url);
        let mut response = self
            .agent
            .post(&url)
            .send_json(json!({ "using": "css selector", "value": css }))
            .ok()?;
        if !response.status().is_success() {
            return None;
        }
        let reply: Value = response.body_mut().read_json().ok()?;
        let id = reply["value"][ELEMENT_KEY].as_str()?.to_string();
        Some(Element {
            session: self,
            id: std::cell::RefCell::new(id),
            css: Some(css.to_string()),
        })
    }

    /// Waits for an element to appear (setup and unlock run Argon2id, which takes a moment).
    pub fn find(&self, css: &str) -> Element<'_> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(element) = self.try_find(css) {
                return element;
            }
            if Instant::now() >= deadline {
                self.fail(&format!("no element matches {css:?}"));
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Keeps a screenshot and the page text of a failed wait in target/e2e-screenshots, then fails.
    fn fail(&self, message: &str) -> ! {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
        let name = format!("failed-{}", std::process::id());
        let source = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.page_source()));
        if let Ok(source) = &source {
            std::fs::create_dir_all(&dir).ok();
            std::fs::write(dir.join(format!("{name}.html")), source).ok();
        }
        let shot =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.screenshot(&name)));
        panic!(
            "{message} (page source {}, screenshot {})",
            if source.is_ok() {
                "saved"
            } else {
                "unavailable"
            },
            if shot.is_ok() { "saved" } else { "unavailable" },
        );
    }

    /// Waits until the element's text satisfies `check`, and returns that text.
    pub fn wait_text(&self, css: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(element) = self.try_find(css) {
                let text = element.text();
                if check(&text) {
                    return text;
                }
                if Instant::now() >= deadline {
                    self.fail(&format!("{css:?} never matched; last text {text:?}"));
                }
            } else if Instant::now() >= deadline {
                self.fail(&format!("no element matches {css:?}"));
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    pub fn active(&self) -> Element<'_> {
        let value = self.call("GET", "/element/active", None);
        Element {
            session: self,
            id: std::cell::RefCell::new(value[ELEMENT_KEY].as_str().unwrap().to_string()),
            css: None,
        }
    }

    /// Presses keys together (for example Ctrl+L) through the actions API.
    pub fn chord(&self, keys: &[&str]) {
        if self.real_keyboard.get() {
            return x_window::press(&self.display, keys);
        }
        self.call("POST", "/actions", Some(chord_actions(keys)));
        self.call("DELETE", "/actions", None);
    }

    /// Presses keys that close the window (Ctrl+W), and waits until it is gone: its webview
    /// destroyed, not hidden. The window may go before the keys are let go, which WebDriver then
    /// reports as "no such window".
    #[track_caller]
    pub fn chord_closing_window(&self, keys: &[&str]) {
        let url = format!("{}/actions", self.url);
        if self.real_keyboard.get() {
            x_window::press(&self.display, keys);
        } else if let Err(err) = try_send(&self.agent, "POST", &url, Some(chord_actions(keys))) {
            assert!(err.contains("no such window"), "{err}");
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.window_count() > 0 {
            assert!(Instant::now() < deadline, "the window stayed open");
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    pub fn set_window_size(&self, width: u32, height: u32) {
        self.call(
            "POST",
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        );
    }

    pub fn page_source(&self) -> String {
        self.call("GET", "/source", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The address the webview shows now.
    pub fn url(&self) -> String {
        self.call("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// How many windows the app has open.
    pub fn window_count(&self) -> usize {
        self.call("GET", "/window/handles", None)
            .as_array()
            .map_or(0, Vec::len)
    }

    /// Carries on in the window the app opened again after its last one closed (a new webview,
    /// so a new WebDriver window handle), with the keyboard focus a window manager would give it.
    #[track_caller]
    pub fn follow_reopened_window(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let handles = self.call("GET", "/window/handles", None);
            if let Some(handle) = handles.as_array().and_then(|all| all.first()) {
                self.call("POST", "/window", Some(json!({ "handle": handle })));
                x_window::focus(&self.display, "Hearth");
                self.real_keyboard.set(true);
                return;
            }
            assert!(Instant::now() < deadline, "no window opened again");
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    pub fn execute(&self, script: &str) -> Value {
        self.execute_with(script, &[])
    }

    /// Runs `script` with `args` as its `arguments`.
    pub fn execute_with(&self, script: &str, args: &[Value]) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Runs `script` until its result equals `expected` (for state the page fills in later).
    pub fn wait_script(&self, script: &str, expected: Value) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let got = self.execute(script);
            if got == expected {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{script:?} gave {got}, not {expected}"
            );
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    pub fn screenshot(&self, name: &str) -> PathBuf {
        // Wait for two frames, so the picture shows what was just rendered.
        self.call(
            "POST",
            "/execute/async",
            Some(json!({ "script": "const done = arguments[arguments.length - 1]; \
                requestAnimationFrame(() => requestAnimationFrame(() => done(true)));", "args": [] })),
        );
        let encoded = self.call("GET", "/screenshot", None);
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(encoded.as_str().unwrap())
            .unwrap();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, bytes).unwrap();
        path
    }

    pub fn close(self) {
        self.call("DELETE", "", None);
    }
}

impl Element<'_> {
    /// Calls `/element/{id}{path}`, finding the element again if a re-render replaced it.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let url = format!("{}/element/{}{path}", self.session.url, self.id.borrow());
            match try_send(&self.session.agent, method, &url, body.clone()) {
                Ok(value) => return value,
                Err(err)
                    if err.contains("stale element reference") && Instant::now() < deadline =>
                {
                    let Some(css) = &self.css else {
                        panic!("{err}")
                    };
                    std::thread::sleep(Duration::from_millis(100));
                    if let Some(fresh) = self.session.try_find(css) {
                        *self.id.borrow_mut() = fresh.id.into_inner();
                    }
                }
                Err(err) => panic!("{err}"),
            }
        }
    }

    pub fn click(&self) {
        self.call("POST", "/click", Some(json!({})));
    }

    /// Types into the element; with the real keyboard, after clicking into it as a person does.
    pub fn type_text(&self, text: &str) {
        if self.session.real_keyboard.get() {
            self.click();
            return x_window::type_text(&self.session.display, text);
        }
        self.call("POST", "/value", Some(json!({ "text": text })));
    }

    pub fn text(&self) -> String {
        self.call("GET", "/text", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    pub fn attribute(&self, name: &str) -> Option<String> {
        self.call("GET", &format!("/attribute/{name}"), None)
            .as_str()
            .map(str::to_string)
    }
}
