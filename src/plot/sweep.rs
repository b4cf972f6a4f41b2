//! Figures across scenarios: compared acceptance CDFs and sweeps of one or two keys.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::Figure;
use super::chart::{self, Areas, Axis, Mesh};
use super::common::{
    self, Dash, Entry, INK, MUTED, SHADE, Swatch, category_labels, count, date_label, date_ticks,
    day_of, decimals_for, fit, fixed, font, is_dark, okabe_ito as oi, pct, text, text_width,
    viridis, wrap,
};
use super::summary::{
    acceptance_days, acceptance_mesh, cdf_steps, no_acceptance_note, sample_path,
};
use crate::summary::Histogram;

use super::common::SERIES_COLORS as COLORS;

/// Series line styles, in order; with 8 colours and 5 styles no two of 40 series look alike.
const DASHES: [Dash; 5] = [
    Dash::Solid,
    Dash::Dashed(16, 7),
    Dash::Dashed(4, 5),
    Dash::Dashed(28, 8),
    Dash::Dashed(10, 4),
];

/// Acceptance-date CDFs of several scenarios.
pub(super) struct CompareCdf<'a> {
    pub series: &'a [(String, &'a Histogram, u64)],
    pub title: &'a str,
}

impl Figure for CompareCdf<'_> {
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> anyhow::Result<()>
    where
        DB::ErrorType: 'static,
    {
        let (lo, hi) = acceptance_days(self.series.iter().map(|s| s.1), &[]);
        let area = common::frame(
            root,
            "Share of worlds in which Japan had accepted, by date: compared",
            self.title,
        )?;
        let (aw, _) = area.dim_in_pixel();
        let x = Axis {
            lo,
            hi,
            ticks: date_ticks(lo, hi, (aw.saturating_sub(150) / 85).max(2) as usize)
                .into_iter()
                .map(|d| d as f64)
                .collect(),
        };
        let y = Axis::numeric(0.0, 100.0, 10);
        let mut c = chart::build(&area, &x, &y, Areas::default())?;
        acceptance_mesh(
            root,
            &mut c,
            "Worlds that had accepted (% of each scenario's worlds)",
        )?;
        let mut covered = Vec::new();
        let mut entries = Vec::new();
        for (i, (label, h, worlds)) in self.series.iter().enumerate() {
            let color = COLORS[i % COLORS.len()];
            let dash = DASHES[i % DASHES.len()];
            let steps = cdf_steps(h, *worlds, lo, hi);
            let style = color.stroke_width(3);
            match dash {
                Dash::Solid => {
                    c.draw_series(LineSeries::new(steps.iter().copied(), style))?;
                }
                Dash::Dashed(d, g) => {
                    c.draw_series(DashedLineSeries::new(steps.iter().copied(), d, g, style))?;
                }
            }
            covered.extend(sample_path(&c, &steps));
            let last = steps.last().map_or(0.0, |p| p.1);
            let label = fit(&font(16.0), label, 420);
            entries.push(Entry::new(
                Swatch::Line(color, 3, dash),
                format!(
                    "{label}: {} by X-day ({} worlds)",
                    pct(last / 100.0),
                    count(*worlds)
                ),
            ));
        }
        let rect = chart::plot_rect(&c);
        no_acceptance_note(
            root,
            rect.clone(),
            self.series.iter().any(|s| s.2 > 0),
            self.series.iter().any(|s| s.1.n() > 0),
        )?;
        let size = common::legend_size(&entries);
        let at = common::legend_corner(&rect, size, &covered);
        common::legend(root, at, &entries)?;
        common::footnote(
            root,
            "Each curve ends below 100 % by the share of its worlds that reached X-day without accepting.",
        )?;
        Ok(())
    }
}

/// Whether a sweep outcome is a date, given as days since the epoch (1945-06-01).
fn is_date_outcome(outcome: &str) -> bool {
    outcome.contains("after 1945-06-01") || outcome.contains("since 1945-06-01")
}

/// How an outcome is named on a figure: a date outcome's unit (days since the epoch) is
/// replaced by "(Tokyo date)", since its values are shown as dates.
fn outcome_name(outcome: &str) -> String {
    if !is_date_outcome(outcome) {
        return outcome.to_string();
    }
    let stripped = match (outcome.find('['), outcome.rfind(']')) {
        (Some(a), Some(b)) if a < b && outcome[a..b].contains("1945-06-01") => {
            format!("{}{}", &outcome[..a], &outcome[b + 1..])
        }
        _ => outcome
            .replace("days after 1945-06-01", "")
            .replace("days since 1945-06-01", ""),
    };
    format!("{} (Tokyo date)", stripped.trim())
}

/// A value axis over `[lo, hi]`, in dates when the outcome is one.
fn value_axis(lo: f64, hi: f64, dates: bool, px: u32) -> Axis {
    if dates {
        let (lo, hi) = common::widen(lo, hi, 4.0);
        let budget = (px / 36).max(2) as usize;
        Axis {
            lo,
            hi,
            ticks: date_ticks(lo, hi, budget)
                .into_iter()
                .map(|d| d as f64)
                .collect(),
        }
    } else {
        Axis::numeric(lo, hi, 8)
    }
}

/// The formatter of a value axis.
fn value_fmt(axis: &Axis, dates: bool) -> Box<dyn Fn(&f64) -> String> {
    if dates {
        Box::new(|v: &f64| date_label(day_of(*v)))
    } else {
        Box::new(chart::number_fmt(axis))
    }
}

/// Lays out categorical tick labels: which index each tick shows, and the label area.
fn category_axis(labels: &[String], length: u32) -> (Axis, common::CategoryLabels) {
    let n = labels.len();
    let layout = category_labels(labels, length, true);
    let axis = Axis {
        lo: -0.5,
        hi: n.max(1) as f64 - 0.5,
        ticks: (0..n)
            .filter(|i| i % layout.every == 0)
            .map(|i| i as f64)
            .collect(),
    };
    (axis, layout)
}

fn category_fmt(labels: &[String]) -> impl Fn(&f64) -> String + '_ {
    move |v: &f64| {
        let i = v.round();
        if i >= 0.0 {
            labels.get(i as usize).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    }
}

/// Consecutive values with data: (position, (estimate, low, high)).
type Run = Vec<(f64, (f64, f64, f64))>;

/// One swept key: the outcome with its interval per value.
pub(super) struct SweepLine<'a> {
    pub key: &'a str,
    pub xs: &'a [String],
    pub points: &'a [(f64, f64, f64)],
    pub outcome: &'a str,
    pub title: &'a str,
}

impl Figure for SweepLine<'_> {
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> anyhow::Result<()>
    where
        DB::ErrorType: 'static,
    {
        let area = common::frame(
            root,
            &format!("{} by {}", outcome_name(self.outcome), self.key),
            self.title,
        )?;
        let (aw, _) = area.dim_in_pixel();
        let (x, layout) = category_axis(self.xs, aw.saturating_sub(140));
        let finite: Vec<f64> = self
            .points
            .iter()
            .filter(|p| p.0.is_finite())
            .flat_map(|p| [p.0, p.1, p.2])
            .filter(|v| v.is_finite())
            .collect();
        let (ylo, yhi) = match (
            finite.iter().copied().reduce(f64::min),
            finite.iter().copied().reduce(f64::max),
        ) {
            (Some(a), Some(b)) if b > a => (a - (b - a) * 0.08, b + (b - a) * 0.12),
            (Some(a), Some(_)) => {
                let pad = if a.abs() > 0.0 { a.abs() * 0.1 } else { 1.0 };
                (a - pad, a + pad)
            }
            _ => (0.0, 1.0),
        };
        let dates = is_date_outcome(self.outcome);
        let (_, ah) = area.dim_in_pixel();
        let y = value_axis(ylo, yhi, dates, ah.saturating_sub(160));
        let labels = layout.labels.clone();
        let areas = Areas {
            bottom: if layout.rotate { layout.depth + 50 } else { 70 },
            left: 100,
            ..Areas::default()
        };
        let mut c = chart::build(&area, &x, &y, areas)?;
        let y_fmt = value_fmt(&y, dates);
        let x_fmt = category_fmt(&labels);
        chart::mesh(
            root,
            &mut c,
            &Mesh {
                x_desc: self.key,
                y_desc: &outcome_name(self.outcome),
                x_fmt: &x_fmt,
                y_fmt: &y_fmt,
                x_grid: false,
                y_grid: true,
                rotate_x: layout.rotate,
            },
        )?;
        // Runs of consecutive cells with data: a band and a line through each.
        let mut runs: Vec<Run> = Vec::new();
        let mut current = Vec::new();
        for (i, p) in self.points.iter().enumerate() {
            if p.0.is_finite() {
                current.push((i as f64, *p));
            } else if !current.is_empty() {
                runs.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            runs.push(current);
        }
        let color = oi::BLUE;
        let mut covered = Vec::new();
        for run in &runs {
            let banded: Vec<&(f64, (f64, f64, f64))> = run
                .iter()
                .filter(|(_, p)| p.1.is_finite() && p.2.is_finite())
                .collect();
            if banded.len() >= 2 {
                let mut poly: Vec<(f64, f64)> = banded.iter().map(|(x, p)| (*x, p.2)).collect();
                poly.extend(banded.iter().rev().map(|(x, p)| (*x, p.1)));
                c.draw_series(std::iter::once(Polygon::new(
                    poly,
                    color.mix(0.15).filled(),
                )))?;
            }
            let line: Vec<(f64, f64)> = run.iter().map(|(x, p)| (*x, p.0)).collect();
            c.draw_series(LineSeries::new(line.iter().copied(), color.stroke_width(2)))?;
            covered.extend(sample_path(&c, &line));
            for (x, p) in run {
                if p.1.is_finite() && p.2.is_finite() {
                    let (px, top) = c.backend_coord(&(*x, p.2));
                    let (_, bottom) = c.backend_coord(&(*x, p.1));
                    common::whisker(root, px, top, bottom, 14, color)?;
                    covered.extend(sample_path(&c, &[(*x, p.1), (*x, p.2)]));
                }
                c.draw_series(std::iter::once(Circle::new((*x, p.0), 5, color.filled())))?;
            }
        }
        let rect = chart::plot_rect(&c);
        if !runs.is_empty() {
            for (i, _) in self
                .points
                .iter()
                .enumerate()
                .filter(|(_, p)| !p.0.is_finite())
            {
                let (px, _) = c.backend_coord(&(i as f64, y.lo));
                root.draw(&Text::new(
                    "no data",
                    (px, rect.1.end - 12),
                    text(font(14.0), &MUTED, HPos::Center, VPos::Bottom),
                ))?;
            }
        }
        if runs.is_empty() {
            common::no_data(root, rect.clone(), "No data")?;
        }
        let entries = vec![
            Entry::new(Swatch::ErrorBar(color), "Estimate with its 95 % interval"),
            Entry::new(Swatch::Band(color), "95 % interval, joined across values"),
        ];
        if !runs.is_empty() {
            let size = common::legend_size(&entries);
            let at = common::legend_corner(&rect, size, &covered);
            common::legend(root, at, &entries)?;
        }
        if layout.every > 1 {
            common::footnote(
                root,
                &format!("Every {}th value of {} labelled.", layout.every, self.key),
            )?;
        }
        Ok(())
    }
}

/// Two swept keys: a heat map of the outcome.
pub(super) struct SweepHeatmap<'a> {
    pub key_x: &'a str,
    pub xs: &'a [String],
    pub key_y: &'a str,
    pub ys: &'a [String],
    pub grid: &'a [Vec<f64>],
    pub outcome: &'a str,
    pub title: &'a str,
}

impl Figure for SweepHeatmap<'_> {
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> anyhow::Result<()>
    where
        DB::ErrorType: 'static,
    {
        let area = common::frame(
            root,
            &format!(
                "{} by {} and {}",
                outcome_name(self.outcome),
                self.key_x,
                self.key_y
            ),
            self.title,
        )?;
        let (aw, ah) = area.dim_in_pixel();
        let bar_w = 190;
        let (main, side) = area.split_horizontally(aw.saturating_sub(bar_w));
        let values: Vec<f64> = self
            .grid
            .iter()
            .flatten()
            .copied()
            .filter(|v| v.is_finite())
            .collect();
        // A probability keeps the full 0-1 scale, so small differences do not look large.
        let probability = self.outcome.starts_with("P(");
        let (vmin, vmax) = match (
            values.iter().copied().reduce(f64::min),
            values.iter().copied().reduce(f64::max),
        ) {
            _ if probability => (0.0, 1.0),
            (Some(a), Some(b)) if b > a => (a, b),
            (Some(a), Some(_)) => {
                let pad = if a.abs() > 0.0 { a.abs() * 0.05 } else { 0.5 };
                (a - pad, a + pad)
            }
            _ => (0.0, 1.0),
        };
        let ylayout = category_labels(self.ys, ah.saturating_sub(170), false);
        let left = (ylayout.depth + 50).clamp(90, 330);
        let (mw, _) = main.dim_in_pixel();
        let (x, xlayout) = category_axis(self.xs, mw.saturating_sub(left + 40));
        let ny = self.ys.len();
        let y = Axis {
            lo: -0.5,
            hi: ny.max(1) as f64 - 0.5,
            ticks: (0..ny)
                .filter(|i| i % ylayout.every == 0)
                .map(|i| i as f64)
                .collect(),
        };
        let areas = Areas {
            left,
            bottom: if xlayout.rotate {
                xlayout.depth + 50
            } else {
                70
            },
            right: 20,
            ..Areas::default()
        };
        let mut c = chart::build(&main, &x, &y, areas)?;
        let (xl, yl) = (xlayout.labels.clone(), ylayout.labels.clone());
        let (x_fmt, y_fmt) = (category_fmt(&xl), category_fmt(&yl));
        chart::mesh(
            root,
            &mut c,
            &Mesh {
                x_desc: self.key_x,
                y_desc: self.key_y,
                x_fmt: &x_fmt,
                y_fmt: &y_fmt,
                x_grid: false,
                y_grid: false,
                rotate_x: xlayout.rotate,
            },
        )?;
        let scale = |v: f64| viridis((v - vmin) / (vmax - vmin));
        let rect = chart::plot_rect(&c);
        let nx = self.xs.len();
        let cell_w = (rect.0.end - rect.0.start) as f64 / nx.max(1) as f64;
        let cell_h = (rect.1.end - rect.1.start) as f64 / ny.max(1) as f64;
        // Values in the cells: all of them, in the largest font in which all fit, or none.
        let decimals = decimals_for((vmax - vmin) / 20.0);
        let dates = is_date_outcome(self.outcome);
        let label_of = |v: f64| {
            if v.is_finite() && dates {
                date_label(day_of(v))
            } else if v.is_finite() {
                fixed(v, decimals)
            } else {
                "n/a".to_string()
            }
        };
        let widest = self
            .grid
            .iter()
            .flatten()
            .map(|v| label_of(*v))
            .max_by_key(|l| l.chars().count())
            .unwrap_or_default();
        let fsize = [18.0, 16.0, 14.0, 12.0, 11.0].into_iter().find(|sz: &f64| {
            f64::from(text_width(&font(*sz), &widest)) + 8.0 < cell_w && sz * 1.4 < cell_h
        });
        let mut any_missing = false;
        for (iy, row) in self.grid.iter().enumerate() {
            for (ix, v) in row.iter().enumerate() {
                let (x0, y0) = (ix as f64 - 0.5, iy as f64 - 0.5);
                let fill = if v.is_finite() { scale(*v) } else { SHADE };
                any_missing |= !v.is_finite();
                c.draw_series([
                    Rectangle::new([(x0, y0), (x0 + 1.0, y0 + 1.0)], fill.filled()),
                    Rectangle::new([(x0, y0), (x0 + 1.0, y0 + 1.0)], WHITE.stroke_width(1)),
                ])?;
                if let Some(fsize) = fsize {
                    let (f, label) = (font(fsize), label_of(*v));
                    let ink = if v.is_finite() && is_dark(fill) {
                        WHITE
                    } else {
                        INK
                    };
                    let (px, py) = c.backend_coord(&(ix as f64, iy as f64));
                    root.draw(&Text::new(
                        label,
                        (px, py),
                        text(f, &ink, HPos::Center, VPos::Center),
                    ))?;
                }
            }
        }
        if values.is_empty() {
            common::no_data(root, rect.clone(), "No data")?;
        }

        // The colour bar, on the outcome's scale.
        let (sw, _) = side.dim_in_pixel();
        let label_font = font(15.0);
        let (sx, sy) = {
            let (xr, yr) = side.get_pixel_range();
            (xr.start, yr.start)
        };
        let lines = wrap(
            &label_font,
            &outcome_name(self.outcome),
            sw.saturating_sub(20),
            3,
        );
        let title_h = 20 * lines.len() as u32;
        for (k, line) in lines.into_iter().enumerate() {
            root.draw(&Text::new(
                line,
                (sx + 10, sy + 4 + 20 * k as i32),
                text(label_font.clone(), &INK, HPos::Left, VPos::Top),
            ))?;
        }
        let mut bar_axis = value_axis(vmin, vmax, dates, ah.saturating_sub(200));
        // The colour bar spans the values exactly: the colours are scaled to them.
        bar_axis.lo = vmin;
        bar_axis.hi = vmax;
        let bar_x = Axis {
            lo: 0.0,
            hi: 1.0,
            ticks: Vec::new(),
        };
        let bar_areas = Areas {
            left: 0,
            right_labels: 80,
            bottom: 70,
            top: title_h + 18,
            right: 20,
        };
        let bar_area = side.margin(0, 0, 10, 0);
        let mut bc = chart::build(&bar_area, &bar_x, &bar_axis, bar_areas)?;
        let bar_fmt = value_fmt(&bar_axis, dates);
        chart::mesh(
            root,
            &mut bc,
            &Mesh {
                x_desc: "",
                y_desc: "",
                x_fmt: &|_| String::new(),
                y_fmt: &bar_fmt,
                x_grid: false,
                y_grid: false,
                rotate_x: false,
            },
        )?;
        let steps = 120;
        bc.draw_series((0..steps).map(|k| {
            let a = vmin + (vmax - vmin) * k as f64 / steps as f64;
            let b = vmin + (vmax - vmin) * (k + 1) as f64 / steps as f64;
            Rectangle::new([(0.0, a), (1.0, b)], scale((a + b) / 2.0).filled())
        }))?;
        bc.draw_series(std::iter::once(Rectangle::new(
            [(0.0, vmin), (1.0, vmax)],
            INK.stroke_width(1),
        )))?;
        if any_missing {
            let (xr, yr) = chart::plot_rect(&bc);
            let (x0, y0) = (xr.start, yr.end + 16);
            root.draw(&Rectangle::new(
                [(x0, y0), (x0 + 22, y0 + 18)],
                SHADE.filled(),
            ))?;
            root.draw(&Rectangle::new(
                [(x0, y0), (x0 + 22, y0 + 18)],
                MUTED.stroke_width(1),
            ))?;
            root.draw(&Text::new(
                "no data",
                (x0 + 30, y0 + 9),
                text(font(15.0), &INK, HPos::Left, VPos::Center),
            ))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_outcomes_are_named_as_dates() {
        assert_eq!(
            outcome_name("median acceptance [days after 1945-06-01]"),
            "median acceptance (Tokyo date)"
        );
        assert_eq!(outcome_name("P(x)"), "P(x)");
    }
}
