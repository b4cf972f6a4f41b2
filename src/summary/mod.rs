//! Summaries of many worlds: mergeable accumulators of [`WorldOutcome`]s, the per-world
//! CSV row, and the JSON documents `endgame run` and `endgame compare` write. Pure code:
//! the browser uses it too.

mod compare;
mod stats;

use std::collections::BTreeMap;

use serde::Serialize;

pub use compare::{Comparison, ComparisonReport, ComparisonState};
pub use stats::{Histogram, HistogramState, Proportion, Z95};

use crate::engine::SimTime;
use crate::model::{Ending, Shock, Territory, WorldOutcome};
use crate::time::format_utc;

/// The time outcomes a summary tracks, in file order.
pub const TIME_OUTCOMES: [&str; 6] = [
    "acceptance",
    "first_offer",
    "broadcast",
    "formal_surrender",
    "soviet_entry",
    "first_strike",
];

/// The value of time outcome `name` in a world.
pub fn time_outcome(o: &WorldOutcome, name: &str) -> Option<SimTime> {
    match name {
        "acceptance" => o.acceptance,
        "first_offer" => o.first_offer,
        "broadcast" => o.broadcast,
        "formal_surrender" => o.formal_surrender,
        "soviet_entry" => o.soviet_entry,
        "first_strike" => o.first_strike(),
        _ => None,
    }
}

/// The decisive-shock categories, in file order; atomic strikes count together.
pub const SHOCKS: [&str; 6] = [
    "soviet_entry",
    "atomic_bomb",
    "ultimatum",
    "mediation_refused",
    "background",
    "none",
];

/// The category of a world's decisive shock.
pub fn shock_category(s: Option<Shock>) -> &'static str {
    match s {
        Some(Shock::SovietEntry) => "soviet_entry",
        Some(Shock::AtomicBomb(_)) => "atomic_bomb",
        Some(Shock::Ultimatum) => "ultimatum",
        Some(Shock::MediationRefused) => "mediation_refused",
        Some(Shock::Background) => "background",
        None => "none",
    }
}

const ENDINGS: [Ending; 4] = [
    Ending::Surrender,
    Ending::Invasion,
    Ending::Unfinished,
    Ending::Stalled,
];

/// Who struck first in a world's race.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
pub enum RaceResult {
    /// The Soviet attack came before the first atomic strike (or with no strike).
    EntryFirst,
    /// The first atomic strike came before the Soviet attack (or with no attack).
    BombFirst,
    /// Neither happened.
    Neither,
}

impl RaceResult {
    /// Of a world.
    pub fn of(o: &WorldOutcome) -> RaceResult {
        match (o.soviet_entry, o.first_strike()) {
            (Some(e), Some(b)) if e < b => RaceResult::EntryFirst,
            (Some(_), Some(_)) => RaceResult::BombFirst,
            (Some(_), None) => RaceResult::EntryFirst,
            (None, Some(_)) => RaceResult::BombFirst,
            (None, None) => RaceResult::Neither,
        }
    }
}

/// Everything `endgame run` reports over many worlds, with memory independent of their
/// number.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Worlds added.
    pub worlds: u64,
    /// Per time outcome (see [`TIME_OUTCOMES`]): its instants [minutes since the epoch].
    pub times: [Histogram; 6],
    /// Atomic bombs dropped.
    pub bombs: Histogram,
    /// Soviet entry before the final acceptance.
    pub entry_before_acceptance: Proportion,
    /// Final acceptance before X-day.
    pub accepted_before_xday: u64,
    /// Counts per decisive-shock category (see [`SHOCKS`]).
    pub decisive: [u64; 6],
    /// Counts per territory taken (see [`Territory::ALL`]).
    pub territories: [u64; 5],
    /// How many territories were taken.
    pub territory_count: Histogram,
    /// Counts per ending: surrender, invasion, unfinished, stalled.
    pub endings: [u64; 4],
    /// The race: (Soviet entry day, first strike day) [Tokyo days since 1945-06-01;
    /// `None`: did not happen] → count.
    pub race: BTreeMap<(Option<i64>, Option<i64>), u64>,
    /// Who came first, judged to the minute.
    pub race_minutes: BTreeMap<RaceResult, u64>,
}

/// Tokyo's offset from UTC in 1945 [minutes]: Japan kept no daylight time from 1945 to
/// 1947 (checked against the IANA database in the tests).
pub const TOKYO_OFFSET_MINUTES: i64 = 9 * 60;

/// The Tokyo calendar day (days since 1945-06-01) of `minutes` since the epoch.
pub fn tokyo_day(minutes: i64) -> i64 {
    (minutes + TOKYO_OFFSET_MINUTES).div_euclid(24 * 60)
}

fn day(t: SimTime) -> i64 {
    tokyo_day(t.minutes())
}

impl Summary {
    /// Adds one world.
    pub fn add(&mut self, o: &WorldOutcome) {
        self.worlds += 1;
        for (hist, name) in self.times.iter_mut().zip(TIME_OUTCOMES) {
            if let Some(t) = time_outcome(o, name) {
                hist.add(t.minutes());
            }
        }
        self.bombs.add(o.bombs_dropped() as i64);
        self.entry_before_acceptance
            .add(o.entry_before_acceptance());
        if o.acceptance.is_some() && o.ending != Ending::Invasion {
            self.accepted_before_xday += 1;
        }
        let shock = shock_category(o.decisive);
        if let Some(i) = SHOCKS.iter().position(|s| *s == shock) {
            self.decisive[i] += 1;
        }
        for (i, t) in Territory::ALL.iter().enumerate() {
            if o.territories.contains(*t) {
                self.territories[i] += 1;
            }
        }
        self.territory_count.add(i64::from(o.territories.len()));
        if let Some(i) = ENDINGS.iter().position(|e| *e == o.ending) {
            self.endings[i] += 1;
        }
        *self
            .race
            .entry((o.soviet_entry.map(day), o.first_strike().map(day)))
            .or_default() += 1;
        *self.race_minutes.entry(RaceResult::of(o)).or_default() += 1;
    }

    /// Adds every world of `other`.
    pub fn merge(&mut self, other: &Summary) {
        self.worlds += other.worlds;
        for (a, b) in self.times.iter_mut().zip(&other.times) {
            a.merge(b);
        }
        self.bombs.merge(&other.bombs);
        self.entry_before_acceptance
            .merge(&other.entry_before_acceptance);
        self.accepted_before_xday += other.accepted_before_xday;
        for (a, b) in self.decisive.iter_mut().zip(other.decisive) {
            *a += b;
        }
        for (a, b) in self.territories.iter_mut().zip(other.territories) {
            *a += b;
        }
        self.territory_count.merge(&other.territory_count);
        for (a, b) in self.endings.iter_mut().zip(other.endings) {
            *a += b;
        }
        for (k, c) in &other.race {
            *self.race.entry(*k).or_default() += c;
        }
        for (k, c) in &other.race_minutes {
            *self.race_minutes.entry(*k).or_default() += c;
        }
    }

    /// The instants of a time outcome.
    pub fn time(&self, name: &str) -> Option<&Histogram> {
        TIME_OUTCOMES
            .iter()
            .position(|n| *n == name)
            .map(|i| &self.times[i])
    }

    /// A proportion of all worlds.
    pub fn share(&self, hits: u64) -> Proportion {
        Proportion {
            hits,
            n: self.worlds,
        }
    }

    /// Counts of the race's results, to the minute.
    pub fn race_results(&self) -> BTreeMap<RaceResult, u64> {
        self.race_minutes.clone()
    }
}

/// A probability with its 95 % interval, for JSON.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ProbabilityReport {
    /// Worlds where it happened.
    pub count: u64,
    /// Share of worlds.
    pub p: f64,
    /// Wilson 95 % interval.
    pub ci95: [f64; 2],
}

/// Rounds to 6 decimals: enough for any share of worlds, and free of float noise in files.
pub fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

impl From<Proportion> for ProbabilityReport {
    fn from(p: Proportion) -> Self {
        let (lo, hi) = p.wilson95();
        ProbabilityReport {
            count: p.hits,
            p: round6(p.estimate()),
            ci95: [round6(lo), round6(hi)],
        }
    }
}

/// A time outcome over many worlds, for JSON (times in UTC, RFC 3339).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimeReport {
    /// Share of worlds where it happened, with its interval.
    pub happened: ProbabilityReport,
    /// Mean over the worlds where it happened.
    pub mean: Option<String>,
    /// 95 % interval of the mean.
    pub mean_ci95: Option<[String; 2]>,
    /// 5, 25, 50, 75 and 95 % quantiles.
    pub quantiles: BTreeMap<String, String>,
    /// 95 % interval of the median.
    pub median_ci95: Option<[String; 2]>,
}

fn utc_minutes(m: f64) -> String {
    format_utc(SimTime::from_minutes(m.round() as i64))
}

/// The quantiles reported everywhere.
pub const QUANTILES: [(f64, &str); 5] = [
    (0.05, "p05"),
    (0.25, "p25"),
    (0.5, "p50"),
    (0.75, "p75"),
    (0.95, "p95"),
];

impl TimeReport {
    fn new(h: &Histogram, worlds: u64) -> TimeReport {
        TimeReport {
            happened: Proportion {
                hits: h.n(),
                n: worlds,
            }
            .into(),
            mean: h.mean().map(utc_minutes),
            mean_ci95: h.mean_ci95().map(|(a, b)| [utc_minutes(a), utc_minutes(b)]),
            quantiles: QUANTILES
                .iter()
                .filter_map(|(q, name)| {
                    h.quantile(*q)
                        .map(|m| (name.to_string(), utc_minutes(m as f64)))
                })
                .collect(),
            median_ci95: h
                .median_ci95()
                .map(|(a, b)| [utc_minutes(a as f64), utc_minutes(b as f64)]),
        }
    }
}

/// A count outcome over many worlds, for JSON.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CountReport {
    /// Mean.
    pub mean: f64,
    /// 95 % interval of the mean.
    pub mean_ci95: Option<[f64; 2]>,
    /// 5, 25, 50, 75 and 95 % quantiles.
    pub quantiles: BTreeMap<String, i64>,
    /// Worlds per value.
    pub distribution: BTreeMap<String, u64>,
}

impl CountReport {
    fn new(h: &Histogram) -> CountReport {
        CountReport {
            mean: round6(h.mean().unwrap_or(0.0)),
            mean_ci95: h.mean_ci95().map(|(a, b)| [round6(a), round6(b)]),
            quantiles: QUANTILES
                .iter()
                .filter_map(|(q, name)| h.quantile(*q).map(|v| (name.to_string(), v)))
                .collect(),
            distribution: h.counts().map(|(v, c)| (v.to_string(), c)).collect(),
        }
    }
}

/// The scenario a summary is of.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct ScenarioInfo {
    /// Its name (file stem).
    pub name: String,
    /// Its path.
    pub path: String,
    /// Its title.
    pub title: Option<String>,
    /// The `--set` overrides applied.
    pub overrides: Vec<String>,
    /// The views applied, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<String>,
}

impl ScenarioInfo {
    /// Of a loaded scenario with the `--set` overrides applied to it.
    pub fn of(s: &crate::scenario::Scenario, sets: &[String]) -> ScenarioInfo {
        ScenarioInfo {
            name: s.name.clone(),
            path: s.path.clone(),
            title: s.title.clone(),
            overrides: sets.to_vec(),
            views: s.views.clone(),
        }
    }
}

/// The program that wrote a file.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ProgramInfo {
    /// "endgame".
    pub name: &'static str,
    /// Its version.
    pub version: &'static str,
}

/// This program.
pub const PROGRAM: ProgramInfo = ProgramInfo {
    name: "endgame",
    version: env!("CARGO_PKG_VERSION"),
};

/// `summary.json`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SummaryReport {
    /// The program.
    pub program: ProgramInfo,
    /// The scenario.
    pub scenario: ScenarioInfo,
    /// The master seed.
    pub seed: u64,
    /// How many worlds.
    pub worlds: u64,
    /// Time outcomes.
    pub times: BTreeMap<String, TimeReport>,
    /// Atomic bombs dropped.
    pub bombs_dropped: CountReport,
    /// Soviet entry before the final acceptance (or with no acceptance).
    pub entry_before_acceptance: ProbabilityReport,
    /// Japan accepted before X-day.
    pub accepted_before_xday: ProbabilityReport,
    /// The decisive shock, by category.
    pub decisive_shock: BTreeMap<String, ProbabilityReport>,
    /// Territories taken by the USSR.
    pub territories: BTreeMap<String, ProbabilityReport>,
    /// How many territories were taken.
    pub territories_taken: CountReport,
    /// How worlds ended.
    pub ending: BTreeMap<String, ProbabilityReport>,
    /// The race: who struck first.
    pub race: BTreeMap<String, ProbabilityReport>,
}

impl Summary {
    /// The JSON report.
    pub fn report(&self, scenario: ScenarioInfo, seed: u64) -> SummaryReport {
        let share = |hits| ProbabilityReport::from(self.share(hits));
        let races = self.race_results();
        SummaryReport {
            program: PROGRAM,
            scenario,
            seed,
            worlds: self.worlds,
            times: TIME_OUTCOMES
                .iter()
                .zip(&self.times)
                .map(|(n, h)| (n.to_string(), TimeReport::new(h, self.worlds)))
                .collect(),
            bombs_dropped: CountReport::new(&self.bombs),
            entry_before_acceptance: self.entry_before_acceptance.into(),
            accepted_before_xday: share(self.accepted_before_xday),
            decisive_shock: SHOCKS
                .iter()
                .zip(self.decisive)
                .map(|(n, c)| (n.to_string(), share(c)))
                .collect(),
            territories: Territory::ALL
                .iter()
                .zip(self.territories)
                .map(|(t, c)| (t.name().to_string(), share(c)))
                .collect(),
            territories_taken: CountReport::new(&self.territory_count),
            ending: ENDINGS
                .iter()
                .zip(self.endings)
                .map(|(e, c)| (e.name().to_string(), share(c)))
                .collect(),
            race: [
                (RaceResult::EntryFirst, "soviet_entry_first"),
                (RaceResult::BombFirst, "atomic_strike_first"),
                (RaceResult::Neither, "neither"),
            ]
            .iter()
            .map(|(r, n)| (n.to_string(), share(races.get(r).copied().unwrap_or(0))))
            .collect(),
        }
    }
}

/// The header of `worlds.csv`.
pub const CSV_HEADER: &str = "world,acceptance_utc,first_offer_utc,broadcast_utc,formal_surrender_utc,soviet_entry_utc,entry_before_acceptance,bombs_dropped,first_strike_utc,strikes_utc,decisive_shock,territories,ending";

/// One row of `worlds.csv` (no line break): times in UTC, empty when none; lists joined
/// with `;`.
pub fn csv_row(world: u64, o: &WorldOutcome) -> String {
    let t = |x: Option<SimTime>| x.map(format_utc).unwrap_or_default();
    let strikes: Vec<String> = o.strikes.iter().map(|s| format_utc(*s)).collect();
    let territories: Vec<&str> = o.territories.iter().map(|t| t.name()).collect();
    format!(
        "{world},{},{},{},{},{},{},{},{},{},{},{},{}",
        t(o.acceptance),
        t(o.first_offer),
        t(o.broadcast),
        t(o.formal_surrender),
        t(o.soviet_entry),
        o.entry_before_acceptance(),
        o.bombs_dropped(),
        t(o.first_strike()),
        strikes.join(";"),
        o.decisive
            .map(|s| s.name())
            .unwrap_or_else(|| "none".into()),
        territories.join(";"),
        o.ending.name(),
    )
}

/// An estimate with the ends of its 95 % interval: (estimate, low, high).
pub type Estimate = (f64, f64, f64);

/// The outcomes a sweep can chart, with what they measure.
pub const METRICS: [(&str, &str); 7] = [
    (
        "entry_before_acceptance",
        "P(Soviet entry before acceptance)",
    ),
    ("accepted_before_xday", "P(Japan accepts before X-day)"),
    ("decisive_soviet_entry", "P(decisive shock: Soviet entry)"),
    ("decisive_atomic_bomb", "P(decisive shock: atomic bomb)"),
    (
        "acceptance_median",
        "median acceptance [days after 1945-06-01]",
    ),
    ("bombs_dropped", "mean atomic bombs dropped"),
    ("territories_taken", "mean territories taken by the USSR"),
];

impl Summary {
    /// A sweep outcome as (estimate, low, high) of its 95 % interval; `None` with no data.
    pub fn metric(&self, name: &str) -> Option<(f64, f64, f64)> {
        let prop = |p: Proportion| {
            let (lo, hi) = p.wilson95();
            Some((p.estimate(), lo, hi))
        };
        let mean = |h: &Histogram| {
            let m = h.mean()?;
            let (lo, hi) = h.mean_ci95().unwrap_or((m, m));
            Some((m, lo, hi))
        };
        let shock = |s: &str| {
            SHOCKS
                .iter()
                .position(|x| *x == s)
                .map(|i| self.decisive[i])
        };
        match name {
            "entry_before_acceptance" => prop(self.entry_before_acceptance),
            "accepted_before_xday" => prop(self.share(self.accepted_before_xday)),
            "decisive_soviet_entry" => prop(self.share(shock("soviet_entry")?)),
            "decisive_atomic_bomb" => prop(self.share(shock("atomic_bomb")?)),
            "acceptance_median" => {
                let h = self.time("acceptance")?;
                let days = |m: i64| (m + TOKYO_OFFSET_MINUTES) as f64 / 1440.0;
                let med = h.quantile(0.5)?;
                let (lo, hi) = h.median_ci95()?;
                Some((days(med), days(lo), days(hi)))
            }
            "bombs_dropped" => mean(&self.bombs),
            "territories_taken" => mean(&self.territory_count),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{Zone, parse_time};

    #[test]
    fn tokyo_kept_utc_plus_nine_throughout() {
        let tokyo = Zone::named("Tokyo").unwrap();
        for t in [
            "1945-06-01 00:00 UTC",
            "1945-08-15 03:00 UTC",
            "1946-06-01 00:00 UTC",
            "1946-12-30 00:00 UTC",
        ] {
            assert_eq!(tokyo.offset_label(parse_time(t).unwrap()), "UTC+9", "{t}");
        }
        let hiroshima = parse_time("1945-08-06 08:15 Tokyo").unwrap();
        assert_eq!(tokyo_day(hiroshima.minutes()), 66);
    }
}

/// The saved state of a [`Summary`], to merge the shards of a run.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct SummaryState {
    worlds: u64,
    times: Vec<HistogramState>,
    bombs: HistogramState,
    entry_before_acceptance: (u64, u64),
    accepted_before_xday: u64,
    decisive: Vec<u64>,
    territories: Vec<u64>,
    territory_count: HistogramState,
    endings: Vec<u64>,
    race: Vec<(Option<i64>, Option<i64>, u64)>,
    race_minutes: Vec<(RaceResult, u64)>,
}

impl Summary {
    /// Its state, to save.
    pub fn state(&self) -> SummaryState {
        SummaryState {
            worlds: self.worlds,
            times: self.times.iter().map(Histogram::state).collect(),
            bombs: self.bombs.state(),
            entry_before_acceptance: (
                self.entry_before_acceptance.hits,
                self.entry_before_acceptance.n,
            ),
            accepted_before_xday: self.accepted_before_xday,
            decisive: self.decisive.to_vec(),
            territories: self.territories.to_vec(),
            territory_count: self.territory_count.state(),
            endings: self.endings.to_vec(),
            race: self.race.iter().map(|((e, b), c)| (*e, *b, *c)).collect(),
            race_minutes: self.race_minutes.iter().map(|(r, c)| (*r, *c)).collect(),
        }
    }

    /// A summary from a saved state; `None` if the state is malformed.
    pub fn from_state(s: &SummaryState) -> Option<Summary> {
        let times: Vec<Histogram> = s
            .times
            .iter()
            .map(Histogram::from_state)
            .collect::<Option<_>>()?;
        Some(Summary {
            worlds: s.worlds,
            times: times.try_into().ok()?,
            bombs: Histogram::from_state(&s.bombs)?,
            entry_before_acceptance: Proportion {
                hits: s.entry_before_acceptance.0,
                n: s.entry_before_acceptance.1,
            },
            accepted_before_xday: s.accepted_before_xday,
            decisive: s.decisive.clone().try_into().ok()?,
            territories: s.territories.clone().try_into().ok()?,
            territory_count: Histogram::from_state(&s.territory_count)?,
            endings: s.endings.clone().try_into().ok()?,
            race: s.race.iter().map(|(e, b, c)| ((*e, *b), *c)).collect(),
            race_minutes: s.race_minutes.iter().copied().collect(),
        })
    }
}

/// One shard of a run, comparison or sweep (`--shard K/N`): what `endgame merge` needs.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct ShardFile {
    /// The program's version: shards of different versions do not merge.
    pub version: String,
    /// The master seed.
    pub seed: u64,
    /// Worlds in the whole run (per scenario, or per sweep cell).
    pub worlds: u64,
    /// This shard, 1-based, and how many there are.
    pub shard: (u64, u64),
    /// This shard's slice: worlds (run, compare) or cells (sweep), `[start, end)`.
    pub range: (u64, u64),
    /// What was run, and its mergeable results.
    pub work: ShardWork,
}

/// The mergeable results of a shard.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ShardWork {
    /// `endgame run`.
    Run {
        /// The scenario.
        scenario: ScenarioInfo,
        /// The summary of the shard's worlds.
        summary: Box<SummaryState>,
    },
    /// `endgame compare`.
    Compare {
        /// The scenarios, the base first.
        scenarios: Vec<ScenarioInfo>,
        /// The summary of each scenario's worlds.
        summaries: Vec<SummaryState>,
        /// Each other scenario against the base.
        comparisons: Vec<ComparisonState>,
    },
    /// `endgame sensitivity`.
    Sensitivity {
        /// The scenario.
        scenario: ScenarioInfo,
        /// "sobol" or "morris".
        method: String,
        /// Base rows (Sobol') or trajectories (Morris).
        base: usize,
        /// Bootstrap resamples.
        bootstrap: usize,
        /// The factors, by key.
        params: Vec<String>,
        /// The outcomes.
        outcomes: Vec<String>,
        /// Per outcome, its value at each design point of the shard (`None`: undefined).
        outputs: Vec<Vec<Option<f64>>>,
    },
    /// `endgame sweep`.
    Sweep {
        /// The scenario.
        scenario: ScenarioInfo,
        /// The chart's outcome.
        outcome: String,
        /// The swept keys and their value labels.
        axes: Vec<(String, Vec<String>)>,
        /// The shard's cells.
        cells: Vec<SweepCell>,
    },
}

impl ShardWork {
    /// What was run, without its results: the shards of one run have equal identities.
    pub fn identity(&self) -> ShardWork {
        let mut w = self.clone();
        match &mut w {
            ShardWork::Run { summary, .. } => **summary = Summary::default().state(),
            ShardWork::Compare {
                summaries,
                comparisons,
                ..
            } => {
                summaries.clear();
                comparisons.clear();
            }
            ShardWork::Sensitivity { outputs, .. } => outputs.clear(),
            ShardWork::Sweep { cells, .. } => cells.clear(),
        }
        w
    }
}

/// The results of one sweep cell.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct SweepCell {
    /// Its index.
    pub cell: u64,
    /// Its line of `sweep.csv`.
    pub row: String,
    /// Every outcome of [`METRICS`], in order, as (estimate, low, high).
    pub metrics: Vec<Option<(f64, f64, f64)>>,
}

/// The worlds `[start, end)` of shard `k` (1-based) of `n` over `worlds` worlds.
pub fn shard_range(worlds: u64, k: u64, n: u64) -> (u64, u64) {
    let at = |i: u64| ((u128::from(worlds) * u128::from(i)) / u128::from(n.max(1))) as u64;
    (at(k.saturating_sub(1)), at(k))
}
