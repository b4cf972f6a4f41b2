//! The Soviet Union: D-day and its three triggers, the declaration, the attack, and the
//! operations after entry (MODEL.md §3, USSR).

use super::outcome::Territory;
use super::record::{DdayTrigger, Observer, What};
use super::world::{Ev, World, order};
use crate::engine::{Scheduler, SimDuration, SimTime};

impl<O: Observer> World<'_, O> {
    /// Schedules the attack (and the declaration, unless the USSR signed the ultimatum) at
    /// H-hour `dday`, replacing any earlier schedule.
    pub(crate) fn schedule_dday(&mut self, s: &mut Scheduler<Ev>, dday: SimTime) {
        for id in [self.attack_ev.take(), self.declaration_ev.take()]
            .into_iter()
            .flatten()
        {
            s.cancel(id);
        }
        self.dday = Some(dday);
        self.attack_ev = Some(s.schedule_at(dday, order::ACT, Ev::Attack));
        if !self.ussr_signed {
            let mut at = (dday - self.p.ussr.declaration_lead).max(s.now());
            // A D-day held for the treaty is not declared before the treaty either, or a
            // long declaration lead would declare, be held, and declare again at once.
            if let (true, false, Some(treaty)) = (
                self.p.ussr.requires_china_treaty,
                self.treaty_signed,
                self.p.china.treaty,
            ) {
                at = at.max(treaty);
            }
            self.declaration_ev = Some(s.schedule_at(at, order::ACT, Ev::Declaration));
        }
    }

    /// Moves D-day to `candidate` if that is earlier; Stalin only ever advances it, and
    /// without `ussr.accelerates` only once Japan has offered (trigger 3).
    fn advance_dday(
        &mut self,
        now: SimTime,
        s: &mut Scheduler<Ev>,
        candidate: Option<SimTime>,
        trigger: DdayTrigger,
    ) {
        let Some(new) = candidate else { return };
        if !self.p.ussr.accelerates && trigger != DdayTrigger::TooLate {
            return;
        }
        if self.dday.is_some_and(|cur| new >= cur) {
            return;
        }
        let previous = self.dday;
        self.schedule_dday(s, new);
        self.emit(
            now,
            What::DdaySet {
                dday: new,
                previous,
                trigger,
            },
        );
    }

    /// Cancels the pending attack, its declaration and any race order: no D-day is set.
    pub(crate) fn call_off_attack(&mut self, s: &mut Scheduler<Ev>) {
        for id in [
            self.attack_ev.take(),
            self.declaration_ev.take(),
            self.race_ev.take(),
        ]
        .into_iter()
        .flatten()
        {
            s.cancel(id);
        }
        self.dday = None;
    }

    fn can_still_enter(&self) -> bool {
        self.p.ussr.enters_war
            && self.entered.is_none()
            && !self.stood_down
            && self.formal.is_none()
    }

    /// The first H-hour after an orderly final preparation.
    fn planned_h_hour(&self) -> Option<SimTime> {
        self.cal
            .h_hour_after(self.p.ussr.fronts_ready + self.p.ussr.lead_planned)
    }

    /// The first H-hour after the compressed preparation and the minimum notice from now.
    fn earliest_h_hour(&self, now: SimTime) -> Option<SimTime> {
        let u = &self.p.ussr;
        self.cal
            .h_hour_after((u.fronts_ready + u.lead_min).max(now + u.min_notice))
    }

    /// The signature is the declaration: D-day is set at once as under trigger 1.
    pub(crate) fn on_ussr_signed(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        if let Some(id) = self.declaration_ev.take() {
            s.cancel(id);
        }
        if self.can_still_enter() {
            let h = self.planned_h_hour();
            self.advance_dday(now, s, h, DdayTrigger::Signed);
        }
    }

    /// Trigger 1: excluded from the ultimatum, Stalin advances D-day.
    pub(crate) fn on_stalin_excluded(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        if self.can_still_enter() && !self.stalin_knows_offer {
            let h = self.planned_h_hour();
            self.advance_dday(now, s, h, DdayTrigger::Excluded);
        }
    }

    /// Trigger 2 begins: a strike fell before Soviet entry. Stalin waits for evidence that
    /// Japan has not surrendered: Japan pressing Moscow, or `evidence_reaction` of silence.
    pub(crate) fn on_strike_before_entry(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        if self.can_still_enter() && !self.race_done && self.race_ev.is_none() {
            let at = now + self.p.ussr.evidence_reaction;
            self.race_ev = Some(s.schedule_at(at, order::DECIDE, Ev::StalinRaceOrder));
        }
    }

    /// Japan pressing Moscow after a strike is the evidence Stalin waits for.
    pub(crate) fn stalin_sees_japan_pressing(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        if let Some(id) = self.race_ev.take() {
            s.cancel(id);
            let at = now + self.p.ussr.press_reaction;
            self.race_ev = Some(s.schedule_at(at, order::DECIDE, Ev::StalinRaceOrder));
        }
    }

    /// Trigger 2 fires: attack at the earliest H-hour the fronts and the notice allow.
    pub(crate) fn on_race_order(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        self.race_ev = None;
        if self.race_done || !self.can_still_enter() || self.stalin_knows_offer {
            return;
        }
        self.race_done = true;
        let h = self.earliest_h_hour(now);
        self.advance_dday(now, s, h, DdayTrigger::Race);
    }

    /// Trigger 3: Japan has offered before D-day.
    pub(crate) fn on_stalin_knows_offer(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        if self.stalin_knows_offer {
            return;
        }
        self.stalin_knows_offer = true;
        if !self.can_still_enter() || self.dday.is_none() {
            return;
        }
        if self
            .rng
            .bernoulli("ussr.attack_after_offer", self.p.ussr.p_attack_after_offer)
        {
            let h = self.earliest_h_hour(now);
            self.advance_dday(now, s, h, DdayTrigger::TooLate);
        } else {
            self.stood_down = true;
            self.call_off_attack(s);
            self.emit(now, What::StandsDown);
        }
    }

    /// With `requires_china_treaty`, D-day waits for the treaty. Returns whether the attack
    /// (or declaration) must wait.
    fn held_for_treaty(&mut self, now: SimTime, s: &mut Scheduler<Ev>) -> bool {
        if !self.p.ussr.requires_china_treaty || self.treaty_signed {
            return false;
        }
        let previous = self.dday;
        match self.p.china.treaty {
            Some(treaty) => {
                if let Some(h) = self
                    .cal
                    .h_hour_after(treaty.max(now) + self.p.ussr.min_notice)
                {
                    self.schedule_dday(s, h);
                    self.emit(
                        now,
                        What::DdaySet {
                            dday: h,
                            previous,
                            trigger: DdayTrigger::ChinaTreaty,
                        },
                    );
                }
            }
            None => {
                self.call_off_attack(s);
                self.stood_down = true;
                self.emit(now, What::StandsDown);
            }
        }
        true
    }

    pub(crate) fn on_declaration(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        self.declaration_ev = None;
        if !self.can_still_enter() || self.held_for_treaty(now, s) {
            return;
        }
        self.emit(now, What::DeclaresWar);
    }

    pub(crate) fn on_attack(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        self.attack_ev = None;
        if !self.can_still_enter() || self.held_for_treaty(now, s) {
            return;
        }
        if let Some(id) = self.race_ev.take() {
            s.cancel(id);
        }
        self.entered = Some(now);
        self.emit(
            now,
            What::Attack {
                signed: self.ussr_signed,
            },
        );
        let u = &self.p.ussr;
        s.schedule_at(now + self.p.japan.soviet_news, order::NEWS, Ev::HearAttack);
        let manchuria = now + u.manchuria_duration;
        self.manchuria_done_ev = Some((
            s.schedule_at(manchuria, order::ACT, Ev::OpDone(Territory::Manchuria)),
            manchuria,
        ));
        s.schedule_at(
            now + u.korea_duration,
            order::ACT,
            Ev::OpDone(Territory::NorthKorea),
        );
        s.schedule_at(
            now + u.sakhalin_start,
            order::ACT,
            Ev::OpStart(Territory::SouthSakhalin),
        );
        if self.broadcast.is_some() {
            self.plan_operations_after_broadcast(now, s);
        }
    }

    /// Once Japan has broadcast its surrender (and the USSR is at war): the Kwantung Army's
    /// ceasefire ends the Manchurian campaign early, the Kurils are invaded, and a landing
    /// on Hokkaido is planned.
    pub(crate) fn plan_operations_after_broadcast(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        let (Some(entered), Some(broadcast)) = (self.entered, self.broadcast) else {
            return;
        };
        if self.late_ops_planned {
            return;
        }
        self.late_ops_planned = true;
        let u = &self.p.ussr;
        let ceasefire = (broadcast + u.manchuria_ceasefire).max(now);
        if let Some((id, done)) = self.manchuria_done_ev {
            if ceasefire < done {
                s.cancel(id);
                let ev = s.schedule_at(ceasefire, order::ACT, Ev::OpDone(Territory::Manchuria));
                self.manchuria_done_ev = Some((ev, ceasefire));
            }
        }
        let base = broadcast.max(entered);
        s.schedule_at(
            base + u.kurils_start,
            order::ACT,
            Ev::OpStart(Territory::Kurils),
        );
        s.schedule_at(
            base + u.hokkaido_decision,
            order::DECIDE,
            Ev::HokkaidoDecision,
        );
    }

    pub(crate) fn on_hokkaido_decision(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        if self.ops_stopped {
            return;
        }
        if self
            .rng
            .bernoulli("ussr.us_objects", self.p.ussr.p_us_objects)
        {
            self.emit(now, What::HokkaidoCancelled);
        } else {
            let u = &self.p.ussr;
            let base = self
                .broadcast
                .unwrap_or(now)
                .max(self.entered.unwrap_or(now));
            let landing = (base + u.hokkaido_landing).max(now);
            s.schedule_at(landing, order::ACT, Ev::OpStart(Territory::Hokkaido));
        }
    }

    fn op_duration(&self, t: Territory) -> SimDuration {
        let u = &self.p.ussr;
        match t {
            Territory::Manchuria => u.manchuria_duration,
            Territory::NorthKorea => u.korea_duration,
            Territory::SouthSakhalin => u.sakhalin_duration,
            Territory::Kurils => u.kurils_duration,
            Territory::Hokkaido => u.hokkaido_duration,
        }
    }

    pub(crate) fn on_op_start(&mut self, now: SimTime, t: Territory, s: &mut Scheduler<Ev>) {
        if self.ops_stopped {
            return;
        }
        self.emit(now, What::OpStarted { territory: t });
        s.schedule_at(now + self.op_duration(t), order::ACT, Ev::OpDone(t));
    }

    pub(crate) fn on_op_done(&mut self, now: SimTime, t: Territory) {
        if self.ops_stopped {
            return;
        }
        if t == Territory::Manchuria {
            self.manchuria_done_ev = None;
        }
        self.territories.insert(t);
        self.emit(now, What::OpDone { territory: t });
    }

    /// A neutral USSR's answer to Japan's request.
    pub(crate) fn on_mediation_answer(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        self.emit(now, What::RefusesMediation);
        s.schedule_at(
            now + self.p.japan.refusal_news,
            order::NEWS,
            Ev::HearRefusal,
        );
    }
}
