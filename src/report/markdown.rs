//! Markdown helpers shared by every Markdown output.

/// Escapes text from the model for Markdown prose and table cells: `|` would
/// split a table cell, `*`, `_`, `` ` ``, `[` and `<` would start markup, `&`
/// would start an entity (`AT&amp;T` would show as `AT&T`), and a newline would
/// end a table row.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_breaking_and_markup_characters_are_escaped() {
        assert_eq!(escape("a|b*c_d"), "a\\|b\\*c\\_d");
        assert_eq!(escape("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
        assert_eq!(escape("two\nlines"), "two lines");
        assert_eq!(escape("AT&amp;T"), "AT\\&amp;T");
    }
}
