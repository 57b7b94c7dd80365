#!/usr/bin/env bash
# Attest's one entry point.
#   ./build.sh          build dist/ (the WASM engine, wasm_exec.js, the site) and print sizes; installs nothing
#   ./build.sh setup    install what building and testing need: zopfli, Debian's chromium, the npm packages
#   ./build.sh serve    set up, build, then serve dist/ and the HTTP API on http://127.0.0.1:8080/
#   ./build.sh test     set up, then every test: Go units, goldens, corpus, WASM bridge, fuzz smoke, browser end-to-end
#   ./build.sh eval     the corpus report: every seed gold item, and the shared dev sets through the reference scorers
#   ./build.sh ablate [PREFIX]  each switchable rule's effect on every dev set (tools/ablate.sh)
#   ./build.sh bench    native per-stage benchmarks, then Attest against the JS peer pipeline in Chromium
#   ./build.sh worker   build the Cloudflare Worker into dist-worker/ (wrangler.jsonc, worker.mjs, app.wasm)
#   ./build.sh worker-dev  build it and run it locally with wrangler dev on http://127.0.0.1:8787/
set -euo pipefail
cd "$(dirname "$0")"

ADDR=${ADDR:-127.0.0.1:8080}
WRANGLER_VERSION=4.86.0 # newer wrangler needs Node 22
GOROOT_WASM="$(go env GOROOT)/lib/wasm"

log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

build() {
  log "build dist/"
  rm -rf dist && mkdir -p dist
  engine_wasm dist/annotate.wasm
  cp "$GOROOT_WASM/wasm_exec.js" dist/
  cp site/* dist/
  minify_assets dist/wasm_exec.js dist/app.js dist/worker.js dist/style.css dist/index.html dist/licences.html
  go build -trimpath -o dist/annotate ./cmd/annotate
  precompress dist/annotate.wasm
  go run ./cmd/offline -dist dist -o dist/attest.html
  # the Worker serves dist/ as its assets and compresses them itself: not the CLI, not the copies
  printf 'annotate\n*.gz\n*.br\n' >dist/.assetsignore
  sizes
}

# brotli_file IN OUT compresses at quality 11 with the brotli tool, or with Node's zlib.
brotli_file() {
  if command -v brotli >/dev/null; then brotli -q 11 -f -o "$2" "$1"
  else node -e 'const z=require("zlib"),fs=require("fs");fs.writeFileSync(process.argv[2],z.brotliCompressSync(fs.readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}))' "$1" "$2"; fi
}

# precompress writes FILE.gz and FILE.br beside FILE: the local server sends them to browsers that
# accept the encoding (internal/httpapi), as any production host compresses the engine. The gzip
# copy is zopfli's (an ordinary gzip stream, about 5 % smaller than gzip -9, for ~20 s of build);
# without zopfli (./build.sh setup installs it), gzip -9's.
precompress() {
  if command -v zopfli >/dev/null; then zopfli --i15 --gzip -c "$1" >"$1.gz"
  else
    log "no zopfli (./build.sh setup installs it): the gzip copy is gzip -9's, about 80 KB larger"
    gzip -9 -n -k -f "$1"
  fi
  brotli_file "$1" "$1.br"
}

# apt_install PACKAGE… installs Debian packages where this user may (root, or sudo without a
# password); elsewhere it says what to install.
apt_install() {
  local sudo=
  [ "$(id -u)" = 0 ] || { sudo -n true 2>/dev/null && sudo=sudo; } || { log "please install: $*"; return 0; }
  $sudo apt-get install -y -qq "$@" >/dev/null 2>&1 || { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null; } || log "could not install $*"
}

# setup installs what the build and the tests use and a fresh machine lacks: zopfli for the
# engine's gzip copy, Debian's chromium for the browser tests, the npm packages they run with.
setup() {
  command -v zopfli >/dev/null || { log "installing Debian's zopfli"; apt_install zopfli; }
  command -v chromium >/dev/null || { log "installing Debian's chromium"; apt_install chromium; }
  if [ ! -d e2e/node_modules/playwright-core ]; then
    log "installing the browser-test packages (npm ci)"
    (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# lean writes the lean copy of minify (tools/leandeps) once per run of this script.
LEAN=${TMPDIR:-/tmp}/attest-leandeps
LEAN_DONE=
lean() {
  [ -n "$LEAN_DONE" ] || go -C tools run ./leandeps -root .. -o "$LEAN"
  LEAN_DONE=1
}

# engine_wasm builds the browser engine lean (docs/browser-build.md says why):
# - against a lean copy of tdewolff/minify/v2 without its HTTP middleware and with its entity
#   table as data (tools/leandeps: 0.47 MB gzip of net/http, TLS and x509 the page never calls);
# - without golang.org/x/text's charset tables: the bridge decodes legacy charsets with the
#   browser's TextDecoder (wasm/browser/charsets.go);
# - without encoding/json: results are written and read by annotate/json.go over
#   internal/tinyjson (0.17 MB gzip of reflection-driven code and tables).
# It fails if any of them comes back through some other import.
engine_wasm() {
  local bad
  lean
  bad=$(GOOS=js GOARCH=wasm go list -modfile "$LEAN/go.mod" -deps ./wasm/browser | grep -E '^(net/http|golang.org/x/text/encoding|encoding/json)$' || true)
  if [ -n "$bad" ]; then
    echo "the browser engine links $bad: find the import with go list -deps and cut it" >&2
    exit 1
  fi
  GOOS=js GOARCH=wasm go build -modfile "$LEAN/go.mod" -trimpath -ldflags="-s -w" -o "$1.linked" ./wasm/browser
  pack_wasm "$1.linked" "$1"
}

# minify_assets FILE… minifies the page's scripts, styles and HTML in place with tdewolff/minify
# (tools/minassets), as a production host serves them: 5 KB gzip of the 2.0 MB budget.
# ATTEST_NO_MINIFY=1 leaves them readable, for debugging in the browser.
minify_assets() {
  [ -z "${ATTEST_NO_MINIFY:-}" ] || return 0
  local f abs=()
  for f in "$@"; do abs+=("$(realpath "$f")"); done
  go -C tools run ./minassets "${abs[@]}"
}

# pack_wasm IN OUT joins Go's data segments and drops its file and line tables and function names
# (tools/wasmpack says why: 0.26 MB gzip); ATTEST_KEEP_LINES=1 keeps the tables and names, for
# tracebacks with source positions and function names.
pack_wasm() {
  local keep=
  [ -z "${ATTEST_KEEP_LINES:-}" ] || keep="-keep-lines -keep-names"
  go -C tools run ./wasmpack $keep "$(realpath "$1")" "$(realpath -m "$2")"
  rm -f "$1"
}

sizes() {
  local f raw gz br page_gz=0
  printf '%-24s %10s %10s %10s\n' file raw gzip brotli >&2
  for f in dist/annotate.wasm dist/wasm_exec.js dist/app.js dist/worker.js dist/style.css dist/index.html dist/attest.html; do
    raw=$(wc -c <"$f")
    if [ -f "$f.gz" ]; then gz=$(wc -c <"$f.gz"); else gz=$(gzip -9 -c "$f" | wc -c); fi
    if [ ! -f "$f.br" ]; then brotli_file "$f" "${TMPDIR:-/tmp}/attest-size.br"; br=$(wc -c <"${TMPDIR:-/tmp}/attest-size.br"); else br=$(wc -c <"$f.br"); fi
    printf '%-24s %10s %10s %10s\n' "${f#dist/}" "$raw" "$gz" "$br" >&2
    [ "$f" = dist/attest.html ] || page_gz=$((page_gz + gz))
  done
  printf 'everything the page loads: %s bytes gzip (budget 2000000)\n' "$page_gz" >&2
  [ "$page_gz" -le 2000000 ] || log "over the 2.0 MB gzip budget: see docs/browser-build.md"
}

# worker builds the Cloudflare Worker: the site in dist/ as static assets, the API in app.wasm.
worker() {
  [ -f dist/index.html ] || build
  log "build dist-worker/"
  rm -rf dist-worker && mkdir -p dist-worker
  (cd dist-worker && go run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o build)
  # the lean copies too (minify's entity table as data): the Worker needs net/http for itself
  lean
  GOOS=js GOARCH=wasm go build -modfile "$LEAN/go.mod" -trimpath -ldflags="-s -w" -o dist-worker/build/app.wasm.linked ./wasm/worker
  pack_wasm dist-worker/build/app.wasm.linked dist-worker/build/app.wasm
  cat > dist-worker/wrangler.jsonc <<JSON
{
  // generated by ./build.sh worker
  "name": "attest",
  "main": "./build/worker.mjs",
  "compatibility_date": "2025-09-01",
  "assets": { "directory": "../dist" },
  "observability": { "enabled": false }
}
JSON
  local raw gz
  raw=$(wc -c <dist-worker/build/app.wasm)
  gz=$(gzip -9 -c dist-worker/build/app.wasm | wc -c)
  printf 'worker bundle app.wasm: %s bytes raw, %s gzip (free plan limit: 3 MB gzip)\n' "$raw" "$gz" >&2
}

worker_dev() {
  setup
  worker
  log "wrangler dev on http://127.0.0.1:${WORKER_PORT:-8787}/"
  cd dist-worker && exec ../e2e/node_modules/.bin/wrangler dev --ip 127.0.0.1 --port "${WORKER_PORT:-8787}"
}

need_node_modules() {
  [ -d e2e/node_modules/playwright-core ] || { echo "no e2e/node_modules: run ./build.sh setup" >&2; exit 1; }
}

unit() {
  log "gofmt and go vet"
  local unformatted
  unformatted=$(gofmt -l annotate cmd internal wasm tools)
  if [ -n "$unformatted" ]; then echo "gofmt would change: $unformatted" >&2; exit 1; fi
  go vet ./...
  go -C tools vet ./...
  GOOS=js GOARCH=wasm go vet ./wasm/...
  log "go test (units, goldens, contract and corpus tests; the build tools)"
  go test -count=1 ./...
  go -C tools test -count=1 ./...
  no_shared
  log "the engine against the lean copy of minify the browser build uses: same goldens, same seeds"
  lean
  go test -count=1 -short -modfile "$LEAN/go.mod" ./annotate/
  log "WASM bridge under Node (charsets through TextDecoder included)"
  PATH="$PATH:$GOROOT_WASM" GOOS=js GOARCH=wasm go test -count=1 ./wasm/browser/
}

# no_shared runs the Go suite once more in a copy of the working tree with no ../shared beside
# it, as a new user's clone is: every corpus test must skip there, and everything else pass.
no_shared() {
  local tmp
  tmp=$(mktemp -d)
  log "go test in a copy with no ../shared beside it (a new user's clone)"
  mkdir -p "$tmp/p"
  git ls-files -z -co --exclude-standard | while IFS= read -r -d '' f; do
    [ ! -e "$f" ] || printf '%s\0' "$f"; done | xargs -0 cp --parents -t "$tmp/p"
  [ ! -e "$tmp/shared" ] || { echo "no_shared: $tmp/shared exists" >&2; exit 1; }
  if ! (cd "$tmp/p" && go test -count=1 ./... >"$tmp/log" 2>&1); then
    grep -E '^(--- FAIL|FAIL|panic|\s+\S+_test.go)' "$tmp/log" | head -30 >&2
    rm -rf "$tmp"
    echo "go test fails where ../shared is absent" >&2
    exit 1
  fi
  rm -rf "$tmp"
}

# Fuzz budgets are execution counts: a wall-clock -fuzztime races Go 1.26's fuzz coordinator and
# can fail with "context deadline exceeded" and no crasher (golang/go#75804, fixed in Go 1.27).
fuzz_smoke() {
  log "fuzz targets, ${FUZZTIME:-30000x} each"
  local pkg target dir
  while read -r pkg target; do
    dir=.
    case $pkg in ./tools/*) dir=tools; pkg=./${pkg#./tools/} ;; esac
    if ! go -C "$dir" test -run='^$' -fuzz="^${target}\$" -fuzztime="${FUZZTIME:-30000x}" -fuzzminimizetime=500x "$pkg" >/tmp/attest-fuzz.log 2>&1; then
      tail -30 /tmp/attest-fuzz.log >&2
      echo "fuzz $pkg $target failed: crashers are kept in $pkg/testdata/fuzz/$target" >&2
      exit 1
    fi
    echo "fuzz $pkg $target ok" >&2
  done < <(grep -rl --include='*_test.go' '^func Fuzz' annotate internal tools | sort | while read -r f; do
      grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | sed "s|^func |./$(dirname "$f") |"; done)
}

e2e() {
  need_node_modules
  log "browser end-to-end (headless Chromium)"
  WRANGLER_SEND_METRICS=false node --test --test-reporter=spec --test-concurrency=1 e2e/
}

case "${1:-build}" in
  build) build ;;
  setup) setup ;;
  serve)
    setup
    build
    log "serving on http://$ADDR/ (Ctrl+C to stop)"
    exec dist/annotate -serve "$ADDR" -dir dist ;;
  test)
    setup
    unit
    fuzz_smoke
    build
    worker
    e2e
    log "all tests passed" ;;
  bench)
    setup
    build
    log "native benchmarks (per stage, with allocations)"
    go test -run '^$' -bench 'Stages|Seeds' -benchmem -benchtime 20x ./annotate/
    go test -run '^$' -bench 'LongArticle' -benchmem -benchtime 3x ./annotate/
    if [ ! -d bench/peer/node_modules/@mozilla/readability ]; then
      (cd bench/peer && npm ci --no-audit --no-fund --loglevel=error)
    fi
    bench/peer/node_modules/.bin/esbuild bench/peer/peer.js --bundle --minify --format=iife --outfile=bench/peer/peer.bundle.js --log-level=warning
    printf 'peer bundle: %s bytes raw, %s gzip\n' "$(wc -c <bench/peer/peer.bundle.js)" "$(gzip -9 -c bench/peer/peer.bundle.js | wc -c)" >&2
    log "browser benchmark: Attest vs Readability + DOMPurify + compromise"
    node bench/browser.mjs ;;
  ablate) shift; tools/ablate.sh "$@" ;;
  worker) worker ;;
  worker-dev) worker_dev ;;
  eval)
    log "seeds: every gold item, per seed"
    go test -count=1 -run 'TestSeedReport' -v ./annotate/ | grep -E 'seeds_test|^(ok|FAIL)'
    shared=../shared
    if [ ! -d "$shared/data" ]; then echo "no $shared/data: the dev-set reports are skipped" >&2; exit 0; fi
    mkdir -p dist && go build -o dist/annotate ./cmd/annotate
    log "extraction-dev (token F1 / P / R)"
    python3 "$shared/tools/score-extraction.py" --data "$shared/data/extraction-dev" --jobs 2 -- dist/annotate -in html -format text | tail -1
    log "quotes-dev (quote F1, speaker accuracy, end-to-end F1)"
    python3 "$shared/tools/score-quotes.py" --jsonl "$shared/data/quotes-dev" --jobs 2 -- dist/annotate -in text -format json | tail -1
    log "entities-dev (micro-F1, PER / ORG / LOC)"
    python3 "$shared/tools/score-entities.py" --jsonl "$shared/data/entities-dev" --jobs 2 -- dist/annotate -in text -format json | tail -1 ;;
  *)
    echo "usage: ./build.sh [build|setup|serve|test|eval|bench|ablate|worker|worker-dev]" >&2; exit 2 ;;
esac
