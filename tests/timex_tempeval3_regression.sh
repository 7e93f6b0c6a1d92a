#!/usr/bin/env bash
# Regression guard for time-expression accuracy on the TempEval-3 training corpus (TBAQ).
# The floors sit just under what the tagger reaches now: a change that loses accuracy fails.
# Raise them when the tagger improves (README, "Time expression accuracy").
set -euo pipefail
dateline=$1
shared=$2
corpus="$shared/corpora/tempeval3-train"
if [ ! -d "$corpus/docs" ]; then
  echo "timex_tempeval3_regression: corpus not found at $corpus" >&2
  exit 1
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$dateline" timex "$corpus/docs" > "$out"
python3 "$shared/tools/timex_score.py" --gold "$corpus/gold.jsonl" --system "$out" \
  --fail-under relaxed_f1=94.9 \
  --fail-under strict_f1=88.5 \
  --fail-under value_f1=83.2 \
  --fail-under type_f1=90.6
