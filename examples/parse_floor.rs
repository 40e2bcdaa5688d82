//! Times the loader's single-threaded parse (`load::parse_only`) and the bare
//! YAML scan of a model directory, for profiling the loader:
//! `cargo run --profile profiling --example parse_floor -- DIR [ROUNDS]`.

use std::path::PathBuf;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: parse_floor DIR [ROUNDS] [scan|parse|both]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let what = args.next().unwrap_or_else(|| "both".to_owned());
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("cannot read {}", dir.display());
        std::process::exit(2);
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    for _ in 0..rounds {
        if what != "parse" {
            let started = Instant::now();
            let mut events = 0usize;
            for text in &texts {
                let options = granit_parser::options! { emit_comments: false };
                let mut parser = granit_parser::Parser::new_from_str_with_options(text, options);
                while let Some(event) = parser.next_event() {
                    events += usize::from(event.is_ok());
                }
            }
            std::hint::black_box(events);
            println!("scan  {:.3} s", started.elapsed().as_secs_f64());
        }
        if what != "scan" {
            let started = Instant::now();
            let failed = ansvar::load::parse_only(&texts);
            println!("parse {:.3} s ({failed} failed)", started.elapsed().as_secs_f64());
        }
    }
}
