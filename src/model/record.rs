//! What happens in a world, as data: the observer receives these records, and the edges
//! (trace printer, browser page) turn them into words with [`Happening::text`].

use super::outcome::{Shock, Territory};
use super::params::{EmperorTerms, Power, ReplyKind};
use crate::engine::SimTime;
use crate::time::Zone;

/// Who acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Actor {
    /// The United States.
    Usa,
    /// The Soviet Union.
    Ussr,
    /// Japan.
    Japan,
    /// China.
    China,
    /// The Allies together.
    Allies,
}

impl Actor {
    /// The actor's name.
    pub fn name(self) -> &'static str {
        match self {
            Actor::Usa => "USA",
            Actor::Ussr => "USSR",
            Actor::Japan => "Japan",
            Actor::China => "China",
            Actor::Allies => "Allies",
        }
    }
}

/// Why Stalin set a new D-day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DdayTrigger {
    /// Trigger 1: excluded from the ultimatum.
    Excluded,
    /// Trigger 1 at once: the USSR signed the ultimatum.
    Signed,
    /// Trigger 2: a strike fell and Japan has not surrendered.
    Race,
    /// Trigger 3: Japan offered before D-day; attack anyway.
    TooLate,
    /// D-day held for the treaty with China.
    ChinaTreaty,
}

/// Why mediation hope ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HopeEnd {
    /// The USSR attacked.
    Attack,
    /// The USSR signed the ultimatum.
    Signature,
    /// Moscow refused.
    Refusal,
}

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum What {
    /// Sato delivers the request for mediation.
    MediationRequested,
    /// The atomic test.
    Trinity,
    /// The test's full report reaches Potsdam.
    TrinityReport,
    /// The order to drop the bombs.
    DropOrder,
    /// The ultimatum is issued.
    Proclamation {
        /// Whether the USSR signed.
        ussr_signed: bool,
        /// Whether the US knew the bomb worked when it chose the signatories.
        bomb_known: bool,
        /// What it says of the Emperor.
        emperor: EmperorTerms,
    },
    /// Tokyo hears the ultimatum.
    HearsUltimatum {
        /// Pressure then.
        pressure: f64,
        /// Threshold then.
        threshold: f64,
    },
    /// Japan suspends judgment.
    SuspendsJudgment {
        /// Whether it still hopes for Soviet mediation.
        hoping: bool,
    },
    /// Stalin sets D-day.
    DdaySet {
        /// The new H-hour.
        dday: SimTime,
        /// The H-hour it replaces.
        previous: Option<SimTime>,
        /// Why.
        trigger: DdayTrigger,
    },
    /// A bomb is ready at Tinian.
    BombReady {
        /// Which bomb (1-based).
        n: u32,
    },
    /// The Soviet fronts are concentrated.
    FrontsReady,
    /// An atomic strike.
    AtomicStrike {
        /// Which strike (1-based).
        n: u32,
    },
    /// Japan presses Moscow for an answer.
    SeeksMoscowAnswer,
    /// Molotov hands over the declaration.
    DeclaresWar,
    /// The Soviet attack begins.
    Attack {
        /// Whether the USSR had signed the ultimatum (no separate declaration).
        signed: bool,
    },
    /// Tokyo gives up hope of Soviet mediation.
    HopeEnds {
        /// Why.
        why: HopeEnd,
    },
    /// The Big Six convene.
    BigSixConvenes {
        /// The shock that brought them.
        shock: Shock,
        /// Pressure then.
        pressure: f64,
        /// Threshold then.
        threshold: f64,
    },
    /// The Emperor's sacred decision.
    Seidan {
        /// Which decision of the world (1-based).
        n: u32,
        /// Whether it decides to offer (else: to accept the Allies' answer).
        to_offer: bool,
    },
    /// A meeting ends without a decision.
    NoDecision,
    /// Japan's offer.
    Offer,
    /// Truman halts atomic strikes.
    HaltsAtomic,
    /// Atomic strikes resume.
    StrikesResume,
    /// The US reply.
    Reply {
        /// Which reply.
        kind: ReplyKind,
    },
    /// Tokyo hears the US reply.
    HearsReply {
        /// Which reply.
        kind: ReplyKind,
    },
    /// Japan accepts the ultimatum.
    Accepts {
        /// Whether with no condition at all.
        unconditional: bool,
    },
    /// A coup attempt.
    CoupAttempt {
        /// Whether it succeeds.
        succeeds: bool,
    },
    /// The Emperor's broadcast.
    Broadcast,
    /// A Soviet operation starts.
    OpStarted {
        /// Where.
        territory: Territory,
    },
    /// A Soviet operation is done.
    OpDone {
        /// Where.
        territory: Territory,
    },
    /// The Hokkaido landing is called off.
    HokkaidoCancelled,
    /// The formal surrender.
    FormalSurrender,
    /// The Sino-Soviet treaty.
    ChinaTreaty,
    /// A neutral USSR refuses to mediate.
    RefusesMediation,
    /// Stalin stands down after Japan's offer.
    StandsDown,
    /// Operation Olympic begins.
    Invasion,
}

/// A record of one happening.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Happening {
    /// When.
    pub at: SimTime,
    /// What.
    pub what: What,
}

impl Happening {
    /// The event id of MODEL.md §2 (extra ids for happenings §2 does not list).
    pub fn id(&self) -> &'static str {
        match self.what {
            What::MediationRequested => "jp_mediation_requested",
            What::Trinity => "us_trinity",
            What::TrinityReport => "us_trinity_report",
            What::DropOrder => "us_drop_order",
            What::Proclamation { .. } => "potsdam_proclamation",
            What::HearsUltimatum { .. } => "jp_hears_ultimatum",
            What::SuspendsJudgment { .. } => "jp_suspends_judgment",
            What::DdaySet { .. } => "ussr_dday_set",
            What::BombReady { .. } => "us_bomb_ready",
            What::FrontsReady => "ussr_fronts_ready",
            What::AtomicStrike { .. } => "us_atomic_strike",
            What::SeeksMoscowAnswer => "jp_seeks_moscow_answer",
            What::DeclaresWar => "ussr_declares_war",
            What::Attack { .. } => "ussr_attack",
            What::HopeEnds { .. } => "jp_mediation_hope_ends",
            What::BigSixConvenes { .. } => "jp_big_six_convenes",
            What::Seidan { .. } => "jp_seidan",
            What::NoDecision => "jp_no_decision",
            What::Offer => "jp_offer",
            What::HaltsAtomic => "us_halts_atomic",
            What::StrikesResume => "us_strikes_resume",
            What::Reply { .. } => "us_reply",
            What::HearsReply { .. } => "jp_hears_reply",
            What::Accepts { .. } => "jp_accepts",
            What::CoupAttempt { .. } => "jp_coup_attempt",
            What::Broadcast => "jp_broadcast",
            What::OpStarted { .. } => "ussr_op_started",
            What::OpDone { .. } => "ussr_op_done",
            What::HokkaidoCancelled => "ussr_hokkaido_cancelled",
            What::FormalSurrender => "formal_surrender",
            What::ChinaTreaty => "cn_treaty",
            What::RefusesMediation => "ussr_refuses_mediation",
            What::StandsDown => "ussr_stands_down",
            What::Invasion => "us_invasion",
        }
    }

    /// The ordinal for repeated ids (bomb k, sacred decision k), if any.
    pub fn n(&self) -> Option<u32> {
        match self.what {
            What::BombReady { n } | What::AtomicStrike { n } | What::Seidan { n, .. } => Some(n),
            _ => None,
        }
    }

    /// Who acts.
    pub fn actor(&self) -> Actor {
        match self.what {
            What::Trinity
            | What::TrinityReport
            | What::DropOrder
            | What::BombReady { .. }
            | What::AtomicStrike { .. }
            | What::HaltsAtomic
            | What::StrikesResume
            | What::Reply { .. }
            | What::Invasion => Actor::Usa,
            What::Proclamation { .. } | What::FormalSurrender => Actor::Allies,
            What::DdaySet { .. }
            | What::FrontsReady
            | What::DeclaresWar
            | What::Attack { .. }
            | What::OpStarted { .. }
            | What::OpDone { .. }
            | What::HokkaidoCancelled
            | What::RefusesMediation
            | What::StandsDown => Actor::Ussr,
            What::ChinaTreaty => Actor::China,
            _ => Actor::Japan,
        }
    }

    /// The place whose local time the record is told in (an alias of MODEL.md §1).
    pub fn place(&self) -> &'static str {
        match self.what {
            What::MediationRequested
            | What::SeeksMoscowAnswer
            | What::DeclaresWar
            | What::DdaySet { .. }
            | What::HokkaidoCancelled
            | What::ChinaTreaty
            | What::RefusesMediation
            | What::StandsDown => "Moscow",
            What::Trinity => "Trinity",
            What::TrinityReport | What::Proclamation { .. } => "Potsdam",
            What::DropOrder | What::HaltsAtomic | What::StrikesResume | What::Reply { .. } => {
                "Washington"
            }
            What::BombReady { .. } => "Tinian",
            What::FrontsReady | What::Attack { .. } => "Transbaikal",
            What::OpStarted { territory } | What::OpDone { territory } => territory.place(),
            _ => "Tokyo",
        }
    }

    /// The source mark of MODEL.md §2.
    pub fn source(&self) -> &'static str {
        match self.what {
            What::MediationRequested => "S 14",
            What::SuspendsJudgment { .. } => "S 37",
            What::DdaySet {
                trigger: DdayTrigger::Excluded,
                ..
            } => "S 39-42",
            What::DdaySet { .. } => "S 50",
            What::FrontsReady => "S 41",
            What::AtomicStrike { n: 1 } => "S 45",
            What::SeeksMoscowAnswer => "S 49",
            What::DeclaresWar => "S 52",
            What::Attack { .. } => "S 50",
            What::Proclamation { .. } | What::DropOrder | What::HopeEnds { .. } => "S",
            What::BigSixConvenes { .. } | What::Accepts { .. } | What::FormalSurrender => {
                "V; time M"
            }
            What::Seidan { n: 2, .. } => "V; time M",
            What::StrikesResume | What::NoDecision => "M",
            What::ChinaTreaty | What::RefusesMediation | What::StandsDown => "M",
            What::Invasion => "V",
            _ => "V",
        }
    }

    /// The happening in plain words.
    pub fn text(&self) -> String {
        let at = |t: SimTime, place: &str| match Zone::named(place) {
            Ok(z) => format!("{} {}", z.format(t), place),
            Err(_) => crate::time::format_utc(t),
        };
        match self.what {
            What::MediationRequested => {
                "Ambassador Sato delivers the Emperor's request that Moscow receive Prince Konoe as a peace envoy; Tokyo now hopes for Soviet mediation".into()
            }
            What::Trinity => "The atomic test at Alamogordo succeeds".into(),
            What::TrinityReport => {
                "Groves' full report of the test reaches the US delegation at Potsdam".into()
            }
            What::DropOrder => {
                "Handy orders Spaatz to drop the first bomb after about August 3, as weather permits".into()
            }
            What::Proclamation {
                ussr_signed,
                bomb_known,
                emperor,
            } => {
                let who = if ussr_signed { "the US, UK, China and the USSR" } else { "the US, UK and China" };
                let why = match (ussr_signed, bomb_known) {
                    (false, true) => "; the bomb works, so Stalin is not asked to sign",
                    (true, false) => "; the bomb is not yet proven, so Stalin is invited as insurance",
                    _ => "",
                };
                let terms = match emperor {
                    EmperorTerms::Silent => "silent on the Emperor",
                    EmperorTerms::Guaranteed => "guaranteeing a constitutional monarchy",
                    EmperorTerms::Abolished => "abolishing the monarchy",
                };
                format!("The Potsdam Proclamation is issued by {who}, {terms}{why}")
            }
            What::HearsUltimatum { pressure, threshold } => format!(
                "Tokyo hears the ultimatum (pressure {pressure:.2}, threshold {threshold:.2})"
            ),
            What::SuspendsJudgment { hoping: true } => {
                "Suzuki's \"mokusatsu\": Japan suspends judgment on the ultimatum, waiting for Moscow".into()
            }
            What::SuspendsJudgment { hoping: false } => {
                "Suzuki's \"mokusatsu\": Japan suspends judgment on the ultimatum; the military still counts on the decisive battle".into()
            }
            What::DdaySet { dday, previous, trigger } => {
                let why = match trigger {
                    DdayTrigger::Excluded => "excluded from the ultimatum, Stalin advances the attack",
                    DdayTrigger::Signed => "having signed the ultimatum, Stalin sets the attack",
                    DdayTrigger::Race => "a bomb has fallen and Japan has not surrendered: Stalin races to enter the war",
                    DdayTrigger::TooLate => "Japan has offered to surrender: Stalin attacks at once to take what Yalta promised",
                    DdayTrigger::ChinaTreaty => "no treaty with China yet: D-day is held",
                };
                let from = previous.map(|p| format!(" (was {})", at(p, "Transbaikal"))).unwrap_or_default();
                format!("{why}: H-hour set to {}{from}", at(dday, "Transbaikal"))
            }
            What::BombReady { n } => format!("Atomic bomb no. {n} is ready at Tinian"),
            What::FrontsReady => "The three Soviet fronts are concentrated 50-60 km from the Manchurian border".into(),
            What::AtomicStrike { n } => {
                let city = ["Hiroshima", "Nagasaki", "Kokura", "Niigata"]
                    .get(n as usize - 1)
                    .copied()
                    .unwrap_or("another Japanese city");
                format!("Atomic strike no. {n}: {city}")
            }
            What::SeeksMoscowAnswer => {
                "Sato again asks for Molotov: Japan has not surrendered and still awaits Moscow's answer".into()
            }
            What::DeclaresWar => {
                "Molotov reads the declaration of war to Sato, one hour before H-hour; Sato's cable to Tokyo never arrives".into()
            }
            What::Attack { signed } => {
                if signed {
                    "The Soviet offensive begins in Manchuria (the USSR's signature on the ultimatum served as its declaration)".into()
                } else {
                    "The Manchurian offensive begins".into()
                }
            }
            What::HopeEnds { why } => match why {
                HopeEnd::Attack => "Tokyo learns of the Soviet attack: no mediation will come".into(),
                HopeEnd::Signature => "Tokyo reads the USSR among the ultimatum's signatories: no mediation will come".into(),
                HopeEnd::Refusal => "Tokyo hears Moscow's refusal: no mediation will come".into(),
            },
            What::BigSixConvenes { shock, pressure, threshold } => format!(
                "The Supreme War Council convenes after {}; deadlock, 3-3 (pressure {pressure:.2} >= threshold {threshold:.2})",
                shock.label()
            ),
            What::Seidan { n, to_offer: true } => format!(
                "The Emperor's sacred decision (no. {n}) breaks the deadlock: accept the ultimatum, if the Emperor's prerogatives are kept"
            ),
            What::Seidan { n, to_offer: false } => {
                format!("The Emperor's sacred decision (no. {n}) breaks the new deadlock: accept the Allies' terms")
            }
            What::NoDecision => "The meeting breaks up without a decision".into(),
            What::Offer => "Japan offers to accept the ultimatum on one condition: the Emperor's prerogatives".into(),
            What::HaltsAtomic => "Truman orders no more atomic strikes without his express order".into(),
            What::StrikesResume => "Atomic strikes resume".into(),
            What::Reply { kind } => match kind {
                ReplyKind::Byrnes => "The Byrnes note: the Emperor's authority will be subject to the Supreme Commander; ambiguous on the monarchy".into(),
                ReplyKind::Accept => "The US accepts Japan's condition: the Emperor stays".into(),
                ReplyKind::Reject => "The US rejects Japan's condition: unconditional surrender or nothing".into(),
            },
            What::HearsReply { kind } => match kind {
                ReplyKind::Byrnes => "Tokyo hears the Byrnes note; the deadlock reopens".into(),
                ReplyKind::Accept => "Tokyo hears that its condition is accepted".into(),
                ReplyKind::Reject => "Tokyo hears the rejection; the war party regains the upper hand".into(),
            },
            What::Accepts { unconditional } => {
                if unconditional {
                    "Japan accepts the ultimatum without condition".into()
                } else {
                    "Japan sends its final acceptance of the Allies' terms".into()
                }
            }
            What::CoupAttempt { succeeds } => {
                if succeeds {
                    "Officers seize the palace and stop the surrender: the acceptance is withdrawn".into()
                } else {
                    "Officers attempt a coup to stop the surrender (Kyujo incident); it fails by morning".into()
                }
            }
            What::Broadcast => "The Emperor's broadcast announces the end of the war".into(),
            What::OpStarted { territory } => format!("Soviet operation begins: {}", territory.label()),
            What::OpDone { territory } => format!("Soviet operation done: {} taken", territory.label()),
            What::HokkaidoCancelled => "The Hokkaido landing is called off after Truman's refusal".into(),
            What::FormalSurrender => "Japan signs the instrument of surrender aboard USS Missouri".into(),
            What::ChinaTreaty => "The Sino-Soviet treaty is signed".into(),
            What::RefusesMediation => "Moscow gives Japan a definite negative answer: no mediation".into(),
            What::StandsDown => "Japan has offered to surrender: Stalin stands down".into(),
            What::Invasion => "Japan has not surrendered: Operation Olympic, the invasion of Kyushu, begins".into(),
        }
    }
}

/// Receives the happenings of a world as they occur.
pub trait Observer {
    /// Called once per happening, in time order.
    fn record(&mut self, happening: &Happening);
}

/// An observer that ignores everything (for Monte Carlo runs).
#[derive(Debug, Default, Clone, Copy)]
pub struct Ignore;

impl Observer for Ignore {
    #[inline]
    fn record(&mut self, _: &Happening) {}
}

impl Observer for Vec<Happening> {
    fn record(&mut self, happening: &Happening) {
        self.push(*happening);
    }
}

/// The names of signatories, for printing.
pub fn signatory_names(powers: &[Power]) -> String {
    powers
        .iter()
        .map(|p| p.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The rule behind a happening, for readers who ask "why?".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The rule's name (MODEL.md §3), or "input" for a scheduled happening.
    pub name: &'static str,
    /// What made it fire, in words.
    pub trigger: String,
    /// The parameters it reads (scenario keys).
    pub keys: &'static [&'static str],
}

impl Happening {
    /// The rule that produced this happening, what triggered it, and the parameters it read.
    pub fn rule(&self) -> Rule {
        let r = |name, trigger: &str, keys| Rule {
            name,
            trigger: trigger.to_string(),
            keys,
        };
        match self.what {
            What::MediationRequested => r(
                "input: Japan asks Moscow to mediate",
                "scheduled at the date the scenario gives",
                &["japan.mediation_request", "japan.w_hope"],
            ),
            What::Trinity => r("input: the atomic test", "scheduled at the date the scenario gives", &["usa.trinity"]),
            What::TrinityReport => r(
                "USA: the test's report",
                "the test succeeded; the full report travels to Potsdam",
                &["usa.trinity", "usa.report_delay"],
            ),
            What::DropOrder => r("input: the order to drop", "scheduled at the date the scenario gives", &["usa.drop_order", "usa.not_before"]),
            What::Proclamation { ussr_signed, bomb_known, .. } => Rule {
                name: "USA: who signs the ultimatum",
                trigger: match (ussr_signed, bomb_known) {
                    (false, true) => "the US knew the test had worked before the issue date, so it left Stalin out".into(),
                    (true, false) => "the US did not yet know the bomb worked, so it invited Stalin as insurance".into(),
                    (true, true) => "the scenario lists the USSR among the signatories".into(),
                    (false, false) => "the scenario leaves the USSR off the signatories".into(),
                },
                keys: &["potsdam.issued", "potsdam.signatories", "potsdam.emperor"],
            },
            What::HearsUltimatum { .. } => r(
                "Japan: news of the ultimatum",
                "the ultimatum was issued; news takes time to reach Tokyo",
                &["japan.ultimatum_news", "japan.threshold", "japan.w_hope"],
            ),
            What::SuspendsJudgment { .. } => r(
                "Japan: below the threshold, wait",
                "pressure was below the threshold when Tokyo heard the ultimatum",
                &["japan.response_delay", "japan.threshold", "japan.w_hope"],
            ),
            What::DdaySet { trigger, .. } => match trigger {
                DdayTrigger::Excluded => r(
                    "USSR trigger 1: excluded",
                    "Stalin learned the ultimatum was issued without him",
                    &["ussr.exclusion_reaction", "ussr.fronts_ready", "ussr.lead_planned", "ussr.h_hour"],
                ),
                DdayTrigger::Signed => r(
                    "USSR trigger 1: signed",
                    "the USSR signed the ultimatum, which serves as its declaration",
                    &["potsdam.signatories", "ussr.fronts_ready", "ussr.lead_planned", "ussr.h_hour"],
                ),
                DdayTrigger::Race => r(
                    "USSR trigger 2: the race",
                    "an atomic strike fell before Soviet entry and Japan had not surrendered",
                    &["ussr.evidence_reaction", "ussr.press_reaction", "ussr.fronts_ready", "ussr.lead_min", "ussr.min_notice", "ussr.h_hour"],
                ),
                DdayTrigger::TooLate => r(
                    "USSR trigger 3: too late",
                    "Japan offered to surrender before D-day; Stalin attacks anyway for Yalta's gains",
                    &["ussr.offer_news", "ussr.p_attack_after_offer", "ussr.min_notice"],
                ),
                DdayTrigger::ChinaTreaty => r(
                    "USSR: wait for the China treaty",
                    "the scenario makes the attack wait for the Sino-Soviet treaty",
                    &["ussr.requires_china_treaty", "china.treaty"],
                ),
            },
            What::BombReady { .. } => r(
                "input: bomb readiness",
                "the bomb schedule, shifted as the scenario says",
                &["usa.bomb_ready", "usa.schedule_shift"],
            ),
            What::FrontsReady => r("input: Soviet mobilisation", "the fronts finish concentrating at the date the scenario gives", &["ussr.fronts_ready"]),
            What::AtomicStrike { .. } => r(
                "USA: strike on the first clear day",
                "a bomb was ready, the drop date had come, and the day over Japan was clear",
                &["usa.bomb_ready", "usa.not_before", "usa.weather.p_clear_day", "usa.strike_time_of_day"],
            ),
            What::SeeksMoscowAnswer => r(
                "Japan: below the threshold, press Moscow",
                "a strike fell while Tokyo still hoped for mediation, and pressure stayed below the threshold",
                &["japan.press_delay", "japan.w_bomb", "japan.threshold"],
            ),
            What::DeclaresWar => r(
                "USSR: declaration",
                "H-hour is near: Molotov declares war a fixed lead before it",
                &["ussr.declaration_lead"],
            ),
            What::Attack { .. } => r("USSR: attack at H-hour", "the D-day Stalin set has come", &["ussr.h_hour", "ussr.enters_war"]),
            What::HopeEnds { why } => match why {
                HopeEnd::Attack => r("Japan: mediation hope ends", "Tokyo learned of the Soviet attack", &["japan.soviet_news", "japan.w_hope"]),
                HopeEnd::Signature => r(
                    "Japan: mediation hope ends",
                    "Tokyo read the USSR among the ultimatum's signatories",
                    &["japan.ultimatum_news", "japan.w_hope", "japan.w_soviet_signature"],
                ),
                HopeEnd::Refusal => r("Japan: mediation hope ends", "Tokyo heard Moscow's refusal to mediate", &["ussr.mediation_answer", "japan.refusal_news", "japan.w_hope"]),
            },
            What::BigSixConvenes { shock, .. } => Rule {
                name: "Japan: pressure reaches the threshold",
                trigger: format!("{} took pressure to the threshold", shock.label()),
                keys: &["japan.threshold", "japan.w_bomb", "japan.w_soviet_entry", "japan.background_growth", "japan.convene_delay"],
            },
            What::Seidan { .. } => r(
                "Japan: the Emperor decides",
                "the Big Six were deadlocked and the Emperor broke the tie",
                &["japan.seidan_delay", "japan.p_seidan", "japan.second_deadlock"],
            ),
            What::NoDecision => r("Japan: no decision", "the Emperor did not intervene; the council will meet again", &["japan.p_seidan", "japan.reconvene_delay"]),
            What::Offer => r("Japan: offer after the decision", "the Emperor decided to accept the ultimatum", &["japan.offer_delay", "potsdam.emperor"]),
            What::HaltsAtomic => r(
                "USA: halt once the offer is known",
                "Japan's offer reached Washington",
                &["usa.offer_transit", "usa.halt_delay"],
            ),
            What::StrikesResume => r("USA: strikes resume", "a coup withdrew Japan's acceptance", &["japan.p_coup_success"]),
            What::Reply { .. } => r("USA: reply to the offer", "Japan's offer was conditional", &["usa.reply", "usa.reply_delay"]),
            What::HearsReply { .. } => r("Japan: news of the reply", "the US reply travelled to Tokyo", &["usa.reply_transit"]),
            What::Accepts { unconditional } => {
                if unconditional {
                    r("Japan: unconditional acceptance", "the terms guaranteed the Emperor, so the offer needed no reply", &["potsdam.emperor", "japan.offer_delay"])
                } else {
                    r("Japan: acceptance after the reply", "the second decision accepted the Allies' answer", &["japan.accept_delay"])
                }
            }
            What::CoupAttempt { .. } => r("Japan: coup attempt", "officers tried to stop the acceptance", &["japan.p_coup_attempt", "japan.p_coup_success", "japan.coup_delay"]),
            What::Broadcast => r("Japan: the broadcast", "Japan accepted; the Emperor speaks after a fixed delay", &["japan.broadcast_delay"]),
            What::OpStarted { .. } => r("USSR: operations after entry", "the USSR is at war; each operation starts on its own schedule", &["ussr.sakhalin_start", "ussr.kurils_start"]),
            What::OpDone { .. } => r("USSR: operations after entry", "the operation ran its course", &["ussr.manchuria_duration", "ussr.sakhalin_duration", "ussr.kurils_duration"]),
            What::HokkaidoCancelled => r("USSR: Hokkaido needs US consent", "the US objected to a landing on Hokkaido", &["ussr.p_us_objects", "ussr.hokkaido_decision"]),
            What::FormalSurrender => r("Allies: formal surrender", "Japan accepted; the ceremony follows after a fixed delay", &["japan.formal_delay"]),
            What::ChinaTreaty => r("input: the Sino-Soviet treaty", "scheduled at the date the scenario gives", &["china.treaty"]),
            What::RefusesMediation => r("USSR: a neutral USSR answers", "the USSR stays out of the war and answers Japan at the date the scenario gives", &["ussr.enters_war", "ussr.mediation_answer"]),
            What::StandsDown => r("USSR trigger 3: stand down", "Japan offered before D-day and Stalin chose not to attack", &["ussr.p_attack_after_offer"]),
            What::Invasion => r("USA: X-day", "Japan had not accepted by X-day", &["usa.olympic_xday"]),
        }
    }
}
