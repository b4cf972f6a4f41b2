//! PHOLD on the engine, beside the same model on a bare binary heap (see
//! `endgame::bench::phold`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use endgame::bench::phold::{SEED, bare_heap, engine};

const EVENTS: u64 = 1_000_000;

fn phold(c: &mut Criterion) {
    // A benchmark of two loops doing different work would measure nothing.
    assert_eq!(engine(SEED, EVENTS), bare_heap(SEED, EVENTS));

    let mut group = c.benchmark_group("phold");
    group.throughput(Throughput::Elements(EVENTS));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("engine", |b| b.iter(|| engine(black_box(SEED), EVENTS)));
    group.bench_function("binary_heap", |b| {
        b.iter(|| bare_heap(black_box(SEED), EVENTS))
    });
    group.finish();
}

criterion_group!(benches, phold);
criterion_main!(benches);
