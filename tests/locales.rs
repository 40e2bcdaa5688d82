//! The message files of every language hold the same messages: the same ids,
//! the same attributes, and the same variables in each, so that no text exists
//! in one language only and no fact is dropped in translation.

use std::collections::{BTreeMap, BTreeSet};

use ansvar::render::{FILES, Lang, sources};

/// A message or attribute id, and the variables its text uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

/// Reads the ids (`key`, `key.attribute`) of a Fluent file and the variables
/// (`$name`) each one's text uses. Comments are skipped; a line that does not
/// start with a letter continues the entry above it.
fn messages(source: &str) -> Messages {
    let mut out = Messages::new();
    let mut message = String::new();
    let mut current = String::new();
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let text = if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (id, text) = line.split_once('=').unwrap_or_else(|| panic!("not an entry: {line}"));
            message = id.trim().to_owned();
            current = message.clone();
            text
        } else if let Some((attribute, text)) = line.trim().strip_prefix('.').and_then(|l| l.split_once('=')) {
            current = format!("{message}.{}", attribute.trim());
            text
        } else {
            line
        };
        let variables = out.entry(current.clone()).or_default();
        for (index, _) in text.match_indices('$') {
            let name: String =
                text[index + 1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect();
            variables.insert(name);
        }
    }
    out
}

#[test]
fn every_message_exists_in_every_language_with_the_same_variables() {
    let english: Vec<Messages> = sources(Lang::En).iter().map(|s| messages(s)).collect();
    for lang in Lang::ALL {
        for ((file, source), english) in FILES.iter().zip(sources(lang)).zip(&english) {
            let other = messages(source);
            let only_english: Vec<&String> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            let only_other: Vec<&String> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(
                only_english.is_empty() && only_other.is_empty(),
                "{file}: only in en: {only_english:?}; only in {}: {only_other:?}",
                lang.tag()
            );
            for (id, variables) in english {
                assert_eq!(&other[id], variables, "{file}: `{id}` uses other variables in {}", lang.tag());
            }
        }
    }
}

#[test]
fn the_reader_sees_ids_attributes_and_variables() {
    let read = messages(
        "# a comment\nhello = Hi {$name}\n    .title = {$count ->\n    [one] one\n   *[other] {$count} of {$total}\n}\nbye = Bye\n",
    );
    assert_eq!(read.keys().collect::<Vec<_>>(), ["bye", "hello", "hello.title"]);
    assert_eq!(read["hello"], BTreeSet::from(["name".to_owned()]));
    assert_eq!(read["hello.title"], BTreeSet::from(["count".to_owned(), "total".to_owned()]));
    assert!(read["bye"].is_empty());
}

#[test]
fn the_swedish_files_use_the_swedish_terms() {
    let swedish: String = sources(Lang::Sv).concat();
    for term in [
        "personuppgiftsansvarig",
        "gemensamt personuppgiftsansvariga",
        "personuppgiftsbiträde",
        "underbiträde",
        "tredjeland",
        "personuppgiftsincident",
        "registerförteckning",
        "konsekvensbedömning",
        "dataskyddsombud",
    ] {
        assert!(swedish.contains(term), "the Swedish messages never say `{term}`");
    }
    // English words that would mean a message was left untranslated.
    for english in [" controller", " processor", " the ", "Art. "] {
        let hits: Vec<&str> = swedish.lines().filter(|l| !l.starts_with('#') && l.contains(english)).collect();
        assert!(hits.is_empty(), "English `{english}` in the Swedish messages:\n{}", hits.join("\n"));
    }
}

/// A message id defined in two files of one language: Fluent keeps the first
/// and drops the other without a word, so one of the two texts would never show.
#[test]
fn no_message_id_is_defined_twice_in_a_language() {
    for lang in Lang::ALL {
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for (file, source) in FILES.iter().zip(sources(lang)) {
            for id in messages(source).into_keys().filter(|id| !id.contains('.')) {
                if let Some(first) = seen.insert(id.clone(), file) {
                    panic!("{}: `{id}` is defined in {first} and in {file}", lang.tag());
                }
            }
        }
    }
}

#[test]
fn every_kind_of_obligation_has_its_name_in_every_language() {
    // `diff` names an obligation's kind by the message `obligation-KIND`.
    for lang in [Lang::En, Lang::Sv] {
        let ids: BTreeSet<String> = sources(lang).iter().flat_map(|s| messages(s).into_keys()).collect();
        for kind in ansvar::obligations::Kind::ALL {
            let id = format!("obligation-{}", kind.as_str());
            assert!(ids.contains(&id), "{lang:?}: no message {id}");
        }
    }
}

#[test]
fn every_country_of_the_reference_data_has_its_swedish_name() {
    let reference = ansvar::reference::Reference::builtin();
    let mut codes = 0;
    for code in reference.country_codes() {
        let country = ansvar::model::Country::new(code);
        let english = reference.country_name(&country);
        let swedish = ansvar::render::country_name(&country, english, Lang::Sv);
        assert!(!swedish.is_empty(), "{code}: no name");
        assert_eq!(ansvar::render::country_name(&country, english, Lang::En), english, "{code}");
        codes += 1;
    }
    assert_eq!(codes, 249, "the reference data's countries changed: update locales/sv/countries.tsv");
    let table = include_str!("../locales/sv/countries.tsv");
    let listed: BTreeSet<&str> =
        table.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t')).map(|(c, _)| c).collect();
    let known: BTreeSet<&str> = reference.country_codes().collect();
    assert_eq!(listed, known, "locales/sv/countries.tsv names exactly the reference data's countries");
    for (code, name) in [("IN", "Indien"), ("US", "USA"), ("GB", "Storbritannien"), ("PH", "Filippinerna")] {
        let country = ansvar::model::Country::new(code);
        assert_eq!(ansvar::render::country_name(&country, "English", Lang::Sv), name);
    }
}
