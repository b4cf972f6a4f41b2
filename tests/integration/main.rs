//! Endgame's integration tests: one binary, a module per concern.

mod causal;
mod golden;
mod support;
