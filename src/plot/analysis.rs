//! Figures of analyses across parameters and interpretations: sensitivity indices as a
//! tornado of bars, Morris screening as μ* against σ, and historians' views as dot plots of
//! one outcome per scenario.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::Figure;
use super::chart::{self, Areas, Axis, Mesh};
use super::common::{
    self, Dash, Entry, GRID, INK, MUTED, NEUTRAL, SHADE, Swatch, category_labels, count,
    date_label, date_ticks, day_of, decimals_for, fit, font, okabe_ito as oi, share_axis_top, text,
    text_width, widen, wrap,
};
use super::summary::sample_path;
use crate::summary::METRICS;

use super::common::SERIES_COLORS as COLORS;

/// Marker shapes, in order: with the colours, two views never look alike, even in grey.
const MARKERS: [Marker; 8] = [
    Marker::Circle,
    Marker::Square,
    Marker::TriangleUp,
    Marker::Diamond,
    Marker::TriangleDown,
    Marker::Star,
    Marker::Hexagon,
    Marker::Pentagon,
];

/// The file stem `<prefix>_<outcome>`, with anything but letters, digits, `-`, `_` and `.`
/// in the outcome replaced by `_`.
pub(super) fn stem(prefix: &str, outcome: &str) -> String {
    let clean: String = outcome
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{prefix}_{clean}")
}

/// An outcome's name and unit: a sweep metric's description split into its name and the
/// unit in brackets ("median acceptance date", "days"), or the outcome as given (an
/// identifier in words: "acceptance_date" is "acceptance date").
fn outcome_parts(outcome: &str) -> (String, Option<String>) {
    let desc = METRICS
        .iter()
        .find(|(k, _)| *k == outcome)
        .map_or(outcome, |(_, d)| *d);
    match (desc.find('['), desc.rfind(']')) {
        (Some(a), Some(b)) if a < b => {
            let inner = &desc[a + 1..b];
            let unit = inner
                .split(" after ")
                .next()
                .and_then(|u| u.split(" since ").next())
                .unwrap_or(inner)
                .trim()
                .to_string();
            let name = format!("{}{}", &desc[..a], &desc[b + 1..])
                .trim()
                .to_string();
            // Days since the epoch are a date; differences of them are days.
            let name = if inner.contains("1945-06-01") {
                format!("{name} date")
            } else {
                name
            };
            (name, (!unit.is_empty()).then_some(unit))
        }
        // An identifier (`acceptance_date`) is written as words.
        _ if !desc.is_empty()
            && desc
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') =>
        {
            (desc.replace('_', " ").trim().to_string(), None)
        }
        _ => (desc.to_string(), None),
    }
}

/// `c` blended towards white by `t` in [0, 1].
fn lighten(c: RGBColor, t: f64) -> RGBColor {
    let f = |v: u8| {
        (f64::from(v) + (255.0 - f64::from(v)) * t)
            .round()
            .clamp(0.0, 255.0) as u8
    };
    RGBColor(f(c.0), f(c.1), f(c.2))
}

/// A finite value, or `None`.
fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

/// The smallest and largest of `vals`, if any.
fn extent(vals: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    vals.filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((a, b)) => Some((f64::min(a, v), f64::max(b, v))),
        })
}

/// A horizontal 95 % whisker between absolute pixel positions `left` and `right` at
/// height `y`, with caps `cap` px tall.
fn hwhisker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    y: i32,
    left: i32,
    right: i32,
    cap: i32,
    color: RGBColor,
    width: u32,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let style = color.stroke_width(width);
    root.draw(&PathElement::new(vec![(left, y), (right, y)], style))?;
    for x in [left, right] {
        root.draw(&PathElement::new(
            vec![(x, y - cap / 2), (x, y + cap / 2)],
            style,
        ))?;
    }
    Ok(())
}

/// The formatter of a categorical y axis whose category `i` sits at `n - 1 - i` (the first
/// category at the top).
fn rows_fmt(labels: &[String]) -> impl Fn(&f64) -> String + '_ {
    move |v: &f64| {
        let i = labels.len() as f64 - 1.0 - v.round();
        if i >= 0.0 {
            labels.get(i as usize).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    }
}

/// A categorical y axis of `n` rows, the first at the top, labelled every `every` rows.
fn rows_axis(n: usize, every: usize) -> Axis {
    Axis {
        lo: -0.5,
        hi: n.max(1) as f64 - 0.5,
        ticks: (0..n)
            .filter(|i| i % every.max(1) == 0)
            .map(|i| (n - 1 - i) as f64)
            .collect(),
    }
}

/// A box in absolute pixels: (left, top, right, bottom).
type PxBox = (i32, i32, i32, i32);

fn overlap(a: PxBox, b: PxBox) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

fn inside(a: PxBox, outer: PxBox) -> bool {
    a.0 >= outer.0 && a.1 >= outer.1 && a.2 <= outer.2 && a.3 <= outer.3
}

/// An estimate with its 95 % interval: (estimate, low, high).
pub(super) type Estimate = (f64, f64, f64);

/// Sensitivity indices per parameter as horizontal bars, the most important at the top.
pub(super) struct SensitivityBars<'a> {
    pub outcome: &'a str,
    pub series: &'a [&'a str],
    pub rows: &'a [(String, Vec<Estimate>)],
    pub max_rows: usize,
    pub title: &'a str,
}

impl Figure for SensitivityBars<'_> {
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> anyhow::Result<()>
    where
        DB::ErrorType: 'static,
    {
        let (name, _) = outcome_parts(self.outcome);
        let area = common::frame(
            root,
            &format!("Which parameters matter for {name}"),
            self.title,
        )?;
        let rows = self.rows;
        let m = self.series.len();
        let value = |r: usize, k: usize| -> Option<(f64, f64, f64)> {
            rows.get(r)
                .and_then(|row| row.1.get(k))
                .copied()
                .filter(|v| v.0.is_finite())
        };
        // The most important first: by the first series' estimate, those without one last.
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by(|a, b| match (value(*a, 0), value(*b, 0)) {
            (Some(x), Some(y)) => y.0.total_cmp(&x.0),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        let areas = Areas::default();
        let (aw, ah) = area.dim_in_pixel();
        let plot_h = ah.saturating_sub(areas.bottom + areas.top + 14);
        // As many rows as the figure holds with every key written (rows of 23 px or more).
        let fits = (plot_h / 23).max(1) as usize;
        let n = order.len().min(self.max_rows.max(1)).min(fits);
        let shown = &order[..n];
        let omitted = order.len() - n;
        let keys: Vec<String> = shown.iter().map(|i| rows[*i].0.clone()).collect();
        let layout = category_labels(&keys, plot_h, false);
        let left = (layout.depth + 30).clamp(90, 330);
        // Each row's band, split between the series, the first on top; bars at most 24 px.
        let band = 0.8;
        let thick = band / m.max(1) as f64;
        let bar_px = ((f64::from(plot_h) / n.max(1) as f64 * thick * 0.82) as i32).min(24);
        let write_values = bar_px >= 10;
        let label_font = font(if bar_px >= 14 { 14.0 } else { 13.0 });

        let (xmin, xmax) = extent(
            shown
                .iter()
                .flat_map(|r| (0..m).filter_map(move |k| value(*r, k)))
                .flat_map(|(e, lo, hi)| [e, lo, hi]),
        )
        .map_or((0.0, 1.0), |(a, b)| (a.min(0.0), b.max(0.0)));
        let span = if xmax > xmin { xmax - xmin } else { 1.0 };
        let xmin = if xmin < 0.0 { xmin - 0.03 * span } else { xmin };
        // Room on the right for the values written beside the bars.
        let pad = if write_values { 0.12 } else { 0.03 };
        let xmax = xmax.max(xmin + span) + pad * span;
        let x = Axis::numeric(xmin, xmax, ((aw.saturating_sub(left) / 90) as usize).max(3));
        let y = rows_axis(n, layout.every);
        let mut c = chart::build(&area, &x, &y, Areas { left, ..areas })?;
        let labels = layout.labels.clone();
        let y_fmt = rows_fmt(&labels);
        let x_fmt = chart::number_fmt(&x);
        chart::mesh(
            root,
            &mut c,
            &Mesh {
                x_desc: &format!("Sensitivity index of {name}"),
                y_desc: "",
                x_fmt: &x_fmt,
                y_fmt: &y_fmt,
                x_grid: true,
                y_grid: false,
                rotate_x: false,
            },
        )?;
        let rect = chart::plot_rect(&c);
        if xmin < 0.0 {
            c.draw_series(std::iter::once(PathElement::new(
                vec![(0.0, -0.5), (0.0, n.max(1) as f64 - 0.5)],
                INK.stroke_width(1),
            )))?;
        }
        let decimals = decimals_for(span / 50.0).min(4);
        let mut covered: Vec<(i32, i32)> = Vec::new();
        let mut any = false;
        for (j, r) in shown.iter().enumerate() {
            let yj = (n - 1 - j) as f64;
            for k in 0..m {
                let col = COLORS[k % COLORS.len()];
                let yc = yj + band / 2.0 - thick * (k as f64 + 0.5);
                let (_, py) = c.backend_coord(&(0.0, yc));
                let (x0, _) = c.backend_coord(&(0.0, yc));
                let Some((e, lo, hi)) = value(*r, k) else {
                    root.draw(&Text::new(
                        "n/a",
                        (x0 + 6, py),
                        text(label_font.clone(), &MUTED, HPos::Left, VPos::Center),
                    ))?;
                    covered.push((x0 + 6, py));
                    covered.push((x0 + 30, py));
                    continue;
                };
                any = true;
                let (px, _) = c.backend_coord(&(e, yc));
                let half = (bar_px / 2).max(1);
                root.draw(&Rectangle::new(
                    [
                        (x0.min(px), py - half),
                        (x0.max(px).max(x0.min(px) + 1), py + half),
                    ],
                    col.filled(),
                ))?;
                covered.extend(sample_path(&c, &[(0.0, yc), (e, yc)]));
                let mut end = px.max(x0);
                if let (Some(lo), Some(hi)) = (finite(lo), finite(hi)) {
                    let (l, _) = c.backend_coord(&(lo.min(hi), yc));
                    let (h, _) = c.backend_coord(&(lo.max(hi), yc));
                    let cap = (bar_px + 2).clamp(6, 14);
                    hwhisker(root, py, l, h, cap, INK, if bar_px >= 10 { 2 } else { 1 })?;
                    covered.extend(sample_path(&c, &[(lo, yc), (hi, yc)]));
                    end = end.max(h);
                }
                if write_values {
                    let label = common::fixed(e, decimals);
                    let w = text_width(&label_font, &label) as i32;
                    root.draw(&Text::new(
                        label,
                        (end + 5, py),
                        text(label_font.clone(), &INK, HPos::Left, VPos::Center),
                    ))?;
                    covered.push((end + 5 + w, py));
                }
                covered.push((end, py));
            }
        }
        if rows.is_empty() {
            common::no_data(root, rect.clone(), "No data: no parameters")?;
        } else if m == 0 {
            common::no_data(root, rect.clone(), "No data: no indices")?;
        } else if !any {
            common::no_data(root, rect.clone(), "No estimates (all n/a)")?;
        }
        if any {
            let mut entries: Vec<Entry> = self
                .series
                .iter()
                .enumerate()
                .map(|(k, s)| Entry::new(Swatch::Box(COLORS[k % COLORS.len()]), *s))
                .collect();
            entries.push(Entry::new(Swatch::ErrorBar(INK), "95 % interval"));
            let size = common::legend_size(&entries);
            let at = common::legend_corner(&rect, size, &covered);
            common::legend(root, at, &entries)?;
        }
        let first = self.series.first().copied().unwrap_or("the first index");
        let mut note = format!(
            "Sorted by {first}; bars: estimates; whiskers: 95 % intervals; n/a: no estimate."
        );
        if omitted > 0 {
            note.push_str(&format!(
                " Not shown: {omitted} of {} parameters, with smaller {first}.",
                count(order.len() as u64)
            ));
        }
        common::footnote(root, &note)?;
        Ok(())
    }
}

/// Morris screening: μ* against σ, one labelled point per parameter.
pub(super) struct MorrisScatter<'a> {
    pub outcome: &'a str,
    pub points: &'a [(String, f64, f64, f64, f64)],
    pub title: &'a str,
}

/// How many of the largest μ* are named.
const MORRIS_LABELS: usize = 12;

impl Figure for MorrisScatter<'_> {
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> anyhow::Result<()>
    where
        DB::ErrorType: 'static,
    {
        let (name, unit) = outcome_parts(self.outcome);
        let area = common::frame(root, &format!("Morris screening of {name}"), self.title)?;
        let mut pts: Vec<&(String, f64, f64, f64, f64)> = self
            .points
            .iter()
            .filter(|p| p.1.is_finite() && p.4.is_finite())
            .collect();
        pts.sort_by(|a, b| b.1.total_cmp(&a.1));
        let missing = self.points.len() - pts.len();
        let (x0, x1) = extent(pts.iter().flat_map(|p| [p.1, p.2, p.3]))
            .map_or((0.0, 1.0), |(a, b)| (a.min(0.0), b.max(0.0)));
        let (y0, y1) =
            extent(pts.iter().map(|p| p.4)).map_or((0.0, 1.0), |(a, b)| (a.min(0.0), b.max(0.0)));
        let x1 = if x1 > x0 {
            x1 + 0.1 * (x1 - x0)
        } else {
            x0 + 1.0
        };
        let y1 = if y1 > y0 {
            y1 + 0.12 * (y1 - y0)
        } else {
            y0 + 1.0
        };
        let x = Axis::numeric(x0, x1, 10);
        let y = Axis::numeric(y0, y1, 8);
        let unit = unit.map(|u| format!(" [{u}]")).unwrap_or_default();
        let mut c = chart::build(&area, &x, &y, Areas::default())?;
        let (x_fmt, y_fmt) = (chart::number_fmt(&x), chart::number_fmt(&y));
        chart::mesh(
            root,
            &mut c,
            &Mesh {
                x_desc: &format!("μ*: mean absolute elementary effect{unit}"),
                y_desc: &format!("σ: standard deviation of the elementary effects{unit}"),
                x_fmt: &x_fmt,
                y_fmt: &y_fmt,
                x_grid: true,
                y_grid: true,
                rotate_x: false,
            },
        )?;
        let rect = chart::plot_rect(&c);
        let bounds: PxBox = (rect.0.start, rect.1.start, rect.0.end, rect.1.end);
        let color = oi::BLUE;
        let r = 6;

        // Where everything goes, in pixels, before anything is drawn over the mesh.
        let px: Vec<(i32, i32)> = pts.iter().map(|p| c.backend_coord(&(p.1, p.4))).collect();
        let whiskers: Vec<Option<(i32, i32, i32)>> = pts
            .iter()
            .zip(&px)
            .map(|(p, (_, cy))| match (finite(p.2), finite(p.3)) {
                (Some(lo), Some(hi)) => {
                    let (l, _) = c.backend_coord(&(lo.min(hi), p.4));
                    let (h, _) = c.backend_coord(&(lo.max(hi), p.4));
                    Some((l, h, *cy))
                }
                _ => None,
            })
            .collect();
        let marker_boxes: Vec<PxBox> = px
            .iter()
            .map(|(x, y)| (x - r - 1, y - r - 1, x + r + 1, y + r + 1))
            .collect();
        let whisker_boxes: Vec<PxBox> = whiskers
            .iter()
            .flatten()
            .map(|(l, h, y)| (*l - 1, y - 5, *h + 1, y + 5))
            .collect();
        let mut covered: Vec<(i32, i32)> = px.clone();
        for (l, h, y) in whiskers.iter().flatten() {
            covered.extend((0..=((h - l) / 8).max(1)).map(|k| ((l + 8 * k).min(*h), *y)));
        }

        // The ratio lines, faint, each named on its side of it: the box of a label above
        // a rising line has its lower right corner on the line, that of one below its
        // upper left corner, so the line never crosses the text.
        let note_font = font(14.0);
        let mut line_points: Vec<PxBox> = Vec::new();
        let mut line_labels: Vec<(String, PxBox)> = Vec::new();
        for (k, words, above) in [
            (0.5, "σ/μ* = 0.5: above, non-linear or interacting", true),
            (0.1, "σ/μ* = 0.1: below, linear", false),
        ] {
            let (ex, ey) = if k * x1 <= y1 {
                (x1, k * x1)
            } else {
                (y1 / k, y1)
            };
            let line = vec![(0.0, 0.0), (ex, ey)];
            c.draw_series(DashedLineSeries::new(
                line.iter().copied(),
                8,
                6,
                NEUTRAL.stroke_width(2),
            ))?;
            let samples = sample_path(&c, &line);
            covered.extend(samples.iter().copied());
            line_points.extend(samples.iter().map(|(x, y)| (x - 2, y - 2, x + 2, y + 2)));
            let (w, h) = (text_width(&note_font, words) as i32 + 4, 18);
            let (a, b) = (c.backend_coord(&(0.0, 0.0)), c.backend_coord(&(ex, ey)));
            let best = (0..=16)
                .map(|i| {
                    let t = 1.0 - 0.05 * i as f64;
                    let lx = a.0 + ((b.0 - a.0) as f64 * t) as i32;
                    let ly = a.1 + ((b.1 - a.1) as f64 * t) as i32;
                    let bx = if above {
                        (lx - 3 - w, ly - 3 - h, lx - 3, ly - 3)
                    } else {
                        (lx + 3, ly + 3, lx + 3 + w, ly + 3 + h)
                    };
                    let hits = marker_boxes
                        .iter()
                        .chain(&whisker_boxes)
                        .chain(line_labels.iter().map(|l| &l.1))
                        .filter(|m| overlap(bx, **m))
                        .count();
                    let score = if inside(bx, bounds) { 0 } else { 1_000_000 } + 100 * hits + i;
                    (score, bx)
                })
                .min_by_key(|(score, _)| *score);
            if let Some((_, bx)) = best.filter(|(score, _)| *score < 1_000_000) {
                line_labels.push((words.to_string(), bx));
            }
        }
        for (words, bx) in &line_labels {
            root.draw(&Text::new(
                words.clone(),
                (bx.0 + 2, (bx.1 + bx.3) / 2),
                text(note_font.clone(), &MUTED, HPos::Left, VPos::Center),
            ))?;
            covered.extend([(bx.0, bx.1), (bx.2, bx.1), (bx.0, bx.3), (bx.2, bx.3)]);
        }

        // Whiskers, then the points on top.
        for (l, h, y) in whiskers.iter().flatten() {
            hwhisker(root, *y, *l, *h, 10, lighten(color, 0.45), 2)?;
        }
        for (cx, cy) in &px {
            root.draw(&Circle::new((*cx, *cy), r, color.mix(0.8).filled()))?;
            root.draw(&Circle::new((*cx, *cy), r, WHITE.stroke_width(1)))?;
        }

        let entries = vec![
            Entry::new(Swatch::Disc(color), "A parameter (the largest μ* named)"),
            Entry::new(
                Swatch::Line(NEUTRAL, 2, Dash::Dashed(8, 6)),
                "σ/μ* = 0.1 and 0.5",
            ),
        ];
        let size = common::legend_size(&entries);
        let at = common::legend_corner(&rect, size, &covered);
        let mut hard: Vec<PxBox> = line_labels.iter().map(|l| l.1).collect();
        if !pts.is_empty() {
            common::legend(root, at, &entries)?;
            hard.push((at.0, at.1, at.0 + size.0, at.1 + size.1));
        }

        // Names of the largest μ*, each where it hides least; none where it would hide
        // another name.
        let label_font = font(15.0);
        let names: Vec<(String, (i32, i32))> = pts
            .iter()
            .zip(&px)
            .take(MORRIS_LABELS)
            .map(|(p, at)| (p.0.clone(), *at))
            .collect();
        let soft = [
            (&marker_boxes[..], 200),
            (&whisker_boxes[..], 150),
            (&line_points[..], 15),
        ];
        // A name pointing into a thick cluster of markers would not tell which is meant.
        let crowded = |(x, y): (i32, i32)| {
            px.iter()
                .filter(|(ox, oy)| (ox - x).pow(2) + (oy - y).pow(2) <= 14 * 14)
                .count()
                > 3
        };
        let names: Vec<(String, (i32, i32))> =
            names.into_iter().filter(|(_, at)| !crowded(*at)).collect();
        let placed = place_labels(&names, &hard, &soft, bounds, &label_font);
        let mut unnamed = pts.len().min(MORRIS_LABELS) - names.len();
        for ((label, (cx, cy)), place) in names.iter().zip(placed) {
            let Some((b, leader)) = place else {
                unnamed += 1;
                continue;
            };
            if leader {
                // From the marker's edge to the nearest point of the label's box.
                let (nx, ny) = ((*cx).clamp(b.0, b.2), (*cy).clamp(b.1, b.3));
                let (dx, dy) = (f64::from(nx - cx), f64::from(ny - cy));
                let d = (dx * dx + dy * dy).sqrt().max(1.0);
                let start = (
                    cx + (f64::from(r + 1) * dx / d) as i32,
                    cy + (f64::from(r + 1) * dy / d) as i32,
                );
                root.draw(&PathElement::new(
                    vec![start, (nx, ny)],
                    MUTED.stroke_width(1),
                ))?;
            }
            // A translucent white ground keeps a name legible over a whisker or grid line.
            root.draw(&Rectangle::new(
                [(b.0, b.1 + 1), (b.2, b.3 - 1)],
                WHITE.mix(0.8).filled(),
            ))?;
            root.draw(&Text::new(
                label.clone(),
                (b.0 + 2, (b.1 + b.3) / 2),
                text(label_font.clone(), &INK, HPos::Left, VPos::Center),
            ))?;
        }

        if self.points.is_empty() {
            common::no_data(root, rect.clone(), "No data: no parameters")?;
        } else if pts.is_empty() {
            common::no_data(root, rect.clone(), "No estimates (all n/a)")?;
        }
        let mut note = "Whiskers: 95 % bootstrap intervals of μ*.".to_string();
        if missing > 0 {
            note.push_str(&format!(" Not shown: {missing} without an estimate."));
        }
        if unnamed > 0 {
            note.push_str(&format!(
                " Not named, for lack of room: {unnamed} of the {} largest μ*.",
                pts.len().min(MORRIS_LABELS)
            ));
        }
        common::footnote(root, &note)?;
        Ok(())
    }
}

/// Places each label `(text, marker)` beside its marker, in order, where it is clear of
/// the labels placed before and of the `hard` boxes, and covers least of the `soft` boxes
/// (each kind with its penalty), inside `bounds`: its box and whether it is off the marker
/// and needs a leader line, or `None` when no such place is clear.
fn place_labels(
    labels: &[(String, (i32, i32))],
    hard: &[PxBox],
    soft: &[(&[PxBox], i64)],
    bounds: PxBox,
    f: &FontDesc<'_>,
) -> Vec<Option<(PxBox, bool)>> {
    let h = (f.get_size() * 1.25) as i32;
    let mut placed: Vec<PxBox> = Vec::new();
    let mut out = Vec::new();
    for (label, (x, y)) in labels {
        let w = text_width(f, label) as i32 + 4;
        let mut best: Option<(i64, PxBox, bool)> = None;
        // Beside the marker, then further off with a leader line.
        for (ring, dist) in [0, 18, 36, 60, 90, 130].into_iter().enumerate() {
            let g = 9 + dist;
            let d = (g as f64 * std::f64::consts::FRAC_1_SQRT_2) as i32;
            let candidates = [
                (x + g, y - h / 2),
                (x - g - w, y - h / 2),
                (x + d, y - d - h),
                (x + d, y + d),
                (x - d - w, y - d - h),
                (x - d - w, y + d),
                (x - w / 2, y - g - h),
                (x - w / 2, y + g),
            ];
            for (i, (bx, by)) in candidates.into_iter().enumerate() {
                let b = (bx, by, bx + w, by + h);
                if !inside(b, bounds) || placed.iter().chain(hard).any(|p| overlap(b, *p)) {
                    continue;
                }
                // The leader line, as points 4 px apart beyond the marker: it may cross no
                // name, and counts half what it crosses.
                let (nx, ny) = ((*x).clamp(b.0, b.2), (*y).clamp(b.1, b.3));
                let len = f64::from((nx - x).pow(2) + (ny - y).pow(2)).sqrt();
                let leader: Vec<PxBox> = if ring > 0 {
                    (3..=(len / 4.0) as i32)
                        .map(|k| {
                            let t = 4.0 * f64::from(k) / len.max(1.0);
                            let lx = x + (f64::from(nx - x) * t) as i32;
                            let ly = y + (f64::from(ny - y) * t) as i32;
                            (lx - 1, ly - 1, lx + 1, ly + 1)
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                if leader
                    .iter()
                    .any(|l| placed.iter().chain(hard).any(|p| overlap(*l, *p)))
                {
                    continue;
                }
                let covers: i64 = soft
                    .iter()
                    .map(|(boxes, cost)| {
                        let by_box = boxes.iter().filter(|p| overlap(b, **p)).count() as i64;
                        let by_leader = boxes
                            .iter()
                            .filter(|p| leader.iter().any(|l| overlap(*l, **p)))
                            .count() as i64;
                        cost * by_box + cost / 2 * by_leader
                    })
                    .sum();
                let score = covers + 40 * ring as i64 + i as i64;
                if best.is_none_or(|(s, _, _)| score < s) {
                    best = Some((score, b, ring > 0));
                }
            }
        }
        out.push(best.map(|(_, b, leader)| {
            placed.push(b);
            (b, leader)
        }));
    }
    out
}

/// A marker shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Circle,
    Square,
    TriangleUp,
    Diamond,
    TriangleDown,
    Star,
    Hexagon,
    Pentagon,
}

/// The corners of a regular polygon of `n` sides of radius `r` about `(x, y)`, the first
/// at angle `start` (radians, clockwise from the right).
fn regular(n: usize, (x, y): (i32, i32), r: f64, start: f64) -> Vec<(i32, i32)> {
    (0..n)
        .map(|i| {
            let a = start + std::f64::consts::TAU * i as f64 / n as f64;
            (
                x + (r * a.cos()).round() as i32,
                y + (r * a.sin()).round() as i32,
            )
        })
        .collect()
}

/// Draws `marker` centred at `(x, y)` (absolute pixels), about `r` px in radius, filled
/// with `color` and outlined in white so that it stands out from lines under it.
fn draw_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    marker: Marker,
    (x, y): (i32, i32),
    r: f64,
    color: RGBColor,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, PI};
    let pts = match marker {
        Marker::Circle => {
            let r = r.round() as i32;
            root.draw(&Circle::new((x, y), r, color.filled()))?;
            root.draw(&Circle::new((x, y), r, WHITE.stroke_width(1)))?;
            return Ok(());
        }
        Marker::Square => regular(4, (x, y), r * 1.15, FRAC_PI_4),
        Marker::TriangleUp => regular(3, (x, y + 1), r * 1.35, -FRAC_PI_2),
        Marker::TriangleDown => regular(3, (x, y - 1), r * 1.35, FRAC_PI_2),
        Marker::Diamond => regular(4, (x, y), r * 1.3, 0.0),
        Marker::Hexagon => regular(6, (x, y), r * 1.1, 0.0),
        Marker::Pentagon => regular(5, (x, y), r * 1.15, -FRAC_PI_2),
        Marker::Star => (0..10)
            .map(|i| {
                let a = -FRAC_PI_2 + PI * i as f64 / 5.0;
                let rr = if i % 2 == 0 { r * 1.45 } else { r * 0.62 };
                (
                    x + (rr * a.cos()).round() as i32,
                    y + (rr * a.sin()).round() as i32,
                )
            })
            .collect(),
    };
    root.draw(&Polygon::new(pts.clone(), color.filled()))?;
    let mut outline = pts.clone();
    outline.extend(pts.first().copied());
    root.draw(&PathElement::new(outline, WHITE.stroke_width(1)))?;
    Ok(())
}

/// A legend of markers with whiskers, in the style of [`common::legend`]: each entry's
/// label wrapped to at most two lines `max_w` px wide. Returns the box drawn.
fn marker_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    entries: &[(Marker, RGBColor, String)],
    max_w: u32,
) -> anyhow::Result<PxBox>
where
    DB::ErrorType: 'static,
{
    let f = font(16.0);
    let swatch = 44;
    let lines: Vec<Vec<String>> = entries
        .iter()
        .map(|(_, _, l)| wrap(&f, l, max_w.saturating_sub(swatch as u32 + 24), 2))
        .collect();
    let text_w = lines
        .iter()
        .flatten()
        .map(|l| text_width(&f, l))
        .max()
        .unwrap_or(0) as i32;
    let (row, line) = (12, 20);
    let h: i32 = lines
        .iter()
        .map(|l| l.len().max(1) as i32 * line + row)
        .sum::<i32>()
        + 8;
    let w = swatch + 24 + text_w;
    root.draw(&Rectangle::new(
        [(x, y), (x + w, y + h)],
        WHITE.mix(0.92).filled(),
    ))?;
    root.draw(&Rectangle::new(
        [(x, y), (x + w, y + h)],
        NEUTRAL.stroke_width(1),
    ))?;
    let mut top = y + 4;
    for ((marker, color, _), ls) in entries.iter().zip(&lines) {
        let eh = ls.len().max(1) as i32 * line + row;
        let cy = top + eh / 2;
        let cx = x + 10 + swatch / 2;
        hwhisker(root, cy, cx - 16, cx + 16, 8, *color, 2)?;
        draw_marker(root, *marker, (cx, cy), 6.5, *color)?;
        let ty = cy - (ls.len() as i32 - 1) * line / 2;
        for (k, l) in ls.iter().enumerate() {
            root.draw(&Text::new(
                l.clone(),
                (x + swatch + 16, ty + k as i32 * line),
                text(f.clone(), &INK, HPos::Left, VPos::Center),
            ))?;
        }
        top += eh;
    }
    Ok((x, y, x + w, y + h))
}

/// Historians' views of one outcome: a dot per scenario and view.
pub(super) struct ViewsDots<'a> {
    pub outcome: &'a str,
    pub label: &'a str,
    pub scenarios: &'a [String],
    pub views: &'a [String],
    pub values: &'a [Vec<Option<Estimate>>],
    pub is_date: bool,
    pub is_share: bool,
    pub title: &'a str,
}

impl ViewsDots<'_> {
    /// The value of scenario `s` under view `v` on the axis's scale (% for shares).
    fn value(&self, s: usize, v: usize) -> Option<(f64, f64, f64)> {
        let scale = if self.is_share && !self.is_date {
            100.0
        } else {
            1.0
        };
        self.values
            .get(s)
            .and_then(|row| row.get(v))
            .copied()
            .flatten()
            .filter(|p| p.0.is_finite())
            .map(|(e, lo, hi)| (e * scale, lo * scale, hi * scale))
    }
}

impl Figure for ViewsDots<'_> {
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> anyhow::Result<()>
    where
        DB::ErrorType: 'static,
    {
        let label = if self.label.is_empty() {
            outcome_parts(self.outcome).0
        } else {
            self.label.to_string()
        };
        let area = common::frame(
            root,
            &format!("{label}: by scenario, under each historian's view"),
            self.title,
        )?;
        let (ns, nv) = (self.scenarios.len(), self.views.len());
        let share = self.is_share && !self.is_date;

        // The legend beside the plot, so it never hides a dot.
        let entries: Vec<(Marker, RGBColor, String)> = self
            .views
            .iter()
            .enumerate()
            .map(|(v, name)| {
                (
                    MARKERS[v % MARKERS.len()],
                    COLORS[v % COLORS.len()],
                    name.clone(),
                )
            })
            .collect();
        let (aw, ah) = area.dim_in_pixel();
        let legend_w = if entries.is_empty() {
            0
        } else {
            let f = font(16.0);
            let widest = entries
                .iter()
                .map(|e| text_width(&f, &e.2))
                .max()
                .unwrap_or(0);
            (widest + 80).clamp(180, 320)
        };
        let (main, side) = area.split_horizontally(aw.saturating_sub(legend_w));

        let all: Vec<(f64, f64, f64)> = (0..ns)
            .flat_map(|s| (0..nv).filter_map(move |v| self.value(s, v)))
            .collect();
        let (lo, hi) = extent(all.iter().flat_map(|p| [p.0, p.1, p.2])).unwrap_or(if share {
            (0.0, 100.0)
        } else if self.is_date {
            (61.0, 92.0)
        } else {
            (0.0, 1.0)
        });
        let min_span = if self.is_date {
            4.0
        } else if share {
            5.0
        } else if hi.abs().max(lo.abs()) > 0.0 {
            hi.abs().max(lo.abs()) * 0.1
        } else {
            1.0
        };
        let (lo, hi) = widen(lo, hi, min_span);
        let pad = (hi - lo) * 0.06;
        let (mut lo, mut hi) = (lo - pad, hi + pad);
        if share {
            // A share stays in [0, 100] %; near an end the axis runs to it.
            lo = if lo < 15.0 { 0.0 } else { lo.max(0.0) };
            hi = if hi > 85.0 {
                share_axis_top(hi).max(100.0)
            } else {
                hi.min(100.0)
            };
        }
        let ylayout = category_labels(self.scenarios, ah.saturating_sub(100), false);
        let left = (ylayout.depth + 30).clamp(90, 300);
        let (mw, _) = main.dim_in_pixel();
        let x = if self.is_date {
            let budget = (mw.saturating_sub(left + 40) / 85).max(2) as usize;
            Axis {
                lo,
                hi,
                ticks: date_ticks(lo, hi, budget)
                    .into_iter()
                    .map(|d| d as f64)
                    .collect(),
            }
        } else {
            let mut a = Axis::numeric(lo, hi, ((mw.saturating_sub(left) / 90) as usize).max(3));
            if share {
                a.ticks.retain(|t| (0.0..=100.0 + 1e-9).contains(t));
            }
            a
        };
        let y = rows_axis(ns, ylayout.every);
        let areas = Areas {
            left,
            right: 20,
            ..Areas::default()
        };
        let mut c = chart::build(&main, &x, &y, areas)?;
        let labels = ylayout.labels.clone();
        let y_fmt = rows_fmt(&labels);
        let num_fmt = chart::number_fmt(&x);
        let x_fmt = |v: &f64| {
            if self.is_date {
                date_label(day_of(*v))
            } else {
                num_fmt(v)
            }
        };
        let x_desc = if self.is_date {
            format!("{label} (ticks at Tokyo midnight)")
        } else if share {
            format!("{label} (%)")
        } else {
            label.clone()
        };
        let rect = chart::plot_rect(&c);
        // Every other scenario shaded, so that its views read as one group.
        for s in (0..ns).filter(|s| s % 2 == 1) {
            let yc = (ns - 1 - s) as f64;
            c.draw_series(std::iter::once(Rectangle::new(
                [(x.lo, yc - 0.5), (x.hi, yc + 0.5)],
                SHADE.mix(0.6).filled(),
            )))?;
        }
        chart::mesh(
            root,
            &mut c,
            &Mesh {
                x_desc: &x_desc,
                y_desc: "",
                x_fmt: &x_fmt,
                y_fmt: &y_fmt,
                x_grid: true,
                y_grid: false,
                rotate_x: false,
            },
        )?;
        for s in 1..ns {
            let yb = (ns - s) as f64 - 0.5;
            c.draw_series(std::iter::once(PathElement::new(
                vec![(x.lo, yb), (x.hi, yb)],
                GRID.stroke_width(1),
            )))?;
        }
        // The views of a scenario side by side within its row, the first on top.
        let row_px = f64::from((rect.1.end - rect.1.start).max(1)) / ns.max(1) as f64;
        let step = (0.8 / nv.max(1) as f64).min(0.22);
        let r = (row_px * step * 0.42).clamp(4.5, 7.0);
        let line_w = if row_px * step >= 12.0 { 2 } else { 1 };
        let na_font = font(13.0);
        for s in 0..ns {
            for v in 0..nv {
                let (marker, col) = (MARKERS[v % MARKERS.len()], COLORS[v % COLORS.len()]);
                let yc = (ns - 1 - s) as f64 + step * ((nv as f64 - 1.0) / 2.0 - v as f64);
                match self.value(s, v) {
                    Some((e, l, h)) => {
                        let (px, py) = c.backend_coord(&(e, yc));
                        if let (Some(l), Some(h)) = (finite(l), finite(h)) {
                            let (a, _) = c.backend_coord(&(l.min(h), yc));
                            let (b, _) = c.backend_coord(&(l.max(h), yc));
                            let (a, b) = (
                                a.clamp(rect.0.start, rect.0.end),
                                b.clamp(rect.0.start, rect.0.end),
                            );
                            hwhisker(root, py, a, b, (r * 1.6) as i32, col, line_w)?;
                        }
                        draw_marker(root, marker, (px, py), r, col)?;
                    }
                    None => {
                        // Named in words at the left, so that it is not read as a value.
                        let (_, py) = c.backend_coord(&(x.lo, yc));
                        let words = fit(&na_font, &format!("n/a: {}", self.views[v]), 260);
                        root.draw(&Text::new(
                            words,
                            (rect.0.start + 8, py),
                            text(na_font.clone(), &MUTED, HPos::Left, VPos::Center),
                        ))?;
                    }
                }
            }
        }
        if ns == 0 || nv == 0 {
            common::no_data(root, rect.clone(), "No data: no scenarios or views")?;
        } else if all.is_empty() {
            common::no_data(root, rect.clone(), "No estimates (all n/a)")?;
        }
        if !entries.is_empty() {
            let (sx, sy) = {
                let (xr, yr) = side.get_pixel_range();
                (xr.start, yr.start)
            };
            let title_font = common::bold(16.0);
            root.draw(&Text::new(
                fit(&title_font, "Historian's view", legend_w.saturating_sub(10)),
                (sx + 4, sy + 12),
                text(title_font, &INK, HPos::Left, VPos::Top),
            ))?;
            marker_legend(
                root,
                (sx + 4, sy + 40),
                &entries,
                legend_w.saturating_sub(10),
            )?;
        }
        let mut note =
            "Markers: estimates; whiskers: 95 % intervals; n/a: no estimate.".to_string();
        if self.is_date {
            note.push_str(" Dates are Tokyo calendar days.");
        }
        if ylayout.every > 1 {
            note.push_str(&format!(" Every {}th scenario labelled.", ylayout.every));
        }
        common::footnote(root, &note)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_outcome_names() {
        assert_eq!(
            stem("morris", "acceptance_median"),
            "morris_acceptance_median"
        );
        assert_eq!(stem("views", "P(x) / y"), "views_P_x____y");
        assert_eq!(
            outcome_parts("acceptance_median"),
            (
                "median acceptance date".to_string(),
                Some("days".to_string())
            )
        );
        assert_eq!(
            outcome_parts("entry_before_acceptance").0,
            "P(Soviet entry before acceptance)"
        );
        assert_eq!(outcome_parts("P(x)"), ("P(x)".to_string(), None));
        assert_eq!(
            outcome_parts("acceptance_date"),
            ("acceptance date".to_string(), None)
        );
    }

    #[test]
    fn labels_do_not_overlap_when_there_is_room() {
        let f = font(15.0);
        let labels: Vec<(String, (i32, i32))> = (0..6)
            .map(|i| (format!("japan.w_param_{i}"), (400 + 3 * i, 300 + 4 * i)))
            .collect();
        let markers: Vec<(i32, i32)> = labels.iter().map(|l| l.1).collect();
        let boxes: Vec<PxBox> = markers
            .iter()
            .map(|(x, y)| (x - 7, y - 7, x + 7, y + 7))
            .collect();
        let placed = place_labels(&labels, &[], &[(&boxes[..], 200)], (100, 100, 900, 600), &f);
        let boxes: Vec<PxBox> = placed.iter().flatten().map(|p| p.0).collect();
        assert_eq!(boxes.len(), 6);
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!overlap(*a, *b), "{a:?} {b:?}");
            }
        }
    }
}
