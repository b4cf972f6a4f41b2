//! The model's parameters, as validated values.
//!
//! Every field is documented in [`super::registry::SPECS`] (name, unit, historical value,
//! plausible range, source); `Params::historical()` is the historical world of MODEL.md §2.

use crate::engine::{SimDuration, SimTime};
use crate::time::{SimDuration as D, parse_time};

/// What the Potsdam Proclamation says of the Emperor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EmperorTerms {
    /// Silent (the historical text).
    Silent,
    /// A constitutional monarchy under the present dynasty (Stimson's draft).
    Guaranteed,
    /// The monarchy abolished (Stalin's line).
    Abolished,
}

/// How the US answers a conditional offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReplyKind {
    /// The Byrnes note: ambiguous on the Emperor (historical).
    Byrnes,
    /// The condition accepted.
    Accept,
    /// The condition rejected.
    Reject,
}

/// A power that may sign the ultimatum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Power {
    /// The United States.
    Us,
    /// The United Kingdom.
    Uk,
    /// The Republic of China.
    China,
    /// The Soviet Union.
    Ussr,
}

impl Power {
    /// The name used in scenarios.
    pub fn name(self) -> &'static str {
        match self {
            Power::Us => "US",
            Power::Uk => "UK",
            Power::China => "China",
            Power::Ussr => "USSR",
        }
    }

    /// All powers, in the order scenarios list them.
    pub const ALL: [Power; 4] = [Power::Us, Power::Uk, Power::China, Power::Ussr];
}

/// Who signs the Potsdam Proclamation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Signatories {
    /// The seed's rule: the US excludes the USSR if it knows the bomb works by the issue
    /// date, and invites it otherwise.
    Auto,
    /// A fixed list.
    Fixed(Vec<Power>),
}

/// The Potsdam Proclamation.
#[derive(Debug, Clone, PartialEq)]
pub struct Potsdam {
    /// When it is issued.
    pub issued: SimTime,
    /// What it says of the Emperor.
    pub emperor: EmperorTerms,
    /// Who signs it.
    pub signatories: Signatories,
}

/// The weather over the target cities, by Tokyo calendar day.
#[derive(Debug, Clone, PartialEq)]
pub struct WeatherParams {
    /// Chance that a day not listed below has visual bombing weather [probability].
    pub p_clear_day: f64,
    /// Days fixed as clear [day index since 1945-06-01].
    pub clear: Vec<i64>,
    /// Days fixed as overcast [day index since 1945-06-01].
    pub overcast: Vec<i64>,
}

/// The United States.
#[derive(Debug, Clone, PartialEq)]
pub struct Usa {
    /// The Trinity test.
    pub trinity: SimTime,
    /// Trinity to the full report reaching Potsdam.
    pub report_delay: SimDuration,
    /// The order to drop the bombs.
    pub drop_order: SimTime,
    /// No strike before this time.
    pub not_before: SimTime,
    /// When each bomb is ready at Tinian, in order; empty: no atomic bomb.
    pub bomb_ready: Vec<SimTime>,
    /// Moves every bomb's readiness (negative: earlier).
    pub schedule_shift: SimDuration,
    /// Time of day of the k-th strike [min after Tokyo midnight]; the last repeats.
    pub strike_time_of_day: Vec<i64>,
    /// The weather.
    pub weather: WeatherParams,
    /// Japan's offer to Washington knowing it.
    pub offer_transit: SimDuration,
    /// Washington knowing of an offer to the President halting strikes.
    pub halt_delay: SimDuration,
    /// The answer to a conditional offer.
    pub reply: ReplyKind,
    /// Washington knowing of the offer to the reply being sent.
    pub reply_delay: SimDuration,
    /// The reply being sent to Tokyo hearing it.
    pub reply_transit: SimDuration,
    /// Operation Olympic's X-day: the horizon of a world.
    pub olympic_xday: SimTime,
}

/// The Soviet Union.
#[derive(Debug, Clone, PartialEq)]
pub struct Ussr {
    /// Whether the USSR ever attacks Japan.
    pub enters_war: bool,
    /// Whether Stalin advances D-day (triggers 1 and 2, and on signing).
    pub accelerates: bool,
    /// D-day planned before Potsdam.
    pub planned_dday: SimTime,
    /// The three fronts concentrated near the border.
    pub fronts_ready: SimTime,
    /// Final preparation for an orderly start.
    pub lead_planned: SimDuration,
    /// Shortest compressed final preparation.
    pub lead_min: SimDuration,
    /// Shortest time from an attack order to H-hour.
    pub min_notice: SimDuration,
    /// H-hour: minutes after local midnight in `h_hour_zone`.
    pub h_hour_minute: i64,
    /// The zone of the H-hour grid.
    pub h_hour_zone: String,
    /// The proclamation being issued without the USSR to Stalin advancing D-day.
    pub exclusion_reaction: SimDuration,
    /// A strike before entry to Stalin acting with no word from Japan.
    pub evidence_reaction: SimDuration,
    /// Japan pressing Moscow to Stalin's attack order.
    pub press_reaction: SimDuration,
    /// The declaration's lead before H-hour.
    pub declaration_lead: SimDuration,
    /// Japan's offer to Moscow knowing of it.
    pub offer_news: SimDuration,
    /// Chance that Stalin attacks anyway once Japan has offered [probability].
    pub p_attack_after_offer: f64,
    /// Whether D-day waits for the treaty with China.
    pub requires_china_treaty: bool,
    /// When a neutral USSR answers Japan's request for mediation (`None`: never).
    pub mediation_answer: Option<SimTime>,
    /// Length of the Manchurian campaign if Japan fights on.
    pub manchuria_duration: SimDuration,
    /// Japan's broadcast to organised resistance in Manchuria ending.
    pub manchuria_ceasefire: SimDuration,
    /// Length of the north Korean campaign.
    pub korea_duration: SimDuration,
    /// H-hour to the south Sakhalin operation starting.
    pub sakhalin_start: SimDuration,
    /// Length of the south Sakhalin operation.
    pub sakhalin_duration: SimDuration,
    /// Japan's broadcast (or H-hour, if later) to the Kuril landings.
    pub kurils_start: SimDuration,
    /// Length of the Kuril operation.
    pub kurils_duration: SimDuration,
    /// Japan's broadcast (or H-hour, if later) to the decision on Hokkaido.
    pub hokkaido_decision: SimDuration,
    /// Japan's broadcast (or H-hour, if later) to the Hokkaido landing.
    pub hokkaido_landing: SimDuration,
    /// Length of the Hokkaido operation.
    pub hokkaido_duration: SimDuration,
    /// Chance that the US objects to a Hokkaido landing [probability].
    pub p_us_objects: f64,
    /// The formal surrender to Soviet operations stopping.
    pub ops_stop: SimDuration,
}

/// Japan's leadership: the Big Six and the Emperor.
#[derive(Debug, Clone, PartialEq)]
pub struct Japan {
    /// The Emperor's request to Moscow to receive Prince Konoe.
    pub mediation_request: SimTime,
    /// Pressure needed to bring the Big Six to the table [pressure units].
    pub threshold: f64,
    /// Background pressure on 1945-06-01 [pressure units].
    pub background_start: f64,
    /// Daily growth of the background pressure [pressure units/day].
    pub background_growth: f64,
    /// Threshold raise while mediation hope lasts [pressure units].
    pub w_hope: f64,
    /// Pressure of the first atomic strike [pressure units].
    pub w_bomb: f64,
    /// Each further strike weighs this much of the one before [ratio].
    pub bomb_decay: f64,
    /// Pressure of Soviet entry [pressure units].
    pub w_soviet_entry: f64,
    /// Pressure of a Soviet signature on the ultimatum [pressure units].
    pub w_soviet_signature: f64,
    /// Threshold cut when the Emperor is guaranteed [pressure units].
    pub w_guarantee: f64,
    /// Threshold raise when the monarchy is to be abolished [pressure units].
    pub w_abolish: f64,
    /// The ultimatum to Tokyo hearing it.
    pub ultimatum_news: SimDuration,
    /// An atomic strike to Tokyo knowing of it.
    pub bomb_news: SimDuration,
    /// The Soviet attack to Tokyo knowing of it.
    pub soviet_news: SimDuration,
    /// Moscow's answer to Tokyo hearing it.
    pub refusal_news: SimDuration,
    /// Hearing the ultimatum to suspending judgment.
    pub response_delay: SimDuration,
    /// Knowing of a strike to the ambassador pressing Moscow.
    pub press_delay: SimDuration,
    /// Pressure reaching the threshold to the Big Six convening.
    pub convene_delay: SimDuration,
    /// The Big Six convening to the Emperor's decision.
    pub seidan_delay: SimDuration,
    /// Chance that the Emperor decides when asked [probability].
    pub p_seidan: f64,
    /// No decision to the Big Six meeting again.
    pub reconvene_delay: SimDuration,
    /// The Emperor's decision to the offer being sent.
    pub offer_delay: SimDuration,
    /// An ambiguous reply heard to the second decision.
    pub second_deadlock: SimDuration,
    /// The final decision (or an accepting reply) to the acceptance being sent.
    pub accept_delay: SimDuration,
    /// Threshold raise after a rejected offer [pressure units].
    pub rejection_penalty: f64,
    /// Chance of a coup attempt against the acceptance [probability].
    pub p_coup_attempt: f64,
    /// Chance that an attempted coup succeeds [probability].
    pub p_coup_success: f64,
    /// The acceptance to the coup attempt.
    pub coup_delay: SimDuration,
    /// A successful coup to deliberation restarting.
    pub coup_recovery: SimDuration,
    /// Threshold raise after a successful coup [pressure units].
    pub coup_threshold_raise: f64,
    /// The acceptance to the Emperor's broadcast.
    pub broadcast_delay: SimDuration,
    /// The broadcast to the formal surrender.
    pub formal_delay: SimDuration,
}

/// China.
#[derive(Debug, Clone, PartialEq)]
pub struct China {
    /// The Sino-Soviet treaty (`None`: never).
    pub treaty: Option<SimTime>,
}

/// Every input of a world.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// The ultimatum.
    pub potsdam: Potsdam,
    /// The United States.
    pub usa: Usa,
    /// The Soviet Union.
    pub ussr: Ussr,
    /// Japan.
    pub japan: Japan,
    /// China.
    pub china: China,
}

fn t(text: &str) -> SimTime {
    // The literals below are fixed and tested; a typo is a bug found by the unit tests.
    parse_time(text).unwrap_or(SimTime::ZERO)
}

fn d(days: i64, hours: i64, minutes: i64) -> SimDuration {
    D::days(days) + D::hours(hours) + D::minutes(minutes)
}

impl Params {
    /// The historical world: every value at its historical setting (MODEL.md §2–3).
    pub fn historical() -> Params {
        let day = |s: &str| {
            crate::time::parse_date(s)
                .map(crate::time::day_index)
                .unwrap_or_default()
        };
        Params {
            potsdam: Potsdam {
                issued: t("1945-07-26 21:20 Potsdam"),
                emperor: EmperorTerms::Silent,
                signatories: Signatories::Auto,
            },
            usa: Usa {
                trinity: t("1945-07-16 05:30 Trinity"),
                report_delay: d(5, 0, 0),
                drop_order: t("1945-07-25 09:00 Washington"),
                not_before: t("1945-08-03 00:00 Tokyo"),
                bomb_ready: [
                    "1945-07-31 12:00 Tinian",
                    "1945-08-08 12:00 Tinian",
                    "1945-08-19 12:00 Tinian",
                    "1945-09-05 12:00 Tinian",
                    "1945-09-15 12:00 Tinian",
                    "1945-09-25 12:00 Tinian",
                    "1945-10-05 12:00 Tinian",
                    "1945-10-15 12:00 Tinian",
                    "1945-10-25 12:00 Tinian",
                ]
                .iter()
                .map(|s| t(s))
                .collect(),
                schedule_shift: SimDuration::ZERO,
                strike_time_of_day: vec![8 * 60 + 15, 11 * 60 + 2],
                weather: WeatherParams {
                    p_clear_day: 1.0,
                    clear: vec![day("1945-08-06"), day("1945-08-09")],
                    overcast: [
                        "1945-08-01",
                        "1945-08-02",
                        "1945-08-03",
                        "1945-08-04",
                        "1945-08-05",
                        "1945-08-07",
                        "1945-08-08",
                    ]
                    .iter()
                    .map(|s| day(s))
                    .collect(),
                },
                offer_transit: d(0, 13, 33),
                halt_delay: d(0, 6, 0),
                reply: ReplyKind::Byrnes,
                reply_delay: d(1, 3, 0),
                reply_transit: d(0, 1, 12),
                olympic_xday: t("1945-11-01 00:00 Tokyo"),
            },
            ussr: Ussr {
                enters_war: true,
                accelerates: true,
                planned_dday: t("1945-08-15 00:00 Transbaikal"),
                fronts_ready: t("1945-08-05 06:00 Transbaikal"),
                lead_planned: d(5, 0, 0),
                lead_min: d(3, 0, 0),
                min_notice: d(1, 0, 0),
                h_hour_minute: 0,
                h_hour_zone: "Transbaikal".to_string(),
                exclusion_reaction: d(3, 12, 0),
                evidence_reaction: d(2, 0, 0),
                press_reaction: d(0, 4, 15),
                declaration_lead: d(0, 1, 0),
                offer_news: d(0, 12, 0),
                p_attack_after_offer: 1.0,
                requires_china_treaty: false,
                mediation_answer: None,
                manchuria_duration: d(30, 0, 0),
                manchuria_ceasefire: d(4, 0, 0),
                korea_duration: d(15, 0, 0),
                sakhalin_start: d(2, 0, 0),
                sakhalin_duration: d(14, 0, 0),
                kurils_start: d(2, 15, 0),
                kurils_duration: d(14, 0, 0),
                hokkaido_decision: d(7, 6, 0),
                hokkaido_landing: d(9, 0, 0),
                hokkaido_duration: d(14, 0, 0),
                p_us_objects: 1.0,
                ops_stop: d(3, 0, 0),
            },
            japan: Japan {
                mediation_request: t("1945-07-13 17:00 Moscow"),
                threshold: 1.0,
                background_start: 0.30,
                background_growth: 0.004,
                w_hope: 0.5,
                w_bomb: 0.25,
                bomb_decay: 0.5,
                w_soviet_entry: 0.45,
                w_soviet_signature: 0.2,
                w_guarantee: 0.3,
                w_abolish: 0.3,
                ultimatum_news: d(0, 3, 0),
                bomb_news: d(0, 4, 0),
                soviet_news: d(0, 4, 0),
                refusal_news: d(0, 12, 0),
                response_delay: d(1, 10, 0),
                press_delay: d(1, 6, 0),
                convene_delay: d(0, 6, 30),
                seidan_delay: d(0, 16, 0),
                p_seidan: 1.0,
                reconvene_delay: d(1, 0, 0),
                offer_delay: d(0, 4, 30),
                second_deadlock: d(2, 10, 5),
                accept_delay: d(0, 12, 10),
                rejection_penalty: 0.3,
                p_coup_attempt: 1.0,
                p_coup_success: 0.0,
                coup_delay: d(0, 1, 0),
                coup_recovery: d(7, 0, 0),
                coup_threshold_raise: 0.3,
                broadcast_delay: d(0, 13, 0),
                formal_delay: d(17, 21, 0),
            },
            china: China {
                treaty: Some(t("1945-08-14 12:00 Moscow")),
            },
        }
    }
}

impl Params {
    /// The other key of a pair that [`Params::inconsistencies`] checks: where to point when
    /// the scenario set only that one.
    pub fn inconsistency_partner(key: &str) -> Option<&'static str> {
        match key {
            "ussr.lead_min" => Some("ussr.lead_planned"),
            "usa.olympic_xday" => Some("potsdam.issued"),
            "usa.weather.overcast" => Some("usa.weather.clear"),
            _ => None,
        }
    }

    /// Values that are each possible but impossible together, as (key, message) pairs.
    pub fn inconsistencies(&self) -> Vec<(&'static str, String)> {
        Params::inconsistencies_between(self, self)
    }

    /// The same checks when uncertain parameters range between `lo` (every one at the low
    /// end of its range) and `hi` (the high end): each pair must be consistent at its
    /// worst combination.
    pub fn inconsistencies_between(lo: &Params, hi: &Params) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if hi.ussr.lead_min > lo.ussr.lead_planned {
            out.push((
                "ussr.lead_min",
                format!(
                    "the compressed preparation ({}) cannot be longer than the planned one, ussr.lead_planned ({})",
                    hi.ussr.lead_min, lo.ussr.lead_planned
                ),
            ));
        }
        if lo.usa.olympic_xday <= hi.potsdam.issued {
            out.push((
                "usa.olympic_xday",
                "X-day, the end of a world, must come after the ultimatum (potsdam.issued)"
                    .to_string(),
            ));
        }
        let weather = &lo.usa.weather;
        if let Some(day) = weather.clear.iter().find(|d| weather.overcast.contains(d)) {
            let date =
                crate::time::date_of_index(*day).map_or_else(|| day.to_string(), |d| d.to_string());
            out.push((
                "usa.weather.overcast",
                format!("{date} is listed as both clear (usa.weather.clear) and overcast"),
            ));
        }
        out
    }
}
