// Its `reorders` serves tests/fold.rs only.
#[allow(dead_code)]
#[path = "build/fold_tables.rs"]
mod fold_tables;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{out}/fold_tables.rs"), fold_tables::tables())
        .expect("OUT_DIR is writable");
}
