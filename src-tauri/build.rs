//! Generates the Tauri context and the ACL. Declaring the app's commands here makes Tauri deny any
//! command that a capability does not allow, so the webview can call only what is listed.

/// Every `#[tauri::command]` the shell registers. The IPC tests check this list against the handler.
const COMMANDS: &[&str] = &[
    "vault_status",
    "setup_couple",
    "unlock",
    "add_partner",
    "lock",
    "change_passphrase",
    "reset_passphrase",
    "get_settings",
    "set_auto_lock",
    "note_activity",
    "get_autostart",
    "set_autostart",
    "list_prompts",
    "set_favourite",
    "set_hidden",
    "add_prompt",
    "update_prompt",
    "delete_prompt",
    "prompt_of_the_day",
    "deal_date_night",
    "swap_card",
    "mark_discussed",
    "prompt_history",
    "save_answers",
    "list_answers",
    "save_together_note",
    "list_together_notes",
    "consent_status",
    "set_consent",
    "set_resurface_months",
    "list_reminders",
    "preset_rule",
    "preview_reminder",
    "create_reminder",
    "update_reminder",
    "delete_reminder",
    "record_together_time",
    "kept_this_month",
    "recent_together_times",
    "get_reminder_prefs",
    "set_reminder_prefs",
    "reminder_status",
    "pause_reminders_today",
    "resume_reminders",
    "snooze_reminders",
    "export_ics",
    "list_entries",
    "get_entry",
    "create_entry",
    "update_entry",
    "delete_entry",
    "undo_delete_entry",
    "share_entry",
    "search_entries",
    "entry_tags",
    "entry_prompts",
    "add_appreciation",
    "list_appreciations",
    "appreciation_of_the_day",
    "backup_vault",
    "restore_backup",
    "export_entries",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/*.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
