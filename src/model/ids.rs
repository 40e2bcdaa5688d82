//! Newtype ids for every kind of entity in a model.
//!
//! Ids are lowercase kebab-case (`region-stockholm`), unique across the whole model,
//! and every reference in the YAML is by id. A distinct type per entity kind means a
//! party id can never be passed where an activity id is expected.

use std::fmt;
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// Why a string is not a valid id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// The string is empty.
    #[error("an id cannot be empty")]
    Empty,
    /// The string has a character outside `a-z`, `0-9` and `-`.
    #[error("ids are lowercase kebab-case: `{0}` is not allowed in an id")]
    BadCharacter(char),
    /// The string starts or ends with `-`, or has `--`.
    #[error("ids are words joined by single hyphens, with none at the start or end")]
    BadHyphen,
}

/// Checks that `text` is lowercase kebab-case: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn check_id(text: &str) -> Result<(), IdError> {
    if text.is_empty() {
        return Err(IdError::Empty);
    }
    if let Some(c) = text.chars().find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')) {
        return Err(IdError::BadCharacter(c));
    }
    if text.starts_with('-') || text.ends_with('-') || text.contains("--") {
        return Err(IdError::BadHyphen);
    }
    Ok(())
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// The text is shared: ids are cloned wherever roles, findings and
        /// reports name an entity, and a clone only counts a reference.
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Arc<str>);

        impl $name {
            /// Makes an id from a string already checked by [`check_id`].
            pub fn new(text: impl Into<String>) -> Self {
                Self(Arc::from(text.into()))
            }

            /// Makes an id sharing a string that is already allocated, as the
            /// loader does so that every reference to an entity shares its text.
            pub fn from_shared(text: Arc<str>) -> Self {
                Self(text)
            }

            /// The id as written in the model.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// Id of a party: an organisation that can hold a role.
    PartyId
);
id_type!(
    /// Id of a data category.
    DataId
);
id_type!(
    /// Id of a system (an IT system, a server, a storage device).
    SystemId
);
id_type!(
    /// Id of a processing activity.
    ActivityId
);
id_type!(
    /// Id of an agreement (a contract as signed).
    AgreementId
);
id_type!(
    /// Id of an incident (a personal-data breach that happened).
    IncidentId
);
id_type!(
    /// Id of a legal regime from the reference data (e.g. `se-healthcare-secrecy`).
    RegimeId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_ids_are_accepted() {
        assert_eq!(check_id("region-stockholm"), Ok(()));
        assert_eq!(check_id("a1"), Ok(()));
    }

    #[test]
    fn other_ids_are_rejected_with_the_reason() {
        assert_eq!(check_id(""), Err(IdError::Empty));
        assert_eq!(check_id("MedHelp"), Err(IdError::BadCharacter('M')));
        assert_eq!(check_id("med_help"), Err(IdError::BadCharacter('_')));
        assert_eq!(check_id("region-sörmland"), Err(IdError::BadCharacter('ö')));
        assert_eq!(check_id("-a"), Err(IdError::BadHyphen));
        assert_eq!(check_id("a--b"), Err(IdError::BadHyphen));
    }
}
