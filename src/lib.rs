pub mod engine;
pub mod model;
pub mod random;
pub mod report;
pub mod scenario;
pub mod time;
