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
    CSV_HEADER, Comparison, METRICS, PROGRAM, ScenarioInfo, ShardFile, ShardWork, Summary,
    SweepCell, csv_row, shard_range,
};

use super::manifest::Manifest;
use super::output::{AtomicFile, write};

/// Options shared by the Monte Carlo commands.
pub struct McOptions {
    pub worlds: u64,
    /// Go on with an interrupted run in the output folder.
    pub resume: bool,
    /// Overwrite an output folder that holds another run.
    pub force: bool,
    /// This run's shard (1-based) and the number of shards.
    pub shard: Option<(u64, u64)>,
    pub seed: u64,
    pub threads: Option<usize>,
    pub quiet: bool,
    pub sets: Vec<String>,
}

/// Shows how many worlds are done and, for tests, stands in for Ctrl-C: with
/// `ENDGAME_STOP_AFTER=N` set, a stop is requested once N worlds are done (the position of
/// the progress bar, counting the worlds of a resumed run).
struct Progress {
    bar: ProgressBar,
    stop_after: Option<u64>,
}

impl Progress {
    fn new(total: u64, quiet: bool, what: &str) -> Progress {
        let stop_after = std::env::var("ENDGAME_STOP_AFTER")
            .ok()
            .and_then(|v| v.parse::<u64>().ok());
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::new(total);
            if let Ok(style) = ProgressStyle::with_template(
                "{msg} [{bar:40}] {pos}/{len} worlds ({per_sec}, {eta} left)",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_message(what.to_string());
            bar
        };
        Progress { bar, stop_after }
    }

    /// `done` worlds are done.
    fn set(&self, done: u64) {
        self.bar.set_position(done);
        if self.stop_after.is_some_and(|n| done >= n) {
            endgame::experiment::request_stop();
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn info(s: &Scenario, sets: &[String]) -> ScenarioInfo {
    ScenarioInfo::of(s, sets)
}

/// The historical world, as a reference mark on plots.
fn historical_outcome() -> Option<WorldOutcome> {
    let p = Params::historical();
    let cal = Calendar::new(&p).ok()?;
    Some(run_world(&p, &cal, Streams::new(0, 0), &mut Ignore))
}

pub(super) fn say_written(paths: &[PathBuf]) {
    if let Some(dir) = paths.first().and_then(|p| p.parent()) {
        let names: Vec<String> = paths
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
            .collect();
        println!("\nwrote {}/: {}", dir.display(), names.join(", "));
    }
}

/// A run stopped by Ctrl-C, with what it saved (exit code 130).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Interrupted(pub String);

/// Fails with [`Interrupted`] if Ctrl-C stopped the worlds: commands whose results only make
/// sense whole write nothing then.
pub(super) fn whole_or_interrupted(manifest: &Manifest, out: &Path) -> anyhow::Result<()> {
    if endgame::experiment::stop_requested() {
        manifest.clone().interrupted(out)?;
        return Err(
            Interrupted("interrupted: nothing was written; run the command again".into()).into(),
        );
    }
    Ok(())
}

/// This run's slice of `0..total`, and a note saying which shard it is.
fn slice(o: &McOptions, total: u64, unit: &str) -> ((u64, u64), String) {
    match o.shard {
        Some((k, n)) => {
            let (a, b) = shard_range(total, k, n);
            ((a, b), format!(", shard {k}/{n}: {unit} {a}..{b}"))
        }
        None => ((0, total), String::new()),
    }
}

/// This run's results as a [`ShardFile`]: shard 1/1 when it is not a shard.
fn shard_file(o: &McOptions, range: (u64, u64), work: ShardWork) -> ShardFile {
    ShardFile {
        version: PROGRAM.version.to_string(),
        seed: o.seed,
        worlds: o.worlds,
        shard: o.shard.unwrap_or((1, 1)),
        range,
        work,
    }
}

/// Writes a shard's mergeable results.
fn write_shard(
    o: &McOptions,
    range: (u64, u64),
    work: ShardWork,
    out: &Path,
) -> anyhow::Result<PathBuf> {
    if o.shard.is_none() {
        anyhow::bail!("not a shard");
    }
    save_shard(&shard_file(o, range, work), out)
}

/// Writes `shard.json` and says how to combine the shards.
pub(super) fn save_shard(file: &ShardFile, out: &Path) -> anyhow::Result<PathBuf> {
    let json = serde_json::to_string(file).context("cannot encode the shard")?;
    let path = write(&out.join("shard.json"), &(json + "\n"))?;
    println!(
        "\nshard {}/{} done; combine the shards' folders with `endgame merge DIR... --out DIR`",
        file.shard.0, file.shard.1
    );
    Ok(path)
}

/// The state of an interrupted run, its complete worlds (or sweep cells) only.
const PARTIAL: &str = "partial.json";

/// The command that does a kind of work.
fn command(work: &ShardWork) -> &'static str {
    match work {
        ShardWork::Run { .. } => "run",
        ShardWork::Compare { .. } => "compare",
        ShardWork::Sensitivity { .. } => "sensitivity",
        ShardWork::Sweep { .. } => "sweep",
    }
}

/// What a kind of work runs, as on the command line: its scenarios, views, overrides and
/// outcome.
fn describe(work: &ShardWork) -> String {
    let scenario = |s: &ScenarioInfo| {
        let mut text = s.path.clone();
        for v in &s.views {
            text.push_str(&format!(" --view {v}"));
        }
        for set in &s.overrides {
            text.push_str(&format!(" --set {set}"));
        }
        text
    };
    match work {
        ShardWork::Run { scenario: s, .. } | ShardWork::Sensitivity { scenario: s, .. } => {
            scenario(s)
        }
        ShardWork::Compare { scenarios, .. } => {
            scenarios.iter().map(scenario).collect::<Vec<_>>().join(" ")
        }
        ShardWork::Sweep {
            scenario: s,
            outcome,
            ..
        } => format!("{} --outcome {outcome}", scenario(s)),
    }
}

/// Reads the `partial.json` an interrupted run left in `out`, for `--resume`, and checks
/// that it is this run's: the same command and scenarios (`expected`, whose results are
/// ignored), version, seed, worlds and shard (`range`, its slice of worlds or cells).
fn read_partial(
    out: &Path,
    o: &McOptions,
    range: (u64, u64),
    expected: &ShardWork,
) -> anyhow::Result<ShardFile> {
    let path = out.join(PARTIAL);
    if !path.exists() {
        return Err(super::Refused(format!(
            "nothing to resume in {}: no {PARTIAL} (was the run interrupted?)",
            out.display()
        ))
        .into());
    }
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let partial: ShardFile =
        serde_json::from_str(&text).with_context(|| format!("{} is malformed", path.display()))?;
    if std::mem::discriminant(&partial.work) != std::mem::discriminant(expected) {
        return Err(super::Refused(format!(
            "cannot resume: {} holds an interrupted `endgame {}`, not `endgame {}`",
            path.display(),
            command(&partial.work),
            command(expected)
        ))
        .into());
    }
    let shard = o.shard.unwrap_or((1, 1));
    let mut differ = Vec::new();
    if partial.version != PROGRAM.version {
        differ.push(format!(
            "version {} (this one: {})",
            partial.version, PROGRAM.version
        ));
    }
    if partial.work.identity() != expected.identity() {
        let (then, now) = (describe(&partial.work), describe(expected));
        differ.push(if then == now {
            format!("other scenario contents or sweep axes for `{then}`")
        } else {
            format!("`{then}` (this one: `{now}`)")
        });
    }
    if partial.seed != o.seed {
        differ.push(format!("seed {} (this one: {})", partial.seed, o.seed));
    }
    if partial.worlds != o.worlds {
        differ.push(format!(
            "{} worlds (this one: {})",
            partial.worlds, o.worlds
        ));
    }
    if partial.shard != shard || partial.range.0 != range.0 || partial.range.1 > range.1 {
        differ.push(format!(
            "shard {}/{} (this one: {}/{})",
            partial.shard.0, partial.shard.1, shard.0, shard.1
        ));
    }
    if !differ.is_empty() {
        return Err(super::Refused(format!(
            "cannot resume: {} is from another run, with {}; resume it with the command that was interrupted, or start this one without --resume",
            path.display(),
            differ.join(", ")
        ))
        .into());
    }
    Ok(partial)
}

/// Saves what an interrupted run completed (`work`, over `range`) to `partial.json`, marks
/// the manifest interrupted, and fails with [`Interrupted`], saying what was `done`.
fn save_partial(
    o: &McOptions,
    range: (u64, u64),
    work: ShardWork,
    manifest: Manifest,
    out: &Path,
    mut written: Vec<PathBuf>,
    done: &str,
) -> anyhow::Result<()> {
    let json = serde_json::to_string(&shard_file(o, range, work))
        .context("cannot encode the partial run")?;
    written.push(write(&out.join(PARTIAL), &(json + "\n"))?);
    manifest.interrupted(out)?;
    say_written(&written);
    Err(Interrupted(format!(
        "interrupted after {done}; finish with the same command and --resume"
    ))
    .into())
}

/// Removes the state of an interrupted run once the run is complete.
fn remove_partial(out: &Path) -> anyhow::Result<()> {
    let path = out.join(PARTIAL);
    if path.exists() {
        std::fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
    }
    Ok(())
}

/// Starts the manifest; a resumed run must find its own in the folder.
fn begin_manifest(
    out: &Path,
    command: &str,
    scenarios: &[&Scenario],
    o: &McOptions,
    options: serde_json::Value,
) -> anyhow::Result<Manifest> {
    Manifest::begin(
        out,
        command,
        scenarios,
        &o.sets,
        o.seed,
        o.worlds,
        o.shard,
        options,
        o.force && !o.resume,
    )
}

/// Runs the worlds of one scenario (or of one shard of them), writes worlds.csv, and
/// summary.json and the plots (or, for a shard, shard.json for `endgame merge`).
pub fn run(s: &Scenario, o: &McOptions, out: &Path) -> anyhow::Result<()> {
    let pool = Pool::new(o.threads).context("cannot start the worker threads")?;
    let ((start, end), note) = slice(o, o.worlds, "worlds");
    let work = |summary: &Summary| ShardWork::Run {
        scenario: info(s, &o.sets),
        summary: Box::new(summary.state()),
    };
    // An interrupted run left its complete worlds and their summary; --resume goes on
    // from there.
    let resumed = if o.resume {
        Some(read_partial(
            out,
            o,
            (start, end),
            &work(&Summary::default()),
        )?)
    } else {
        None
    };
    let manifest = begin_manifest(out, "run", &[s], o, serde_json::json!({}))?;
    println!(
        "{}: {} worlds{note}, seed {}, {} threads{}",
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
    let (from, mut summary) = match resumed {
        Some(partial) => {
            let malformed = || format!("{} is malformed", out.join(PARTIAL).display());
            let ShardWork::Run { summary, .. } = &partial.work else {
                anyhow::bail!(malformed());
            };
            let summary = Summary::from_state(summary).with_context(malformed)?;
            let from = partial.range.1;
            // The interrupted run's rows, as they were written.
            let previous = std::fs::read_to_string(out.join("worlds.csv"))
                .context("cannot read the interrupted run's worlds.csv")?;
            let lines: Vec<&str> = previous.lines().collect();
            if lines.first() != Some(&CSV_HEADER) || lines.len() as u64 != 1 + (from - start) {
                anyhow::bail!(
                    "{} does not hold the interrupted run's worlds; rerun without --resume",
                    out.join("worlds.csv").display()
                );
            }
            for line in lines {
                csv.line(line)?;
            }
            println!("resuming after world {}", from);
            (from, summary)
        }
        None => {
            csv.line(CSV_HEADER)?;
            (start, Summary::default())
        }
    };
    let progress = Progress::new(end - start, o.quiet, &s.name);
    let mut failed: Option<anyhow::Error> = None;
    let reached = pool.for_each_world(
        from..end,
        |k| outcome(s, o.seed, k),
        |k, world| {
            summary.add(&world);
            if failed.is_none() {
                if let Err(e) = csv.line(&csv_row(k, &world)) {
                    failed = Some(e);
                }
            }
        },
        &|done| progress.set(from - start + done),
    );
    progress.finish();
    if let Some(e) = failed {
        return Err(e);
    }
    let mut written = vec![csv.finish()?];
    if reached < end {
        let done = format!(
            "{} of {} worlds; the complete worlds are in {}",
            reached - start,
            end - start,
            out.join("worlds.csv").display()
        );
        return save_partial(
            o,
            (start, reached),
            work(&summary),
            manifest,
            out,
            written,
            &done,
        );
    }
    if o.shard.is_some() {
        written.push(write_shard(o, (start, end), work(&summary), out)?);
    } else {
        written.extend(finish_run(&summary, info(s, &o.sets), o.seed, out)?);
    }
    remove_partial(out)?;
    say_written(&written);
    manifest.finish(out)
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

/// Runs the scenarios on the same worlds (or one shard of them) and compares each with the
/// first.
pub fn compare(scenarios: &[Scenario], o: &McOptions, out: &Path) -> anyhow::Result<()> {
    let pool = Pool::new(o.threads).context("cannot start the worker threads")?;
    let ((start, end), note) = slice(o, o.worlds, "worlds");
    let infos: Vec<ScenarioInfo> = scenarios.iter().map(|s| info(s, &o.sets)).collect();
    let work = |summaries: &[Summary], comparisons: &[Comparison]| ShardWork::Compare {
        scenarios: infos.clone(),
        summaries: summaries.iter().map(Summary::state).collect(),
        comparisons: comparisons.iter().map(Comparison::state).collect(),
    };
    let resumed = if o.resume {
        Some(read_partial(out, o, (start, end), &work(&[], &[]))?)
    } else {
        None
    };
    let all: Vec<&Scenario> = scenarios.iter().collect();
    let manifest = begin_manifest(out, "compare", &all, o, serde_json::json!({}))?;
    let names: Vec<&str> = scenarios.iter().map(|s| s.name.as_str()).collect();
    println!(
        "compare {}: {} worlds each{note}, seed {}, {} threads",
        names.join(" | "),
        o.worlds,
        o.seed,
        pool.threads()
    );
    let (from, mut summaries, mut comparisons) = match resumed {
        Some(partial) => {
            let resumed = resumed_comparison(&partial, start, scenarios.len())
                .with_context(|| format!("{} is malformed", out.join(PARTIAL).display()))?;
            println!("resuming after world {}", resumed.0);
            resumed
        }
        None => (
            start,
            vec![Summary::default(); scenarios.len()],
            vec![Comparison::default(); scenarios.len().saturating_sub(1)],
        ),
    };
    let progress = Progress::new(end - start, o.quiet, "compare");
    let reached = pool.for_each_world(
        from..end,
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
        &|done| progress.set(from - start + done),
    );
    progress.finish();
    if reached < end {
        let done = format!(
            "{} of {} worlds; their summaries are in {}",
            reached - start,
            end - start,
            out.join(PARTIAL).display()
        );
        let work = work(&summaries, &comparisons);
        return save_partial(o, (start, reached), work, manifest, out, vec![], &done);
    }
    let written = if o.shard.is_some() {
        vec![write_shard(
            o,
            (start, end),
            work(&summaries, &comparisons),
            out,
        )?]
    } else {
        finish_compare(&infos, &summaries, &comparisons, o.seed, o.worlds, out)?
    };
    remove_partial(out)?;
    say_written(&written);
    manifest.finish(out)
}

/// Where an interrupted comparison of `n` scenarios stopped, and its summaries and
/// comparisons of the worlds from `start` to there (`None`: they do not add up).
fn resumed_comparison(
    partial: &ShardFile,
    start: u64,
    n: usize,
) -> Option<(u64, Vec<Summary>, Vec<Comparison>)> {
    let ShardWork::Compare {
        summaries,
        comparisons,
        ..
    } = &partial.work
    else {
        return None;
    };
    let from = partial.range.1;
    let summaries: Vec<Summary> = summaries
        .iter()
        .map(Summary::from_state)
        .collect::<Option<_>>()?;
    let comparisons: Vec<Comparison> = comparisons
        .iter()
        .map(Comparison::from_state)
        .collect::<Option<_>>()?;
    let complete = summaries.len() == n
        && comparisons.len() == n.saturating_sub(1)
        && summaries.iter().all(|s| s.worlds == from - start)
        && comparisons.iter().all(|c| c.worlds == from - start);
    complete.then_some((from, summaries, comparisons))
}

/// Writes compare.json, compare.csv and the plot, and prints the comparison.
fn finish_compare(
    infos: &[ScenarioInfo],
    summaries: &[Summary],
    comparisons: &[Comparison],
    seed: u64,
    worlds: u64,
    out: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    let Some(base) = infos.first() else {
        anyhow::bail!("nothing to compare");
    };
    let reports: Vec<_> = comparisons
        .iter()
        .zip(&infos[1..])
        .map(|(c, s)| c.report(base.clone(), s.clone()))
        .collect();
    let doc = serde_json::json!({
        "program": PROGRAM,
        "seed": seed,
        "worlds": worlds,
        "scenarios": infos.iter().zip(summaries).map(|(s, sum)| sum.report(s.clone(), seed)).collect::<Vec<_>>(),
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
    let names: Vec<&str> = infos.iter().map(|s| s.name.as_str()).collect();
    let series: Vec<(String, &endgame::summary::Histogram, u64)> = infos
        .iter()
        .zip(summaries)
        .filter_map(|(s, sum)| {
            sum.time("acceptance")
                .map(|h| (s.name.clone(), h, sum.worlds))
        })
        .collect();
    let title = format!(
        "Final acceptance: {} ({} worlds each)",
        names.join(" vs "),
        worlds
    );
    written.extend(endgame::plot::compare_cdf(&series, &title, out)?);
    for (c, s) in comparisons.iter().zip(&infos[1..]) {
        println!();
        for line in table::comparison_lines(&base.name, &s.name, c) {
            println!("{line}");
        }
    }
    Ok(written)
}

/// The header of `sweep.csv`.
fn sweep_header(keys: &[&str]) -> String {
    let mut csv = format!("cell,{},worlds", keys.join(","));
    for (name, _) in METRICS {
        csv.push_str(&format!(",{name},{name}_lo,{name}_hi"));
    }
    csv
}

/// Runs every cell of a scenario's `[sweep]` (or one shard of the cells) on the same worlds.
pub fn sweep(s: &Scenario, o: &McOptions, metric: &str, out: &Path) -> anyhow::Result<()> {
    let pool = Pool::new(o.threads).context("cannot start the worker threads")?;
    let cells = s.cells() as u64;
    let keys: Vec<&str> = s.sweep.iter().map(|a| a.key).collect();
    let ((start, end), note) = slice(o, cells, "cells");
    let axes: Vec<(String, Vec<String>)> = s
        .sweep
        .iter()
        .map(|a| (a.key.to_string(), a.labels.clone()))
        .collect();
    let work = |cells: Vec<SweepCell>| ShardWork::Sweep {
        scenario: info(s, &o.sets),
        outcome: metric.to_string(),
        axes: axes.clone(),
        cells,
    };
    let resumed = if o.resume {
        Some(read_partial(out, o, (start, end), &work(Vec::new()))?)
    } else {
        None
    };
    let options = serde_json::json!({ "outcome": metric });
    let manifest = begin_manifest(out, "sweep", &[s], o, options)?;
    println!(
        "sweep {} over {}: {cells} cells x {} worlds{note}, seed {}, {} threads",
        s.path,
        keys.join(" x "),
        o.worlds,
        o.seed,
        pool.threads()
    );
    // The cells an interrupted sweep completed, in order from `start`.
    let mut done_cells = match resumed {
        Some(ShardFile {
            work: ShardWork::Sweep { cells, .. },
            range,
            ..
        }) if cells.iter().map(|c| c.cell).eq(start..range.1) => {
            println!("resuming after cell {}", range.1);
            cells
        }
        Some(_) => anyhow::bail!("{} is malformed", out.join(PARTIAL).display()),
        None => Vec::with_capacity((end - start) as usize),
    };
    let progress = Progress::new((end - start) * o.worlds, o.quiet, "sweep");
    for cell in start + done_cells.len() as u64..end {
        let scenario = s.cell(cell as usize).map_err(|e| anyhow::anyhow!("{e}"))?;
        let mut summary = Summary::default();
        let offset = (cell - start) * o.worlds;
        let reached = pool.for_each_world(
            0..o.worlds,
            |k| outcome(&scenario, o.seed, k),
            |_, w| summary.add(&w),
            &|done| progress.set(offset + done),
        );
        if reached < o.worlds {
            // Interrupted: the cell under way is run again on --resume.
            break;
        }
        let labels: Vec<String> = s
            .cell_labels(cell as usize)
            .iter()
            .map(|l| csv_field(l))
            .collect();
        let metrics: Vec<Option<(f64, f64, f64)>> = METRICS
            .iter()
            .map(|(name, _)| summary.metric(name))
            .collect();
        let mut row = format!("{cell},{},{}", labels.join(","), o.worlds);
        for m in &metrics {
            match m {
                Some((e, lo, hi)) => row.push_str(&format!(",{e:.6},{lo:.6},{hi:.6}")),
                None => row.push_str(",,,"),
            }
        }
        done_cells.push(SweepCell { cell, row, metrics });
    }
    progress.finish();
    let reached = start + done_cells.len() as u64;
    if reached < end {
        let done = format!(
            "{} of {} cells; the complete cells are in {}",
            reached - start,
            end - start,
            out.join(PARTIAL).display()
        );
        let work = work(done_cells);
        return save_partial(o, (start, reached), work, manifest, out, vec![], &done);
    }
    let written = if o.shard.is_some() {
        vec![write_shard(o, (start, end), work(done_cells), out)?]
    } else {
        finish_sweep(&info(s, &o.sets), &axes, &done_cells, metric, o.worlds, out)?
    };
    remove_partial(out)?;
    say_written(&written);
    manifest.finish(out)
}

/// Writes sweep.csv and the plot, and prints the chosen outcome by cell.
fn finish_sweep(
    scenario: &ScenarioInfo,
    axes: &[(String, Vec<String>)],
    cells: &[SweepCell],
    metric: &str,
    worlds: u64,
    out: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    let keys: Vec<&str> = axes.iter().map(|(k, _)| k.as_str()).collect();
    let mut csv = sweep_header(&keys) + "\n";
    for c in cells {
        csv.push_str(&c.row);
        csv.push('\n');
    }
    let mut written = vec![write(&out.join("sweep.csv"), &csv)?];
    let index = METRICS.iter().position(|(n, _)| *n == metric).unwrap_or(0);
    let label = METRICS[index].1;
    let values: Vec<Option<(f64, f64, f64)>> = cells
        .iter()
        .map(|c| c.metrics.get(index).copied().flatten())
        .collect();
    let title = format!(
        "{}: {label} ({worlds} worlds per cell)",
        scenario.title.as_deref().unwrap_or(&scenario.name)
    );
    let plain = |labels: &[String]| {
        labels
            .iter()
            .map(|l| unquoted(l).to_string())
            .collect::<Vec<_>>()
    };
    match axes {
        [(key, labels)] => {
            let points: Vec<(f64, f64, f64)> = values
                .iter()
                .map(|v| v.unwrap_or((f64::NAN, f64::NAN, f64::NAN)))
                .collect();
            written.extend(endgame::plot::sweep_line(
                key,
                &plain(labels),
                &points,
                label,
                &title,
                out,
            )?);
        }
        [(key_y, ys), (key_x, xs)] => {
            let nx = xs.len();
            let grid: Vec<Vec<f64>> = (0..ys.len())
                .map(|iy| {
                    (0..nx)
                        .map(|ix| {
                            values
                                .get(iy * nx + ix)
                                .copied()
                                .flatten()
                                .map_or(f64::NAN, |v| v.0)
                        })
                        .collect()
                })
                .collect();
            written.extend(endgame::plot::sweep_heatmap(
                key_x,
                &plain(xs),
                key_y,
                &plain(ys),
                &grid,
                label,
                &title,
                out,
            )?);
        }
        _ => println!(
            "(no plot for a sweep over {} keys; sweep.csv has every cell)",
            axes.len()
        ),
    }
    println!("\n{label} by cell:");
    for (c, v) in cells.iter().zip(&values) {
        let v = v.map_or("no data".to_string(), |(e, lo, hi)| {
            format!("{e:.3}  [{lo:.3}, {hi:.3}]")
        });
        let row_labels: Vec<&str> = c.row.split(',').skip(1).take(axes.len()).collect();
        println!("  {}  {v}", row_labels.join("  "));
    }
    Ok(written)
}

/// Merges the shards of one run, comparison or sweep into the result of the whole.
pub fn merge(dirs: &[PathBuf], out: &Path, force: bool) -> anyhow::Result<()> {
    let mut shards: Vec<(ShardFile, PathBuf)> = Vec::new();
    for dir in dirs {
        let path = dir.join("shard.json");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let shard: ShardFile = serde_json::from_str(&text).with_context(|| {
            format!(
                "{} is not a shard of `endgame run/compare/sweep --shard`",
                path.display()
            )
        })?;
        shards.push((shard, dir.clone()));
    }
    shards.sort_by_key(|(s, _)| s.shard.0);
    let Some((first, _)) = shards.first() else {
        anyhow::bail!("no shard to merge");
    };
    let first = first.clone();
    let n = first.shard.1;
    let same_work = |a: &ShardWork, b: &ShardWork| a.identity() == b.identity();
    for (s, dir) in &shards {
        if s.version != first.version
            || s.seed != first.seed
            || s.worlds != first.worlds
            || s.shard.1 != n
            || !same_work(&s.work, &first.work)
        {
            anyhow::bail!(
                "{} is a shard of another run (command, scenarios, overrides, seed, worlds, shard count and version must all agree)",
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
    let manifest = Manifest::begin_merge(out, &shards[0].1, force)?;
    let malformed = |dir: &Path| format!("{}: a malformed shard", dir.display());
    let written = match &first.work {
        ShardWork::Run { scenario, .. } => {
            let mut summary = Summary::default();
            let mut csv = AtomicFile::create(&out.join("worlds.csv"))?;
            csv.line(CSV_HEADER)?;
            for (s, dir) in &shards {
                let ShardWork::Run { summary: state, .. } = &s.work else {
                    anyhow::bail!(malformed(dir));
                };
                summary.merge(&Summary::from_state(state).with_context(|| malformed(dir))?);
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
                summary.worlds, scenario.path
            );
            let mut written = vec![csv.finish()?];
            written.extend(finish_run(&summary, scenario.clone(), first.seed, out)?);
            written
        }
        ShardWork::Compare { scenarios, .. } => {
            let mut summaries = vec![Summary::default(); scenarios.len()];
            let mut comparisons = vec![Comparison::default(); scenarios.len().saturating_sub(1)];
            for (s, dir) in &shards {
                let ShardWork::Compare {
                    summaries: sums,
                    comparisons: comps,
                    ..
                } = &s.work
                else {
                    anyhow::bail!(malformed(dir));
                };
                if sums.len() != summaries.len() || comps.len() != comparisons.len() {
                    anyhow::bail!(malformed(dir));
                }
                for (a, b) in summaries.iter_mut().zip(sums) {
                    a.merge(&Summary::from_state(b).with_context(|| malformed(dir))?);
                }
                for (a, b) in comparisons.iter_mut().zip(comps) {
                    a.merge(&Comparison::from_state(b).with_context(|| malformed(dir))?);
                }
            }
            println!(
                "merged {n} shards of a comparison over {} worlds",
                first.worlds
            );
            finish_compare(
                scenarios,
                &summaries,
                &comparisons,
                first.seed,
                first.worlds,
                out,
            )?
        }
        ShardWork::Sensitivity {
            scenario,
            method,
            base,
            bootstrap,
            params,
            outcomes,
            ..
        } => {
            let mut outputs: Vec<Vec<f64>> = vec![Vec::new(); outcomes.len()];
            for (s, dir) in &shards {
                let ShardWork::Sensitivity { outputs: part, .. } = &s.work else {
                    anyhow::bail!(malformed(dir));
                };
                let width = s.range.1.saturating_sub(s.range.0);
                if part.len() != outputs.len() || part.iter().any(|c| c.len() as u64 != width) {
                    anyhow::bail!(malformed(dir));
                }
                for (column, values) in outputs.iter_mut().zip(part) {
                    column.extend(values.iter().map(|x| x.unwrap_or(f64::NAN)));
                }
            }
            if outputs.iter().any(|c| c.len() as u64 != first.worlds) {
                anyhow::bail!("the shards do not hold every design point once");
            }
            println!(
                "merged {n} shards of a sensitivity analysis: {} worlds",
                first.worlds
            );
            let analysis = super::sensitivity::Analysis {
                scenario: scenario.clone(),
                sobol: method == "sobol",
                base: *base,
                bootstrap: *bootstrap,
                seed: first.seed,
                keys: params.clone(),
                outcomes: outcomes.clone(),
            };
            super::sensitivity::finish(&analysis, &outputs, out)?
        }
        ShardWork::Sweep {
            scenario,
            outcome,
            axes,
            ..
        } => {
            let mut cells = Vec::new();
            for (s, dir) in &shards {
                let ShardWork::Sweep { cells: part, .. } = &s.work else {
                    anyhow::bail!(malformed(dir));
                };
                cells.extend(part.iter().cloned());
            }
            let expected: u64 = axes.iter().map(|(_, l)| l.len() as u64).product();
            if cells.iter().map(|c| c.cell).ne(0..expected) {
                anyhow::bail!("the shards do not hold every sweep cell once, in order");
            }
            println!("merged {n} shards of a sweep: {expected} cells");
            finish_sweep(scenario, axes, &cells, outcome, first.worlds, out)?
        }
    };
    say_written(&written);
    manifest.finish(out)
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

/// The outcomes `endgame views` tabulates: (metric, label, is a date, is a share).
const VIEW_OUTCOMES: [(&str, &str, bool, bool); 4] = [
    (
        "acceptance_median",
        "median acceptance (Tokyo)",
        true,
        false,
    ),
    (
        "accepted_before_xday",
        "P(accept before X-day, Nov 1)",
        false,
        true,
    ),
    (
        "entry_before_acceptance",
        "P(Soviet entry before acceptance)",
        false,
        true,
    ),
    ("bombs_dropped", "mean atomic bombs dropped", false, false),
];

/// Runs each scenario under each view (and as written) on the same worlds, and tabulates
/// the outcomes historians argue about.
pub fn views(
    rows: &[(String, Vec<Scenario>)],
    view_names: &[String],
    o: &McOptions,
    out: &Path,
) -> anyhow::Result<()> {
    let pool = Pool::new(o.threads).context("cannot start the worker threads")?;
    let written_as: Vec<&Scenario> = rows.iter().filter_map(|(_, v)| v.first()).collect();
    let options = serde_json::json!({ "views": view_names });
    let manifest = Manifest::begin(
        out,
        "views",
        &written_as,
        &o.sets,
        o.seed,
        o.worlds,
        None,
        options,
        o.force,
    )?;
    let columns: Vec<String> = std::iter::once("as written".to_string())
        .chain(view_names.iter().cloned())
        .collect();
    println!(
        "views: {} scenarios x {} views ({}), {} worlds each, seed {}, {} threads",
        rows.len(),
        columns.len(),
        columns.join(", "),
        o.worlds,
        o.seed,
        pool.threads()
    );
    let progress = Progress::new(
        o.worlds * (rows.len() * columns.len()) as u64,
        o.quiet,
        "views",
    );
    // values[outcome][scenario][view]
    let mut values = vec![vec![vec![None; columns.len()]; rows.len()]; VIEW_OUTCOMES.len()];
    let mut csv = String::from("scenario,view,worlds");
    for (name, ..) in VIEW_OUTCOMES {
        csv.push_str(&format!(",{name},{name}_lo,{name}_hi"));
    }
    csv.push('\n');
    let mut json_rows = Vec::new();
    let mut done = 0;
    for (si, (name, variants)) in rows.iter().enumerate() {
        for (vi, scenario) in variants.iter().enumerate() {
            let mut summary = Summary::default();
            pool.for_each_world(
                0..o.worlds,
                |k| outcome(scenario, o.seed, k),
                |_, w| summary.add(&w),
                &|d| progress.set(done + d),
            );
            done += o.worlds;
            csv.push_str(&format!("{name},{},{}", columns[vi], o.worlds));
            let mut metrics = serde_json::Map::new();
            for (oi, (metric, ..)) in VIEW_OUTCOMES.iter().enumerate() {
                let m = summary.metric(metric);
                values[oi][si][vi] = m;
                match m {
                    Some((e, lo, hi)) => csv.push_str(&format!(",{e:.6},{lo:.6},{hi:.6}")),
                    None => csv.push_str(",,,"),
                }
                metrics.insert(
                    metric.to_string(),
                    serde_json::json!(m.map(|(e, lo, hi)| [e, lo, hi])),
                );
            }
            csv.push('\n');
            json_rows.push(
                serde_json::json!({ "scenario": name, "view": columns[vi], "outcomes": metrics }),
            );
        }
    }
    progress.finish();
    whole_or_interrupted(&manifest, out)?;
    let mut written = vec![write(&out.join("views.csv"), &csv)?];
    let doc = serde_json::json!({
        "program": PROGRAM,
        "seed": o.seed,
        "worlds": o.worlds,
        "views": columns,
        "rows": json_rows,
    });
    let json = serde_json::to_string_pretty(&doc).context("cannot encode the views")?;
    written.push(write(&out.join("views.json"), &(json + "\n"))?);
    let names: Vec<String> = rows.iter().map(|(n, _)| n.clone()).collect();
    for (oi, (metric, label, is_date, is_share)) in VIEW_OUTCOMES.iter().enumerate() {
        let title = format!(
            "{label}: does it depend on whom you believe? ({} worlds each)",
            o.worlds
        );
        written.extend(endgame::plot::views_dots(
            metric,
            label,
            &names,
            &columns,
            &values[oi],
            *is_date,
            *is_share,
            &title,
            out,
        )?);
    }
    let fmt = |oi: usize, v: Option<(f64, f64, f64)>| match (VIEW_OUTCOMES[oi], v) {
        (_, None) => "-".to_string(),
        ((_, _, true, _), Some((e, ..))) => {
            let t = endgame::engine::SimTime::from_minutes(
                (e * 1440.0).round() as i64 - endgame::summary::TOKYO_OFFSET_MINUTES,
            );
            endgame::time::Zone::named("Tokyo")
                .map_or_else(|_| format!("{e:.1}"), |z| z.format(t)[5..].to_string())
        }
        ((_, _, _, true), Some((e, ..))) => format!("{:.1}%", 100.0 * e),
        (_, Some((e, ..))) => format!("{e:.2}"),
    };
    for (oi, (_, label, ..)) in VIEW_OUTCOMES.iter().enumerate() {
        println!("\n{label}:");
        println!(
            "  {:<28}{}",
            "",
            columns
                .iter()
                .map(|c| format!("{c:>14}"))
                .collect::<String>()
        );
        for (si, name) in names.iter().enumerate() {
            let cells: String = values[oi][si]
                .iter()
                .map(|v| format!("{:>14}", fmt(oi, *v)))
                .collect();
            println!("  {name:<28}{cells}");
        }
    }
    say_written(&written);
    manifest.finish(out)
}
