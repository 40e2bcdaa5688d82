//! Roles as text for the terminal: the party × activity matrix, the
//! delegations and gaps under it (`ansvar roles`), and the reasoning for one
//! party in one activity (`roles --explain`).

use std::fmt::Write;

use fluent_bundle::FluentValue;

use super::{Lang, fixed, message, provisions};
use crate::finding::Arg;
use crate::model::{ActivityId, PartyId};
use crate::roles::{Assignment, Gap, Role, Roles};
use crate::source::Span;

/// A role in words (`processor`, `personuppgiftsbiträde`). A report words a
/// role for every recipient of every record, so the four of each language
/// are worded once and then copied.
pub fn role(role: Role, lang: Lang) -> String {
    static WORDS: [std::sync::OnceLock<[String; 4]>; 2] = [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
    let words = WORDS[lang as usize]
        .get_or_init(|| Role::ALL.map(|role| super::text(&Arg::from(role), lang, super::Code::Backticks)));
    words[role.index()].clone()
}

/// The short code of a role in the matrix (`P`, `PB`).
pub(crate) fn code(role: Role, own_purposes: bool, lang: Lang) -> String {
    let key = match (role, own_purposes) {
        (Role::Controller, true) => "matrix-own-purposes",
        (Role::Controller, false) => "matrix-controller",
        (Role::JointController, _) => "matrix-joint-controller",
        (Role::Processor, _) => "matrix-processor",
        (Role::SubProcessor, _) => "matrix-sub-processor",
    };
    fixed(key, lang, &[])
}

/// A party × activity matrix of roles, with a legend.
///
/// Rows are the parties with a role in at least one shown activity; columns are
/// the shown activities. A cell lists every role the party holds there.
pub fn role_matrix(roles: &Roles, parties: &[&PartyId], activities: &[&ActivityId], lang: Lang) -> String {
    let mut out = String::new();
    let cells: Vec<Vec<String>> = parties
        .iter()
        .map(|party| {
            activities
                .iter()
                .map(|activity| {
                    let held: Vec<String> =
                        roles.of(party, activity).iter().map(|a| code(a.role, a.has_own_purposes(), lang)).collect();
                    if held.is_empty() { "·".to_owned() } else { held.join("+") }
                })
                .collect()
        })
        .collect();
    let heading = fixed("matrix-party", lang, &[]);
    let first_width =
        parties.iter().map(|p| p.as_str().chars().count()).max().unwrap_or(0).max(heading.chars().count());
    let widths: Vec<usize> = activities
        .iter()
        .enumerate()
        .map(|(column, activity)| {
            let cell_width = cells.iter().map(|row| row[column].chars().count()).max().unwrap_or(0);
            activity.as_str().chars().count().max(cell_width)
        })
        .collect();
    let _ = write!(out, "{heading:first_width$}");
    for (activity, width) in activities.iter().zip(&widths) {
        let _ = write!(out, "  {:width$}", activity.as_str());
    }
    out.push('\n');
    for (party, row) in parties.iter().zip(&cells) {
        let _ = write!(out, "{:first_width$}", party.as_str());
        for (cell, width) in row.iter().zip(&widths) {
            let _ = write!(out, "  {cell:width$}");
        }
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        out.push('\n');
    }
    let _ = writeln!(out, "\n{}", fixed("matrix-legend", lang, &[]));
    out
}

/// Who acts for whom in the shown activities, and the gaps there.
pub fn delegations(roles: &Roles, parties: &[&PartyId], activities: &[&ActivityId], lang: Lang) -> String {
    let mut out = String::new();
    for activity in activities {
        for assignment in roles.in_activity(activity) {
            let Some(principal) = &assignment.on_behalf_of else { continue };
            if !parties.contains(&&assignment.party) {
                continue;
            }
            let mut chain = vec![assignment.party.as_str()];
            chain.extend(assignment.chain.iter().map(|p| p.as_str()));
            let args = [
                ("activity", FluentValue::from(activity.as_str())),
                ("party", FluentValue::from(assignment.party.as_str())),
                ("role", FluentValue::from(role(assignment.role, lang))),
                ("principal", FluentValue::from(principal.as_str())),
                ("chain", FluentValue::from(crate::diag::elided_chain(&chain))),
            ];
            let _ = writeln!(out, "{}", fixed("delegation", lang, &args));
        }
    }
    for gap in &roles.gaps {
        if activities.contains(&gap.activity()) {
            let _ = writeln!(out, "{}: {}", gap.activity(), message(&gap.describe(), lang));
        }
    }
    out
}

/// The reasoning for `party` in `activity`, in plain words, for `--explain`.
pub fn explain(
    roles: &Roles,
    party: &PartyId,
    activity: &ActivityId,
    location: impl Fn(Span) -> String,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let ids =
        [("party", FluentValue::from(format!("`{party}`"))), ("activity", FluentValue::from(format!("`{activity}`")))];
    let line = |key: &str, extra: &[(&'static str, FluentValue<'_>)]| {
        let mut args = ids.to_vec();
        args.extend(extra.iter().cloned());
        fixed(key, lang, &args)
    };
    let stated_at = |span: Span| line("explain-stated-at", &[("location", FluentValue::from(location(span)))]);
    let held = roles.of(party, activity);
    if held.is_empty() {
        let _ = writeln!(out, "{}", line("explain-no-role", &[]));
        let gaps: Vec<&Gap> =
            roles.gaps.iter().filter(|g| g.activity() == activity && g.party() == Some(party)).collect();
        if !gaps.is_empty() {
            // It performs the activity, but the facts do not say for which
            // controller: that is a gap, not the absence of a part.
            for gap in gaps {
                let gap_text = message(&gap.describe(), lang);
                let _ = writeln!(out, "  {}", line("explain-gap", &[("gap", FluentValue::from(gap_text))]));
                let _ = writeln!(out, "     {}", stated_at(gap.span()));
            }
            let cited = provisions(&[crate::law::ART_4_8, crate::law::EDPB_07_2020_PROCESSOR], lang);
            let _ = writeln!(out, "  {}", line("explain-gap-why", &[("provisions", FluentValue::from(cited))]));
            return out;
        }
        let _ = writeln!(out, "  {}", line("explain-no-part", &[]));
        let cited = provisions(&[crate::law::EDPB_07_2020_FACTS], lang);
        let _ = writeln!(out, "  {}", line("explain-per-activity", &[("provisions", FluentValue::from(cited))]));
        let other: Vec<String> = roles
            .of_party(party)
            .map(|a| {
                let args = [
                    ("role", FluentValue::from(role(a.role, lang))),
                    ("activity", FluentValue::from(format!("`{}`", a.activity))),
                ];
                fixed("explain-role-of", lang, &args)
            })
            .collect();
        if !other.is_empty() {
            let _ = writeln!(out, "  {}", line("explain-elsewhere", &[("roles", FluentValue::from(other.join(", ")))]));
        }
        return out;
    }
    for assignment in held {
        let _ = writeln!(out, "{}", heading(assignment, &line, lang));
        for (index, reason) in assignment.reasons().enumerate() {
            let _ = writeln!(out, "  {}. {}", index + 1, message(&reason.message, lang));
            if !reason.provisions.is_empty() {
                let cited = provisions(reason.provisions, lang);
                let _ = writeln!(out, "     {}", line("explain-rests-on", &[("provisions", FluentValue::from(cited))]));
            }
            if let Some(span) = reason.span {
                let _ = writeln!(out, "     {}", stated_at(span));
            }
        }
        if !assignment.chain.is_empty() {
            let mut chain = vec![format!("`{party}`")];
            chain.extend(assignment.chain.iter().map(|p| format!("`{p}`")));
            let chain: Vec<&str> = chain.iter().map(String::as_str).collect();
            let chain = crate::diag::elided_chain(&chain);
            let _ = writeln!(out, "  {}", line("explain-chain", &[("chain", FluentValue::from(chain))]));
        }
    }
    out
}

/// `` `vendor` is processor of `reminders` on behalf of `clinic`. ``
fn heading(
    assignment: &Assignment,
    line: &impl Fn(&str, &[(&'static str, FluentValue<'_>)]) -> String,
    lang: Lang,
) -> String {
    let role = FluentValue::from(role(assignment.role, lang));
    match (&assignment.on_behalf_of, !assignment.has_own_purposes()) {
        (Some(principal), _) => {
            line("explain-role-for", &[("role", role), ("principal", FluentValue::from(format!("`{principal}`")))])
        }
        (None, false) => line("explain-role-own-purposes", &[("role", role)]),
        (None, true) => line("explain-role", &[("role", role)]),
    }
}
