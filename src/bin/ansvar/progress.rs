//! Progress on stderr for long runs: the stage a command is in, shown only when
//! stderr is a terminal, `--quiet` is not given and `TERM` is not `dumb`, and
//! only once the run has taken more than a second (a small model never
//! flickers). Nothing is drawn into pipes or files.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before its progress shows.
const DELAY: Duration = Duration::from_secs(1);

/// A spinner with the current stage, hidden until [`DELAY`] has passed.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// Progress for this run: drawn on stderr when it is a terminal and the
    /// user did not ask for quiet; otherwise nothing.
    pub fn new(quiet: bool) -> Self {
        let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        if quiet || dumb || !std::io::stderr().is_terminal() {
            return Self(None);
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let template = if colour { "{spinner:.cyan} {msg} {elapsed:.dim}" } else { "{spinner} {msg} {elapsed}" };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        let shown = bar.clone();
        // Detached: it only sleeps, and the process may end before it wakes.
        std::thread::spawn(move || {
            std::thread::sleep(DELAY);
            if !shown.is_finished() {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(Duration::from_millis(120));
            }
        });
        Self(Some(bar))
    }

    /// Names the stage the run is in.
    pub fn stage(&self, message: impl Into<std::borrow::Cow<'static, str>>) {
        if let Some(bar) = &self.0 {
            bar.set_message(message);
        }
    }

    /// Runs `f` (which writes to stderr) with the spinner out of the way.
    pub fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
        match &self.0 {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Clears the spinner for good, before the output is written.
    pub fn done(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
