//! Plain-text tables for the terminal.

use std::fmt::Write;

use crate::model::{ActivityId, PartyId};
use crate::roles::{Role, Roles};

/// The short code of a role in the matrix.
fn code(role: Role, own_purposes: bool) -> &'static str {
    match (role, own_purposes) {
        (Role::Controller, true) => "C*",
        (Role::Controller, false) => "C",
        (Role::JointController, _) => "JC",
        (Role::Processor, _) => "P",
        (Role::SubProcessor, _) => "SP",
    }
}

/// A party × activity matrix of roles, with a legend.
///
/// Rows are the parties with a role in at least one shown activity; columns are
/// the shown activities. A cell lists every role the party holds there.
pub fn role_matrix(roles: &Roles, parties: &[&PartyId], activities: &[&ActivityId]) -> String {
    let mut out = String::new();
    let cells: Vec<Vec<String>> = parties
        .iter()
        .map(|party| {
            activities
                .iter()
                .map(|activity| {
                    let held: Vec<&str> =
                        roles.of(party, activity).iter().map(|a| code(a.role, !a.own_purposes.is_empty())).collect();
                    if held.is_empty() { "·".to_owned() } else { held.join("+") }
                })
                .collect()
        })
        .collect();
    let first_width = parties.iter().map(|p| p.as_str().chars().count()).max().unwrap_or(0).max("party".len());
    let widths: Vec<usize> = activities
        .iter()
        .enumerate()
        .map(|(column, activity)| {
            let cell_width = cells.iter().map(|row| row[column].chars().count()).max().unwrap_or(0);
            activity.as_str().chars().count().max(cell_width)
        })
        .collect();
    let _ = write!(out, "{:first_width$}", "party");
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
    out.push_str("\nC controller  JC joint controller  P processor  SP sub-processor  C* controller for its own purposes (Art. 28(10))  · no role\n");
    out
}

/// Who acts for whom in the shown activities, one line per processor role, and
/// the gaps the facts leave.
pub fn delegations(roles: &Roles, parties: &[&PartyId], activities: &[&ActivityId]) -> String {
    let mut out = String::new();
    for activity in activities {
        for assignment in roles.in_activity(activity) {
            let Some(principal) = &assignment.on_behalf_of else { continue };
            if !parties.contains(&&assignment.party) {
                continue;
            }
            let mut chain = vec![assignment.party.as_str()];
            chain.extend(assignment.chain.iter().map(|p| p.as_str()));
            let _ = writeln!(
                out,
                "{activity}: {} is {} for {principal} ({})",
                assignment.party,
                assignment.role,
                crate::diag::elided_chain(&chain)
            );
        }
    }
    for gap in &roles.gaps {
        if activities.contains(&gap.activity()) {
            let _ = writeln!(out, "{}: {}", gap.activity(), gap.describe());
        }
    }
    out
}
