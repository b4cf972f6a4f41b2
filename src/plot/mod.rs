//! The plotting edge: figures of a [`Summary`], of several scenarios' acceptance dates, and
//! of sweeps, each written as PNG and SVG.
//!
//! Every function here takes finished data and writes files; none runs a world. Text is set
//! in the bundled DejaVu Sans (registered with plotters' `ab_glyph` support under the family
//! `sans-serif`), so figures render the same on a machine without any system font. Dates
//! on the axes are Tokyo calendar dates (UTC+9: Japan kept no daylight time in 1945).
//!
//! Each figure is drawn by one generic function over the drawing backend, called once for
//! the bitmap and once for the SVG backend.

mod analysis;
#[cfg(test)]
mod analysis_tests;
mod chart;
mod common;
mod summary;
mod sweep;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use anyhow::Context;
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::model::WorldOutcome;
use crate::summary::{Histogram, Summary};

/// A figure: drawn the same way on any backend.
trait Figure {
    /// Draws the whole figure on `root`.
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> anyhow::Result<()>
    where
        DB::ErrorType: 'static;
}

/// Draws `figure` on `root` and writes it to `path`.
fn render<DB: DrawingBackend, F: Figure>(
    root: DrawingArea<DB, Shift>,
    figure: &F,
    path: &Path,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    figure
        .draw(&root)
        .with_context(|| format!("cannot draw {}", path.display()))?;
    root.present()
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Writes `<dir>/<stem>.png` and `<dir>/<stem>.svg`.
fn write_figure<F: Figure>(dir: &Path, stem: &str, figure: &F) -> anyhow::Result<Vec<PathBuf>> {
    common::ensure_fonts()?;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the directory {}", dir.display()))?;
    let png = dir.join(format!("{stem}.png"));
    render(
        BitMapBackend::new(&png, common::SIZE).into_drawing_area(),
        figure,
        &png,
    )?;
    let svg = dir.join(format!("{stem}.svg"));
    render(
        SVGBackend::new(&svg, common::SIZE).into_drawing_area(),
        figure,
        &svg,
    )?;
    Ok(vec![png, svg])
}

/// Writes the figures of one scenario's summary into `dir`, each as `<stem>.png` and
/// `<stem>.svg`, and returns the paths written:
///
/// - `surrender_date`: worlds per calendar day of the final acceptance, with the worlds that
///   reached X-day without one as a separate bar;
/// - `surrender_cdf`: the share of all worlds that had accepted by each date;
/// - `race`: Soviet entry day against first atomic strike day, one marker per pair of days;
/// - `decisive_shock`: the share of worlds per decisive shock, with Wilson 95 % intervals;
/// - `territories`: the chance the USSR took each territory, with Wilson 95 % intervals.
///
/// `historical` (the historical world's outcome), when given, is marked on the date plots
/// and the race; without it the race marks the historical dates (Soviet entry
/// 1945-08-08T15:00Z, Hiroshima 1945-08-05T23:15Z). `title` (e.g. the scenario and its
/// number of worlds) is shown under every heading.
///
/// # Errors
/// When `dir` cannot be created or a file cannot be written.
pub fn run_plots(
    summary: &Summary,
    historical: Option<&WorldOutcome>,
    title: &str,
    dir: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    out.extend(write_figure(
        dir,
        "surrender_date",
        &summary::SurrenderDate {
            summary,
            historical,
            title,
        },
    )?);
    out.extend(write_figure(
        dir,
        "surrender_cdf",
        &summary::SurrenderCdf {
            summary,
            historical,
            title,
        },
    )?);
    out.extend(write_figure(
        dir,
        "race",
        &summary::Race {
            summary,
            historical,
            title,
        },
    )?);
    out.extend(write_figure(
        dir,
        "decisive_shock",
        &summary::DecisiveShock { summary, title },
    )?);
    out.extend(write_figure(
        dir,
        "territories",
        &summary::Territories { summary, title },
    )?);
    Ok(out)
}

/// Writes `<dir>/compare_cdf.png` and `.svg`: the acceptance-date CDFs of several scenarios
/// on shared axes, each as a share of all its worlds. `series` holds, per scenario, its
/// label, its acceptance histogram (minutes since the epoch) and its number of worlds.
///
/// # Errors
/// When `dir` cannot be created or a file cannot be written.
pub fn compare_cdf(
    series: &[(String, &Histogram, u64)],
    title: &str,
    dir: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    write_figure(dir, "compare_cdf", &sweep::CompareCdf { series, title })
}

/// Writes `<dir>/sweep.png` and `.svg` for a sweep of one key: `outcome` for each of the
/// key's values `xs` (categories, in order), `points[i]` = (estimate, 95 % low, 95 % high)
/// in the outcome's own units; a non-finite estimate is a cell without data.
///
/// # Errors
/// When `xs` and `points` differ in length, or a file cannot be written.
pub fn sweep_line(
    key: &str,
    xs: &[String],
    points: &[(f64, f64, f64)],
    outcome: &str,
    title: &str,
    dir: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    anyhow::ensure!(
        xs.len() == points.len(),
        "sweep_line: {} values of `{key}` but {} points",
        xs.len(),
        points.len()
    );
    write_figure(
        dir,
        "sweep",
        &sweep::SweepLine {
            key,
            xs,
            points,
            outcome,
            title,
        },
    )
}

/// Writes `<dir>/sweep.png` and `.svg` for a sweep of two keys: a heat map of `outcome`
/// with `grid[iy][ix]` its value at `xs[ix]`, `ys[iy]` (NaN: no data), with a colour bar.
///
/// # Errors
/// When the grid is not `ys.len()` rows of `xs.len()` values, or a file cannot be written.
#[allow(clippy::too_many_arguments)]
pub fn sweep_heatmap(
    key_x: &str,
    xs: &[String],
    key_y: &str,
    ys: &[String],
    grid: &[Vec<f64>],
    outcome: &str,
    title: &str,
    dir: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    anyhow::ensure!(
        grid.len() == ys.len() && grid.iter().all(|row| row.len() == xs.len()),
        "sweep_heatmap: the grid must be {} rows (values of `{key_y}`) of {} values (of `{key_x}`)",
        ys.len(),
        xs.len()
    );
    write_figure(
        dir,
        "sweep",
        &sweep::SweepHeatmap {
            key_x,
            xs,
            key_y,
            ys,
            grid,
            outcome,
            title,
        },
    )
}

/// Writes `<dir>/sensitivity_<outcome>.png` and `.svg`: sensitivity indices per parameter as
/// horizontal bars ("tornado"), the parameters sorted by the first series' estimate, the
/// largest at the top. `series` names the bars of each parameter (e.g. "first order",
/// "total order", or "μ*"); `rows[i]` = (parameter key, one (estimate, 95 % low, 95 % high)
/// per series). A non-finite estimate is no estimate: no bar, "n/a". At most `max_rows`
/// rows are shown (the most important; fewer if they would not be legible), and a footnote
/// says how many were left out. Characters of `outcome` other than letters, digits, `-`,
/// `_` and `.` become `_` in the file name.
///
/// # Errors
/// When a row does not have one value per series, or a file cannot be written.
#[allow(clippy::type_complexity)]
pub fn sensitivity_bars(
    outcome: &str,
    series: &[&str],
    rows: &[(String, Vec<(f64, f64, f64)>)],
    max_rows: usize,
    title: &str,
    dir: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    if let Some((key, values)) = rows.iter().find(|r| r.1.len() != series.len()) {
        anyhow::bail!(
            "sensitivity_bars: `{key}` has {} values for {} series",
            values.len(),
            series.len()
        );
    }
    write_figure(
        dir,
        &analysis::stem("sensitivity", outcome),
        &analysis::SensitivityBars {
            outcome,
            series,
            rows,
            max_rows,
            title,
        },
    )
}

/// Writes `<dir>/morris_<outcome>.png` and `.svg`: Morris screening, μ* (x) against σ (y),
/// one point per parameter with its μ* interval as a horizontal whisker, the 12 largest μ*
/// named, and the lines σ/μ* = 0.1 and 0.5. `points[i]` = (key, μ*, μ* 95 % low, μ* 95 %
/// high, σ); a parameter with a non-finite μ* or σ is left out (and counted in a footnote).
///
/// # Errors
/// When a file cannot be written.
pub fn morris_scatter(
    outcome: &str,
    points: &[(String, f64, f64, f64, f64)],
    title: &str,
    dir: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    write_figure(
        dir,
        &analysis::stem("morris", outcome),
        &analysis::MorrisScatter {
            outcome,
            points,
            title,
        },
    )
}

/// Writes `<dir>/views_<outcome>.png` and `.svg`: one outcome under several historians'
/// views, a dot plot with the scenarios as rows and one marker per view (its own colour and
/// shape), with 95 % whiskers. `values[s][v]` = (estimate, low, high) of scenario `s` under
/// view `v`, `None` (or a non-finite estimate) for no estimate. With `is_date` the values
/// are Tokyo days since 1945-06-01 (as [`Summary::metric`] gives `acceptance_median`) and
/// shown as dates; else with `is_share` shares in [0, 1] shown in %; else plain numbers.
/// `label` names the outcome on the figure.
///
/// # Errors
/// When `values` is not one row per scenario of one value per view, or a file cannot be
/// written.
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
pub fn views_dots(
    outcome: &str,
    label: &str,
    scenarios: &[String],
    views: &[String],
    values: &[Vec<Option<(f64, f64, f64)>>],
    is_date: bool,
    is_share: bool,
    title: &str,
    dir: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    anyhow::ensure!(
        values.len() == scenarios.len() && values.iter().all(|row| row.len() == views.len()),
        "views_dots: the values must be {} rows (scenarios) of {} values (views)",
        scenarios.len(),
        views.len()
    );
    write_figure(
        dir,
        &analysis::stem("views", outcome),
        &analysis::ViewsDots {
            outcome,
            label,
            scenarios,
            views,
            values,
            is_date,
            is_share,
            title,
        },
    )
}
