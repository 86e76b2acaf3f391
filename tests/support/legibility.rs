//! Legibility in the real webview: WCAG contrast ratios and sizes from the computed styles. The
//! contrast rule lives here once, as JavaScript every measuring script starts with.

use serde_json::Value;

use super::webdriver::Session;

/// Defines `ratio(cssColourA, cssColourB)`, the WCAG 2 contrast ratio of two computed colours.
pub const CONTRAST_JS: &str = r#"
const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
const luminance = (c) => {
  const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const ratio = (x, y) => { const [a, b] = [luminance(x), luminance(y)].sort((p, q) => q - p); return (a + 0.05) / (b + 0.05); };
"#;

/// Every visible element under `root` that holds text of its own: the smallest font size, the
/// lowest contrast against the background behind it, and the text of the weakest.
const ALL_TEXT_JS: &str = r#"
const [rootCss] = arguments;
const opaque = (c) => { const v = c.match(/[\d.]+/g); return v && (v.length < 4 || Number(v[3]) > 0); };
const behind = (el) => {
  for (let e = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (opaque(c)) return c;
  }
  return 'rgb(255, 255, 255)';
};
const texts = [...document.querySelector(rootCss).querySelectorAll('*')].filter((e) =>
  e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'
  && [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()));
const measured = texts.map((e) => ({ text: e.textContent.trim().slice(0, 40),
  px: parseFloat(getComputedStyle(e).fontSize), contrast: ratio(getComputedStyle(e).color, behind(e)) }));
const least = (key) => measured.reduce((a, b) => (b[key] < a[key] ? b : a));
return { dark: matchMedia('(prefers-color-scheme: dark)').matches, count: measured.length,
  smallest: least('px'), weakest: least('contrast') };
"#;

/// Measures every piece of text under `root_css`.
pub fn measure_all_text(ui: &Session, root_css: &str) -> Value {
    ui.execute_with(&format!("{CONTRAST_JS}{ALL_TEXT_JS}"), &[root_css.into()])
}

/// Asserts what the together mode promises: every text at least 32 px and 7:1 contrast.
pub fn assert_couch_legible(measured: &Value) {
    assert!(measured["count"].as_u64().unwrap() > 0, "{measured}");
    assert!(
        measured["smallest"]["px"].as_f64().unwrap() >= 32.0,
        "{measured}"
    );
    assert!(
        measured["weakest"]["contrast"].as_f64().unwrap() >= 7.0,
        "{measured}"
    );
}
