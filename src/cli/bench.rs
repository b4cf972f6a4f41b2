//! `endgame bench`: the speed figures, measured in one run on this machine.

use anyhow::Context;

use endgame::bench::{phold_rates, worlds_per_second};
use endgame::experiment::Pool;
use endgame::scenario::Scenario;

/// Peak resident memory of this process [KiB], from the kernel (Linux).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

/// Measures and prints the engine's and the model's speed.
pub fn bench(baseline: &Scenario, quick: bool) -> anyhow::Result<()> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "endgame {} bench{} on {cores} cores ({})",
        env!("CARGO_PKG_VERSION"),
        if quick { " --quick" } else { "" },
        cpu_model()
    );

    let (events, repeats) = if quick { (300_000, 2) } else { (1_000_000, 5) };
    let (engine, heap) =
        phold_rates(events, repeats).context("PHOLD: the engine and the bare heap disagree")?;
    println!("\nPHOLD (1000 processes, {events} events, best of {repeats}):");
    println!("  engine          {:>12.0} events/s", engine);
    println!("  bare BinaryHeap {:>12.0} events/s", heap);
    println!(
        "  engine / bare   {:>12.1} %   (target >= 50 %)",
        100.0 * engine / heap
    );

    let worlds = if quick { 50_000 } else { 400_000 };
    let one = Pool::new(Some(1)).context("cannot start a worker thread")?;
    let all = Pool::new(None).context("cannot start the worker threads")?;
    // Warm up the caches and the allocator before timing.
    let _ = worlds_per_second(baseline, &all, worlds / 10);
    let (rate1, s1) = worlds_per_second(baseline, &one, worlds);
    let (rate_n, s_n) = worlds_per_second(baseline, &all, worlds);
    if s1 != s_n {
        anyhow::bail!(
            "1 thread and {} threads gave different summaries",
            all.threads()
        );
    }
    println!(
        "\n{} ({worlds} worlds, summarised as by `endgame run`, no files):",
        baseline.path
    );
    println!("  1 thread        {:>12.0} worlds/s", rate1);
    let label = format!("{} threads", all.threads());
    println!("  {label:<15} {rate_n:>12.0} worlds/s   (target >= 200000 on 2 threads)");
    println!(
        "  speed-up        {:>12.2} x   (target >= 1.7 from 1 to 2 threads)",
        rate_n / rate1
    );
    match peak_rss_kib() {
        Some(kib) => println!("\npeak memory (RSS) {:>10.1} MiB", kib as f64 / 1024.0),
        None => println!("\npeak memory: not available on this system"),
    }
    Ok(())
}
