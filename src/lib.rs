pub mod engine;
pub mod model;
pub mod random;
pub mod time;
