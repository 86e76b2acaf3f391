//! The IPC tests' app: Tauri's mock runtime built with the app's real context, so the real
//! capabilities and ACL decide what the webview may call, and helpers that call commands as the
//! webview does.

use std::path::Path;

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow};

use super::{PASS_A, PASS_B};

pub struct TestApp {
    app: App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
}

pub fn start(dir: &Path) -> TestApp {
    let mut app = hearth_lib::configure(mock_builder(), Some(dir.to_path_buf()))
        .build(hearth_lib::context())
        .unwrap();
    // One turn of the event loop runs the app's setup, as at a real start: the window, and the
    // housekeeping tick. Deprecated because a loop of it busy-waits; this is one turn, not a loop.
    #[allow(deprecated)]
    app.run_iteration(|_, _| {});
    let window = match app.get_webview_window("main") {
        Some(window) => window,
        None => tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap(),
    };
    TestApp { app, window }
}

/// Locks when the test ends, as quitting Hearth does, so no vault check thread is still closing its
/// connection when the test binary exits (SQLCipher's exit handler would pull its memory away).
impl Drop for TestApp {
    fn drop(&mut self) {
        let state = self.app.state::<hearth_lib::AppState>();
        if let Ok(mut vault) = state.vault() {
            vault.lock();
        };
    }
}

impl TestApp {
    /// Locks, then unlocks as `partner` alone (`"a"` or `"b"`).
    pub fn lock_and_unlock_as(&self, partner: &str, passphrase: &str) {
        self.ok("lock", json!({}));
        self.ok(
            "unlock",
            json!({ "partner": partner, "passphrase": passphrase }),
        );
    }

    /// As if the person had chosen `folder` in the folder dialog, which the mock runtime has not.
    pub fn choose_sync_folder(&self, folder: &Path) {
        let state = self.app.state::<hearth_lib::AppState>();
        state.choose_sync_folder(folder.to_path_buf()).unwrap();
    }

    /// The sync passes the housekeeping thread has run, read as the app keeps them: a command
    /// would ask for a pass of its own.
    pub fn sync_passes(&self) -> hearth_lib::PassCounts {
        self.app
            .state::<hearth_lib::AppState>()
            .sync_passes
            .counts()
    }

    /// Deleted entries still on disk in the shared vault (hidden, waiting for their undo time).
    pub fn deleted_entries_waiting(&self) -> i64 {
        use tauri::Manager;
        let state = self.app.state::<hearth_lib::AppState>();
        let vault = state.vault().unwrap();
        vault
            .session()
            .unwrap()
            .conn()
            .query_row(
                "SELECT count(*) FROM main.entries WHERE deleted_at IS NOT NULL",
                [],
                |row| row.get(0),
            )
            .unwrap()
    }

    pub fn invoke(&self, command: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: command.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                // The origin the real webview uses on Linux.
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().unwrap())
    }

    pub fn ok(&self, command: &str, args: Value) -> Value {
        self.invoke(command, args)
            .unwrap_or_else(|err| panic!("{command} failed: {err}"))
    }

    /// A command error must be exactly `{ kind, message }` with a sentence for people.
    pub fn err_kind(&self, command: &str, args: Value) -> String {
        let err = self.invoke(command, args).expect_err(command);
        let object = err
            .as_object()
            .unwrap_or_else(|| panic!("{command}: not an object: {err}"));
        assert_eq!(object.len(), 2, "{err}");
        let message = object["message"].as_str().unwrap();
        assert!(message.len() > 10 && !message.contains('!'), "{message}");
        object["kind"].as_str().unwrap().to_string()
    }
}

pub fn setup_args() -> Value {
    json!({
        "a": { "name": "Sam", "passphrase": PASS_A },
        "b": { "name": "Alex", "passphrase": PASS_B },
    })
}

pub fn unlocked(status: &Value) -> Vec<String> {
    status["partners"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["unlocked"] == json!(true))
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect()
}

/// Every command name from the one list, `src-tauri/commands/names.rs`.
pub fn allowed_commands() -> Vec<String> {
    hearth_lib::command_names().map(str::to_string).collect()
}
