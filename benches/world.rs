//! One world of the baseline scenario, and 100,000 worlds end to end (drawn, run and
//! summarised in parallel, as `endgame run` does without writing files).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use endgame::bench::worlds_per_second;
use endgame::experiment::{Pool, outcome};
use endgame::scenario::{Loader, load};

struct Files;

impl Loader for Files {
    fn read(&self, path: &str) -> Result<(String, String), String> {
        let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        std::fs::read_to_string(&full)
            .map(|t| (full.display().to_string(), t))
            .map_err(|e| e.to_string())
    }
}

fn worlds(c: &mut Criterion) {
    let Ok(baseline) = load("scenarios/baseline.toml", &[], &Files) else {
        panic!("scenarios/baseline.toml must load");
    };
    let mut group = c.benchmark_group("baseline");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Elements(1));
    let mut k = 0;
    group.bench_function("one_world", |b| {
        b.iter(|| {
            k += 1;
            outcome(black_box(&baseline), 1945, k)
        })
    });
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    group.throughput(Throughput::Elements(100_000));
    let Ok(pool) = Pool::new(None) else {
        panic!("cannot start the worker threads");
    };
    group.bench_function("100k_worlds_all_threads", |b| {
        b.iter(|| worlds_per_second(black_box(&baseline), &pool, 100_000))
    });
    group.finish();
}

criterion_group!(benches, worlds);
criterion_main!(benches);
