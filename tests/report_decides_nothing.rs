//! The report only lays out what the rules and the obligations stage decided
//! (issue #12): a lint over the source of `src/report/`.
//!
//! - No report module reads `crate::law`: each provision comes with the
//!   duty, step or record that rests on it.
//! - The rule catalogue is read only by the SARIF writer, which lists it.
//! - None of the facts that bring an obligation, nor the stage's own
//!   derivations, is read in the report: those questions belong to
//!   `src/obligations/`.
//! - The report's modules import each other without a circle, and templates
//!   draw nothing up (they start no thread).
//!
//! Test modules and comments are left out of the scan.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Each report module's code without its tests, with its comment lines blanked,
/// keyed by module name.
fn report_sources() -> BTreeMap<String, Vec<String>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/report");
    let mut modules = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("src/report is readable") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a report module is readable");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let lines = code
            .lines()
            .map(|line| if line.trim_start().starts_with("//") { String::new() } else { line.to_owned() })
            .collect();
        let name = path.file_stem().and_then(|s| s.to_str()).expect("a UTF-8 file name").to_owned();
        modules.insert(name, lines);
    }
    assert!(modules.len() > 10, "found only {} report modules in {}", modules.len(), dir.display());
    modules
}

/// Every `(module:line, text)` whose line matches `hit` and not `allowed`.
fn offending(hit: impl Fn(&str) -> bool, allowed: impl Fn(&str, &str) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    for (module, lines) in report_sources() {
        for (number, line) in lines.iter().enumerate() {
            if hit(line) && !allowed(&module, line) {
                found.push(format!("src/report/{module}.rs:{}: {}", number + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn provisions_come_from_the_stages_not_from_the_law_module() {
    // Which provision a duty, a step or a record rests on is decided with it,
    // in `src/obligations/` or `src/rules/`; the report prints what it is given.
    let found = offending(|line| line.contains("law::") || line.contains("crate::law"), |_, _| false);
    assert!(found.is_empty(), "the report cites the law module itself:\n{}", found.join("\n"));
}

#[test]
fn only_sarif_reads_the_rule_catalogue() {
    let found =
        offending(|line| line.contains("CATALOGUE") || line.contains("rules::rule("), |module, _| module == "sarif");
    assert!(found.is_empty(), "the catalogue read outside the SARIF writer:\n{}", found.join("\n"));
}

#[test]
fn no_fact_that_brings_an_obligation_is_judged_here() {
    // What `src/obligations/` reads to decide; the report gets its answers.
    const DECIDERS: &[&str] = &[
        "is_sensitive(",
        "large_scale",
        "gives_care(",
        "controller_by_law",
        "subjects_judgement(",
        "duties_of(",
        "notification_duties(",
        "processing_abroad(",
        "chain_up(",
        "users_of(",
        "agreements_between(",
    ];
    let found = offending(|line| DECIDERS.iter().any(|d| line.contains(d)), |_, _| false);
    assert!(found.is_empty(), "the report decides an obligation itself:\n{}", found.join("\n"));
}

#[test]
fn templates_draw_nothing_up() {
    // `View::sheets`, `notifications` and `records` draw up on every core:
    // templates get the drawn-up lists instead and start no thread.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut found = Vec::new();
    let mut read = 0;
    for entry in std::fs::read_dir(&dir).expect("templates/ is readable") {
        let path = entry.expect("a directory entry").path();
        // `templates/init/` holds the starter model of `ansvar init`, not templates.
        if path.is_dir() {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a template is readable");
        read += 1;
        for (number, line) in text.lines().enumerate() {
            if ["sheets()", "notifications()", "records()", "draw()"].iter().any(|call| line.contains(call)) {
                found.push(format!("{}:{}: {}", path.display(), number + 1, line.trim()));
            }
        }
    }
    assert!(read > 5, "read only {read} templates");
    assert!(found.is_empty(), "a template draws up a part itself:\n{}", found.join("\n"));
}

#[test]
fn the_report_modules_import_each_other_without_a_circle() {
    let sources = report_sources();
    let names: BTreeSet<String> = sources.keys().cloned().collect();
    // `super::x` (in a `use` or a path) is an edge to the sibling module `x`.
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, lines) in &sources {
        let targets = edges.entry(module.clone()).or_default();
        for line in lines {
            for (at, _) in line.match_indices("super::") {
                let rest = &line[at + "super::".len()..];
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if names.contains(&name) && &name != module {
                    targets.insert(name);
                }
            }
        }
    }
    // Depth-first search for a back edge.
    fn visit<'a>(
        node: &'a str,
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| *n == node) {
            let mut circle: Vec<String> = path[start..].iter().map(|n| (*n).to_owned()).collect();
            circle.push(node.to_owned());
            return Some(circle);
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in edges.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, edges, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for module in edges.keys() {
        let mut path = Vec::new();
        if let Some(circle) = visit(module, &edges, &mut path, &mut done) {
            panic!("report modules import each other in a circle: {}", circle.join(" → "));
        }
    }
    // The edges the scan must see, so that a broken scan cannot pass.
    assert!(edges["view"].contains("refs") && edges["sheets"].contains("refs"), "{edges:?}");
}
