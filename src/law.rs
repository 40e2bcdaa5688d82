//! The provisions `ansvar` cites, spelled once.
//!
//! Roles and rules name the articles they rest on through these constants, so a
//! citation is spelled the same everywhere and a reader can find every place that
//! relies on a provision. Sources and how sure each reading is are in
//! `docs/roles.md`, `docs/rules.md` and `docs/cases.md`.
//!
//! Every provision a rule or a role cites is one of these constants, and
//! [`ALL`] lists them: a test keeps the catalogue, the findings and the role
//! reasons inside it, and every `Art. …` a rule's text names too.

/// Free movement of personal data within the Union is neither restricted nor
/// prohibited for reasons of data protection.
pub const ART_1_3: &str = "Art. 1(3)";
/// Territorial scope: processing in the context of an establishment in the Union.
pub const ART_3_1: &str = "Art. 3(1)";
/// Territorial scope: a controller or processor not established in the Union that
/// offers goods or services to, or monitors, data subjects in the Union.
pub const ART_3_2: &str = "Art. 3(2)";
/// Definition of controller, including a controller designated by law.
pub const ART_4_7: &str = "Art. 4(7)";
/// Definition of processor.
pub const ART_4_8: &str = "Art. 4(8)";
/// Definition of binding corporate rules: a group of undertakings, or of
/// enterprises engaged in a joint economic activity.
pub const ART_4_20: &str = "Art. 4(20)";
/// Principles relating to processing.
pub const ART_5: &str = "Art. 5";
/// Principles: lawfulness, fairness and transparency; integrity and confidentiality.
pub const ART_5_1: &str = "Art. 5(1)";
/// Principle of lawfulness, fairness and transparency.
pub const ART_5_1_A: &str = "Art. 5(1)(a)";
/// Principle of integrity and confidentiality (security).
pub const ART_5_1_F: &str = "Art. 5(1)(f)";
/// Accountability of the controller.
pub const ART_5_2: &str = "Art. 5(2)";
/// Legal basis laid down by Union or Member State law.
pub const ART_6_3: &str = "Art. 6(3)";
/// Prohibition of processing special categories.
pub const ART_9_1: &str = "Art. 9(1)";
/// Health care exception, on the basis of law.
pub const ART_9_2_H: &str = "Art. 9(2)(h)";
/// Processing by or under the responsibility of a professional bound by secrecy.
pub const ART_9_3: &str = "Art. 9(3)";
/// Member States may keep or add conditions for genetic, biometric or health data.
pub const ART_9_4: &str = "Art. 9(4)";
/// Transparent information: concise, intelligible, in clear and plain language.
pub const ART_12: &str = "Art. 12";
/// Information when data are collected from the data subject.
pub const ART_13: &str = "Art. 13";
/// Information when data are not obtained from the data subject.
pub const ART_14: &str = "Art. 14";
/// Information under Art. 14: within a reasonable period, at the latest one month,
/// or earlier at the first communication or disclosure.
pub const ART_14_3: &str = "Art. 14(3)";
/// Responsibility of the controller.
pub const ART_24: &str = "Art. 24";
/// Joint controllers and their arrangement.
pub const ART_26: &str = "Art. 26";
/// Joint controllers: the definition.
pub const ART_26_1: &str = "Art. 26(1)";
/// Joint controllers: the essence of the arrangement is made available.
pub const ART_26_2: &str = "Art. 26(2)";
/// Joint controllers: data subjects may exercise their rights against each.
pub const ART_26_3: &str = "Art. 26(3)";
/// Representatives of controllers or processors not established in the Union.
pub const ART_27: &str = "Art. 27";
/// A controller or processor that Art. 3(2) reaches designates in writing a
/// representative in the Union [V: GDPR text, gdprhub.eu].
pub const ART_27_1: &str = "Art. 27(1)";
/// The exemptions from Art. 27(1): occasional processing that includes no
/// large-scale special-category or criminal data and is unlikely to result in
/// a risk (a), or a public authority or body (b) [V: GDPR text].
pub const ART_27_2: &str = "Art. 27(2)";
/// The representative is established in a Member State where the data
/// subjects are [V: GDPR text].
pub const ART_27_3: &str = "Art. 27(3)";
/// Processor.
pub const ART_28: &str = "Art. 28";
/// Processor: sufficient guarantees.
pub const ART_28_1: &str = "Art. 28(1)";
/// Processor: prior authorisation of sub-processors.
pub const ART_28_2: &str = "Art. 28(2)";
/// Processor: the contract and its required terms.
pub const ART_28_3: &str = "Art. 28(3)";
/// Processor: processing only on documented instructions.
pub const ART_28_3_A: &str = "Art. 28(3)(a)";
/// Processor: persons authorised to process are bound to confidentiality.
pub const ART_28_3_B: &str = "Art. 28(3)(b)";
/// Processor: takes the measures of Art. 32.
pub const ART_28_3_C: &str = "Art. 28(3)(c)";
/// Processor: conditions for engaging another processor.
pub const ART_28_3_D: &str = "Art. 28(3)(d)";
/// Processor: assists with data subjects' rights.
pub const ART_28_3_E: &str = "Art. 28(3)(e)";
/// Processor: assists the controller with Art. 32 to 36.
pub const ART_28_3_F: &str = "Art. 28(3)(f)";
/// Processor: deletes or returns the data at the end of the services.
pub const ART_28_3_G: &str = "Art. 28(3)(g)";
/// Processor: information to demonstrate compliance, and audits.
pub const ART_28_3_H: &str = "Art. 28(3)(h)";
/// Processor: flow-down to sub-processors.
pub const ART_28_4: &str = "Art. 28(4)";
/// A processor that determines purposes and means is a controller.
pub const ART_28_10: &str = "Art. 28(10)";
/// Processing under the authority of the controller or processor.
pub const ART_29: &str = "Art. 29";
/// Records of processing activities.
pub const ART_30: &str = "Art. 30";
/// Records of processing activities: the controller's record.
pub const ART_30_1: &str = "Art. 30(1)";
/// Records of processing activities: the processor's record.
pub const ART_30_2: &str = "Art. 30(2)";
/// Security of processing.
pub const ART_32: &str = "Art. 32";
/// Security: encryption.
pub const ART_32_1_A: &str = "Art. 32(1)(a)";
/// Security: confidentiality, integrity, availability and resilience.
pub const ART_32_1_B: &str = "Art. 32(1)(b)";
/// Security: restoring availability (backups).
pub const ART_32_1_C: &str = "Art. 32(1)(c)";
/// Security: testing, assessing and evaluating the measures.
pub const ART_32_1_D: &str = "Art. 32(1)(d)";
/// Notification of a breach to the supervisory authority.
pub const ART_33: &str = "Art. 33";
/// Breach notification to the supervisory authority without undue delay and,
/// where feasible, within 72 hours.
pub const ART_33_1: &str = "Art. 33(1)";
/// The processor notifies the controller.
pub const ART_33_2: &str = "Art. 33(2)";
/// The controller documents every breach.
pub const ART_33_5: &str = "Art. 33(5)";
/// Communication of a breach to data subjects.
pub const ART_34: &str = "Art. 34";
/// Communication to data subjects where a breach is likely to result in a high risk.
pub const ART_34_1: &str = "Art. 34(1)";
/// The exemptions from communicating a breach to the data subjects.
pub const ART_34_3: &str = "Art. 34(3)";
/// No communication to data subjects where the data were unintelligible (encrypted).
pub const ART_34_3_A: &str = "Art. 34(3)(a)";
/// No communication where later measures make the high risk no longer likely.
pub const ART_34_3_B: &str = "Art. 34(3)(b)";
/// A public communication instead, where telling each would take disproportionate effort.
pub const ART_34_3_C: &str = "Art. 34(3)(c)";
/// Data protection impact assessment.
pub const ART_35: &str = "Art. 35";
/// A DPIA is required for large-scale processing of special categories.
pub const ART_35_3_B: &str = "Art. 35(3)(b)";
/// Designation of a data protection officer.
pub const ART_37: &str = "Art. 37";
/// A DPO is required of public bodies.
pub const ART_37_1_A: &str = "Art. 37(1)(a)";
/// A DPO is required where core activities are large-scale special-category processing.
pub const ART_37_1_C: &str = "Art. 37(1)(c)";
/// General principle for transfers.
pub const ART_44: &str = "Art. 44";
/// Transfers on the basis of an adequacy decision.
pub const ART_45: &str = "Art. 45";
/// Transfers subject to appropriate safeguards.
pub const ART_46: &str = "Art. 46";
/// Appropriate safeguards: a legally binding instrument between public authorities.
pub const ART_46_2_A: &str = "Art. 46(2)(a)";
/// Binding corporate rules.
pub const ART_47: &str = "Art. 47";
/// Derogations for specific situations.
pub const ART_49: &str = "Art. 49";
/// The derogations, including the last resort for transfers that are not repetitive.
pub const ART_49_1: &str = "Art. 49(1)";
/// Each controller or processor involved in the same processing is liable for
/// the entire damage.
pub const ART_82_4: &str = "Art. 82(4)";
/// EDPB guidance on controller and processor, paragraphs on purposes and means.
pub const EDPB_07_2020_PURPOSES_MEANS: &str = "EDPB Guidelines 07/2020 §2.1.4 (from para 33)";
/// EDPB guidance on joint controllership by common or converging decisions.
pub const EDPB_07_2020_JOINT: &str = "EDPB Guidelines 07/2020 paras 51–53";
/// EDPB guidance on the two conditions for being a processor.
pub const EDPB_07_2020_PROCESSOR: &str = "EDPB Guidelines 07/2020 paras 74–75";
/// EDPB guidance that roles follow facts, not contract labels.
pub const EDPB_07_2020_FACTS: &str = "EDPB Guidelines 07/2020 Part I §1 (functional concepts)";
/// Swedish Patient Data Act: every care provider is controller of its processing.
pub const PDL_2_6: &str = "patientdatalagen (2008:355) 2 kap. 6 §";
/// Swedish Patient Data Act: access to patient data is logged and reviewed.
pub const PDL_4_3: &str = "patientdatalagen (2008:355) 4 kap. 3 §";
/// Swedish Patient Data Act: information to the patient.
pub const PDL_8_6: &str = "patientdatalagen (2008:355) 8 kap. 6 §";
/// Secrecy in public health care.
pub const OSL_25_1: &str = "offentlighets- och sekretesslagen (2009:400) 25 kap. 1 §";
/// Professional secrecy of staff in private health care.
pub const PSL_6_12: &str = "patientsäkerhetslagen (2010:659) 6 kap. 12 §";
/// Socialstyrelsen's regulations on backups of patient records.
pub const HSLF_FS_2016_40_BACKUP: &str = "HSLF-FS 2016:40 3 kap. 12–13 §§";
/// Principle of purpose limitation.
pub const ART_5_1_B: &str = "Art. 5(1)(b)";
/// Lawfulness: a legal basis for each processing.
pub const ART_6_1: &str = "Art. 6(1)";
/// Information: the recipients or categories of recipients.
pub const ART_13_1_E: &str = "Art. 13(1)(e)";
/// Records of processing activities: the exemption for organisations under 250 employees.
pub const ART_30_5: &str = "Art. 30(5)";
/// Swedish Patient Data Act: access rights limited to each user's needs.
pub const PDL_4_2: &str = "patientdatalagen (2008:355) 4 kap. 2 §";
/// Swedish Patient Data Act: patient records kept at least ten years after the
/// last entry (\[S\] per law.md §1d).
pub const PDL_3_17: &str = "patientdatalagen (2008:355) 3 kap. 17 §";
/// Socialstyrelsen's regulations: a needs-and-risk analysis before access rights
/// are assigned (\[V\] as cited in Datainspektionen's decisions; formerly SOSFS
/// 2008:14 2 kap. 6 §).
pub const HSLF_FS_2016_40_ACCESS_ANALYSIS: &str = "HSLF-FS 2016:40 4 kap. 2 §";
/// Security: appropriate technical and organisational measures, as a whole.
pub const ART_32_1: &str = "Art. 32(1)";
/// Socialstyrelsen's regulations: over open networks, protected transfer and
/// strong authentication. The requirement is \[V\] (socialstyrelsen.se); the
/// paragraph number, carried over from SOSFS 2008:14 2 kap. 5 §, is \[M\]
/// (docs/cases.md).
pub const HSLF_FS_2016_40_OPEN_NETWORKS: &str = "HSLF-FS 2016:40 3 kap. 15 §";

/// Fines for infringing the obligations of the controller and the processor
/// under Art. 8, 11, 25–39, 42 and 43: a processor's own Art. 28 and 29 duties.
pub const ART_83_4_A: &str = "Art. 83(4)(a)";
/// EDPB guidance: the controller is aware once its processor has told it.
pub const EDPB_9_2022_AWARENESS: &str =
    "EDPB Guidelines 9/2022 (processor obligations: controller aware once informed)";
/// CJEU: SCCs need an essentially equivalent level of protection in practice.
pub const CJEU_SCHREMS_II: &str = "CJEU C-311/18 (Schrems II)";
/// SCCs: the parties' assessment of the destination's laws and practices.
pub const SCC_CLAUSE_14: &str = "SCC (Decision (EU) 2021/914) Clause 14";
/// EDPB guidance on supplementary measures for transfer tools.
pub const EDPB_REC_01_2020: &str = "EDPB Recommendations 01/2020";

/// Every provision above, in the order of this file.
pub const ALL: &[&str] = &[
    ART_1_3,
    ART_3_1,
    ART_3_2,
    ART_4_7,
    ART_4_8,
    ART_4_20,
    ART_5,
    ART_5_1,
    ART_5_1_A,
    ART_5_1_F,
    ART_5_2,
    ART_6_3,
    ART_9_1,
    ART_9_2_H,
    ART_9_3,
    ART_9_4,
    ART_12,
    ART_13,
    ART_14,
    ART_14_3,
    ART_24,
    ART_26,
    ART_26_1,
    ART_26_2,
    ART_26_3,
    ART_27,
    ART_27_1,
    ART_27_2,
    ART_27_3,
    ART_28,
    ART_28_1,
    ART_28_2,
    ART_28_3,
    ART_28_3_A,
    ART_28_3_B,
    ART_28_3_C,
    ART_28_3_D,
    ART_28_3_E,
    ART_28_3_F,
    ART_28_3_G,
    ART_28_3_H,
    ART_28_4,
    ART_28_10,
    ART_29,
    ART_30,
    ART_30_1,
    ART_30_2,
    ART_32,
    ART_32_1_A,
    ART_32_1_B,
    ART_32_1_C,
    ART_32_1_D,
    ART_33,
    ART_33_1,
    ART_33_2,
    ART_33_5,
    ART_34,
    ART_34_1,
    ART_34_3,
    ART_34_3_A,
    ART_34_3_B,
    ART_34_3_C,
    ART_35,
    ART_35_3_B,
    ART_37,
    ART_37_1_A,
    ART_37_1_C,
    ART_44,
    ART_45,
    ART_46,
    ART_46_2_A,
    ART_47,
    ART_49,
    ART_49_1,
    ART_82_4,
    EDPB_07_2020_PURPOSES_MEANS,
    EDPB_07_2020_JOINT,
    EDPB_07_2020_PROCESSOR,
    EDPB_07_2020_FACTS,
    PDL_2_6,
    PDL_4_3,
    PDL_8_6,
    OSL_25_1,
    PSL_6_12,
    HSLF_FS_2016_40_BACKUP,
    ART_5_1_B,
    ART_6_1,
    ART_13_1_E,
    ART_30_5,
    PDL_4_2,
    PDL_3_17,
    HSLF_FS_2016_40_ACCESS_ANALYSIS,
    HSLF_FS_2016_40_OPEN_NETWORKS,
    ART_32_1,
    ART_83_4_A,
    EDPB_9_2022_AWARENESS,
    CJEU_SCHREMS_II,
    SCC_CLAUSE_14,
    EDPB_REC_01_2020,
];

/// The day the GDPR began to apply (Art. 99(2)); before it, Sweden applied
/// personuppgiftslagen (1998:204).
pub const GDPR_APPLIES_FROM: jiff::civil::Date = jiff::civil::date(2018, 5, 25);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_provision_is_listed_once() {
        let mut seen = std::collections::BTreeSet::new();
        for provision in ALL {
            assert!(seen.insert(*provision), "{provision} is listed twice");
        }
        // The list is written by hand: a constant left out of it fails here only if
        // its text is missing, so compare with the file itself.
        let source = include_str!("law.rs");
        let declared = source.lines().filter(|l| l.starts_with("pub const ") && l.contains(": &str =")).count();
        assert_eq!(declared, ALL.len(), "a `pub const` of law.rs is missing from ALL");
    }
}
