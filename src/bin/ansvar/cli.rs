//! The command-line interface: clap types only.

use std::path::PathBuf;

use ansvar::printer::{CheckFormat, ColorChoice, DiffFormat, GraphFormat, ReportFormat, RolesFormat, RopaFormat};
use ansvar::render::Lang;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Maps GDPR responsibility across chains of healthcare regions, care providers,
/// subcontractors and tech vendors.
///
/// A model is a directory of YAML files describing parties, data, systems,
/// processing activities and agreements. ansvar derives who is controller,
/// joint controller, processor or sub-processor of each activity, and flags
/// every accountability gap it can prove.
#[derive(Debug, Parser)]
#[command(name = "ansvar", version, about, long_about, max_term_width = 100, after_help = EXIT_STATUS)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Options every command takes.
    #[command(flatten)]
    pub global: GlobalArgs,
}

/// The exit codes, for `--help` and the man page; README.md has the same table.
pub const EXIT_STATUS: &str = "\
Exit status:
  0  success: the model is valid and no finding reaches --fail-on (for diff: the
     change introduces none); also when stdout is closed early (ansvar ... | head)
  1  findings at or above --fail-on (default high) that are not accepted; for
     diff, findings the change introduces
  2  the model is invalid (every problem is printed with file:line:column), the
     model path does not exist, the command line is wrong (an unknown option, a
     bad date, --format contradicting -o's extension), or output could not be
     written (nothing is written then)";

/// Options shared by every command.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Reference data (EU/EEA, adequacy decisions, legal regimes) to use instead of
    /// the built-in `models/reference.yaml`.
    #[arg(long, global = true, value_name = "FILE")]
    pub reference: Option<PathBuf>,
    /// When to colour output: `auto` colours a terminal unless NO_COLOR is set
    /// (CLICOLOR_FORCE colours pipes too); `always` colours pipes and files.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// The language of the output: `sv` (Swedish) or `en` (English) [default:
    /// the locale's, from LC_ALL, then LC_MESSAGES, then LANG (`sv*` is
    /// Swedish), else English]. JSON and SARIF keep their codes and fingerprints
    /// in every language; only their messages are translated.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// No progress on stderr and no "wrote FILE" line; `check` prints its
    /// summary line only.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

impl GlobalArgs {
    /// The language: `--lang`, else the environment's locale.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::detect)
    }
}

/// `--scope` in one line, for `-h`.
const SCOPE_HELP: &str = "Only PARTY's part of the model (repeatable); see --help";

/// `--scope` in full, for `--help` (docs/scope.md says the same).
const SCOPE_LONG_HELP: &str = "\
Only the part of the model the chains of PARTY touch (repeatable): the whole
model is still loaded and validated, then ansvar keeps PARTY; the activities
that name it (as performer, principal, decider, controller by law or informer),
whole, with every party they name, up and down the chain; the agreements PARTY
signs or that cover those activities; the systems their performers use or PARTY
operates, with their operators; their data, incidents and owners; and the
findings whose subjects or chain include PARTY. The exit code follows those
findings. An unknown PARTY is a usage error (exit 2). docs/scope.md has the
details.";

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a model and report every accountability gap the facts prove.
    ///
    /// Invalid models are reported in one run, each problem with its
    /// file:line:column, the offending YAML and a suggestion (exit 2). A valid
    /// model is checked against every rule (`ansvar rules`) as of a date; the
    /// exit code is 1 when a finding at or above --fail-on is not accepted.
    ///
    /// On a terminal, findings that run past a screenful are preceded by a
    /// summary (counts by severity, rule and party, and why the run exits as it
    /// does) and cut to the most severe, in at most 100 lines; --all prints them
    /// all, -q only the summary line. Pipes, files, JSON and SARIF get every
    /// finding (SARIF at most 25 000, the most severe; stderr says how many were
    /// dropped).
    ///
    /// Examples:
    ///   ansvar check models/1177 --as-of 2019-02-18
    ///   ansvar check national --scope region-uppsala -q
    ///   ansvar check models/1177 --fail-on critical
    ///   ansvar check models/1177 --format json
    ///   ansvar check models/1177 -o results.sarif
    #[command(verbatim_doc_comment, display_order = 1)]
    Check(CheckArgs),
    /// Show what a change to a model does: roles that shift, findings introduced
    /// and resolved, third-country processing, notification duties, and entities
    /// changed field by field.
    ///
    /// Each side is a model directory, or a model at a git revision
    /// (--git-old/--git-new REV, or REV:path). Exit 1 only when the change
    /// introduces a finding at or above --fail-on; existing findings are the
    /// baseline.
    ///
    /// Examples:
    ///   ansvar diff old/ new/
    ///   ansvar diff --git-old main models/1177 models/1177
    ///   ansvar diff HEAD~1:models/1177 models/1177 --format md
    #[command(verbatim_doc_comment, display_order = 6)]
    Diff(DiffArgs),
    /// List the rule catalogue: codes, severities and the provisions each rests on.
    ///
    /// Example: ansvar rules
    #[command(verbatim_doc_comment, display_order = 7)]
    Rules,
    /// Explain one rule: what it finds, why it matters in law, and what to do.
    ///
    /// Example: ansvar explain transfer-without-safeguard
    #[command(verbatim_doc_comment, display_order = 8)]
    Explain(ExplainArgs),
    /// Derive who is controller, joint controller, processor or sub-processor of
    /// each processing activity, from the facts in the model.
    ///
    /// Prints a party × activity matrix; --explain prints the reasoning for one
    /// party in one activity, with the facts and the articles it rests on.
    ///
    /// Examples:
    ///   ansvar roles models/1177
    ///   ansvar roles models/1177 --activity advice-medhelp
    ///   ansvar roles models/1177 --explain medicall advice-medhelp
    ///   ansvar roles models/1177 --format json
    #[command(verbatim_doc_comment, display_order = 2)]
    Roles(RolesArgs),
    /// Write the accountability report: roles, duty sheets, findings with their
    /// reasons, who notifies whom, the Art. 30 records and the chain as a diagram.
    ///
    /// HTML is one self-contained file (inline CSS and SVG, no scripts, prints
    /// to A4); Markdown draws the chain as a Mermaid block; JSON is the whole
    /// report, versioned. Written to stdout, or atomically to -o FILE: a failed
    /// run never leaves a half-written file or replaces the old one. Exit 2 on an
    /// invalid model, and nothing is written.
    ///
    /// Examples:
    ///   ansvar report models/1177 --as-of 2019-02-18 -o report.html
    ///   ansvar report models/1177 -o REPORT.md        (the extension picks Markdown)
    ///   ansvar report models/1177 --format json
    #[command(verbatim_doc_comment, display_order = 3)]
    Report(ReportArgs),
    /// Export the chain as a graph: parties and systems, who engages whom, who
    /// uses which system, coloured by jurisdiction.
    ///
    /// Examples:
    ///   ansvar graph models/1177 | dot -Tsvg > chain.svg
    ///   ansvar graph models/1177 --format mermaid
    #[command(verbatim_doc_comment, display_order = 5)]
    Graph(GraphArgs),
    /// Draw up the records of processing activities (Art. 30): one row per
    /// activity and controller (30(1)), one per processor and controller (30(2)).
    ///
    /// Examples:
    ///   ansvar ropa models/1177 -o records.csv
    ///   ansvar ropa models/1177 --format md
    #[command(verbatim_doc_comment, display_order = 4)]
    Ropa(RopaArgs),
    /// Write a small, commented starter model into DIR (default: the current
    /// directory), which must be new or empty: a region, a care provider, a
    /// vendor, one activity and one data-processing agreement, with the model's
    /// JSON Schema beside it for editor completion.
    ///
    /// Example: ansvar init my-model && ansvar check my-model
    #[command(verbatim_doc_comment, display_order = 9)]
    Init(InitArgs),
    /// Print the JSON Schema of a model file, for editors (yaml-language-server)
    /// and other tools.
    ///
    /// Example: ansvar schema > ansvar-model.schema.json
    #[command(verbatim_doc_comment, display_order = 10)]
    Schema,
    /// Print a shell completion script.
    ///
    /// Examples:
    ///   ansvar completions bash > ~/.local/share/bash-completion/completions/ansvar
    ///   ansvar completions zsh > ~/.zfunc/_ansvar
    ///   ansvar completions fish > ~/.config/fish/completions/ansvar.fish
    #[command(verbatim_doc_comment, display_order = 20)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff) of ansvar, or of one command.
    ///
    /// Examples:
    ///   ansvar man > ansvar.1 && man ./ansvar.1
    ///   ansvar man check > ansvar-check.1
    #[command(verbatim_doc_comment, display_order = 21)]
    Man(ManArgs),
}

/// Arguments of `ansvar init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The directory to create the model in; it must not exist or be empty.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

/// Arguments of `ansvar man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (`ansvar-COMMAND(1)`); ansvar's own page without it.
    pub command: Option<String>,
}

/// Arguments of `ansvar completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `ansvar report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The model: a directory of .yaml files, or one .yaml file.
    pub model: PathBuf,
    /// Evaluate as of this date (YYYY-MM-DD). Defaults to today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<jiff::civil::Date>,
    /// Output format [default: html, or what -o FILE's extension says].
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to FILE (atomically) instead of stdout. Its extension picks the
    /// format when --format is not given (.html, .md, .json); a --format that contradicts it
    /// is a usage error.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The date the report was produced, printed on it (YYYY-MM-DD). Defaults
    /// to SOURCE_DATE_EPOCH (seconds since 1970, as reproducible builds set
    /// it), else today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
    /// Who wrote the memo, printed on its front page and sign-off block.
    /// Without it the sign-off line is left blank, to fill in by hand.
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
    /// Who reviewed the memo, printed beside the author.
    #[arg(long, value_name = "NAME")]
    pub reviewer: Option<String>,
    /// Only PARTY's part of the model (repeatable).
    #[arg(long, value_name = "PARTY", help = SCOPE_HELP, long_help = SCOPE_LONG_HELP)]
    pub scope: Vec<String>,
    /// Write the overview (HTML, Markdown): figures, the most severe findings,
    /// one row per party with its roles and findings, the chain only when it
    /// is small. The default for a model of more than 300 parties with a role
    /// or a finding, or more than 1 000 findings (docs/report.md).
    #[arg(long, conflicts_with = "full")]
    pub overview: bool,
    /// Write the whole report (HTML, Markdown), however large the model.
    #[arg(long)]
    pub full: bool,
    /// Write the overview as DIR/index.html (or .md) and one page per party
    /// under DIR/parties/, linked both ways. DIR must not exist or be empty;
    /// it is written whole or not at all.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["output", "full", "overview"])]
    pub split: Option<PathBuf>,
}

/// Arguments of `ansvar graph`.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The model: a directory of .yaml files, or one .yaml file.
    pub model: PathBuf,
    /// Draw the chain as of this date (YYYY-MM-DD): activities running that day,
    /// jurisdictions and findings as they stood. Defaults to today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<jiff::civil::Date>,
    /// Output format [default: dot, or what -o FILE's extension says].
    #[arg(long, value_enum)]
    pub format: Option<GraphFormat>,
    /// Write to FILE (atomically) instead of stdout. Its extension picks the
    /// format when --format is not given (.dot, .mmd, .svg); a --format that contradicts it
    /// is a usage error.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only PARTY's part of the model (repeatable).
    #[arg(long, value_name = "PARTY", help = SCOPE_HELP, long_help = SCOPE_LONG_HELP)]
    pub scope: Vec<String>,
}

/// Arguments of `ansvar ropa`.
#[derive(Debug, Args)]
pub struct RopaArgs {
    /// The model: a directory of .yaml files, or one .yaml file.
    pub model: PathBuf,
    /// Draw up the records as of this date (YYYY-MM-DD). Defaults to today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<jiff::civil::Date>,
    /// Output format [default: csv, or what -o FILE's extension says].
    #[arg(long, value_enum)]
    pub format: Option<RopaFormat>,
    /// Write to FILE (atomically) instead of stdout. Its extension picks the
    /// format when --format is not given (.csv, .md, .json); a --format that contradicts it
    /// is a usage error.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only PARTY's part of the model (repeatable).
    #[arg(long, value_name = "PARTY", help = SCOPE_HELP, long_help = SCOPE_LONG_HELP)]
    pub scope: Vec<String>,
}

/// Arguments of `ansvar check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The model: a directory of .yaml files, or one .yaml file.
    pub model: PathBuf,
    /// Evaluate as of this date (YYYY-MM-DD): contracts, activities and adequacy
    /// decisions as they stood that day. Defaults to today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<jiff::civil::Date>,
    /// Exit with 1 when a finding at or above this severity is not accepted.
    #[arg(long, value_enum, default_value_t = FailOn::High)]
    pub fail_on: FailOn,
    /// Output format [default: text, or what -o FILE's extension says].
    #[arg(long, value_enum)]
    pub format: Option<CheckFormat>,
    /// Write to FILE (atomically) instead of stdout. Its extension picks the
    /// format when --format is not given (.txt, .json, .sarif); a --format that contradicts it
    /// is a usage error.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print to stderr how long each stage took (read: listing the model's files;
    /// parse: reading and parsing them; validate, graph, roles, rules, render) and
    /// the peak memory, for performance work.
    #[arg(long)]
    pub timings: bool,
    /// Add every party's obligations and the Art. 30 records to the JSON
    /// (`--format json` only; docs/architecture.md, "Obligations").
    #[arg(long)]
    pub obligations: bool,
    /// Only PARTY's part of the model (repeatable).
    #[arg(long, value_name = "PARTY", help = SCOPE_HELP, long_help = SCOPE_LONG_HELP)]
    pub scope: Vec<String>,
    /// On a terminal, print every finding even when they run past a screenful
    /// (by default, a summary comes first, then the most severe findings).
    #[arg(long)]
    pub all: bool,
}

/// Arguments of `ansvar explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule code, e.g. `transfer-without-safeguard`.
    pub code: String,
}

/// The lowest severity that fails a run.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FailOn {
    /// Fail on critical findings only.
    Critical,
    /// Fail on high or critical findings.
    High,
    /// Fail on medium findings or worse.
    Medium,
    /// Fail on low findings or worse.
    Low,
    /// Fail on any finding.
    Info,
    /// Never fail because of findings.
    Never,
}

/// Parses a calendar date for `--as-of`.
pub fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    let shaped = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    match text.parse() {
        Ok(date) if shaped => Ok(date),
        _ => Err(format!("`{text}` is not a date; write YYYY-MM-DD, e.g. 2019-02-18")),
    }
}

/// Arguments of `ansvar roles`.
#[derive(Debug, Args)]
pub struct RolesArgs {
    /// The model: a directory of .yaml files, or one .yaml file.
    pub model: PathBuf,
    /// Show only this party (repeatable).
    #[arg(long, value_name = "PARTY")]
    pub party: Vec<String>,
    /// Show only this activity (repeatable).
    #[arg(long, value_name = "ACTIVITY")]
    pub activity: Vec<String>,
    /// Show only the activities that run on this date (YYYY-MM-DD), and derive
    /// --obligations for it. Without it, every activity is shown (roles follow
    /// from the facts, not from the date) and obligations are as of today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<jiff::civil::Date>,
    /// Explain the role of PARTY in ACTIVITY, step by step.
    #[arg(long, num_args = 2, value_names = ["PARTY", "ACTIVITY"], conflicts_with = "format")]
    pub explain: Option<Vec<String>>,
    /// Output format [default: text, or what -o FILE's extension says].
    #[arg(long, value_enum)]
    pub format: Option<RolesFormat>,
    /// Write to FILE (atomically) instead of stdout. Its extension picks the
    /// format when --format is not given (.txt, .json); a --format that contradicts it
    /// is a usage error.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Add the shown parties' obligations and Art. 30 records to the JSON
    /// (`--format json` only), as of `--as-of` (default: today).
    #[arg(long)]
    pub obligations: bool,
    /// Only PARTY's part of the model (repeatable).
    #[arg(long, value_name = "PARTY", help = SCOPE_HELP, long_help = SCOPE_LONG_HELP)]
    pub scope: Vec<String>,
}

/// Arguments of `ansvar diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The model before the change (a directory, or REV:path).
    pub old: String,
    /// The model after the change (a directory, or REV:path).
    pub new: String,
    /// Read OLD from this git revision.
    #[arg(long, value_name = "REV")]
    pub git_old: Option<String>,
    /// Read NEW from this git revision.
    #[arg(long, value_name = "REV")]
    pub git_new: Option<String>,
    /// Evaluate both sides as of this date (YYYY-MM-DD). Defaults to today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<jiff::civil::Date>,
    /// Exit with 1 when the change introduces a finding at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::High)]
    pub fail_on: FailOn,
    /// Output format [default: text, or what -o FILE's extension says].
    #[arg(long, value_enum)]
    pub format: Option<DiffFormat>,
    /// Write to FILE (atomically) instead of stdout. Its extension picks the
    /// format when --format is not given (.txt, .md, .json); a --format that contradicts it
    /// is a usage error.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only PARTY's part of the model (repeatable).
    #[arg(long, value_name = "PARTY", help = SCOPE_HELP, long_help = SCOPE_LONG_HELP)]
    pub scope: Vec<String>,
}
