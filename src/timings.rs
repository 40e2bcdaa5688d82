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

    /// Appends another set of timings after these.
    pub fn extend(&mut self, other: &Timings) {
        for (stage, elapsed) in &other.stages {
            self.record(stage, *elapsed);
        }
    }

    /// The stages in the order they ran.
    pub fn stages(&self) -> &[(&'static str, Duration)] {
        &self.stages
    }

    /// The time of one stage, if it ran.
    pub fn get(&self, stage: &str) -> Option<Duration> {
        self.stages.iter().find(|(name, _)| *name == stage).map(|(_, elapsed)| *elapsed)
    }

    /// The stages as lines of `stage milliseconds`, then the total and, where
    /// the platform tells, the peak resident memory: the format `--timings`
    /// prints and the benchmark reads.
    pub fn render(&self, total: Duration) -> String {
        let mut out = String::from("timings:\n");
        for (stage, elapsed) in &self.stages {
            let _ = writeln!(out, "  {stage:<10} {:>10.1} ms", elapsed.as_secs_f64() * 1e3);
        }
        let _ = writeln!(out, "  {:<10} {:>10.1} ms", "total", total.as_secs_f64() * 1e3);
        if let Some(peak) = peak_rss_bytes() {
            let _ = writeln!(out, "  {:<10} {:>10.1} MB", "peak-rss", peak as f64 / 1e6);
        }
        out
    }
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
}
