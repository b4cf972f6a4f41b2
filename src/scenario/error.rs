//! Scenario errors: each names the file, line and column, the key, what was expected and
//! what was found, and the nearest valid key or value.

use std::fmt;

/// Where a scenario value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file, at a 1-based line and column.
    File {
        /// The file's path as the user would write it.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A `--set KEY=VALUE` override on the command line.
    Set,
    /// Another command-line option, by name (e.g. `--view`).
    Flag(String),
    /// The built-in historical value.
    Default,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::File { file, line, column } => write!(f, "{file}:{line}:{column}"),
            Origin::Set => f.write_str("--set"),
            Origin::Flag(name) => f.write_str(name),
            Origin::Default => f.write_str("(historical default)"),
        }
    }
}

/// One problem in a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where.
    pub origin: Origin,
    /// The dotted key, when the problem is about one.
    pub key: Option<String>,
    /// What is wrong: what was expected and what was found.
    pub message: String,
    /// The nearest valid key or value, if one is close.
    pub suggestion: Option<String>,
    /// The `extends` line through which the file holding the problem was reached.
    pub via: Option<Origin>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.origin)?;
        if let Some(key) = &self.key {
            write!(f, "`{key}`: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(s) = &self.suggestion {
            write!(f, "; did you mean {s}?")?;
        }
        if let Some(via) = &self.via {
            write!(f, " (in a file extended at {via})")?;
        }
        Ok(())
    }
}

/// A scenario that could not be loaded: every problem found, in file order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ScenarioError {
    /// The problems.
    pub problems: Vec<Problem>,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl ScenarioError {
    pub(crate) fn one(problem: Problem) -> Self {
        ScenarioError {
            problems: vec![problem],
        }
    }
}

/// The candidate nearest to `word`, if it is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // No real key or value is this long: a typo of one is not either, and comparing a
    // megabyte of text with every key would take seconds.
    if word.len() > 200 {
        return None;
    }
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}
