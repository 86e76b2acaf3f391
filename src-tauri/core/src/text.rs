//! The one check for a line of the couple's own text (a title, a note, an appreciation): trimmed,
//! within its length, no line breaks or other control characters. Each domain turns the refusal
//! into its own error.

/// The trimmed line, or the plain-words reason it was refused. An empty line is refused only when
/// `required`.
pub(crate) fn one_line(
    text: &str,
    max: usize,
    what: &str,
    required: bool,
) -> Result<String, String> {
    let text = text.trim();
    if (required && text.is_empty())
        || text.chars().count() > max
        || text.chars().any(char::is_control)
    {
        return Err(format!("{what} is one line of up to {max} characters."));
    }
    Ok(text.to_string())
}
