//! The `ansvar` binary: parses arguments and wires the library's stages together.
//!
//! Exit codes: 0 when clean, 1 when findings at or above `--fail-on` remain,
//! 2 when the model is invalid or the command line is wrong. Nothing else in the
//! program decides an exit code.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use ansvar::diag::{self, Color};
use ansvar::load::{self, Loaded};
use ansvar::model::PartyId;
use ansvar::reference::Reference;
use ansvar::rules::Severity;
use ansvar::source::SourceMap;
use clap::Parser;

use cli::{
    CheckArgs, CheckFormat, Cli, ColorChoice, Command, DiffArgs, DiffFormat, ExplainArgs, FailOn, GlobalArgs,
    GraphArgs, GraphFormat, InitArgs, ReportArgs, ReportFormat, RolesArgs, RolesFormat, RopaArgs, RopaFormat,
};

/// Exit code for a clean run.
const CLEAN: u8 = 0;
/// Exit code when findings at or above `--fail-on` remain.
const FINDINGS: u8 = 1;
/// Exit code for an invalid model, bad usage or an I/O failure.
const INVALID: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = color(cli.global.color);
    let result = match &cli.command {
        Command::Check(args) => check(&cli.global, args, color),
        Command::Roles(args) => roles(&cli.global, args, color),
        Command::Diff(args) => diff(&cli.global, args, color),
        Command::Rules => print(&ansvar::catalogue::list()).map(|()| CLEAN),
        Command::Explain(args) => explain_rule(args),
        Command::Report(args) => report(&cli.global, args, color),
        Command::Graph(args) => graph(&cli.global, args, color),
        Command::Ropa(args) => ropa(&cli.global, args, color),
        Command::Init(args) => init(args),
        Command::Schema => print(&ansvar::init::schema_text()).map(|()| CLEAN),
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
            eprintln!("wrote {}\nnext: ansvar check {dir}", names.join(", "));
            Ok(CLEAN)
        }
        Err(error) => {
            eprintln!("error: {error}");
            Err(Failure::Reported)
        }
    }
}

/// How a command failed, once it has told the user why.
enum Failure {
    /// The problem has been printed to stderr.
    Reported,
    /// stdout was closed (`ansvar … | head`): not an error.
    BrokenPipe,
}

fn color(choice: ColorChoice) -> Color {
    let terminal = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    match choice {
        ColorChoice::Always => Color::Always,
        ColorChoice::Auto if terminal => Color::Always,
        _ => Color::Never,
    }
}

/// Prints diagnostics to stderr.
fn report_diagnostics(diagnostics: &[diag::Diagnostic], sources: &SourceMap, color: Color) {
    let rendered = diag::render(diagnostics, sources, color);
    let _ = std::io::stderr().write_all(rendered.as_bytes());
}

/// Writes to stdout, treating a closed pipe as a normal end.
fn print(text: &str) -> Result<(), Failure> {
    print_with(|stdout| stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()))
}

/// Runs a writer on stdout, treating a closed pipe as a normal end.
fn print_with(write: impl FnOnce(&mut std::io::StdoutLock<'static>) -> std::io::Result<()>) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match write(&mut stdout) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::BrokenPipe),
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "error: cannot write to stdout: {error}");
            Err(Failure::Reported)
        }
    }
}

fn reference(global: &GlobalArgs, color: Color) -> Result<Reference, Failure> {
    let Some(path) = &global.reference else {
        return Ok(Reference::builtin());
    };
    let mut sources = SourceMap::new();
    Reference::read(&mut sources, path).map_err(|diagnostics| {
        report_diagnostics(&diagnostics, &sources, color);
        Failure::Reported
    })
}

fn load_model(global: &GlobalArgs, model: &std::path::Path, color: Color) -> Result<(Loaded, Reference), Failure> {
    let reference = reference(global, color)?;
    let loaded = load_with(model, "", color, || load::load_path(model, &reference))?;
    Ok((loaded, reference))
}

/// Runs a loader and reports an invalid model; `side` names the side of a diff.
fn load_with(
    model: &std::path::Path,
    side: &str,
    color: Color,
    loader: impl FnOnce() -> Result<Loaded, load::Invalid>,
) -> Result<Loaded, Failure> {
    match loader() {
        Ok(loaded) => {
            report_diagnostics(&loaded.warnings, &loaded.sources, color);
            Ok(loaded)
        }
        Err(invalid) => {
            report_diagnostics(&invalid.diagnostics, &invalid.sources, color);
            let count = invalid.diagnostics.len();
            let _ = writeln!(
                std::io::stderr(),
                "error: {side}`{}` is not a valid model: {count} problem{}",
                model.display(),
                if count == 1 { "" } else { "s" }
            );
            Err(Failure::Reported)
        }
    }
}

/// The evaluation date: `--as-of`, or today in the system's time zone. A date
/// before the GDPR applied gets a warning: the rules apply today's law to it.
fn as_of(given: Option<jiff::civil::Date>) -> jiff::civil::Date {
    let date = given.unwrap_or_else(|| jiff::Zoned::now().date());
    if date < ansvar::law::GDPR_APPLIES_FROM {
        let _ = writeln!(
            std::io::stderr(),
            "warning: {date} is before {}, when the GDPR began to apply; the findings read that date under the GDPR, not under the law then in force (in Sweden, personuppgiftslagen)",
            ansvar::law::GDPR_APPLIES_FROM
        );
    }
    date
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

fn check(global: &GlobalArgs, args: &CheckArgs, color: Color) -> Result<u8, Failure> {
    let start = std::time::Instant::now();
    let (loaded, reference) = load_model(global, &args.model, color)?;
    let as_of = as_of(args.as_of);
    if args.obligations && !matches!(args.format, CheckFormat::Json) {
        return Err(json_only("check"));
    }
    let analysis = ansvar::Analysis::new(&loaded.model, &reference, as_of);
    let mut timings = loaded.timings.clone();
    timings.extend(&analysis.timings);
    let obligations =
        args.obligations.then(|| timings.time("obligations", || ansvar::report::json::ObligationsPart::new(&analysis)));
    // Only the findings are printed: free the graph and the roles first, which
    // lowers the peak memory of a big model.
    let findings = &timings.time("free", || {
        let ansvar::Analysis { findings, graph, roles, .. } = analysis;
        drop((graph, roles));
        findings
    });
    match args.format {
        CheckFormat::Json => {
            let document = timings.time("render", || {
                ansvar::report::json::CheckDocument::new(findings, as_of, &loaded.sources).with_obligations(obligations)
            });
            timings.time("write", || print_with(|out| ansvar::report::json::write_to(&document, out)))?;
        }
        CheckFormat::Sarif => {
            let log = ansvar::report::sarif::SarifLog::new(findings, &loaded.sources);
            print(&ansvar::report::json::to_string(&log))?;
        }
        CheckFormat::Text => {
            let text = timings.time("render", || {
                let diagnostics: Vec<_> =
                    findings.iter().map(|f| ansvar::render::to_diagnostic(f, ansvar::render::Lang::En)).collect();
                let mut text = diag::render(&diagnostics, &loaded.sources, stdout_color(color));
                text.push_str(&ansvar::summary::summary(&args.model.display().to_string(), &loaded.model));
                text.push_str(&ansvar::summary::findings_line(findings, as_of));
                text
            });
            timings.time("write", || print(&text))?;
        }
    }
    if args.timings {
        let _ = std::io::stderr().write_all(timings.render(start.elapsed()).as_bytes());
    }
    let failing = threshold(args.fail_on)
        .is_some_and(|threshold| findings.iter().any(|f| f.accepted.is_none() && f.severity >= threshold));
    left_to_exit(loaded);
    Ok(if failing { FINDINGS } else { CLEAN })
}

/// Colour for what goes to stdout: as for stderr, but only if stdout is a terminal too.
fn stdout_color(color: Color) -> Color {
    if color == Color::Always && std::io::stdout().is_terminal() { Color::Always } else { Color::Never }
}

fn explain_rule(args: &ExplainArgs) -> Result<u8, Failure> {
    match ansvar::catalogue::explain(&args.code) {
        Some(text) => print(&text).map(|()| CLEAN),
        None => Err(unknown_id("rule", &args.code, ansvar::rules::CATALOGUE.iter().map(|r| r.code))),
    }
}

/// Reports an id given on the command line that the model does not have.
fn unknown_id<'a>(what: &str, given: &str, known: impl IntoIterator<Item = &'a str>) -> Failure {
    let mut message = format!("error: the model has no {what} `{given}`");
    if let Some(suggestion) = ansvar::suggest::did_you_mean(given, known) {
        message.push_str(&format!("\n  help: did you mean `{suggestion}`?"));
    }
    let _ = writeln!(std::io::stderr(), "{message}");
    Failure::Reported
}

/// Resolves `--party`/`--activity` filters: every id when none is given.
fn select<'m, Id: std::borrow::Borrow<str> + Ord>(
    what: &str,
    given: &[String],
    ids: impl Iterator<Item = &'m Id> + Clone,
) -> Result<Vec<&'m Id>, Failure> {
    if given.is_empty() {
        return Ok(ids.collect());
    }
    let mut selected = Vec::new();
    for wanted in given {
        match ids.clone().find(|id| (*id).borrow() == wanted.as_str()) {
            Some(id) => selected.push(id),
            None => return Err(unknown_id(what, wanted, ids.clone().map(|id| id.borrow()))),
        }
    }
    selected.sort();
    selected.dedup();
    Ok(selected)
}

/// A usage error for `--obligations` outside `--format json`.
fn json_only(command: &str) -> Failure {
    let _ = writeln!(std::io::stderr(), "error: `ansvar {command} --obligations` needs `--format json`");
    Failure::Reported
}

fn roles(global: &GlobalArgs, args: &RolesArgs, color: Color) -> Result<u8, Failure> {
    if args.obligations && !matches!(args.format, RolesFormat::Json) {
        return Err(json_only("roles"));
    }
    let (loaded, reference) = load_model(global, &args.model, color)?;
    let model = &loaded.model;
    let graph = ansvar::graph::Graph::build(model);
    let derived = ansvar::roles::derive(&graph);
    if let Some([party, activity]) = args.explain.as_deref() {
        let party = select("party", std::slice::from_ref(party), model.parties.keys())?[0];
        let activity = select("activity", std::slice::from_ref(activity), model.activities.keys())?[0];
        let text = ansvar::roles::explain(&derived, party, activity, |span| loaded.sources.location(span).to_string());
        return print(&text).map(|()| CLEAN);
    }
    let parties = select("party", &args.party, model.parties.keys())?;
    let activities = select("activity", &args.activity, model.activities.keys())?;
    match args.format {
        RolesFormat::Json => {
            let keep = |party: Option<&PartyId>, activity: &ansvar::model::ActivityId| {
                party.is_none_or(|p| parties.contains(&p)) && activities.contains(&activity)
            };
            let analysis = args.obligations.then(|| ansvar::Analysis::new(model, &reference, as_of(args.as_of)));
            let obligations = analysis.as_ref().map(|analysis| {
                ansvar::report::json::ObligationsPart::new(analysis)
                    .filtered(|party, activity| keep(Some(party), activity))
            });
            let document =
                ansvar::report::json::RolesDocument::new(&derived, &loaded.sources, keep).with_obligations(obligations);
            print(&ansvar::report::json::to_string(&document))?;
        }
        RolesFormat::Text => {
            // Rows: only parties with a role in a shown activity, unless asked for by name.
            let rows: Vec<&PartyId> = if args.party.is_empty() {
                parties.iter().copied().filter(|p| activities.iter().any(|a| !derived.of(p, a).is_empty())).collect()
            } else {
                parties.clone()
            };
            let mut text = ansvar::report::text::role_matrix(&derived, &rows, &activities);
            let delegations = ansvar::report::text::delegations(&derived, &rows, &activities);
            if !delegations.is_empty() {
                text.push('\n');
                text.push_str(&delegations);
            }
            print(&text)?;
        }
    }
    Ok(CLEAN)
}

/// Loads one side of a diff: a directory, a path at `--git-*` REV, or `REV:path`.
fn load_side(
    reference: &Reference,
    spec: &str,
    revision: Option<&str>,
    side: &str,
    color: Color,
) -> Result<Loaded, Failure> {
    let as_path = std::path::Path::new(spec);
    let (revision, path) = match (revision, spec.split_once(':')) {
        (Some(rev), _) => (Some(rev.to_owned()), as_path.to_path_buf()),
        (None, Some((rev, path))) if !as_path.exists() && !rev.is_empty() => {
            (Some(rev.to_owned()), std::path::PathBuf::from(path))
        }
        _ => (None, as_path.to_path_buf()),
    };
    // Errors name the side as given, with its revision.
    let shown = match &revision {
        Some(rev) => std::path::PathBuf::from(format!("{rev}:{}", path.display())),
        None => path.clone(),
    };
    load_with(&shown, side, color, || match &revision {
        None => load::load_path(&path, reference),
        Some(rev) => match load::git::read_at_revision(rev, &path) {
            Ok(texts) => load::load_texts(texts, reference),
            Err(diagnostic) => Err(load::Invalid { sources: SourceMap::new(), diagnostics: vec![*diagnostic] }),
        },
    })
}

fn diff(global: &GlobalArgs, args: &DiffArgs, color: Color) -> Result<u8, Failure> {
    let reference = reference(global, color)?;
    // Both sides are loaded before either failure is reported, so that one run
    // shows every problem on both sides.
    let old = load_side(&reference, &args.old, args.git_old.as_deref(), "the old side: ", color);
    let new = load_side(&reference, &args.new, args.git_new.as_deref(), "the new side: ", color);
    let (old, new) = (old?, new?);
    let as_of = as_of(args.as_of);
    let old_side = ansvar::diff::Side { model: &old.model, sources: &old.sources };
    let new_side = ansvar::diff::Side { model: &new.model, sources: &new.sources };
    let changes = ansvar::diff::diff(&old_side, &new_side, &reference, as_of);
    let name = |spec: &str, rev: &Option<String>| match rev {
        Some(rev) => format!("{rev}:{spec}"),
        None => spec.to_owned(),
    };
    let (old_name, new_name) = (name(&args.old, &args.git_old), name(&args.new, &args.git_new));
    let text = match args.format {
        DiffFormat::Json => ansvar::report::json::to_string(&ansvar::report::json::DiffDocument::new(&changes, as_of)),
        DiffFormat::Md => {
            ansvar::report::diff::render(&changes, &old_name, &new_name, ansvar::report::diff::Flavour::Markdown)
        }
        DiffFormat::Text => ansvar::report::diff::render(
            &changes,
            &old_name,
            &new_name,
            ansvar::report::diff::Flavour::Text { color: stdout_color(color) == Color::Always },
        ),
    };
    print(&text)?;
    let failing = threshold(args.fail_on).is_some_and(|t| changes.introduces(t));
    Ok(if failing { FINDINGS } else { CLEAN })
}

/// Writes output to `-o FILE` atomically, or to stdout.
fn emit(text: &str, output: Option<&std::path::Path>) -> Result<(), Failure> {
    emit_with(output, |out| out.write_all(text.as_bytes()))
}

/// Streams what `write` writes to `-o FILE` atomically, or to stdout: a big
/// report is never held in memory whole.
fn emit_with(
    output: Option<&std::path::Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    match output {
        None => print_with(|stdout| write(stdout).and_then(|()| stdout.flush())),
        Some(path) => ansvar::output::write_atomic_with(path, write).map_err(|error| {
            let _ = writeln!(std::io::stderr(), "error: {error}");
            Failure::Reported
        }),
    }
}

/// Reports a rendering failure (a template defect, not a user error).
fn rendered(result: Result<String, ansvar::report::templates::RenderError>) -> Result<String, Failure> {
    result.map_err(|error| {
        let _ = writeln!(std::io::stderr(), "error: {error}");
        Failure::Reported
    })
}

/// Loads and analyses a model as of a date, then hands the report input to `run`.
fn with_report_input<T>(
    global: &GlobalArgs,
    model: &std::path::Path,
    as_of: jiff::civil::Date,
    color: Color,
    run: impl FnOnce(&ansvar::report::view::Input<'_>) -> Result<T, Failure>,
) -> Result<T, Failure> {
    let (loaded, reference) = load_model(global, model, color)?;
    let analysis = ansvar::Analysis::new(&loaded.model, &reference, as_of);
    let name = model.display().to_string();
    let result = run(&ansvar::report::view::Input {
        name: &name,
        model: &loaded.model,
        sources: &loaded.sources,
        analysis: &analysis,
        reference: &reference,
    });
    left_to_exit(analysis);
    left_to_exit(loaded);
    result
}

/// Leaves what a command built to the operating system, which takes a
/// process's memory back at once when it exits: freeing a national model's
/// millions of small allocations one by one takes a third of a second.
/// Only for values the command is done with, just before it returns.
fn left_to_exit<T>(value: T) {
    std::mem::forget(value);
}

fn report(global: &GlobalArgs, args: &ReportArgs, color: Color) -> Result<u8, Failure> {
    with_report_input(global, &args.model, as_of(args.as_of), color, |input| {
        let view = ansvar::report::view::View::build(input);
        let output = args.output.as_deref();
        let written = match args.format {
            ReportFormat::Html => emit(&rendered(ansvar::report::templates::html(&view))?, output),
            ReportFormat::Md => emit(&rendered(ansvar::report::templates::markdown(&view))?, output),
            // A national model's JSON report runs to gigabytes: streamed.
            ReportFormat::Json => {
                let document = ansvar::report::json::ReportDocument::new(&view, input.analysis, input.sources);
                let written = emit_with(output, |out| ansvar::report::json::write_report_to(&document, out));
                left_to_exit(document);
                written
            }
        };
        left_to_exit(view);
        written
    })
    .map(|()| CLEAN)
}

fn graph(global: &GlobalArgs, args: &GraphArgs, color: Color) -> Result<u8, Failure> {
    let text = with_report_input(global, &args.model, as_of(args.as_of), color, |input| {
        let diagram = ansvar::report::diagram::Diagram::build(input);
        Ok(match args.format {
            GraphFormat::Dot => ansvar::report::diagram::dot(&diagram),
            GraphFormat::Mermaid => ansvar::report::diagram::mermaid(&diagram),
            GraphFormat::Svg => ansvar::report::svg::render(&diagram) + "\n",
        })
    })?;
    emit(&text, args.output.as_deref()).map(|()| CLEAN)
}

fn ropa(global: &GlobalArgs, args: &RopaArgs, color: Color) -> Result<u8, Failure> {
    let as_of = as_of(args.as_of);
    let text = with_report_input(global, &args.model, as_of, color, |input| {
        let records = ansvar::report::ropa::build(input);
        Ok(match args.format {
            RopaFormat::Csv => ansvar::report::ropa::to_csv(&records),
            RopaFormat::Md => {
                rendered(ansvar::report::templates::ropa_markdown(input.name, &as_of.to_string(), &records))?
            }
            RopaFormat::Json => ansvar::report::json::to_string(&ansvar::report::json::RopaDocument {
                schema_version: ansvar::report::SCHEMA_VERSION,
                model: input.name,
                as_of: as_of.to_string(),
                records: &records,
            }),
        })
    })?;
    emit(&text, args.output.as_deref()).map(|()| CLEAN)
}

/// mimalloc rather than the system allocator: a big model is millions of
/// small allocations made and freed on several threads, where glibc's malloc
/// spent a sixth of a national check (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
