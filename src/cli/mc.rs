//! `endgame run`, `compare` and `sweep`: many worlds, in parallel, to files and plots.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use endgame::experiment::{Pool, outcome};
use endgame::model::{Calendar, Ignore, Params, WorldOutcome, run_world};
use endgame::random::Streams;
use endgame::report::table;
use endgame::scenario::Scenario;
use endgame::summary::{
    CSV_HEADER, Comparison, METRICS, PROGRAM, ScenarioInfo, ShardFile, Summary, csv_row,
    shard_range,
};

use super::output::{AtomicFile, folder, write};

/// Options shared by the Monte Carlo commands.
pub struct McOptions {
    pub worlds: u64,
    /// This run's shard (1-based) and the number of shards.
    pub shard: Option<(u64, u64)>,
    pub seed: u64,
    pub threads: Option<usize>,
    pub quiet: bool,
    pub sets: Vec<String>,
}

fn progress_bar(total: u64, quiet: bool, what: &str) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    if let Ok(style) =
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} worlds ({per_sec}, {eta} left)")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what.to_string());
    bar
}

fn info(s: &Scenario, sets: &[String]) -> ScenarioInfo {
    ScenarioInfo {
        name: s.name.clone(),
        path: s.path.clone(),
        title: s.title.clone(),
        overrides: sets.to_vec(),
    }
}

/// The historical world, as a reference mark on plots.
fn historical_outcome() -> Option<WorldOutcome> {
    let p = Params::historical();
    let cal = Calendar::new(&p).ok()?;
    Some(run_world(&p, &cal, Streams::new(0, 0), &mut Ignore))
}

fn say_written(paths: &[PathBuf]) {
    if let Some(dir) = paths.first().and_then(|p| p.parent()) {
        let names: Vec<String> = paths
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
            .collect();
        println!("\nwrote {}/: {}", dir.display(), names.join(", "));
    }
}

/// Runs the worlds of one scenario (or of one shard of them), writes worlds.csv, and
/// summary.json and the plots (or, for a shard, shard.json for `endgame merge`).
pub fn run(s: &Scenario, o: &McOptions, out: &Path) -> anyhow::Result<()> {
    let pool = Pool::new(o.threads).context("cannot start the worker threads")?;
    folder(out)?;
    let (start, end) = match o.shard {
        Some((k, n)) => shard_range(o.worlds, k, n),
        None => (0, o.worlds),
    };
    let shard_note = o
        .shard
        .map(|(k, n)| format!(", shard {k}/{n}: worlds {start}..{end}"))
        .unwrap_or_default();
    println!(
        "{}: {} worlds{shard_note}, seed {}, {} threads{}",
        s.path,
        o.worlds,
        o.seed,
        pool.threads(),
        s.title
            .as_deref()
            .map(|t| format!("\n{t}"))
            .unwrap_or_default()
    );
    let mut csv = AtomicFile::create(&out.join("worlds.csv"))?;
    csv.line(CSV_HEADER)?;
    let mut summary = Summary::default();
    let bar = progress_bar(end - start, o.quiet, &s.name);
    let mut failed: Option<anyhow::Error> = None;
    pool.for_each_world(
        start..end,
        |k| outcome(s, o.seed, k),
        |k, world| {
            summary.add(&world);
            if failed.is_none() {
                if let Err(e) = csv.line(&csv_row(k, &world)) {
                    failed = Some(e);
                }
            }
        },
        &|done| bar.set_position(done),
    );
    bar.finish_and_clear();
    if let Some(e) = failed {
        return Err(e);
    }
    let mut written = vec![csv.finish()?];
    if let Some(shard) = o.shard {
        let file = ShardFile {
            version: PROGRAM.version.to_string(),
            scenario: info(s, &o.sets),
            seed: o.seed,
            worlds: o.worlds,
            shard,
            range: (start, end),
            summary: summary.state(),
        };
        let json = serde_json::to_string(&file).context("cannot encode the shard")?;
        written.push(write(&out.join("shard.json"), &(json + "\n"))?);
        println!(
            "\nshard {}/{}: {} worlds; merge the shards with `endgame merge DIR... --out DIR`",
            shard.0,
            shard.1,
            end - start
        );
        say_written(&written);
        return Ok(());
    }
    written.extend(finish_run(&summary, info(s, &o.sets), o.seed, out)?);
    say_written(&written);
    Ok(())
}

/// Writes summary.json and the plots of a run, and prints its summary table.
fn finish_run(
    summary: &Summary,
    scenario: ScenarioInfo,
    seed: u64,
    out: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    let title = format!(
        "{} ({} worlds)",
        scenario.title.as_deref().unwrap_or(&scenario.name),
        summary.worlds
    );
    let report = summary.report(scenario, seed);
    let json = serde_json::to_string_pretty(&report).context("cannot encode the summary")?;
    let mut written = vec![write(&out.join("summary.json"), &(json + "\n"))?];
    written.extend(endgame::plot::run_plots(
        summary,
        historical_outcome().as_ref(),
        &title,
        out,
    )?);
    println!();
    for line in table::summary_lines(summary) {
        println!("{line}");
    }
    Ok(written)
}

/// Merges the shards of one run into the result of the whole run.
pub fn merge(dirs: &[PathBuf], out: &Path) -> anyhow::Result<()> {
    let mut shards: Vec<(ShardFile, PathBuf)> = Vec::new();
    for dir in dirs {
        let path = dir.join("shard.json");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let shard: ShardFile = serde_json::from_str(&text).with_context(|| {
            format!("{} is not a shard of `endgame run --shard`", path.display())
        })?;
        shards.push((shard, dir.clone()));
    }
    shards.sort_by_key(|(s, _)| s.shard.0);
    let Some((first, _)) = shards.first() else {
        anyhow::bail!("no shard to merge");
    };
    let n = first.shard.1;
    for (s, dir) in &shards {
        if s.version != first.version
            || s.scenario != first.scenario
            || s.seed != first.seed
            || s.worlds != first.worlds
            || s.shard.1 != n
        {
            anyhow::bail!(
                "{} is a shard of another run (scenario, overrides, seed, worlds, shard count and version must all agree)",
                dir.display()
            );
        }
    }
    let got: Vec<u64> = shards.iter().map(|(s, _)| s.shard.0).collect();
    let want: Vec<u64> = (1..=n).collect();
    if got != want {
        let missing: Vec<String> = want
            .iter()
            .filter(|k| !got.contains(k))
            .map(|k| k.to_string())
            .collect();
        anyhow::bail!(
            "the shards must be 1..{n}, each once; found {got:?} (missing: {})",
            missing.join(", ")
        );
    }
    folder(out)?;
    let mut summary = Summary::default();
    let mut csv = AtomicFile::create(&out.join("worlds.csv"))?;
    csv.line(CSV_HEADER)?;
    for (s, dir) in &shards {
        let part = Summary::from_state(&s.summary)
            .with_context(|| format!("{}: a malformed shard", dir.display()))?;
        summary.merge(&part);
        let path = dir.join("worlds.csv");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let mut lines = text.lines();
        if lines.next() != Some(CSV_HEADER) {
            anyhow::bail!(
                "{} does not start with the worlds.csv header of this version",
                path.display()
            );
        }
        for line in lines {
            csv.line(line)?;
        }
    }
    println!(
        "merged {n} shards: {} worlds of {}",
        summary.worlds, first.scenario.path
    );
    let mut written = vec![csv.finish()?];
    written.extend(finish_run(
        &summary,
        first.scenario.clone(),
        first.seed,
        out,
    )?);
    say_written(&written);
    Ok(())
}

/// Runs the scenarios on the same worlds and compares each with the first.
pub fn compare(scenarios: &[Scenario], o: &McOptions, out: &Path) -> anyhow::Result<()> {
    let pool = Pool::new(o.threads).context("cannot start the worker threads")?;
    folder(out)?;
    let names: Vec<&str> = scenarios.iter().map(|s| s.name.as_str()).collect();
    println!(
        "compare {}: {} worlds each, seed {}, {} threads",
        names.join(" | "),
        o.worlds,
        o.seed,
        pool.threads()
    );
    let mut summaries = vec![Summary::default(); scenarios.len()];
    let mut comparisons = vec![Comparison::default(); scenarios.len().saturating_sub(1)];
    let bar = progress_bar(o.worlds, o.quiet, "compare");
    pool.for_each_world(
        0..o.worlds,
        |k| {
            scenarios
                .iter()
                .map(|s| outcome(s, o.seed, k))
                .collect::<Vec<_>>()
        },
        |_, worlds| {
            for (sum, w) in summaries.iter_mut().zip(&worlds) {
                sum.add(w);
            }
            for (c, w) in comparisons.iter_mut().zip(worlds.iter().skip(1)) {
                c.add(&worlds[0], w);
            }
        },
        &|done| bar.set_position(done),
    );
    bar.finish_and_clear();

    let base = &scenarios[0];
    let reports: Vec<_> = comparisons
        .iter()
        .zip(&scenarios[1..])
        .map(|(c, s)| c.report(info(base, &o.sets), info(s, &o.sets)))
        .collect();
    let doc = serde_json::json!({
        "program": PROGRAM,
        "seed": o.seed,
        "worlds": o.worlds,
        "scenarios": scenarios.iter().zip(&summaries).map(|(s, sum)| sum.report(info(s, &o.sets), o.seed)).collect::<Vec<_>>(),
        "comparisons": reports,
    });
    let mut written = Vec::new();
    let json = serde_json::to_string_pretty(&doc).context("cannot encode the comparison")?;
    written.push(write(&out.join("compare.json"), &(json + "\n"))?);

    let mut csv = String::from(
        "base,scenario,worlds,both_accepted,shift_mean_days,shift_mean_lo,shift_mean_hi,shift_median_days,shift_median_lo,shift_median_hi,share_earlier,share_same,share_later,p_entry_before_acceptance_base,p_entry_before_acceptance,p_entry_change,bombs_dropped_change,territories_taken_change\n",
    );
    let f = |x: Option<f64>| x.map(|v| format!("{v:.4}")).unwrap_or_default();
    for r in &reports {
        let sh = &r.acceptance_shift_days;
        csv.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{:.4},{:.4},{:.4},{:.4},{:.4},{:.4},{:.4},{:.4}\n",
            r.base.name,
            r.other.name,
            r.worlds,
            r.both_accepted,
            f(sh.mean),
            f(sh.mean_ci95.map(|x| x[0])),
            f(sh.mean_ci95.map(|x| x[1])),
            f(sh.median),
            f(sh.median_ci95.map(|x| x[0])),
            f(sh.median_ci95.map(|x| x[1])),
            r.earlier.p,
            r.same.p,
            r.later.p,
            r.entry_before_acceptance[0].p,
            r.entry_before_acceptance[1].p,
            r.entry_before_acceptance_change,
            r.bombs_dropped_shift.mean,
            r.territories_taken_shift.mean,
        ));
    }
    written.push(write(&out.join("compare.csv"), &csv)?);
    let series: Vec<(String, &endgame::summary::Histogram, u64)> = scenarios
        .iter()
        .zip(&summaries)
        .filter_map(|(s, sum)| {
            sum.time("acceptance")
                .map(|h| (s.name.clone(), h, sum.worlds))
        })
        .collect();
    let title = format!(
        "Final acceptance: {} ({} worlds each)",
        names.join(" vs "),
        o.worlds
    );
    written.extend(endgame::plot::compare_cdf(&series, &title, out)?);

    for (c, s) in comparisons.iter().zip(&scenarios[1..]) {
        println!();
        for line in table::comparison_lines(&base.name, &s.name, c) {
            println!("{line}");
        }
    }
    say_written(&written);
    Ok(())
}

/// Runs every cell of a scenario's `[sweep]` on the same worlds.
pub fn sweep(s: &Scenario, o: &McOptions, metric: &str, out: &Path) -> anyhow::Result<()> {
    let pool = Pool::new(o.threads).context("cannot start the worker threads")?;
    folder(out)?;
    let cells = s.cells();
    let keys: Vec<&str> = s.sweep.iter().map(|a| a.key).collect();
    println!(
        "sweep {} over {}: {cells} cells x {} worlds, seed {}, {} threads",
        s.path,
        keys.join(" x "),
        o.worlds,
        o.seed,
        pool.threads()
    );
    let mut csv = format!("cell,{},worlds", keys.join(","));
    for (name, _) in METRICS {
        csv.push_str(&format!(",{name},{name}_lo,{name}_hi"));
    }
    csv.push('\n');
    let bar = progress_bar(cells as u64 * o.worlds, o.quiet, "sweep");
    let mut values: Vec<Option<(f64, f64, f64)>> = Vec::with_capacity(cells);
    for cell in 0..cells {
        let scenario = s.cell(cell).map_err(|e| anyhow::anyhow!("{e}"))?;
        let mut summary = Summary::default();
        let offset = cell as u64 * o.worlds;
        pool.for_each_world(
            0..o.worlds,
            |k| outcome(&scenario, o.seed, k),
            |_, w| summary.add(&w),
            &|done| bar.set_position(offset + done),
        );
        let labels = s.cell_labels(cell);
        csv.push_str(&format!(
            "{cell},{},{}",
            labels
                .iter()
                .map(|l| csv_field(l))
                .collect::<Vec<_>>()
                .join(","),
            o.worlds
        ));
        for (name, _) in METRICS {
            match summary.metric(name) {
                Some((e, lo, hi)) => csv.push_str(&format!(",{e:.6},{lo:.6},{hi:.6}")),
                None => csv.push_str(",,,"),
            }
        }
        csv.push('\n');
        values.push(summary.metric(metric));
    }
    bar.finish_and_clear();
    let mut written = vec![write(&out.join("sweep.csv"), &csv)?];
    let label = METRICS
        .iter()
        .find(|(n, _)| *n == metric)
        .map_or(metric, |(_, l)| l);
    let title = format!(
        "{}: {label} ({} worlds per cell)",
        s.title.as_deref().unwrap_or(&s.name),
        o.worlds
    );
    let axes = &s.sweep;
    let plain = |labels: &[String]| {
        labels
            .iter()
            .map(|l| unquoted(l).to_string())
            .collect::<Vec<_>>()
    };
    match axes.len() {
        1 => {
            let points: Vec<(f64, f64, f64)> = values
                .iter()
                .map(|v| v.unwrap_or((f64::NAN, f64::NAN, f64::NAN)))
                .collect();
            written.extend(endgame::plot::sweep_line(
                axes[0].key,
                &axes[0].labels,
                &points,
                label,
                &title,
                out,
            )?);
        }
        2 => {
            let (ny, nx) = (axes[0].values.len(), axes[1].values.len());
            let grid: Vec<Vec<f64>> = (0..ny)
                .map(|iy| {
                    (0..nx)
                        .map(|ix| values[iy * nx + ix].map_or(f64::NAN, |v| v.0))
                        .collect()
                })
                .collect();
            written.extend(endgame::plot::sweep_heatmap(
                axes[1].key,
                &plain(&axes[1].labels),
                axes[0].key,
                &plain(&axes[0].labels),
                &grid,
                label,
                &title,
                out,
            )?);
        }
        n => println!("(no plot for a sweep over {n} keys; sweep.csv has every cell)"),
    }
    println!("\n{label} by cell:");
    for (cell, value) in values.iter().enumerate() {
        let v = value.map_or("no data".to_string(), |(e, lo, hi)| {
            format!("{e:.3}  [{lo:.3}, {hi:.3}]")
        });
        let labels = s.cell_labels(cell);
        let labels: Vec<&str> = labels.iter().map(|l| unquoted(l)).collect();
        println!("  {}  {v}", labels.join("  "));
    }
    say_written(&written);
    Ok(())
}

/// A value label without the quotes of a plain TOML string.
fn unquoted(label: &str) -> &str {
    label
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .filter(|inner| !inner.contains('"'))
        .unwrap_or(label)
}

/// A CSV field for a value label: a plain TOML string loses its quotes; anything with a
/// comma or a quote is quoted, CSV-style.
fn csv_field(label: &str) -> String {
    let plain = unquoted(label);
    if plain.contains([',', '"']) {
        format!("\"{}\"", plain.replace('"', "\"\""))
    } else {
        plain.to_string()
    }
}
