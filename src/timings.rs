//! Stage timings: how long loading, graph building, role derivation and the
//! rules took, for `ansvar check --timings` and the scale benchmark
//! (`benches/scale.rs`).
//!
//! Timing is always on: reading the clock a handful of times per run costs
//! nothing next to parsing a model, and it keeps one code path for timed and
//! untimed runs.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// Named stages with the wall time each took, in the order they ran.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timings {
    stages: Vec<(&'static str, Duration)>,
    /// Parts of a stage that ran side by side (the rules), with the time
    /// each took on its own thread: where a stage's time goes.
    parts: Vec<(&'static str, &'static str, Duration)>,
}

impl Timings {
    /// No stages yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that `stage` took `elapsed`; a stage recorded twice adds up.
    pub fn record(&mut self, stage: &'static str, elapsed: Duration) {
        match self.stages.iter_mut().find(|(name, _)| *name == stage) {
            Some((_, total)) => *total += elapsed,
            None => self.stages.push((stage, elapsed)),
        }
    }

    /// Runs `work` and records its wall time as `stage`.
    pub fn time<T>(&mut self, stage: &'static str, work: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let result = work();
        self.record(stage, start.elapsed());
        result
    }

    /// Records that `part` of `stage` (one rule of `rules`, say) took `elapsed`.
    pub fn record_part(&mut self, stage: &'static str, part: &'static str, elapsed: Duration) {
        self.parts.push((stage, part, elapsed));
    }

    /// Appends another set of timings after these.
    pub fn extend(&mut self, other: &Timings) {
        for (stage, elapsed) in &other.stages {
            self.record(stage, *elapsed);
        }
        self.parts.extend_from_slice(&other.parts);
    }

    /// The stages in the order they ran.
    pub fn stages(&self) -> &[(&'static str, Duration)] {
        &self.stages
    }

    /// The time of one stage, if it ran.
    pub fn get(&self, stage: &str) -> Option<Duration> {
        self.stages.iter().find(|(name, _)| *name == stage).map(|(_, elapsed)| *elapsed)
    }

    /// The stages as lines of `stage milliseconds`, each followed by its
    /// slowest parts (`    rule residency-breach  12.0 ms`), then the total
    /// and, where the platform tells, the peak resident memory: the format
    /// `--timings` prints and the benchmark reads.
    pub fn render(&self, total: Duration) -> String {
        let mut out = String::from("timings:\n");
        for (stage, elapsed) in &self.stages {
            let _ = writeln!(out, "  {stage:<10} {:>10.1} ms", elapsed.as_secs_f64() * 1e3);
            let mut parts: Vec<_> = self.parts.iter().filter(|(of, _, _)| of == stage).collect();
            parts.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(b.1)));
            for (_, part, elapsed) in parts.into_iter().take(SLOWEST_PARTS) {
                let _ = writeln!(out, "    {} {part:<36} {:>10.1} ms", singular(stage), elapsed.as_secs_f64() * 1e3);
            }
        }
        let _ = writeln!(out, "  {:<10} {:>10.1} ms", "total", total.as_secs_f64() * 1e3);
        if let Some(peak) = peak_rss_bytes() {
            let _ = writeln!(out, "  {:<10} {:>10.1} MB", "peak-rss", peak as f64 / 1e6);
        }
        out
    }
}

/// How many of a stage's parts `--timings` shows, slowest first.
const SLOWEST_PARTS: usize = 8;

/// `rule` for `rules`: the word for one part of a stage.
fn singular(stage: &str) -> &str {
    stage.strip_suffix('s').unwrap_or(stage)
}

/// The peak resident set size of this process so far, in bytes: Linux's
/// `VmHWM` from `/proc/self/status`; `None` elsewhere.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line.trim_start_matches("VmHWM:").trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kilobytes * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_keep_their_order_and_add_up() {
        let mut timings = Timings::new();
        timings.record("parse", Duration::from_millis(5));
        timings.record("graph", Duration::from_millis(2));
        timings.record("parse", Duration::from_millis(1));
        assert_eq!(timings.get("parse"), Some(Duration::from_millis(6)));
        let names: Vec<_> = timings.stages().iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["parse", "graph"]);
        let rendered = timings.render(Duration::from_millis(9));
        assert!(rendered.contains("  parse             6.0 ms\n"), "{rendered}");
        assert!(rendered.contains("  total             9.0 ms\n"), "{rendered}");
    }

    #[test]
    fn parts_follow_their_stage_slowest_first() {
        let mut timings = Timings::new();
        timings.record("rules", Duration::from_millis(7));
        timings.record_part("rules", "fast-rule", Duration::from_millis(1));
        timings.record_part("rules", "slow-rule", Duration::from_millis(6));
        timings.record("write", Duration::from_millis(1));
        let rendered = timings.render(Duration::from_millis(8));
        let lines: Vec<&str> = rendered.lines().collect();
        assert_eq!(lines[1], "  rules             7.0 ms");
        assert!(lines[2].starts_with("    rule slow-rule "), "{rendered}");
        assert!(lines[3].starts_with("    rule fast-rule "), "{rendered}");
        assert!(lines[4].starts_with("  write "), "{rendered}");
        // Four fields: the benchmark, which reads `stage ms ms`, skips them.
        assert_eq!(lines[2].split_whitespace().count(), 4);
    }
}
