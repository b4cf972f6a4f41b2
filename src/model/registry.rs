//! The parameter registry: one entry per scenario key, with its meaning, unit, historical
//! value, plausible range and source. The scenario parser, `endgame check`, the generated
//! parameter reference (`docs/parameters.md`) and sweeps all read this one table, so a
//! parameter is documented exactly once.

use super::params::{EmperorTerms, Params, Power, ReplyKind, Signatories};
use crate::engine::{SimDuration, SimTime};

/// A typed parameter value, as the scenario parser hands it to the model.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// An instant.
    Time(SimTime),
    /// An optional instant that is absent: "never".
    Never,
    /// A duration.
    Duration(SimDuration),
    /// A real number (weights, probabilities).
    Number(f64),
    /// A switch.
    Bool(bool),
    /// One of a fixed set of words.
    Choice(&'static str),
    /// A list of instants.
    Times(Vec<SimTime>),
    /// A list of whole numbers: minutes after midnight, or day indices.
    Integers(Vec<i64>),
    /// The ultimatum's signatories.
    Signatories(Signatories),
    /// A time of day in a zone: minutes after local midnight, and the zone's name.
    ZonedTimeOfDay(i64, String),
}

/// What a parameter accepts; the bounds are hard limits (outside them a value is
/// impossible, not merely implausible).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// An instant, written in `zone` by `endgame check`.
    Time {
        /// The zone to print it in.
        zone: &'static str,
    },
    /// An instant or `"never"`.
    TimeOrNever {
        /// The zone to print it in.
        zone: &'static str,
    },
    /// A duration of at least zero.
    Duration,
    /// A duration that may be negative (a shift earlier or later).
    Shift,
    /// A real number within `[min, max]`.
    Number {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
    /// A probability in `[0, 1]`.
    Probability,
    /// `true` or `false`.
    Bool,
    /// One of these words.
    Choice(&'static [&'static str]),
    /// `"auto"` or a list of `"US"`, `"UK"`, `"China"`, `"USSR"`.
    Signatories,
    /// A list of instants in ascending order, printed in `zone`.
    TimeList {
        /// The zone to print them in.
        zone: &'static str,
    },
    /// A non-empty list of times of day `"HH:MM"` (Tokyo).
    TimeOfDayList,
    /// A list of dates `"YYYY-MM-DD"` (Tokyo calendar days).
    DateList,
    /// A time of day with a zone, `"00:00 Transbaikal"`.
    ZonedTimeOfDay,
}

impl Kind {
    /// What a value of this kind looks like, for error messages.
    pub fn expected(&self) -> String {
        match self {
            Kind::Time { .. } => {
                "a time with its zone, e.g. \"1945-08-09 00:00 Transbaikal\"".into()
            }
            Kind::TimeOrNever { .. } => {
                "a time with its zone, e.g. \"1945-08-14 12:00 Moscow\", or \"never\"".into()
            }
            Kind::Duration => "a duration, e.g. \"90m\", \"36h\", \"3d\" or \"2d 10h\"".into(),
            Kind::Shift => "a shift, e.g. \"5d\" (later) or \"-2d\" (earlier)".into(),
            Kind::Number { min, max } => format!("a number from {min} to {max}"),
            Kind::Probability => "a probability from 0 to 1".into(),
            Kind::Bool => "true or false".into(),
            Kind::Choice(words) => format!(
                "one of {}",
                words
                    .iter()
                    .map(|w| format!("\"{w}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Kind::Signatories => "\"auto\" or a list of \"US\", \"UK\", \"China\", \"USSR\"".into(),
            Kind::TimeList { .. } => {
                "a list of times in ascending order, e.g. [\"1945-07-31 12:00 Tinian\"]".into()
            }
            Kind::TimeOfDayList => {
                "a non-empty list of times of day, e.g. [\"08:15\", \"11:02\"]".into()
            }
            Kind::DateList => "a list of dates, e.g. [\"1945-08-06\"]".into(),
            Kind::ZonedTimeOfDay => {
                "a time of day with its zone, e.g. \"00:00 Transbaikal\"".into()
            }
        }
    }
}

/// One documented parameter.
#[derive(Clone, Copy)]
pub struct ParamSpec {
    /// The dotted scenario key, e.g. `usa.bomb_ready`.
    pub key: &'static str,
    /// What it accepts.
    pub kind: Kind,
    /// Its unit, in words.
    pub unit: &'static str,
    /// The historical value, as written in `scenarios/historical.toml`.
    pub historical: &'static str,
    /// The plausible range, in words.
    pub range: &'static str,
    /// The source mark (MODEL.md: S n = the seed's endnote n, V = confirmed, M = commonly
    /// cited, unconfirmed) and a short reference.
    pub source: &'static str,
    /// What it means.
    pub doc: &'static str,
    /// Reads the value from parameters.
    pub get: fn(&Params) -> Value,
    /// Writes the value into parameters; `Err` when the value is of another kind.
    pub set: fn(&mut Params, Value) -> Result<(), ()>,
}

impl std::fmt::Debug for ParamSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParamSpec").field("key", &self.key).finish()
    }
}

/// The spec of a key, if the key exists.
pub fn spec(key: &str) -> Option<&'static ParamSpec> {
    SPECS.iter().find(|s| s.key == key)
}

/// Converts between a field's Rust type and [`Value`].
trait Field: Sized {
    fn to_value(&self) -> Value;
    fn from_value(v: Value) -> Option<Self>;
}

impl Field for SimTime {
    fn to_value(&self) -> Value {
        Value::Time(*self)
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Time(t) => Some(t),
            _ => None,
        }
    }
}

impl Field for Option<SimTime> {
    fn to_value(&self) -> Value {
        self.map_or(Value::Never, Value::Time)
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Time(t) => Some(Some(t)),
            Value::Never => Some(None),
            _ => None,
        }
    }
}

impl Field for SimDuration {
    fn to_value(&self) -> Value {
        Value::Duration(*self)
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Duration(d) => Some(d),
            _ => None,
        }
    }
}

impl Field for f64 {
    fn to_value(&self) -> Value {
        Value::Number(*self)
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Number(x) => Some(x),
            _ => None,
        }
    }
}

impl Field for bool {
    fn to_value(&self) -> Value {
        Value::Bool(*self)
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }
}

impl Field for Vec<SimTime> {
    fn to_value(&self) -> Value {
        Value::Times(self.clone())
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Times(ts) => Some(ts),
            _ => None,
        }
    }
}

impl Field for Vec<i64> {
    fn to_value(&self) -> Value {
        Value::Integers(self.clone())
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Integers(xs) => Some(xs),
            _ => None,
        }
    }
}

impl Field for Signatories {
    fn to_value(&self) -> Value {
        Value::Signatories(self.clone())
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Signatories(s) => Some(s),
            _ => None,
        }
    }
}

/// The words of [`EmperorTerms`], in scenario spelling.
pub const EMPEROR_WORDS: &[&str] = &["silent", "guaranteed", "abolished"];
/// The words of [`ReplyKind`], in scenario spelling.
pub const REPLY_WORDS: &[&str] = &["byrnes", "accept", "reject"];

impl Field for EmperorTerms {
    fn to_value(&self) -> Value {
        Value::Choice(match self {
            EmperorTerms::Silent => "silent",
            EmperorTerms::Guaranteed => "guaranteed",
            EmperorTerms::Abolished => "abolished",
        })
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Choice("silent") => Some(EmperorTerms::Silent),
            Value::Choice("guaranteed") => Some(EmperorTerms::Guaranteed),
            Value::Choice("abolished") => Some(EmperorTerms::Abolished),
            _ => None,
        }
    }
}

impl Field for ReplyKind {
    fn to_value(&self) -> Value {
        Value::Choice(match self {
            ReplyKind::Byrnes => "byrnes",
            ReplyKind::Accept => "accept",
            ReplyKind::Reject => "reject",
        })
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Choice("byrnes") => Some(ReplyKind::Byrnes),
            Value::Choice("accept") => Some(ReplyKind::Accept),
            Value::Choice("reject") => Some(ReplyKind::Reject),
            _ => None,
        }
    }
}

/// Parses a signatory name as scenarios spell it (case-insensitive).
pub fn power_named(name: &str) -> Option<Power> {
    Power::ALL
        .into_iter()
        .find(|p| p.name().eq_ignore_ascii_case(name.trim()))
}

macro_rules! spec {
    ($key:literal, $kind:expr, $unit:literal, $hist:literal, $range:literal, $source:literal, $doc:literal, $($field:ident).+) => {
        ParamSpec {
            key: $key,
            kind: $kind,
            unit: $unit,
            historical: $hist,
            range: $range,
            source: $source,
            doc: $doc,
            get: |p| Field::to_value(&p.$($field).+),
            set: |p, v| {
                p.$($field).+ = Field::from_value(v).ok_or(())?;
                Ok(())
            },
        }
    };
}

const W: Kind = Kind::Number {
    min: 0.0,
    max: 10.0,
};
const TOKYO: Kind = Kind::Time { zone: "Tokyo" };
const MOSCOW: Kind = Kind::Time { zone: "Moscow" };
const TRANSBAIKAL: Kind = Kind::Time {
    zone: "Transbaikal",
};

/// Every parameter of the model, in the order `endgame check` prints them.
pub static SPECS: &[ParamSpec] = &[
    // --- Potsdam -------------------------------------------------------------------------
    spec!(
        "potsdam.issued",
        Kind::Time { zone: "Potsdam" },
        "time",
        "1945-07-26 21:20 Potsdam",
        "1945-07-17 .. 1945-08-15",
        "S (date); M (time of day): issued the evening of Jul 26",
        "When the US, UK and China issue the ultimatum to Japan.",
        potsdam.issued
    ),
    spec!(
        "potsdam.emperor",
        Kind::Choice(EMPEROR_WORDS),
        "choice",
        "\"silent\"",
        "silent | guaranteed | abolished",
        "S 13 (Stimson's draft), S 30 (Stalin's line)",
        "What the ultimatum says of the Emperor. \"guaranteed\" lowers Japan's threshold by japan.w_guarantee and makes its offer unconditional; \"abolished\" raises the threshold by japan.w_abolish.",
        potsdam.emperor
    ),
    spec!(
        "potsdam.signatories",
        Kind::Signatories,
        "list or \"auto\"",
        "\"auto\"",
        "auto | any of US, UK, China, USSR",
        "S 27-31",
        "Who signs. \"auto\": the US excludes the USSR if the Trinity report reached Potsdam before the issue date, and invites it otherwise. A Soviet signature ends Japan's mediation hope when Tokyo hears the ultimatum, and serves as the declaration of war.",
        potsdam.signatories
    ),
    // --- USA ----------------------------------------------------------------------------
    spec!(
        "usa.trinity",
        Kind::Time { zone: "Trinity" },
        "time",
        "1945-07-16 05:30 Trinity",
        "1945-07-04 .. 1945-08-31",
        "V (planned Jul 4; moved for technical reasons)",
        "The successful atomic test.",
        usa.trinity
    ),
    spec!(
        "usa.report_delay",
        Kind::Duration,
        "duration",
        "5d",
        "1d .. 7d",
        "V (Groves' full report reached Potsdam Jul 21)",
        "From the test to its full report reaching the US delegation at Potsdam.",
        usa.report_delay
    ),
    spec!(
        "usa.drop_order",
        Kind::Time { zone: "Washington" },
        "time",
        "1945-07-25 09:00 Washington",
        "1945-07-20 .. 1945-08-31",
        "S (Handy to Spaatz, Jul 25)",
        "The order to use the bombs as soon as weather permits after usa.not_before.",
        usa.drop_order
    ),
    spec!(
        "usa.not_before",
        TOKYO,
        "time",
        "1945-08-03 00:00 Tokyo",
        "1945-08-01 .. 1945-09-01",
        "S (\"after about 3 August\")",
        "No atomic strike before this time.",
        usa.not_before
    ),
    spec!(
        "usa.bomb_ready",
        Kind::TimeList { zone: "Tinian" },
        "list of times",
        "[\"1945-07-31 12:00 Tinian\", \"1945-08-08 12:00 Tinian\", \"1945-08-19 12:00 Tinian\", \"1945-09-05 12:00 Tinian\", ...]",
        "first bomb 1945-07-25 .. 1945-09-30; empty = no bomb",
        "V (Little Boy assembled Jul 31; Fat Man Aug 8; a third ~Aug 19; then ~3 a month)",
        "When each bomb is ready at Tinian, in order. An empty list means no atomic bomb.",
        usa.bomb_ready
    ),
    spec!(
        "usa.schedule_shift",
        Kind::Shift,
        "duration (signed)",
        "0m",
        "-10d .. 30d",
        "model lever (the schedule's technical uncertainty: Trinity itself slipped from Jul 4 to Jul 16)",
        "Moves every time in usa.bomb_ready by this much: positive, the bombs are late; negative, early.",
        usa.schedule_shift
    ),
    spec!(
        "usa.strike_time_of_day",
        Kind::TimeOfDayList,
        "list of times of day (Tokyo)",
        "[\"08:15\", \"11:02\"]",
        "07:00 .. 14:00 (daylight, visual bombing)",
        "V (Hiroshima 08:15, Nagasaki 11:02 Tokyo)",
        "Tokyo time of day of the k-th strike; the last value serves for later strikes.",
        usa.strike_time_of_day
    ),
    spec!(
        "usa.weather.p_clear_day",
        Kind::Probability,
        "probability",
        "1.0",
        "0.3 .. 0.6 for unlisted days in a random world",
        "M (historical mode lists the days that mattered and fixes the rest clear)",
        "Chance that a Tokyo calendar day not listed below has visual bombing weather.",
        usa.weather.p_clear_day
    ),
    spec!(
        "usa.weather.clear",
        Kind::DateList,
        "list of dates (Tokyo)",
        "[\"1945-08-06\", \"1945-08-09\"]",
        "any days",
        "S 45, V",
        "Days fixed as clear over the targets.",
        usa.weather.clear
    ),
    spec!(
        "usa.weather.overcast",
        Kind::DateList,
        "list of dates (Tokyo)",
        "[\"1945-08-01\", ..., \"1945-08-05\", \"1945-08-07\", \"1945-08-08\"]",
        "any days",
        "S 45 (weather held the first strike Aug 1-5), V (Nagasaki moved up from Aug 11 for weather)",
        "Days fixed as unfit for visual bombing.",
        usa.weather.overcast
    ),
    spec!(
        "usa.offer_transit",
        Kind::Duration,
        "duration",
        "13h33m",
        "6h .. 2d",
        "V (the offer of 07:00 Tokyo Aug 10 was in Washington by 07:33 EWT)",
        "From Japan sending an offer to Washington knowing it.",
        usa.offer_transit
    ),
    spec!(
        "usa.halt_delay",
        Kind::Duration,
        "duration",
        "6h",
        "1h .. 2d",
        "V (Truman halts further strikes at the cabinet meeting of Aug 10)",
        "From Washington knowing of an offer to the President halting atomic strikes.",
        usa.halt_delay
    ),
    spec!(
        "usa.reply",
        Kind::Choice(REPLY_WORDS),
        "choice",
        "\"byrnes\"",
        "byrnes | accept | reject",
        "V (the Byrnes note of Aug 11)",
        "The answer to a conditional offer: \"byrnes\" is ambiguous on the Emperor and reopens the deadlock; \"accept\" takes the condition; \"reject\" refuses it and strengthens the war party.",
        usa.reply
    ),
    spec!(
        "usa.reply_delay",
        Kind::Duration,
        "duration",
        "1d 3h",
        "6h .. 3d",
        "V (sent Aug 11)",
        "From Washington knowing of the offer to the reply being sent.",
        usa.reply_delay
    ),
    spec!(
        "usa.reply_transit",
        Kind::Duration,
        "duration",
        "1h12m",
        "30m .. 1d",
        "V (heard in Tokyo 00:45 Aug 12 by radio)",
        "From the reply being sent to Tokyo hearing it.",
        usa.reply_transit
    ),
    spec!(
        "usa.olympic_xday",
        TOKYO,
        "time",
        "1945-11-01 00:00 Tokyo",
        "1945-11-01 .. 1946-03-01",
        "V (Operation Olympic, X-day Nov 1)",
        "The invasion of Kyushu: a world in which Japan has not accepted by then ends in invasion.",
        usa.olympic_xday
    ),
    // --- USSR ---------------------------------------------------------------------------
    spec!(
        "ussr.enters_war",
        Kind::Bool,
        "switch",
        "true",
        "true | false",
        "S",
        "Whether the USSR ever attacks Japan.",
        ussr.enters_war
    ),
    spec!(
        "ussr.accelerates",
        Kind::Bool,
        "switch",
        "true",
        "true | false",
        "S 39-50",
        "Whether Stalin advances D-day at all (triggers 1 and 2, and at once on signing the ultimatum). false: D-day stays ussr.planned_dday unless Japan offers first (trigger 3).",
        ussr.accelerates
    ),
    spec!(
        "ussr.planned_dday",
        TRANSBAIKAL,
        "time",
        "1945-08-15 00:00 Transbaikal",
        "1945-08-15 .. 1945-08-25",
        "S 17, 20 (\"middle of August\"; Truman's diary \"August 15th\"); the abstract's \"two weeks\" suggests Aug 24-25",
        "D-day as planned before Potsdam.",
        ussr.planned_dday
    ),
    spec!(
        "ussr.fronts_ready",
        TRANSBAIKAL,
        "time",
        "1945-08-05 06:00 Transbaikal",
        "1945-08-01 .. 1945-08-15",
        "S 41",
        "The three fronts concentrated 50-60 km from the border.",
        ussr.fronts_ready
    ),
    spec!(
        "ussr.lead_planned",
        Kind::Duration,
        "duration",
        "5d",
        "3d .. 7d",
        "S 41 (Vasilevskii: 3-5 days to the border; \"Aug 9-10\")",
        "Final preparation after the fronts are ready, for an orderly start.",
        ussr.lead_planned
    ),
    spec!(
        "ussr.lead_min",
        Kind::Duration,
        "duration",
        "3d",
        "2d .. 5d",
        "S 41",
        "Shortest compressed final preparation after the fronts are ready.",
        ussr.lead_min
    ),
    spec!(
        "ussr.min_notice",
        Kind::Duration,
        "duration",
        "24h",
        "12h .. 3d",
        "S 50 (ordered Aug 7 16:30 Moscow for 18:00 Moscow Aug 8)",
        "Shortest time from an attack order to H-hour.",
        ussr.min_notice
    ),
    ParamSpec {
        key: "ussr.h_hour",
        kind: Kind::ZonedTimeOfDay,
        unit: "time of day with zone",
        historical: "\"00:00 Transbaikal\"",
        range: "any time of day",
        source: "S 50",
        doc: "The grid of possible attack times: every day at this local time.",
        get: |p| Value::ZonedTimeOfDay(p.ussr.h_hour_minute, p.ussr.h_hour_zone.clone()),
        set: |p, v| match v {
            Value::ZonedTimeOfDay(m, z) => {
                p.ussr.h_hour_minute = m;
                p.ussr.h_hour_zone = z;
                Ok(())
            }
            _ => Err(()),
        },
    },
    spec!(
        "ussr.exclusion_reaction",
        Kind::Duration,
        "duration",
        "3d 12h",
        "1d .. 7d",
        "S 39-42 (excluded Jul 26; D-day moved Jul 30)",
        "From the ultimatum issued without the USSR to Stalin advancing D-day (trigger 1).",
        ussr.exclusion_reaction
    ),
    spec!(
        "ussr.evidence_reaction",
        Kind::Duration,
        "duration",
        "2d",
        "1d .. 5d",
        "S 46-50",
        "From an atomic strike before Soviet entry to Stalin ordering the attack when no word comes from Japan (trigger 2).",
        ussr.evidence_reaction
    ),
    spec!(
        "ussr.press_reaction",
        Kind::Duration,
        "duration",
        "4h15m",
        "1h .. 1d",
        "S 49-50 (Sato presses Aug 7; the order is signed 16:30 Moscow)",
        "From Japan pressing Moscow again after a strike to Stalin's attack order (trigger 2).",
        ussr.press_reaction
    ),
    spec!(
        "ussr.declaration_lead",
        Kind::Duration,
        "duration",
        "1h",
        "0m .. 1d",
        "S 52",
        "How long before H-hour Molotov hands the declaration to Japan's ambassador.",
        ussr.declaration_lead
    ),
    spec!(
        "ussr.offer_news",
        Kind::Duration,
        "duration",
        "12h",
        "1h .. 2d",
        "V (Aug 10)",
        "From Japan sending an offer to Moscow knowing it.",
        ussr.offer_news
    ),
    spec!(
        "ussr.p_attack_after_offer",
        Kind::Probability,
        "probability",
        "1.0",
        "0.5 .. 1",
        "S (Stalin fought on after Japan's acceptance to take what Yalta promised)",
        "Chance that Stalin attacks at the earliest H-hour once Japan has offered before D-day (trigger 3); otherwise he stands down.",
        ussr.p_attack_after_offer
    ),
    spec!(
        "ussr.requires_china_treaty",
        Kind::Bool,
        "switch",
        "false",
        "true | false",
        "S (Stalin attacked without the treaty)",
        "Whether D-day waits for the Sino-Soviet treaty (china.treaty).",
        ussr.requires_china_treaty
    ),
    spec!(
        "ussr.mediation_answer",
        Kind::TimeOrNever { zone: "Moscow" },
        "time or \"never\"",
        "\"never\"",
        "1945-08-01 .. never",
        "S 31 (Stalin promised Truman \"a more definite negative answer\")",
        "When a neutral USSR (ussr.enters_war = false) refuses Japan's request, ending its mediation hope.",
        ussr.mediation_answer
    ),
    spec!(
        "ussr.manchuria_duration",
        Kind::Duration,
        "duration",
        "30d",
        "20d .. 60d",
        "M (Soviet plans for a 30-day campaign)",
        "Length of the Manchurian campaign if the Kwantung Army fights on.",
        ussr.manchuria_duration
    ),
    spec!(
        "ussr.manchuria_ceasefire",
        Kind::Duration,
        "duration",
        "4d",
        "2d .. 7d",
        "V (organised resistance ends Aug 19)",
        "From Japan's broadcast to organised resistance in Manchuria ending.",
        ussr.manchuria_ceasefire
    ),
    spec!(
        "ussr.korea_duration",
        Kind::Duration,
        "duration",
        "15d",
        "10d .. 30d",
        "V (Pyongyang occupied Aug 24)",
        "Length of the north Korean operation from H-hour.",
        ussr.korea_duration
    ),
    spec!(
        "ussr.sakhalin_start",
        Kind::Duration,
        "duration",
        "2d",
        "1d .. 5d",
        "V (operation Aug 11-25)",
        "From H-hour to the south Sakhalin operation starting.",
        ussr.sakhalin_start
    ),
    spec!(
        "ussr.sakhalin_duration",
        Kind::Duration,
        "duration",
        "14d",
        "7d .. 21d",
        "V (Aug 11-25)",
        "Length of the south Sakhalin operation.",
        ussr.sakhalin_duration
    ),
    spec!(
        "ussr.kurils_start",
        Kind::Duration,
        "duration",
        "2d 15h",
        "1d .. 5d",
        "V (Shumshu landing Aug 18)",
        "From Japan's broadcast (or H-hour, if later) to the Kuril landings.",
        ussr.kurils_start
    ),
    spec!(
        "ussr.kurils_duration",
        Kind::Duration,
        "duration",
        "14d",
        "7d .. 21d",
        "V (Aug 18 - Sep 1)",
        "Length of the Kuril operation.",
        ussr.kurils_duration
    ),
    spec!(
        "ussr.hokkaido_decision",
        Kind::Duration,
        "duration",
        "7d 6h",
        "3d .. 10d",
        "V (called off Aug 22 after Truman's refusal)",
        "From Japan's broadcast (or H-hour, if later) to the decision on the Hokkaido landing.",
        ussr.hokkaido_decision
    ),
    spec!(
        "ussr.hokkaido_landing",
        Kind::Duration,
        "duration",
        "9d",
        "5d .. 14d",
        "V (planned ~Aug 24)",
        "From Japan's broadcast (or H-hour, if later) to the Hokkaido landing, if not called off.",
        ussr.hokkaido_landing
    ),
    spec!(
        "ussr.hokkaido_duration",
        Kind::Duration,
        "duration",
        "14d",
        "7d .. 30d",
        "M (no operation took place)",
        "Length of the Hokkaido operation.",
        ussr.hokkaido_duration
    ),
    spec!(
        "ussr.p_us_objects",
        Kind::Probability,
        "probability",
        "1.0",
        "0.5 .. 1",
        "V (Truman refused Stalin's request, Aug 18)",
        "Chance that the US objects to a Soviet landing on Hokkaido, which is then called off.",
        ussr.p_us_objects
    ),
    spec!(
        "ussr.ops_stop",
        Kind::Duration,
        "duration",
        "3d",
        "0d .. 7d",
        "V (the last Kuril islands were taken by Sep 5)",
        "From the formal surrender to Soviet operations stopping; an operation done by then counts as taken.",
        ussr.ops_stop
    ),
    // --- Japan --------------------------------------------------------------------------
    spec!(
        "japan.mediation_request",
        MOSCOW,
        "time",
        "1945-07-13 17:00 Moscow",
        "1945-07-01 .. 1945-07-31",
        "S 14",
        "Sato delivers the Emperor's request to receive Prince Konoe: mediation hope begins.",
        japan.mediation_request
    ),
    spec!(
        "japan.threshold",
        Kind::Number {
            min: 0.01,
            max: 10.0
        },
        "pressure units",
        "1.0",
        "0.8 .. 1.3",
        "model calibration (the unit of pressure)",
        "Pressure at which the Big Six convene to end the war, before the adjustments below.",
        japan.threshold
    ),
    spec!(
        "japan.background_start",
        W,
        "pressure units",
        "0.30",
        "0.2 .. 0.4",
        "model calibration (USSBS: blockade and fire raids)",
        "Background pressure (blockade, fire raids, food) on 1945-06-01.",
        japan.background_start
    ),
    spec!(
        "japan.background_growth",
        Kind::Number { min: 0.0, max: 1.0 },
        "pressure units per day",
        "0.004",
        "0.002 .. 0.008",
        "model calibration (USSBS)",
        "Daily growth of the background pressure.",
        japan.background_growth
    ),
    spec!(
        "japan.w_hope",
        W,
        "pressure units",
        "0.5",
        "0.3 .. 0.8",
        "S (the seed's thesis)",
        "Threshold raise while mediation hope lasts: from the request to Moscow until Tokyo learns that the USSR attacked, signed the ultimatum or refused.",
        japan.w_hope
    ),
    spec!(
        "japan.w_bomb",
        W,
        "pressure units",
        "0.25",
        "0.1 .. 0.6",
        "S (Hiroshima alone did not move the Big Six)",
        "Pressure of the first atomic strike once Tokyo knows of it.",
        japan.w_bomb
    ),
    spec!(
        "japan.bomb_decay",
        Kind::Number { min: 0.0, max: 1.0 },
        "ratio",
        "0.5",
        "0.3 .. 1.0",
        "S (Nagasaki added little)",
        "Each further strike weighs this fraction of the one before.",
        japan.bomb_decay
    ),
    spec!(
        "japan.w_soviet_entry",
        W,
        "pressure units",
        "0.45",
        "0.3 .. 0.7",
        "S (Ketsu-go assumed Soviet neutrality)",
        "Pressure of the Soviet attack once Tokyo knows of it.",
        japan.w_soviet_entry
    ),
    spec!(
        "japan.w_soviet_signature",
        W,
        "pressure units",
        "0.2",
        "0.1 .. 0.4",
        "S 30-31",
        "Pressure of a Soviet signature on the ultimatum: a threat, smaller than entry.",
        japan.w_soviet_signature
    ),
    spec!(
        "japan.w_guarantee",
        W,
        "pressure units",
        "0.3",
        "0.1 .. 0.5",
        "S 13 (Stimson, Grew)",
        "Threshold cut when the ultimatum guarantees the Emperor.",
        japan.w_guarantee
    ),
    spec!(
        "japan.w_abolish",
        W,
        "pressure units",
        "0.3",
        "0.1 .. 0.6",
        "S 30",
        "Threshold raise when the ultimatum abolishes the monarchy.",
        japan.w_abolish
    ),
    spec!(
        "japan.ultimatum_news",
        Kind::Duration,
        "duration",
        "3h",
        "1h .. 1d",
        "V (monitored in Tokyo early Jul 27)",
        "From the ultimatum's issue to Tokyo hearing it.",
        japan.ultimatum_news
    ),
    spec!(
        "japan.bomb_news",
        Kind::Duration,
        "duration",
        "4h",
        "1h .. 1d",
        "V",
        "From an atomic strike to Tokyo knowing of it.",
        japan.bomb_news
    ),
    spec!(
        "japan.soviet_news",
        Kind::Duration,
        "duration",
        "4h",
        "1h .. 1d",
        "V (Tokyo learned early Aug 9; Sato's cable never arrived, S 53)",
        "From the Soviet attack to Tokyo knowing of it.",
        japan.soviet_news
    ),
    spec!(
        "japan.refusal_news",
        Kind::Duration,
        "duration",
        "12h",
        "1h .. 2d",
        "M",
        "From Moscow's refusal to mediate to Tokyo hearing it.",
        japan.refusal_news
    ),
    spec!(
        "japan.response_delay",
        Kind::Duration,
        "duration",
        "1d 10h",
        "6h .. 3d",
        "S 37",
        "From hearing the ultimatum to suspending judgment (\"mokusatsu\"), if below the threshold.",
        japan.response_delay
    ),
    spec!(
        "japan.press_delay",
        Kind::Duration,
        "duration",
        "1d 6h",
        "6h .. 3d",
        "S 49",
        "From Tokyo knowing of a strike to Sato pressing Molotov again, while mediation hope lasts.",
        japan.press_delay
    ),
    spec!(
        "japan.convene_delay",
        Kind::Duration,
        "duration",
        "6h30m",
        "1h .. 2d",
        "V (Big Six, morning of Aug 9)",
        "From pressure reaching the threshold to the Big Six convening.",
        japan.convene_delay
    ),
    spec!(
        "japan.seidan_delay",
        Kind::Duration,
        "duration",
        "16h",
        "4h .. 3d",
        "V (imperial conference, 02:30 Aug 10)",
        "From the Big Six deadlocking to the Emperor's decision.",
        japan.seidan_delay
    ),
    spec!(
        "japan.p_seidan",
        Kind::Probability,
        "probability",
        "1.0",
        "0.5 .. 1",
        "V (the Emperor decided twice)",
        "Chance that the Emperor decides when asked; otherwise the Big Six meet again after japan.reconvene_delay.",
        japan.p_seidan
    ),
    spec!(
        "japan.reconvene_delay",
        Kind::Duration,
        "duration",
        "1d",
        "6h .. 5d",
        "M",
        "From a meeting without decision to the next.",
        japan.reconvene_delay
    ),
    spec!(
        "japan.offer_delay",
        Kind::Duration,
        "duration",
        "4h30m",
        "1h .. 1d",
        "V (cabled early Aug 10)",
        "From the decision to the offer being sent.",
        japan.offer_delay
    ),
    spec!(
        "japan.second_deadlock",
        Kind::Duration,
        "duration",
        "2d 10h 5m",
        "1d .. 7d",
        "V (Aug 12-14; second decision 10:50 Aug 14)",
        "From an ambiguous reply heard to the Emperor's second decision.",
        japan.second_deadlock
    ),
    spec!(
        "japan.accept_delay",
        Kind::Duration,
        "duration",
        "12h10m",
        "1h .. 2d",
        "V (acceptance sent 23:00 Aug 14)",
        "From the final decision (or an accepting reply) to the acceptance being sent.",
        japan.accept_delay
    ),
    spec!(
        "japan.rejection_penalty",
        W,
        "pressure units",
        "0.3",
        "0.1 .. 0.6",
        "M",
        "Threshold raise after the US rejects the offer: the war party regains the upper hand.",
        japan.rejection_penalty
    ),
    spec!(
        "japan.p_coup_attempt",
        Kind::Probability,
        "probability",
        "1.0",
        "0.3 .. 1",
        "V (Kyujo incident, night of Aug 14-15)",
        "Chance of a coup attempt against the acceptance.",
        japan.p_coup_attempt
    ),
    spec!(
        "japan.p_coup_success",
        Kind::Probability,
        "probability",
        "0.0",
        "0 .. 0.2",
        "V (it failed by morning)",
        "Chance that an attempted coup reverses the acceptance.",
        japan.p_coup_success
    ),
    spec!(
        "japan.coup_delay",
        Kind::Duration,
        "duration",
        "1h",
        "0m .. 1d",
        "V (midnight Aug 14-15)",
        "From the acceptance to the coup attempt.",
        japan.coup_delay
    ),
    spec!(
        "japan.coup_recovery",
        Kind::Duration,
        "duration",
        "7d",
        "2d .. 30d",
        "M",
        "From a successful coup to deliberation restarting.",
        japan.coup_recovery
    ),
    spec!(
        "japan.coup_threshold_raise",
        W,
        "pressure units",
        "0.3",
        "0.1 .. 1",
        "M",
        "Threshold raise after a successful coup.",
        japan.coup_threshold_raise
    ),
    spec!(
        "japan.broadcast_delay",
        Kind::Duration,
        "duration",
        "13h",
        "6h .. 2d",
        "V (noon Aug 15)",
        "From the acceptance to the Emperor's broadcast.",
        japan.broadcast_delay
    ),
    spec!(
        "japan.formal_delay",
        Kind::Duration,
        "duration",
        "17d 21h",
        "10d .. 30d",
        "M (USS Missouri, 09:00 Sep 2)",
        "From the broadcast to the formal surrender.",
        japan.formal_delay
    ),
    // --- China --------------------------------------------------------------------------
    spec!(
        "china.treaty",
        Kind::TimeOrNever { zone: "Moscow" },
        "time or \"never\"",
        "1945-08-14 12:00 Moscow",
        "1945-08-07 .. never",
        "M (Stalin-Soong talks Jul 2-14 and from Aug 7)",
        "The Sino-Soviet treaty.",
        china.treaty
    ),
];
