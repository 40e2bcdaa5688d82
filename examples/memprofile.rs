//! Where the heap goes in `check`: loads a model, analyses it, then frees the
//! parts one at a time and prints how many bytes each held (issue 19, point 3).
//!
//! ```text
//! MIMALLOC_PURGE_DELAY=0 cargo run --release --example memprofile -- /work/models-s7/national 2025-06-01
//! ```
//!
//! With the binary's allocator (mimalloc), from the resident set
//! (`/proc/self/status`): run it with `MIMALLOC_PURGE_DELAY=0` so that freed
//! pages go back at once and each part's drop shows as it happens. The
//! `unsafe_code` lint forbids a counting allocator.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A field of `/proc/self/status`, in bytes (`VmRSS`, `VmHWM`).
fn status(field: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.trim().trim_end_matches(" kB").trim().parse::<usize>().ok())
        .map_or(0, |kb| kb * 1024)
}

fn live() -> usize {
    // Let mimalloc hand freed pages back before reading the resident set.
    std::thread::sleep(std::time::Duration::from_millis(50));
    status("VmRSS")
}

fn mb(bytes: usize) -> String {
    format!("{:8.1} MB", bytes as f64 / 1e6)
}

/// Runs `free` and prints how many bytes it released.
fn freed(what: &str, free: impl FnOnce()) {
    let before = live();
    free();
    let after = live();
    println!("  {what:<28} {}", mb(before.saturating_sub(after)));
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: memprofile MODEL_DIR [AS_OF]");
        std::process::exit(2);
    };
    let as_of: jiff::civil::Date = args.next().and_then(|d| d.parse().ok()).unwrap_or(jiff::civil::date(2025, 6, 1));
    use ansvar::model::*;
    println!(
        "size_of: Span {}, Located<PartyId> {}, Option<Located<bool>> {}",
        size_of::<ansvar::source::Span>(),
        size_of::<Located<PartyId>>(),
        size_of::<Option<Located<bool>>>()
    );
    println!(
        "size_of: Party {}, DataCategory {}, System {}, Activity {}, Performer {}, Agreement {}, AgreementParty {}, Incident {}",
        size_of::<Party>(),
        size_of::<DataCategory>(),
        size_of::<System>(),
        size_of::<Activity>(),
        size_of::<Performer>(),
        size_of::<Agreement>(),
        size_of::<AgreementParty>(),
        size_of::<Incident>()
    );
    println!(
        "size_of: Finding {}, Assignment {}, Fact {}",
        size_of::<ansvar::rules::Finding>(),
        size_of::<ansvar::roles::Assignment>(),
        size_of::<ansvar::roles::Fact>()
    );
    let reference = ansvar::reference::Reference::builtin();
    // As `check` reads a model: each text goes once its file is parsed.
    let read = ansvar::load::read_path(std::path::Path::new(&dir)).releasing_texts();
    let mut loaded = match ansvar::load::load_read(read, &reference) {
        Ok(loaded) => loaded,
        Err(invalid) => {
            eprintln!("invalid model: {} problems", invalid.problems());
            std::process::exit(2);
        }
    };
    let text: usize = loaded.sources.files().map(|(_, f)| f.len()).sum();
    println!("YAML {}; load peak {}", mb(text), mb(status("VmHWM")));
    println!("after load: live {}", mb(live()));
    // As `check` does once the warnings are out.
    loaded.sources.release_texts();
    println!("after letting the texts go: live {}", mb(live()));
    let m = &loaded.model;
    let performers: usize = m.activities.values().map(|a| a.performers.len()).sum();
    println!(
        "entities: {} parties, {} data, {} systems, {} activities ({} performers), {} agreements, {} incidents",
        m.parties.len(),
        m.data.len(),
        m.systems.len(),
        m.activities.len(),
        performers,
        m.agreements.len(),
        m.incidents.len()
    );
    let analysis = ansvar::Analysis::new(&loaded.model, &reference, as_of);
    println!("after analysis: live {}, analysis peak {}", mb(live()), mb(status("VmHWM")));
    println!("{} findings, {} role assignments", analysis.findings.len(), analysis.roles.assignments().len());
    let ansvar::Analysis { graph, roles, findings, .. } = analysis;
    println!("freed, in order:");
    freed("findings", || drop(findings));
    freed("roles", || drop(roles));
    freed("graph", || drop(graph));
    let ansvar::load::Loaded { model, sources, warnings, .. } = loaded;
    freed("warnings", || drop(warnings));
    freed("sources (texts, line tables)", || drop(sources));
    let Model { parties, data, systems, activities, agreements, incidents, accepted_risks } = model;
    freed("parties", || drop(parties));
    freed("data", || drop(data));
    freed("systems", || drop(systems));
    freed("activities", || drop(activities));
    freed("agreements", || drop(agreements));
    freed("incidents, accepted risks", || drop((incidents, accepted_risks)));
    println!("left: live {}", mb(live()));
}
