//! Accepted risks: findings the model's owners accept, with a justification, an
//! owner and an expiry. An accepted finding is reported as accepted, not hidden;
//! an acceptance that has expired, matches nothing, or names no known rule is
//! itself a finding.

use super::{Acceptance, Area, Context, Finding, Rule, Severity, collector};
use crate::law;
use crate::suggest::did_you_mean;

/// An acceptance past its expiry date.
pub const EXPIRED: Rule = Rule {
    code: "accepted-risk-expired",
    area: Area::AcceptedRisks,
    severity: Severity::Medium,
    provisions: &[law::ART_5_2, law::ART_24],
    summary: "An accepted risk whose acceptance has expired",
    explanation: "An acceptance is a decision by someone accountable (Art. 5(2), 24) to live with a finding for a time. Once it expires the finding counts again, and the decision must be made anew.",
    remediation: "fix the finding, or renew the acceptance with a new expiry date and justification",
    check: |_, _| {},
};

/// An acceptance that matches no finding.
pub const UNUSED: Rule = Rule {
    code: "accepted-risk-unused",
    area: Area::AcceptedRisks,
    severity: Severity::Low,
    provisions: &[law::ART_5_2],
    summary: "An accepted risk that matches no finding",
    explanation: "An acceptance that matches nothing is stale: the finding was fixed, or the acceptance names the wrong party or activity. Left in place, it could silently accept a future finding.",
    remediation: "remove the acceptance, or correct its party and activity",
    check: |_, _| {},
};

/// An acceptance naming no known rule.
pub const UNKNOWN_RULE: Rule = Rule {
    code: "accepted-risk-unknown-rule",
    area: Area::AcceptedRisks,
    severity: Severity::Medium,
    provisions: &[law::ART_5_2],
    summary: "An accepted risk that names a rule ansvar does not have",
    explanation: "The acceptance can never match a finding; most likely the rule code is misspelt.",
    remediation: "use a code from `ansvar rules`",
    check: |_, _| {},
};

/// Marks accepted findings, and pushes findings about the acceptances themselves.
pub(super) fn apply(ctx: &Context<'_>, findings: &mut [Finding], about: &mut Vec<Finding>) {
    let mut expired = collector(&EXPIRED);
    let mut unused = collector(&UNUSED);
    let mut unknown = collector(&UNKNOWN_RULE);
    for acceptance in &ctx.model.accepted_risks {
        let code = acceptance.rule.value.as_str();
        if super::rule(code).is_none() {
            let mut message = format!("accepted risk names unknown rule `{code}`");
            if let Some(suggestion) = did_you_mean(code, super::CATALOGUE.iter().map(|r| r.code)) {
                message.push_str(&format!("; did you mean `{suggestion}`?"));
            }
            unknown.at(acceptance.rule.span, "no such rule", message);
            continue;
        }
        let matches = |finding: &Finding| {
            finding.code == code
                && acceptance.party.as_ref().is_none_or(|p| finding.party.as_ref() == Some(&p.value))
                && acceptance.activity.as_ref().is_none_or(|a| finding.activity.as_ref() == Some(&a.value))
        };
        if acceptance.expires.value < ctx.as_of {
            let count = findings.iter().filter(|f| matches(f)).count();
            let finding = expired.at(
                acceptance.expires.span,
                "expired",
                format!(
                    "acceptance of `{code}` by {} expired on {}; {count} finding{} again",
                    acceptance.accepted_by,
                    acceptance.expires.value,
                    if count == 1 { " counts" } else { "s count" }
                ),
            );
            if let Some(party) = &acceptance.party {
                finding.party(&party.value);
            }
            if let Some(activity) = &acceptance.activity {
                finding.activity(&activity.value);
            }
            continue;
        }
        let mut used = false;
        for finding in findings.iter_mut().filter(|f| matches(f)) {
            used = true;
            finding.accepted = Some(Acceptance {
                justification: acceptance.justification.clone(),
                accepted_by: acceptance.accepted_by.clone(),
                expires: acceptance.expires.value,
                span: acceptance.span,
            });
            finding.labels.push(crate::diag::Label::new(acceptance.span, "accepted here"));
        }
        if !used {
            let finding = unused.at(
                acceptance.rule.span,
                "matches no finding",
                format!("acceptance of `{code}` matches no finding"),
            );
            if let Some(party) = &acceptance.party {
                finding.party(&party.value);
            }
            if let Some(activity) = &acceptance.activity {
                finding.activity(&activity.value);
            }
        }
    }
    for mut collected in [expired, unused, unknown] {
        about.append(&mut collected.found);
    }
}
