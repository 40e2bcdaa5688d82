//! Every provision `ansvar` cites comes from `src/law.rs`.
//!
//! A rule's provisions, a finding's provisions, a role reason's provisions and
//! a duty's provisions must be constants of `ansvar::law` (issue 20): one spelling, one place to
//! check. The rules' texts may name articles in prose, but each `Art. …` they
//! name must also be a provision `law.rs` knows, so an article number cannot
//! enter a user's text without being spelt there first. The sources of
//! `src/rules/` and `src/roles.rs` are scanned for string literals that are a
//! bare citation: those must be `law::` constants.

use std::path::{Path, PathBuf};

use ansvar::diag::{Color, render};
use ansvar::law;
use ansvar::load::load_path;
use ansvar::reference::Reference;
use ansvar::rules::CATALOGUE;

fn known(provision: &str) -> bool {
    law::ALL.contains(&provision)
}

#[test]
fn every_rule_cites_only_provisions_of_law_rs() {
    for rule in CATALOGUE {
        for provision in rule.provisions {
            assert!(known(provision), "rule `{}` cites `{provision}`, which is not in src/law.rs", rule.code);
        }
    }
}

/// Every model directory the tests use: the bundled model and each rule fixture.
fn models() -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from("models/1177")];
    let root = Path::new("tests/fixtures/rules");
    let mut rules: Vec<_> = std::fs::read_dir(root).unwrap().map(|e| e.unwrap().path()).collect();
    rules.sort();
    for rule in rules {
        let mut cases: Vec<_> = std::fs::read_dir(&rule).unwrap().map(|e| e.unwrap().path()).collect();
        cases.sort();
        dirs.extend(cases.into_iter().filter(|c| c.join("model.yaml").is_file()));
    }
    dirs
}

#[test]
fn every_finding_and_role_reason_cites_only_provisions_of_law_rs() {
    let reference = Reference::builtin();
    let dirs = models();
    assert!(dirs.len() > 40, "only {} models found", dirs.len());
    let mut findings = 0;
    for dir in dirs {
        let loaded = match load_path(&dir, &reference) {
            Ok(loaded) => loaded,
            Err(invalid) => panic!("{}", render(&invalid.diagnostics, &invalid.sources, Color::Never)),
        };
        for as_of in ["2019-02-18", "2025-06-01"] {
            let analysis = ansvar::Analysis::new(&loaded.model, &reference, as_of.parse().unwrap());
            for finding in &analysis.findings {
                findings += 1;
                for provision in finding.provisions.iter() {
                    assert!(known(provision), "{}: `{}` cites `{provision}`", dir.display(), finding.code);
                }
            }
            for party in loaded.model.parties.keys() {
                for obligation in ansvar::obligations::obligations_of(&analysis, party) {
                    for provision in obligation.provisions {
                        assert!(known(provision), "{}: a duty of `{party}` cites `{provision}`", dir.display());
                    }
                }
            }
            for assignment in analysis.roles.assignments() {
                for reason in assignment.reasons() {
                    for provision in reason.provisions {
                        assert!(
                            known(provision),
                            "{}: a reason for `{}` cites `{provision}`",
                            dir.display(),
                            assignment.party
                        );
                    }
                }
            }
        }
    }
    assert!(findings > 100, "only {findings} findings checked");
}

/// The first citation of each `Art. ` in a text: `Art. 28(3)(a)–(h)` gives
/// `Art. 28(3)(a)`, `Art. 13/14` gives `Art. 13`.
fn articles(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("Art. ") {
        let rest = &text[at + "Art. ".len()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if digits.is_empty() {
            continue;
        }
        let mut citation = format!("Art. {digits}");
        let mut tail = &rest[digits.len()..];
        // At most a paragraph in digits, then a point in letters: `(1)(a)`.
        for letters in [false, true] {
            let Some(inner) = tail.strip_prefix('(') else { break };
            let Some(end) = inner.find(')') else { break };
            let part = &inner[..end];
            let fits = !part.is_empty()
                && if letters {
                    part.chars().all(|c| c.is_ascii_lowercase())
                } else {
                    part.chars().all(|c| c.is_ascii_digit())
                };
            if !fits {
                break;
            }
            citation.push_str(&format!("({part})"));
            tail = &inner[end + 1..];
        }
        found.push(citation);
    }
    found
}

#[test]
fn every_article_a_rule_text_names_is_a_provision_of_law_rs() {
    let mut unknown = Vec::new();
    for rule in CATALOGUE {
        let texts = [
            ansvar::catalogue::summary(rule, ansvar::render::Lang::En),
            ansvar::catalogue::explanation(rule, ansvar::render::Lang::En),
            ansvar::catalogue::remediation(rule, ansvar::render::Lang::En),
        ];
        for text in &texts {
            for citation in articles(text) {
                if !known(&citation) {
                    unknown.push(format!("{}: {citation}", rule.code));
                }
            }
        }
    }
    assert!(unknown.is_empty(), "articles named in rule texts but not in src/law.rs:\n{}", unknown.join("\n"));
}

#[test]
fn the_article_reader_reads_citations_as_written() {
    assert_eq!(articles("Art. 28(3)(a)–(h) and Art. 13/14"), ["Art. 28(3)(a)", "Art. 13"]);
    assert_eq!(articles("(Art. 5(1)(f), 32)"), ["Art. 5(1)(f)"]);
    assert_eq!(articles("Art. 32–36, Art. 4(7)"), ["Art. 32", "Art. 4(7)"]);
}

/// Starts of string literals that would be a citation spelt outside law.rs.
const CITATION_STARTS: &[&str] = &[
    "\"Art. ",
    "\"EDPB Guidelines",
    "\"patientdatalagen (",
    "\"patientsäkerhetslagen (",
    "\"offentlighets- och sekretesslagen (",
    "\"HSLF-FS",
];

#[test]
fn rules_roles_and_duties_spell_no_citation_of_their_own() {
    // The rules, the roles and the duties (the obligations stage).
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["src/rules", "src/obligations"] {
        let sources = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path());
        files.extend(sources.filter(|p| p.extension().is_some_and(|e| e == "rs")));
    }
    files.push(PathBuf::from("src/roles.rs"));
    files.sort();
    let mut found = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        for (number, line) in source.lines().enumerate() {
            for start in CITATION_STARTS {
                for (at, _) in line.match_indices(start) {
                    // A whole literal that is a citation (prose that happens to start
                    // with one, like "Art. 28(3) lists …", goes on much longer).
                    let literal = &line[at + 1..];
                    let end = literal.find('"').unwrap_or(literal.len());
                    if end <= 60 {
                        found.push(format!("{}:{}: {}", file.display(), number + 1, &literal[..end]));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "citations spelt outside src/law.rs:\n{}", found.join("\n"));
}
