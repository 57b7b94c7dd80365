#!/usr/bin/env bash
# Ablation: what each switchable rule is worth on every dev set. For each rule (or those whose
# ID starts with PREFIX), it switches the rule off (annotate -disable ID), reruns the reference
# scorers in ../shared/tools and prints the change against everything on.
#
#   tools/ablate.sh [PREFIX]        # e.g. tools/ablate.sh quote/
#
# Needs ../shared beside the project. Quotes: quotes-dev and both halves of quotes-polnear-train
# (odd and even lines); entities: entities-dev, entities-dev2, WikiGold (F1; a file of
# entities-train-more the model is not trained on, with CoNLL's conventions) and the seeds
# (entities found, out of 105); extraction: extraction-dev, both halves of extraction-pool (ids 0-7 and 8-f; F1
# and lost pages) and both halves of go-trafilatura's comparison set (tools/score-trafilatura-set.sh; F and lost
# pages, fetched through the Go module proxy).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-}
shared=../shared
[ -d "$shared/data" ] || { echo "ablate: no $shared/data beside the project" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/annotate" ./cmd/annotate
mkdir -p "$tmp/polA" "$tmp/polB" "$tmp/poolA" "$tmp/poolB"
python3 - "$shared/data/extraction-pool" "$tmp" <<'PY'
import json, sys
g = json.load(open(sys.argv[1] + "/ground-truth.json"))
for half, keep in (("poolA", "01234567"), ("poolB", "89abcdef")):
    json.dump({k: v for k, v in g.items() if k[0] in keep}, open(f"{sys.argv[2]}/{half}/ground-truth.json", "w"))
PY
ln -s "$(realpath "$shared/data/extraction-pool/html")" "$tmp/poolA/html"
ln -s "$(realpath "$shared/data/extraction-pool/html")" "$tmp/poolB/html"
awk 'NR%2==1' "$shared/data/quotes-polnear-train/polnear-train.jsonl" >"$tmp/polA/a.jsonl"
awk 'NR%2==0' "$shared/data/quotes-polnear-train/polnear-train.jsonl" >"$tmp/polB/b.jsonl"
rules=$(go -C tools run ./rules | grep "^$prefix" || true)
stages=$(printf '%s\n' $rules | cut -d/ -f1 | sort -u)

# score SET DISABLE prints the figures of one dev set with the rules in DISABLE off.
score() {
  local set=$1 off=$2 args=()
  [ -z "$off" ] || args=(-disable "$off")
  case $set in
    quotes-dev) python3 "$shared/tools/score-quotes.py" --jsonl "$shared/data/quotes-dev" --jobs 2 -- "$tmp/annotate" -in text -format json "${args[@]}" | tail -1 | awk '{print $2, $4, $6}' ;;
    polnear-A) python3 "$shared/tools/score-quotes.py" --jsonl "$tmp/polA" --jobs 2 -- "$tmp/annotate" -in text -format json "${args[@]}" | tail -1 | awk '{print $2, $4, $6}' ;;
    polnear-B) python3 "$shared/tools/score-quotes.py" --jsonl "$tmp/polB" --jobs 2 -- "$tmp/annotate" -in text -format json "${args[@]}" | tail -1 | awk '{print $2, $4, $6}' ;;
    entities-dev) python3 "$shared/tools/score-entities.py" --jsonl "$shared/data/entities-dev" --jobs 2 -- "$tmp/annotate" -in text -format json "${args[@]}" | tail -1 | awk '{print $2}' ;;
    entities-dev2) python3 "$shared/tools/score-entities.py" --jsonl "$shared/data/entities-dev2" --jobs 2 -- "$tmp/annotate" -in text -format json "${args[@]}" | tail -1 | awk '{print $2}' ;;
    wikigold) python3 "$shared/tools/score-entities.py" --jsonl "$shared/data/entities-train-more/wikigold.jsonl" --jobs 2 -- "$tmp/annotate" -in text -format json "${args[@]}" | tail -1 | awk '{print $2}' ;;
    seeds)
      # the seed scorer runs the CLI without arguments of its own: a wrapper passes the switches
      printf '#!/bin/sh\nexec "%s" -disable "%s" "$@"\n' "$tmp/annotate" "${off:-none}" >"$tmp/annotate-off"
      chmod +x "$tmp/annotate-off"
      local cli=$tmp/annotate-off
      [ -n "$off" ] || cli=$tmp/annotate
      # (it exits non-zero when a seed falls short: the count is what is wanted here)
      { python3 "$shared/tools/score-seeds.py" "$cli" "$shared/fixtures/seeds" --only entities || true; } | tail -1 | sed 's|.*entities \([0-9]*\)/.*|\1|' ;;
    extraction-dev) python3 "$shared/tools/score-extraction.py" --data "$shared/data/extraction-dev" --jobs 2 -- "$tmp/annotate" -in html -format text "${args[@]}" | tail -1 | awk '{print $2}' ;;
    pool-A) python3 "$shared/tools/score-extraction-pool.py" --data "$tmp/poolA" --jobs 2 -- "$tmp/annotate" -in html -format text "${args[@]}" | tail -1 | awk '{print $2, $8}' ;;
    pool-B) python3 "$shared/tools/score-extraction-pool.py" --data "$tmp/poolB" --jobs 2 -- "$tmp/annotate" -in html -format text "${args[@]}" | tail -1 | awk '{print $2, $8}' ;;
    # go-trafilatura's comparison set (recent pages; F and lost pages on half A, then on B)
    traf) tools/score-trafilatura-set.sh -- "$tmp/annotate" -in html -format text "${args[@]}" | awk '$1=="A"||$1=="B"{printf "%s %s ", $5, $6}' ;;
  esac
}

sets_for() {
  case $1 in
    quote) echo quotes-dev polnear-A polnear-B ;;
    entity) echo entities-dev entities-dev2 wikigold seeds ;;
    extract) echo extraction-dev pool-A pool-B traf ;;
  esac
}

for stage in $stages; do
  sets=$(sets_for "$stage")
  declare -A base=()
  printf '%-34s' "$stage: all rules on"
  for s in $sets; do base[$s]=$(score "$s" ""); printf '  %-12s %-20s' "$s" "${base[$s]}"; done
  echo
  for r in $(printf '%s\n' $rules | grep "^$stage/"); do
    printf '%-34s' "  without $r"
    for s in $sets; do
      got=$(score "$s" "$r")
      printf '  %-12s %-20s' "$s" "$(paste -d' ' <(echo "${base[$s]}" | tr ' ' '\n') <(echo "$got" | tr ' ' '\n') | awk '{printf "%+.3f ", $2-$1}')"
    done
    echo
  done
done
