#!/usr/bin/env bash
# A shell entry point: logs into the run mlrun started (MLFLOW_RUN_ID is set) with mlrun itself.
# `mlrun run` puts its own path in $MLRUN; fall back to `mlrun` on PATH.
set -euo pipefail
alpha=$1 epochs=$2 greeting=$3
mlrun=${MLRUN:-mlrun}
echo "$greeting from run $MLFLOW_RUN_ID (alpha=$alpha)"
"$mlrun" log-param greeting_length "${#greeting}"
loss=1
for ((step = 0; step < ${epochs%.*}; step++)); do
  loss=$(awk -v l="$loss" -v a="$alpha" 'BEGIN { printf "%.6f", l * (1 - a / 2) }')
  "$mlrun" log-metric loss "$loss" --step "$step"
done
echo "final loss $loss"
