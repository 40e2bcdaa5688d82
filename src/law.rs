//! The provisions `ansvar` cites, spelled once.
//!
//! Roles and rules name the articles they rest on through these constants, so a
//! citation is spelled the same everywhere and a reader can find every place that
//! relies on a provision. Sources and how sure each reading is are in
//! `docs/roles.md`, `docs/rules.md` and `shared/reference/law.md`.

/// Definition of controller, including a controller designated by law.
pub const ART_4_7: &str = "Art. 4(7)";
/// Definition of processor.
pub const ART_4_8: &str = "Art. 4(8)";
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
/// Transparent information: concise, intelligible, in clear and plain language.
pub const ART_12: &str = "Art. 12";
/// Information when data are collected from the data subject.
pub const ART_13: &str = "Art. 13";
/// Information when data are not obtained from the data subject.
pub const ART_14: &str = "Art. 14";
/// Responsibility of the controller.
pub const ART_24: &str = "Art. 24";
/// Joint controllers and their arrangement.
pub const ART_26: &str = "Art. 26";
/// Joint controllers: the definition.
pub const ART_26_1: &str = "Art. 26(1)";
/// Processor: sufficient guarantees.
pub const ART_28_1: &str = "Art. 28(1)";
/// Processor: prior authorisation of sub-processors.
pub const ART_28_2: &str = "Art. 28(2)";
/// Processor: the contract and its required terms.
pub const ART_28_3: &str = "Art. 28(3)";
/// Processor: processing only on documented instructions.
pub const ART_28_3_A: &str = "Art. 28(3)(a)";
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
/// Breach notification to the supervisory authority within 72 hours.
pub const ART_33_1: &str = "Art. 33(1)";
/// The processor notifies the controller.
pub const ART_33_2: &str = "Art. 33(2)";
/// Communication of a breach to data subjects.
pub const ART_34: &str = "Art. 34";
/// Communication to data subjects when a breach is likely to result in a high risk.
pub const ART_34_1: &str = "Art. 34(1)";
/// No communication to data subjects where the data were unintelligible (encrypted).
pub const ART_34_3_A: &str = "Art. 34(3)(a)";
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
/// EDPB guidance on controller and processor, paragraphs on purposes and means.
pub const EDPB_07_2020_PURPOSES_MEANS: &str = "EDPB Guidelines 07/2020 paras 33–35";
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

/// Fines for infringing the obligations of the controller and the processor
/// under Art. 8, 11, 25–39, 42 and 43: a processor's own Art. 28 and 29 duties.
pub const ART_83_4_A: &str = "Art. 83(4)(a)";
/// Territorial scope: the GDPR binds a processor established in the Union.
pub const ART_3_1: &str = "Art. 3(1)";
/// Processor: assistance with Art. 32–36, breach notification among them.
pub const ART_28_3_F: &str = "Art. 28(3)(f)";
/// EDPB guidance: the controller is aware once its processor has told it.
pub const EDPB_9_2022_AWARENESS: &str =
    "EDPB Guidelines 9/2022 (processor obligations: controller aware once informed)";
/// CJEU: SCCs need an essentially equivalent level of protection in practice.
pub const CJEU_SCHREMS_II: &str = "CJEU C-311/18 (Schrems II)";
/// SCCs: the parties' assessment of the destination's laws and practices.
pub const SCC_CLAUSE_14: &str = "SCC (Decision (EU) 2021/914) Clause 14";
/// EDPB guidance on supplementary measures for transfer tools.
pub const EDPB_REC_01_2020: &str = "EDPB Recommendations 01/2020";

/// The day the GDPR began to apply (Art. 99(2)); before it, Sweden applied
/// personuppgiftslagen (1998:204).
pub const GDPR_APPLIES_FROM: jiff::civil::Date = jiff::civil::date(2018, 5, 25);
