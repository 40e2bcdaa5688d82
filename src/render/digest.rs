//! The summary `check` prints first on a terminal when its findings run past a
//! screenful, and the one line `check --quiet` prints: counts by severity, by
//! rule and by party, and why the run exits as it does.
//!
//! The counts are data ([`Digest`]); the English sentences are in this module,
//! beside the model summary ([`super::summary`]), where a second language
//! would put its own.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::model::{Model, PartyId};
use crate::rules::{Finding, Severity};

/// How many rules and parties the summary lists.
pub const TOP: usize = 10;

/// The findings of a run, counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest<'f> {
    /// Every finding.
    pub total: usize,
    /// Findings not accepted, by severity, most severe first (zeros left out).
    pub by_severity: Vec<(Severity, usize)>,
    /// Accepted findings.
    pub accepted: usize,
    /// Findings not accepted, by rule: the most frequent [`TOP`], then by code.
    pub by_rule: Vec<(&'static str, usize)>,
    /// Rules with findings beyond those listed.
    pub more_rules: usize,
    /// Findings not accepted, by the party that must act: the most frequent [`TOP`], then by id.
    pub by_party: Vec<(&'f PartyId, usize)>,
    /// Parties with findings beyond those listed.
    pub more_parties: usize,
    /// The `--fail-on` threshold, if any.
    pub threshold: Option<Severity>,
    /// Findings not accepted at or above the threshold: the exit code is 1 when there are any.
    pub failing: usize,
}

/// Findings not accepted at or above `threshold`: the run fails when there is one.
pub fn failing(findings: &[Finding], threshold: Option<Severity>) -> usize {
    threshold.map_or(0, |t| findings.iter().filter(|f| f.accepted.is_none() && f.severity >= t).count())
}

/// The most frequent keys first, then by key; cut to [`TOP`], with the number left out.
fn top<K: Ord + Copy>(counts: BTreeMap<K, usize>) -> (Vec<(K, usize)>, usize) {
    let mut all: Vec<(K, usize)> = counts.into_iter().collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let more = all.len().saturating_sub(TOP);
    all.truncate(TOP);
    (all, more)
}

impl<'f> Digest<'f> {
    /// Counts `findings` for a run failing at `threshold`.
    pub fn new(findings: &'f [Finding], threshold: Option<Severity>) -> Self {
        let open = || findings.iter().filter(|f| f.accepted.is_none());
        let by_severity = Severity::ALL
            .iter()
            .map(|s| (*s, open().filter(|f| f.severity == *s).count()))
            .filter(|(_, n)| *n > 0)
            .collect();
        let mut rules: BTreeMap<&'static str, usize> = BTreeMap::new();
        let mut parties: BTreeMap<&PartyId, usize> = BTreeMap::new();
        for finding in open() {
            *rules.entry(finding.code).or_default() += 1;
            if let Some(party) = &finding.party {
                *parties.entry(party).or_default() += 1;
            }
        }
        let (by_rule, more_rules) = top(rules);
        let (by_party, more_parties) = top(parties);
        Self {
            total: findings.len(),
            by_severity,
            accepted: findings.len() - open().count(),
            by_rule,
            more_rules,
            by_party,
            more_parties,
            threshold,
            failing: failing(findings, threshold),
        }
    }

    /// Why the run exits as it does, e.g. `exit 1: 12 findings at or above high`.
    pub fn exit_reason(&self) -> String {
        let plural = if self.failing == 1 { "finding" } else { "findings" };
        match self.threshold {
            None => "exit 0: --fail-on never".to_owned(),
            Some(t) if self.failing > 0 => format!("exit 1: {} {plural} at or above {t}", self.failing),
            Some(t) => format!("exit 0: no finding at or above {t}"),
        }
    }

    /// The one line `check --quiet` prints: the counts and the exit reason.
    pub fn line(&self, as_of: jiff::civil::Date) -> String {
        let counts = if self.total == 0 {
            format!("no findings as of {as_of}")
        } else {
            let mut parts: Vec<String> = self.by_severity.iter().map(|(s, n)| format!("{n} {s}")).collect();
            if self.accepted > 0 {
                parts.push(format!("{} accepted", self.accepted));
            }
            let plural = if self.total == 1 { "finding" } else { "findings" };
            format!("{} {plural} as of {as_of}: {}", self.total, parts.join(", "))
        };
        format!("{counts}; {}\n", self.exit_reason())
    }

    /// The summary printed before the first findings: the line, then the
    /// counts by rule and by party.
    pub fn text(&self, name: &str, model: &Model, as_of: jiff::civil::Date) -> String {
        let mut out = format!("model `{name}`: {}", self.line(as_of));
        if !self.by_rule.is_empty() {
            let _ = writeln!(out, "\nby rule{}:", if self.more_rules > 0 { " (top ten)" } else { "" });
            for (code, n) in &self.by_rule {
                let _ = writeln!(out, "  {n:>7}  {code}");
            }
            if self.more_rules > 0 {
                let _ = writeln!(
                    out,
                    "  {:>7}  more {}",
                    self.more_rules,
                    if self.more_rules == 1 { "rule" } else { "rules" }
                );
            }
        }
        if !self.by_party.is_empty() {
            let _ = writeln!(out, "\nby party{}:", if self.more_parties > 0 { " (top ten)" } else { "" });
            for (party, n) in &self.by_party {
                match model.parties.get(*party) {
                    Some(p) if p.name != party.as_str() => {
                        let _ = writeln!(out, "  {n:>7}  {party} ({})", crate::source::printable(&p.name));
                    }
                    _ => {
                        let _ = writeln!(out, "  {n:>7}  {party}");
                    }
                }
            }
            if self.more_parties > 0 {
                let _ = writeln!(
                    out,
                    "  {:>7}  more {}",
                    self.more_parties,
                    if self.more_parties == 1 { "party" } else { "parties" }
                );
            }
        }
        out
    }
}

/// The line before the findings shown, after the summary.
pub fn shown_line(shown: usize, total: usize) -> String {
    format!("\nthe {shown} most severe of {total} findings follow:\n\n")
}

/// The last line when findings were left out: how to see them all.
pub fn more_line(shown: usize, total: usize) -> String {
    let left = total - shown;
    let plural = if left == 1 { "finding" } else { "findings" };
    format!("… {left} more {plural} not shown; to see all: ansvar check … --all, or --format json\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_frequent_come_first_then_by_key_and_the_rest_are_counted() {
        let counts: BTreeMap<&str, usize> =
            (0..12).map(|i| (["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"][i], 1 + i % 3)).collect();
        let (top, more) = top(counts);
        assert_eq!(more, 2);
        assert_eq!(top.len(), TOP);
        assert_eq!(top[0], ("c", 3));
        assert_eq!(top[1], ("f", 3));
        assert!(top.windows(2).all(|w| w[0].1 > w[1].1 || (w[0].1 == w[1].1 && w[0].0 < w[1].0)));
    }
}
