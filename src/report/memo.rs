//! The memo's front and back matter as the report shows them: when it was
//! produced, which revision of the model it read, the tool, and who signs it.
//!
//! The words around these values (the labels, the sign-off lines, the scope
//! and limitations) are written once in each template, so that a translation
//! finds them in one place.

use serde::Serialize;

use super::refs::Input;

/// The memo's particulars, ready to show.
#[derive(Clone, Debug, Default, Serialize)]
pub struct MemoView {
    /// The day the report was produced, `YYYY-MM-DD`, or empty when not stated.
    pub produced: String,
    /// The model's git commit, in full, or empty when it is not in a git work
    /// tree (or not stated).
    pub commit: String,
    /// The commit shortened to 12 digits, for the page.
    #[serde(skip)]
    pub commit_short: String,
    /// Whether the model's files differed from the commit.
    pub dirty: bool,
    /// Whether a memo was given at all (a report built without one says its
    /// particulars are not stated).
    pub stated: bool,
    /// Who wrote the memo, or empty (a line to fill in by hand).
    pub author: String,
    /// Who reviewed it, or empty.
    pub reviewer: String,
    /// The model's name as the content of a CSS string, for the running
    /// header of the printed pages: every character but letters, digits and
    /// plain punctuation is a CSS escape, so no name can end the string or the
    /// style sheet.
    #[serde(skip)]
    pub running_head: String,
}

impl MemoView {
    /// The particulars of the report built from `input`.
    pub(crate) fn new(input: &Input<'_>) -> Self {
        let running_head = css_string(input.name);
        let Some(memo) = input.memo else { return Self { running_head, ..Self::default() } };
        let commit = memo.revision.as_ref().map(|r| r.commit.clone()).unwrap_or_default();
        Self {
            produced: memo.produced.to_string(),
            commit_short: commit.chars().take(12).collect(),
            commit,
            dirty: memo.revision.as_ref().is_some_and(|r| r.dirty),
            stated: true,
            author: memo.author.clone().unwrap_or_default(),
            reviewer: memo.reviewer.clone().unwrap_or_default(),
            running_head,
        }
    }
}

/// `text` escaped for the inside of a double-quoted CSS string in a `<style>`
/// element: letters, digits, space and `/ . _ - , : ( )` stay, everything else
/// becomes `\HHHHHH` (six hex digits, so no terminating space is needed).
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() && !c.is_control() || " /._-,:()".contains(c) {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:06x}", u32::from(c)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_in_a_name_can_end_the_css_string_or_the_style_sheet() {
        let escaped = css_string("models/1177 \"a\"</style><script>\\");
        assert!(!escaped.contains('"') && !escaped.contains('<') && !escaped.contains('>'));
        assert!(escaped.starts_with("models/1177 \\000022a"));
        assert_eq!(css_string("Sörmland"), "Sörmland");
    }
}
