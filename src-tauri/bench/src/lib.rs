//! Hearth's benchmarks live in `benches/` (`make bench`); this crate has no code of its own. It
//! exists so that criterion, which compiles C, stays out of hearth-core's dev-dependencies.
