//! One possible world: the state of the four actors and the dispatch of events to their
//! rules. The rules themselves live in `usa.rs`, `ussr.rs` and `japan.rs`.

use super::calendar::Calendar;
use super::outcome::{Ending, Shock, Territories, Territory, WorldOutcome};
use super::params::{EmperorTerms, Params};
use super::record::{Happening, Observer, What};
use crate::engine::{
    Control, EventId, Model, Scheduler, SimDuration, SimTime, Simulation, StopReason,
};
use crate::random::Streams;

/// Same-time events run in this order (lower first): inputs, then physical acts, then
/// news reaching someone, then decisions, then Japan's background-pressure check, then
/// X-day. So a decision at minute `t` sees every fact and piece of news of minute `t`.
pub(crate) mod order {
    use crate::engine::Priority;
    /// Scheduled inputs (a test, a bomb ready, the proclamation).
    pub const INPUT: Priority = Priority(10);
    /// Acts in the world (a strike, an attack, a declaration).
    pub const ACT: Priority = Priority(50);
    /// Someone learns of something.
    pub const NEWS: Priority = Priority(100);
    /// Someone decides.
    pub const DECIDE: Priority = Priority(150);
    /// Japan's background pressure reaches the threshold.
    pub const CHECK: Priority = Priority(200);
    /// The horizon: X-day.
    pub const XDAY: Priority = Priority(250);
}

/// The engine's events: one per rule that can fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ev {
    MediationRequest,
    Trinity,
    TrinityReport,
    DropOrder,
    Proclamation,
    HearUltimatum,
    SuspendJudgment,
    StalinExcluded,
    FrontsReady,
    BombReady(u32),
    Strike,
    HearStrike(u32),
    PressMoscow,
    StalinRaceOrder,
    StalinKnowsOffer,
    Declaration,
    Attack,
    HearAttack,
    MediationAnswer,
    HearRefusal,
    PressureCheck,
    Convene,
    Seidan,
    Offer,
    WashingtonKnowsOffer,
    Halt,
    Reply,
    HearReply,
    Accept { unconditional: bool },
    CoupAttempt,
    CoupRecovered,
    Broadcast,
    OpStart(Territory),
    OpDone(Territory),
    HokkaidoDecision,
    FormalSurrender,
    OpsStop,
    ChinaTreaty,
    XDay,
}

/// Mediation hope: from the request to Moscow until Tokyo learns it is in vain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hope {
    NotYet,
    Alive,
    Ended,
}

/// Where Japan's leadership stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    /// Below the threshold, waiting.
    Waiting,
    /// At or above it: meeting, deciding.
    Deliberating,
    /// A conditional offer awaits the US reply.
    Offered,
    /// Accepted.
    Accepted,
    /// A coup reversed the acceptance; deliberation is suspended.
    Reversed,
}

/// Which decision the Emperor is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    /// Whether to offer.
    Offer,
    /// Whether to accept the Allies' answer.
    Accept,
}

pub(crate) struct World<'a, O: Observer> {
    pub(crate) p: &'a Params,
    pub(crate) cal: &'a Calendar,
    pub(crate) rng: Streams,
    pub(crate) obs: &'a mut O,
    pub(crate) weather: Vec<bool>,

    // United States
    pub(crate) trinity_report_known: bool,
    pub(crate) ussr_signed: bool,
    pub(crate) bombs_ready: u32,
    pub(crate) pending_strike: Option<EventId>,
    pub(crate) last_strike_day: Option<i64>,
    pub(crate) halted: bool,
    pub(crate) strikes: Vec<SimTime>,

    // Soviet Union
    pub(crate) dday: Option<SimTime>,
    pub(crate) attack_ev: Option<EventId>,
    pub(crate) declaration_ev: Option<EventId>,
    pub(crate) race_ev: Option<EventId>,
    pub(crate) race_done: bool,
    pub(crate) stalin_knows_offer: bool,
    pub(crate) stood_down: bool,
    pub(crate) treaty_signed: bool,
    pub(crate) entered: Option<SimTime>,
    pub(crate) manchuria_done_ev: Option<(EventId, SimTime)>,
    pub(crate) late_ops_planned: bool,
    pub(crate) ops_stopped: bool,
    pub(crate) territories: Territories,

    // Japan
    pub(crate) hope: Hope,
    pub(crate) phase: Phase,
    pub(crate) stage: Stage,
    pub(crate) terms: Option<EmperorTerms>,
    pub(crate) shocks: f64,
    pub(crate) threshold_adj: f64,
    pub(crate) bombs_known: u32,
    pub(crate) pressing: bool,
    pub(crate) check_ev: Option<EventId>,
    pub(crate) crossing: Option<Shock>,
    pub(crate) decisions: u32,
    pub(crate) first_offer: Option<SimTime>,
    pub(crate) acceptance: Option<SimTime>,
    pub(crate) decisive: Option<Shock>,
    pub(crate) broadcast_ev: Option<EventId>,
    pub(crate) broadcast: Option<SimTime>,
    pub(crate) formal: Option<SimTime>,
}

impl<'a, O: Observer> World<'a, O> {
    fn new(p: &'a Params, cal: &'a Calendar, rng: Streams, obs: &'a mut O) -> Self {
        World {
            p,
            cal,
            rng,
            obs,
            weather: Vec::new(),
            trinity_report_known: false,
            ussr_signed: false,
            bombs_ready: 0,
            pending_strike: None,
            last_strike_day: None,
            halted: false,
            strikes: Vec::new(),
            dday: None,
            attack_ev: None,
            declaration_ev: None,
            race_ev: None,
            race_done: false,
            stalin_knows_offer: false,
            stood_down: false,
            treaty_signed: false,
            entered: None,
            manchuria_done_ev: None,
            late_ops_planned: false,
            ops_stopped: false,
            territories: Territories::default(),
            hope: Hope::NotYet,
            phase: Phase::Waiting,
            stage: Stage::Offer,
            terms: None,
            shocks: 0.0,
            threshold_adj: 0.0,
            bombs_known: 0,
            pressing: false,
            check_ev: None,
            crossing: None,
            decisions: 0,
            first_offer: None,
            acceptance: None,
            decisive: None,
            broadcast_ev: None,
            broadcast: None,
            formal: None,
        }
    }

    pub(crate) fn emit(&mut self, at: SimTime, what: What) {
        self.obs.record(&Happening { at, what });
    }

    /// Schedules the inputs of MODEL.md §2 and the plans in force on 1945-06-01.
    fn start(&mut self, s: &mut Scheduler<Ev>) {
        let p = self.p;
        s.schedule_at(
            p.japan.mediation_request,
            order::INPUT,
            Ev::MediationRequest,
        );
        s.schedule_at(p.usa.trinity, order::INPUT, Ev::Trinity);
        s.schedule_at(p.usa.drop_order, order::INPUT, Ev::DropOrder);
        s.schedule_at(p.potsdam.issued, order::INPUT, Ev::Proclamation);
        s.schedule_at(p.ussr.fronts_ready, order::INPUT, Ev::FrontsReady);
        for (i, &t) in p.usa.bomb_ready.iter().enumerate() {
            s.schedule_at(
                t + p.usa.schedule_shift,
                order::INPUT,
                Ev::BombReady(i as u32),
            );
        }
        if let Some(t) = p.china.treaty {
            s.schedule_at(t, order::INPUT, Ev::ChinaTreaty);
        }
        if p.ussr.enters_war {
            self.schedule_dday(s, p.ussr.planned_dday);
        } else if let Some(t) = p.ussr.mediation_answer {
            s.schedule_at(t, order::DECIDE, Ev::MediationAnswer);
        }
        s.schedule_at(p.usa.olympic_xday, order::XDAY, Ev::XDay);
        self.recheck_pressure(s);
    }

    fn handle_event(&mut self, now: SimTime, ev: Ev, s: &mut Scheduler<Ev>) -> Control<Ending> {
        match ev {
            Ev::MediationRequest => self.on_mediation_request(now, s),
            Ev::Trinity => self.on_trinity(now, s),
            Ev::TrinityReport => self.on_trinity_report(now),
            Ev::DropOrder => self.emit(now, What::DropOrder),
            Ev::Proclamation => self.on_proclamation(now, s),
            Ev::HearUltimatum => self.on_hear_ultimatum(now, s),
            Ev::SuspendJudgment => self.on_suspend_judgment(now),
            Ev::StalinExcluded => self.on_stalin_excluded(now, s),
            Ev::FrontsReady => self.emit(now, What::FrontsReady),
            Ev::BombReady(i) => self.on_bomb_ready(now, i, s),
            Ev::Strike => self.on_strike(now, s),
            Ev::HearStrike(n) => self.on_hear_strike(now, n, s),
            Ev::PressMoscow => self.on_press_moscow(now, s),
            Ev::StalinRaceOrder => self.on_race_order(now, s),
            Ev::StalinKnowsOffer => self.on_stalin_knows_offer(now, s),
            Ev::Declaration => self.on_declaration(now, s),
            Ev::Attack => self.on_attack(now, s),
            Ev::HearAttack => self.on_hear_attack(now, s),
            Ev::MediationAnswer => self.on_mediation_answer(now, s),
            Ev::HearRefusal => self.on_hear_refusal(now, s),
            Ev::PressureCheck => self.on_pressure_check(now, s),
            Ev::Convene => self.on_convene(now, s),
            Ev::Seidan => self.on_seidan(now, s),
            Ev::Offer => self.on_offer(now, s),
            Ev::WashingtonKnowsOffer => self.on_washington_knows_offer(s),
            Ev::Halt => self.on_halt(now, s),
            Ev::Reply => self.on_reply(now, s),
            Ev::HearReply => self.on_hear_reply(now, s),
            Ev::Accept { unconditional } => self.on_accept(now, unconditional, s),
            Ev::CoupAttempt => self.on_coup_attempt(now, s),
            Ev::CoupRecovered => self.on_coup_recovered(s),
            Ev::Broadcast => self.on_broadcast(now, s),
            Ev::OpStart(t) => self.on_op_start(now, t, s),
            Ev::OpDone(t) => self.on_op_done(now, t),
            Ev::HokkaidoDecision => self.on_hokkaido_decision(now, s),
            Ev::FormalSurrender => self.on_formal_surrender(now, s),
            Ev::OpsStop => {
                self.ops_stopped = true;
                return Control::Stop(Ending::Surrender);
            }
            Ev::ChinaTreaty => {
                self.treaty_signed = true;
                self.emit(now, What::ChinaTreaty);
            }
            Ev::XDay => {
                if self.acceptance.is_none() {
                    self.emit(now, What::Invasion);
                    return Control::Stop(Ending::Invasion);
                }
            }
        }
        Control::Continue
    }

    fn outcome(self, ending: Ending) -> WorldOutcome {
        WorldOutcome {
            first_offer: self.first_offer,
            acceptance: self.acceptance,
            broadcast: self.broadcast,
            formal_surrender: self.formal,
            soviet_entry: self.entered,
            strikes: self.strikes,
            decisive: self.decisive,
            territories: self.territories,
            ending,
        }
    }
}

impl<O: Observer> Model for World<'_, O> {
    type Event = Ev;
    type Stop = Ending;

    fn handle(
        &mut self,
        now: SimTime,
        event: Ev,
        scheduler: &mut Scheduler<Ev>,
    ) -> Control<Ending> {
        self.handle_event(now, event, scheduler)
    }
}

/// The most events one world may handle.
const MAX_EVENTS: u64 = 100_000;

/// How long after X-day a world that accepted may run on to its formal surrender.
const SAFETY_AFTER_XDAY: SimDuration = SimDuration::days(365);

/// Runs one world from 1945-06-01 to its end, telling `observer` everything that happens.
///
/// `streams` are the world's random sources (see [`crate::random`]); `calendar` must be built
/// from the same `params` ([`Calendar::new`]).
pub fn run_world<O: Observer>(
    params: &Params,
    calendar: &Calendar,
    streams: Streams,
    observer: &mut O,
) -> WorldOutcome {
    let mut world = World::new(params, calendar, streams, observer);
    // A world handles a few dozen events; a hundred thousand means rules that feed each
    // other without time moving on (zero delays with an Emperor who never decides, say).
    let mut sim = Simulation::new(SimTime::ZERO).with_event_limit(MAX_EVENTS);
    world.start(sim.scheduler());
    let horizon = params.usa.olympic_xday + SAFETY_AFTER_XDAY;
    let outcome = sim.run(&mut world, horizon);
    let ending = match outcome.reason {
        StopReason::Model(e) => e,
        StopReason::EventLimit => Ending::Stalled,
        StopReason::Horizon | StopReason::Exhausted => {
            if world.formal.is_some() {
                Ending::Surrender
            } else {
                Ending::Unfinished
            }
        }
    };
    world.outcome(ending)
}
