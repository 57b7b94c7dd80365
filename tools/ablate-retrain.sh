#!/usr/bin/env bash
# Ablation of entity rules with the tagger retrained. The tagger reads the rules' answers as
# features, so switching a rule off at run time only (tools/ablate.sh) measures a model that
# expects the rule against input without it. This script trains the tagger afresh without each
# rule set, with several shuffling seeds (one seed's figure moves by up to ±0.016 on dev2), and
# prints the mean change against the same seeds with every rule on, on entities-dev,
# entities-dev2 and WikiGold (entities-train-more/wikigold.jsonl: Wikipedia openings with
# CoNLL's conventions, which the shipped model is not trained on).
#
#   tools/ablate-retrain.sh [-seeds N] [RULES ...]
#
# Each RULES argument is one set, comma-separated (entity/ID or ID): "a,b" measures a and b off
# together. Without arguments every entity rule is measured alone. Needs ../shared.
set -euo pipefail
export LC_NUMERIC=C
cd "$(dirname "$0")/.."
seeds=3
if [ "${1:-}" = -seeds ]; then seeds=$2; shift 2; fi
shared=../shared
[ -d "$shared/data" ] || { echo "ablate-retrain: no $shared/data beside the project" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a copy of the working tree, so the committed model is never touched
mkdir -p "$tmp/src"
git ls-files -z | xargs -0 cp --parents -t "$tmp/src"
ln -s "$(realpath "$shared")" "$tmp/shared"
sets=("$@")
if [ ${#sets[@]} -eq 0 ]; then
  mapfile -t sets < <(go -C tools run ./rules | grep '^entity/')
fi
evals=("$shared/data/entities-dev" "$shared/data/entities-dev2" "$shared/data/entities-train-more/wikigold.jsonl")
names=(entities-dev entities-dev2 wikigold)

# run OFF prints the mean F1 on each eval set over the seeds, trained and run with the rules in
# OFF switched off
run() {
  local off=$1 args=() sum=(0 0 0)
  # the CLI wants entity/ID, the trainer takes either
  [ -z "$off" ] || args=(-disable "$(printf '%s\n' "${off//,/$'\n'}" | sed 's|^entity/||; s|^|entity/|' | paste -sd,)")
  for s in $(seq 1 "$seeds"); do
    (cd "$tmp/src" && go run ./annotate/internal/entity/train -seed "$s" "${args[@]}" >/dev/null 2>&1 &&
      go build -o "$tmp/annotate" ./cmd/annotate)
    for i in 0 1 2; do
      f=$(python3 "$shared/tools/score-entities.py" --jsonl "${evals[$i]}" --jobs 2 -- "$tmp/annotate" -in text -format json "${args[@]}" | tail -1 | awk '{print $2}')
      sum[$i]=$(echo "${sum[$i]} + $f" | bc -l)
    done
  done
  for i in 0 1 2; do printf '%.4f ' "$(echo "${sum[$i]} / $seeds" | bc -l)"; done
  echo
}

read -r -a base < <(run "")
printf '%-40s' "every rule on (mean of $seeds seeds)"
for i in 0 1 2; do printf '  %s %.4f' "${names[$i]}" "${base[$i]}"; done
echo
for set in "${sets[@]}"; do
  read -r -a got < <(run "$set")
  printf '  without %-31s' "$set"
  for i in 0 1 2; do printf '  %s %+.4f' "${names[$i]}" "$(echo "${got[$i]} - ${base[$i]}" | bc -l)"; done
  echo
done
