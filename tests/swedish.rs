//! `--lang sv`: the Swedish output of `check` and `explain`, pinned by
//! snapshots; JSON that keeps its codes and fingerprints in every language; the
//! language taken from the locale when `--lang` is not given.

use assert_cmd::Command;

fn ansvar() -> Command {
    let mut command = Command::cargo_bin("ansvar").unwrap();
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

fn stdout(command: &mut Command) -> String {
    let output = command.output().unwrap();
    String::from_utf8(output.stdout).unwrap()
}

fn check_1177(lang: &str, extra: &[&str]) -> String {
    stdout(
        ansvar()
            .args(["check", "models/1177", "--as-of", "2019-02-18", "--color", "never", "--lang", lang])
            .args(extra),
    )
}

#[test]
fn check_1177_in_swedish() {
    let text = check_1177("sv", &[]);
    // The Swedish terms and citation style, and no English frame left.
    for swedish in
        ["personuppgiftsansvarig", "personuppgiftsbiträde", "stöds av: artikel 5.1 f", "18 iakttagelser per 2019-02-18"]
    {
        assert!(text.contains(swedish), "no `{swedish}` in:\n{text}");
    }
    // Lines of ours, not the model's YAML quoted in the snippets.
    let ours: Vec<&str> = text.lines().filter(|line| !line.contains(" |")).collect();
    for english in ["rests on:", "Art. ", " controller ", "findings as of"] {
        assert!(!ours.iter().any(|l| l.contains(english)), "English `{english}` in the Swedish output");
    }
    insta::assert_snapshot!("check_1177_sv", text);
}

#[test]
fn explain_in_swedish() {
    for code in ["processor-without-agreement", "breach-notified-late"] {
        let text = stdout(ansvar().args(["explain", code, "--lang", "sv"]));
        assert!(text.starts_with(code) && text.contains("Varför: ") && text.contains("Åtgärd: "), "{text}");
        insta::assert_snapshot!(format!("explain_{code}_sv"), text);
    }
}

#[test]
fn json_keeps_codes_and_fingerprints_and_translates_the_messages() {
    let read = |lang| -> serde_json::Value { serde_json::from_str(&check_1177(lang, &["--format", "json"])).unwrap() };
    let (english, swedish) = (read("en"), read("sv"));
    let findings = |doc: &serde_json::Value| doc["findings"].as_array().unwrap().clone();
    let (english, swedish) = (findings(&english), findings(&swedish));
    assert_eq!(english.len(), swedish.len());
    assert!(!english.is_empty());
    for (en, sv) in english.iter().zip(&swedish) {
        for neutral in ["code", "fingerprint", "severity", "facts", "provisions", "subjects", "location"] {
            assert_eq!(en[neutral], sv[neutral], "`{neutral}` differs between languages");
        }
        assert_ne!(en["message"], sv["message"], "{} has the same message in both languages", en["code"]);
        assert_ne!(en["remediation"], sv["remediation"]);
    }
}

#[test]
fn sarif_rule_texts_follow_the_language() {
    let sarif = check_1177("sv", &["--format", "sarif"]);
    assert!(sarif.contains("personuppgiftsbiträdesavtal") && sarif.contains("\"ruleId\""), "{sarif}");
}

#[test]
fn the_locale_decides_without_lang_and_lang_wins() {
    let explain = |env: &[(&str, &str)], args: &[&str]| {
        let mut command = ansvar();
        command.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
        for (name, value) in env {
            command.env(name, value);
        }
        stdout(command.args(["explain", "no-dpo"]).args(args))
    };
    assert!(explain(&[("LANG", "sv_SE.UTF-8")], &[]).contains("Varför: "));
    assert!(explain(&[("LC_ALL", "sv_SE.UTF-8"), ("LANG", "en_US.UTF-8")], &[]).contains("Varför: "));
    assert!(explain(&[("LANG", "sv_SE.UTF-8"), ("LC_MESSAGES", "en_GB.UTF-8")], &[]).contains("Why: "));
    assert!(explain(&[], &[]).contains("Why: "));
    assert!(explain(&[("LANG", "sv_SE.UTF-8")], &["--lang", "en"]).contains("Why: "));
    assert!(explain(&[("LANG", "en_US.UTF-8")], &["--lang", "sv"]).contains("Varför: "));
}

#[test]
fn an_invalid_model_is_explained_in_swedish() {
    let output =
        ansvar().args(["check", "tests/fixtures/invalid/bad-id", "--lang", "sv", "--color", "never"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("error[bad-id]: Ett id är inte skrivet med gemener"), "{stderr}");
    assert!(stderr.contains("i detalj (på engelska): "), "{stderr}");
    assert!(stderr.contains("är inte en giltig modell: 1 problem"), "{stderr}");
}

#[test]
fn rules_lists_every_rule_in_swedish() {
    let text = stdout(ansvar().args(["rules", "--lang", "sv"]));
    for rule in ansvar::rules::CATALOGUE {
        assert!(text.contains(rule.code), "{} missing", rule.code);
    }
    assert!(text.contains("Personuppgiftsbiträden (artikel 28)"));
}

#[test]
fn roles_in_swedish() {
    let matrix = stdout(ansvar().args(["roles", "models/1177", "--lang", "sv"]));
    assert!(matrix.starts_with("part ") && matrix.contains("PB personuppgiftsbiträde"), "{matrix}");
    let explained =
        stdout(ansvar().args(["roles", "models/1177", "--lang", "sv", "--explain", "medicall", "advice-medhelp"]));
    assert!(explained.contains("stöds av: artikel 4.8; artikel 28.1"), "{explained}");
    insta::assert_snapshot!("roles_1177_sv", format!("{matrix}\n{explained}"));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(ansvar().args(["roles", "models/1177", "--lang", "sv", "--format", "json"])))
            .unwrap();
    let reason = &json["roles"][0]["reasons"][0];
    assert!(reason["text"].as_str().is_some_and(|t| t.contains("personuppgiftsbiträde")), "{reason}");
    assert_eq!(reason["provisions"][0], "Art. 4(8)", "provisions stay as law.rs spells them in JSON");
    assert_eq!(json["roles"][0]["role"], "processor", "the role stays a code in JSON");
}

#[test]
fn diff_in_swedish() {
    let (old, new) = ("tests/fixtures/diff/medicall-removed/old", "tests/fixtures/diff/medicall-removed/new");
    let args = ["diff", old, new, "--as-of", "2019-02-18", "--color", "never", "--lang", "sv"];
    let text = stdout(ansvar().args(args));
    assert!(text.contains("Åtgärdade iakttagelser") && text.contains("[hög] care-giver-as-processor"), "{text}");
    insta::assert_snapshot!("diff_medicall_removed_sv", text);
    let json: serde_json::Value =
        serde_json::from_str(&stdout(ansvar().args(args).args(["--format", "json"]))).unwrap();
    let english: serde_json::Value =
        serde_json::from_str(&stdout(ansvar().args(&args[..args.len() - 2]).args(["--format", "json"]))).unwrap();
    let resolved = |doc: &serde_json::Value, field: &str| -> Vec<serde_json::Value> {
        doc["findings_resolved"].as_array().unwrap().iter().map(|f| f[field].clone()).collect()
    };
    assert_eq!(resolved(&json, "fingerprint"), resolved(&english, "fingerprint"));
    assert_ne!(resolved(&json, "message"), resolved(&english, "message"));
}

#[test]
fn check_quiet_says_its_counts_and_exit_reason_in_swedish() {
    let line = check_1177("sv", &["--quiet"]);
    assert_eq!(
        line,
        "18 iakttagelser per 2019-02-18: 2 kritiska, 10 höga, 4 medel, 2 låga; slutkod 1: 12 iakttagelser med allvarlighetsgrad hög eller högre\n"
    );
    let never = check_1177("sv", &["--quiet", "--fail-on", "never"]);
    assert!(never.ends_with("; slutkod 0: --fail-on never\n"), "{never}");
    let english = check_1177("en", &["--quiet", "--fail-on", "critical"]);
    assert!(english.ends_with("; exit 1: 2 findings at or above critical\n"), "{english}");
}

#[test]
fn the_command_lines_own_errors_follow_the_language() {
    let run = |args: &[&str]| {
        let output = ansvar().args(args).output().unwrap();
        (output.status.code(), String::from_utf8(output.stderr).unwrap())
    };
    let (code, stderr) = run(&["check", "models/117", "--lang", "sv"]);
    assert_eq!(code, Some(2));
    assert_eq!(stderr, "error: katalogen finns inte: models/117\n  help: menade du `models/1177`?\n");
    let (code, stderr) = run(&["check", "models/117", "--lang", "en"]);
    assert_eq!(code, Some(2));
    assert_eq!(stderr, "error: no such directory: models/117\n  help: did you mean `models/1177`?\n");
    let (code, stderr) = run(&["explain", "transfer-without-safegard", "--lang", "sv"]);
    assert_eq!(code, Some(2));
    assert!(stderr.starts_with("error: det finns ingen regel `transfer-without-safegard`\n"), "{stderr}");
    let (code, stderr) = run(&["roles", "models/1177", "--party", "medhelpp", "--lang", "sv"]);
    assert_eq!(code, Some(2));
    assert!(stderr.starts_with("error: modellen har ingen part `medhelpp`\n"), "{stderr}");
}
