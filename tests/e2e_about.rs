//! End to end, in the real app and real WebKit: the About screen shows the version, the licence and
//! the data folder, and its promise holds. After a couple has set up, written and browsed, no
//! process of Hearth's (the app and its WebKit processes) holds a TCP or UDP socket that reaches
//! beyond this machine. (WebDriver itself talks to WebKit over loopback, so loopback is allowed.)

mod support;

use support::sockets::{inet_sockets, process_tree};
use support::{sam_alone, write_entry, Harness};

#[test]
fn about_tells_the_version_licence_and_folder_and_hearth_uses_no_network() {
    let harness = Harness::start();
    let ui = sam_alone(&harness);
    ui.find("#nav-journal").click();
    write_entry(&ui, "private-a", "Offline", "Written with the cable out");
    ui.find("#nav-prompts").click();
    ui.wait_text("#prompt-count", |t| t.ends_with("prompts"));

    ui.find("#nav-settings").click();
    ui.find("#nav-about").click();
    ui.wait_text("#about-version", |t| {
        t == format!("Version {}", env!("CARGO_PKG_VERSION"))
    });
    assert_eq!(
        ui.find("#about-folder").text(),
        harness.data_dir().display().to_string()
    );
    assert!(ui.find("#about-licence").text().contains("MIT licence"));
    assert!(ui
        .find("#about-promise")
        .text()
        .contains("Hearth uses no network"));
    ui.screenshot("about");

    let pid = harness.app_pid().expect("Hearth is running");
    let tree = process_tree(pid);
    assert!(
        tree.len() > 1,
        "WebKit's processes are Hearth's children: {tree:?}"
    );
    let reaching_out: Vec<_> = inet_sockets(&tree)
        .into_iter()
        .filter(|socket| !socket.is_loopback_only())
        .collect();
    assert!(
        reaching_out.is_empty(),
        "sockets beyond this machine: {reaching_out:?}"
    );
    ui.close();
}
