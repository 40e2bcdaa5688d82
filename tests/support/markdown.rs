//! Markdown checks shared by the tests that render hostile names
//! (`tests/report.rs`, `tests/injection.rs`).

/// Counts the `|` that end table cells (those not escaped with `\`).
pub fn cell_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
    }
    count
}

/// The first table row (outside code fences) whose cell count differs from
/// its table's header row: a name that broke out of its cell.
pub fn broken_table_row(md: &str) -> Option<&str> {
    let mut header: Option<usize> = None;
    let mut fence = false;
    for line in md.lines() {
        if line.starts_with("```") {
            fence = !fence;
        }
        if line.starts_with('|') && !fence {
            let cells = cell_pipes(line);
            match header {
                None => header = Some(cells),
                Some(expected) if cells != expected => return Some(line),
                Some(_) => {}
            }
        } else {
            header = None;
        }
    }
    None
}
