//! `endgame sensitivity`: which uncertain parameters drive each outcome (Morris screening or
//! Sobol' indices), evaluated in parallel on the scenario's own distributions.

use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Serialize;

use endgame::experiment::Pool;
use endgame::model::registry::SPECS;
use endgame::model::{Ignore, WorldOutcome, run_world};
use endgame::scenario::Scenario;
use endgame::sensitivity::{
    MorrisIndex, SobolIndex, morris_design, morris_indices, sobol_design, sobol_indices,
};
use endgame::summary::{Estimate, PROGRAM, ScenarioInfo, ShardFile, ShardWork, shard_range};

use super::manifest::Manifest;
use super::output::write;

/// The most numbers a design may hold (400 MB of coordinates).
const MAX_DESIGN: usize = 50_000_000;

/// The outcomes a sensitivity analysis can explain: (name, what it measures).
pub const OUTCOMES: [(&str, &str); 4] = [
    (
        "acceptance_date",
        "acceptance date [Tokyo days after 1945-06-01; X-day if none]",
    ),
    (
        "entry_before_acceptance",
        "Soviet entry before acceptance [0/1]",
    ),
    ("bombs_dropped", "atomic bombs dropped"),
    (
        "decisive_soviet_entry",
        "decisive shock is Soviet entry [0/1]",
    ),
];

fn measure(name: &str, o: &WorldOutcome, xday_minutes: i64) -> f64 {
    match name {
        "acceptance_date" => {
            let m = o.acceptance.map_or(xday_minutes, |t| t.minutes());
            (m + endgame::summary::TOKYO_OFFSET_MINUTES) as f64 / 1440.0
        }
        "entry_before_acceptance" => f64::from(u8::from(o.entry_before_acceptance())),
        "bombs_dropped" => o.bombs_dropped() as f64,
        "decisive_soviet_entry" => f64::from(u8::from(
            o.decisive == Some(endgame::model::Shock::SovietEntry),
        )),
        _ => f64::NAN,
    }
}

/// The options of a sensitivity analysis.
pub struct SensitivityOptions {
    pub sobol: bool,
    pub base: usize,
    pub seed: u64,
    pub threads: Option<usize>,
    pub outcomes: Vec<String>,
    pub params: Vec<String>,
    pub bootstrap: usize,
    pub shard: Option<(u64, u64)>,
    pub force: bool,
}

#[derive(Serialize)]
struct Row<'a> {
    parameter: &'a str,
    outcome: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sobol: Option<&'a SobolIndex>,
    #[serde(skip_serializing_if = "Option::is_none")]
    morris: Option<&'a MorrisIndex>,
}

/// What was analysed: enough to recompute the design and the indices (also from shards).
pub struct Analysis {
    pub scenario: ScenarioInfo,
    pub sobol: bool,
    pub base: usize,
    pub bootstrap: usize,
    pub seed: u64,
    pub keys: Vec<String>,
    pub outcomes: Vec<String>,
}

impl Analysis {
    /// The design points, and how many consecutive points share one world (a Sobol' base
    /// row or a Morris trajectory).
    fn design(&self) -> (Vec<Vec<f64>>, usize) {
        let d = self.keys.len();
        if self.sobol {
            (sobol_design(d, self.base, self.seed).points, d + 2)
        } else {
            (morris_design(d, self.base, 4, self.seed).points, d + 1)
        }
    }

    /// The method's name in files.
    pub fn method(&self) -> &'static str {
        if self.sobol { "sobol" } else { "morris" }
    }
}

/// Runs the analysis (or one shard of its design points) and writes sensitivity.csv,
/// sensitivity.json and the plots (or, for a shard, shard.json for `endgame merge`).
pub fn sensitivity(s: &Scenario, o: &SensitivityOptions, out: &Path) -> anyhow::Result<()> {
    // The factors: every uncertain parameter, or the ones asked for.
    let mut factors: Vec<usize> = Vec::new();
    for (position, (index, _)) in s.uncertainty.params.iter().enumerate() {
        if o.params.is_empty() || o.params.iter().any(|p| p == SPECS[*index].key) {
            factors.push(position);
        }
    }
    for p in &o.params {
        if !s.uncertainty.params.iter().any(|(i, _)| SPECS[*i].key == p) {
            anyhow::bail!(
                "`{p}` carries no distribution in {}, so it cannot be analysed; give it one (e.g. with --set '{p}={{ dist = \"uniform\", min = ..., max = ... }}')",
                s.path
            );
        }
    }
    if factors.is_empty() {
        anyhow::bail!(
            "{} has no uncertain parameter: give some parameters a distribution",
            s.path
        );
    }
    let analysis = Analysis {
        scenario: ScenarioInfo {
            name: s.name.clone(),
            path: s.path.clone(),
            title: s.title.clone(),
            overrides: Vec::new(),
            views: s.views.clone(),
        },
        sobol: o.sobol,
        base: o.base,
        bootstrap: o.bootstrap,
        seed: o.seed,
        keys: factors
            .iter()
            .map(|f| SPECS[s.uncertainty.params[*f].0].key.to_string())
            .collect(),
        outcomes: o.outcomes.clone(),
    };
    let pool = Pool::new(o.threads).context("cannot start the worker threads")?;
    let d = analysis.keys.len();
    let per_point = if o.sobol { d + 2 } else { d + 1 };
    let coordinates = (o.base as u128) * (per_point as u128) * (d as u128);
    if coordinates > MAX_DESIGN as u128 {
        return Err(super::Refused(format!(
            "a design of {} base rows for {d} parameters needs {coordinates} numbers; at most {MAX_DESIGN} fit: take a smaller -n or fewer --param",
            o.base
        ))
        .into());
    }
    let (points, per_row) = analysis.design();
    let options = serde_json::json!({
        "method": analysis.method(), "base": o.base, "bootstrap": o.bootstrap,
        "params": analysis.keys, "outcomes": analysis.outcomes,
    });
    let manifest = Manifest::begin(
        out,
        "sensitivity",
        &[s],
        &[],
        o.seed,
        points.len() as u64,
        o.shard,
        options,
        o.force,
    )?;
    let (start, end) = match o.shard {
        Some((k, n)) => shard_range(points.len() as u64, k, n),
        None => (0, points.len() as u64),
    };
    println!(
        "sensitivity of {} ({} method): {} parameters, {} worlds{}, seed {}, {} threads",
        s.path,
        if o.sobol { "Sobol'" } else { "Morris" },
        factors.len(),
        points.len(),
        o.shard
            .map(|(k, n)| format!(", shard {k}/{n}: worlds {start}..{end}"))
            .unwrap_or_default(),
        o.seed,
        pool.threads()
    );
    let xday = s.params.usa.olympic_xday.minutes();
    // The points of one base row (or trajectory) share world `row`: the same weather, coups
    // and other draws, so the differences between them come from the factors alone.
    let mut outputs: Vec<Vec<f64>> =
        vec![Vec::with_capacity((end - start) as usize); o.outcomes.len()];
    pool.for_each_world(
        start..end,
        |k| {
            let k = k as usize;
            let (params, streams) = s.world_at(o.seed, (k / per_row) as u64, &factors, &points[k]);
            let world = run_world(&params, &s.calendar, streams, &mut Ignore);
            o.outcomes
                .iter()
                .map(|name| measure(name, &world, xday))
                .collect::<Vec<f64>>()
        },
        |_, values| {
            for (column, v) in outputs.iter_mut().zip(values) {
                column.push(v);
            }
        },
        &|_| {},
    );
    super::mc::whole_or_interrupted(&manifest, out)?;
    let written = if let Some(shard) = o.shard {
        let file = ShardFile {
            version: PROGRAM.version.to_string(),
            seed: o.seed,
            worlds: points.len() as u64,
            shard,
            range: (start, end),
            work: ShardWork::Sensitivity {
                scenario: analysis.scenario.clone(),
                method: analysis.method().to_string(),
                base: analysis.base,
                bootstrap: analysis.bootstrap,
                params: analysis.keys.clone(),
                outcomes: analysis.outcomes.clone(),
                outputs: outputs
                    .iter()
                    .map(|c| c.iter().map(|x| x.is_finite().then_some(*x)).collect())
                    .collect(),
            },
        };
        vec![super::mc::save_shard(&file, out)?]
    } else {
        finish(&analysis, &outputs, out)?
    };
    super::mc::say_written(&written);
    manifest.finish(out)
}

/// Computes the indices from every design point's outputs, writes the files and plots, and
/// prints the parameters that matter most.
pub fn finish(a: &Analysis, outputs: &[Vec<f64>], out: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let d = a.keys.len();
    let points = outputs.first().map_or(0, Vec::len);
    let mut results: Vec<(String, Vec<SobolIndex>, Vec<MorrisIndex>)> = Vec::new();
    for (name, column) in a.outcomes.iter().zip(outputs) {
        if a.sobol {
            let design = sobol_design(d, a.base, a.seed);
            results.push((
                name.clone(),
                sobol_indices(&design, column, a.bootstrap, a.seed),
                Vec::new(),
            ));
        } else {
            let design = morris_design(d, a.base, 4, a.seed);
            results.push((
                name.clone(),
                Vec::new(),
                morris_indices(&design, column, a.bootstrap, a.seed),
            ));
        }
    }
    let mut csv = String::from(if a.sobol {
        "outcome,parameter,first,first_lo,first_hi,total,total_lo,total_hi\n"
    } else {
        "outcome,parameter,mu,mu_star,mu_star_lo,mu_star_hi,sigma\n"
    });
    let mut json_rows = Vec::new();
    for (name, sobol, morris) in &results {
        for (i, key) in a.keys.iter().enumerate() {
            if let Some(x) = sobol.get(i) {
                csv.push_str(&format!(
                    "{name},{key},{:.6},{:.6},{:.6},{:.6},{:.6},{:.6}\n",
                    x.first,
                    x.first_ci95.0,
                    x.first_ci95.1,
                    x.total,
                    x.total_ci95.0,
                    x.total_ci95.1
                ));
            }
            if let Some(x) = morris.get(i) {
                csv.push_str(&format!(
                    "{name},{key},{:.6},{:.6},{:.6},{:.6},{:.6}\n",
                    x.mu, x.mu_star, x.mu_star_ci95.0, x.mu_star_ci95.1, x.sigma
                ));
            }
            json_rows.push(Row {
                parameter: key,
                outcome: name,
                sobol: sobol.get(i),
                morris: morris.get(i),
            });
        }
    }
    let mut written = vec![write(&out.join("sensitivity.csv"), &csv)?];
    let doc = serde_json::json!({
        "program": PROGRAM,
        "scenario": a.scenario,
        "method": a.method(),
        "seed": a.seed,
        "base": a.base,
        "worlds": points,
        "bootstrap": a.bootstrap,
        "outcomes": a.outcomes.iter().map(|n| (n.clone(), OUTCOMES.iter().find(|(m, _)| m == n).map_or("", |(_, l)| *l))).collect::<std::collections::BTreeMap<_, _>>(),
        "indices": json_rows,
    });
    let json = serde_json::to_string_pretty(&doc).context("cannot encode the indices")?;
    written.push(write(&out.join("sensitivity.json"), &(json + "\n"))?);
    let keys: Vec<&str> = a.keys.iter().map(String::as_str).collect();
    let name = a.scenario.title.as_deref().unwrap_or(&a.scenario.name);
    written.extend(plots(name, a.sobol, &keys, &results, points, out)?);
    print_top(a.sobol, &keys, &results);
    Ok(written)
}

fn plots(
    name: &str,
    sobol_method: bool,
    keys: &[&str],
    results: &[(String, Vec<SobolIndex>, Vec<MorrisIndex>)],
    worlds: usize,
    out: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for (outcome, sobol, morris) in results {
        let label = OUTCOMES
            .iter()
            .find(|(n, _)| n == outcome)
            .map_or(outcome.as_str(), |(_, l)| l);
        let title = format!("{name}: {label} ({worlds} worlds)");
        if sobol_method {
            let rows: Vec<(String, Vec<Estimate>)> = keys
                .iter()
                .zip(sobol)
                .map(|(k, x)| {
                    (
                        k.to_string(),
                        vec![
                            (x.total, x.total_ci95.0, x.total_ci95.1),
                            (x.first, x.first_ci95.0, x.first_ci95.1),
                        ],
                    )
                })
                .collect();
            written.extend(endgame::plot::sensitivity_bars(
                outcome,
                &["total order", "first order"],
                &rows,
                20,
                &title,
                out,
            )?);
        } else {
            let points: Vec<(String, f64, f64, f64, f64)> = keys
                .iter()
                .zip(morris)
                .map(|(k, x)| {
                    (
                        k.to_string(),
                        x.mu_star,
                        x.mu_star_ci95.0,
                        x.mu_star_ci95.1,
                        x.sigma,
                    )
                })
                .collect();
            written.extend(endgame::plot::morris_scatter(
                outcome, &points, &title, out,
            )?);
            let rows: Vec<(String, Vec<Estimate>)> = keys
                .iter()
                .zip(morris)
                .map(|(k, x)| {
                    (
                        k.to_string(),
                        vec![(x.mu_star, x.mu_star_ci95.0, x.mu_star_ci95.1)],
                    )
                })
                .collect();
            written.extend(endgame::plot::sensitivity_bars(
                outcome,
                &["mu*"],
                &rows,
                20,
                &title,
                out,
            )?);
        }
    }
    Ok(written)
}

/// Prints, per outcome, the parameters that matter most.
fn print_top(sobol: bool, keys: &[&str], results: &[(String, Vec<SobolIndex>, Vec<MorrisIndex>)]) {
    for (outcome, s, m) in results {
        let label = OUTCOMES
            .iter()
            .find(|(n, _)| n == outcome)
            .map_or(outcome.as_str(), |(_, l)| l);
        println!("\n{label}:");
        let mut order: Vec<usize> = (0..keys.len()).collect();
        let score = |i: usize| {
            if sobol {
                s.get(i).map_or(f64::NAN, |x| x.total)
            } else {
                m.get(i).map_or(f64::NAN, |x| x.mu_star)
            }
        };
        if order.iter().all(|i| !score(*i).is_finite()) {
            println!(
                "  no estimate: the outcome is the same in every world, or too few worlds were run"
            );
            continue;
        }
        // Largest first; parameters without an estimate last.
        order.sort_by(|a, b| {
            let (x, y) = (score(*a), score(*b));
            y.is_finite().cmp(&x.is_finite()).then(y.total_cmp(&x))
        });
        if sobol {
            println!(
                "  {:<32} {:>22} {:>22}",
                "parameter", "total order [95%]", "first order [95%]"
            );
        } else {
            println!("  {:<32} {:>22} {:>10}", "parameter", "mu* [95%]", "sigma");
        }
        for &i in order.iter().take(8) {
            if sobol {
                if let Some(x) = s.get(i) {
                    println!(
                        "  {:<32} {:>6.3} [{:>5.3}, {:>5.3}] {:>6.3} [{:>5.3}, {:>5.3}]",
                        keys[i],
                        x.total,
                        x.total_ci95.0,
                        x.total_ci95.1,
                        x.first,
                        x.first_ci95.0,
                        x.first_ci95.1
                    );
                }
            } else if let Some(x) = m.get(i) {
                println!(
                    "  {:<32} {:>6.3} [{:>5.3}, {:>5.3}] {:>10.3}",
                    keys[i], x.mu_star, x.mu_star_ci95.0, x.mu_star_ci95.1, x.sigma
                );
            }
        }
    }
}
