#!/usr/bin/env bash
# Ablation of entity rules with the tagger retrained. The tagger reads the rules' answers as
# features, so switching a rule off at run time only (tools/ablate.sh) measures a model that
# expects the rule against input without it. This script trains the tagger afresh without each
# rule set, with several shuffling seeds (one seed's figure moves by up to ±0.01 on dev2), and
# prints the mean change on entities-dev and entities-dev2 against the same seeds with every rule
# on.
#
#   tools/ablate-retrain.sh [-seeds N] [RULES ...]
#
# Each RULES argument is one set, comma-separated (entity/ID or ID): "a,b" measures a and b off
# together. Without arguments every entity rule is measured alone. Needs ../shared.
set -euo pipefail
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

# run OFF prints the mean F1 on entities-dev and entities-dev2 over the seeds, trained and run
# with the rules in OFF switched off
run() {
  local off=$1 d=0 e=0 args=()
  [ -z "$off" ] || args=(-disable "$off")
  for s in $(seq 1 "$seeds"); do
    (cd "$tmp/src" && go run ./annotate/internal/entity/train -seed "$s" "${args[@]}" >/dev/null 2>&1 &&
      go build -o "$tmp/annotate" ./cmd/annotate)
    for set in entities-dev entities-dev2; do
      f=$(python3 "$shared/tools/score-entities.py" --jsonl "$shared/data/$set" --jobs 2 -- "$tmp/annotate" -in text -format json "${args[@]}" | tail -1 | awk '{print $2}')
      if [ $set = entities-dev ]; then d=$(echo "$d + $f" | bc -l); else e=$(echo "$e + $f" | bc -l); fi
    done
  done
  printf '%.4f %.4f\n' "$(echo "$d / $seeds" | bc -l)" "$(echo "$e / $seeds" | bc -l)"
}

read -r bd be < <(run "")
printf '%-40s entities-dev %.4f  entities-dev2 %.4f  (mean of %d seeds)\n' "every rule on" "$bd" "$be" "$seeds"
for set in "${sets[@]}"; do
  read -r d e < <(run "$set")
  printf '  without %-31s entities-dev %+.4f  entities-dev2 %+.4f\n' "$set" "$(echo "$d - $bd" | bc -l)" "$(echo "$e - $be" | bc -l)"
done
