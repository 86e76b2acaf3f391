//! Generates the Tauri context and the ACL. Declaring the app's commands here makes Tauri deny any
//! command that a capability does not allow, so the webview can call only what is listed.
//!
//! The names come from one list, `commands/names.rs`. Each of its groups becomes a permission set,
//! written to the build's output folder (not the source tree) and granted by name in
//! `capabilities/main-window.json`.

use std::path::Path;

include!("commands/names.rs");

/// The permission sets, one per group, in Tauri's permission-file format.
fn permission_sets() -> String {
    let mut toml = String::from("# Written by build.rs from commands/names.rs.\n");
    for (group, commands) in COMMAND_GROUPS {
        let allows: Vec<String> = commands
            .iter()
            .map(|name| format!("\"allow-{}\"", name.replace('_', "-")))
            .collect();
        toml.push_str(&format!(
            "\n[[set]]\nidentifier = \"{group}-commands\"\n\
             description = \"Every {group} command Hearth declares.\"\n\
             permissions = [{}]\n",
            allows.join(", ")
        ));
    }
    toml
}

fn main() {
    // With a capabilities pattern of its own, tauri-build watches none of it: say what to watch.
    println!("cargo:rerun-if-changed=src-tauri/commands/names.rs");
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| panic!("cargo sets OUT_DIR"));
    let folder = Path::new(&out_dir).join("permissions");
    std::fs::create_dir_all(&folder)
        .and_then(|()| std::fs::write(folder.join("commands.toml"), permission_sets()))
        .unwrap_or_else(|err| panic!("writing the permission sets failed: {err}"));
    // Tauri keeps the pattern for the whole build; the build script ends soon after.
    let pattern: &'static str = Box::leak(format!("{}/*.toml", folder.display()).into_boxed_str());
    let commands: &'static [&'static str] = Box::leak(
        COMMAND_GROUPS
            .iter()
            .flat_map(|(_, names)| names.iter().copied())
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    );
    let manifest = tauri_build::AppManifest::new()
        .commands(commands)
        .permissions_path_pattern(pattern);
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/*.json")
        .app_manifest(manifest);
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
