//! The codes of the problems loading reports in a model or its reference data:
//! stable, kebab-case, each with a description, documented in
//! `docs/diagnostics.md` (a test holds the two together and pins the list).
//! What each code means is the Fluent message `diagnostic-CODE` in
//! `locales/<lang>/diagnostics.ftl`, rendered by
//! [`crate::render::diagnostic_description`].
//!
//! Findings have codes of their own, the rule codes of
//! [`crate::rules::CATALOGUE`]; a [`crate::diag::Diagnostic`] carries either.

use std::fmt;

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal;)*) => {
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
        }
    };
}

codes! {
    /// A model path that cannot be read or listed.
    UnreadableModel = "unreadable-model";
    /// A model directory with no YAML files.
    EmptyModel = "empty-model";
    /// A model of more files than one model may have.
    TooManyFiles = "too-many-files";
    /// A file over the size limit.
    FileTooLarge = "file-too-large";
    /// A file that is not UTF-8.
    NotUtf8 = "not-utf8";
    /// A `REV:path` side that git cannot give.
    Git = "git";
    /// YAML syntax or shape.
    Yaml = "yaml";
    /// A key the format does not have.
    UnknownField = "unknown-field";
    /// A required field left out.
    MissingField = "missing-field";
    /// An id that breaks the id rules.
    BadId = "bad-id";
    /// One id defined twice.
    DuplicateId = "duplicate-id";
    /// A reference to an id that does not exist.
    UnknownReference = "unknown-reference";
    /// A reference to an entry of the wrong kind.
    WrongReference = "wrong-reference";
    /// A value outside its vocabulary.
    UnknownValue = "unknown-value";
    /// A country code that does not exist.
    UnknownCountry = "unknown-country";
    /// A legal regime the reference data does not have.
    UnknownRegime = "unknown-regime";
    /// A date that does not parse or does not exist.
    BadDate = "bad-date";
    /// A period that ends before it starts.
    BadPeriod = "bad-period";
    /// A duration that is not ISO 8601.
    BadDuration = "bad-duration";
    /// A party owned by itself.
    SelfReference = "self-reference";
    /// A performer acting on its own behalf.
    SelfOnBehalf = "self-on-behalf";
    /// Performers acting for each other in a circle.
    OnBehalfCycle = "on-behalf-cycle";
    /// Parties owning each other in a circle.
    OwnedByCycle = "owned-by-cycle";
    /// A country whose status must be checked (a warning).
    Territory = "territory";
    /// Two fields of one entry say opposite things.
    Contradiction = "contradiction";
    /// Invalid reference data (`--reference`).
    BadReference = "bad-reference";
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
            for lang in crate::render::Lang::ALL {
                assert!(crate::render::diagnostic_description(*code, lang).ends_with('.'), "{text}");
            }
        }
    }
}
