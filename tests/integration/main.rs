//! Endgame's integration tests: one binary, a module per concern.

mod analysis;
mod browser;
mod causal;
mod cli;
mod engine;
mod golden;
mod monte_carlo;
mod robustness;
mod scenario_errors;
mod support;
