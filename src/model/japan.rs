//! Japan: the pressure-threshold model of the Big Six, mediation hope, the sacred
//! decisions, the offer, the coup risk, the broadcast and the formal surrender
//! (MODEL.md §3, Japan).
//!
//! Japan's *margin* is pressure − threshold, where
//! pressure = background(t) + the shocks Tokyo knows of, and
//! threshold = `japan.threshold` + adjustments (terms, rejection, coup) + `w_hope` while
//! mediation hope lasts. The event whose arrival takes the margin from below zero to zero
//! or above is the decisive shock; with no such event, the background's growth crosses
//! the line at a computed instant.

use super::outcome::Shock;
use super::params::{EmperorTerms, ReplyKind};
use super::record::{HopeEnd, Observer, What};
use super::world::{Ev, Hope, Phase, Stage, World, order};
use crate::engine::{Scheduler, SimTime};

/// Tolerance for floating-point rounding at the threshold [pressure units].
const EPS: f64 = 1e-9;

impl<O: Observer> World<'_, O> {
    fn background(&self, t: SimTime) -> f64 {
        let j = &self.p.japan;
        j.background_start + j.background_growth * (t.minutes() as f64 / 1440.0)
    }

    pub(crate) fn pressure(&self, t: SimTime) -> f64 {
        self.background(t) + self.shocks
    }

    pub(crate) fn threshold(&self) -> f64 {
        let hope = if self.hope == Hope::Alive {
            self.p.japan.w_hope
        } else {
            0.0
        };
        self.p.japan.threshold + self.threshold_adj + hope
    }

    fn margin(&self, t: SimTime) -> f64 {
        self.pressure(t) - self.threshold()
    }

    /// After a change in pressure or threshold: credit `shock` if it took the margin across
    /// zero and start deliberating; otherwise plan when the background alone will.
    fn after_change(&mut self, now: SimTime, before: f64, shock: Shock, s: &mut Scheduler<Ev>) {
        if self.phase != Phase::Waiting {
            return;
        }
        if self.margin(now) >= -EPS {
            // With no crossing now (the margin was already at or above zero, as after a
            // rejected offer or a coup), the crossing that put it there keeps the credit.
            let credited = if before < -EPS {
                shock
            } else {
                self.crossing.unwrap_or(Shock::Background)
            };
            self.start_deliberation(now, credited, s);
        } else {
            self.recheck_pressure(s);
        }
    }

    /// Schedules the instant the background alone brings the margin to zero.
    pub(crate) fn recheck_pressure(&mut self, s: &mut Scheduler<Ev>) {
        if let Some(id) = self.check_ev.take() {
            s.cancel(id);
        }
        let growth = self.p.japan.background_growth;
        if self.phase != Phase::Waiting || growth <= 0.0 {
            return;
        }
        let needed = self.threshold() - self.shocks - self.p.japan.background_start;
        let minutes = (needed / growth * 1440.0).ceil();
        // Beyond any horizon: no need to schedule.
        if !minutes.is_finite() || minutes > 1e9 {
            return;
        }
        let at = SimTime::from_minutes(minutes as i64).max(s.now());
        self.check_ev = Some(s.schedule_at(at, order::CHECK, Ev::PressureCheck));
    }

    pub(crate) fn on_pressure_check(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        self.check_ev = None;
        if self.phase == Phase::Waiting && self.margin(now) >= -EPS {
            self.start_deliberation(now, Shock::Background, s);
        } else {
            self.recheck_pressure(s);
        }
    }

    fn start_deliberation(&mut self, now: SimTime, shock: Shock, s: &mut Scheduler<Ev>) {
        if let Some(id) = self.check_ev.take() {
            s.cancel(id);
        }
        self.phase = Phase::Deliberating;
        self.stage = Stage::Offer;
        self.crossing = Some(shock);
        s.schedule_at(now + self.p.japan.convene_delay, order::DECIDE, Ev::Convene);
    }

    fn end_hope(&mut self, now: SimTime, why: HopeEnd) {
        if self.hope == Hope::Alive {
            self.emit(now, What::HopeEnds { why });
        }
        self.hope = Hope::Ended;
    }

    pub(crate) fn on_mediation_request(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        self.emit(now, What::MediationRequested);
        if self.hope == Hope::NotYet {
            self.hope = Hope::Alive;
            // The threshold rose: the background crossing moves later.
            self.recheck_pressure(s);
        }
    }

    pub(crate) fn on_hear_ultimatum(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        let before = self.margin(now);
        let j = &self.p.japan;
        let terms = self.p.potsdam.emperor;
        self.terms = Some(terms);
        match terms {
            EmperorTerms::Silent => {}
            EmperorTerms::Guaranteed => self.threshold_adj -= j.w_guarantee,
            EmperorTerms::Abolished => self.threshold_adj += j.w_abolish,
        }
        if self.ussr_signed {
            self.shocks += j.w_soviet_signature;
        }
        let (pressure, threshold) = if self.ussr_signed && self.hope == Hope::Alive {
            (self.pressure(now), self.threshold() - j.w_hope)
        } else {
            (self.pressure(now), self.threshold())
        };
        self.emit(
            now,
            What::HearsUltimatum {
                pressure,
                threshold,
            },
        );
        if self.ussr_signed {
            self.end_hope(now, HopeEnd::Signature);
        }
        self.after_change(now, before, Shock::Ultimatum, s);
        if self.phase == Phase::Waiting {
            s.schedule_at(now + j.response_delay, order::DECIDE, Ev::SuspendJudgment);
        }
    }

    pub(crate) fn on_suspend_judgment(&mut self, now: SimTime) {
        if self.phase == Phase::Waiting && self.acceptance.is_none() {
            let hoping = self.hope == Hope::Alive;
            self.emit(now, What::SuspendsJudgment { hoping });
        }
    }

    pub(crate) fn on_hear_strike(&mut self, now: SimTime, n: u32, s: &mut Scheduler<Ev>) {
        let before = self.margin(now);
        let j = &self.p.japan;
        let k = self.bombs_known as i32;
        self.bombs_known += 1;
        self.shocks += j.w_bomb * j.bomb_decay.powi(k);
        self.after_change(now, before, Shock::AtomicBomb(n), s);
        // Still waiting on Moscow: press Sato to get an answer.
        if self.phase == Phase::Waiting && self.hope == Hope::Alive && !self.pressing {
            self.pressing = true;
            s.schedule_at(now + j.press_delay, order::ACT, Ev::PressMoscow);
        }
    }

    pub(crate) fn on_press_moscow(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        self.pressing = false;
        if self.hope != Hope::Alive || self.phase != Phase::Waiting {
            return;
        }
        self.emit(now, What::SeeksMoscowAnswer);
        self.stalin_sees_japan_pressing(now, s);
    }

    /// The Soviet attack both adds pressure and ends hope: one event, credited once.
    pub(crate) fn on_hear_attack(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        let before = self.margin(now);
        self.shocks += self.p.japan.w_soviet_entry;
        self.end_hope(now, HopeEnd::Attack);
        self.after_change(now, before, Shock::SovietEntry, s);
    }

    pub(crate) fn on_hear_refusal(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        let before = self.margin(now);
        self.end_hope(now, HopeEnd::Refusal);
        self.after_change(now, before, Shock::MediationRefused, s);
    }

    pub(crate) fn on_convene(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        if self.phase != Phase::Deliberating {
            return;
        }
        let shock = self.crossing.unwrap_or(Shock::Background);
        let (pressure, threshold) = (self.pressure(now), self.threshold());
        self.emit(
            now,
            What::BigSixConvenes {
                shock,
                pressure,
                threshold,
            },
        );
        s.schedule_at(now + self.p.japan.seidan_delay, order::DECIDE, Ev::Seidan);
    }

    pub(crate) fn on_seidan(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        if self.phase != Phase::Deliberating {
            return;
        }
        let j = &self.p.japan;
        if self.rng.bernoulli("japan.seidan", j.p_seidan) {
            self.decisions += 1;
            let to_offer = self.stage == Stage::Offer;
            self.emit(
                now,
                What::Seidan {
                    n: self.decisions,
                    to_offer,
                },
            );
            match self.stage {
                Stage::Offer => s.schedule_at(now + j.offer_delay, order::DECIDE, Ev::Offer),
                Stage::Accept => s.schedule_at(
                    now + j.accept_delay,
                    order::DECIDE,
                    Ev::Accept {
                        unconditional: false,
                    },
                ),
            };
        } else {
            self.emit(now, What::NoDecision);
            let next = match self.stage {
                Stage::Offer => Ev::Convene,
                Stage::Accept => Ev::Seidan,
            };
            s.schedule_at(now + j.reconvene_delay, order::DECIDE, next);
        }
    }

    /// The offer: unconditional (so an acceptance) if the Emperor is guaranteed, else with
    /// one condition, the Emperor's prerogatives.
    pub(crate) fn on_offer(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        if self.phase != Phase::Deliberating {
            return;
        }
        self.first_offer.get_or_insert(now);
        let p = self.p;
        s.schedule_at(
            now + p.usa.offer_transit,
            order::NEWS,
            Ev::WashingtonKnowsOffer,
        );
        s.schedule_at(now + p.ussr.offer_news, order::NEWS, Ev::StalinKnowsOffer);
        if self.terms == Some(EmperorTerms::Guaranteed) {
            self.on_accept(now, true, s);
        } else {
            self.phase = Phase::Offered;
            self.emit(now, What::Offer);
        }
    }

    pub(crate) fn on_hear_reply(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        if self.phase != Phase::Offered {
            return;
        }
        let j = &self.p.japan;
        let kind = self.p.usa.reply;
        self.emit(now, What::HearsReply { kind });
        match kind {
            ReplyKind::Byrnes => {
                self.phase = Phase::Deliberating;
                self.stage = Stage::Accept;
                s.schedule_at(now + j.second_deadlock, order::DECIDE, Ev::Seidan);
            }
            ReplyKind::Accept => {
                self.phase = Phase::Deliberating;
                s.schedule_at(
                    now + j.accept_delay,
                    order::DECIDE,
                    Ev::Accept {
                        unconditional: false,
                    },
                );
            }
            ReplyKind::Reject => {
                let before = self.margin(now);
                self.threshold_adj += j.rejection_penalty;
                self.phase = Phase::Waiting;
                self.resume_strikes(now, s);
                self.after_change(now, before, Shock::Background, s);
            }
        }
    }

    pub(crate) fn on_accept(&mut self, now: SimTime, unconditional: bool, s: &mut Scheduler<Ev>) {
        if self.phase != Phase::Deliberating {
            return;
        }
        self.phase = Phase::Accepted;
        self.acceptance = Some(now);
        self.decisive = self.crossing;
        self.emit(now, What::Accepts { unconditional });
        let j = &self.p.japan;
        s.schedule_at(now + j.coup_delay, order::ACT, Ev::CoupAttempt);
        self.broadcast_ev = Some(s.schedule_at(now + j.broadcast_delay, order::ACT, Ev::Broadcast));
    }

    pub(crate) fn on_coup_attempt(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        let j = &self.p.japan;
        // Two draws always, so the coup's stream stays aligned across scenarios.
        let attempt = self.rng.bernoulli("japan.coup", j.p_coup_attempt);
        let succeeds = self.rng.bernoulli("japan.coup", j.p_coup_success);
        if self.phase != Phase::Accepted || !attempt {
            return;
        }
        self.emit(now, What::CoupAttempt { succeeds });
        if succeeds {
            if let Some(id) = self.broadcast_ev.take() {
                s.cancel(id);
            }
            self.acceptance = None;
            self.decisive = None;
            self.phase = Phase::Reversed;
            self.threshold_adj += j.coup_threshold_raise;
            self.resume_strikes(now, s);
            s.schedule_at(now + j.coup_recovery, order::DECIDE, Ev::CoupRecovered);
        }
    }

    pub(crate) fn on_coup_recovered(&mut self, s: &mut Scheduler<Ev>) {
        if self.phase == Phase::Reversed {
            self.phase = Phase::Waiting;
            let now = s.now();
            let margin = self.margin(now);
            self.after_change(now, margin, Shock::Background, s);
        }
    }

    pub(crate) fn on_broadcast(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        self.broadcast_ev = None;
        self.broadcast = Some(now);
        self.emit(now, What::Broadcast);
        s.schedule_at(
            now + self.p.japan.formal_delay,
            order::ACT,
            Ev::FormalSurrender,
        );
        self.plan_operations_after_broadcast(now, s);
    }

    pub(crate) fn on_formal_surrender(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        self.formal = Some(now);
        self.emit(now, What::FormalSurrender);
        // A Soviet attack still pending is called off: the war is over.
        self.call_off_attack(s);
        s.schedule_at(now + self.p.ussr.ops_stop, order::ACT, Ev::OpsStop);
    }
}
