//! `manifest.json`: what produced an output folder, so a figure can be traced to its inputs
//! and a world replayed; and the guard that keeps one run from overwriting another.

use std::path::Path;

use anyhow::Context;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use endgame::scenario::Scenario;

use super::output::write;

/// One scenario as it was run: its resolved text loads back to the same scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestScenario {
    /// Its path.
    pub path: String,
    /// The views applied.
    pub views: Vec<String>,
    /// The `--set` overrides applied.
    pub overrides: Vec<String>,
    /// Every parameter after `extends`, views and `--set`, as a scenario file.
    pub resolved: String,
    /// SHA-256 of `resolved`.
    pub sha256: String,
}

/// The provenance of an output folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// "endgame".
    pub program: String,
    /// The program's version.
    pub version: String,
    /// The command: run, compare, sweep, views, sensitivity or merge.
    pub command: String,
    /// The command line, as typed.
    pub command_line: Vec<String>,
    /// The scenarios, in the command's order.
    pub scenarios: Vec<ManifestScenario>,
    /// The master seed.
    pub seed: u64,
    /// Worlds (per scenario, sweep cell or view), or design points.
    pub worlds: u64,
    /// The shard, if one.
    pub shard: Option<(u64, u64)>,
    /// Options that change the results (outcome, method, ...).
    pub options: serde_json::Value,
    /// When the run started (UTC).
    pub started: String,
    /// When it finished (UTC); absent while running or if interrupted.
    pub finished: Option<String>,
    /// "running", "complete" or "interrupted".
    pub status: String,
}

impl Manifest {
    /// Starts the manifest of a run and checks the output folder: a folder holding the
    /// results of a different run is not overwritten without `force`.
    ///
    /// # Errors
    /// When the folder holds another run, or cannot be written.
    #[allow(clippy::too_many_arguments)]
    pub fn begin(
        out: &Path,
        command: &str,
        scenarios: &[&Scenario],
        sets: &[String],
        seed: u64,
        worlds: u64,
        shard: Option<(u64, u64)>,
        options: serde_json::Value,
        force: bool,
    ) -> anyhow::Result<Manifest> {
        let manifest = Manifest {
            program: "endgame".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            command: command.into(),
            command_line: std::env::args().collect(),
            scenarios: scenarios
                .iter()
                .map(|s| {
                    let resolved = s.resolved_text(false);
                    ManifestScenario {
                        path: s.path.clone(),
                        views: s.views.clone(),
                        overrides: sets.to_vec(),
                        sha256: format!("{:x}", Sha256::digest(resolved.as_bytes())),
                        resolved,
                    }
                })
                .collect(),
            seed,
            worlds,
            shard,
            options,
            started: jiff::Timestamp::now()
                .strftime("%Y-%m-%dT%H:%M:%SZ")
                .to_string(),
            finished: None,
            status: "running".into(),
        };
        guard(out, &manifest, force)?;
        super::output::folder(out)?;
        manifest.save(out)?;
        Ok(manifest)
    }

    /// Starts the manifest of a merge: the shards' run, whole.
    ///
    /// # Errors
    /// When the first shard has no manifest, or the folder holds another run.
    pub fn begin_merge(out: &Path, first_shard: &Path, force: bool) -> anyhow::Result<Manifest> {
        let mut manifest = Manifest::read(first_shard)?;
        manifest.shard = None;
        manifest.command_line = std::env::args().collect();
        manifest.started = jiff::Timestamp::now()
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        manifest.finished = None;
        manifest.status = "running".into();
        guard(out, &manifest, force)?;
        super::output::folder(out)?;
        manifest.save(out)?;
        Ok(manifest)
    }

    /// Marks the run complete.
    ///
    /// # Errors
    /// When the manifest cannot be written.
    pub fn finish(mut self, out: &Path) -> anyhow::Result<()> {
        self.finished = Some(
            jiff::Timestamp::now()
                .strftime("%Y-%m-%dT%H:%M:%SZ")
                .to_string(),
        );
        self.status = "complete".into();
        self.save(out)
    }

    /// Marks the run interrupted (see `partial.json` for what it saved, if anything).
    ///
    /// # Errors
    /// When the manifest cannot be written.
    pub fn interrupted(mut self, out: &Path) -> anyhow::Result<()> {
        self.status = "interrupted".into();
        self.save(out)
    }

    fn save(&self, out: &Path) -> anyhow::Result<()> {
        let json = serde_json::to_string_pretty(self).context("cannot encode the manifest")?;
        write(&out.join("manifest.json"), &(json + "\n"))?;
        Ok(())
    }

    /// Reads the manifest of an output folder.
    ///
    /// # Errors
    /// When there is none, or it is not a manifest.
    pub fn read(dir: &Path) -> anyhow::Result<Manifest> {
        let path = dir.join("manifest.json");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        serde_json::from_str(&text)
            .with_context(|| format!("{} is not an endgame manifest", path.display()))
    }

    /// Whether two manifests describe the same run (the same results), whenever and
    /// however they were typed.
    fn same_run(&self, other: &Manifest) -> bool {
        let hashes = |m: &Manifest| {
            m.scenarios
                .iter()
                .map(|s| s.sha256.clone())
                .collect::<Vec<_>>()
        };
        self.version == other.version
            && self.command == other.command
            && hashes(self) == hashes(other)
            && self.seed == other.seed
            && self.worlds == other.worlds
            && self.shard == other.shard
            && self.options == other.options
    }
}

/// Files the commands write: a folder holding any of them holds results.
const RESULT_FILES: &[&str] = &[
    "worlds.csv",
    "summary.json",
    "shard.json",
    "compare.json",
    "sweep.csv",
    "views.csv",
    "sensitivity.csv",
];

fn guard(out: &Path, manifest: &Manifest, force: bool) -> anyhow::Result<()> {
    if force || !out.exists() {
        return Ok(());
    }
    let refuse = |why: String| -> anyhow::Result<()> {
        Err(super::Refused(format!(
            "{} {why}; choose another folder with --out, or overwrite it with --force",
            out.display()
        ))
        .into())
    };
    match Manifest::read(out) {
        Ok(old) if old.same_run(manifest) => Ok(()),
        Ok(old) => refuse(format!(
            "holds the results of another run ({} of {}, seed {}, {} worlds)",
            old.command,
            old.scenarios
                .iter()
                .map(|s| s.path.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            old.seed,
            old.worlds
        )),
        Err(_) if RESULT_FILES.iter().any(|f| out.join(f).exists()) => {
            refuse("already holds results with no manifest".to_string())
        }
        Err(_) => Ok(()),
    }
}
