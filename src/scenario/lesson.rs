//! The `[lesson]` table: what a classroom page built from the scenario asks, and which
//! levers students may move.
//!
//! ```toml
//! [lesson]
//! question = "What ended the war: the bomb or Soviet entry?"
//! worlds = 2000            # worlds per run in the browser
//! seed = 1945
//! notice = ["Where does the Soviet curve jump?"]
//! try = ["Keep the USSR out of the war."]
//!
//! [[lesson.levers]]
//! key = "ussr.enters_war"
//! label = "The Soviet Union enters the war"
//! values = [true, false]
//! labels = ["Yes, as it did", "No: it stays neutral"]
//! document = "Yalta agreement, 11 February 1945"
//! ```
//!
//! `values` is a list, or `{ from, to, step }` for times, durations and numbers (as in a
//! `[sweep]`); `labels` (optional, one per listed value) names them for students.

use toml::Spanned;
use toml::de::DeValue;

use super::convert::{self, format_value};
use super::{FileCtx, State, nearest};
use crate::model::registry::{SPECS, Value};

/// The most worlds a lesson may run per click in the browser.
pub const MAX_LESSON_WORLDS: u64 = 20_000;
/// The most levers a lesson may have.
const MAX_LEVERS: usize = 12;
/// The keys of `[lesson]`.
const LESSON_KEYS: &[&str] = &["question", "worlds", "seed", "notice", "try", "levers"];
/// The keys of a lever.
const LEVER_KEYS: &[&str] = &["key", "label", "values", "labels", "document"];

/// A classroom lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    /// The question the page opens with.
    pub question: String,
    /// Worlds per run in the browser.
    pub worlds: u64,
    /// The master seed.
    pub seed: u64,
    /// Things to notice on the page.
    pub notice: Vec<String>,
    /// Things to try with the levers.
    pub try_these: Vec<String>,
    /// The levers, in the file's order.
    pub levers: Vec<Lever>,
}

/// One control students may move: a parameter and the values it may take.
#[derive(Debug, Clone, PartialEq)]
pub struct Lever {
    /// The parameter's index in [`SPECS`].
    pub index: usize,
    /// The parameter's key.
    pub key: &'static str,
    /// What the control says.
    pub label: String,
    /// The values it offers.
    pub values: Vec<Value>,
    /// The values as scenario literals (what `--set KEY=...` takes).
    pub literals: Vec<String>,
    /// The values as students read them.
    pub labels: Vec<String>,
    /// The primary document the lever rests on.
    pub document: String,
}

impl State {
    /// Reports `message` about `key`, whose value starts at `offset` in the file.
    fn say(&mut self, ctx: &FileCtx<'_>, offset: usize, key: &str, message: String) {
        self.problem(ctx.origin(offset), Some(key), message, None);
    }

    /// Reads a `[lesson]` table; a file's lesson replaces any lesson it extends.
    pub(super) fn lesson(&mut self, ctx: &FileCtx<'_>, v: &Spanned<DeValue<'_>>) {
        let DeValue::Table(table) = v.get_ref() else {
            let msg = format!(
                "expected a table: [lesson] with question, worlds, seed, notice, try and [[lesson.levers]], found {}",
                convert::found(v.get_ref())
            );
            self.say(ctx, v.span().start, "lesson", msg);
            return;
        };
        let mut lesson = Lesson {
            question: String::new(),
            worlds: 2000,
            seed: 1945,
            notice: Vec::new(),
            try_these: Vec::new(),
            levers: Vec::new(),
        };
        let first_problem = self.problems.len();
        for (k, item) in table.iter() {
            let key = k.get_ref().as_ref();
            let path = format!("lesson.{key}");
            let offset = item.span().start;
            match key {
                "question" => match item.get_ref() {
                    DeValue::String(s) if !s.trim().is_empty() => lesson.question = s.to_string(),
                    other => {
                        let msg = format!(
                            "expected the question as a string, found {}",
                            convert::found(other)
                        );
                        self.say(ctx, offset, &path, msg);
                    }
                },
                "worlds" | "seed" => {
                    let (min, max) = if key == "worlds" {
                        (100, MAX_LESSON_WORLDS as i64)
                    } else {
                        (0, i64::MAX)
                    };
                    match convert::integer(item.get_ref()) {
                        Some(n) if (min..=max).contains(&n) => {
                            if key == "worlds" {
                                lesson.worlds = n as u64;
                            } else {
                                lesson.seed = n as u64;
                            }
                        }
                        _ => {
                            let msg = format!(
                                "expected a whole number from {min} to {max}, found {}",
                                convert::found(item.get_ref())
                            );
                            self.say(ctx, offset, &path, msg);
                        }
                    }
                }
                "notice" | "try" => match strings(item.get_ref()) {
                    Ok(list) => {
                        if key == "notice" {
                            lesson.notice = list;
                        } else {
                            lesson.try_these = list;
                        }
                    }
                    Err(found) => {
                        let msg = format!("expected a list of strings, found {found}");
                        self.say(ctx, offset, &path, msg);
                    }
                },
                "levers" => match item.get_ref() {
                    DeValue::Array(items) if items.len() <= MAX_LEVERS => {
                        for (n, lever) in items.iter().enumerate() {
                            if let Some(lever) = self.lever(ctx, lever, n) {
                                lesson.levers.push(lever);
                            }
                        }
                    }
                    DeValue::Array(items) => {
                        let msg = format!(
                            "a lesson has at most {MAX_LEVERS} levers, found {}",
                            items.len()
                        );
                        self.say(ctx, offset, &path, msg);
                    }
                    other => {
                        let msg = format!(
                            "expected [[lesson.levers]] tables, found {}",
                            convert::found(other)
                        );
                        self.say(ctx, offset, &path, msg);
                    }
                },
                _ => {
                    let suggestion =
                        nearest(key, LESSON_KEYS.iter().copied()).map(|s| format!("`lesson.{s}`"));
                    self.problem(
                        ctx.origin(k.span().start),
                        Some(&path),
                        "unknown key".into(),
                        suggestion,
                    );
                }
            }
        }
        if lesson.question.is_empty() && self.problems.len() == first_problem {
            let msg = "a lesson needs a `question`".to_string();
            self.say(ctx, v.span().start, "lesson", msg);
        }
        for (i, lever) in lesson.levers.iter().enumerate() {
            if lesson.levers[..i].iter().any(|l| l.index == lever.index) {
                let msg = format!("`{}` has two levers; give it one", lever.key);
                self.say(ctx, v.span().start, "lesson.levers", msg);
            }
        }
        if self.problems.len() == first_problem {
            self.lesson = Some(lesson);
        }
    }

    fn lever(&mut self, ctx: &FileCtx<'_>, item: &Spanned<DeValue<'_>>, n: usize) -> Option<Lever> {
        let here = format!("lesson.levers[{n}]");
        let DeValue::Table(table) = item.get_ref() else {
            let msg = format!(
                "expected a table with key, label, values and document, found {}",
                convert::found(item.get_ref())
            );
            self.say(ctx, item.span().start, &here, msg);
            return None;
        };
        let before = self.problems.len();
        for (k, _) in table.iter() {
            let key = k.get_ref().as_ref();
            if !LEVER_KEYS.contains(&key) {
                let suggestion = nearest(key, LEVER_KEYS.iter().copied()).map(|s| format!("`{s}`"));
                let path = format!("{here}.{key}");
                self.problem(
                    ctx.origin(k.span().start),
                    Some(&path),
                    "unknown key".into(),
                    suggestion,
                );
            }
        }
        let text = |state: &mut State, name: &str| -> Option<String> {
            let path = format!("{here}.{name}");
            match table.get(name) {
                Some(v) => match v.get_ref() {
                    DeValue::String(s) if !s.trim().is_empty() => Some(s.to_string()),
                    other => {
                        let msg = format!("expected a string, found {}", convert::found(other));
                        state.say(ctx, v.span().start, &path, msg);
                        None
                    }
                },
                None => {
                    let msg = format!("a lever needs `{name}`");
                    state.say(ctx, item.span().start, &path, msg);
                    None
                }
            }
        };
        let key = text(self, "key");
        let label = text(self, "label");
        let document = text(self, "document");
        let index = key.as_deref().and_then(|key| {
            let found = SPECS.iter().position(|s| s.key == key);
            if found.is_none() {
                let suggestion = super::suggest_key(key);
                let origin = table.get("key").map_or(ctx.origin(item.span().start), |v| {
                    ctx.origin(v.span().start)
                });
                let path = format!("{here}.key");
                self.problem(
                    origin,
                    Some(&path),
                    format!("no parameter `{key}`"),
                    suggestion,
                );
            }
            found
        });
        let values = match (index, table.get("values")) {
            (Some(index), Some(v)) => {
                let spec = &SPECS[index];
                match convert::axis(&spec.kind, v.get_ref()) {
                    Ok(values) if values.len() >= 2 => Some(values),
                    Ok(_) => {
                        let msg = "a lever needs at least two values".to_string();
                        self.say(ctx, v.span().start, &format!("{here}.values"), msg);
                        None
                    }
                    Err(bad) => {
                        self.located(ctx, v.span().start, &format!("{here}.values"), bad);
                        None
                    }
                }
            }
            (_, None) => {
                let msg = "a lever needs `values`: a list, or { from, to, step }".to_string();
                self.say(ctx, item.span().start, &format!("{here}.values"), msg);
                None
            }
            (None, Some(_)) => None,
        };
        let labels = match table.get("labels") {
            None => None,
            Some(v) => match (strings(v.get_ref()), &values) {
                (Ok(list), Some(values)) if list.len() == values.len() => Some(list),
                (Ok(list), Some(values)) => {
                    let msg = format!(
                        "expected one label per value ({}), found {}",
                        values.len(),
                        list.len()
                    );
                    self.say(ctx, v.span().start, &format!("{here}.labels"), msg);
                    None
                }
                (Ok(_), None) => None,
                (Err(found), _) => {
                    let msg = format!("expected a list of strings, found {found}");
                    self.say(ctx, v.span().start, &format!("{here}.labels"), msg);
                    None
                }
            },
        };
        if self.problems.len() != before {
            return None;
        }
        let (index, values) = (index?, values?);
        let spec = &SPECS[index];
        let literals: Vec<String> = values.iter().map(|x| format_value(&spec.kind, x)).collect();
        let labels = labels.unwrap_or_else(|| {
            literals
                .iter()
                .map(|l| l.trim_matches('"').to_string())
                .collect()
        });
        Some(Lever {
            index,
            key: spec.key,
            label: label?,
            values,
            literals,
            labels,
            document: document?,
        })
    }
}

/// A list of strings, or what was found instead.
fn strings(v: &DeValue<'_>) -> Result<Vec<String>, String> {
    match v {
        DeValue::Array(items) => items
            .iter()
            .map(|i| match i.get_ref() {
                DeValue::String(s) => Ok(s.to_string()),
                other => Err(convert::found(other)),
            })
            .collect(),
        other => Err(convert::found(other)),
    }
}

#[cfg(test)]
mod tests {
    use crate::scenario::parse_str;

    const LESSON: &str = r#"
[lesson]
question = "Who ended the war?"
worlds = 500
notice = ["a"]
try = ["b", "c"]

[[lesson.levers]]
key = "ussr.enters_war"
label = "The USSR enters"
values = [true, false]
labels = ["yes", "no"]
document = "Yalta"

[[lesson.levers]]
key = "usa.schedule_shift"
label = "Bomb schedule"
values = { from = "-5d", to = "10d", step = "5d" }
document = "Groves to Marshall"
"#;

    #[test]
    fn a_lesson_reads_its_levers() {
        let s = parse_str("l.toml", LESSON, &[]).unwrap();
        let l = s.lesson.unwrap();
        assert_eq!(l.question, "Who ended the war?");
        assert_eq!((l.worlds, l.seed), (500, 1945));
        assert_eq!(l.try_these, ["b", "c"]);
        assert_eq!(l.levers.len(), 2);
        assert_eq!(l.levers[0].literals, ["true", "false"]);
        assert_eq!(l.levers[0].labels, ["yes", "no"]);
        assert_eq!(l.levers[1].values.len(), 4);
        assert_eq!(l.levers[1].literals[0], "\"-5d\"");
        assert_eq!(l.levers[1].labels[3], "10d");
    }

    #[test]
    fn lesson_mistakes_are_located() {
        let bad = LESSON
            .replace("ussr.enters_war", "ussr.enter_war")
            .replace("labels = [\"yes\", \"no\"]", "labels = [\"yes\"]")
            .replace("worlds = 500", "worlds = 5");
        let err = parse_str("l.toml", &bad, &[]).unwrap_err().to_string();
        assert!(
            err.contains(
                "l.toml:4:10: `lesson.worlds`: expected a whole number from 100 to 20000, found the integer 5"
            ),
            "{err}"
        );
        assert!(err.contains("`lesson.levers[0].key`: no parameter `ussr.enter_war`; did you mean `ussr.enters_war`?"), "{err}");
        let err = parse_str(
            "l.toml",
            &LESSON.replace("labels = [\"yes\", \"no\"]", "labels = [\"yes\"]"),
            &[],
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("`lesson.levers[0].labels`: expected one label per value (2), found 1"),
            "{err}"
        );
        let err = parse_str("l.toml", "[lesson]\nquestion = \"q\"\nlevel = 3\n", &[])
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "l.toml:3:1: `lesson.level`: unknown key; did you mean `lesson.levers`?"
        );
    }
}
