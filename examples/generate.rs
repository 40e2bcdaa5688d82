//! Writes a synthetic model for benchmarks and scale tests.
//!
//! ```text
//! cargo run --release --example generate -- SIZE DIR [SEED]
//! ```
//!
//! SIZE is `small` (~100 parties), `regional` (~2 000), `national` (~30 000
//! parties, ~100 000 activities, ~150 000 agreements in ~500 files) or `10x`.
//! DIR is created if needed and must not already hold `.yaml` files. The same
//! SIZE and SEED (default 1) always give the same bytes. Check the result with
//! `ansvar check DIR --as-of 2025-06-01`.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(size), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: generate SIZE DIR [SEED]   (SIZE: small, regional, national, 10x)");
        return ExitCode::from(2);
    };
    let Some(size) = synth::size(size) else {
        eprintln!("error: unknown size `{size}`; expected small, regional, national or 10x");
        return ExitCode::from(2);
    };
    let seed = match args.get(2).map(|s| s.parse::<u64>()) {
        None => 1,
        Some(Ok(seed)) => seed,
        Some(Err(error)) => {
            eprintln!("error: bad seed: {error}");
            return ExitCode::from(2);
        }
    };
    let dir = PathBuf::from(dir);
    if let Err(error) = std::fs::create_dir_all(&dir) {
        eprintln!("error: cannot create `{}`: {error}", dir.display());
        return ExitCode::from(2);
    }
    let has_yaml = std::fs::read_dir(&dir)
        .map(|entries| entries.flatten().any(|e| e.path().extension().is_some_and(|x| x == "yaml")))
        .unwrap_or(false);
    if has_yaml {
        eprintln!("error: `{}` already holds .yaml files; use an empty directory", dir.display());
        return ExitCode::from(2);
    }
    match synth::generate(&size, seed, &dir) {
        Ok(summary) => {
            println!(
                "{}: {} files, {:.1} MB, {} parties, {} activities, {} agreements, {} systems, {} incidents (check with --as-of {})",
                size.name,
                summary.files,
                summary.bytes as f64 / 1e6,
                summary.parties,
                summary.activities,
                summary.agreements,
                summary.systems,
                summary.incidents,
                synth::AS_OF
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: cannot write the model: {error}");
            ExitCode::FAILURE
        }
    }
}
