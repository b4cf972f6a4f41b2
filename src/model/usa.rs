//! The United States: the test, the ultimatum's signatories, the bombs and the weather,
//! the halt, and the reply to Japan (MODEL.md §3, USA).

use super::params::{Power, Signatories};
use super::record::{Observer, What};
use super::world::{Ev, Phase, World, order};
use crate::engine::{Scheduler, SimTime};

impl<O: Observer> World<'_, O> {
    pub(crate) fn on_trinity(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        self.emit(now, What::Trinity);
        s.schedule_at(
            now + self.p.usa.report_delay,
            order::NEWS,
            Ev::TrinityReport,
        );
    }

    pub(crate) fn on_trinity_report(&mut self, now: SimTime) {
        self.trinity_report_known = true;
        self.emit(now, What::TrinityReport);
    }

    /// The seed's rule for `auto`: knowing the bomb works, the US needs no Soviet help and
    /// excludes Stalin; not knowing, it invites him as insurance.
    pub(crate) fn on_proclamation(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        let p = self.p;
        self.ussr_signed = match &p.potsdam.signatories {
            Signatories::Auto => !self.trinity_report_known,
            Signatories::Fixed(list) => list.contains(&Power::Ussr),
        };
        self.emit(
            now,
            What::Proclamation {
                ussr_signed: self.ussr_signed,
                bomb_known: self.trinity_report_known,
                emperor: p.potsdam.emperor,
            },
        );
        s.schedule_at(now + p.japan.ultimatum_news, order::NEWS, Ev::HearUltimatum);
        if self.ussr_signed {
            self.on_ussr_signed(now, s);
        } else if p.ussr.enters_war {
            s.schedule_at(
                now + p.ussr.exclusion_reaction,
                order::DECIDE,
                Ev::StalinExcluded,
            );
        }
    }

    pub(crate) fn on_bomb_ready(&mut self, now: SimTime, index: u32, s: &mut Scheduler<Ev>) {
        self.bombs_ready = self.bombs_ready.max(index + 1);
        self.emit(now, What::BombReady { n: index + 1 });
        self.schedule_next_strike(now, s);
    }

    /// Whether Tokyo day `day` has visual bombing weather: fixed by the scenario, or drawn.
    /// Days are drawn in order from the first, so a day's weather does not depend on which
    /// days were asked about before it.
    fn clear(&mut self, day: i64) -> bool {
        if let Some(fixed) = self.cal.fixed_weather(day) {
            return fixed;
        }
        let Ok(index) = usize::try_from(day) else {
            return false;
        };
        while self.weather.len() <= index {
            let clear = self
                .rng
                .bernoulli("weather", self.p.usa.weather.p_clear_day);
            self.weather.push(clear);
        }
        self.weather[index]
    }

    /// Schedules the next ready bomb on the first clear Tokyo day on or after
    /// max(ready, not_before, drop order), at most one strike a day.
    pub(crate) fn schedule_next_strike(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        let next = self.strikes.len();
        if self.halted || self.pending_strike.is_some() || next as u32 >= self.bombs_ready {
            return;
        }
        let usa = &self.p.usa;
        let earliest = now.max(usa.not_before).max(usa.drop_order);
        let time_of_day = usa
            .strike_time_of_day
            .get(next)
            .or(usa.strike_time_of_day.last())
            .copied()
            .unwrap_or(0);
        let mut day = self.cal.tokyo_day(earliest);
        if let Some(last) = self.last_strike_day {
            day = day.max(last + 1);
        }
        while day <= self.cal.last_day() {
            if let Some(midnight) = self.cal.tokyo_midnight(day) {
                let at = midnight + crate::engine::SimDuration::minutes(time_of_day);
                if at >= earliest && self.clear(day) {
                    self.pending_strike = Some(s.schedule_at(at, order::ACT, Ev::Strike));
                    return;
                }
            }
            day += 1;
        }
    }

    pub(crate) fn on_strike(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        self.pending_strike = None;
        if self.halted {
            return;
        }
        self.strikes.push(now);
        self.last_strike_day = Some(self.cal.tokyo_day(now));
        let n = self.strikes.len() as u32;
        self.emit(now, What::AtomicStrike { n });
        s.schedule_at(now + self.p.japan.bomb_news, order::NEWS, Ev::HearStrike(n));
        self.on_strike_before_entry(now, s);
        self.schedule_next_strike(now, s);
    }

    pub(crate) fn on_washington_knows_offer(&mut self, s: &mut Scheduler<Ev>) {
        if !self.halted {
            s.schedule_in(self.p.usa.halt_delay, order::DECIDE, Ev::Halt);
        }
        if self.phase == Phase::Offered {
            s.schedule_in(self.p.usa.reply_delay, order::DECIDE, Ev::Reply);
        }
    }

    pub(crate) fn on_halt(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        if self.halted
            || !matches!(
                self.phase,
                Phase::Offered | Phase::Accepted | Phase::Deliberating
            )
        {
            return;
        }
        self.halted = true;
        if let Some(id) = self.pending_strike.take() {
            s.cancel(id);
        }
        self.emit(now, What::HaltsAtomic);
    }

    /// After a rejected offer or a coup, the war goes on and so do the strikes.
    pub(crate) fn resume_strikes(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        if self.halted {
            self.halted = false;
            self.emit(now, What::StrikesResume);
            self.schedule_next_strike(now, s);
        }
    }

    pub(crate) fn on_reply(&mut self, now: SimTime, s: &mut Scheduler<Ev>) {
        if self.phase != Phase::Offered {
            return;
        }
        self.emit(
            now,
            What::Reply {
                kind: self.p.usa.reply,
            },
        );
        s.schedule_at(now + self.p.usa.reply_transit, order::NEWS, Ev::HearReply);
    }
}
