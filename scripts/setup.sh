#!/usr/bin/env bash
# Installs whatever Verdict's build and tests need and is not there yet; safe to run again (a
# second run checks and skips). Sourced by scripts/serve and scripts/test; runnable on its own.
# Everything comes from the package registries (crates.io, npm, Debian): Trunk is told never to
# download a tool (Trunk.toml: offline), so the tools it uses are installed here.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
ok() { printf '    %s\n' "$*"; }
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "error: '$*' needs root (or sudo)" >&2; exit 1
  fi
}

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must be exactly the crate version in Cargo.lock (pinned with = in Cargo.toml).
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"

step "Setting up (what is already installed is skipped)"

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  ok "Rust target wasm32-unknown-unknown: installed"
else
  step "Adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
  ok "Trunk $TRUNK_VERSION: installed"
else
  step "Installing Trunk $TRUNK_VERSION from crates.io (about 7 minutes, once)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] &&
  command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  ok "wasm-bindgen CLI $WASM_BINDGEN_VERSION: installed"
else
  step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (about 3 minutes, once)"
  # Not --locked: the CLI's own lockfile names a crate version the registry no longer has.
  cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless) # for the Nu HTML Checker
if [ ${#missing[@]} -eq 0 ]; then
  ok "Chromium, ChromeDriver and Java: installed"
else
  step "Installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
  ok "npm packages (Playwright, binaryen's wasm-opt, vnu-jar): installed"
else
  step "Installing npm packages from package-lock.json"
  # --ignore-scripts: no package may fetch anything from outside the registry.
  npm ci --ignore-scripts --no-audit --no-fund
fi

step "Fetching Rust crates (Trunk builds offline)"
cargo fetch --locked
ok "Set up: trunk $(trunk --version | cut -d' ' -f2), wasm-bindgen $WASM_BINDGEN_VERSION, $(wasm-opt --version | cut -d' ' -f1-3), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
