//! The summary `check` prints first on a terminal when its findings run past a
//! screenful, and the one line `check --quiet` prints: counts by severity, by
//! rule and by party, and why the run exits as it does.
//!
//! The counts are data ([`Digest`]); the sentences are messages of
//! `locales/<lang>/text.ftl` (`digest-…`, and the model summary's own
//! `summary-…` for the counts), rendered in the chosen language.

use std::collections::BTreeMap;
use std::fmt::Write;

use fluent_bundle::FluentValue;

use super::{Lang, fixed};
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
    pub fn exit_reason(&self, lang: Lang) -> String {
        match self.threshold {
            None => fixed("digest-exit-never", lang, &[]),
            Some(t) if self.failing > 0 => fixed(
                "digest-exit-failing",
                lang,
                &[("count", self.failing.into()), ("severity", super::severity(t, lang).into())],
            ),
            Some(t) => fixed("digest-exit-passing", lang, &[("severity", super::severity(t, lang).into())]),
        }
    }

    /// The one line `check --quiet` prints: the counts and the exit reason.
    /// The counts read as the last line of the full output does
    /// ([`super::summary::findings_line`]).
    pub fn line(&self, as_of: jiff::civil::Date, lang: Lang) -> String {
        let date = || FluentValue::from(as_of.to_string());
        let counts = if self.total == 0 {
            fixed("summary-no-findings", lang, &[("date", date())])
        } else {
            let mut parts: Vec<String> = self
                .by_severity
                .iter()
                .map(|(s, n)| fixed(&format!("summary-count-{}", s.as_str()), lang, &[("count", (*n).into())]))
                .collect();
            if self.accepted > 0 {
                parts.push(fixed("summary-accepted", lang, &[("count", self.accepted.into())]));
            }
            let args = [("count", self.total.into()), ("date", date()), ("parts", parts.join(", ").into())];
            fixed("summary-findings", lang, &args)
        };
        format!("{counts}; {}\n", self.exit_reason(lang))
    }

    /// The summary printed before the first findings: the line, then the
    /// counts by rule and by party.
    pub fn text(&self, name: &str, model: &Model, as_of: jiff::civil::Date, lang: Lang) -> String {
        let model_line = fixed("summary-model", lang, &[("name", format!("`{name}`").into())]);
        let mut out = format!("{model_line}: {}", self.line(as_of, lang));
        let heading = |key: &str, more: usize| {
            fixed(if more > 0 { "digest-top-ten" } else { "digest-all" }, lang, &[("by", fixed(key, lang, &[]).into())])
        };
        if !self.by_rule.is_empty() {
            let _ = writeln!(out, "\n{}:", heading("digest-by-rule", self.more_rules));
            for (code, n) in &self.by_rule {
                let _ = writeln!(out, "  {n:>7}  {code}");
            }
            if self.more_rules > 0 {
                let more = fixed("digest-more-rules", lang, &[("count", self.more_rules.into())]);
                let _ = writeln!(out, "  {:>7}  {more}", self.more_rules);
            }
        }
        if !self.by_party.is_empty() {
            let _ = writeln!(out, "\n{}:", heading("digest-by-party", self.more_parties));
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
                let more = fixed("digest-more-parties", lang, &[("count", self.more_parties.into())]);
                let _ = writeln!(out, "  {:>7}  {more}", self.more_parties);
            }
        }
        out
    }
}

/// The line before the findings shown, after the summary.
pub fn shown_line(shown: usize, total: usize, lang: Lang) -> String {
    format!("\n{}\n\n", fixed("digest-shown", lang, &[("shown", shown.into()), ("total", total.into())]))
}

/// The last line when findings were left out: how to see them all.
pub fn more_line(shown: usize, total: usize, lang: Lang) -> String {
    format!("{}\n", fixed("digest-more-findings", lang, &[("count", (total - shown).into())]))
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
