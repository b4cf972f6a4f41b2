//! The figures of one scenario's [`Summary`].

use std::collections::BTreeMap;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::Figure;
use super::chart::{self, Areas, Axis, Mesh};
use super::common::tokyo_day;
use super::common::{
    self, Dash, Entry, INK, MUTED, NEUTRAL, SHADE, Swatch, bold, count, date_label, date_ticks,
    datetime_label, day_of, days, font, okabe_ito as oi, pct, share_axis_top, text, widen,
};
use crate::model::WorldOutcome;
use crate::summary::{Histogram, Proportion, SHOCKS, Summary};

/// The days shown by default when there is nothing to show: August 1945.
const DEFAULT_DAYS: (f64, f64) = (61.0, 92.0);

/// The historical Soviet entry, 1945-08-08T15:00Z [minutes since the epoch].
const HISTORICAL_ENTRY: i64 = (68 * 24 + 15) * 60;
/// The historical first strike, Hiroshima, 1945-08-05T23:15Z [minutes since the epoch].
const HISTORICAL_STRIKE: i64 = (65 * 24 + 23) * 60 + 15;

fn acceptance(summary: &Summary) -> Histogram {
    summary.time("acceptance").cloned().unwrap_or_default()
}

fn worlds_line(title: &str, worlds: u64) -> String {
    if title.is_empty() {
        format!("{} worlds", count(worlds))
    } else {
        title.to_string()
    }
}

/// A share axis [%] with room above `top` [%], its ticks at most 100 %.
fn share_axis(top: f64) -> Axis {
    let hi = share_axis_top(top);
    let hi = if hi >= 100.0 { 110.0 } else { hi };
    let mut y = Axis::numeric(0.0, hi, 8);
    y.ticks.retain(|t| *t <= 100.0 + 1e-9);
    y
}

/// How many date labels fit on an axis `px` long.
fn date_tick_budget(px: u32) -> usize {
    (px / 85).max(2) as usize
}

/// The acceptance histogram by calendar day, with the X-day bar beside it.
pub(super) struct SurrenderDate<'a> {
    pub summary: &'a Summary,
    pub historical: Option<&'a WorldOutcome>,
    pub title: &'a str,
}

impl Figure for SurrenderDate<'_> {
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> anyhow::Result<()>
    where
        DB::ErrorType: 'static,
    {
        let s = self.summary;
        let h = acceptance(s);
        let worlds = s.worlds;
        let none = worlds.saturating_sub(h.n());
        let share = |c: u64| {
            if worlds > 0 {
                100.0 * c as f64 / worlds as f64
            } else {
                0.0
            }
        };
        let mut per_day: BTreeMap<i64, u64> = BTreeMap::new();
        for (m, c) in h.counts() {
            *per_day.entry(tokyo_day(m)).or_default() += c;
        }
        let hist = self
            .historical
            .and_then(|o| o.acceptance)
            .map(|t| t.minutes());
        let marks: Vec<i64> = per_day.keys().copied().chain(hist.map(tokyo_day)).collect();
        let (lo, hi) = match (marks.iter().min(), marks.iter().max()) {
            (Some(a), Some(b)) => widen(*a as f64 - 1.0, *b as f64 + 2.0, 10.0),
            _ => DEFAULT_DAYS,
        };
        let top = per_day
            .values()
            .map(|c| share(*c))
            .fold(share(none), f64::max);
        let y = share_axis(top);

        let area = common::frame(
            root,
            "Date of Japan's final acceptance",
            &worlds_line(self.title, worlds),
        )?;
        let (aw, _) = area.dim_in_pixel();
        let (main, side) = area.split_horizontally(aw.saturating_sub(230));
        let (mw, _) = main.dim_in_pixel();
        let ticks: Vec<f64> = date_ticks(lo, hi - 1.0, date_tick_budget(mw.saturating_sub(150)))
            .into_iter()
            .map(|d| d as f64 + 0.5)
            .collect();
        let x = Axis { lo, hi, ticks };
        let areas = Areas {
            right: 10,
            ..Areas::default()
        };
        let mut c = chart::build(&main, &x, &y, areas)?;
        let y_fmt = chart::number_fmt(&y);
        chart::mesh(
            root,
            &mut c,
            &Mesh {
                x_desc: "Date of the final acceptance (Tokyo)",
                y_desc: "Share of all worlds (%)",
                x_fmt: &|v| date_label(day_of(*v)),
                y_fmt: &y_fmt,
                x_grid: false,
                y_grid: true,
                rotate_x: false,
            },
        )?;
        let mut covered: Vec<(i32, i32)> = Vec::new();
        // A day with a single world still shows: bars are at least 2 px tall.
        let min_v = {
            let (_, yr) = chart::plot_rect(&c);
            2.0 * y.hi / f64::from((yr.end - yr.start).max(1))
        };
        let bar = |d: i64, v: f64| {
            Rectangle::new(
                [(d as f64 + 0.1, 0.0), (d as f64 + 0.9, v.max(min_v))],
                oi::BLUE.filled(),
            )
        };
        c.draw_series(per_day.iter().map(|(d, n)| bar(*d, share(*n))))?;
        for (d, n) in &per_day {
            let v = share(*n);
            for k in 0..=4 {
                covered.push(c.backend_coord(&(*d as f64 + 0.5, v * k as f64 / 4.0)));
            }
        }
        let mut entries = vec![Entry::new(
            Swatch::Box(oi::BLUE),
            format!(
                "Final acceptance on that day ({} of worlds)",
                pct(share(h.n()) / 100.0)
            ),
        )];
        if let Some(m) = h.quantile(0.5) {
            let xm = days(m);
            c.draw_series(DashedLineSeries::new(
                vec![(xm, 0.0), (xm, y.hi)],
                3,
                4,
                oi::ORANGE.stroke_width(3),
            ))?;
            for k in 0..=10 {
                covered.push(c.backend_coord(&(xm, y.hi * k as f64 / 10.0)));
            }
            entries.push(Entry::new(
                Swatch::Line(oi::ORANGE, 3, Dash::Dashed(3, 4)),
                format!(
                    "Median of the worlds that accepted: {}",
                    date_label(tokyo_day(m))
                ),
            ));
        }
        if let Some(m) = hist {
            history_marker(&mut c, m, y.hi, &mut covered, &mut entries)?;
        }
        let rect = chart::plot_rect(&c);
        no_acceptance_note(root, rect.clone(), worlds > 0, h.n() > 0)?;
        if worlds > 0 {
            let size = common::legend_size(&entries);
            let at = common::legend_corner(&rect, size, &covered);
            common::legend(root, at, &entries)?;
        }

        // The worlds that reached X-day without accepting, on the same scale.
        let sx = Axis {
            lo: 0.0,
            hi: 1.0,
            ticks: vec![0.5],
        };
        let side_areas = Areas {
            left: 10,
            right: 30,
            ..Areas::default()
        };
        let mut sc = chart::build(&side, &sx, &y, side_areas)?;
        chart::mesh(
            root,
            &mut sc,
            &Mesh {
                x_desc: "(the invasion)",
                y_desc: "",
                x_fmt: &|_| String::new(),
                y_fmt: &|_| String::new(),
                x_grid: false,
                y_grid: true,
                rotate_x: false,
            },
        )?;
        let v = share(none);
        let (tx, ty) = sc.backend_coord(&(0.5, 0.0));
        for (k, line) in ["No acceptance", "before X-day"].iter().enumerate() {
            root.draw(&Text::new(
                *line,
                (tx, ty + 10 + 20 * k as i32),
                text(font(16.0), &INK, HPos::Center, VPos::Top),
            ))?;
        }
        sc.draw_series(std::iter::once(Rectangle::new(
            [(0.2, 0.0), (0.8, v)],
            oi::VERMILLION.filled(),
        )))?;
        if worlds > 0 {
            let (bx, by) = sc.backend_coord(&(0.5, v));
            root.draw(&Text::new(
                pct(v / 100.0),
                (bx, by - 30),
                text(bold(16.0), &INK, HPos::Center, VPos::Bottom),
            ))?;
            root.draw(&Text::new(
                format!("{} worlds", count(none)),
                (bx, by - 8),
                text(font(15.0), &MUTED, HPos::Center, VPos::Bottom),
            ))?;
        }
        common::footnote(
            root,
            "Days are Tokyo calendar days. Right: worlds that reached X-day (the invasion) without a final acceptance.",
        )?;
        Ok(())
    }
}

/// The empirical CDF of the acceptance, as a share of all worlds.
pub(super) struct SurrenderCdf<'a> {
    pub summary: &'a Summary,
    pub historical: Option<&'a WorldOutcome>,
    pub title: &'a str,
}

/// The steps of the CDF of `h` as a share [%] of `worlds`, from `lo` to `hi` [days].
/// The axes of an acceptance CDF: Tokyo dates across, a share of worlds up [%].
pub(super) fn acceptance_mesh<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &mut chart::Chart<'_, DB>,
    y_desc: &str,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    chart::mesh(
        root,
        c,
        &Mesh {
            x_desc: "Date (Tokyo; ticks at midnight)",
            y_desc,
            x_fmt: &|v| date_label(day_of(*v)),
            y_fmt: &|v| format!("{v:.0}"),
            x_grid: true,
            y_grid: true,
            rotate_x: false,
        },
    )
}

/// Says so in the plot when no world was run, or none accepted before X-day.
pub(super) fn no_acceptance_note<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    rect: (std::ops::Range<i32>, std::ops::Range<i32>),
    ran: bool,
    accepted: bool,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    if !ran {
        common::no_data(root, rect, "No data: no worlds were run")
    } else if !accepted {
        common::no_data(root, rect, "No world accepted before X-day")
    } else {
        Ok(())
    }
}

/// The historical acceptance at `m` [minutes since the epoch]: a dashed black line from 0
/// to `top`, the points it covers (for placing the legend) and its legend entry.
fn history_marker<DB: DrawingBackend>(
    c: &mut chart::Chart<'_, DB>,
    m: i64,
    top: f64,
    covered: &mut Vec<(i32, i32)>,
    entries: &mut Vec<Entry>,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let xm = days(m);
    c.draw_series(DashedLineSeries::new(
        vec![(xm, 0.0), (xm, top)],
        10,
        6,
        oi::BLACK.stroke_width(2),
    ))?;
    covered.extend((0..=20).map(|k| c.backend_coord(&(xm, top * k as f64 / 20.0))));
    entries.push(Entry::new(
        Swatch::Line(oi::BLACK, 2, Dash::Dashed(10, 6)),
        format!("Historical acceptance: {}", datetime_label(m)),
    ));
    Ok(())
}

pub(super) fn cdf_steps(h: &Histogram, worlds: u64, lo: f64, hi: f64) -> Vec<(f64, f64)> {
    let mut pts = vec![(lo, 0.0)];
    if worlds == 0 {
        pts.push((hi, 0.0));
        return pts;
    }
    let mut cum = 0u64;
    for (m, c) in h.counts() {
        let prev = 100.0 * cum as f64 / worlds as f64;
        cum += c;
        let x = days(m).clamp(lo, hi);
        pts.push((x, prev));
        pts.push((x, 100.0 * cum as f64 / worlds as f64));
    }
    pts.push((hi, 100.0 * cum as f64 / worlds as f64));
    pts
}

/// The range of days shown for acceptance histograms, with `extra` instants [minutes].
pub(super) fn acceptance_days<'h>(
    hs: impl Iterator<Item = &'h Histogram>,
    extra: &[i64],
) -> (f64, f64) {
    let mut lo: Option<i64> = None;
    let mut hi: Option<i64> = None;
    for h in hs {
        if let (Some(a), Some(b)) = (h.quantile(0.0), h.quantile(1.0)) {
            lo = Some(lo.map_or(a, |l| l.min(a)));
            hi = Some(hi.map_or(b, |x| x.max(b)));
        }
    }
    for m in extra {
        lo = Some(lo.map_or(*m, |l| l.min(*m)));
        hi = Some(hi.map_or(*m, |x| x.max(*m)));
    }
    match (lo, hi) {
        (Some(a), Some(b)) => widen(tokyo_day(a) as f64 - 1.0, tokyo_day(b) as f64 + 2.0, 10.0),
        _ => DEFAULT_DAYS,
    }
}

impl Figure for SurrenderCdf<'_> {
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> anyhow::Result<()>
    where
        DB::ErrorType: 'static,
    {
        let s = self.summary;
        let h = acceptance(s);
        let worlds = s.worlds;
        let hist = self
            .historical
            .and_then(|o| o.acceptance)
            .map(|t| t.minutes());
        let extra: Vec<i64> = hist.into_iter().collect();
        let (lo, hi) = acceptance_days(std::iter::once(&h), &extra);
        let area = common::frame(
            root,
            "Share of worlds in which Japan had accepted, by date",
            &worlds_line(self.title, worlds),
        )?;
        let (aw, _) = area.dim_in_pixel();
        let x = Axis {
            lo,
            hi,
            ticks: date_ticks(lo, hi, date_tick_budget(aw.saturating_sub(150)))
                .into_iter()
                .map(|d| d as f64)
                .collect(),
        };
        let mut y = Axis::numeric(0.0, 102.0, 12);
        y.ticks.retain(|t| *t <= 100.0);
        let mut c = chart::build(&area, &x, &y, Areas::default())?;
        acceptance_mesh(root, &mut c, "Worlds that had accepted (% of all worlds)")?;
        let steps = cdf_steps(&h, worlds, lo, hi);
        let final_share = steps.last().map_or(0.0, |p| p.1);
        let mut covered: Vec<(i32, i32)> = Vec::new();
        let mut entries = Vec::new();
        if worlds > 0 {
            c.draw_series(DashedLineSeries::new(
                vec![(lo, final_share), (hi, final_share)],
                8,
                6,
                NEUTRAL.stroke_width(2),
            ))?;
            c.draw_series(LineSeries::new(
                steps.iter().copied(),
                oi::BLUE.stroke_width(3),
            ))?;
            covered.extend(sample_path(&c, &steps));
            entries.push(Entry::new(
                Swatch::Line(oi::BLUE, 3, Dash::Solid),
                "Worlds that had accepted by the date",
            ));
            entries.push(Entry::new(
                Swatch::Line(NEUTRAL, 2, Dash::Dashed(8, 6)),
                format!(
                    "Accepted before X-day: {} ({} of {} worlds)",
                    pct(final_share / 100.0),
                    count(h.n()),
                    count(worlds)
                ),
            ));
        }
        if let Some(m) = hist {
            history_marker(&mut c, m, 100.0, &mut covered, &mut entries)?;
        }
        let rect = chart::plot_rect(&c);
        no_acceptance_note(root, rect.clone(), worlds > 0, h.n() > 0)?;
        let size = common::legend_size(&entries);
        let at = common::legend_corner(&rect, size, &covered);
        common::legend(root, at, &entries)?;
        common::footnote(
            root,
            "The curve ends below 100 % by the share of worlds that reached X-day without accepting.",
        )?;
        Ok(())
    }
}

/// Pixel samples along a path, for placing legends away from it.
pub(super) fn sample_path<DB: DrawingBackend>(
    c: &chart::Chart<'_, DB>,
    pts: &[(f64, f64)],
) -> Vec<(i32, i32)> {
    let mut out = Vec::new();
    for w in pts.windows(2) {
        let (a, b) = (c.backend_coord(&w[0]), c.backend_coord(&w[1]));
        let n = ((a.0 - b.0).abs().max((a.1 - b.1).abs()) / 8).max(1);
        for k in 0..=n {
            out.push((a.0 + (b.0 - a.0) * k / n, a.1 + (b.1 - a.1) * k / n));
        }
    }
    out
}

/// Soviet entry day against first strike day.
pub(super) struct Race<'a> {
    pub summary: &'a Summary,
    pub historical: Option<&'a WorldOutcome>,
    pub title: &'a str,
}

/// A cell of the race: (Soviet entry day, first strike day).
type Cell = (Option<i64>, Option<i64>);

/// Who came first in a cell of the race.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum First {
    Entry,
    Strike,
    SameDay,
    Neither,
}

impl First {
    fn of(e: Option<i64>, b: Option<i64>) -> First {
        match (e, b) {
            (Some(e), Some(b)) if e < b => First::Entry,
            (Some(e), Some(b)) if e > b => First::Strike,
            (Some(_), Some(_)) => First::SameDay,
            (Some(_), None) => First::Entry,
            (None, Some(_)) => First::Strike,
            (None, None) => First::Neither,
        }
    }

    fn color(self) -> RGBColor {
        match self {
            First::Entry => oi::VERMILLION,
            First::Strike => oi::BLUE,
            First::SameDay => oi::GREEN,
            First::Neither => NEUTRAL,
        }
    }

    fn label(self) -> &'static str {
        match self {
            First::Entry => "Soviet entry first",
            First::Strike => "Atomic strike first",
            First::SameDay => "Same day",
            First::Neither => "Neither happened",
        }
    }
}

impl Figure for Race<'_> {
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> anyhow::Result<()>
    where
        DB::ErrorType: 'static,
    {
        let s = self.summary;
        let (hist_entry, hist_strike) = match self.historical {
            Some(o) => (
                o.soviet_entry.map(|t| t.minutes()),
                o.first_strike().map(|t| t.minutes()),
            ),
            None => (Some(HISTORICAL_ENTRY), Some(HISTORICAL_STRIKE)),
        };
        let hist_cell = (hist_entry.map(tokyo_day), hist_strike.map(tokyo_day));
        let cells: Vec<(Cell, u64)> = s
            .race
            .iter()
            .filter(|(_, c)| **c > 0)
            .map(|(k, c)| (*k, *c))
            .collect();
        let span = |vals: Vec<i64>| match (vals.iter().min(), vals.iter().max()) {
            (Some(a), Some(b)) => widen(*a as f64 - 1.0, *b as f64 + 1.0, 8.0),
            _ => DEFAULT_DAYS,
        };
        let (x_lo, x_hi) = span(
            cells
                .iter()
                .filter_map(|((e, _), _)| *e)
                .chain(hist_cell.0)
                .collect(),
        );
        let (y_lo, y_hi) = span(
            cells
                .iter()
                .filter_map(|((_, b), _)| *b)
                .chain(hist_cell.1)
                .collect(),
        );
        // The margin column (no Soviet entry) and row (no strike) beyond the dates.
        let gx = ((x_hi - x_lo) * 0.12).max(2.0);
        let gy = ((y_hi - y_lo) * 0.12).max(2.0);
        let (x_sep, x_margin, x_end) = (x_hi + gx * 0.5, x_hi + gx * 1.1, x_hi + gx * 1.7);
        let (y_sep, y_margin, y_end) = (y_hi + gy * 0.5, y_hi + gy * 1.1, y_hi + gy * 1.7);
        let pos = |(e, b): (Option<i64>, Option<i64>)| {
            (
                e.map_or(x_margin, |d| d as f64),
                b.map_or(y_margin, |d| d as f64),
            )
        };

        let area = common::frame(
            root,
            "The race: Soviet entry against the first atomic strike",
            &worlds_line(self.title, s.worlds),
        )?;
        let (aw, ah) = area.dim_in_pixel();
        let legend_w = 330;
        let (plot_area, legend_area) = area.split_horizontally(aw.saturating_sub(legend_w));
        let x_budget = date_tick_budget(aw.saturating_sub(legend_w + 260));
        let mut xt: Vec<f64> = date_ticks(x_lo, x_hi, x_budget)
            .into_iter()
            .map(|d| d as f64)
            .collect();
        xt.push(x_margin);
        let mut yt: Vec<f64> =
            date_ticks(y_lo, y_hi, ((ah.saturating_sub(150)) / 40).max(2) as usize)
                .into_iter()
                .map(|d| d as f64)
                .collect();
        yt.push(y_margin);
        let x = Axis {
            lo: x_lo,
            hi: x_end,
            ticks: xt,
        };
        let y = Axis {
            lo: y_lo,
            hi: y_end,
            ticks: yt,
        };
        let areas = Areas {
            left: 110,
            right: 10,
            ..Areas::default()
        };
        let mut c = chart::build(&plot_area, &x, &y, areas)?;
        let near = |v: f64, m: f64| (v - m).abs() < 1e-6;
        chart::mesh(
            root,
            &mut c,
            &Mesh {
                x_desc: "Soviet entry: H-hour (Tokyo date)",
                y_desc: "First atomic strike (Tokyo date)",
                x_fmt: &|v| {
                    if near(*v, x_margin) {
                        "no Soviet entry".into()
                    } else {
                        date_label(day_of(*v))
                    }
                },
                y_fmt: &|v| {
                    if near(*v, y_margin) {
                        "no strike".into()
                    } else {
                        date_label(day_of(*v))
                    }
                },
                x_grid: true,
                y_grid: true,
                rotate_x: false,
            },
        )?;
        // Shade the margins and separate them from the dates.
        c.draw_series([
            Rectangle::new([(x_sep, y_lo), (x_end, y_end)], SHADE.mix(0.7).filled()),
            Rectangle::new([(x_lo, y_sep), (x_sep, y_end)], SHADE.mix(0.7).filled()),
        ])?;
        c.draw_series([
            PathElement::new(vec![(x_sep, y_lo), (x_sep, y_end)], NEUTRAL.stroke_width(1)),
            PathElement::new(vec![(x_lo, y_sep), (x_end, y_sep)], NEUTRAL.stroke_width(1)),
        ])?;
        // The diagonal: entry and strike on the same day.
        let (d0, d1) = (x_lo.max(y_lo), x_hi.min(y_hi));
        if d1 > d0 {
            c.draw_series(DashedLineSeries::new(
                vec![(d0, d0), (d1, d1)],
                8,
                6,
                MUTED.stroke_width(2),
            ))?;
        }
        // Markers: area proportional to the count, largest drawn first.
        let (px, py) = {
            let (xr, yr) = chart::plot_rect(&c);
            (
                (xr.end - xr.start) as f64 / (x_end - x_lo),
                (yr.end - yr.start) as f64 / (y_end - y_lo),
            )
        };
        let r_max = (px.min(py) * 0.62).clamp(5.0, 30.0);
        let c_max = cells.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
        let radius = |n: u64| (r_max * (n as f64 / c_max as f64).sqrt()).max(2.5);
        let mut sorted = cells.clone();
        sorted.sort_by_key(|c| std::cmp::Reverse(c.1));
        let mut totals: BTreeMap<First, u64> = BTreeMap::new();
        for (k, n) in &sorted {
            *totals.entry(First::of(k.0, k.1)).or_default() += n;
        }
        for (k, n) in &sorted {
            let col = First::of(k.0, k.1).color();
            let r = radius(*n);
            c.draw_series([
                Circle::new(pos(*k), r, col.mix(0.9).filled()),
                Circle::new(pos(*k), r, col.stroke_width(1)),
            ])?;
        }
        // The historical world.
        let (hx, hy) = c.backend_coord(&pos(hist_cell));
        common::historical_marker(root, (hx, hy), 13)?;
        let label_style = text(bold(15.0), &INK, HPos::Left, VPos::Center);
        root.draw(&Text::new("1945", (hx + 17, hy - 12), label_style))?;

        let rect = chart::plot_rect(&c);
        if s.worlds == 0 {
            common::no_data(root, rect, "No data: no worlds were run")?;
        }
        // The legend, beside the plot.
        let mut entries = Vec::new();
        for f in [First::Entry, First::Strike, First::SameDay, First::Neither] {
            let n = totals.get(&f).copied().unwrap_or(0);
            if n > 0 || f != First::Neither {
                entries.push(Entry::new(
                    Swatch::Disc(f.color()),
                    format!("{}: {}", f.label(), pct(s.share(n).estimate())),
                ));
            }
        }
        entries.push(Entry::new(
            Swatch::Line(MUTED, 2, Dash::Dashed(8, 6)),
            "Diagonal (same day)",
        ));
        entries.push(Entry::new(Swatch::Historical, "Historical (1945)"));
        entries.push(Entry::new(
            Swatch::Ring(MUTED),
            format!(
                "Area \u{221d} worlds (largest: {})",
                count(if cells.is_empty() { 0 } else { c_max })
            ),
        ));
        let (lx, ly) = {
            let (xr, yr) = legend_area.get_pixel_range();
            (xr.start + 4, yr.start + 20)
        };
        common::legend(root, (lx, ly), &entries)?;
        let hist_text = match (hist_entry, hist_strike) {
            (Some(e), Some(b)) => format!(
                "Historical: Soviet H-hour {}; Hiroshima {}.",
                datetime_label(e),
                datetime_label(b)
            ),
            _ => "Historical world as given.".to_string(),
        };
        common::footnote(
            root,
            &format!("One marker per pair of Tokyo days. {hist_text}"),
        )?;
        Ok(())
    }
}

/// A bar chart of shares with Wilson 95 % intervals.
fn share_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    heading: &str,
    subtitle: &str,
    bars: &[(String, RGBColor, Proportion)],
    x_desc: &str,
    y_desc: &str,
    note: &str,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let area = common::frame(root, heading, subtitle)?;
    let n = bars.len();
    let worlds = bars.first().map_or(0, |b| b.2.n);
    let top = bars
        .iter()
        .map(|b| 100.0 * b.2.wilson95().1)
        .fold(0.0, f64::max);
    let y = if worlds == 0 {
        share_axis(100.0)
    } else {
        share_axis(top + 4.0)
    };
    let x = Axis {
        lo: -0.5,
        hi: n as f64 - 0.5,
        ticks: (0..n).map(|i| i as f64).collect(),
    };
    let mut c = chart::build(&area, &x, &y, Areas::default())?;
    let labels: Vec<String> = bars.iter().map(|b| b.0.clone()).collect();
    let y_fmt = chart::number_fmt(&y);
    chart::mesh(
        root,
        &mut c,
        &Mesh {
            x_desc,
            y_desc,
            x_fmt: &|v| {
                let i = v.round();
                if i >= 0.0 {
                    labels.get(i as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            },
            y_fmt: &y_fmt,
            x_grid: false,
            y_grid: true,
            rotate_x: false,
        },
    )?;
    for (i, (_, col, p)) in bars.iter().enumerate() {
        let xi = i as f64;
        let v = 100.0 * p.estimate();
        let (lo, hi) = p.wilson95();
        c.draw_series(std::iter::once(Rectangle::new(
            [(xi - 0.32, 0.0), (xi + 0.32, v)],
            col.filled(),
        )))?;
        if worlds > 0 {
            let (bx, by) = c.backend_coord(&(xi, 100.0 * hi));
            let (_, bottom) = c.backend_coord(&(xi, 100.0 * lo));
            common::whisker(root, bx, by, bottom, 16, INK)?;
            root.draw(&Text::new(
                pct(p.estimate()),
                (bx, by - 6),
                text(bold(16.0), &INK, HPos::Center, VPos::Bottom),
            ))?;
        }
    }
    if worlds == 0 {
        common::no_data(root, chart::plot_rect(&c), "No data: no worlds were run")?;
    }
    common::footnote(root, note)?;
    Ok(())
}

/// The share of worlds per decisive shock.
pub(super) struct DecisiveShock<'a> {
    pub summary: &'a Summary,
    pub title: &'a str,
}

/// The readable label of a decisive-shock category and its colour.
fn shock_style(category: &str) -> (&'static str, RGBColor) {
    match category {
        "soviet_entry" => ("Soviet entry", oi::VERMILLION),
        "atomic_bomb" => ("Atomic bomb", oi::BLUE),
        "ultimatum" => ("Ultimatum", oi::GREEN),
        "mediation_refused" => ("Mediation refused", oi::PURPLE),
        "background" => ("Blockade (background)", oi::SKY_BLUE),
        "none" => ("No acceptance", NEUTRAL),
        _ => ("Other", NEUTRAL),
    }
}

impl Figure for DecisiveShock<'_> {
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> anyhow::Result<()>
    where
        DB::ErrorType: 'static,
    {
        let s = self.summary;
        let bars: Vec<(String, RGBColor, Proportion)> = SHOCKS
            .iter()
            .zip(s.decisive)
            .map(|(cat, n)| {
                let (label, col) = shock_style(cat);
                (label.to_string(), col, s.share(n))
            })
            .collect();
        share_bars(
            root,
            "The decisive shock: what brought Japan to accept",
            &worlds_line(self.title, s.worlds),
            &bars,
            "Decisive shock (all atomic strikes count together)",
            "Share of all worlds (%)",
            &format!(
                "Bars: share of {} worlds; whiskers: Wilson 95 % intervals. \"No acceptance\": X-day came first.",
                count(s.worlds)
            ),
        )
    }
}

/// The chance the USSR took each territory.
pub(super) struct Territories<'a> {
    pub summary: &'a Summary,
    pub title: &'a str,
}

impl Figure for Territories<'_> {
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> anyhow::Result<()>
    where
        DB::ErrorType: 'static,
    {
        let s = self.summary;
        const LABELS: [&str; 5] = [
            "Manchuria",
            "North Korea",
            "South Sakhalin",
            "Kurils",
            "Hokkaido",
        ];
        let bars: Vec<(String, RGBColor, Proportion)> = LABELS
            .iter()
            .zip(s.territories)
            .map(|(l, n)| (l.to_string(), oi::VERMILLION, s.share(n)))
            .collect();
        share_bars(
            root,
            "Territories taken by the USSR",
            &worlds_line(self.title, s.worlds),
            &bars,
            "Territory (North Korea: north of the 38th parallel; Hokkaido: its northern half)",
            "P(taken) (% of worlds)",
            &format!(
                "Bars: share of {} worlds; whiskers: Wilson 95 % intervals.",
                count(s.worlds)
            ),
        )
    }
}
