//! The command-line tool: argument parsing, files and the terminal. Everything here is the
//! edge; the library below it does no I/O.

mod bench;
mod fs;
mod manifest;
mod mc;
mod output;
mod report;
mod sensitivity;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};

use endgame::model::registry::SPECS;
use endgame::model::{Happening, run_world};
use endgame::report::{params, trace};
use endgame::scenario::{self, Origin, ScenarioError};

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 1945;

/// Endgame: a counterfactual simulator of how the Pacific War ended in 1945.
#[derive(Debug, Parser)]
#[command(name = "endgame", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TraceFormat {
    /// One event a line, for people.
    Text,
    /// One JSON object a line, for programs.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Method {
    /// Morris elementary effects: cheap screening of many parameters.
    Morris,
    /// Sobol' first- and total-order indices (Saltelli sampling).
    Sobol,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ParamsFormat {
    /// The Markdown reference (docs/parameters.md).
    Markdown,
    /// A scenario file setting every key to its historical value, with its documentation.
    Scenario,
}

/// Options of every command that runs worlds.
#[derive(Debug, clap::Args)]
struct CommonArgs {
    /// The master seed: world k of any scenario draws from streams keyed by (seed, k).
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Worker threads (default: one per core); results do not depend on it.
    #[arg(long)]
    threads: Option<usize>,
    /// The output folder (default: output/<scenario name>/, with the command's prefix).
    #[arg(long)]
    out: Option<std::path::PathBuf>,
    /// Overwrite an output folder that holds the results of another run.
    #[arg(long)]
    force: bool,
    /// Run only shard K of N (1-based), a deterministic slice of the worlds (or cells, or
    /// design points); combine the shards' folders with `endgame merge`.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    shard: Option<(u64, u64)>,
    /// Override a scenario key: KEY=VALUE, VALUE a TOML value (repeatable).
    #[arg(long = "set", value_name = "KEY=VALUE")]
    sets: Vec<String>,
    /// Apply a historians' view (scenarios/views/NAME.toml, or a file), before --set
    /// (repeatable).
    #[arg(long = "view", value_name = "NAME")]
    views: Vec<String>,
}

impl CommonArgs {
    fn out_or(&self, default: &str) -> std::path::PathBuf {
        self.out
            .clone()
            .unwrap_or_else(|| std::path::Path::new("output").join(default))
    }
}

/// Options of the Monte Carlo commands.
#[derive(Debug, clap::Args)]
struct McArgs {
    /// How many worlds per scenario (default 10000), or per sweep cell (default 1000).
    #[arg(short = 'n', long = "worlds")]
    worlds: Option<u64>,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
    /// Go on with a run, comparison or sweep that Ctrl-C interrupted, in the same output
    /// folder.
    #[arg(long)]
    resume: bool,
    #[command(flatten)]
    common: CommonArgs,
}

/// The most worlds one process runs: more would take days; split the run with --shard.
const MAX_WORLDS_PER_PROCESS: u64 = 10_000_000_000;

/// Refuses a run of more than [`MAX_WORLDS_PER_PROCESS`] worlds in this process (`units`
/// worlds per world index: scenarios, cells or views).
fn check_size(o: &mc::McOptions, units: u64) -> Result<(), Failure> {
    let mine = match o.shard {
        Some((k, n)) => {
            let (a, b) = endgame::summary::shard_range(o.worlds, k, n);
            b - a
        }
        None => o.worlds,
    };
    let total = u128::from(mine) * u128::from(units.max(1));
    if total > u128::from(MAX_WORLDS_PER_PROCESS) {
        return Err(Failure::Other(
            Refused(format!(
                "this asks for {total} worlds in one process; at most {MAX_WORLDS_PER_PROCESS}: take a smaller -n, or split the run with --shard K/N (see scripts/endgame_array.sbatch)"
            ))
            .into(),
        ));
    }
    Ok(())
}

/// Parses `K/N` with 1 <= K <= N.
fn parse_shard(text: &str) -> Result<(u64, u64), String> {
    let bad = || format!("expected K/N with 1 <= K <= N, e.g. 2/8; found `{text}`");
    let (k, n) = text.split_once('/').ok_or_else(bad)?;
    let (k, n): (u64, u64) = (
        k.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    );
    if k == 0 || k > n {
        return Err(bad());
    }
    Ok((k, n))
}

impl McArgs {
    fn options(&self, default_worlds: u64) -> mc::McOptions {
        let c = &self.common;
        mc::McOptions {
            worlds: self.worlds.unwrap_or(default_worlds),
            force: c.force,
            resume: self.resume,
            shard: c.shard,
            seed: c.seed,
            threads: c.threads,
            quiet: self.quiet,
            sets: c.sets.clone(),
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run many worlds of a scenario: summary table, worlds.csv, summary.json and plots.
    Run {
        /// The scenario file.
        #[arg(default_value = "scenarios/baseline.toml")]
        scenario: String,
        #[command(flatten)]
        mc: McArgs,
    },
    /// Run scenarios on the same worlds and compare each with the first, world by world.
    Compare {
        /// The scenario files; the first is the base.
        #[arg(required = true, num_args = 2..)]
        scenarios: Vec<String>,
        #[command(flatten)]
        mc: McArgs,
    },
    /// Run every cell of a scenario's [sweep] table.
    Sweep {
        /// The scenario file, with a [sweep] table.
        scenario: String,
        /// The outcome to chart.
        #[arg(long, default_value = "entry_before_acceptance", value_parser = clap::builder::PossibleValuesParser::new(endgame::summary::METRICS.map(|(n, _)| n)))]
        outcome: String,
        #[command(flatten)]
        mc: McArgs,
    },
    /// Print one world's timeline.
    Trace {
        /// The scenario file.
        #[arg(required_unless_present = "from_manifest")]
        scenario: Option<String>,
        /// Replay a world of a finished run: the output folder whose manifest.json gives the
        /// resolved scenario and the seed (the first scenario, for a comparison).
        #[arg(long, value_name = "DIR", conflicts_with_all = ["scenario", "sets", "views", "seed"])]
        from_manifest: Option<std::path::PathBuf>,
        /// The master seed.
        #[arg(long, default_value_t = DEFAULT_SEED)]
        seed: u64,
        /// Which world (0-based) of the seed.
        #[arg(long, default_value_t = 0)]
        world: u64,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TraceFormat::Text)]
        format: TraceFormat,
        /// Override a scenario key: KEY=VALUE, VALUE a TOML value (repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        sets: Vec<String>,
        /// Apply a historians' view (scenarios/views/NAME.toml, or a file) (repeatable).
        #[arg(long = "view", value_name = "NAME")]
        views: Vec<String>,
    },
    /// Validate scenario files and print their resolved parameters.
    Check {
        /// The scenario files.
        #[arg(required = true)]
        scenarios: Vec<String>,
        /// Override a scenario key: KEY=VALUE, VALUE a TOML value (repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        sets: Vec<String>,
        /// Apply a historians' view (scenarios/views/NAME.toml, or a file) (repeatable).
        #[arg(long = "view", value_name = "NAME")]
        views: Vec<String>,
    },
    /// Run each scenario as written and under each historians' view, on the same worlds:
    /// median acceptance, P(accept before X-day), P(Soviet entry before acceptance), bombs.
    Views {
        /// The scenario files.
        #[arg(required = true)]
        scenarios: Vec<String>,
        #[command(flatten)]
        mc: McArgs,
    },
    /// Which uncertain parameters drive each outcome: Morris screening or Sobol' indices
    /// (with bootstrap intervals) over every parameter that carries a distribution.
    Sensitivity {
        /// The scenario file.
        #[arg(default_value = "scenarios/baseline.toml")]
        scenario: String,
        /// The method.
        #[arg(long, value_enum, default_value_t = Method::Sobol)]
        method: Method,
        /// Base rows (Sobol': n·(d+2) worlds for d parameters; a power of two is best) or
        /// trajectories (Morris: r·(d+1) worlds).
        #[arg(short = 'n', long = "base")]
        base: Option<usize>,
        /// The outcomes to explain (repeatable; default: all).
        #[arg(long = "outcome", value_parser = clap::builder::PossibleValuesParser::new(sensitivity::OUTCOMES.map(|(n, _)| n)))]
        outcomes: Vec<String>,
        /// Analyse only these parameters (repeatable; default: every uncertain one).
        #[arg(long = "param", value_name = "KEY")]
        params: Vec<String>,
        /// Bootstrap resamples for the 95 % intervals.
        #[arg(long, default_value_t = 200)]
        bootstrap: usize,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// Combine the folders of `run`, `compare`, `sweep` or `sensitivity --shard K/N` into
    /// the result of the whole.
    Merge {
        /// The shards' output folders.
        #[arg(required = true)]
        dirs: Vec<std::path::PathBuf>,
        /// Where to write the merged run.
        #[arg(long)]
        out: std::path::PathBuf,
        /// Overwrite an output folder that holds the results of another run.
        #[arg(long)]
        force: bool,
    },
    /// Measure the engine and the model: PHOLD events/s against a bare heap, baseline
    /// worlds/s on 1 thread and on all, peak memory.
    Bench {
        /// A shorter run (well under a minute).
        #[arg(long)]
        quick: bool,
        /// The scenario to time.
        #[arg(long, default_value = "scenarios/baseline.toml")]
        scenario: String,
    },
    /// Write a classroom page: one self-contained HTML file that runs the simulator in the
    /// browser, offline, with the lesson's levers (see docs/classroom.md).
    Report {
        /// The scenario (a lesson file's [lesson] table gives the question and the levers).
        scenario: String,
        /// The reference the levers are compared with (default: the scenario itself).
        #[arg(long, value_name = "OTHER")]
        against: Option<String>,
        /// The page to write (default: output/<scenario name>.html).
        #[arg(long, value_name = "FILE.html")]
        out: Option<std::path::PathBuf>,
        /// Worlds per run in the browser (default: the lesson's, else 2000).
        #[arg(short = 'n', long)]
        worlds: Option<u64>,
        /// The master seed (default: the lesson's, else 1945).
        #[arg(long)]
        seed: Option<u64>,
        /// Override a key of both scenarios: KEY=VALUE (repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        sets: Vec<String>,
        /// Apply a historians' view to both scenarios (repeatable).
        #[arg(long = "view", value_name = "NAME")]
        views: Vec<String>,
        /// Replace a file that is not a page `endgame report` wrote.
        #[arg(long)]
        force: bool,
    },
    /// Print the reference of every parameter.
    Params {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ParamsFormat::Markdown)]
        format: ParamsFormat,
    },
}

/// A request refused before any work: bad input that is not a scenario (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub String);

/// A failure and the exit code it deserves: 2 for bad input, 1 for anything else.
enum Failure {
    Input(ScenarioError),
    Other(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Other(e)
    }
}

/// Runs the command line and returns the process's exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // The first Ctrl-C stops the worlds at the next chunk and saves what is complete; a
    // second one quits at once.
    let _ = ctrlc::set_handler(|| {
        if endgame::experiment::stop_requested() {
            std::process::exit(130);
        }
        eprintln!("\nstopping: finishing the worlds under way (Ctrl-C again to quit at once)");
        endgame::experiment::request_stop();
    });
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(e)) => {
            eprintln!("error: invalid scenario\n{e}");
            ExitCode::from(2)
        }
        Err(Failure::Other(e)) if e.downcast_ref::<mc::Interrupted>().is_some() => {
            eprintln!("{e:#}");
            ExitCode::from(130)
        }
        Err(Failure::Other(e)) if e.downcast_ref::<Refused>().is_some() => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
        Err(Failure::Other(e)) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Trace {
            scenario,
            from_manifest,
            seed,
            world,
            format,
            sets,
            views,
        } => {
            let (s, seed) = match (from_manifest, scenario) {
                (Some(dir), _) => {
                    let m = manifest::Manifest::read(&dir)?;
                    let Some(first) = m.scenarios.first() else {
                        return Err(Failure::Other(anyhow::anyhow!(
                            "{}: the manifest names no scenario",
                            dir.display()
                        )));
                    };
                    let s = scenario::parse_str(&first.path, &first.resolved, &[])
                        .map_err(Failure::Input)?;
                    (s, m.seed)
                }
                (None, Some(path)) => (load_one(&path, &views, &sets)?, seed),
                (None, None) => {
                    return Err(Failure::Other(anyhow::anyhow!(
                        "name a scenario or --from-manifest DIR"
                    )));
                }
            };
            trace_cmd(&s, seed, world, format)
        }
        Command::Check {
            scenarios,
            sets,
            views,
        } => check_cmd(&scenarios, &views, &sets),
        Command::Report {
            scenario,
            against,
            out,
            worlds,
            seed,
            sets,
            views,
            force,
        } => {
            let mut paths = vec![scenario.clone()];
            paths.extend(against.clone());
            let loaded = load_all(&paths, &views, &sets)?;
            let (s, other) = match loaded.as_slice() {
                [s] => (s, s),
                [s, other] => (s, other),
                _ => {
                    return Err(Failure::Other(anyhow::anyhow!(
                        "expected one or two scenarios"
                    )));
                }
            };
            let out = out
                .unwrap_or_else(|| std::path::Path::new("output").join(format!("{}.html", s.name)));
            let options = report::ReportOptions {
                command: report::command_line(),
                worlds,
                seed,
                force,
            };
            let written = report::report(s, other, &options, &out)?;
            println!(
                "wrote {} ({} KiB): open it in a browser; it works offline",
                written.display(),
                std::fs::metadata(&written).map_or(0, |m| m.len() / 1024)
            );
            Ok(())
        }
        Command::Views { scenarios, mc } => {
            if mc.resume {
                return Err(Failure::Other(
                    Refused(
                        "`views` cannot resume (it keeps no partial state); run it again without --resume"
                            .into(),
                    )
                    .into(),
                ));
            }
            let names = if mc.common.views.is_empty() {
                all_views()?
            } else {
                mc.common.views.clone()
            };
            let paths = view_paths(&names)?;
            let mut rows = Vec::new();
            let mut problems = Vec::new();
            for path in &scenarios {
                let mut variants = Vec::new();
                for views in std::iter::once(&[][..]).chain(paths.chunks(1)) {
                    match scenario::load_with_views(path, views, &mc.common.sets, &fs::FsLoader) {
                        Ok(s) => variants.push(s),
                        Err(e) => problems.extend(e.problems),
                    }
                }
                if let Some(first) = variants.first() {
                    rows.push((first.name.clone(), variants));
                }
            }
            if !problems.is_empty() {
                return Err(Failure::Input(ScenarioError { problems }));
            }
            let out = mc.common.out_or("views");
            let names: Vec<String> = paths.iter().map(|p| view_stem(p)).collect();
            let options = mc.options(2_000);
            check_size(&options, (rows.len() * (names.len() + 1)) as u64)?;
            mc::views(&rows, &names, &options, &out)?;
            Ok(())
        }
        Command::Run { scenario, mc } => {
            let s = load_one(&scenario, &mc.common.views, &mc.common.sets)?;
            let out = mc.common.out_or(&output_name(&s));
            let options = mc.options(10_000);
            check_size(&options, 1)?;
            mc::run(&s, &options, &out)?;
            Ok(())
        }
        Command::Compare { scenarios, mc } => {
            let loaded = load_all(&scenarios, &mc.common.views, &mc.common.sets)?;
            let names: Vec<&str> = loaded.iter().map(|s| s.name.as_str()).collect();
            let mut out_name = format!("compare_{}", names.join("_vs_"));
            for v in loaded.first().map(|s| s.views.clone()).unwrap_or_default() {
                out_name.push_str(&format!("_{v}"));
            }
            let out = mc.common.out_or(&out_name);
            let options = mc.options(10_000);
            check_size(&options, loaded.len() as u64)?;
            mc::compare(&loaded, &options, &out)?;
            Ok(())
        }
        Command::Sweep {
            scenario,
            outcome,
            mc,
        } => {
            let s = load_one(&scenario, &mc.common.views, &mc.common.sets)?;
            if s.sweep.is_empty() {
                return Err(Failure::Input(ScenarioError {
                    problems: vec![scenario::Problem {
                        origin: Origin::File { file: scenario.clone(), line: 1, column: 1 },
                        key: Some("sweep".into()),
                        message: "this scenario has no [sweep] table; add one, e.g. [sweep] \"ussr.planned_dday\" = { from = \"1945-08-05 00:00 Transbaikal\", to = \"1945-08-25 00:00 Transbaikal\", step = \"5d\" }".into(),
                        suggestion: None,
                        via: None,
                    }],
                }));
            }
            let out = mc.common.out_or(&format!("sweep_{}", output_name(&s)));
            let options = mc.options(1_000);
            check_size(
                &mc::McOptions {
                    worlds: options.worlds.saturating_mul(s.cells() as u64),
                    ..mc.options(1_000)
                },
                1,
            )?;
            mc::sweep(&s, &options, &outcome, &out)?;
            Ok(())
        }
        Command::Sensitivity {
            scenario,
            method,
            base,
            outcomes,
            params,
            bootstrap,
            common,
        } => {
            let s = load_one(&scenario, &common.views, &common.sets)?;
            let sobol = method == Method::Sobol;
            let options = sensitivity::SensitivityOptions {
                sobol,
                base: base.unwrap_or(if sobol { 1024 } else { 100 }),
                seed: common.seed,
                threads: common.threads,
                outcomes: if outcomes.is_empty() {
                    sensitivity::OUTCOMES
                        .iter()
                        .map(|(n, _)| n.to_string())
                        .collect()
                } else {
                    outcomes
                },
                params,
                bootstrap,
                shard: common.shard,
                force: common.force,
            };
            let out = common.out_or(&format!("sensitivity_{}", output_name(&s)));
            sensitivity::sensitivity(&s, &options, &out)?;
            Ok(())
        }
        Command::Merge { dirs, out, force } => {
            mc::merge(&dirs, &out, force)?;
            Ok(())
        }
        Command::Bench { quick, scenario } => {
            let s = scenario::load(&scenario, &[], &fs::FsLoader).map_err(Failure::Input)?;
            bench::bench(&s, quick)?;
            Ok(())
        }
        Command::Params { format } => {
            let text = match format {
                ParamsFormat::Markdown => params::markdown(),
                ParamsFormat::Scenario => params::scenario_template(),
            };
            write_out(&text)?;
            Ok(())
        }
    }
}

fn write_out(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // A closed pipe (`| head`) is not a failure.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

/// A run's default folder name: the scenario's name and its views.
fn output_name(s: &scenario::Scenario) -> String {
    std::iter::once(s.name.clone())
        .chain(s.views.iter().cloned())
        .collect::<Vec<_>>()
        .join("_")
}

/// The folder of the shipped views.
const VIEWS_DIR: &str = "scenarios/views";

fn view_stem(path: &str) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".toml").unwrap_or(file).to_string()
}

/// Every view in `scenarios/views/`, by name, in name order.
fn all_views() -> Result<Vec<String>, Failure> {
    let mut names: Vec<String> = std::fs::read_dir(VIEWS_DIR)
        .map_err(|e| Failure::Other(anyhow::anyhow!("cannot list {VIEWS_DIR}: {e}")))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".toml"))
                .map(str::to_string)
        })
        .collect();
    names.sort();
    Ok(names)
}

/// The files of the named views: a name is `scenarios/views/NAME.toml`; a path is itself.
fn view_paths(names: &[String]) -> Result<Vec<String>, Failure> {
    let mut paths = Vec::new();
    let mut problems = Vec::new();
    for name in names {
        if name.contains('/') || name.ends_with(".toml") {
            paths.push(name.clone());
            continue;
        }
        let path = format!("{VIEWS_DIR}/{name}.toml");
        if std::path::Path::new(&path).is_file() {
            paths.push(path);
        } else {
            let known = all_views().unwrap_or_default();
            problems.push(scenario::Problem {
                origin: Origin::Flag("--view".into()),
                key: None,
                message: format!(
                    "no view named `{name}` in {VIEWS_DIR}/ (there are: {})",
                    known.join(", ")
                ),
                suggestion: scenario::nearest(name, known.iter().map(String::as_str))
                    .map(|n| format!("`{n}`")),
                via: None,
            });
        }
    }
    if problems.is_empty() {
        Ok(paths)
    } else {
        Err(Failure::Input(ScenarioError { problems }))
    }
}

/// Loads a scenario with views and overrides.
fn load_one(path: &str, views: &[String], sets: &[String]) -> Result<scenario::Scenario, Failure> {
    let views = view_paths(views)?;
    scenario::load_with_views(path, &views, sets, &fs::FsLoader).map_err(Failure::Input)
}

fn trace_cmd(
    s: &scenario::Scenario,
    seed: u64,
    world: u64,
    format: TraceFormat,
) -> Result<(), Failure> {
    let mut log: Vec<Happening> = Vec::new();
    let (params, streams) = s.world(seed, world);
    let outcome = run_world(&params, &s.calendar, streams, &mut log);
    let mut out = String::new();
    match format {
        TraceFormat::Text => {
            let title = s
                .title
                .as_deref()
                .map(|t| format!(": {t}"))
                .unwrap_or_default();
            out.push_str(&format!(
                "# {}{title} (seed {seed}, world {world})\n",
                s.path
            ));
            for h in &log {
                out.push_str(&trace::text_line(h));
                out.push('\n');
            }
            out.push('\n');
            for line in trace::summary(&outcome) {
                out.push_str(&format!("# {line}\n"));
            }
        }
        TraceFormat::Jsonl => {
            for h in &log {
                let json =
                    serde_json::to_string(&trace::line(h)).context("cannot encode the trace")?;
                out.push_str(&json);
                out.push('\n');
            }
        }
    }
    write_out(&out)?;
    Ok(())
}

/// Loads every scenario, reporting the problems of all of them at once.
fn load_all(
    paths: &[String],
    views: &[String],
    sets: &[String],
) -> Result<Vec<scenario::Scenario>, Failure> {
    let views = view_paths(views)?;
    let mut loaded = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        match scenario::load_with_views(path, &views, sets, &fs::FsLoader) {
            Ok(s) => loaded.push(s),
            Err(e) => problems.extend(e.problems),
        }
    }
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(Failure::Input(ScenarioError { problems }))
    }
}

fn check_cmd(paths: &[String], views: &[String], sets: &[String]) -> Result<(), Failure> {
    let views = view_paths(views)?;
    let mut failed: Vec<ScenarioError> = Vec::new();
    let mut out = String::new();
    for path in paths {
        match scenario::load_with_views(path, &views, sets, &fs::FsLoader) {
            Err(e) => failed.push(e),
            Ok(s) => {
                let set = s.origins.iter().filter(|o| **o != Origin::Default).count();
                out.push_str(&format!(
                    "# {path}: valid; {} parameters, {set} set by the scenario, {} at their historical values\n",
                    SPECS.len(),
                    SPECS.len() - set
                ));
                out.push_str(&s.resolved_text(true));
                out.push('\n');
            }
        }
    }
    write_out(&out)?;
    if failed.is_empty() {
        Ok(())
    } else {
        let problems = failed.into_iter().flat_map(|e| e.problems).collect();
        Err(Failure::Input(ScenarioError { problems }))
    }
}
