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
use ansvar::reference::Reference;
use ansvar::source::SourceMap;
use clap::Parser;

use cli::{CheckArgs, Cli, ColorChoice, Command, GlobalArgs};

/// Exit code for a clean run.
const CLEAN: u8 = 0;
/// Exit code for an invalid model, bad usage or an I/O failure.
const INVALID: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = color(cli.global.color);
    let result = match &cli.command {
        Command::Check(args) => check(&cli.global, args, color),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Failure::BrokenPipe) => ExitCode::from(CLEAN),
        Err(Failure::Reported) => ExitCode::from(INVALID),
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
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
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
    let text = std::fs::read_to_string(path).map_err(|error| {
        let _ = writeln!(std::io::stderr(), "error: cannot read reference data `{}`: {error}", path.display());
        Failure::Reported
    })?;
    Reference::load(&mut sources, path, &text).map_err(|diagnostics| {
        report_diagnostics(&diagnostics, &sources, color);
        Failure::Reported
    })
}

fn load_model(global: &GlobalArgs, model: &std::path::Path, color: Color) -> Result<(Loaded, Reference), Failure> {
    let reference = reference(global, color)?;
    match load::load_path(model, &reference) {
        Ok(loaded) => {
            report_diagnostics(&loaded.warnings, &loaded.sources, color);
            Ok((loaded, reference))
        }
        Err(invalid) => {
            report_diagnostics(&invalid.diagnostics, &invalid.sources, color);
            let count = invalid.diagnostics.len();
            let _ = writeln!(
                std::io::stderr(),
                "error: `{}` is not a valid model: {count} problem{}",
                model.display(),
                if count == 1 { "" } else { "s" }
            );
            Err(Failure::Reported)
        }
    }
}

fn check(global: &GlobalArgs, args: &CheckArgs, color: Color) -> Result<u8, Failure> {
    let (loaded, _reference) = load_model(global, &args.model, color)?;
    print(&ansvar::summary::summary(&args.model.display().to_string(), &loaded.model))?;
    Ok(CLEAN)
}
