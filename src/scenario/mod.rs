//! Scenarios: TOML files that set the model's parameters.
//!
//! A scenario sets any key of the parameter registry ([`crate::model::registry::SPECS`]);
//! keys it does not set keep their historical values. It may start from another file with
//! `extends = "other.toml"` (relative to the file) and override keys; `--set KEY=VALUE`
//! overrides come last. Every problem is reported with its file, line, column and key, what
//! was expected and what was found, and the nearest valid key or value.
//!
//! The parser reads no files itself: a [`Loader`] hands it text, so the same code runs in
//! the command-line tool and in a browser.
//!
//! ```
//! use endgame::scenario::{parse_str, MemoryLoader};
//! let s = parse_str("what_if.toml", "[potsdam]\nemperor = \"guaranteed\"\n", &[]).unwrap();
//! assert_eq!(s.params.potsdam.emperor, endgame::model::EmperorTerms::Guaranteed);
//! let err = parse_str("typo.toml", "[usa]\nbom_ready = []\n", &[]).unwrap_err();
//! assert_eq!(err.to_string(), "typo.toml:2:1: `usa.bom_ready`: unknown key; did you mean `usa.bomb_ready`?");
//! ```

mod convert;
mod error;
mod lesson;

use std::borrow::Cow;
use std::collections::BTreeMap;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use convert::Setting;
pub use convert::{format_dist, format_value};
pub use error::{Origin, Problem, ScenarioError, nearest};
pub use lesson::{Lesson, Lever, MAX_LESSON_WORLDS};

use crate::model::registry::{SPECS, Value};
use crate::model::{Calendar, Params, Uncertainty};
use crate::random::Streams;

/// Keys a scenario may set besides parameters.
const META_KEYS: &[&str] = &["extends", "title", "description", "sweep", "lesson"];
/// The most cells a sweep may have.
pub const MAX_CELLS: usize = 100_000;
/// How many files an `extends` chain may hold.
const MAX_CHAIN: usize = 32;
/// The largest scenario text read [bytes].
const MAX_TEXT: usize = 4 << 20;

/// Supplies scenario texts by path.
pub trait Loader {
    /// Reads the file at `path`. Returns a stable identity for the file (used to detect
    /// `extends` cycles) and its text, or a message saying why it cannot be read.
    ///
    /// # Errors
    /// A message such as "no such file".
    fn read(&self, path: &str) -> Result<(String, String), String>;
}

/// A loader over texts held in memory (for tests and the browser).
#[derive(Debug, Clone, Default)]
pub struct MemoryLoader {
    /// Texts by path.
    pub files: BTreeMap<String, String>,
}

impl Loader for MemoryLoader {
    fn read(&self, path: &str) -> Result<(String, String), String> {
        let key = normalize(path);
        self.files
            .get(&key)
            .map(|t| (key.clone(), t.clone()))
            .ok_or_else(|| "no such file".to_string())
    }
}

/// A loaded, validated scenario.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// The scenario's name: its file stem.
    pub name: String,
    /// The path it was loaded from.
    pub path: String,
    /// Its title, if it gives one.
    pub title: Option<String>,
    /// Its description, if it gives one.
    pub description: Option<String>,
    /// The resolved parameters; an uncertain parameter keeps here the value it would have
    /// without its distribution.
    pub params: Params,
    /// The parameters drawn anew in every world.
    pub uncertainty: Uncertainty,
    /// The calendar built from them.
    pub calendar: Calendar,
    /// Where each parameter's value came from, by index in [`SPECS`].
    pub origins: Vec<Origin>,
    /// The axes of its `[sweep]` table (empty: no sweep).
    pub sweep: Vec<Axis>,
    /// The views applied on top of it, by name.
    pub views: Vec<String>,
    /// Its classroom lesson (`[lesson]`), if it has one.
    pub lesson: Option<Lesson>,
}

/// One swept key and its values.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// The key's index in [`SPECS`].
    pub index: usize,
    /// The key.
    pub key: &'static str,
    /// Its values, in order.
    pub values: Vec<Value>,
    /// The values as scenario literals.
    pub labels: Vec<String>,
}

/// Loads the scenario at `path` through `loader`, then applies `sets` (`KEY=VALUE`, VALUE
/// a TOML value; a bare word is taken as a string).
///
/// # Errors
/// [`ScenarioError`] with every problem found.
pub fn load(path: &str, sets: &[String], loader: &dyn Loader) -> Result<Scenario, ScenarioError> {
    load_with_views(path, &[], sets, loader)
}

/// Loads the scenario at `path`, then applies each view (an overlay file of parameter
/// values, e.g. `scenarios/views/asada.toml`) in order, then `sets`.
///
/// # Errors
/// [`ScenarioError`] with every problem found; a view may not sweep.
pub fn load_with_views(
    path: &str,
    views: &[String],
    sets: &[String],
    loader: &dyn Loader,
) -> Result<Scenario, ScenarioError> {
    let mut state = State::default();
    state.file(path, loader, None, 0);
    for view in views {
        state.in_view = true;
        state.file(view, loader, None, 0);
        state.in_view = false;
    }
    for set in sets {
        state.set(set);
    }
    let mut scenario = state.finish(path)?;
    scenario.views = views.iter().map(|v| stem(v).to_string()).collect();
    Ok(scenario)
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The file name of a path without its `.toml`.
fn stem(path: &str) -> &str {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".toml").unwrap_or(file)
}

/// Parses a scenario from text (an `extends` in it fails: there is nothing to load).
///
/// # Errors
/// [`ScenarioError`] with every problem found.
pub fn parse_str(name: &str, text: &str, sets: &[String]) -> Result<Scenario, ScenarioError> {
    let mut loader = MemoryLoader::default();
    loader.files.insert(normalize(name), text.to_string());
    load(name, sets, &loader)
}

#[derive(Default)]
struct State {
    /// Whether the file being read is a view (an overlay): it may not sweep, and its title
    /// does not replace the scenario's.
    in_view: bool,
    axes: Vec<Axis>,
    axis_positions: Vec<usize>,
    sweep_origin: Option<Origin>,
    /// The `extends` line of the file being read, for each level of the chain.
    vias: Vec<Option<Origin>>,
    entries: BTreeMap<usize, (Setting, Origin)>,
    problems: Vec<Problem>,
    chain: Vec<String>,
    title: Option<String>,
    description: Option<String>,
    lesson: Option<Lesson>,
}

struct FileCtx<'a> {
    path: &'a str,
    text: &'a str,
    /// Byte offsets where lines start, so locating a problem costs a binary search.
    line_starts: Vec<usize>,
}

impl<'a> FileCtx<'a> {
    fn new(path: &'a str, text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        FileCtx {
            path,
            text,
            line_starts,
        }
    }

    fn origin(&self, offset: usize) -> Origin {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|start| *start <= offset);
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |l| l.chars().count())
            + 1;
        Origin::File {
            file: self.path.to_string(),
            line,
            column,
        }
    }
}

/// The directory part of a path, for resolving `extends`.
fn parent(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..=i])
}

/// Folds `.` and `..` out of a `/`-separated path, lexically.
fn normalize(path: &str) -> String {
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

fn suggest_key(path: &str) -> Option<String> {
    let keys = SPECS.iter().map(|s| s.key).chain(META_KEYS.iter().copied());
    if let Some(k) = nearest(path, keys) {
        return Some(format!("`{k}`"));
    }
    let last = path.rsplit('.').next().unwrap_or(path);
    SPECS
        .iter()
        .find(|s| s.key.rsplit('.').next() == Some(last))
        .map(|s| format!("`{}`", s.key))
}

fn is_section(path: &str) -> bool {
    SPECS.iter().any(|s| {
        s.key.len() > path.len() && s.key.starts_with(path) && s.key.as_bytes()[path.len()] == b'.'
    })
}

impl State {
    fn problem(
        &mut self,
        origin: Origin,
        key: Option<&str>,
        message: String,
        suggestion: Option<String>,
    ) {
        // A problem inside an extended file also says where the chain reached it.
        let via = match &origin {
            Origin::File { .. } => self.vias.last().cloned().flatten(),
            _ => None,
        };
        self.problems.push(Problem {
            origin,
            key: key.map(str::to_string),
            message,
            suggestion,
            via,
        });
    }

    /// Reports `bad`, found in the value of `key` at `offset`, at the part it points to.
    fn located(&mut self, ctx: &FileCtx<'_>, offset: usize, key: &str, bad: convert::Bad) {
        let (origin, key) = match &bad.at {
            Some((at, sub)) => (ctx.origin(*at), format!("{key}.{sub}")),
            None => (ctx.origin(offset), key.to_string()),
        };
        self.problem(origin, Some(&key), bad.message, bad.suggestion);
    }

    fn file(&mut self, path: &str, loader: &dyn Loader, via: Option<Origin>, depth: usize) {
        let origin = via.clone().unwrap_or(Origin::File {
            file: path.to_string(),
            line: 1,
            column: 1,
        });
        if depth >= MAX_CHAIN {
            let msg = format!("the `extends` chain is longer than {MAX_CHAIN} files");
            self.problem(origin, Some("extends"), msg, None);
            return;
        }
        let (id, text) = match loader.read(path) {
            Ok(x) => x,
            Err(why) => {
                let key = via.as_ref().map(|_| "extends");
                self.problem(
                    origin,
                    key,
                    format!("cannot read scenario `{path}`: {why}"),
                    None,
                );
                return;
            }
        };
        if self.chain.contains(&id) {
            let cycle = self
                .chain
                .iter()
                .chain([&id])
                .cloned()
                .collect::<Vec<_>>()
                .join(" -> ");
            self.problem(
                origin,
                Some("extends"),
                format!("`extends` makes a cycle: {cycle}"),
                None,
            );
            return;
        }
        if text.len() > MAX_TEXT {
            let msg = format!(
                "the file is larger than {} MiB; a scenario is a few kilobytes",
                MAX_TEXT >> 20
            );
            self.problem(origin, None, msg, None);
            return;
        }
        self.chain.push(id);
        self.vias.push(via);
        let first_problem = self.problems.len();
        let ctx = FileCtx::new(path, &text);
        match DeTable::parse(&text) {
            Err(e) => {
                let at = e.span().map_or(0, |s| s.start);
                let msg = format!("not valid TOML: {}", e.message().trim());
                self.problem(ctx.origin(at), None, msg, None);
            }
            Ok(table) => {
                let table = table.into_inner();
                if let Some(ext) = table.get("extends") {
                    match ext.get_ref() {
                        DeValue::String(base) => {
                            let base_path = if base.starts_with('/') {
                                normalize(base)
                            } else {
                                normalize(&format!("{}{}", parent(path), base))
                            };
                            let via = ctx.origin(ext.span().start);
                            self.file(&base_path, loader, Some(via), depth + 1);
                        }
                        other => {
                            let msg = format!(
                                "expected the path of another scenario, found {}",
                                convert::found(other)
                            );
                            self.problem(ctx.origin(ext.span().start), Some("extends"), msg, None);
                        }
                    }
                }
                self.table(&ctx, &table, "");
            }
        }
        // The parser's tables are sorted by key: put this file's problems in line order.
        self.problems[first_problem..].sort_by_key(|p| match &p.origin {
            Origin::File { file, line, column } if file == path => (*line, *column),
            _ => (0, 0),
        });
        self.chain.pop();
        self.vias.pop();
    }

    fn table(&mut self, ctx: &FileCtx<'_>, table: &DeTable<'_>, prefix: &str) {
        for (k, v) in table.iter() {
            let path = if prefix.is_empty() {
                k.get_ref().to_string()
            } else {
                format!("{prefix}.{}", k.get_ref())
            };
            if prefix.is_empty() && path == "sweep" {
                if self.in_view {
                    let msg =
                        "a view sets parameters; it cannot sweep (put the [sweep] in the scenario)"
                            .to_string();
                    self.problem(ctx.origin(k.span().start), Some("sweep"), msg, None);
                } else {
                    self.sweep(ctx, v);
                }
                continue;
            }
            if prefix.is_empty() && path == "lesson" {
                if self.in_view {
                    let msg = "a view sets parameters; it cannot hold a lesson".to_string();
                    self.problem(ctx.origin(k.span().start), Some("lesson"), msg, None);
                } else {
                    self.lesson(ctx, v);
                }
                continue;
            }
            if prefix.is_empty() && META_KEYS.contains(&path.as_str()) {
                self.meta(ctx, &path, v);
                continue;
            }
            if let Some(index) = SPECS.iter().position(|s| s.key == path) {
                self.value(index, v.get_ref(), ctx.origin(v.span().start), Some(ctx));
            } else if let (DeValue::Table(inner), true) = (v.get_ref(), is_section(&path)) {
                self.table(ctx, inner, &path);
            } else {
                let what = if is_section(&path) {
                    format!(
                        "`{path}` is a section; expected a table of its keys, found {}",
                        convert::found(v.get_ref())
                    )
                } else {
                    "unknown key".to_string()
                };
                let suggestion = if is_section(&path) {
                    None
                } else {
                    suggest_key(&path)
                };
                self.problem(ctx.origin(k.span().start), Some(&path), what, suggestion);
            }
        }
    }

    /// A `[sweep]` table replaces any sweep the file extends.
    fn sweep(&mut self, ctx: &FileCtx<'_>, v: &Spanned<DeValue<'_>>) {
        let DeValue::Table(table) = v.get_ref() else {
            let msg = format!(
                "expected a table of keys to sweep, e.g. [sweep] \"ussr.planned_dday\" = [...], found {}",
                convert::found(v.get_ref())
            );
            self.problem(ctx.origin(v.span().start), Some("sweep"), msg, None);
            return;
        };
        self.axes.clear();
        self.axis_positions.clear();
        self.sweep_origin = Some(ctx.origin(v.span().start));
        self.sweep_table(ctx, table, "");
        // TOML tables come back sorted by key; the axes keep the file's order.
        let mut order: Vec<usize> = (0..self.axes.len()).collect();
        order.sort_by_key(|i| self.axis_positions[*i]);
        self.axes = order.iter().map(|i| self.axes[*i].clone()).collect();
        let cells = self
            .axes
            .iter()
            .try_fold(1usize, |acc, a| acc.checked_mul(a.values.len()));
        if cells.is_none_or(|c| c > MAX_CELLS) {
            let msg = format!(
                "the sweep has more than {MAX_CELLS} cells; take fewer values or larger steps"
            );
            self.problem(ctx.origin(v.span().start), Some("sweep"), msg, None);
        }
    }

    fn sweep_table(&mut self, ctx: &FileCtx<'_>, table: &DeTable<'_>, prefix: &str) {
        for (k, v) in table.iter() {
            let path = if prefix.is_empty() {
                k.get_ref().to_string()
            } else {
                format!("{prefix}.{}", k.get_ref())
            };
            if let Some(index) = SPECS.iter().position(|s| s.key == path) {
                let spec = &SPECS[index];
                match convert::axis(&spec.kind, v.get_ref()) {
                    Ok(values) => {
                        if let Some(i) = self.axes.iter().position(|a| a.index == index) {
                            self.axes.remove(i);
                            self.axis_positions.remove(i);
                        }
                        self.axis_positions.push(k.span().start);
                        let labels = values.iter().map(|x| format_value(&spec.kind, x)).collect();
                        self.axes.push(Axis {
                            index,
                            key: spec.key,
                            values,
                            labels,
                        });
                    }
                    Err(bad) => self.located(ctx, v.span().start, &format!("sweep.{path}"), bad),
                }
            } else if let (DeValue::Table(inner), true) = (v.get_ref(), is_section(&path)) {
                self.sweep_table(ctx, inner, &path);
            } else {
                let suggestion = suggest_key(&path);
                let key = format!("sweep.{path}");
                self.problem(
                    ctx.origin(k.span().start),
                    Some(&key),
                    "unknown key to sweep".into(),
                    suggestion,
                );
            }
        }
    }

    fn meta(&mut self, ctx: &FileCtx<'_>, key: &str, v: &Spanned<DeValue<'_>>) {
        let text = match v.get_ref() {
            DeValue::String(s) => s.to_string(),
            other => {
                let msg = format!("expected a string, found {}", convert::found(other));
                self.problem(ctx.origin(v.span().start), Some(key), msg, None);
                return;
            }
        };
        match key {
            _ if self.in_view => {}
            "title" => self.title = Some(text),
            "description" => self.description = Some(text),
            _ => {}
        }
    }

    fn value(&mut self, index: usize, v: &DeValue<'_>, origin: Origin, ctx: Option<&FileCtx<'_>>) {
        let spec = &SPECS[index];
        match convert::setting(&spec.kind, v) {
            Ok(setting) => {
                self.entries.insert(index, (setting, origin));
            }
            Err(bad) => {
                // Point at the part of a distribution that is wrong, e.g. `japan.w_bomb.max`.
                let (origin, key) = match (&bad.at, ctx) {
                    (Some((offset, sub)), Some(ctx)) => {
                        (ctx.origin(*offset), format!("{}.{sub}", spec.key))
                    }
                    (Some((_, sub)), None) => (origin, format!("{}.{sub}", spec.key)),
                    (None, _) => (origin, spec.key.to_string()),
                };
                self.problem(origin, Some(&key), bad.message, bad.suggestion);
            }
        }
    }

    fn set(&mut self, assignment: &str) {
        let Some((key, raw)) = assignment.split_once('=') else {
            let msg = format!("expected KEY=VALUE, found \"{assignment}\"");
            self.problem(Origin::Set, None, msg, None);
            return;
        };
        let (key, raw) = (key.trim(), raw.trim());
        let Some(index) = SPECS.iter().position(|s| s.key == key) else {
            let suggestion = suggest_key(key);
            self.problem(Origin::Set, Some(key), "unknown key".into(), suggestion);
            return;
        };
        let parsed = DeValue::parse(raw).map(Spanned::into_inner);
        let value = match parsed {
            Ok(v) => v,
            // A bare word (`--set potsdam.emperor=guaranteed`) is meant as a string.
            Err(_) if !raw.is_empty() && !raw.starts_with(['"', '\'', '[', '{']) => {
                DeValue::String(Cow::Borrowed(raw))
            }
            Err(e) => {
                let msg = format!(
                    "the value `{raw}` is not a TOML value: {}",
                    e.message().trim()
                );
                self.problem(Origin::Set, Some(key), msg, None);
                return;
            }
        };
        self.value(index, &value, Origin::Set, None);
    }

    fn finish(mut self, path: &str) -> Result<Scenario, ScenarioError> {
        let mut params = Params::historical();
        let mut uncertainty = Uncertainty::default();
        let mut origins = vec![Origin::Default; SPECS.len()];
        for (index, (setting, origin)) in std::mem::take(&mut self.entries) {
            let spec = &SPECS[index];
            match setting {
                Setting::Fixed(value) => {
                    if (spec.set)(&mut params, value).is_err() {
                        let msg = "internal error: value of the wrong kind".to_string();
                        self.problem(origin.clone(), Some(spec.key), msg, None);
                    }
                }
                Setting::Uncertain(dist) => uncertainty.params.push((index, dist)),
            }
            origins[index] = origin;
        }
        let (lo, hi) = (
            uncertainty.at_bound(&params, false),
            uncertainty.at_bound(&params, true),
        );
        let mut found = Params::inconsistencies_between(&lo, &hi);
        if found.is_empty() {
            found = sweep_inconsistency(&self.axes, &params, &uncertainty);
        }
        for (key, message) in found {
            let origin_of = |k: &str| {
                SPECS
                    .iter()
                    .position(|s| s.key == k)
                    .map_or(Origin::Default, |i| origins[i].clone())
            };
            // Point at the key of the pair that the scenario set.
            let origin = match (origin_of(key), Params::inconsistency_partner(key)) {
                (Origin::Default, Some(partner)) => origin_of(partner),
                (origin, _) => origin,
            };
            let origin = match (key, &self.sweep_origin) {
                ("sweep", Some(o)) => o.clone(),
                _ => origin,
            };
            self.problem(origin, Some(key), message, None);
        }
        if !self.problems.is_empty() {
            return Err(ScenarioError {
                problems: self.problems,
            });
        }
        let calendar = Calendar::new(&params).map_err(|e| {
            ScenarioError::one(Problem {
                origin: Origin::Default,
                key: Some("ussr.h_hour".into()),
                message: e.to_string(),
                suggestion: None,
                via: None,
            })
        })?;
        let name = stem(path).to_string();
        Ok(Scenario {
            name,
            path: path.to_string(),
            title: self.title,
            description: self.description,
            params,
            uncertainty,
            calendar,
            origins,
            sweep: self.axes,
            views: Vec::new(),
            lesson: self.lesson,
        })
    }
}

/// The value indices of sweep cell `cell`; the first axis varies slowest.
fn cell_coordinates(axes: &[Axis], mut cell: usize) -> Vec<usize> {
    let mut coords = vec![0; axes.len()];
    for (i, axis) in axes.iter().enumerate().rev() {
        coords[i] = cell % axis.values.len();
        cell /= axis.values.len();
    }
    coords
}

fn cell_params(
    axes: &[Axis],
    cell: usize,
    base: &Params,
    uncertainty: &Uncertainty,
) -> (Params, Uncertainty) {
    let mut params = base.clone();
    for (axis, i) in axes.iter().zip(cell_coordinates(axes, cell)) {
        let _ = (SPECS[axis.index].set)(&mut params, axis.values[i].clone());
    }
    let mut u = uncertainty.clone();
    u.params
        .retain(|(index, _)| !axes.iter().any(|a| a.index == *index));
    (params, u)
}

/// The first sweep cell whose values are inconsistent, as problems of the swept keys.
fn sweep_inconsistency(
    axes: &[Axis],
    base: &Params,
    uncertainty: &Uncertainty,
) -> Vec<(&'static str, String)> {
    let cells = axes.iter().map(|a| a.values.len()).product::<usize>();
    if axes.is_empty() || cells > MAX_CELLS {
        return Vec::new();
    }
    for cell in 0..cells {
        let (p, u) = cell_params(axes, cell, base, uncertainty);
        let found = Params::inconsistencies_between(&u.at_bound(&p, false), &u.at_bound(&p, true));
        if let Some((key, message)) = found.into_iter().next() {
            let at: Vec<String> = axes
                .iter()
                .zip(cell_coordinates(axes, cell))
                .map(|(a, i)| format!("{} = {}", a.key, a.labels[i]))
                .collect();
            return vec![(
                "sweep",
                format!("in the sweep cell {}: `{key}`: {message}", at.join(", ")),
            )];
        }
    }
    Vec::new()
}

impl Scenario {
    /// How many cells its sweep has (1 without a sweep).
    pub fn cells(&self) -> usize {
        self.sweep.iter().map(|a| a.values.len()).product()
    }

    /// The scenario of sweep cell `cell`: the swept keys fixed at the cell's values.
    ///
    /// # Errors
    /// [`ScenarioError`] if the cell's calendar cannot be built.
    pub fn cell(&self, cell: usize) -> Result<Scenario, ScenarioError> {
        let (params, uncertainty) = cell_params(&self.sweep, cell, &self.params, &self.uncertainty);
        let calendar = Calendar::new(&params).map_err(|e| {
            ScenarioError::one(Problem {
                origin: Origin::Default,
                key: Some("sweep".into()),
                message: e.to_string(),
                suggestion: None,
                via: None,
            })
        })?;
        Ok(Scenario {
            params,
            uncertainty,
            calendar,
            sweep: Vec::new(),
            ..self.clone()
        })
    }

    /// The labels (`key = value`) of sweep cell `cell`.
    pub fn cell_labels(&self, cell: usize) -> Vec<String> {
        self.sweep
            .iter()
            .zip(cell_coordinates(&self.sweep, cell))
            .map(|(a, i)| a.labels[i].clone())
            .collect()
    }

    /// The parameters and random sources of world `world` under master seed `seed`: every
    /// uncertain parameter drawn from its own stream.
    pub fn world(&self, seed: u64, world: u64) -> (Params, Streams) {
        let streams = Streams::new(seed, world);
        let params = if self.uncertainty.params.is_empty() {
            self.params.clone()
        } else {
            self.uncertainty.draw(&self.params, &streams)
        };
        (params, streams)
    }

    /// World `world` with the uncertain parameters at positions `factors` (in
    /// `uncertainty.params`) placed at shares `u` of their distributions; the other
    /// parameters and the model's own sources are drawn as in [`Scenario::world`].
    pub fn world_at(
        &self,
        seed: u64,
        world: u64,
        factors: &[usize],
        u: &[f64],
    ) -> (Params, Streams) {
        let streams = Streams::new(seed, world);
        let params = self
            .uncertainty
            .draw_except(&self.params, &streams, factors, u);
        (params, streams)
    }

    /// The resolved scenario as a TOML file: every parameter (after `extends`, views and
    /// `--set`) with its value or distribution, and the sweep; with `origins`, each line
    /// says where its value came from. Loading the text gives the same scenario again.
    pub fn resolved_text(&self, origins: bool) -> String {
        let mut out = String::new();
        if let Some(title) = &self.title {
            out.push_str(&format!("title = {}\n", toml_string(title)));
        }
        let mut section = "";
        for (index, (spec, origin)) in SPECS.iter().zip(&self.origins).enumerate() {
            let (head, rest) = spec.key.split_once('.').unwrap_or(("", spec.key));
            if head != section {
                section = head;
                out.push_str(&format!("\n[{section}]\n"));
            }
            let value = self.literal(index);
            if origins {
                out.push_str(&format!("{rest} = {value}  # {origin}\n"));
            } else {
                out.push_str(&format!("{rest} = {value}\n"));
            }
        }
        if !self.sweep.is_empty() {
            out.push_str(&format!("\n# {} sweep cells\n[sweep]\n", self.cells()));
            for axis in &self.sweep {
                out.push_str(&format!(
                    "\"{}\" = [{}]\n",
                    axis.key,
                    axis.labels.join(", ")
                ));
            }
        }
        out
    }

    /// How the scenario sets parameter `index` of [`SPECS`], as a TOML literal: its value,
    /// or its distribution.
    pub fn literal(&self, index: usize) -> String {
        let spec = &SPECS[index];
        match self.uncertainty.params.iter().find(|(i, _)| *i == index) {
            Some((_, dist)) => format_dist(&spec.kind, dist),
            None => format_value(&spec.kind, &(spec.get)(&self.params)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalize() {
        assert_eq!(
            normalize("scenarios/lessons/../historical.toml"),
            "scenarios/historical.toml"
        );
        assert_eq!(normalize("./a.toml"), "a.toml");
        assert_eq!(normalize("/x/./y/../z.toml"), "/x/z.toml");
        assert_eq!(normalize("../a.toml"), "../a.toml");
    }

    #[test]
    fn every_value_round_trips_through_its_literal() {
        let p = Params::historical();
        for spec in SPECS {
            let literal = format_value(&spec.kind, &(spec.get)(&p));
            let set = format!("{}={literal}", spec.key);
            let s = parse_str("x.toml", "", &[set]).unwrap_or_else(|e| panic!("{}: {e}", spec.key));
            assert_eq!((spec.get)(&s.params), (spec.get)(&p), "{}", spec.key);
        }
    }
}
