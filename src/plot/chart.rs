//! One kind of chart for every figure: two `f64` axes whose ticks the figure chooses, so
//! dates, categories and margins label the same way.

use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::{GRID, INK, decimals_for, decimals_of_step, font, num, text};

/// The chart every figure draws on.
pub(super) type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<Ticked, Ticked>>;

/// A linear `f64` coordinate with ticks chosen by the figure (plotters'
/// `WithKeyPoints<RangedCoordf64>` cannot take a label formatter).
#[derive(Debug, Clone)]
pub(super) struct Ticked {
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let span = limit.1 - limit.0;
        let t = (*v - self.lo) / (self.hi - self.lo);
        if !t.is_finite() || span == 0 {
            return limit.0;
        }
        // Keep far-off values near the area, so nothing wraps around.
        let t = t.clamp(-1.0, 2.0);
        if span > 0 {
            limit.0 + (span as f64 * t + 1e-3).floor() as i32
        } else {
            limit.0 + (span as f64 * t - 1e-3).ceil() as i32
        }
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}

/// An axis: its range and where its ticks go.
#[derive(Debug, Clone)]
pub(super) struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub ticks: Vec<f64>,
}

impl Axis {
    /// A numeric axis over `[lo, hi]` with about `max` round ticks.
    pub fn numeric(lo: f64, hi: f64, max: usize) -> Axis {
        Axis {
            lo,
            hi,
            ticks: nice_ticks(lo, hi, max),
        }
    }

    /// The decimals that write every tick exactly.
    pub fn decimals(&self) -> usize {
        match self.ticks.as_slice() {
            [a, b, ..] => decimals_of_step(b - a),
            _ => decimals_for((self.hi - self.lo) / 10.0),
        }
    }
}

/// Round ticks (1, 2 or 5 times a power of ten apart) in `[lo, hi]`, at most `max`.
pub(super) fn nice_ticks(lo: f64, hi: f64, max: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return Vec::new();
    }
    let max = max.max(2) as f64;
    let raw = (hi - lo) / max;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| (hi - lo) / s <= max)
        .unwrap_or(10.0 * mag);
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    (first..=last).map(|k| k as f64 * step).collect()
}

/// Label areas [px]: left (y labels), bottom (x labels), right (right y labels).
#[derive(Debug, Clone, Copy)]
pub(super) struct Areas {
    pub left: u32,
    pub bottom: u32,
    pub right_labels: u32,
    pub top: u32,
    pub right: u32,
}

impl Default for Areas {
    fn default() -> Self {
        Areas {
            left: 90,
            bottom: 70,
            right_labels: 0,
            top: 10,
            right: 30,
        }
    }
}

/// Builds a chart on `area`.
pub(super) fn build<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    x: &Axis,
    y: &Axis,
    areas: Areas,
) -> anyhow::Result<Chart<'a, DB>>
where
    DB::ErrorType: 'static,
{
    let (x_lo, x_hi) = safe_range(x.lo, x.hi);
    let (y_lo, y_hi) = safe_range(y.lo, y.hi);
    let chart = ChartBuilder::on(area)
        .margin_top(areas.top)
        .margin_right(areas.right)
        .margin_left(10)
        .margin_bottom(14)
        .x_label_area_size(areas.bottom)
        .y_label_area_size(areas.left)
        .right_y_label_area_size(areas.right_labels)
        .build_cartesian_2d(
            Ticked {
                lo: x_lo,
                hi: x_hi,
                ticks: x
                    .ticks
                    .iter()
                    .copied()
                    .filter(|t| (x_lo..=x_hi).contains(t))
                    .collect(),
            },
            Ticked {
                lo: y_lo,
                hi: y_hi,
                ticks: y
                    .ticks
                    .iter()
                    .copied()
                    .filter(|t| (y_lo..=y_hi).contains(t))
                    .collect(),
            },
        )?;
    Ok(chart)
}

fn safe_range(lo: f64, hi: f64) -> (f64, f64) {
    match (lo.is_finite(), hi.is_finite()) {
        (true, true) if hi > lo => (lo, hi),
        (true, true) => (lo - 0.5, lo + 0.5),
        _ => (0.0, 1.0),
    }
}

/// How a chart's mesh is drawn.
pub(super) struct Mesh<'f> {
    pub x_desc: &'f str,
    pub y_desc: &'f str,
    pub x_fmt: &'f dyn Fn(&f64) -> String,
    pub y_fmt: &'f dyn Fn(&f64) -> String,
    /// Vertical grid lines at the x ticks.
    pub x_grid: bool,
    /// Horizontal grid lines at the y ticks.
    pub y_grid: bool,
    /// Set the x labels vertically.
    pub rotate_x: bool,
}

/// Draws the axes, ticks, labels and grid (on `root`, the whole figure, the x labels when
/// they are set vertically: plotters would centre them on the axis).
pub(super) fn mesh<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &mut Chart<'_, DB>,
    m: &Mesh<'_>,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let label = text(font(16.0), &INK, HPos::Center, VPos::Top);
    let blank = |_: &f64| String::new();
    let mut mesh = chart.configure_mesh();
    mesh.bold_line_style(GRID.stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(INK.stroke_width(1))
        .label_style(label)
        .axis_desc_style(font(18.0).color(&INK))
        .x_label_formatter(if m.rotate_x { &blank } else { m.x_fmt })
        .y_label_formatter(m.y_fmt)
        .x_desc(m.x_desc)
        .y_desc(m.y_desc)
        .set_all_tick_mark_size(5);
    if !m.x_grid {
        mesh.disable_x_mesh();
    }
    if !m.y_grid {
        mesh.disable_y_mesh();
    }
    mesh.draw()?;
    if m.rotate_x {
        let spec = chart.as_coord_spec().x_spec();
        let y0 = chart.y_range().start;
        let style = font(16.0)
            .transform(FontTransform::Rotate270)
            .color(&INK)
            .pos(plotters::style::text_anchor::Pos::new(
                HPos::Right,
                VPos::Center,
            ));
        for t in &spec.ticks {
            let (px, py) = chart.backend_coord(&(*t, y0));
            root.draw(&Text::new((m.x_fmt)(t), (px, py + 10), style.clone()))?;
        }
    }
    Ok(())
}

/// A formatter for a numeric axis.
pub(super) fn number_fmt(axis: &Axis) -> impl Fn(&f64) -> String + use<> {
    let d = axis.decimals();
    move |v: &f64| num(*v, d)
}

/// The plotting rectangle of a chart (absolute pixels).
pub(super) fn plot_rect<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
) -> (std::ops::Range<i32>, std::ops::Range<i32>) {
    chart.plotting_area().get_pixel_range()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks_are_round() {
        assert_eq!(
            nice_ticks(0.0, 100.0, 10),
            (0..=10).map(|k| k as f64 * 10.0).collect::<Vec<_>>()
        );
        let t = nice_ticks(0.0, 0.37, 8);
        assert!(t.len() <= 9 && t.len() >= 4, "{t:?}");
        assert!(nice_ticks(1.0, 1.0, 5).is_empty());
    }
}
