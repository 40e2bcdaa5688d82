//! The closed vocabularies of the model: every enum a user spells in YAML.
//!
//! Each enum lists its spellings once; parsing, the "expected one of" list in
//! diagnostics, `Display` and serialisation all read that one table.

use std::fmt;

/// An enum whose values are spelled as fixed words in the model.
pub trait Vocabulary: Sized + Copy + PartialEq + 'static {
    /// Every value with its spelling, in the order the docs list them.
    const ALL: &'static [(&'static str, Self)];
    /// What the value is called in messages (`party kind`).
    const WHAT: &'static str;
    /// What each value means, in the order of [`Self::ALL`] (from its doc comment).
    const MEANINGS: &'static [&'static str] = &[];

    /// The value spelled `word`, if any.
    fn parse(word: &str) -> Option<Self> {
        Self::ALL.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
    }

    /// How the value is spelled.
    fn spelling(self) -> &'static str {
        Self::ALL.iter().find(|(_, v)| *v == self).map(|(w, _)| *w).unwrap_or_default()
    }

    /// The spellings, for "expected one of" messages.
    fn spellings() -> Vec<&'static str> {
        Self::ALL.iter().map(|(w, _)| *w).collect()
    }
}

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident, $what:literal { $($(#[doc = $vdoc:literal])* $variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[doc = $vdoc])* $variant),+
        }

        impl Vocabulary for $name {
            const ALL: &'static [(&'static str, Self)] = &[$(($word, Self::$variant)),+];
            const WHAT: &'static str = $what;
            const MEANINGS: &'static [&'static str] = &[$(concat!($($vdoc),*).trim_ascii()),+];
        }

        impl $name {
            /// The value as spelled in the model.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $word),+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// What kind of organisation a party is.
    PartyKind, "party kind" {
        /// A Swedish region (huvudman for health care), a public body.
        Region = "region",
        /// A municipality, a public body.
        Municipality = "municipality",
        /// A care provider (vårdgivare) giving care under contract or in its own right.
        CareProvider = "care_provider",
        /// A subcontractor taking over part of another party's work.
        Subcontractor = "subcontractor",
        /// A technology vendor: platforms, hosting, telephony, storage.
        TechVendor = "tech_vendor",
        /// A public authority, e.g. a supervisory authority such as IMY.
        Authority = "authority",
        /// Anything else.
        Other = "other",
    }
);

impl PartyKind {
    /// Whether parties of this kind are public bodies unless the model says otherwise.
    pub fn is_public_by_default(self) -> bool {
        matches!(self, Self::Region | Self::Municipality | Self::Authority)
    }
}

vocabulary!(
    /// A special category of personal data (Art. 9(1) GDPR).
    SpecialCategory, "special category" {
        /// Racial or ethnic origin.
        RacialOrEthnicOrigin = "racial_or_ethnic_origin",
        /// Political opinions.
        PoliticalOpinions = "political_opinions",
        /// Religious or philosophical beliefs.
        ReligiousOrPhilosophicalBeliefs = "religious_or_philosophical_beliefs",
        /// Trade-union membership.
        TradeUnionMembership = "trade_union_membership",
        /// Genetic data.
        Genetic = "genetic",
        /// Biometric data processed to uniquely identify a person.
        Biometric = "biometric",
        /// Data concerning health (Art. 4(15)).
        Health = "health",
        /// Data concerning a person's sex life.
        SexLife = "sex_life",
        /// Data concerning a person's sexual orientation.
        SexualOrientation = "sexual_orientation",
    }
);

vocabulary!(
    /// How a system can be reached over a network.
    Exposure, "network exposure" {
        /// Reachable from the public internet.
        Internet = "internet",
        /// On a closed network shared by several organisations (e.g. Sjunet).
        Private = "private",
        /// Only inside the operator's own network.
        Internal = "internal",
    }
);

vocabulary!(
    /// How users of a system prove who they are.
    Authentication, "authentication" {
        /// No authentication at all.
        None = "none",
        /// A password.
        Password = "password",
        /// Multi-factor authentication.
        Mfa = "mfa",
        /// A smart card such as SITHS.
        Smartcard = "smartcard",
    }
);

vocabulary!(
    /// What kind of contract an agreement is.
    AgreementKind, "agreement kind" {
        /// A care agreement: a region commissions care from a care provider.
        CareAgreement = "care_agreement",
        /// A data-processing agreement under Art. 28(3).
        DataProcessing = "data_processing",
        /// A controller's written authorisation of a sub-processor (Art. 28(2)).
        SubprocessorAuthorisation = "subprocessor_authorisation",
        /// An arrangement between joint controllers (Art. 26).
        JointControllers = "joint_controllers",
        /// A transfer agreement (SCCs, BCRs) under Chapter V.
        Transfer = "transfer",
        /// A commercial service agreement with no data-protection terms.
        Service = "service",
    }
);

vocabulary!(
    /// The role an agreement says a party has.
    ClaimedRole, "role" {
        /// Controller (Art. 4(7)).
        Controller = "controller",
        /// Joint controller (Art. 26).
        JointController = "joint_controller",
        /// Processor (Art. 4(8)).
        Processor = "processor",
        /// Sub-processor (Art. 28(2), 28(4)).
        SubProcessor = "sub_processor",
        /// The commissioning party of a care or service agreement (e.g. the region).
        Principal = "principal",
        /// The supplying party of a care or service agreement.
        Provider = "provider",
    }
);

vocabulary!(
    /// How a controller authorised sub-processing (Art. 28(2)).
    Authorisation, "sub-processing authorisation" {
        /// No sub-processors may be engaged.
        Prohibited = "prohibited",
        /// Only the sub-processors named in the agreement.
        Specific = "specific",
        /// Any, provided the controller is told of each addition and may object.
        General = "general",
    }
);

vocabulary!(
    /// A transfer tool under Chapter V.
    TransferTool, "transfer tool" {
        /// Standard contractual clauses, Implementing Decision (EU) 2021/914 (Art. 46(2)(c)).
        Scc = "scc",
        /// Binding corporate rules (Art. 46(2)(b), 47).
        Bcr = "bcr",
        /// An approved code of conduct with binding commitments (Art. 46(2)(e)).
        CodeOfConduct = "code_of_conduct",
        /// An approved certification with binding commitments (Art. 46(2)(f)).
        Certification = "certification",
        /// Ad hoc clauses authorised by a supervisory authority (Art. 46(3)(a)).
        AdHocClauses = "ad_hoc_clauses",
        /// A legally binding instrument between public authorities (Art. 46(2)(a)).
        PublicAuthorityInstrument = "public_authority_instrument",
        /// A derogation for a specific situation (Art. 49).
        Derogation = "derogation",
    }
);

vocabulary!(
    /// The terms Art. 28(3)(a)–(h) requires in a data-processing agreement.
    Art28Term, "Art. 28(3) term" {
        /// (a) processing only on documented instructions.
        Instructions = "instructions",
        /// (b) confidentiality of authorised persons.
        Confidentiality = "confidentiality",
        /// (c) all Art. 32 security measures.
        Security = "security",
        /// (d) conditions for engaging sub-processors.
        SubProcessors = "sub_processors",
        /// (e) assistance with data-subject rights.
        DataSubjectRights = "data_subject_rights",
        /// (f) assistance with Art. 32–36.
        Assistance = "assistance",
        /// (g) deletion or return at the end of the services.
        DeletionOrReturn = "deletion_or_return",
        /// (h) information and audits.
        Audits = "audits",
    }
);

impl Art28Term {
    /// The point of Art. 28(3) that requires the term.
    pub fn provision(self) -> &'static str {
        match self {
            Self::Instructions => crate::law::ART_28_3_A,
            Self::Confidentiality => crate::law::ART_28_3_B,
            Self::Security => crate::law::ART_28_3_C,
            Self::SubProcessors => crate::law::ART_28_3_D,
            Self::DataSubjectRights => crate::law::ART_28_3_E,
            Self::Assistance => crate::law::ART_28_3_F,
            Self::DeletionOrReturn => crate::law::ART_28_3_G,
            Self::Audits => crate::law::ART_28_3_H,
        }
    }
}

vocabulary!(
    /// Which data a certification covers (the US DPF certifies HR and non-HR data separately).
    CertifiedData, "certified data" {
        /// Human-resources data: data about employees in the context of employment.
        Hr = "hr",
        /// All other personal data.
        NonHr = "non_hr",
    }
);
