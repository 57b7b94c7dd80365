#!/usr/bin/env bash
# Attest's one entry point.
#   ./build.sh          build dist/ (the WASM engine, wasm_exec.js, the site) and print sizes
#   ./build.sh serve    build, then serve dist/ and the HTTP API on http://127.0.0.1:8080/
#   ./build.sh test     every test: Go units, goldens, corpus, WASM bridge, fuzz smoke, browser end-to-end
#   ./build.sh eval     the corpus report: seeds and the shared dev sets, per item
set -euo pipefail
cd "$(dirname "$0")"

ADDR=${ADDR:-127.0.0.1:8080}
GOROOT_WASM="$(go env GOROOT)/lib/wasm"

log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

build() {
  log "build dist/"
  rm -rf dist && mkdir -p dist
  GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o dist/annotate.wasm ./wasm/browser
  cp "$GOROOT_WASM/wasm_exec.js" dist/
  cp site/* dist/
  go build -trimpath -o dist/annotate ./cmd/annotate
  sizes
}

sizes() {
  local f raw gz br
  printf '%-24s %10s %10s %10s\n' file raw gzip brotli >&2
  for f in dist/annotate.wasm dist/wasm_exec.js dist/app.js dist/worker.js dist/style.css dist/index.html; do
    raw=$(wc -c <"$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    br=-
    if command -v brotli >/dev/null; then br=$(brotli -c -q 11 "$f" | wc -c); fi
    printf '%-24s %10s %10s %10s\n' "${f#dist/}" "$raw" "$gz" "$br" >&2
  done
}

need_chromium() {
  if ! command -v chromium >/dev/null; then
    log "installing Debian's chromium for the browser tests"
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi
  fi
}

need_node_modules() {
  if [ ! -d e2e/node_modules/playwright-core ]; then
    log "installing the browser-test packages (npm ci)"
    (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

unit() {
  log "gofmt and go vet"
  local unformatted
  unformatted=$(gofmt -l annotate cmd internal wasm)
  if [ -n "$unformatted" ]; then echo "gofmt would change: $unformatted" >&2; exit 1; fi
  go vet ./...
  GOOS=js GOARCH=wasm go vet ./wasm/...
  log "go test (units, goldens, contract and corpus tests)"
  go test -count=1 ./...
  log "WASM bridge under Node"
  PATH="$PATH:$GOROOT_WASM" GOOS=js GOARCH=wasm go test -count=1 ./wasm/browser/
}

fuzz_smoke() {
  log "fuzz targets, ${FUZZTIME:-10s} each"
  local pkg target
  while read -r pkg target; do
    go test -run='^$' -fuzz="^${target}\$" -fuzztime="${FUZZTIME:-10s}" "$pkg" >/dev/null || {
      echo "fuzz $pkg $target found a failure: see $pkg/testdata/fuzz/$target" >&2; exit 1; }
    echo "fuzz $pkg $target ok" >&2
  done < <(grep -rl --include='*_test.go' '^func Fuzz' annotate | sort | while read -r f; do
      grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | sed "s|^func |./$(dirname "$f") |"; done)
}

e2e() {
  need_chromium
  need_node_modules
  log "browser end-to-end (headless Chromium)"
  node --test --test-reporter=spec e2e/
}

case "${1:-build}" in
  build) build ;;
  serve)
    build
    log "serving on http://$ADDR/ (Ctrl+C to stop)"
    exec dist/annotate -serve "$ADDR" -dir dist ;;
  test)
    unit
    fuzz_smoke
    build
    e2e
    log "all tests passed" ;;
  eval)
    go test -count=1 -run 'TestSeedReport|TestDevReport' -v ./annotate/ ;;
  *)
    echo "usage: ./build.sh [build|serve|test|eval]" >&2; exit 2 ;;
esac
