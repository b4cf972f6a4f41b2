//! `endgame report`: one self-contained HTML page that runs the simulator in the browser.
//!
//! The page holds everything it needs: the browser module (`web/endgame_web.wasm`, the
//! engine, model, scenario parser and classroom code compiled to wasm32), the two resolved
//! scenarios, the lesson, the historical timeline for the debrief, the style and the
//! script. It makes no network request.

use std::path::{Path, PathBuf};

use anyhow::Context;
use base64::Engine as _;
use serde::Serialize;

use endgame::classroom::default_lesson;
use endgame::model::registry::SPECS;
use endgame::model::{Happening, run_world};
use endgame::report::trace;
use endgame::scenario::{Lesson, Scenario, parse_str};
use endgame::summary::PROGRAM;

use super::Refused;
use super::output::write;

/// The browser module, built by `scripts/build-web.sh`.
const WASM: &[u8] = include_bytes!("../../web/endgame_web.wasm");
const TEMPLATE: &str = include_str!("../../web/page/page.html");
const STYLE: &str = include_str!("../../web/page/page.css");
const SCRIPT: &str = include_str!("../../web/page/page.js");
/// What marks a file as a page this command wrote (so it may be replaced).
const GENERATOR: &str = "<meta name=\"generator\" content=\"endgame report\">";
/// The largest page, so it fits a course site and an e-mail [bytes].
pub const MAX_PAGE: usize = 3 << 20;

/// The data the page's script reads.
#[derive(Serialize)]
struct PageData<'a> {
    program: &'a endgame::summary::ProgramInfo,
    title: String,
    description: Option<&'a str>,
    question: &'a str,
    notice: &'a [String],
    try_these: &'a [String],
    seed: u64,
    worlds: u64,
    reference: ScenarioText,
    scenario: ScenarioText,
    levers: Vec<LeverData<'a>>,
    historical: Vec<HistoricalEvent>,
    command: String,
}

#[derive(Serialize)]
struct ScenarioText {
    name: String,
    path: String,
    title: Option<String>,
    text: String,
}

#[derive(Serialize)]
struct LeverData<'a> {
    key: &'a str,
    label: &'a str,
    document: &'a str,
    values: &'a [String],
    labels: &'a [String],
    /// How the scenario sets the key (a value or a distribution).
    current: String,
    /// The value the control starts at: the scenario's, when it is one of the values.
    start: Option<usize>,
    doc: &'static str,
    unit: &'static str,
    historical: &'static str,
    range: &'static str,
    source: &'static str,
}

#[derive(Serialize)]
struct HistoricalEvent {
    local: String,
    text: String,
    source: &'static str,
}

/// Options of `endgame report`.
pub struct ReportOptions {
    /// The command line that made the page, for its footer.
    pub command: String,
    /// Worlds per run (default: the lesson's).
    pub worlds: Option<u64>,
    /// The seed (default: the lesson's).
    pub seed: Option<u64>,
    /// Replace a file that is not a page this command wrote.
    pub force: bool,
}

fn text_of(s: &Scenario) -> ScenarioText {
    ScenarioText {
        name: s.name.clone(),
        path: s.path.clone(),
        title: s.title.clone(),
        text: s.resolved_text(false),
    }
}

/// The historical world, narrated: the debrief's "what actually happened".
fn historical() -> anyhow::Result<Vec<HistoricalEvent>> {
    let text = include_str!("../../scenarios/historical.toml");
    let s = parse_str("historical.toml", text, &[])
        .map_err(|e| anyhow::anyhow!("the built-in historical scenario: {e}"))?;
    let (params, streams) = s.world(0, 0);
    let mut log: Vec<Happening> = Vec::new();
    run_world(&params, &s.calendar, streams, &mut log);
    Ok(log
        .iter()
        .map(|h| {
            let line = trace::line(h);
            HistoricalEvent {
                local: format!(
                    "{} {}",
                    line.local
                        .get(..16)
                        .unwrap_or(&line.local)
                        .replace('T', " "),
                    h.place()
                ),
                text: line.text,
                source: line.source,
            }
        })
        .collect())
}

/// Writes the page for `scenario` compared with `against` to `out`.
pub fn report(
    scenario: &Scenario,
    against: &Scenario,
    o: &ReportOptions,
    out: &Path,
) -> anyhow::Result<PathBuf> {
    let lesson: Lesson = match &scenario.lesson {
        Some(l) => l.clone(),
        None => default_lesson().context("the built-in lesson does not parse")?,
    };
    if let Some(sweep) = scenario.sweep.first().or(against.sweep.first()) {
        return Err(Refused(format!(
            "a page compares two scenarios; `{}` sweeps `{}` (use `endgame sweep` for it)",
            scenario.path, sweep.key
        ))
        .into());
    }
    let worlds = o.worlds.unwrap_or(lesson.worlds);
    if !(1..=endgame::scenario::MAX_LESSON_WORLDS).contains(&worlds) {
        return Err(Refused(format!(
            "a page runs 1 to {} worlds per click in the browser, not {worlds}",
            endgame::scenario::MAX_LESSON_WORLDS
        ))
        .into());
    }
    let levers = lesson
        .levers
        .iter()
        .map(|l| {
            let spec = &SPECS[l.index];
            let current = scenario.literal(l.index);
            LeverData {
                key: l.key,
                label: &l.label,
                document: &l.document,
                values: &l.literals,
                labels: &l.labels,
                start: l.literals.iter().position(|v| *v == current),
                current,
                doc: spec.doc,
                unit: spec.unit,
                historical: spec.historical,
                range: spec.range,
                source: spec.source,
            }
        })
        .collect();
    let title = scenario
        .title
        .clone()
        .unwrap_or_else(|| scenario.name.replace('_', " "));
    let data = PageData {
        program: &PROGRAM,
        title: title.clone(),
        description: scenario.description.as_deref(),
        question: &lesson.question,
        notice: &lesson.notice,
        try_these: &lesson.try_these,
        seed: o.seed.unwrap_or(lesson.seed),
        worlds,
        reference: text_of(against),
        scenario: text_of(scenario),
        levers,
        historical: historical()?,
        command: o.command.clone(),
    };
    let json = serde_json::to_string(&data).context("cannot encode the page's data")?;
    let page = TEMPLATE
        .replace("{{GENERATOR}}", GENERATOR)
        .replace("{{TITLE}}", &html_escape(&title))
        .replace("{{STYLE}}", STYLE)
        .replace("{{DATA}}", &script_safe(&json))
        .replace("{{SCRIPT}}", &script_safe(SCRIPT))
        .replace(
            "{{WASM}}",
            &base64::engine::general_purpose::STANDARD.encode(WASM),
        );
    if page.len() > MAX_PAGE {
        anyhow::bail!(
            "the page would be {} bytes, over the {} MiB limit",
            page.len(),
            MAX_PAGE >> 20
        );
    }
    if let Ok(existing) = std::fs::read_to_string(out) {
        if !o.force && !existing.contains(GENERATOR) {
            return Err(Refused(format!(
                "{} exists and is not a page `endgame report` wrote; choose another --out or add --force",
                out.display()
            ))
            .into());
        }
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    write(out, &page)
}

/// Escapes text for HTML.
fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Keeps a `<script>` element's text from closing it early.
fn script_safe(s: &str) -> String {
    s.replace("</", "<\\/")
}

/// This process's command line, as a user would type it again.
pub fn command_line() -> String {
    std::iter::once("endgame".to_string())
        .chain(std::env::args().skip(1).map(|a| {
            if !a.is_empty()
                && a.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+".contains(c))
            {
                a
            } else {
                format!("'{}'", a.replace('\'', "'\\''"))
            }
        }))
        .collect::<Vec<_>>()
        .join(" ")
}
