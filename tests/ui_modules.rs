//! The page's module preload list against the modules the UI really imports.
//!
//! `ui/index.html` names every module that `js/main.js` reaches, each as a `modulepreload` link,
//! so that WebKit fetches them all while it parses the page rather than one level of imports after
//! another (seven levels deep). A module added without its link would only load late; a link left
//! behind after a module went would fetch a file that is not there. This test reads the imports
//! the way the browser resolves them, from `main.js` down, and compares the two lists.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

const UI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui");
const ENTRY: &str = "js/main.js";

#[test]
fn the_page_preloads_every_module_main_imports_and_no_other() {
    let imported = modules_reached_from(ENTRY);
    let html = read(Path::new("index.html"));
    let preloaded: BTreeSet<String> =
        attribute_values(&html, "<link rel=\"modulepreload\" href=\"")
            .into_iter()
            .collect();
    let missing: Vec<_> = imported.difference(&preloaded).collect();
    let stale: Vec<_> = preloaded.difference(&imported).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "ui/index.html: add <link rel=\"modulepreload\"> for {missing:?}, remove it for {stale:?}"
    );
    assert!(imported.len() > 10, "the walk found only {imported:?}");
}

/// Every module the entry imports, directly or through others, as paths under `ui/`; the entry
/// itself is loaded by its own script tag.
fn modules_reached_from(entry: &str) -> BTreeSet<String> {
    let mut reached = BTreeSet::new();
    let mut pending = vec![PathBuf::from(entry)];
    while let Some(module) = pending.pop() {
        let folder = module.parent().map(Path::to_path_buf).unwrap_or_default();
        for specifier in imports(&read(&module)) {
            let target = normalise(&folder.join(specifier));
            if reached.insert(target.to_string_lossy().into_owned()) {
                pending.push(target);
            }
        }
    }
    reached.remove(entry);
    reached
}

/// The relative specifiers of a module's static `import … from './x.js'` and `import './x.js'`
/// statements; Hearth's UI has no other kind.
fn imports(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = source;
    while let Some(start) = rest.find("import") {
        let statement = &rest[start..];
        let at_line_start = start == 0 || rest[..start].ends_with('\n');
        let end = statement.find(';').unwrap_or(statement.len());
        if at_line_start {
            if let Some(specifier) = quoted_relative(&statement[..end]) {
                found.push(specifier);
            }
        }
        rest = &statement[end.max(1)..];
    }
    found
}

/// The last quoted string of a statement, when it is a relative path.
fn quoted_relative(statement: &str) -> Option<String> {
    let quote = statement.rfind(['\'', '"'])?;
    let opening = statement[..quote].rfind(['\'', '"'])?;
    let specifier = &statement[opening + 1..quote];
    specifier.starts_with('.').then(|| specifier.to_string())
}

/// The values of every attribute that follows `prefix` up to its closing quote.
fn attribute_values(text: &str, prefix: &str) -> Vec<String> {
    text.split(prefix)
        .skip(1)
        .filter_map(|tail| tail.split('"').next())
        .map(str::to_string)
        .collect()
}

/// `a/./b/../c` as `a/c`, as a browser resolves a relative URL.
fn normalise(path: &Path) -> PathBuf {
    let mut parts: Vec<Component> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.iter().collect()
}

fn read(relative: &Path) -> String {
    let path = Path::new(UI).join(relative);
    fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}
