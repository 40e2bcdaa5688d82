# The rule catalogue, in English: for each rule, `rule-CODE` is its summary
# (one line: what it finds), `.explanation` why it matters in law and
# `.remediation` what to do. `ansvar rules`, `ansvar explain`, SARIF and the
# report read them.

rule-transfer-without-safeguard = Personal data processed in a third country with no adequacy decision and no transfer tool
    .explanation = Personal data may go to a country outside the EU/EEA only under an adequacy decision of the Commission that covers that recipient on that date (Art. 45; a decision may cover a whole country, a territory, specified sectors or an international organisation), under appropriate safeguards such as standard contractual clauses (Art. 46), or, exceptionally, under a derogation for a specific situation (Art. 49). Processing in, or remote access from, such a country by a processor or sub-processor is a transfer by the party it works for, and onward transfers count too (Art. 44). The 1177 case adds a warning: a transfer tool does not cure a lack of legal basis under sector law.
    .remediation = stop the processing abroad, or add a transfer tool that fits the direction to an agreement in force between the exporter and the importer, with a transfer impact assessment: standard contractual clauses module 1 controller→controller, 2 controller→processor, 3 processor→processor, 4 processor→controller (Implementing Decision (EU) 2021/914), e.g. `transfer: {"{"} tool: scc, module: 3 {"}"}`

rule-transfer-tool-mismatch = A transfer tool that does not fit the direction or the parties of the transfer
    .explanation = Standard contractual clauses come in four modules, one for each direction: 1 controller→controller, 2 controller→processor, 3 processor→processor, 4 processor→controller (Implementing Decision (EU) 2021/914). Binding corporate rules bind a group of undertakings, or a group of enterprises engaged in a joint economic activity (Art. 4(20), 47(1)); the rule reads group membership from `owned_by` only, so a transfer within a joint-activity group that is not an ownership group is flagged and must be checked by hand. An instrument between public authorities needs public bodies on both sides (Art. 46(2)(a)). Derogations (Art. 49) are exceptions to be read restrictively: the contract and legal-claims derogations are limited to occasional transfers (recital 111), the last resort of Art. 49(1) second subparagraph to transfers that are not repetitive, and in the EDPB's reading even the others should not become a large-scale, systematic route (EDPB Guidelines 2/2018). The rule flags a derogation used for a standing outsourcing flow as a misfit. A tool that does not fit the transfer gives it no protection.
    .remediation = use the SCC module that matches the roles of exporter and importer, name them as `exporter` and `importer`, or replace the derogation or BCR with SCCs

rule-transfer-adequacy-scope = A transfer relying on an adequacy decision limited to some sectors or kinds of processing
    .explanation = Some adequacy decisions cover only part of a country's processing (Japan: businesses under the APPI; Korea: entities under PIPA with exclusions; Israel: automated transfers). The model cannot tell whether the importer falls inside that scope, so the transfer relies on a fact to verify. When an agreement in force carries a transfer tool that fits, the transfer rests on that tool instead (Art. 46) and there is nothing to verify.
    .remediation = verify that the importer and the processing fall within the decision's scope, and record the check

rule-transfer-tool-undermined = A transfer tool relied on in a country and period whose law was found to undermine it, without effective supplementary measures
    .explanation = A transfer tool such as standard contractual clauses binds only the parties: where the law of the destination lets its authorities reach the data beyond what is necessary and proportionate, the tool alone does not protect it, and the exporter must add supplementary measures that work or stop the transfer (CJEU C-311/18 Schrems II; EDPB Recommendations 01/2020). The reference data records such periods (`tool_undermined`), e.g. the United States from 16 July 2020 to 9 July 2023 for importers subject to FISA 702, with the measures counted as effective there (encryption or pseudonymisation with keys held only in the EEA). The Swedish DPA found SCCs to a US importer without such measures in breach of Art. 44 (Google Analytics decisions of 30 June 2023). The finding is `info` where the model does not record the measures, or does not say that the importer is subject to the law in question.
    .remediation = add a supplementary measure that works against that law (e.g. `supplementary_measures: [encryption_keys_in_eea]` where the importer never needs the data in the clear), or stop the transfer; record the measures actually in place

rule-transfer-without-impact-assessment = A transfer tool relied on without an assessment of the destination's law and practice
    .explanation = Before relying on an Art. 46 tool the exporter must assess, case by case, whether the law and practice of the destination let the importer keep its commitments (CJEU C-311/18; EDPB Recommendations 01/2020, step 3); the 2021 SCCs make it a warranty of the parties, documented and available to the supervisory authority (Clause 14). `impact_assessment: false` is this finding; left out, the assessment is unknown and the rule is silent.
    .remediation = assess the destination's law and practice for this transfer, document it, and record `impact_assessment: true` on the transfer clause

rule-regime-not-bound = Care given by a party the data's legal regime (e.g. Swedish healthcare secrecy) does not bind, or data handled with nobody bound by it responsible
    .explanation = Health data may be processed for care only on the basis of law and by or under the responsibility of a professional bound by secrecy under that law (Art. 6(3), 9(2)(h), 9(3)). Swedish healthcare law and its secrecy (OSL 25 kap. 1 §, PSL 6 kap. 12 §) bind care providers and their staff; a contract clause cannot replace them. In the 1177 case IMY held that they did not reach care given by a company in Thailand, and found Medhelp's disclosure of calls to it unlawful (Art. 5(1), 6(3), 9(1), 9(3); IMY DI-2019-3375, 2021 [V]). The rule fires for a party not bound by the regime that gives care itself (anywhere), and for one that handles the data when neither it nor any party it acts for is bound by the regime (then nobody bound is responsible, Art. 9(3) [I]). It does not fire for a processor that only stores, transcribes or routes data for a bound controller, wherever it is: Art. 9(3) is met through the controller's responsibility, and Art. 1(3) forbids restricting flows within the Union for data-protection reasons. Outside the EU/EEA such a processor is a Chapter V matter (rules transfer-*). Unsettled, and not checked: whether Swedish secrecy reaches the staff of a technical processor abroad (lag (2020:914); for authorities OSL 10 kap. 2 a § asks case by case whether disclosure is unsuitable, "olämpligt").
    .remediation = have the care given by a care provider bound by the regime (for Swedish care: a Swedish vårdgivare, under a caregiver-to-caregiver arrangement) or by the controller's own staff; make sure a party bound by the regime is responsible for every processor that handles the data

rule-care-giver-as-processor = A party that gives care while acting as a processor
    .explanation = Under Swedish sector law every care provider (vårdgivare) is controller of the processing it carries out (patientdatalagen 2 kap. 6 §), and care given by another care provider is a caregiver-to-caregiver collaboration (patientdatalagen 6 kap.), not processing on someone's behalf. On that reading, a party that answers patients as nurse or doctor under a processor contract is doing what only a care provider bound by healthcare law and secrecy may do [I]. IMY held so for Medicall, a company in Thailand, in the 1177 case (DI-2019-3375, 2021). The courts divided: Förvaltningsrätten i Stockholm (2022) did not share IMY's view on this point; Kammarrätten i Stockholm (12 Feb 2024, case 4058-22) restored it, on the ground that Swedish healthcare is a national matter within Sweden's borders and Swedish law gave no support for routing the calls to a Thai company [S: Lov&Data 1/2024]. No court has held in general that a care-giving subcontractor can never be a processor, so for a party in Sweden the finding states a reading of the law that is not settled.
    .remediation = have the care given by a care provider in its own right, bound by Swedish healthcare law, under a caregiver-to-caregiver arrangement, or by the controller's own staff; keep processor contracts for processing that is not care (storage, telephony, transcription)

rule-residency-breach = Processing outside the countries an agreement allows
    .explanation = A residency clause is an instruction of the controller: the processor, and every sub-processor it engages, may process the data only where the agreement allows (Art. 28(3)(a), 29). Processing elsewhere breaks the controller's documented instructions; a processor that decides on its own where to process steps towards deciding the means itself (Art. 28(10)).
    .remediation = move the processing back inside the allowed countries, or amend the agreement (and check Chapter V for the new country)

rule-processor-without-agreement = A processor with no data-processing agreement with the controller it acts for
    .explanation = Processing by a processor must be governed by a contract or other legal act that binds the processor to the controller and sets out the subject-matter, duration, nature and purpose of the processing and the terms of Art. 28(3)(a)–(h). Without it the processor has no documented instructions and the controller cannot show it chose a processor with sufficient guarantees (Art. 28(1)).
    .remediation = sign a `data_processing` agreement between the controller and the processor covering the activity

rule-sub-processor-not-authorised = A sub-processor engaged without the controller's prior written authorisation
    .explanation = A processor may not engage another processor without the controller's prior specific or general written authorisation. Under a general authorisation the processor must tell the controller of each addition, giving it the chance to object (Art. 28(2)). An unauthorised sub-processor handles the controller's data outside its control.
    .remediation = obtain the controller's specific authorisation (a `subprocessor_authorisation` agreement, or the sub-processor listed under `sub_processing: {"{"} authorisation: specific {"}"}`), or under a general authorisation record that the controller was told (`sub_processing: {"{"} authorisation: general, parties: [...] {"}"}`)

rule-no-flow-down-contract = A sub-processor with no contract with the processor that engaged it
    .explanation = When a processor engages a sub-processor, the same data-protection obligations as in the controller–processor contract must be imposed on it by contract (Art. 28(4)). Without that flow-down the sub-processor is bound by nothing, and the initial processor remains fully liable to the controller for it.
    .remediation = sign a `data_processing` agreement between the processor and its sub-processor that flows down the controller's terms

rule-agreement-missing-terms = A data-processing agreement without all the terms of Art. 28(3)(a)–(h)
    .explanation = Art. 28(3) lists what a processor contract must stipulate: documented instructions, confidentiality, security, the conditions for sub-processors, help with data subjects' rights and with Art. 32–36, deletion or return at the end, and audits. When the model records an agreement's terms, every missing one is a gap in what the controller can enforce.
    .remediation = add the missing terms to the agreement

rule-processor-beyond-instructions = A processor that processes data beyond its controller's instructions
    .explanation = A processor processes personal data only on the controller's documented instructions (Art. 28(3)(a), 29). One that decides purposes of its own infringes the GDPR and is a controller for that processing (Art. 28(10)); the Danish DPA found that Google used pupils' Chromebook data for purposes of its own (2024). One that merely does more than it was asked breaks Art. 29 and stays a processor; the CNIL fined Dedalus Biologie EUR 1.5 M in 2022, among other things for that. The finding goes to the processor; the controller's side of a disclosure for the processor's own purposes is `disclosure-for-recipient-purposes`.
    .remediation = stop the processing beyond the instructions, or have the controller give documented instructions for it; for purposes of its own, a legal basis of its own and a separate controller relationship

rule-disclosure-for-recipient-purposes = Data handed to a processor that uses them for purposes of its own
    .explanation = Handing personal data to another party for that party's own purposes is a disclosure, a processing of its own: it must be compatible with the purpose the data were collected for (Art. 5(1)(b)), needs a legal basis (Art. 6(1)), and the recipient must be named to the data subjects (Art. 13(1)(e)). The Danish DPA held that 53 municipalities had no basis to disclose pupils' Chromebook data to Google for Google's own purposes, and ordered them to bring the processing in line (2023-431-0001, January 2024). The finding goes to the controller at the top of the processor's chain; the model cannot record a legal basis, so it asks for one.
    .remediation = stop the disclosure, or establish and document a legal basis for it, check that it is compatible with the original purpose, and tell the data subjects who receives their data and why

rule-joint-controllers-without-arrangement = Joint controllers with no arrangement between them
    .explanation = Where two or more controllers jointly determine purposes and means, they must set out their respective responsibilities, in particular for data subjects' rights and the information duties, in an arrangement whose essence is made available to data subjects (Art. 26(1)–(2)). Without one, the joint controllers breach Art. 26(1) and data subjects cannot tell whom to turn to. With or without one, data subjects may exercise their rights against each of them (Art. 26(3)), and each answers to them for the entire damage of processing that infringes the Regulation (Art. 82(4)).
    .remediation = sign a `joint_controllers` agreement covering the activity, binding every joint controller, and publish its essence

rule-no-controller = An activity that nobody controls
    .explanation = Every processing activity needs a controller: the party that decides why and how it takes place and answers for it (Art. 4(7), 5(2), 24). When nobody in the model decides its purposes or essential means and no law designates a controller, no one is accountable and nobody owes data subjects anything. In the 1177 case IMY received breach notifications from the controller and several processors although the duty to notify was the controller's (DI-2019-3375); reading that as confusion over who was responsible is an inference [I].
    .remediation = state who decides the activity's purposes (`purposes_decided_by`) and essential means (`means_decided_by`), or the controller designated by law (`controller_by_law`)

rule-performer-for-nobody = A performer that is neither controller nor acting on anyone's behalf
    .explanation = A party that carries out processing either decides it (a controller) or acts on a controller's behalf (a processor, Art. 4(8)), bound by a contract and by instructions (Art. 28(3), 29). A performer that is neither processes personal data with no one answerable for it.
    .remediation = add `on_behalf_of` naming the party it works for, or record that it decides the activity's purposes and means

rule-principal-without-role = A performer acting for a party that has no part in the activity
    .explanation = A processor acts on behalf of a controller (Art. 4(8)). When a performer acts for a party that neither controls nor performs the activity, the chain of instructions ends with someone who has no responsibility for the processing: either that party is in fact a controller, or the model is missing a link.
    .remediation = record the principal's part in the activity (as controller or as a performer acting for the controller), or correct `on_behalf_of`

rule-claimed-role-mismatch = An agreement calls a party processor where the facts make it controller, or the reverse
    .explanation = Controller and processor are functional concepts: the roles follow what the parties actually do, not what a contract calls them (EDPB Guidelines 07/2020, Part I §1). A contract that calls a controller its 'processor' puts the wrong duties on both sides: the real controller's Art. 13, 24 and 30 duties go unmet, and the contract's Art. 28 terms bind a party that decides for itself.
    .remediation = align the agreement with the facts (a controller-to-controller or joint-controller arrangement instead of a processor agreement, or the reverse), or correct the facts in the model

rule-internet-without-authentication = Special-category data on a system reachable from the internet with no authentication
    .explanation = Anyone who finds the address can read the data. This is what happened in the 1177 case: recordings of calls lay on a NAS reachable from the internet with no password, and IMY fined the controller (Medhelp: SEK 8 M of its SEK 12 M for this point, under Art. 5(1)(f) and 32(1)) and the processor that ran the device (Voice Integrate: SEK 650 000, under Art. 32; the principles of Art. 5 bind the controller, Art. 5(2)).
    .remediation = take the system off the internet (a private network such as Sjunet) or put strong authentication in front of it (smart card or multi-factor), and check who has already read the data

rule-unencrypted-in-transit = Special-category data on a networked system that does not encrypt traffic
    .explanation = Art. 32(1)(a) names encryption, with pseudonymisation, among the measures to consider. Special-category data that travel unencrypted over a network shared with others (the internet, or a private network such as Sjunet that many organisations share) can be read on the way; IMY noted the 1177 NAS used no encrypted communication. A system on an `internal` network is not flagged; one whose `exposure` the model does not record is flagged at medium severity.
    .remediation = encrypt all traffic to and from the system (TLS, or an encrypted tunnel over the private network)

rule-unencrypted-at-rest = Special-category data stored unencrypted
    .explanation = Encryption at rest keeps stored data unintelligible to whoever gets at the disks or files (Art. 32(1)(a)). It is a consequence, not a ground, of the finding that it may also matter after a breach: a controller need not tell the data subjects where measures applied to the data affected make them unintelligible to anyone not authorised to access them (Art. 34(3)(a)), which at-rest encryption does not do when data leak through the running service or with the keys.
    .remediation = encrypt the stored data and keep the keys apart from it

rule-patient-data-without-access-log = Patient data on a system that does not log access
    .explanation = A care provider must make sure that access to patient data kept electronically is documented and systematically checked (patientdatalagen 4 kap. 3 §). Without logs nobody can tell who listened to a recording or read a record, and access control cannot be followed up (Art. 32(1)(b), (d)).
    .remediation = log every access to the patient data on the system and review the logs systematically

rule-patient-data-without-backups = Patient data on a system with no backups
    .explanation = Socialstyrelsen's regulations require patient data to be backed up at set intervals with copies kept apart (HSLF-FS 2016:40 3 kap. 12–13 §§), and Art. 32(1)(c) asks for the ability to restore data after an incident. IMY fined Medhelp SEK 500 000 for keeping recordings on a RAID server with no backup.
    .remediation = back the system up at set intervals, keep the copies separate, and test restoring them

rule-sensitive-data-without-access-log = Special-category data on a system that does not log access
    .explanation = Without a record of who read what, the confidentiality of special-category data cannot be checked or restored (Art. 32(1)(b), (d)). The Dutch DPA fined HagaZiekenhuis (2019) and OLVG (2020) under Art. 32(1) for not reviewing access logs, which presupposes keeping them. Art. 32 binds the processor that runs the system as well as the controller. Patient data are the more serious `patient-data-without-access-log`.
    .remediation = log every access to the special-category data on the system and review the logs

rule-sensitive-data-without-backups = Special-category data on a system with no backups
    .explanation = Art. 32(1)(c) asks for the ability to restore the availability of and access to personal data in a timely manner after an incident, and binds the processor that runs a system as well as the controller. IMY's finding against Medhelp for recordings kept on RAID with no backup rested on Art. 32(1) as well as on Socialstyrelsen's regulations; the GDPR part of it holds for any special-category data. Patient data are the more serious `patient-data-without-backups`.
    .remediation = back the system up at set intervals, keep the copies separate, and test restoring them

rule-patient-data-without-strong-authentication = Patient data reached with a password alone over a network the operator does not control
    .explanation = Where patient data are processed over open networks, Socialstyrelsen's regulations require access to be preceded by strong authentication, the user's identity checked in at least two ways (HSLF-FS 2016:40, carried over from SOSFS 2008:14). A password alone is not that. The Dutch DPA fined HagaZiekenhuis EUR 460 000 (2019) and OLVG EUR 440 000 (2020) under Art. 32(1) for hospital records reached without two-factor authentication. The rule counts the internet and a network shared with other organisations as networks the operator does not control.
    .remediation = require multi-factor authentication or a smart card (in Swedish care, SITHS) for every access to the system, or take it off the shared network

rule-password-only-on-internet = Special-category data on a system reachable from the internet with a password alone
    .explanation = A password alone is what phishing and reused credentials defeat. For special-category data on a system that faces the internet, security appropriate to the risk (Art. 32(1)(b)) means a second factor; Art. 32 binds the processor that runs the system as well as the controller. Patient data are the more serious `patient-data-without-strong-authentication`.
    .remediation = put multi-factor authentication in front of the system, or take it off the internet

rule-patient-data-without-access-analysis = Patient data in a system whose access rights were assigned without a needs-and-risk analysis
    .explanation = A care provider must limit each user's access to patient data to what they need for their work (patientdatalagen 4 kap. 2 §), from an analysis of the users' needs and of the risks made before access rights are assigned (behovs- och riskanalys, HSLF-FS 2016:40 4 kap. 2 §). Without it, access cannot be limited to need, and the security Art. 5(1)(f) and 32 require is missing. On 2 December 2020 IMY found eight care providers in breach for this and fined seven of them, from SEK 2.5 M to SEK 30 M.
    .remediation = make and document the needs-and-risk analysis, assign access rights from it, and review them when it changes

rule-patient-data-logs-not-reviewed = Patient data in a system whose access logs are not reviewed systematically and regularly
    .explanation = Logs deter and reveal unauthorised access only if someone reads them: the care provider must check them systematically and regularly (patientdatalagen 4 kap. 3 §). The Dutch DPA's fines on HagaZiekenhuis (2019) and OLVG (2020) under Art. 32(1) rested on logs not reviewed regularly as well as on missing two-factor authentication. A system that keeps no log at all is `patient-data-without-access-log`.
    .remediation = review the logs at set intervals and on triggers (a well-known patient, a colleague's record), with guidance on what counts as unauthorised access

rule-no-records-of-processing = A controller or processor that keeps no records of processing where the Art. 30(5) exemption cannot apply
    .explanation = Every controller keeps a record of the processing under its responsibility (Art. 30(1)) and every processor one of what it does for each controller (Art. 30(2)), to show the supervisory authority on request. The exemption for organisations under 250 employees does not apply to processing of special categories or criminal data, nor to processing that is not occasional or is likely to result in a risk (Art. 30(5)): in health care it practically never applies. A party that may be exempt (under 250 employees, no such data) is not flagged, since the model cannot say whether its processing is occasional.
    .remediation = keep the record of processing activities (the report's Art. 30 section is a start) and keep it up to date

rule-patient-record-retention-too-short = Patient records kept less than ten years
    .explanation = Patient records are kept at least ten years after the last entry (patientdatalagen 3 kap. 17 §). Deleting them earlier loses what the patient, the care provider and the supervisory authorities need to follow up the care given. The duty is the care provider's, the controller's.
    .remediation = keep the records at least ten years after the last entry; public care providers may have to keep them longer under archive law

rule-dpia-not-carried-out = Large-scale processing of special-category data with no data protection impact assessment
    .explanation = Processing of special categories of data on a large scale requires a data protection impact assessment before it starts (Art. 35, in particular 35(3)(b)). The Danish DPA banned a municipality's processing of pupils' data in Google's services until it had made one that met Art. 35 (Helsingør, 2022). The duty is each controller's.
    .remediation = carry out the impact assessment, consult the supervisory authority if the risk stays high, and record `dpia: true`

rule-no-dpo = A public body, or a party whose core activities are large-scale special-category processing, with no data protection officer
    .explanation = Public authorities and bodies, and controllers and processors whose core activities consist of processing special categories of data on a large scale, must designate a data protection officer (Art. 37(1)(a), (c)). "Core activities" are the party's own main business, not every activity it takes part in: a vendor whose service handles health data for a care provider does not meet the test for that alone. The rule uses the party's `core_activities_special_categories` where recorded; left out, it presumes the test met only for a care provider (or region) that controls large-scale special-category processing. A party the GDPR does not reach (Art. 3(1), 3(2)) is not flagged. Each finding cites the ground that applies.
    .remediation = designate a data protection officer, publish the contact details and tell the supervisory authority

rule-no-eu-representative = A party outside the Union that the GDPR reaches by Art. 3(2), with no representative in the Union
    .explanation = A controller or processor not established in the Union that offers goods or services to people in the Union, or monitors their behaviour there, is bound by the GDPR (Art. 3(2)) and must designate in writing a representative in the Union (Art. 27(1)), whom supervisory authorities and data subjects can address. Art. 27(2) exempts a public authority or body, and processing that is occasional, includes no large-scale special-category or criminal data and is unlikely to result in a risk. The rule reads `eu_representative: false` on a party with `targets_eu_subjects` or `monitors_eu_subjects` true and no EU/EEA establishment, and fires only where the exemption is ruled out: the party holds a role in a running activity recorded as `large_scale` with special-category or criminal data. Left out, `eu_representative` is unknown and the rule is silent; the duty sheet shows the duty.
    .remediation = designate in writing a representative established in a Member State where the people whose data are processed are (Art. 27(3)), and name it in the information to data subjects

rule-subjects-not-informed = An activity whose controllers do not inform the data subjects
    .explanation = Each controller must tell data subjects who it is, why it processes their data, on what legal basis, who receives it, whether it goes to a third country, how long it is kept and what rights they have (Art. 13 when collected from them, Art. 14 otherwise; for patients also patientdatalagen 8 kap. 6 §). In the 1177 case IMY fined Medhelp and each of the three regions for deficient information to callers: in a chain, every controller owes its own notice. The notice counts when a controller of the activity, or a processor acting for one, gives it.
    .remediation = give the Art. 13/14 information at collection (for calls: in the greeting and on the web pages), naming the controller, and record who informs in `informs_subjects`

rule-no-breach-notification-duty = A processor agreement that sets no deadline for the processor to report breaches to its controller
    .explanation = The law obliges a processor to notify its controller without undue delay after becoming aware of a breach (Art. 33(2)), and the contract must oblige it to help the controller meet Art. 33–34 (Art. 28(3)(f)). The controller's 72-hour clock runs from its own awareness, which in practice is when the processor tells it; an agreement that fixes no deadline for that leaves the controller unable to plan for its own, and leaves the processor to decide what "without undue delay" means. The rule looks only at agreements whose terms the model records (`terms`); for others the duty is unknown, not missing.
    .remediation = add `breach_notification_hours` (e.g. 24) to the data-processing agreement

rule-breach-notified-by-non-controller = A breach notified to the supervisory authority by a party that is not the controller
    .explanation = The duty to notify the supervisory authority is the controller's (Art. 33(1)); a processor's duty is to notify its controller (Art. 33(2)). A processor may notify on the controller's behalf where the controller has authorised it and the contract provides for it, the responsibility staying with the controller (EDPB Guidelines 9/2022) [M]: the model cannot tell such a notification apart, so the finding is low and means "check who was to notify". A notification from a processor, or from a party with no role in the breached processing, is not unlawful in itself, but it may show that the parties did not know who was responsible. In the 1177 case IMY noted that it received notifications from the controller and several processors although the duty to notify lies with the controller (DI-2019-3375); that this shows nobody knew who was responsible is an inference [I].
    .remediation = agree in advance who notifies: processors tell their controller within the contract's deadline; the controller notifies the authority

rule-breach-not-notified = A controller that did not notify the supervisory authority of a breach of its processing
    .explanation = The controller must notify the competent supervisory authority of a personal-data breach without undue delay and, where feasible, not later than 72 hours after becoming aware of it, with reasons for any delay, unless the breach is unlikely to result in a risk to people (Art. 33(1)); it must document every breach either way (Art. 33(5)). A breach of a system its processing runs on is its breach, even when the system is its processor's.
    .remediation = notify the supervisory authority (in Sweden IMY), and record the notification in the model

rule-breach-notified-late = A breach notified to the supervisory authority more than 72 hours after it was discovered
    .explanation = The controller notifies without undue delay and, where feasible, within 72 hours of becoming aware (Art. 33(1)); a later notification must give the reasons for the delay. The clock is taken to start on the discovery date, and dates without a time are compared by day: a controller's notification more than three days after the discovery date is late. Only controllers' notifications are judged: a processor's duty is to tell its controller (Art. 33(2)).
    .remediation = notify within 72 hours, or record the reasons for the delay with the notification

rule-breach-processor-told-late = A processor that told its controller of a breach it discovered later than agreed, or not at all
    .explanation = A processor notifies its controller without undue delay after becoming aware of a breach (Art. 33(2)); the controller's own 72 hours run from that moment (EDPB Guidelines 9/2022). Where the processor discovered the breach, its delay is judged against the agreement's `breach_notification_hours`; with no number agreed, "without undue delay" is not a number of hours, and only a delay beyond the controller's own 72 hours is reported, at `low`. A processor that discovered a breach and told no controller is `medium`.
    .remediation = tell the controller as soon as the breach is established, within the agreed hours; the controller assesses the risk and notifies the authority

rule-breach-subjects-not-told = A high-risk breach of unencrypted special-category data that data subjects were not told of
    .explanation = When a breach is likely to result in a high risk, the controller must tell the data subjects without undue delay (Art. 34(1)); whether it is, is a case-by-case assessment of likelihood and severity. A breach of special-category data that were not encrypted is very likely high-risk, a presumption the rule makes, not a rule of law: the exemption for data unintelligible to others (Art. 34(3)(a)) does not apply. Later measures that make the high risk no longer likely (Art. 34(3)(b)), or a public communication where telling each would take disproportionate effort (Art. 34(3)(c)), also exempt; the model records neither. The rule needs `subjects_informed: false` and the breached system recorded as `encrypted_at_rest: false`; left out, either keeps it silent: encryption not recorded neither grants nor refuses the exemption.
    .remediation = tell the data subjects in clear language what happened, what it means for them and what they can do, or publish a notice where telling each is disproportionate (Art. 34(3)(c))

rule-agreement-not-in-force = An agreement expired or not yet in force while an activity it covers runs
    .explanation = A processor agreement, joint-controller arrangement or transfer clause protects data only while it is in force. When it has expired, or has not yet taken effect, on the evaluation date while an activity it covers is running, and no agreement of the same kind between the same parties takes its place, the processing runs without the terms the law requires (Art. 28(3), 26(1), 46) and the controller cannot demonstrate compliance (Art. 5(2)).
    .remediation = renew or replace the agreement, or stop the processing it covered

rule-accepted-risk-expired = An accepted risk whose acceptance has expired
    .explanation = An acceptance is a decision by someone accountable (Art. 5(2), 24) to live with a finding for a time. Once it expires the finding counts again, and the decision must be made anew.
    .remediation = fix the finding, or renew the acceptance with a new expiry date and justification

rule-accepted-risk-unused = An accepted risk that matches no finding
    .explanation = An acceptance that matches nothing is stale: the finding was fixed, or the acceptance names the wrong party or activity. Left in place, it could silently accept a future finding.
    .remediation = remove the acceptance, or correct its party and activity

rule-accepted-risk-unknown-rule = An accepted risk that names a rule ansvar does not have
    .explanation = The acceptance can never match a finding; most likely the rule code is misspelt.
    .remediation = use a code from `ansvar rules`
## The areas the catalogue is grouped by

area-transfers = Transfers (Chapter V)
area-sector-law = Sector law and territoriality
area-residency = Residency
area-processors = Processors (Art. 28)
area-joint-controllers = Joint controllers (Art. 26)
area-responsibility = Responsibility gaps
area-labels = Claims against facts
area-security = Security (Art. 32, patientdatalagen)
area-accountability = Accountability duties (Art. 30, 35, 37, patient records)
area-transparency = Information to data subjects (Art. 13/14)
area-breaches = Breach notification (Art. 33/34)
area-contracts = Contracts
area-accepted-risks = Accepted risks
