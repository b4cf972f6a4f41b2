//! What every figure shares: the bundled font, the palette, the title block, legends,
//! notes, number and date labels, and the choice of ticks.

use std::sync::OnceLock;

use anyhow::anyhow;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::time::date_of_index;

/// Figure size [px].
pub(super) const SIZE: (u32, u32) = (1200, 800);

/// The font family every text uses; it is registered from the bundled DejaVu files.
pub(super) const FAMILY: &str = "sans-serif";

/// Registers the bundled fonts once; later calls return the first call's result.
pub(super) fn ensure_fonts() -> anyhow::Result<()> {
    static FONTS: OnceLock<Result<(), String>> = OnceLock::new();
    let registered = FONTS.get_or_init(|| {
        let regular: &'static [u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
        let bold: &'static [u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
        plotters::style::register_font(FAMILY, FontStyle::Normal, regular)
            .map_err(|_| "the bundled font DejaVuSans.ttf is not a valid font".to_string())?;
        plotters::style::register_font(FAMILY, FontStyle::Bold, bold)
            .map_err(|_| "the bundled font DejaVuSans-Bold.ttf is not a valid font".to_string())
    });
    registered.clone().map_err(|e| anyhow!(e))
}

/// The Okabe–Ito palette, safe for the common forms of colour blindness.
pub(super) mod okabe_ito {
    use plotters::style::RGBColor;
    pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
    pub const SKY_BLUE: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
    pub const GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
    pub const YELLOW: RGBColor = RGBColor(0xF0, 0xE4, 0x42);
    pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
    pub const PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
    pub const BLACK: RGBColor = RGBColor(0x00, 0x00, 0x00);
}

/// Text and axes.
pub(super) const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// Secondary text.
pub(super) const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
/// Grid lines.
pub(super) const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
/// Shaded bands and cells without data.
pub(super) const SHADE: RGBColor = RGBColor(0xEE, 0xEE, 0xEE);
/// A neutral category (no acceptance, neither).
pub(super) const NEUTRAL: RGBColor = RGBColor(0x99, 0x99, 0x99);

/// A line style: solid, or dashes of `(dash, gap)` pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dash {
    Solid,
    Dashed(u32, u32),
}

/// The font at `size` px.
pub(super) fn font(size: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::Name(FAMILY), size, FontStyle::Normal)
}

/// The bold font at `size` px.
pub(super) fn bold(size: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::Name(FAMILY), size, FontStyle::Bold)
}

/// A text style anchored at `h`, `v`.
pub(super) fn text(f: FontDesc<'static>, color: &RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    f.color(color).pos(Pos::new(h, v))
}

/// The width of `s` in font `f` [px].
pub(super) fn text_width(f: &FontDesc<'_>, s: &str) -> u32 {
    f.box_size(s)
        .map(|(w, _)| w)
        .unwrap_or((s.chars().count() as f64 * f.get_size() * 0.6) as u32)
}

/// `s`, cut with an ellipsis so that it is at most `max` px wide in font `f`.
pub(super) fn fit(f: &FontDesc<'_>, s: &str, max: u32) -> String {
    if text_width(f, s) <= max {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut n = chars.len();
    while n > 0 {
        n -= 1;
        let cut: String = chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
        if text_width(f, &cut) <= max {
            return cut;
        }
    }
    "…".to_string()
}

/// The largest font (from `size` down to 11 px) in which `s` fits `max` px, and `s` cut to
/// fit in it.
pub(super) fn shrink_to_fit(
    make: fn(f64) -> FontDesc<'static>,
    size: f64,
    s: &str,
    max: u32,
) -> (FontDesc<'static>, String) {
    let mut sz = size;
    while sz > 11.0 {
        let f = make(sz);
        if text_width(&f, s) <= max {
            return (f, s.to_string());
        }
        sz -= 1.0;
    }
    let f = make(11.0);
    let cut = fit(&f, s, max);
    (f, cut)
}

/// Fills the figure white, draws the heading and subtitle, and returns the area below
/// them, less a strip at the bottom for a footnote.
pub(super) fn frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    heading: &str,
    subtitle: &str,
) -> anyhow::Result<DrawingArea<DB, Shift>>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    let (w, _) = root.dim_in_pixel();
    let max = w.saturating_sub(60);
    let (hf, heading) = shrink_to_fit(bold, 26.0, heading, max);
    root.draw(&Text::new(
        heading,
        (30, 16),
        text(hf, &INK, HPos::Left, VPos::Top),
    ))?;
    let (sf, subtitle) = shrink_to_fit(font, 18.0, subtitle, max);
    root.draw(&Text::new(
        subtitle,
        (30, 52),
        text(sf, &MUTED, HPos::Left, VPos::Top),
    ))?;
    Ok(root.margin(84, 30, 0, 0))
}

/// A note in small grey type at the bottom right of the figure.
pub(super) fn footnote<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    note: &str,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (w, h) = root.dim_in_pixel();
    let f = font(14.0);
    let note = fit(&f, note, w.saturating_sub(40));
    root.draw(&Text::new(
        note,
        (w as i32 - 20, h as i32 - 10),
        text(f, &MUTED, HPos::Right, VPos::Bottom),
    ))?;
    Ok(())
}

/// A "no data" note in the middle of a plotting rectangle (absolute pixels).
pub(super) fn no_data<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    rect: (std::ops::Range<i32>, std::ops::Range<i32>),
    message: &str,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (xr, yr) = rect;
    let (cx, cy) = ((xr.start + xr.end) / 2, (yr.start + yr.end) / 2);
    let f = font(22.0);
    let message = fit(&f, message, (xr.end - xr.start).max(40) as u32);
    let w = text_width(&f, &message) as i32;
    root.draw(&Rectangle::new(
        [(cx - w / 2 - 16, cy - 24), (cx + w / 2 + 16, cy + 24)],
        WHITE.mix(0.9).filled(),
    ))?;
    root.draw(&Rectangle::new(
        [(cx - w / 2 - 16, cy - 24), (cx + w / 2 + 16, cy + 24)],
        NEUTRAL.stroke_width(1),
    ))?;
    root.draw(&Text::new(
        message,
        (cx, cy),
        text(f, &MUTED, HPos::Center, VPos::Center),
    ))?;
    Ok(())
}

/// A legend entry's sample.
#[derive(Debug, Clone, Copy)]
pub(super) enum Swatch {
    /// A filled box.
    Box(RGBColor),
    /// A line.
    Line(RGBColor, u32, Dash),
    /// A filled disc with its outline.
    Disc(RGBColor),
    /// A hollow circle.
    Ring(RGBColor),
    /// The marker of the historical world.
    Historical,
    /// A point with a vertical error bar.
    ErrorBar(RGBColor),
    /// A translucent band.
    Band(RGBColor),
}

/// A legend entry.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub swatch: Swatch,
    pub label: String,
}

impl Entry {
    pub fn new(swatch: Swatch, label: impl Into<String>) -> Entry {
        Entry {
            swatch,
            label: label.into(),
        }
    }
}

const LEGEND_ROW: i32 = 26;
const LEGEND_SWATCH: i32 = 40;

/// The size of a legend box [px].
pub(super) fn legend_size(entries: &[Entry]) -> (i32, i32) {
    let f = font(16.0);
    let w = entries
        .iter()
        .map(|e| text_width(&f, &e.label))
        .max()
        .unwrap_or(0) as i32;
    (
        w + LEGEND_SWATCH + 30,
        entries.len() as i32 * LEGEND_ROW + 14,
    )
}

/// Draws the historical-world marker centred at `(x, y)` (absolute pixels).
pub(super) fn historical_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    r: i32,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    // A four-pointed star in a ring: unlike any data marker.
    let (r, s) = (r as f64, r as f64 * 0.32);
    let pts: Vec<(i32, i32)> = (0..8)
        .map(|i| {
            let a = std::f64::consts::FRAC_PI_4 * i as f64 - std::f64::consts::FRAC_PI_2;
            let rr = if i % 2 == 0 { r } else { s };
            (
                x + (rr * a.cos()).round() as i32,
                y + (rr * a.sin()).round() as i32,
            )
        })
        .collect();
    root.draw(&Circle::new((x, y), (r * 0.95) as i32, WHITE.filled()))?;
    root.draw(&Polygon::new(pts.clone(), okabe_ito::BLACK.filled()))?;
    root.draw(&Circle::new(
        (x, y),
        (r * 0.95) as i32,
        okabe_ito::BLACK.stroke_width(2),
    ))?;
    Ok(())
}

/// Draws a line, solid or dashed, between absolute pixel points.
pub(super) fn draw_line_px<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: Vec<(i32, i32)>,
    color: RGBColor,
    width: u32,
    dash: Dash,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let style = color.stroke_width(width);
    match dash {
        Dash::Solid => root.draw(&PathElement::new(points, style))?,
        Dash::Dashed(d, g) => root.draw(&plotters::element::DashedPathElement::new(
            points, d as i32, g as i32, style,
        ))?,
    }
    Ok(())
}

/// Draws a legend box with its top-left corner at `(x, y)` (absolute pixels).
pub(super) fn legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    entries: &[Entry],
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    if entries.is_empty() {
        return Ok(());
    }
    let (w, h) = legend_size(entries);
    root.draw(&Rectangle::new(
        [(x, y), (x + w, y + h)],
        WHITE.mix(0.92).filled(),
    ))?;
    root.draw(&Rectangle::new(
        [(x, y), (x + w, y + h)],
        NEUTRAL.stroke_width(1),
    ))?;
    for (i, e) in entries.iter().enumerate() {
        let cy = y + 7 + LEGEND_ROW * i as i32 + LEGEND_ROW / 2;
        let (x0, x1) = (x + 10, x + 10 + LEGEND_SWATCH - 8);
        let cx = (x0 + x1) / 2;
        match e.swatch {
            Swatch::Box(c) => {
                root.draw(&Rectangle::new(
                    [(x0 + 4, cy - 8), (x1 - 4, cy + 8)],
                    c.filled(),
                ))?;
            }
            Swatch::Line(c, width, dash) => {
                draw_line_px(root, vec![(x0, cy), (x1, cy)], c, width, dash)?;
            }
            Swatch::Disc(c) => {
                root.draw(&Circle::new((cx, cy), 8, c.mix(0.75).filled()))?;
                root.draw(&Circle::new((cx, cy), 8, c.stroke_width(1)))?;
            }
            Swatch::Ring(c) => {
                root.draw(&Circle::new((cx, cy), 8, c.stroke_width(1)))?;
            }
            Swatch::Historical => historical_marker(root, (cx, cy), 10)?,
            Swatch::ErrorBar(c) => {
                root.draw(&PathElement::new(
                    vec![(cx, cy - 10), (cx, cy + 10)],
                    c.stroke_width(2),
                ))?;
                root.draw(&PathElement::new(
                    vec![(cx - 5, cy - 10), (cx + 5, cy - 10)],
                    c.stroke_width(2),
                ))?;
                root.draw(&PathElement::new(
                    vec![(cx - 5, cy + 10), (cx + 5, cy + 10)],
                    c.stroke_width(2),
                ))?;
                root.draw(&Circle::new((cx, cy), 4, c.filled()))?;
            }
            Swatch::Band(c) => {
                root.draw(&Rectangle::new(
                    [(x0, cy - 9), (x1, cy + 9)],
                    c.mix(0.2).filled(),
                ))?;
            }
        }
        root.draw(&Text::new(
            e.label.clone(),
            (x + LEGEND_SWATCH + 16, cy),
            text(font(16.0), &INK, HPos::Left, VPos::Center),
        ))?;
    }
    Ok(())
}

/// Where a legend box of `size` goes inside the plotting rectangle `plot` (absolute
/// pixels): the corner covering the fewest of `points`, with ties broken in the order
/// upper right, upper left, lower right, lower left.
pub(super) fn legend_corner(
    plot: &(std::ops::Range<i32>, std::ops::Range<i32>),
    size: (i32, i32),
    points: &[(i32, i32)],
) -> (i32, i32) {
    let (xr, yr) = plot;
    let pad = 12;
    let corners = [
        (xr.end - size.0 - pad, yr.start + pad),
        (xr.start + pad, yr.start + pad),
        (xr.end - size.0 - pad, yr.end - size.1 - pad),
        (xr.start + pad, yr.end - size.1 - pad),
    ];
    let covered = |(x, y): (i32, i32)| {
        points
            .iter()
            .filter(|(px, py)| {
                *px >= x - 6 && *px <= x + size.0 + 6 && *py >= y - 6 && *py <= y + size.1 + 6
            })
            .count()
    };
    corners
        .iter()
        .copied()
        .min_by_key(|c| covered(*c))
        .unwrap_or(corners[0])
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The civil date of day index `day` (days since 1945-06-01), e.g. "Aug 14"; the year is
/// added outside 1945.
pub(super) fn date_label(day: i64) -> String {
    match date_of_index(day) {
        Some(d) => {
            let month = usize::try_from(d.month() - 1)
                .ok()
                .and_then(|m| MONTHS.get(m))
                .copied()
                .unwrap_or("?");
            if d.year() == 1945 {
                format!("{month} {}", d.day())
            } else {
                format!("{month} {}, {}", d.day(), d.year())
            }
        }
        None => format!("day {day}"),
    }
}

/// The date and Tokyo time of `minutes` since the epoch, e.g. "Aug 14, 23:00 Tokyo".
pub(super) fn datetime_label(minutes: i64) -> String {
    let local = minutes + crate::summary::TOKYO_OFFSET_MINUTES;
    let m = local.rem_euclid(1440);
    format!(
        "{}, {:02}:{:02} Tokyo",
        date_label(tokyo_day(minutes)),
        m / 60,
        m % 60
    )
}

/// The Tokyo calendar day (days since 1945-06-01) of `minutes` since the epoch.
pub(super) fn tokyo_day(minutes: i64) -> i64 {
    crate::summary::tokyo_day(minutes)
}

/// The date label of an axis position [days]: the day it falls in.
pub(super) fn day_of(x: f64) -> i64 {
    (x + 1e-6).floor() as i64
}

/// Tokyo days [fractional] since 1945-06-01 00:00 Tokyo of `minutes`: axis positions, so
/// that ticks fall on Tokyo midnights.
pub(super) fn days(minutes: i64) -> f64 {
    (minutes + crate::summary::TOKYO_OFFSET_MINUTES) as f64 / 1440.0
}

/// Day indices in `[lo, hi]` to put date ticks at, at most `max` of them: every day, 2, 3
/// or 7 days, the 1st and 15th, the 1st of each month, or of every 2nd, 3rd or 6th month.
pub(super) fn date_ticks(lo: f64, hi: f64, max: usize) -> Vec<i64> {
    let max = max.max(2);
    let (a, b) = (lo.ceil() as i64, hi.floor() as i64);
    if b < a || b - a > 20_000 {
        return Vec::new();
    }
    let dated: Vec<(i64, i8, i8)> = (a..=b)
        .filter_map(|d| date_of_index(d).map(|date| (d, date.month(), date.day())))
        .collect();
    type DayRule = fn(&(i64, i8, i8)) -> bool;
    let rules: [DayRule; 10] = [
        |_| true,
        |(d, _, _)| d.rem_euclid(2) == 0,
        |(d, _, _)| d.rem_euclid(3) == 0,
        |(d, _, _)| d.rem_euclid(7) == 0,
        |(_, _, day)| *day == 1 || *day == 10 || *day == 20,
        |(_, _, day)| *day == 1 || *day == 15,
        |(_, _, day)| *day == 1,
        |(_, m, day)| *day == 1 && (m - 1) % 2 == 0,
        |(_, m, day)| *day == 1 && (m - 1) % 3 == 0,
        |(_, m, day)| *day == 1 && (m - 1) % 6 == 0,
    ];
    for rule in rules {
        let ticks: Vec<i64> = dated.iter().filter(|t| rule(t)).map(|t| t.0).collect();
        if ticks.len() <= max && !ticks.is_empty() {
            return ticks;
        }
    }
    dated
        .iter()
        .filter(|(_, m, day)| *day == 1 && *m == 1)
        .map(|t| t.0)
        .collect()
}

/// A compact number: no trailing zeros, at most `decimals` decimals.
pub(super) fn num(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" { "0".into() } else { s }
}

/// The decimals that tell apart values `step` apart: 2 for 0.04, 1 for 0.1, 0 for 129.
pub(super) fn decimals_for(step: f64) -> usize {
    if !(step.is_finite() && step > 0.0) {
        return 2;
    }
    (-step.log10() - 1e-9).ceil().clamp(0.0, 6.0) as usize
}

/// The decimals that write every multiple of `step` exactly: 1 for 0.2, 2 for 0.25.
pub(super) fn decimals_of_step(step: f64) -> usize {
    if !(step.is_finite() && step > 0.0) {
        return 2;
    }
    (0..6)
        .find(|d| {
            let scaled = step * 10f64.powi(*d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.max(1.0)
        })
        .unwrap_or(6)
}

/// A number with exactly `decimals` decimals ("0.20"), for tables of values.
pub(super) fn fixed(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let s = format!("{v:.decimals$}");
    if s.starts_with('-') && s.trim_start_matches(['-', '0', '.']).is_empty() {
        s[1..].to_string()
    } else {
        s
    }
}

/// `s` broken at spaces into lines at most `max` px wide in font `f`, at most `lines` of
/// them (the last cut with an ellipsis if need be).
pub(super) fn wrap(f: &FontDesc<'_>, s: &str, max: u32, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in s.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if text_width(f, &candidate) <= max || current.is_empty() {
            current = candidate;
        } else {
            out.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    if out.len() > lines.max(1) {
        let rest = out.split_off(lines.max(1) - 1).join(" ");
        out.push(rest);
    }
    out.into_iter().map(|l| fit(f, &l, max)).collect()
}

/// A vertical 95 % whisker between absolute pixel heights `top` and `bottom` at `x`, with
/// caps `cap` px wide.
pub(super) fn whisker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    x: i32,
    top: i32,
    bottom: i32,
    cap: i32,
    color: RGBColor,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let style = color.stroke_width(2);
    root.draw(&PathElement::new(vec![(x, top), (x, bottom)], style))?;
    root.draw(&PathElement::new(
        vec![(x - cap / 2, top), (x + cap / 2, top)],
        style,
    ))?;
    root.draw(&PathElement::new(
        vec![(x - cap / 2, bottom), (x + cap / 2, bottom)],
        style,
    ))?;
    Ok(())
}

/// A count with thousands separators: 12,345.
pub(super) fn count(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A share as a percentage with one decimal: "12.3 %".
pub(super) fn pct(p: f64) -> String {
    format!("{:.1} %", 100.0 * p)
}

/// A range that is at least `min_span` wide, centred on the given one if it is narrower.
pub(super) fn widen(lo: f64, hi: f64, min_span: f64) -> (f64, f64) {
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if hi - lo >= min_span {
        (lo, hi)
    } else {
        let mid = (lo + hi) / 2.0;
        (mid - min_span / 2.0, mid + min_span / 2.0)
    }
}

/// The upper end of a share axis [%] that leaves room above `top` [%].
pub(super) fn share_axis_top(top: f64) -> f64 {
    if !(top.is_finite() && top > 0.0) {
        return 10.0;
    }
    let padded = top * 1.15 + 0.5;
    let step = if padded <= 10.0 {
        1.0
    } else if padded <= 30.0 {
        5.0
    } else {
        10.0
    };
    ((padded / step).ceil() * step).min(100.0).max(step)
}

/// The viridis colour map at `t` in [0, 1] (perceptually uniform, colour-blind safe).
pub(super) fn viridis(t: f64) -> RGBColor {
    const STOPS: [(u8, u8, u8); 9] = [
        (68, 1, 84),
        (71, 44, 122),
        (59, 81, 139),
        (44, 113, 142),
        (33, 144, 141),
        (39, 173, 129),
        (92, 200, 99),
        (170, 220, 50),
        (253, 231, 37),
    ];
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let x = t * (STOPS.len() - 1) as f64;
    let i = (x.floor() as usize).min(STOPS.len() - 2);
    let f = x - i as f64;
    let lerp = |a: u8, b: u8| {
        (a as f64 + (b as f64 - a as f64) * f)
            .round()
            .clamp(0.0, 255.0) as u8
    };
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    RGBColor(lerp(a.0, b.0), lerp(a.1, b.1), lerp(a.2, b.2))
}

/// Whether text on `c` should be white rather than black.
pub(super) fn is_dark(c: RGBColor) -> bool {
    let l = 0.2126 * c.0 as f64 + 0.7152 * c.1 as f64 + 0.0722 * c.2 as f64;
    l < 140.0
}

/// A categorical label style: the labels cut to `max_chars`, and how many to skip between
/// labels shown so they do not overlap in slots `slot` px wide; `rotate` when they are
/// set vertically.
pub(super) struct CategoryLabels {
    pub labels: Vec<String>,
    pub every: usize,
    pub rotate: bool,
    /// Room the labels need across the axis [px].
    pub depth: u32,
}

/// Lays out category labels along an axis of `length` px: horizontal if they fit their
/// slots, else vertical (cut to 180 px), showing every k-th label if even that is crowded.
pub(super) fn category_labels(
    labels: &[String],
    length: u32,
    horizontal_axis: bool,
) -> CategoryLabels {
    let f = font(16.0);
    let n = labels.len().max(1);
    let slot = length as f64 / n as f64;
    let widths: Vec<u32> = labels.iter().map(|l| text_width(&f, l)).collect();
    let widest = widths.iter().copied().max().unwrap_or(0);
    let line = 22.0;
    if !horizontal_axis {
        // Labels beside a vertical axis: always horizontal text; thin out if rows crowd.
        let every = ((line / slot).ceil() as usize).max(1);
        let cut: Vec<String> = labels.iter().map(|l| fit(&f, l, 260)).collect();
        let depth = cut.iter().map(|l| text_width(&f, l)).max().unwrap_or(0);
        return CategoryLabels {
            labels: cut,
            every,
            rotate: false,
            depth,
        };
    }
    if (widest as f64) <= slot * 0.92 {
        return CategoryLabels {
            labels: labels.to_vec(),
            every: 1,
            rotate: false,
            depth: line as u32,
        };
    }
    let cut: Vec<String> = labels.iter().map(|l| fit(&f, l, 180)).collect();
    let depth = cut.iter().map(|l| text_width(&f, l)).max().unwrap_or(0);
    let every = ((line / slot).ceil() as usize).max(1);
    CategoryLabels {
        labels: cut,
        every,
        rotate: true,
        depth,
    }
}

/// Series colours, in order (yellow last: it is faint on white).
pub(super) const SERIES_COLORS: [RGBColor; 8] = [
    okabe_ito::BLUE,
    okabe_ito::VERMILLION,
    okabe_ito::GREEN,
    okabe_ito::ORANGE,
    okabe_ito::PURPLE,
    okabe_ito::SKY_BLUE,
    okabe_ito::BLACK,
    okabe_ito::YELLOW,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_and_labels() {
        assert_eq!(date_label(74), "Aug 14");
        assert_eq!(date_label(214), "Jan 1, 1946");
        let t = date_ticks(60.0, 75.0, 20);
        assert_eq!(t.len(), 16);
        let t = date_ticks(0.0, 150.0, 8);
        assert!(t.len() <= 8 && !t.is_empty(), "{t:?}");
        assert!(
            t.iter()
                .all(|d| date_of_index(*d).is_some_and(|x| x.day() == 1))
        );
        assert_eq!(num(12.500, 2), "12.5");
        assert_eq!(decimals_for(0.04), 2);
        assert_eq!(decimals_for(0.1), 1);
        assert_eq!(decimals_for(129.0), 0);
        assert_eq!(decimals_of_step(0.25), 2);
        assert_eq!(decimals_of_step(10.0), 0);
        assert_eq!(fixed(0.2, 2), "0.20");
        assert_eq!(fixed(-0.001, 2), "0.00");
        let f = font(15.0);
        let lines = wrap(&f, "P(acceptance before X-day) in worlds", 150, 3);
        assert!(
            lines.len() >= 2 && lines.iter().all(|l| text_width(&f, l) <= 150),
            "{lines:?}"
        );
        assert_eq!(num(-0.0001, 2), "0");
        assert_eq!(count(1234567), "1,234,567");
        assert_eq!(count(12), "12");
        assert_eq!(widen(3.0, 3.0, 7.0), (-0.5, 6.5));
    }
}
