//! The `ansvar` binary: parses arguments and wires the library's stages together.
//!
//! Every output goes through [`emit`], which writes a [`Printer`] to stdout or
//! atomically to `-o FILE`; every command that loads a model ends in [`exit`].
//! The exit codes are those of [`cli::EXIT_STATUS`]: 0 when clean, 1 when
//! findings at or above `--fail-on` remain, 2 when the model is invalid, the
//! command line is wrong or the output cannot be written. Nothing else in the
//! program decides an exit code.

mod cli;
mod progress;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use ansvar::diag::{self, Color};
use ansvar::load::{self, Loaded};
use ansvar::printer::{self, ColorChoice, Format, PrintError, Printer};
use ansvar::reference::Reference;
use ansvar::render::Lang;
use ansvar::rules::Severity;
use ansvar::source::SourceMap;
use clap::{CommandFactory, Parser};

use progress::Progress;

use cli::{CheckArgs, Cli, Command, CompletionsArgs, DiffArgs, ExplainArgs, FailOn, GlobalArgs, InitArgs, RolesArgs};

/// Exit code for a clean run.
const CLEAN: u8 = 0;
/// Exit code when findings at or above `--fail-on` remain.
const FINDINGS: u8 = 1;
/// Exit code for an invalid model, bad usage or an I/O failure.
const INVALID: u8 = 2;

/// `--quiet`: no "wrote FILE" line after `-o FILE` (set once, in [`main`]).
static QUIET: AtomicBool = AtomicBool::new(false);

/// Test hook: treat stdout as a terminal of this many rows (`check`'s layout).
const TERMINAL_ROWS_VAR: &str = "ANSVAR_TERMINAL_ROWS";

/// Test hook: the most SARIF results to keep, instead of GitHub's limit.
const SARIF_LIMIT_VAR: &str = "ANSVAR_SARIF_LIMIT";

/// The language of this run (`--lang`), for the command line's own messages.
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// A message of the command line's own (`cli-…` in `locales/<lang>/text.ftl`)
/// in this run's language.
fn say(key: &str, args: &[(&'static str, String)]) -> String {
    ansvar::render::cli(key, LANG.get().copied().unwrap_or_default(), args)
}

/// `help: did you mean `x`?`, in this run's language.
fn did_you_mean(near: impl std::fmt::Display) -> String {
    format!("\n  help: {}", say("cli-did-you-mean", &[("near", near.to_string())]))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    QUIET.store(cli.global.quiet, Ordering::Relaxed);
    let _ = LANG.set(cli.global.lang());
    let result = match &cli.command {
        Command::Check(args) => check(&cli.global, args),
        Command::Roles(args) => roles(&cli.global, args),
        Command::Diff(args) => diff(&cli.global, args),
        Command::Rules => emit(&printer::Text(ansvar::catalogue::list(cli.global.lang())), None).map(|()| CLEAN),
        Command::Explain(args) => explain_rule(&cli.global, args),
        Command::Report(args) => {
            let format = format("report", args.format, args.output.as_deref(), printer::ReportFormat::Html);
            if args.split.is_some() && format == printer::ReportFormat::Json {
                usage_error("report", "--split writes HTML or Markdown pages; give --format html or md");
            }
            let memo = memo(args);
            let mode = match (args.overview, args.full) {
                (true, _) => ansvar::report::outline::Mode::Overview,
                (_, true) => ansvar::report::outline::Mode::Full,
                _ => ansvar::report::outline::Mode::Auto,
            };
            let drawing = Drawing::Report(format, memo, mode, args.split.clone());
            draw(&cli.global, &args.model, args.as_of, &args.scope, args.output.as_deref(), drawing)
        }
        Command::Graph(args) => {
            let format = format("graph", args.format, args.output.as_deref(), printer::GraphFormat::Dot);
            draw(&cli.global, &args.model, args.as_of, &args.scope, args.output.as_deref(), Drawing::Graph(format))
        }
        Command::Ropa(args) => {
            let format = format("ropa", args.format, args.output.as_deref(), printer::RopaFormat::Csv);
            draw(&cli.global, &args.model, args.as_of, &args.scope, args.output.as_deref(), Drawing::Ropa(format))
        }
        Command::Completions(args) => emit(&Completions(args), None).map(|()| CLEAN),
        Command::Man(args) => emit(&Manual::new(args.command.as_deref()), None).map(|()| CLEAN),
        Command::Init(args) => init(args),
        Command::Schema => emit(&printer::Text(ansvar::init::schema_text()), None).map(|()| CLEAN),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Failure::BrokenPipe) => ExitCode::from(CLEAN),
        Err(Failure::Reported) => ExitCode::from(INVALID),
    }
}

/// `ansvar init`: writes the starter model, or says why not (exit 2).
fn init(args: &InitArgs) -> Result<u8, Failure> {
    match ansvar::init::init(&args.dir) {
        Ok(files) => {
            let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            let dir = args.dir.display();
            let wrote = say("cli-wrote-files", &[("files", names.join(", "))]);
            eprintln!("{wrote}\n{}", say("cli-next", &[("command", format!("ansvar check {dir}"))]));
            Ok(CLEAN)
        }
        Err(error) => {
            eprintln!("error: {error}");
            Err(Failure::Reported)
        }
    }
}

/// A usage error for `--obligations` outside `--format json`.
fn json_only(command: &str) -> Failure {
    let message = say("cli-obligations-json", &[("command", format!("`ansvar {command} --obligations`"))]);
    let _ = writeln!(std::io::stderr(), "error: {message}");
    Failure::Reported
}

/// How a command failed, once it has told the user why.
enum Failure {
    /// The problem has been printed to stderr.
    Reported,
    /// stdout was closed (`ansvar … | head`): not an error.
    BrokenPipe,
}

/// The format to write, from `--format` and `-o FILE`'s extension; a
/// contradiction or an unknown extension is a usage error (exit 2).
fn format<F: Format>(command: &str, given: Option<F>, output: Option<&Path>, default: F) -> F {
    match printer::choose(given, output, default) {
        Ok(format) => format,
        Err(error) => usage_error(command, error),
    }
}

/// Ends with a usage error of `command`, as clap reports its own (exit 2).
fn usage_error(command: &str, error: impl std::fmt::Display) -> ! {
    let mut cli = Cli::command();
    cli.build();
    match cli.find_subcommand_mut(command) {
        Some(sub) => sub.error(clap::error::ErrorKind::ArgumentConflict, error).exit(),
        None => cli.error(clap::error::ErrorKind::ArgumentConflict, error).exit(),
    }
}

/// Colour for stderr (diagnostics), decided once by [`ColorChoice::for_stream`].
fn stderr_color(global: &GlobalArgs) -> Color {
    global.color.for_stream(std::io::stderr().is_terminal())
}

/// Colour for the output: stdout, or the `-o` file (never a terminal).
fn output_color(choice: ColorChoice, output: Option<&Path>) -> Color {
    choice.for_stream(output.is_none() && std::io::stdout().is_terminal())
}

/// Prints diagnostics to stderr, in `lang`.
fn report_diagnostics(diagnostics: &[diag::Diagnostic], sources: &SourceMap, color: Color, lang: Lang) {
    let rendered = diag::render(&ansvar::render::loader_diagnostics(diagnostics, lang), sources, color);
    let _ = std::io::stderr().write_all(rendered.as_bytes());
}

/// Writes a command's output to `-o FILE` atomically, or to stdout: the one
/// place output is written. A closed stdout is a normal end
/// ([`Failure::BrokenPipe`]); any other failure is reported.
fn emit(render: &dyn Printer, output: Option<&Path>) -> Result<(), Failure> {
    let failed = |error: &dyn std::fmt::Display| {
        let _ = writeln!(std::io::stderr(), "error: {error}");
        Failure::Reported
    };
    let Some(path) = output else {
        let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        return match render.write(&mut stdout).and_then(|()| Ok(stdout.flush()?)) {
            Ok(()) => Ok(()),
            Err(PrintError::Io(error)) if error.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::BrokenPipe),
            Err(PrintError::Io(error)) => Err(failed(&say("cli-cannot-write-stdout", &[("error", error.to_string())]))),
            Err(error) => Err(failed(&error)),
        };
    };
    // `write_atomic_with` speaks io::Error; a template failure is carried
    // beside it, so that it is reported as itself.
    let mut template = None;
    let written = ansvar::output::write_atomic_with(path, |out| {
        render.write(out).map_err(|error| match error {
            PrintError::Io(error) => error,
            other => {
                let message = other.to_string();
                template = Some(other);
                std::io::Error::other(message)
            }
        })
    });
    match (written, template) {
        (Ok(()), _) => {
            if !QUIET.load(Ordering::Relaxed) {
                let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
                let args = [("path", path.display().to_string()), ("size", indicatif::HumanBytes(size).to_string())];
                let _ = writeln!(std::io::stderr(), "{}", say("cli-wrote", &args));
            }
            Ok(())
        }
        (Err(_), Some(error)) => Err(failed(&error)),
        (Err(error), None) => Err(failed(&cannot_write(error))),
    }
}

/// Why an output file or directory could not be written, in this run's language.
fn cannot_write(error: ansvar::output::WriteError) -> String {
    match error {
        ansvar::output::WriteError::Io { path, source } => {
            say("cli-cannot-write", &[("path", path.display().to_string()), ("error", source.to_string())])
        }
        ansvar::output::WriteError::Refused { path, reason } => {
            let reason = reason.words(LANG.get().copied().unwrap_or_default());
            say("cli-will-not-write", &[("path", path.display().to_string()), ("reason", reason)])
        }
    }
}

/// Ends the process with `code`, once the output is written and flushed,
/// without dropping what the command built: the one way a command that loaded
/// a model ends. A national model is millions of small allocations; freeing
/// them one by one took a third of a second of a `check`, while the operating
/// system takes a process's memory back at once (docs/performance.md). No
/// destructor is skipped that does more than free memory: [`emit`] has
/// flushed stdout or persisted the `-o` file, and threads have been joined.
fn exit(code: u8) -> ! {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    std::process::exit(i32::from(code))
}

/// A model path that does not exist is one error (exit 2), with the closest
/// name beside it if one is near; other failures to read it are the loader's.
/// `side` names the side of a diff.
fn exists(model: &Path, side: &str) -> Result<(), Failure> {
    match std::fs::metadata(model) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
        _ => return Ok(()),
    }
    let what = if model.extension().is_some_and(|x| x == "yaml" || x == "yml") { "file" } else { "directory" };
    let side = match side {
        "the old side: " => "old",
        "the new side: " => "new",
        _ => "none",
    };
    let args = [("side", say(&format!("cli-side-{side}"), &[])), ("path", model.display().to_string())];
    let mut message = format!("error: {}", say(&format!("cli-no-such-{what}"), &args));
    let parent = model.parent().filter(|p| !p.as_os_str().is_empty());
    let siblings: Vec<String> = std::fs::read_dir(parent.unwrap_or(Path::new(".")))
        .map(|entries| entries.flatten().filter_map(|e| e.file_name().into_string().ok()).collect())
        .unwrap_or_default();
    let near = model
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| ansvar::suggest::did_you_mean(name, siblings.iter().map(String::as_str)));
    if let Some(near) = near {
        let near = parent.map_or_else(|| near.into(), |parent| parent.join(near));
        message.push_str(&did_you_mean(near.display()));
    }
    let _ = writeln!(std::io::stderr(), "{message}");
    Err(Failure::Reported)
}

fn reference(global: &GlobalArgs) -> Result<Reference, Failure> {
    let Some(path) = &global.reference else {
        return Ok(Reference::builtin());
    };
    let mut sources = SourceMap::new();
    Reference::read(&mut sources, path).map_err(|diagnostics| {
        report_diagnostics(&diagnostics, &sources, stderr_color(global), global.lang());
        Failure::Reported
    })
}

fn load_model(global: &GlobalArgs, model: &Path, progress: &Progress) -> Result<(Loaded, Reference), Failure> {
    exists(model, "")?;
    let reference = reference(global)?;
    progress.stage(format!("reading and validating {}", model.display()));
    let mut loaded = load_with(model, "", stderr_color(global), global.lang(), progress, || {
        // Each text goes as soon as its file is parsed: snippets read the
        // file again.
        load::load_read(load::read_path(model).releasing_texts(), &reference)
    })?;
    // The warnings are out: from here the texts serve only snippets, which
    // read their file again. Letting them go lowers the analysis's peak.
    loaded.sources.release_texts();
    progress.stage(format!(
        "analysing {} files: {} parties, {} activities",
        loaded.sources.files().count(),
        loaded.model.parties.len(),
        loaded.model.activities.len()
    ));
    Ok((loaded, reference))
}

/// The parties given to `--scope`, checked against the model(s): an unknown
/// id is a usage error (exit 2) with the nearest id.
fn scope_parties(models: &[&ansvar::model::Model], given: &[String]) -> Result<Vec<ansvar::model::PartyId>, Failure> {
    ansvar::scope::resolve(models, given).map_err(|error| {
        let mut message = format!("error: {}", say("cli-scope-no-party", &[("id", error.given.clone())]));
        if let Some(near) = &error.suggestion {
            message.push_str(&did_you_mean(near));
        }
        let _ = writeln!(std::io::stderr(), "{message}");
        Failure::Reported
    })
}

/// The model's name as shown, with its scope.
fn scoped_name(model: &Path, seeds: &[ansvar::model::PartyId]) -> String {
    let ids: Vec<&str> = seeds.iter().map(|p| p.as_str()).collect();
    match ids.as_slice() {
        [] => model.display().to_string(),
        _ => format!("{} (scope: {})", model.display(), ids.join(", ")),
    }
}

/// How `check` lays out text: `--quiet`, `--all` or `-o` decide, then whether
/// stdout is a terminal (or `ANSVAR_TERMINAL_ROWS` says it is, for tests).
fn layout(global: &GlobalArgs, args: &CheckArgs) -> printer::Layout {
    if global.quiet {
        return printer::Layout::Quiet;
    }
    if args.all || args.output.is_some() {
        return printer::Layout::Complete;
    }
    let injected = std::env::var(TERMINAL_ROWS_VAR).ok().and_then(|rows| rows.parse().ok());
    let rows = injected.or_else(|| {
        let stdout = console::Term::stdout();
        stdout.is_term().then(|| usize::from(stdout.size().0))
    });
    match rows {
        Some(rows) => printer::Layout::Terminal { rows },
        None => printer::Layout::Complete,
    }
}

/// Loads the model for `check --format json|sarif`. An invalid one still gets
/// a document of its diagnostics, on stdout or in `-o FILE`, and exit 2: a CI
/// step that uploads the SARIF gets the errors, not an empty file (review D15).
fn load_or_document(
    global: &GlobalArgs,
    model: &Path,
    format: printer::CheckFormat,
    output: Option<&Path>,
    progress: &Progress,
) -> Result<(Loaded, Reference), Failure> {
    use ansvar::report::invalid;
    exists(model, "")?;
    let reference = reference(global)?;
    let mut document = None;
    progress.stage(format!("reading and validating {}", model.display()));
    let loaded = load_with(model, "", stderr_color(global), global.lang(), progress, || {
        load::load_read(load::read_path(model).releasing_texts(), &reference).inspect_err(|invalid| {
            let (diagnostics, sources) = (&invalid.diagnostics, &invalid.sources);
            document = match format {
                printer::CheckFormat::Sarif => serde_json::to_string_pretty(&invalid::sarif(diagnostics, sources)),
                _ => serde_json::to_string_pretty(&invalid::InvalidDocument::new(diagnostics, sources)),
            }
            .ok();
        })
    });
    match loaded {
        Ok(mut loaded) => {
            // As in `load_model`: snippets read their file again.
            loaded.sources.release_texts();
            Ok((loaded, reference))
        }
        Err(failure) => {
            if let Some(mut document) = document {
                document.push('\n');
                emit(&printer::Text(document), output)?;
            }
            Err(failure)
        }
    }
}

/// Runs a loader and reports an invalid model; `side` names the side of a diff.
fn load_with(
    model: &Path,
    side: &str,
    color: Color,
    lang: Lang,
    progress: &Progress,
    loader: impl FnOnce() -> Result<Loaded, load::Invalid>,
) -> Result<Loaded, Failure> {
    match loader() {
        Ok(loaded) => {
            progress.suspend(|| report_diagnostics(&loaded.warnings, &loaded.sources, color, lang));
            Ok(loaded)
        }
        Err(invalid) => {
            progress.done();
            report_diagnostics(&invalid.diagnostics, &invalid.sources, color, lang);
            let side = match side {
                "the old side: " => Some("old"),
                "the new side: " => Some("new"),
                _ => None,
            };
            let shown = model.display().to_string();
            let line = ansvar::render::invalid_model(side, &shown, invalid.problems(), lang);
            let _ = writeln!(std::io::stderr(), "error: {line}");
            Err(Failure::Reported)
        }
    }
}

/// The evaluation date: `--as-of`, or today in the system's time zone. A date
/// before the GDPR applied gets a warning: the rules apply today's law to it.
fn as_of(given: Option<jiff::civil::Date>) -> jiff::civil::Date {
    let date = given.unwrap_or_else(|| jiff::Zoned::now().date());
    if date < ansvar::law::GDPR_APPLIES_FROM {
        let args = [("date", date.to_string()), ("applies", ansvar::law::GDPR_APPLIES_FROM.to_string())];
        let _ = writeln!(std::io::stderr(), "warning: {}", say("cli-before-gdpr", &args));
    }
    date
}

/// The memo's particulars for `ansvar report`: the production date from
/// `--date`, else `SOURCE_DATE_EPOCH`, else today (so a build that pins the
/// epoch reproduces the report byte for byte), the model's git revision, and
/// the names given.
fn memo(args: &cli::ReportArgs) -> ansvar::memo::Memo {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok());
    let from_epoch = epoch
        .and_then(|seconds| jiff::Timestamp::from_second(seconds).ok())
        .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date());
    let produced = args.date.or(from_epoch).unwrap_or_else(|| jiff::Zoned::now().date());
    let named = |name: &Option<String>| name.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    ansvar::memo::Memo {
        produced,
        revision: ansvar::memo::revision_of(&args.model),
        author: named(&args.author),
        reviewer: named(&args.reviewer),
    }
}

fn threshold(fail_on: FailOn) -> Option<Severity> {
    match fail_on {
        FailOn::Critical => Some(Severity::Critical),
        FailOn::High => Some(Severity::High),
        FailOn::Medium => Some(Severity::Medium),
        FailOn::Low => Some(Severity::Low),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    }
}

fn check(global: &GlobalArgs, args: &CheckArgs) -> Result<u8, Failure> {
    let output = args.output.as_deref();
    let format = format("check", args.format, output, printer::CheckFormat::Text);
    if args.obligations && format != printer::CheckFormat::Json {
        return Err(json_only("check"));
    }
    let start = std::time::Instant::now();
    let progress = Progress::new(global.quiet);
    let (loaded, reference) = match format {
        printer::CheckFormat::Text => load_model(global, &args.model, &progress)?,
        _ => load_or_document(global, &args.model, format, output, &progress)?,
    };
    let seeds = scope_parties(&[&loaded.model], &args.scope)?;
    let as_of = as_of(args.as_of);
    let analysis = ansvar::Analysis::new(&loaded.model, &reference, as_of);
    let mut timings = loaded.timings.clone();
    timings.extend(&analysis.timings);
    let scoped = (!seeds.is_empty())
        .then(|| timings.time("scope", || ansvar::scope::Scoped::new(&loaded.model, &seeds, &analysis.findings)));
    let obligations = args.obligations.then(|| {
        timings.time("obligations", || {
            let part = ansvar::report::json::ObligationsPart::new(&analysis);
            match &scoped {
                Some(s) => part.filtered(|p, a| s.scope.parties.contains(p) && s.scope.activities.contains(a)),
                None => part,
            }
        })
    });
    // Only the findings are printed: free the graph and the roles first, which
    // lowers the peak memory of a big model.
    let all_findings = timings.time("free", || {
        let ansvar::Analysis { findings, graph, roles, .. } = analysis;
        drop((graph, roles));
        findings
    });
    let (model, findings) = match &scoped {
        Some(scoped) => (&scoped.model, scoped.findings.as_slice()),
        None => (&loaded.model, all_findings.as_slice()),
    };
    let name = scoped_name(&args.model, &seeds);
    let fail_on = threshold(args.fail_on);
    let sarif_limit =
        std::env::var(SARIF_LIMIT_VAR).ok().and_then(|n| n.parse().ok()).unwrap_or(ansvar::report::sarif::MAX_RESULTS);
    let printed = printer::Check {
        format,
        name: &name,
        model,
        sources: &loaded.sources,
        findings,
        as_of,
        color: output_color(global.color, output),
        obligations,
        lang: global.lang(),
        layout: layout(global, args),
        fail_on,
        sarif_limit,
        scope: &seeds,
    };
    progress.done();
    timings.time("render", || emit(&printed, output))?;
    if format == printer::CheckFormat::Sarif && findings.len() > sarif_limit {
        let dropped = findings.len() - sarif_limit;
        let _ = writeln!(
            std::io::stderr(),
            "warning: the SARIF keeps {sarif_limit} of {} findings, unaccepted and most severe first: {dropped} dropped \
             (GitHub code scanning rejects a run of more than 25 000 results); `--format json` has them all",
            findings.len()
        );
    }
    if args.timings {
        let _ = std::io::stderr().write_all(timings.render(start.elapsed()).as_bytes());
    }
    let failing = ansvar::render::digest::failing(findings, fail_on) > 0;
    exit(if failing { FINDINGS } else { CLEAN })
}

fn explain_rule(global: &GlobalArgs, args: &ExplainArgs) -> Result<u8, Failure> {
    match ansvar::catalogue::explain(&args.code, global.lang()) {
        Some(text) => emit(&printer::Text(text), None).map(|()| CLEAN),
        None => {
            let known = ansvar::rules::CATALOGUE.iter().map(|r| r.code);
            let mut message = format!("error: {}", say("cli-no-rule", &[("code", args.code.clone())]));
            match ansvar::suggest::did_you_mean(&args.code, known) {
                Some(near) => message.push_str(&did_you_mean(near)),
                None => message.push_str(&format!("\n  help: {}", say("cli-rules-lists", &[]))),
            }
            let _ = writeln!(std::io::stderr(), "{message}");
            Err(Failure::Reported)
        }
    }
}

/// Reports an id given on the command line that the model does not have.
fn unknown_id<'a>(what: &str, given: &str, known: impl IntoIterator<Item = &'a str>) -> Failure {
    let mut message = format!("error: {}", say(&format!("cli-no-{what}"), &[("id", given.to_owned())]));
    if let Some(suggestion) = ansvar::suggest::did_you_mean(given, known) {
        message.push_str(&did_you_mean(suggestion));
    }
    let _ = writeln!(std::io::stderr(), "{message}");
    Failure::Reported
}

/// Resolves `--party`/`--activity` filters: every id when none is given.
fn select<'m, Id: AsRef<str> + Ord>(
    what: &str,
    given: &[String],
    ids: impl Iterator<Item = &'m Id> + Clone,
) -> Result<Vec<&'m Id>, Failure> {
    if given.is_empty() {
        return Ok(ids.collect());
    }
    let mut selected = Vec::new();
    for wanted in given {
        match ids.clone().find(|id| (*id).as_ref() == wanted.as_str()) {
            Some(id) => selected.push(id),
            None => return Err(unknown_id(what, wanted, ids.clone().map(|id| id.as_ref()))),
        }
    }
    selected.sort();
    selected.dedup();
    Ok(selected)
}

fn roles(global: &GlobalArgs, args: &RolesArgs) -> Result<u8, Failure> {
    let output = args.output.as_deref();
    let format = format("roles", args.format, output, printer::RolesFormat::Text);
    if args.explain.is_some() && format != printer::RolesFormat::Text {
        usage_error("roles", "--explain writes text; name the -o file .txt");
    }
    if args.obligations && format != printer::RolesFormat::Json {
        return Err(json_only("roles"));
    }
    let (loaded, reference) = load_model(global, &args.model, &Progress::new(true))?;
    let model = &loaded.model;
    let seeds = scope_parties(&[model], &args.scope)?;
    let graph = ansvar::graph::Graph::build(model);
    let derived = ansvar::roles::derive(&graph);
    if let Some([party, activity]) = args.explain.as_deref() {
        let party = select("party", std::slice::from_ref(party), model.parties.keys())?[0];
        let activity = select("activity", std::slice::from_ref(activity), model.activities.keys())?[0];
        let location = |span| loaded.sources.location(span).to_string();
        let text = ansvar::render::roles::explain(&derived, party, activity, location, global.lang());
        emit(&printer::Text(text), output)?;
        exit(CLEAN);
    }
    let mut parties = select("party", &args.party, model.parties.keys())?;
    let mut activities = select("activity", &args.activity, model.activities.keys())?;
    if !seeds.is_empty() {
        let scoped = ansvar::scope::Scoped::new(model, &seeds, &[]);
        parties.retain(|p| scoped.scope.parties.contains(*p));
        activities.retain(|a| scoped.scope.activities.contains(*a));
    }
    // --as-of narrows the activities to those running that day, unless they are named.
    let date = args.as_of.map(|date| as_of(Some(date)));
    if let Some(date) = date
        && args.activity.is_empty()
    {
        activities.retain(|id| model.activities.get(*id).is_some_and(|activity| activity.runs_on(date)));
    }
    let analysis =
        args.obligations.then(|| ansvar::Analysis::new(model, &reference, date.unwrap_or_else(|| as_of(None))));
    let obligations = analysis.as_ref().map(|analysis| {
        ansvar::report::json::ObligationsPart::new(analysis)
            .filtered(|party, activity| parties.contains(&party) && activities.contains(&activity))
    });
    let table = printer::RolesTable {
        format,
        roles: &derived,
        sources: &loaded.sources,
        parties: &parties,
        named: !args.party.is_empty(),
        activities: &activities,
        obligations,
        lang: global.lang(),
    };
    emit(&table, output)?;
    exit(CLEAN)
}

/// The revision and path one side of a diff names.
fn side_path(spec: &str, revision: Option<&str>) -> (Option<String>, std::path::PathBuf) {
    let as_path = Path::new(spec);
    match (revision, spec.split_once(':')) {
        (Some(rev), _) => (Some(rev.to_owned()), as_path.to_path_buf()),
        (None, Some((rev, path))) if !as_path.exists() && !rev.is_empty() => {
            (Some(rev.to_owned()), std::path::PathBuf::from(path))
        }
        _ => (None, as_path.to_path_buf()),
    }
}

/// Whether [`read_side`] finds something to read (else it says what is missing).
fn side_present(spec: &str, revision: Option<&str>) -> bool {
    match side_path(spec, revision) {
        (Some(_), _) => true,
        (None, path) => !matches!(std::fs::metadata(path), Err(e) if e.kind() == std::io::ErrorKind::NotFound),
    }
}

/// Reads one side of a diff: a directory, a path at `--git-*` REV, or
/// `REV:path`; with the side as shown in errors (with its revision).
fn read_side(spec: &str, revision: Option<&str>, side: &str) -> Result<(std::path::PathBuf, load::Read), Failure> {
    let (revision, path) = side_path(spec, revision);
    if revision.is_none() {
        exists(&path, side)?;
    }
    // Errors name the side as given, with its revision.
    let shown = match &revision {
        Some(rev) => std::path::PathBuf::from(format!("{rev}:{}", path.display())),
        None => path.clone(),
    };
    let read = match &revision {
        // A file on disk can be read again for a snippet: its text goes as
        // soon as it is parsed. A revision's texts stay for the warnings.
        None => load::read_path(&path).releasing_texts(),
        Some(rev) => match load::git::read_at_revision(rev, &path) {
            Ok(texts) => load::read_texts(texts),
            Err(diagnostic) => load::Read::failed(*diagnostic),
        },
    };
    Ok((shown, read))
}

fn diff(global: &GlobalArgs, args: &DiffArgs) -> Result<u8, Failure> {
    let output = args.output.as_deref();
    let format = format("diff", args.format, output, printer::DiffFormat::Text);
    let reference = reference(global)?;
    let color = stderr_color(global);
    let progress = Progress::new(global.quiet);
    progress.stage("reading and validating both sides");
    // Both sides are loaded before either failure is reported, so that one run
    // shows every problem on both sides.
    // Files with the same bytes on both sides are parsed once (`load::load_pair`).
    const OLD: &str = "the old side: ";
    const NEW: &str = "the new side: ";
    let lang = global.lang();
    let (old_spec, new_spec) = ((&args.old, args.git_old.as_deref()), (&args.new, args.git_new.as_deref()));
    let (old, new) = match (read_side(old_spec.0, old_spec.1, OLD), side_present(new_spec.0, new_spec.1)) {
        (Ok((old_shown, old)), true) => {
            let (new_shown, new) = read_side(new_spec.0, new_spec.1, NEW)?;
            let (old, new) = load::load_pair(old, new, &reference);
            (
                load_with(&old_shown, OLD, color, lang, &progress, || old),
                load_with(&new_shown, NEW, color, lang, &progress, || new),
            )
        }
        // A side that is missing is said in turn, as each side is loaded.
        (old, _) => {
            let old = old.and_then(|(shown, read)| {
                load_with(&shown, OLD, color, lang, &progress, || load::load_read(read, &reference))
            });
            let new = read_side(new_spec.0, new_spec.1, NEW).and_then(|(shown, read)| {
                load_with(&shown, NEW, color, lang, &progress, || load::load_read(read, &reference))
            });
            (old, new)
        }
    };
    let (mut old, mut new) = (old?, new?);
    // The warnings are out, and a diff shows no snippet: from here the texts
    // serve nothing (locations need only the line tables).
    old.sources.release_texts();
    new.sources.release_texts();
    let seeds = scope_parties(&[&old.model, &new.model], &args.scope)?;
    let as_of = as_of(args.as_of);
    progress.stage("comparing");
    let new_side = ansvar::diff::Side { model: &new.model, sources: &new.sources };
    // The old model is let go once compared and summarised, before the new
    // side is analysed.
    let changes =
        ansvar::diff::diff_taking_old(old.model, &old.sources, &new_side, &reference, as_of, &seeds, global.lang());
    progress.done();
    let name = |spec: &str, rev: &Option<String>| match rev {
        Some(rev) => format!("{rev}:{spec}"),
        None => spec.to_owned(),
    };
    let (old_name, new_name) = (name(&args.old, &args.git_old), name(&args.new, &args.git_new));
    let printed = printer::Changes {
        format,
        diff: &changes,
        old: &old_name,
        new: &new_name,
        as_of,
        color: output_color(global.color, output),
        lang: global.lang(),
        scope: &seeds,
    };
    emit(&printed, output)?;
    let failing = threshold(args.fail_on).is_some_and(|t| changes.introduces(t));
    exit(if failing { FINDINGS } else { CLEAN })
}

/// What `report`, `graph` and `ropa` draw from an analysed model.
enum Drawing {
    /// The accountability report, its memo's particulars, overview or full,
    /// and the directory to split it into (`--split`).
    Report(printer::ReportFormat, ansvar::memo::Memo, ansvar::report::outline::Mode, Option<std::path::PathBuf>),
    /// The chain as a graph.
    Graph(printer::GraphFormat),
    /// The Art. 30 records.
    Ropa(printer::RopaFormat),
}

/// Loads and analyses a model as of a date, draws it and writes it.
fn draw(
    global: &GlobalArgs,
    model: &Path,
    date: Option<jiff::civil::Date>,
    scope: &[String],
    output: Option<&Path>,
    drawing: Drawing,
) -> Result<u8, Failure> {
    let date = as_of(date);
    let progress = Progress::new(global.quiet);
    let (loaded, reference) = load_model(global, model, &progress)?;
    let seeds = scope_parties(&[&loaded.model], scope)?;
    let whole = ansvar::Analysis::new(&loaded.model, &reference, date);
    // In scope: the scoped model analysed for what is drawn, with the whole
    // model's findings in scope (crate::scope).
    let scoped = (!seeds.is_empty()).then(|| {
        let ansvar::scope::Scoped { model, findings, .. } =
            ansvar::scope::Scoped::new(&loaded.model, &seeds, &whole.findings);
        (model, findings)
    });
    let analysis = match &scoped {
        None => whole,
        Some((model, findings)) => {
            drop(whole);
            let mut analysis = ansvar::Analysis::new(model, &reference, date);
            analysis.findings = findings.clone();
            analysis
        }
    };
    progress.stage("writing");
    let name = scoped_name(model, &seeds);
    let input = ansvar::report::view::Input::new(&name, &analysis, &loaded.sources, &reference, global.lang())
        .with_memo(match &drawing {
            Drawing::Report(_, memo, ..) => Some(memo),
            _ => None,
        });
    if let Drawing::Report(format, _, _, Some(dir)) = &drawing {
        let markdown = *format == printer::ReportFormat::Md;
        return split(&input, dir, markdown, &progress);
    }
    let drawn: Box<dyn Printer> = match &drawing {
        Drawing::Report(format, _, mode, _) => Box::new(printer::Report::with_mode(&input, *format, *mode)),
        Drawing::Graph(format) => Box::new(printer::Chain::new(&input, *format)),
        Drawing::Ropa(format) => Box::new(printer::Ropa::new(&input, *format)),
    };
    progress.done();
    emit(drawn.as_ref(), output)?;
    exit(CLEAN)
}

/// `report --split DIR`: the overview as DIR's index and one page per party,
/// written into a temporary directory renamed to DIR when whole.
fn split(
    input: &ansvar::report::view::Input<'_>,
    dir: &Path,
    markdown: bool,
    progress: &Progress,
) -> Result<u8, Failure> {
    use ansvar::report::outline::{Size, Split};
    let split = Split::build(input, Size::of(input), if markdown { "md" } else { "html" });
    progress.done();
    let mut failure = None;
    let mut pages = 0;
    let written = ansvar::output::write_dir_atomic(dir, |root| match split.write_into(root, markdown) {
        Ok(n) => {
            pages = n;
            Ok(())
        }
        Err(PrintError::Io(error)) => Err(error),
        Err(other) => {
            let message = other.to_string();
            failure = Some(other);
            Err(std::io::Error::other(message))
        }
    });
    match (written, failure) {
        (Ok(()), _) => {
            if !QUIET.load(Ordering::Relaxed) {
                let args = [("path", dir.display().to_string()), ("pages", pages.to_string())];
                let _ = writeln!(std::io::stderr(), "{}", say("cli-wrote-split", &args));
            }
            exit(CLEAN)
        }
        (Err(_), Some(error)) => {
            let _ = writeln!(std::io::stderr(), "error: {error}");
            Err(Failure::Reported)
        }
        (Err(error), None) => {
            let _ = writeln!(std::io::stderr(), "error: {}", cannot_write(error));
            Err(Failure::Reported)
        }
    }
}

/// `ansvar completions SHELL`: the completion script of the whole command line.
struct Completions<'a>(&'a CompletionsArgs);

impl Printer for Completions<'_> {
    fn write(&self, out: &mut dyn Write) -> Result<(), PrintError> {
        clap_complete::generate(self.0.shell, &mut Cli::command(), "ansvar", out);
        Ok(())
    }
}

/// `ansvar man [COMMAND]`: the manual page of ansvar or of one command, in
/// roff, with the exit status as its own section.
struct Manual(clap::Command);

impl Manual {
    /// The page of `command` (`ansvar-COMMAND(1)`), or of ansvar itself.
    fn new(command: Option<&str>) -> Self {
        let mut cli = Cli::command().disable_help_subcommand(true);
        cli.build();
        match command {
            None => Self(cli),
            Some(name) => match cli.find_subcommand(name) {
                Some(sub) => Self(sub.clone().version(env!("CARGO_PKG_VERSION"))),
                None => {
                    let known: Vec<&str> = cli.get_subcommands().map(clap::Command::get_name).collect();
                    let near = ansvar::suggest::did_you_mean(name, known.iter().copied());
                    let hint = near.map(|near| format!("; did you mean `{near}`?")).unwrap_or_default();
                    usage_error("man", format!("there is no command `{name}`{hint}"))
                }
            },
        }
    }
}

impl Printer for Manual {
    fn write(&self, out: &mut dyn Write) -> Result<(), PrintError> {
        let man = clap_mangen::Man::new(self.0.clone());
        man.render_title(out)?;
        man.render_name_section(out)?;
        man.render_synopsis_section(out)?;
        man.render_description_section(out)?;
        man.render_options_section(out)?;
        if self.0.has_subcommands() {
            man.render_subcommands_section(out)?;
        }
        let body = cli::EXIT_STATUS.lines().skip(1).collect::<Vec<_>>().join("\n");
        let body = body.replace('\\', "\\e").replace('-', "\\-");
        writeln!(out, ".SH \"EXIT STATUS\"\n.nf\n{body}\n.fi")?;
        man.render_version_section(out)?;
        Ok(())
    }
}

/// mimalloc rather than the system allocator: a big model is millions of
/// small allocations made and freed on several threads, where glibc's malloc
/// spent a sixth of a national check (docs/performance.md). Its version 2
/// (the `v2` feature), which gives freed pages back after 10 ms rather than
/// version 3's second: the loader frees the raw values while the model is
/// built, and version 3 held them through validation (national's peak 21 %
/// higher at the same CPU time, docs/performance.md, session 12).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
