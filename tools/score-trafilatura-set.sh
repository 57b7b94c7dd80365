#!/usr/bin/env bash
# A third extraction dev set, of recent pages: go-trafilatura's comparison set (983 pages, 2019-2022,
# about half German, a third English; each page lists a few snippets the article must hold and
# a few it must not). Measurement only: the pages are third-party web content, shipped for
# evaluation in the Apache-2.0 module github.com/markusmobius/go-trafilatura; nothing is trained
# on them and nothing of them is committed here. trafilatura itself was developed against this
# set, so its own figure on it is optimistic.
#
#   tools/score-trafilatura-set.sh [-save FILE] -- COMMAND [ARGS]
#
# COMMAND reads a page's HTML on stdin and writes the article as text (for this project:
# annotate -in html -format text). Scoring is the set's own: a snippet the article must hold and
# does is a true positive, one it must not hold and does a false positive; P, R and F over all
# snippets (F = 2TP / (2TP + FP + FN)), and "lost" counts pages where none of the wanted snippets
# is found. Halves by the first hex digit of sha256(url), 0-7 (A) and 8-f (B), as the pool's:
# read errors on A, confirm on B. -save writes each page's output as JSON (url -> text).
set -euo pipefail
save=""
while [ $# -gt 0 ]; do
  case $1 in
    -save) save=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "usage: $0 [-save FILE] -- COMMAND [ARGS]" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [-save FILE] -- COMMAND [ARGS]" >&2; exit 2; }
mod=github.com/markusmobius/go-trafilatura@v1.12.2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# outside any module, so that the download touches no go.mod
dir=$(cd "$tmp" && go mod download -json "$mod" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
# the snippets are a Go map literal in the module's comparison script: dump them as JSON
cp "$dir/scripts/comparison/data.go" "$tmp/"
chmod u+w "$tmp/data.go"
cat >"$tmp/main.go" <<'GO'
package main

import (
	"encoding/json"
	"os"
)

func main() { json.NewEncoder(os.Stdout).Encode(comparisonData) }
GO
printf 'module dump\n\ngo 1.22\n' >"$tmp/go.mod"
(cd "$tmp" && go run . >"$tmp/data.json")
python3 - "$dir/test-files" "$tmp/data.json" "$save" "$@" <<'PY'
import concurrent.futures as cf, hashlib, json, os, subprocess, sys
files, data, save, cmd = sys.argv[1], json.load(open(sys.argv[2])), sys.argv[3], sys.argv[4:]

def page(entry):
    for sub in ("comparison", "mock"):
        p = os.path.join(files, sub, entry["file"])
        if os.path.exists(p):
            return p
    return None

def run(url):
    p = page(data[url])
    if p is None:
        return url, None
    try:
        with open(p, "rb") as f:
            out = subprocess.run(cmd, stdin=f, capture_output=True, timeout=60).stdout
        return url, out.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return url, ""

with cf.ThreadPoolExecutor(2) as ex:
    outs = dict(ex.map(run, sorted(data)))
if save:
    json.dump(outs, open(save, "w"))
tot = {h: [0, 0, 0, 0, 0] for h in ("A", "B", "all")}  # tp fn fp lost pages
missing = 0
for url, e in data.items():
    text = outs.get(url)
    if text is None:
        missing += 1
        continue
    want, avoid = e.get("with") or [], e.get("without") or []
    if text.strip():
        tp = sum(s in text for s in want)
        fp = sum(s in text for s in avoid)
    else:
        tp = fp = 0
    half = "A" if hashlib.sha256(url.encode()).hexdigest()[0] in "01234567" else "B"
    for h in (half, "all"):
        t = tot[h]
        t[0] += tp; t[1] += len(want) - tp; t[2] += fp
        t[3] += 1 if want and tp == 0 else 0
        t[4] += 1
print(f"{'half':5} {'pages':>5} {'P':>6} {'R':>6} {'F':>6} {'lost':>5}")
for h, (tp, fn, fp, lost, n) in tot.items():
    print(f"{h:5} {n:5d} {tp/max(1,tp+fp):6.3f} {tp/max(1,tp+fn):6.3f} {2*tp/max(1,2*tp+fp+fn):6.3f} {lost:5d}")
if missing:
    print(f"# {missing} pages missing from the module", file=sys.stderr)
PY
