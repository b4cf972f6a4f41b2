#!/bin/sh
# Builds web/endgame_web.wasm, the simulator that `endgame report` embeds in its pages.
#
# The build is reproducible: the sources it needs are copied to one fixed folder and built
# there with paths remapped, so any checkout with the same Rust toolchain (web/TOOLCHAIN)
# gives the same bytes. CI rebuilds it and compares.
#   scripts/build-web.sh          rebuild web/endgame_web.wasm
#   scripts/build-web.sh --check  rebuild and fail if it differs from web/endgame_web.wasm
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)

# The files the module is built from (the library without its command-line parts), and
# their fingerprint: each path, a NUL, its bytes, a NUL, in byte order of the paths. The
# test `the_browser_module_is_built_from_these_sources` recomputes it without the wasm
# target, so a module left stale fails the tests on any machine.
sources() {
    cd "$root" && find src web/src -type f -name '*.rs' \
        ! -path 'src/cli/*' ! -path 'src/plot/*' ! -path 'src/bench/*' ! -path 'src/experiment/*' \
        ! -name main.rs
    echo Cargo.toml
    echo web/Cargo.toml
    echo web/Cargo.lock
}
fingerprint() {
    sources | LC_ALL=C sort | while read -r f; do printf '%s\0' "$f"; cat "$root/$f"; printf '\0'; done \
        | sha256sum | cut -d' ' -f1
}
cargo_home=${CARGO_HOME:-$HOME/.cargo}
work=/tmp/endgame-web-build
want=$(cat "$root/web/TOOLCHAIN")
have=$(rustc --version)
if [ "$have" != "$want" ]; then
    echo "warning: web/endgame_web.wasm was built with $want; this is $have, so the bytes may differ" >&2
fi
mkdir -p "$work"
rm -rf "$work/src" "$work/web" "$work/assets" "$work/benches" "$work/tests"
cp -R "$root/src" "$root/assets" "$root/benches" "$root/tests" "$root/Cargo.toml" "$root/Cargo.lock" "$root/README.md" "$work/"
mkdir -p "$work/web"
cp -R "$root/web/src" "$root/web/Cargo.toml" "$root/web/Cargo.lock" "$work/web/"
export CARGO_TARGET_DIR="$work/target"
export RUSTFLAGS="--remap-path-prefix=$work=/endgame --remap-path-prefix=$cargo_home=/cargo"
cargo build --quiet --locked --release --manifest-path "$work/web/Cargo.toml" --target wasm32-unknown-unknown
built="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/endgame_web.wasm"
if [ "${1:-}" = "--check" ]; then
    if [ "$(fingerprint)" != "$(cat "$root/web/endgame_web.sources")" ]; then
        echo "web/endgame_web.sources does not match the sources: run scripts/build-web.sh and commit the result" >&2
        exit 1
    fi
    if cmp -s "$built" "$root/web/endgame_web.wasm"; then
        echo "web/endgame_web.wasm matches its sources"
    else
        echo "web/endgame_web.wasm is stale: run scripts/build-web.sh and commit the result" >&2
        exit 1
    fi
else
    cp "$built" "$root/web/endgame_web.wasm"
    fingerprint > "$root/web/endgame_web.sources"
    echo "wrote web/endgame_web.wasm ($(wc -c < "$root/web/endgame_web.wasm") bytes)"
fi
