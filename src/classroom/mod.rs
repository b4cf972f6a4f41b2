//! What a classroom page shows: a reference scenario and a counterfactual run on the same
//! worlds, the paired difference, the race, and why one representative world ended as it
//! did.
//!
//! This is the code the browser runs (compiled to `wasm32-unknown-unknown`); `endgame
//! compare` over the same scenarios, seed and world count gives the same numbers, because
//! both add the same worlds, in the same order, into the same [`Summary`] and
//! [`Comparison`].
//!
//! ```
//! use endgame::classroom::{explore, Request};
//! let base = std::fs::read_to_string("scenarios/historical.toml").unwrap();
//! let e = explore(&Request {
//!     reference: ("historical", &base),
//!     scenario: ("historical", &base),
//!     sets: &["ussr.enters_war=false".to_string()],
//!     seed: 1,
//!     worlds: 10,
//! })
//! .unwrap();
//! // No Soviet entry: Japan accepts later in every world.
//! assert_eq!(e.paired.later.count, 10);
//! ```

use serde::Serialize;

use crate::engine::SimTime;
use crate::model::registry::spec;
use crate::model::{Happening, WorldOutcome, run_world};
use crate::report::trace;
use crate::scenario::{Scenario, ScenarioError, format_value, parse_str};
use crate::summary::{
    Comparison, ComparisonReport, RaceResult, SHOCKS, ScenarioInfo, Summary, SummaryReport,
    tokyo_day,
};
use crate::time::Zone;

/// The first Tokyo day the charts show: 1945-07-01 [days since 1945-06-01].
pub const FIRST_DAY: i64 = 30;
/// The last Tokyo day the charts show: X-day, 1945-11-01.
pub const LAST_DAY: i64 = 153;

/// What to explore.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The reference scenario: (name, TOML text with no `extends`).
    pub reference: (&'a str, &'a str),
    /// The counterfactual: (name, TOML text with no `extends`), before `sets`.
    pub scenario: (&'a str, &'a str),
    /// The levers' settings, `KEY=VALUE`, applied to the counterfactual only.
    pub sets: &'a [String],
    /// The master seed.
    pub seed: u64,
    /// How many worlds.
    pub worlds: u64,
}

/// Everything the page draws.
#[derive(Debug, Clone, Serialize)]
pub struct Exploration {
    /// The master seed.
    pub seed: u64,
    /// Worlds run.
    pub worlds: u64,
    /// The first day of the daily series [days since 1945-06-01, Tokyo].
    pub first_day: i64,
    /// The reference scenario.
    pub reference: Side,
    /// The counterfactual.
    pub scenario: Side,
    /// The paired comparison, as `endgame compare` reports it.
    pub paired: ComparisonReport,
    /// The counterfactual with the levers applied, as a scenario file `endgame` reads.
    pub resolved: String,
    /// A representative world of the counterfactual, narrated.
    pub why: Why,
}

/// One scenario's results.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    /// The summary, as `endgame run` reports it.
    pub report: SummaryReport,
    /// Worlds that accepted by the end of each Tokyo day from [`FIRST_DAY`] to [`LAST_DAY`].
    pub accepted_by_day: Vec<u64>,
    /// Worlds with Soviet entry by the end of each day.
    pub entry_by_day: Vec<u64>,
    /// Worlds with a first atomic strike by the end of each day.
    pub strike_by_day: Vec<u64>,
    /// Who struck first: Soviet entry, an atomic strike, neither [worlds].
    pub race: [u64; 3],
    /// Worlds per decisive shock, in the order of [`SHOCKS`].
    pub decisive: Vec<(String, u64)>,
}

/// A narrated world.
#[derive(Debug, Clone, Serialize)]
pub struct Why {
    /// Its index.
    pub world: u64,
    /// Why it was chosen.
    pub chosen: String,
    /// What happened, in order.
    pub events: Vec<WhyEvent>,
    /// How it ended, in words.
    pub outcome: Vec<String>,
}

/// One happening of a narrated world.
#[derive(Debug, Clone, Serialize)]
pub struct WhyEvent {
    /// Local time and place, e.g. "1945-08-06 08:15 Tokyo".
    pub local: String,
    /// Tokyo date, e.g. "Aug 6".
    pub tokyo_date: String,
    /// Who acts.
    pub actor: &'static str,
    /// The event id.
    pub id: &'static str,
    /// What happened.
    pub text: String,
    /// The rule that fired.
    pub rule: &'static str,
    /// What triggered it.
    pub trigger: String,
    /// The source mark (MODEL.md §2).
    pub source: &'static str,
    /// The parameters the rule read, with their values in this world.
    pub cards: Vec<Card>,
}

/// A parameter as a source card.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    /// The key.
    pub key: &'static str,
    /// Its value in this world.
    pub value: String,
    /// Its historical value.
    pub historical: &'static str,
    /// What it means.
    pub doc: &'static str,
    /// Its unit.
    pub unit: &'static str,
    /// Its source.
    pub source: &'static str,
}

fn info(s: &Scenario, sets: &[String]) -> ScenarioInfo {
    ScenarioInfo::of(s, sets)
}

fn by_day(summary: &Summary, outcome: &str) -> Vec<u64> {
    let mut daily = vec![0u64; (LAST_DAY - FIRST_DAY + 1) as usize];
    if let Some(h) = summary.time(outcome) {
        for (minute, count) in h.counts() {
            let day = tokyo_day(minute).max(FIRST_DAY);
            if day <= LAST_DAY {
                daily[(day - FIRST_DAY) as usize] += count;
            }
        }
    }
    daily
        .iter()
        .scan(0, |acc, c| {
            *acc += c;
            Some(*acc)
        })
        .collect()
}

fn side(summary: &Summary, info: ScenarioInfo, seed: u64) -> Side {
    let races = summary.race_results();
    let race = [
        RaceResult::EntryFirst,
        RaceResult::BombFirst,
        RaceResult::Neither,
    ]
    .map(|r| races.get(&r).copied().unwrap_or(0));
    Side {
        report: summary.report(info, seed),
        accepted_by_day: by_day(summary, "acceptance"),
        entry_by_day: by_day(summary, "soviet_entry"),
        strike_by_day: by_day(summary, "first_strike"),
        race,
        decisive: SHOCKS
            .iter()
            .zip(summary.decisive)
            .map(|(n, c)| (n.to_string(), c))
            .collect(),
    }
}

fn outcome(s: &Scenario, seed: u64, k: u64) -> WorldOutcome {
    let (params, streams) = s.world(seed, k);
    run_world(&params, &s.calendar, streams, &mut crate::model::Ignore)
}

/// Runs both scenarios on worlds `0..worlds` and narrates the counterfactual's median world.
///
/// # Errors
/// The scenario errors of either text or of the levers' settings.
pub fn explore(req: &Request<'_>) -> Result<Exploration, ScenarioError> {
    let reference = parse_str(req.reference.0, req.reference.1, &[])?;
    let scenario = parse_str(req.scenario.0, req.scenario.1, req.sets)?;
    let mut sums = [Summary::default(), Summary::default()];
    let mut paired = Comparison::default();
    let mut acceptances: Vec<(Option<SimTime>, u64)> = Vec::with_capacity(req.worlds as usize);
    for k in 0..req.worlds {
        let a = outcome(&reference, req.seed, k);
        let b = outcome(&scenario, req.seed, k);
        sums[0].add(&a);
        sums[1].add(&b);
        paired.add(&a, &b);
        acceptances.push((b.acceptance, k));
    }
    let infos = [info(&reference, &[]), info(&scenario, req.sets)];
    Ok(Exploration {
        seed: req.seed,
        worlds: req.worlds,
        first_day: FIRST_DAY,
        reference: side(&sums[0], infos[0].clone(), req.seed),
        scenario: side(&sums[1], infos[1].clone(), req.seed),
        paired: paired.report(infos[0].clone(), infos[1].clone()),
        resolved: scenario.resolved_text(false),
        why: why(&scenario, req.seed, acceptances),
    })
}

/// The world whose acceptance is the median (a world that never accepts counts as latest),
/// narrated.
fn why(s: &Scenario, seed: u64, mut acceptances: Vec<(Option<SimTime>, u64)>) -> Why {
    acceptances.sort_by_key(|(t, k)| (t.is_none(), *t, *k));
    let world = acceptances
        .get(acceptances.len().saturating_sub(1) / 2)
        .map_or(0, |(_, k)| *k);
    let (params, streams) = s.world(seed, world);
    let mut happenings: Vec<Happening> = Vec::new();
    let outcome = run_world(&params, &s.calendar, streams, &mut happenings);
    let tokyo = Zone::named("Tokyo").ok();
    let events = happenings
        .iter()
        .map(|h| {
            let rule = h.rule();
            let zone = Zone::named(h.place()).ok();
            WhyEvent {
                local: zone.map_or_else(
                    || crate::time::format_utc(h.at),
                    |z| format!("{} {}", z.format(h.at), h.place()),
                ),
                tokyo_date: tokyo.as_ref().map_or_else(String::new, |z| {
                    let d = z.date(h.at);
                    format!("{} {}", month(d.month()), d.day())
                }),
                actor: h.actor().name(),
                id: h.id(),
                text: h.text(),
                rule: rule.name,
                trigger: rule.trigger,
                source: h.source(),
                cards: rule
                    .keys
                    .iter()
                    .filter_map(|key| spec(key))
                    .map(|spec| Card {
                        key: spec.key,
                        value: format_value(&spec.kind, &(spec.get)(&params)),
                        historical: spec.historical,
                        doc: spec.doc,
                        unit: spec.unit,
                        source: spec.source,
                    })
                    .collect(),
            }
        })
        .collect();
    Why {
        world,
        chosen: format!(
            "world {world}: the median world of {} by the date Japan accepted",
            acceptances.len()
        ),
        events,
        outcome: trace::summary(&outcome),
    }
}

fn month(m: i8) -> &'static str {
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .get((m as usize).wrapping_sub(1))
    .copied()
    .unwrap_or("?")
}

/// The levers of a page made from a scenario with no `[lesson]`: the levers MODEL.md §5
/// names.
pub const DEFAULT_LESSON: &str = r#"
[lesson]
question = "What changes when one decision of 1945 goes the other way?"
notice = [
    "How far apart are the two acceptance curves, and in how many worlds did the date move?",
    "Who struck first in the race: the Soviet attack or the first atomic strike?",
    "Which shock brought Japan's leaders to the table in the median world?",
]
try = [
    "Keep the USSR out of the war.",
    "Let Stalin sign the Potsdam Proclamation.",
    "Guarantee the Emperor in the ultimatum.",
    "Delay the bombs by two weeks.",
]

[[lesson.levers]]
key = "ussr.enters_war"
label = "The Soviet Union enters the war"
values = [true, false]
labels = ["Yes, as it did", "No: it stays neutral"]
document = "Yalta agreement on the Far East, 11 February 1945"

[[lesson.levers]]
key = "potsdam.signatories"
label = "Who signs the Potsdam Proclamation"
values = ["auto", ["US", "UK", "China", "USSR"]]
labels = ["The US decides (as in 1945: without Stalin)", "Stalin signs too"]
document = "Potsdam Proclamation, 26 July 1945 [S 30-31]"

[[lesson.levers]]
key = "potsdam.emperor"
label = "What the ultimatum says of the Emperor"
values = ["silent", "guaranteed", "abolished"]
labels = ["Nothing (as in 1945)", "A constitutional monarchy is guaranteed", "The monarchy is abolished"]
document = "Stimson's draft proclamation, 2 July 1945 [S 13]"

[[lesson.levers]]
key = "usa.schedule_shift"
label = "The bombs are ready earlier or later by"
values = { from = "-7d", to = "21d", step = "1d" }
document = "Groves to Marshall on the bomb schedule, July 1945"
"#;

/// The lesson of [`DEFAULT_LESSON`].
pub fn default_lesson() -> Option<crate::scenario::Lesson> {
    parse_str("default_lesson.toml", DEFAULT_LESSON, &[])
        .ok()
        .and_then(|s| s.lesson)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The baseline scenario without its `extends` line (keys it leaves out are historical
    /// anyway), so it loads from text alone.
    fn baseline() -> String {
        include_str!("../../scenarios/baseline.toml").replace("extends", "# extends")
    }

    #[test]
    fn the_default_lesson_parses() {
        let l = default_lesson().unwrap();
        assert_eq!(l.levers.len(), 4);
        assert_eq!(l.levers[3].values.len(), 29);
    }

    /// Both sides count every world in the race, and the paired counts cover every world.
    #[test]
    fn the_race_and_the_pairs_count_every_world() {
        let base = baseline();
        let e = explore(&Request {
            reference: ("b", &base),
            scenario: ("b", &base),
            sets: &["usa.bomb_ready=[]".to_string()],
            seed: 3,
            worlds: 300,
        })
        .unwrap();
        assert_eq!(e.reference.race.iter().sum::<u64>(), 300);
        assert_eq!(e.scenario.race.iter().sum::<u64>(), 300);
        // As in 1945 the bomb fell first in most worlds; with no bomb, Soviet entry always
        // comes first.
        assert!(
            e.reference.race[1] > e.reference.race[0],
            "{:?}",
            e.reference.race
        );
        assert_eq!(e.scenario.race, [300, 0, 0]);
        let p = &e.paired;
        assert_eq!(p.earlier.count + p.same.count + p.later.count, 300);
        assert_eq!(
            e.reference.report.race["atomic_strike_first"].count,
            e.reference.race[1]
        );
        // The narrated world is one of them, and its story ends with the outcome lines.
        assert!(e.why.world < 300);
        assert!(e.why.events.iter().any(|ev| ev.id == "ussr_attack"));
    }

    /// Every parameter a rule names exists, so no source card is silently missing: checked
    /// over the happenings of worlds under many levers.
    #[test]
    fn every_rule_names_real_parameters() {
        let base = baseline();
        let levers = [
            "ussr.enters_war=false",
            "potsdam.signatories=[\"US\", \"UK\", \"China\", \"USSR\"]",
            "potsdam.emperor=guaranteed",
            "usa.bomb_ready=[]",
            "usa.reply=reject",
            "ussr.requires_china_treaty=true",
            "japan.p_coup_success=1",
            "usa.trinity=1945-07-28 05:30 Trinity",
        ];
        let mut seen = std::collections::BTreeSet::new();
        for set in levers {
            let s = parse_str("b.toml", &base, &[set.to_string()]).unwrap();
            for k in 0..40 {
                let (params, streams) = s.world(7, k);
                let mut happenings: Vec<Happening> = Vec::new();
                run_world(&params, &s.calendar, streams, &mut happenings);
                for h in happenings {
                    let rule = h.rule();
                    seen.insert(rule.name);
                    for key in rule.keys {
                        assert!(spec(key).is_some(), "{}: no parameter {key}", h.id());
                    }
                }
            }
        }
        assert!(seen.len() > 25, "only {} rules seen", seen.len());
    }
}
