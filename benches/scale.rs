//! The scale benchmark: `cargo bench --bench scale [-- SIZE... [--runs N]]`.
//!
//! For each size (default: small, regional, national, 10x) it generates a
//! synthetic model (`benches/support/synth.rs`) into a temporary directory once,
//! then measures, as the median of N runs (default 3):
//!
//! - the floor: parsing the same files into the loader's raw types on one thread
//!   (`ansvar::load::parse_only`), in this process, texts already in memory;
//! - the scan floor: reading the same files and pulling every YAML event from
//!   them with the loader's parser (`granit_parser`) on one thread, building
//!   nothing; `check` is held to 1.5× it on national (issue 19), in a table of
//!   its own with the peak memory against the YAML;
//! - `ansvar check --format json` end to end, as a child process of the release
//!   binary: wall time, peak resident memory (from `/usr/bin/time` when present,
//!   else the binary's own `--timings` report), CPU time (user + system, from
//!   `/usr/bin/time`; issue 19 holds 10x to 11× national's) and the split
//!   between stages from `--timings`;
//! - `ansvar report --format json` the same way, output discarded: wall time
//!   and peak memory. The report is linear in the model (its matrix is sparse,
//!   see docs/report.md), so it is measured by default on every size up to
//!   national; on 10x its document runs to some 20 GB and the process outgrows a
//!   24 GB machine, so there only with `--report`. `--no-report` skips it.
//!
//! - `ansvar diff --format json` of the model against a copy with five
//!   agreements changed (issue 19), the same way: wall time and peak memory,
//!   beside `check`'s. Measured on every size up to national; `--no-diff`
//!   skips it.
//!
//! - the targets for people (issue 15; `--no-people` skips them): `check` on
//!   a simulated terminal of 50 rows (`ANSVAR_TERMINAL_ROWS`) prints at most
//!   100 lines with its summary in the first 20, and `report --scope r-001`
//!   (the first region's chain, HTML) is at most 2 MB and takes at most 1.2×
//!   the time of `check`; `report --overview` (HTML) is at most 10 MB, takes
//!   at most 1.5× `check`'s time and 1.2× its peak memory; `report --split
//!   DIR` (every party's page) takes at most 2× `check`'s time and 1.5× its
//!   peak memory. Each split's wall, user and system seconds are printed to
//!   stderr (`split runs:`): the system time is the kernel making the files,
//!   which on some disks moves the wall time more than `ansvar`'s own work.
//!
//! It prints Markdown tables: `docs/performance.md` explains them. Runs on a
//! loaded machine are noisy; compare medians, and rerun before you conclude.
//!
//! To compare builds: `--bin PATH` (repeatable) measures those binaries instead
//! of this build's, taking turns run by run (A, B, A, B, …) so that a change in
//! the machine's load hits both alike, one row per binary. `--model DIR`
//! measures an existing model directory instead of generating one (for a model
//! an older binary can read, written by that version's generator); its rows
//! are labelled with the directory's name.

#[path = "support/synth.rs"]
mod synth;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ANSVAR: &str = env!("CARGO_BIN_EXE_ansvar");

/// The same allocator as the `ansvar` binary, so that the parse floor is not
/// slowed by an allocator the binary does not use.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
const TIME: &str = "/usr/bin/time";

/// One end-to-end run of the binary.
struct Run {
    wall: Duration,
    peak_bytes: Option<u64>,
    /// User plus system CPU time, from `/usr/bin/time` (issue 19's 10x target
    /// is in CPU time, which the machine's load distorts less than wall time).
    cpu: Option<Duration>,
    stages: BTreeMap<String, f64>,
}

fn main() {
    let mut sizes = Vec::new();
    let mut runs = 3;
    let mut report_on_10x = false;
    let mut no_report = false;
    let mut no_people = false;
    let mut no_diff = false;
    let mut bins: Vec<String> = Vec::new();
    let mut model: Option<std::path::PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--report" => report_on_10x = true,
            "--no-report" => no_report = true,
            "--no-people" => no_people = true,
            "--no-diff" => no_diff = true,
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(runs),
            "--bin" => bins.extend(args.next()),
            "--model" => model = args.next().map(Into::into),
            // `cargo bench` passes `--bench` to every bench target.
            "--bench" => {}
            name => match synth::size(name) {
                Some(size) => sizes.push(size),
                None => eprintln!("ignoring unknown size `{name}` (small, regional, national, 10x)"),
            },
        }
    }
    if sizes.is_empty() {
        sizes = synth::SIZES.to_vec();
    }
    if bins.is_empty() {
        bins.push(ANSVAR.to_owned());
    }
    let runs = runs.max(1);
    let has_time = Path::new(TIME).exists();
    let has_report = !no_report
        && Command::new(&bins[0])
            .args(["report", "--help"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
    eprintln!(
        "ansvar scale benchmark: {runs} run(s) per measurement; peak memory from {}; report command: {}",
        if has_time { "/usr/bin/time" } else { "the binary's --timings" },
        if has_report { "measured (on 10x only with --report)" } else { "not measured" }
    );

    let mut rows = Vec::new();
    let mut scans: Vec<(String, Duration)> = Vec::new();
    let mut people_rows = Vec::new();
    // (label, directory, summary): generated models, or the one given.
    let mut models: Vec<(String, std::path::PathBuf, synth::Summary, Option<tempfile::TempDir>)> = Vec::new();
    match &model {
        Some(dir) => {
            let label = dir.file_name().map_or_else(|| "model".to_owned(), |n| n.to_string_lossy().into_owned());
            models.push((label, dir.clone(), summarise(dir), None));
        }
        None => {
            for size in &sizes {
                let dir = tempfile::tempdir().expect("a temporary directory");
                let started = Instant::now();
                let summary = synth::generate(size, 1, dir.path()).expect("the generator writes the model");
                eprintln!("{}: generated in {:.1} s", size.name, started.elapsed().as_secs_f64());
                models.push((size.name.to_owned(), dir.path().to_path_buf(), summary, Some(dir)));
            }
        }
    }
    for (label, dir, summary, _keep) in &models {
        eprintln!("{label}: {} files, {:.1} MB", summary.files, summary.bytes as f64 / 1e6);
        let floor = median_duration((0..runs).filter_map(|_| parse_floor(dir)).collect());
        eprintln!("  parse floor {:.2} s", floor.as_secs_f64());
        let scan = median_duration((0..runs).map(|_| scan_floor(dir)).collect());
        eprintln!("  scan floor {:.2} s", scan.as_secs_f64());
        scans.push((label.clone(), scan));
        // Runs alternate between the binaries: check A, check B, …, then the reports.
        let mut check: Vec<Vec<Run>> = bins.iter().map(|_| Vec::new()).collect();
        let mut report: Vec<Vec<Run>> = bins.iter().map(|_| Vec::new()).collect();
        let measure_report = has_report && (label != "10x" || report_on_10x);
        let mut diff: Vec<Vec<Run>> = bins.iter().map(|_| Vec::new()).collect();
        let changed = if no_diff || label == "10x" { None } else { changed_copy(dir) };
        for _ in 0..runs {
            for (b, bin) in bins.iter().enumerate() {
                check[b].push(run(bin, &[dir], "check", has_time));
            }
            if measure_report {
                for (b, bin) in bins.iter().enumerate() {
                    report[b].push(run(bin, &[dir], "report", has_time));
                }
            }
            if let Some(changed) = &changed {
                for (b, bin) in bins.iter().enumerate() {
                    diff[b].push(run(bin, &[dir, changed.path()], "diff", has_time));
                }
            }
        }
        for (b, bin) in bins.iter().enumerate() {
            let name = if bins.len() > 1 { format!("{label} `{bin}`") } else { label.clone() };
            let reports = measure_report.then_some(report[b].as_slice());
            let diffs = changed.is_some().then_some(diff[b].as_slice());
            let row = Row::new(name, *summary, floor, &check[b], reports, diffs);
            let cpu = row.check_cpu.map_or(String::new(), |cpu| format!(", {:.2} s CPU", cpu.as_secs_f64()));
            eprintln!("  {bin}: check {:.2} s{cpu}, {:.0} MB", row.check.as_secs_f64(), row.peak_mb);
            if let Some((wall, peak)) = row.report {
                eprintln!("  {bin}: report {:.2} s, {:.0} MB", wall.as_secs_f64(), peak);
            }
            if let Some((wall, peak)) = row.diff {
                eprintln!("  {bin}: diff {:.2} s, {:.0} MB", wall.as_secs_f64(), peak);
            }
            for (what, runs) in [("check", &check[b]), ("report", &report[b]), ("diff", &diff[b])] {
                let walls: Vec<String> = runs.iter().map(|r| format!("{:.2}", r.wall.as_secs_f64())).collect();
                if !walls.is_empty() {
                    eprintln!("    {what} runs: {} s", walls.join(", "));
                }
            }
            rows.push(row);
        }
        // The targets for people are this build's: with `--bin`, they are skipped.
        if !no_people && bins == [ANSVAR] {
            let check = rows.last().map_or(Duration::ZERO, |row: &Row| row.check);
            let check_peak = rows.last().map_or(f64::NAN, |row: &Row| row.peak_mb);
            let measured = people(dir, runs, check, check_peak, has_time);
            eprintln!(
                "  check on a terminal: {} lines, summary at line {}; report --scope {REGION}: {:.2} MB in {:.2} s",
                measured.lines,
                measured.summary_at.map_or("none".to_owned(), |n| n.to_string()),
                measured.scoped_bytes as f64 / 1e6,
                measured.scoped.as_secs_f64()
            );
            eprintln!(
                "  overview: {:.2} MB in {:.2} s, {:.0} MB peak; split: {} pages, {:.1} MB in {:.2} s, {:.0} MB peak",
                measured.overview_bytes as f64 / 1e6,
                measured.overview.as_secs_f64(),
                measured.overview_peak,
                measured.split_pages,
                measured.split_bytes as f64 / 1e6,
                measured.split.as_secs_f64(),
                measured.split_peak
            );
            let runs: Vec<String> = measured
                .split_runs
                .iter()
                .map(|(wall, cpu)| match cpu {
                    Some((user, system)) => format!("{:.2} s ({user:.2} user, {system:.2} system)", wall.as_secs_f64()),
                    None => format!("{:.2} s", wall.as_secs_f64()),
                })
                .collect();
            eprintln!("    split runs: {}", runs.join(", "));
            people_rows.push((label.clone(), measured));
        }
    }
    println!("{}", table(&rows));
    println!("\n{}", scan_table(&rows, &scans));
    if rows.iter().any(|row| row.diff.is_some()) {
        println!("\n{}", diff_table(&rows));
    }
    if !people_rows.is_empty() {
        println!("\n{}", people_table(&people_rows));
    }
}

/// The region whose chain `report --scope` draws: the generator's first.
const REGION: &str = "r-001";

/// What a person meets on a big model (issue 15), against its targets.
struct People {
    /// Lines `check` prints on a terminal of 50 rows.
    lines: usize,
    /// The line the summary starts on (1-based), if any.
    summary_at: Option<usize>,
    /// Size of `report --scope REGION` (HTML).
    scoped_bytes: u64,
    /// Its median wall time.
    scoped: Duration,
    /// `check`'s median wall time, measured beside it.
    check: Duration,
    /// `check`'s median peak memory, MB.
    check_peak: f64,
    /// `report --overview` (HTML): size, median wall time, median peak MB.
    overview_bytes: u64,
    /// Its median wall time.
    overview: Duration,
    /// Its median peak memory, MB.
    overview_peak: f64,
    /// `report --split DIR` (HTML): median wall time and peak MB, and its pages.
    split: Duration,
    /// Its median peak memory, MB.
    split_peak: f64,
    /// The pages it wrote, and their bytes with the index.
    split_pages: usize,
    /// All its files' bytes.
    split_bytes: u64,
    /// Each run of the split: wall time, and user and system CPU seconds
    /// where `/usr/bin/time` gives them.
    split_runs: Vec<(Duration, Option<(f64, f64)>)>,
}

/// Runs `ansvar ARGS` under `/usr/bin/time` when present: wall time, peak MB
/// (NaN without it) and what it wrote to stdout.
fn measured(args: &[String], has_time: bool) -> (Duration, f64, Vec<u8>) {
    let (wall, peak, _, stdout) = measured_with_cpu(args, has_time);
    (wall, peak, stdout)
}

/// [`measured`], with the user and system CPU seconds `/usr/bin/time` gives
/// (`None` without it): a split's system time is the kernel making its files.
fn measured_with_cpu(args: &[String], has_time: bool) -> (Duration, f64, Option<(f64, f64)>, Vec<u8>) {
    let mut process = if has_time {
        let mut process = Command::new(TIME);
        process.args(["-f", "time-peak-kb %M\ntime-cpu-s %U %S", ANSVAR]).args(args);
        process
    } else {
        let mut process = Command::new(ANSVAR);
        process.args(args);
        process
    };
    let started = Instant::now();
    let output = process.stderr(Stdio::piped()).output().expect("the ansvar binary runs");
    let wall = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "`ansvar {}` failed: {stderr}", args.join(" "));
    let peak = stderr
        .lines()
        .find_map(|l| l.strip_prefix("time-peak-kb "))
        .and_then(|kb| kb.trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb * 1024.0 / 1e6);
    let cpu = stderr.lines().find_map(|l| l.strip_prefix("time-cpu-s ")).and_then(|times| {
        let (user, system) = times.trim().split_once(' ')?;
        Some((user.parse().ok()?, system.parse().ok()?))
    });
    (wall, peak, cpu, output.stdout)
}

/// Measures `check` on a simulated terminal, `report --scope REGION`, the
/// overview and the split.
fn people(dir: &Path, runs: usize, check: Duration, check_peak: f64, has_time: bool) -> People {
    let model = dir.display().to_string();
    let output = Command::new(ANSVAR)
        .args(["check", &model, "--as-of", synth::AS_OF, "--fail-on", "never", "--color", "never"])
        .env("ANSVAR_TERMINAL_ROWS", "50")
        .stderr(Stdio::null())
        .output()
        .expect("the ansvar binary runs");
    let text = String::from_utf8_lossy(&output.stdout);
    let lines = text.lines().count();
    let summary_at = text.lines().position(|l| l.starts_with("model `")).map(|i| i + 1);
    let report = |extra: &[&str]| -> Vec<String> {
        let mut args: Vec<String> = ["report", &model, "--as-of", synth::AS_OF].iter().map(|s| s.to_string()).collect();
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    let (mut scoped, mut overview, mut overview_peak, mut split, mut split_peak) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut scoped_bytes, mut overview_bytes, mut split_pages, mut split_bytes) = (0, 0, 0, 0);
    // Every run's split is kept until all have run: removing tens of thousands
    // of pages just before the next run makes ext4 look past the recently
    // deleted inodes on every file that run creates (measured on national:
    // 11.7 s for a split after no deletion, a median of 22.9 s after them),
    // which times the benchmark's own cleaning up, not the split.
    let mut sites = Vec::new();
    let mut split_runs = Vec::new();
    for _ in 0..runs {
        let (wall, _, out) = measured(&report(&["--scope", REGION, "--format", "html"]), has_time);
        scoped.push(wall);
        scoped_bytes = out.len() as u64;
        let (wall, peak, out) = measured(&report(&["--overview", "--format", "html"]), has_time);
        overview.push(wall);
        overview_peak.push(peak);
        overview_bytes = out.len() as u64;
        let target = tempfile::tempdir().expect("a temporary directory");
        let site = target.path().join("site");
        let (wall, peak, cpu, _) =
            measured_with_cpu(&report(&["--split", &site.display().to_string(), "--quiet"]), has_time);
        split_runs.push((wall, cpu));
        split.push(wall);
        split_peak.push(peak);
        split_pages = std::fs::read_dir(site.join("parties")).map_or(0, |d| d.count());
        split_bytes = walk_bytes(&site);
        sites.push(target);
    }
    drop(sites);
    People {
        lines,
        summary_at,
        scoped_bytes,
        scoped: median_duration(scoped),
        check,
        check_peak,
        overview_bytes,
        overview: median_duration(overview),
        overview_peak: median(overview_peak),
        split: median_duration(split),
        split_peak: median(split_peak),
        split_pages,
        split_bytes,
        split_runs,
    }
}

/// The bytes of every file under `dir`.
fn walk_bytes(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => walk_bytes(&e.path()),
            _ => e.metadata().map_or(0, |m| m.len()),
        })
        .sum()
}

/// The targets for people as a table, each with whether it is met.
fn people_table(rows: &[(String, People)]) -> String {
    let met = |ok: bool| if ok { "yes" } else { "**no**" };
    let mut out = String::from(
        "| size | check lines on a terminal (≤ 100) | summary at line (≤ 20) | met | report --scope MB (≤ 2) | report --scope s | check s | scoped / check (≤ 1.2) | met |\n|---|---:|---:|---|---:|---:|---:|---:|---|\n",
    );
    for (size, p) in rows {
        let ratio = p.scoped.as_secs_f64() / p.check.as_secs_f64();
        let mb = p.scoped_bytes as f64 / 1e6;
        out.push_str(&format!(
            "| {size} | {} | {} | {} | {mb:.2} | {:.2} | {:.2} | {ratio:.2} | {} |\n",
            p.lines,
            p.summary_at.map_or("none".to_owned(), |n| n.to_string()),
            met(p.lines <= 100 && p.summary_at.is_some_and(|n| n <= 20)),
            p.scoped.as_secs_f64(),
            p.check.as_secs_f64(),
            met(mb <= 2.0 && ratio <= 1.2),
        ));
    }
    out.push_str(
        "\n| size | check s | check peak MB | overview MB (≤ 10) | overview s | / check (≤ 1.5) | overview peak MB | / check (≤ 1.2) | met | split pages | split MB | split s | / check (≤ 2) | split peak MB | / check (≤ 1.5) | met |\n|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|\n",
    );
    for (size, p) in rows {
        let check = p.check.as_secs_f64();
        let (overview, split) = (p.overview.as_secs_f64() / check, p.split.as_secs_f64() / check);
        let (overview_peak, split_peak) = (p.overview_peak / p.check_peak, p.split_peak / p.check_peak);
        let mb = p.overview_bytes as f64 / 1e6;
        out.push_str(&format!(
            "| {size} | {check:.2} | {:.0} | {mb:.2} | {:.2} | {overview:.2} | {:.0} | {overview_peak:.2} | {} | {} | {:.1} | {:.2} | {split:.2} | {:.0} | {split_peak:.2} | {} |\n",
            p.check_peak,
            p.overview.as_secs_f64(),
            p.overview_peak,
            met(mb <= 10.0 && overview <= 1.5 && overview_peak <= 1.2),
            p.split_pages,
            p.split_bytes as f64 / 1e6,
            p.split.as_secs_f64(),
            p.split_peak,
            met(split <= 2.0 && split_peak <= 1.5),
        ));
    }
    out
}

/// An entity count for the tables: `n/a` where the model was given with
/// `--model` (files but no counts), the generator's count otherwise.
fn count_or_na(count: usize, files: usize) -> String {
    if count == 0 && files > 0 { "n/a".to_owned() } else { count.to_string() }
}

/// Files and bytes of a model directory given with `--model` (the entity
/// counts are the generator's to know, and left at 0: the tables say n/a).
fn summarise(dir: &Path) -> synth::Summary {
    let mut summary = synth::Summary::default();
    for entry in std::fs::read_dir(dir).expect("the model directory").flatten() {
        summary.files += 1;
        summary.bytes += entry.metadata().map_or(0, |m| m.len());
    }
    summary
}

/// Reads the model's files and times their single-threaded parse; `None` when
/// this build cannot parse them (a model of another version, `--model`).
fn parse_floor(dir: &Path) -> Option<Duration> {
    let mut texts = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("the model directory").flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        texts.push(std::fs::read_to_string(path).expect("a model file"));
    }
    let started = Instant::now();
    let failed = ansvar::load::parse_only(&texts);
    let elapsed = started.elapsed();
    if failed > 0 {
        eprintln!("  {failed} file(s) do not parse with this build: no parse floor");
        return None;
    }
    Some(elapsed)
}

/// Reads the model's files and pulls every YAML event from them with the
/// parser the loader uses (`granit_parser`), on one thread, building nothing:
/// the scan floor (issue 19). Reading is inside the time, as it is in `check`.
fn scan_floor(dir: &Path) -> Duration {
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("the model directory").flatten().map(|e| e.path()).collect();
    paths.sort();
    let started = Instant::now();
    let mut events = 0usize;
    for path in paths {
        let text = std::fs::read_to_string(path).expect("a model file");
        let options = granit_parser::options! { emit_comments: false };
        let mut parser = granit_parser::Parser::new_from_str_with_options(&text, options);
        while let Some(event) = parser.next_event() {
            assert!(event.is_ok(), "the synthetic model scans");
            events += 1;
        }
    }
    let elapsed = started.elapsed();
    std::hint::black_box(events);
    elapsed
}

/// `check` against the scan floor (issue 19: at most 1.5× on national) and
/// its peak memory against the YAML (at most 3×), one line per size.
fn scan_table(rows: &[Row], scans: &[(String, Duration)]) -> String {
    let mut out = String::from(
        "| size | YAML MB | scan floor s | parse floor s | check s | check / scan floor (≤ 1.5) | peak MB | peak / YAML (≤ 3) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for row in rows {
        // With `--bin`, a row is labelled `SIZE `BIN``: its size's scan.
        let Some((_, scan)) =
            scans.iter().find(|(label, _)| row.size == *label || row.size.starts_with(&format!("{label} `")))
        else {
            continue;
        };
        let yaml_mb = row.summary.bytes as f64 / 1e6;
        out.push_str(&format!(
            "| {} | {yaml_mb:.1} | {:.2} | {} | {:.2} | {} | {:.0} | {:.1} |\n",
            row.size,
            scan.as_secs_f64(),
            if row.floor.is_zero() { "n/a".to_owned() } else { format!("{:.2}", row.floor.as_secs_f64()) },
            row.check.as_secs_f64(),
            ratio_or_na(row.check.as_secs_f64(), scan.as_secs_f64()),
            row.peak_mb,
            row.peak_mb / yaml_mb,
        ));
    }
    out
}

/// The agreements `changed_copy` changes.
const CHANGED_AGREEMENTS: usize = 5;

/// A copy of the model directory `dir` with the names of its first five care
/// agreements (files in name order) changed, for `diff`; `None` (with a note)
/// when the model has fewer.
fn changed_copy(dir: &Path) -> Option<tempfile::TempDir> {
    const NAME: &str = "    name: Care agreement, ";
    let copy = tempfile::tempdir().expect("a temporary directory");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("the model directory").flatten().map(|e| e.path()).collect();
    paths.sort();
    let mut changed = 0;
    for path in paths.iter().filter(|p| p.is_file()) {
        let mut text = std::fs::read_to_string(path).expect("a model file");
        while changed < CHANGED_AGREEMENTS {
            let Some(at) = text.find(NAME) else { break };
            text.replace_range(at..at + NAME.len(), "    name: Amended care agreement, ");
            changed += 1;
        }
        let name = path.file_name().expect("a file name");
        std::fs::write(copy.path().join(name), text).expect("the copy is written");
    }
    if changed < CHANGED_AGREEMENTS {
        eprintln!("  diff not measured: the model has {changed} care agreement(s), not {CHANGED_AGREEMENTS}");
        return None;
    }
    Some(copy)
}

/// Runs `BIN COMMAND DIR... --format json` once, output discarded.
fn run(bin: &str, dirs: &[&Path], command: &str, has_time: bool) -> Run {
    let mut args: Vec<String> = vec![command.to_owned()];
    args.extend(dirs.iter().map(|dir| dir.display().to_string()));
    args.extend(["--as-of".to_owned(), synth::AS_OF.to_owned(), "--format".to_owned(), "json".to_owned()]);
    if command == "check" {
        args.extend(["--timings".to_owned(), "--fail-on".to_owned(), "never".to_owned()]);
    }
    let mut process = if has_time {
        let mut process = Command::new(TIME);
        process.args(["-f", "time-peak-kb %M\ntime-cpu-s %U %S", bin]).args(&args);
        process
    } else {
        let mut process = Command::new(bin);
        process.args(&args);
        process
    };
    let started = Instant::now();
    let output = process.stdout(Stdio::null()).stderr(Stdio::piped()).output().expect("the ansvar binary runs");
    let wall = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        // `diff` exits 1 when the change introduces a finding: a result, not a failure.
        output.status.success() || (command == "diff" && output.status.code() == Some(1)),
        "`ansvar {command}` failed on the synthetic model:\n{}",
        stderr.lines().rev().take(20).collect::<Vec<_>>().join("\n")
    );
    let mut stages = BTreeMap::new();
    let mut peak_bytes = None;
    let mut cpu = None;
    let mut in_timings = false;
    for line in stderr.lines() {
        if let Some(kb) = line.strip_prefix("time-peak-kb ") {
            peak_bytes = kb.trim().parse::<u64>().ok().map(|kb| kb * 1024);
        } else if let Some(times) = line.strip_prefix("time-cpu-s ") {
            let seconds: Option<Vec<f64>> = times.split_whitespace().map(|s| s.parse().ok()).collect();
            cpu = seconds.map(|s| Duration::from_secs_f64(s.iter().sum()));
        } else if line == "timings:" {
            in_timings = true;
        } else if in_timings {
            let fields: Vec<&str> = line.split_whitespace().collect();
            match fields.as_slice() {
                ["peak-rss", mb, "MB"] if peak_bytes.is_none() => {
                    peak_bytes = mb.parse::<f64>().ok().map(|mb| (mb * 1e6) as u64);
                }
                [stage, ms, "ms"] => {
                    if let Ok(ms) = ms.parse() {
                        stages.insert((*stage).to_owned(), ms);
                    }
                }
                _ => {}
            }
        }
    }
    Run { wall, peak_bytes, cpu, stages }
}

/// One line of the table: medians over the runs.
struct Row {
    size: String,
    summary: synth::Summary,
    floor: Duration,
    check: Duration,
    /// `check`'s median CPU time (user + system), when `/usr/bin/time` is there.
    check_cpu: Option<Duration>,
    peak_mb: f64,
    stages: BTreeMap<String, f64>,
    /// The report's median wall time and peak memory in MB, when measured.
    report: Option<(Duration, f64)>,
    /// The same for `diff` against the changed copy.
    diff: Option<(Duration, f64)>,
}

impl Row {
    fn new(
        size: String,
        summary: synth::Summary,
        floor: Duration,
        check: &[Run],
        report: Option<&[Run]>,
        diff: Option<&[Run]>,
    ) -> Self {
        let medians = |runs: &[Run]| {
            (
                median_duration(runs.iter().map(|r| r.wall).collect()),
                median(runs.iter().filter_map(|r| r.peak_bytes).map(|b| b as f64 / 1e6).collect()),
            )
        };
        let mut stages = BTreeMap::new();
        for stage in check.iter().flat_map(|r| r.stages.keys()) {
            let values: Vec<f64> = check.iter().filter_map(|r| r.stages.get(stage).copied()).collect();
            stages.insert(stage.clone(), median(values));
        }
        Self {
            size,
            summary,
            floor,
            check: median_duration(check.iter().map(|r| r.wall).collect()),
            check_cpu: check
                .iter()
                .all(|r| r.cpu.is_some())
                .then(|| median_duration(check.iter().filter_map(|r| r.cpu).collect())),
            peak_mb: median(check.iter().filter_map(|r| r.peak_bytes).map(|b| b as f64 / 1e6).collect()),
            stages,
            report: report.map(medians),
            diff: diff.map(medians),
        }
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 { values[mid] } else { (values[mid - 1] + values[mid]) / 2.0 }
}

fn median_duration(values: Vec<Duration>) -> Duration {
    if values.is_empty() {
        return Duration::ZERO;
    }
    Duration::from_secs_f64(median(values.iter().map(Duration::as_secs_f64).collect()))
}

fn table(rows: &[Row]) -> String {
    let stage = |row: &Row, names: &[&str]| -> String {
        let ms: f64 = names.iter().filter_map(|n| row.stages.get(*n)).sum();
        format!("{:.2}", ms / 1e3)
    };
    let mut out = String::new();
    out.push_str(
        "| size | files | YAML MB | parties | activities | agreements | parse floor s | check s | check / floor | peak MB | peak / YAML | read s | parse s | validate s | graph s | roles s | rules s | output s | report s | report / check | report peak MB |\n",
    );
    out.push_str(
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for row in rows {
        let yaml_mb = row.summary.bytes as f64 / 1e6;
        let (report, ratio, report_peak) = match row.report {
            Some((report, peak)) => (
                format!("{:.2}", report.as_secs_f64()),
                format!("{:.2}", report.as_secs_f64() / row.check.as_secs_f64()),
                format!("{peak:.0}"),
            ),
            None => ("n/a".to_owned(), "n/a".to_owned(), "n/a".to_owned()),
        };
        out.push_str(&format!(
            "| {} | {} | {:.1} | {} | {} | {} | {} | {:.2} | {} | {:.0} | {:.1} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            row.size,
            row.summary.files,
            yaml_mb,
            count_or_na(row.summary.parties, row.summary.files),
            count_or_na(row.summary.activities, row.summary.files),
            count_or_na(row.summary.agreements, row.summary.files),
            if row.floor.is_zero() { "n/a".to_owned() } else { format!("{:.2}", row.floor.as_secs_f64()) },
            row.check.as_secs_f64(),
            ratio_or_na(row.check.as_secs_f64(), row.floor.as_secs_f64()),
            row.peak_mb,
            row.peak_mb / yaml_mb,
            stage(row, &["read"]),
            stage(row, &["parse"]),
            stage(row, &["validate"]),
            stage(row, &["graph"]),
            stage(row, &["roles"]),
            stage(row, &["rules"]),
            stage(row, &["free", "render", "write"]),
            report,
            ratio,
            report_peak,
        ));
    }
    if let (Some(national), Some(ten)) =
        (rows.iter().find(|r| r.size == "national"), rows.iter().find(|r| r.size == "10x"))
    {
        let cpu = match (ten.check_cpu, national.check_cpu) {
            (Some(ten), Some(national)) => format!("{:.1}×", ten.as_secs_f64() / national.as_secs_f64()),
            _ => "not measured (no /usr/bin/time)".to_owned(),
        };
        out.push_str(&format!(
            "\n10x / national: check time {:.1}×, CPU time {cpu} (target ≤ 11×), peak memory {:.1}×, YAML {:.1}×\n",
            ten.check.as_secs_f64() / national.check.as_secs_f64(),
            ten.peak_mb / national.peak_mb,
            ten.summary.bytes as f64 / national.summary.bytes as f64
        ));
    }
    out
}

/// `diff` against `check`, one line per size where it was measured.
fn diff_table(rows: &[Row]) -> String {
    let mut out = String::new();
    out.push_str(
        "| size | check s | check peak MB | diff s | diff / check | diff peak MB | diff peak / check peak |\n",
    );
    out.push_str("|---|---:|---:|---:|---:|---:|---:|\n");
    for row in rows {
        let Some((diff, peak)) = row.diff else { continue };
        out.push_str(&format!(
            "| {} | {:.2} | {:.0} | {:.2} | {} | {peak:.0} | {} |\n",
            row.size,
            row.check.as_secs_f64(),
            row.peak_mb,
            diff.as_secs_f64(),
            ratio_or_na(diff.as_secs_f64(), row.check.as_secs_f64()),
            ratio_or_na(peak, row.peak_mb),
        ));
    }
    out
}

/// `a / b` to two places, or `n/a` where `b` is not measured (no parse floor).
fn ratio_or_na(a: f64, b: f64) -> String {
    if b > 0.0 { format!("{:.2}", a / b) } else { "n/a".to_owned() }
}
