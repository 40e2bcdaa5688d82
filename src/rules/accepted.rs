//! Accepted risks: findings the model's owners accept, with a justification, an
//! owner and an expiry. An accepted finding is reported as accepted, not hidden;
//! an acceptance that has expired, matches nothing, or names no known rule is
//! itself a finding.

use super::{Acceptance, Area, Arg, Context, Finding, Message, Rule, Severity, Subject, collector};
use crate::law;
use crate::model::ids::Interned;
use crate::msg;
use crate::suggest::did_you_mean;

/// An acceptance past its expiry date.
pub const EXPIRED: Rule = Rule {
    code: "accepted-risk-expired",
    area: Area::AcceptedRisks,
    severity: Severity::Medium,
    provisions: &[law::ART_5_2, law::ART_24],
    check: |_, _| {},
};

/// An acceptance that matches no finding.
pub const UNUSED: Rule = Rule {
    code: "accepted-risk-unused",
    area: Area::AcceptedRisks,
    severity: Severity::Low,
    provisions: &[law::ART_5_2],
    check: |_, _| {},
};

/// An acceptance naming no known rule.
pub const UNKNOWN_RULE: Rule = Rule {
    code: "accepted-risk-unknown-rule",
    area: Area::AcceptedRisks,
    severity: Severity::Medium,
    provisions: &[law::ART_5_2],
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
            let message = match did_you_mean(code, super::CATALOGUE.iter().map(|r| r.code)) {
                Some(suggestion) => {
                    msg!(
                        "accepted-risk-unknown-rule-suggest",
                        rule = Arg::code(code),
                        suggestion = Arg::code(suggestion)
                    )
                }
                None => msg!("accepted-risk-unknown-rule", rule = Arg::code(code)),
            };
            let finding = unknown.at(acceptance.rule.span, Message::new("label-no-such-rule"), message);
            // Not the party's or activity's finding (the rule is what is wrong), but
            // two such acceptances are told apart by them.
            finding.subject("rule", Subject::Rule(Interned::new(code)));
            if let Some(party) = &acceptance.party {
                finding.subject("accepted-party", &party.value);
            }
            if let Some(activity) = &acceptance.activity {
                finding.subject("accepted-activity", &activity.value);
            }
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
                Message::new("label-expired"),
                msg!(
                    "accepted-risk-expired",
                    rule = Arg::code(code),
                    accepted_by = Arg::verbatim(&acceptance.accepted_by),
                    expires = acceptance.expires.value,
                    count = count,
                ),
            );
            name_subjects(finding, acceptance);
            continue;
        }
        let mut used = false;
        for finding in findings.iter_mut().filter(|f| matches(f)) {
            used = true;
            finding.accepted = Some(Box::new(Acceptance {
                justification: acceptance.justification.clone(),
                accepted_by: acceptance.accepted_by.clone(),
                expires: acceptance.expires.value,
                span: acceptance.span,
            }));
            finding.label(acceptance.span, Message::new("label-accepted-here"));
        }
        if !used {
            let finding = unused.at(
                acceptance.rule.span,
                Message::new("label-matches-no-finding"),
                msg!("accepted-risk-unused", rule = Arg::code(code)),
            );
            name_subjects(finding, acceptance);
        }
    }
    for mut collected in [expired, unused, unknown] {
        about.append(&mut collected.found);
    }
}

/// Names what a finding about an acceptance is about: the rule it names, and
/// its party and activity.
fn name_subjects(finding: &mut Finding, acceptance: &crate::model::AcceptedRisk) {
    finding.subject("rule", Subject::Rule(Interned::new(&acceptance.rule.value)));
    if let Some(party) = &acceptance.party {
        finding.party(&party.value);
    }
    if let Some(activity) = &acceptance.activity {
        finding.activity(&activity.value);
    }
}
