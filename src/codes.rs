//! The codes of the problems loading reports in a model or its reference data:
//! stable, kebab-case, each with a description, documented in
//! `docs/diagnostics.md` (a test holds the two together and pins the list).
//!
//! Findings have codes of their own, the rule codes of
//! [`crate::rules::CATALOGUE`]; a [`crate::diag::Diagnostic`] carries either.

use std::fmt;

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $description:literal;)*) => {
        /// What is wrong, as a stable code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum DiagnosticCode {
            $($(#[$doc])* $variant,)*
        }

        impl DiagnosticCode {
            /// Every code, in the order of `docs/diagnostics.md`.
            pub const ALL: &[DiagnosticCode] = &[$(DiagnosticCode::$variant,)*];

            /// The code as printed: `error[unknown-reference]`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(DiagnosticCode::$variant => $code,)*
                }
            }

            /// What the code means, in one sentence.
            pub fn description(self) -> &'static str {
                match self {
                    $(DiagnosticCode::$variant => $description,)*
                }
            }
        }
    };
}

codes! {
    /// A model path that cannot be read or listed.
    UnreadableModel = "unreadable-model", "The model's directory or a file in it cannot be read or listed.";
    /// A model directory with no YAML files.
    EmptyModel = "empty-model", "The model's directory holds no `.yaml` or `.yml` files.";
    /// A file over the size limit.
    FileTooLarge = "file-too-large", "A model file is larger than the limit for one file (256 MiB).";
    /// A file that is not UTF-8.
    NotUtf8 = "not-utf8", "A model file is not valid UTF-8 text.";
    /// A `REV:path` side that git cannot give.
    Git = "git", "A model named as `REV:path` cannot be read from git: no repository, an unknown revision, or a path that is not there.";
    /// YAML syntax or shape.
    Yaml = "yaml", "The file is not valid YAML, or a value has the wrong shape (a list where a map belongs, text where a number belongs), or it exceeds the nesting or alias limits.";
    /// A key the format does not have.
    UnknownField = "unknown-field", "A key the model format does not have, usually a misspelling; the message lists the keys expected there.";
    /// A required field left out.
    MissingField = "missing-field", "A field the entry cannot do without is missing: an `id`, a performer's `party`, an agreement's `parties`, an SCC `module`.";
    /// An id that breaks the id rules.
    BadId = "bad-id", "An id is not lower-case kebab-case: letters `a`–`z`, digits and single hyphens, none at the start or end.";
    /// One id defined twice.
    DuplicateId = "duplicate-id", "Two entries of the same kind have the same id; both places are shown.";
    /// A reference to an id that does not exist.
    UnknownReference = "unknown-reference", "A reference to an id that no entry of that kind has; a close id is suggested.";
    /// A reference to an entry of the wrong kind.
    WrongReference = "wrong-reference", "A reference names an id that exists, but of another kind (a system where a party belongs).";
    /// A value outside its vocabulary.
    UnknownValue = "unknown-value", "A value outside its closed vocabulary (a party kind, an agreement kind, an SCC module that does not exist); a close value is suggested.";
    /// A country code that does not exist.
    UnknownCountry = "unknown-country", "A country that is not an ISO 3166-1 alpha-2 code in the reference data.";
    /// A legal regime the reference data does not have.
    UnknownRegime = "unknown-regime", "A legal regime (`requires`, `subject_to`) that the reference data does not define.";
    /// A date that does not parse or does not exist.
    BadDate = "bad-date", "A date that is not `YYYY-MM-DD` (or a date and time where one is allowed), or a day that does not exist.";
    /// A period that ends before it starts.
    BadPeriod = "bad-period", "A period (an agreement's or activity's, a certification's) that ends before it starts.";
    /// A duration that is not ISO 8601.
    BadDuration = "bad-duration", "A retention period that is not an ISO 8601 duration such as `P10Y`.";
    /// A party owned by itself.
    SelfReference = "self-reference", "A party is its own owner (`owned_by`).";
    /// A performer acting on its own behalf.
    SelfOnBehalf = "self-on-behalf", "A performer acts on its own behalf (`on_behalf_of` names itself).";
    /// Performers acting for each other in a circle.
    OnBehalfCycle = "on-behalf-cycle", "In one activity, performers act on behalf of each other in a circle, so no chain reaches a controller.";
    /// A country whose status must be checked (a warning).
    Territory = "territory", "A warning: a country whose status under the GDPR needs checking (such as a special territory of a member state); the note says why.";
    /// Invalid reference data (`--reference`).
    BadReference = "bad-reference", "The reference data (built in, or given with `--reference`) is invalid: a bad or repeated country code, date, adequacy scope or regime.";
}

impl fmt::Display for DiagnosticCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut seen = std::collections::BTreeSet::new();
        for code in DiagnosticCode::ALL {
            let text = code.as_str();
            assert!(text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{text}");
            assert!(seen.insert(text), "{text} twice");
            assert!(code.description().ends_with('.'), "{text}");
        }
    }
}
