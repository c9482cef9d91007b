#!/usr/bin/env bash
# Train the Rasa model, showing which part is being trained instead of Rasa's own noisy output.
# The full output goes to a log file; on failure its last lines are shown.
# Usage: scripts/train.sh RASA_BIN MODEL_PATH LOG_FILE
set -uo pipefail
rasa=$1 model=$2 log=$3
mkdir -p "$(dirname "$model")" "$(dirname "$log")"
start=$(date +%s)
echo "==> Training the Rasa model: the data, domain or config changed (about 13 minutes on two cores)."
echo "    Full output: $log"

(cd bot && RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1 \
  "$rasa" train --domain domain --force --out "$(dirname "$model")" \
  --fixed-model-name "$(basename "$model" .tar.gz)") >"$log" 2>&1 &
pid=$!

last="" said=0
while kill -0 "$pid" 2>/dev/null; do
  sleep 5
  part=$(grep -o "Starting to train component '[A-Za-z]*'" "$log" | tail -n 1 | cut -d"'" -f2)
  now=$(( $(date +%s) - start ))
  if [ -n "$part" ] && { [ "$part" != "$last" ] || [ $(( now - said )) -ge 20 ]; }; then
    echo "    $now s: training $part"
    last=$part said=$now
  fi
done
wait "$pid"; status=$?

if [ $status -ne 0 ] || [ ! -f "$model" ]; then
  echo "Training failed (exit $status). Last lines of $log:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
echo "==> Model trained in $(( $(date +%s) - start )) s"
