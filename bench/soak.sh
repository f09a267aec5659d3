#!/usr/bin/env bash
# Memory soak of the desktop app (issue 23 item 5; not run in CI). Trains the given presets in turn in a
# real window under Xvfb, switching every SWITCH seconds, and samples the process's RSS from /proc every
# 10 s. Writes OUTDIR/rss.csv (seconds,rss_mb,rss_peak_mb) and OUTDIR/app.csv (the app's own heap and
# timeline, from org.marginscope.ui.SoakDriver).
#
#   mvn -B -DskipTests package            # builds target/classes, target/test-classes, target/lib
#   bench/soak.sh 30                      # the full 30-minute soak of the default and the heaviest presets
#   bench/soak.sh MINUTES OUTDIR "PRESET,PRESET,..." SWITCH_SECONDS "JVM OPTIONS"
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-30}
OUT=${2:-soak-out}
PRESETS=${3:-li-blob-small-net,li-blob,poggio-ensemble-exp}
SWITCH=${4:-10}
JVM_OPTS=${5:-}
BUILD=${SOAK_BUILD:-target}   # a copy of target/ keeps the soak's classes still while you rebuild
mkdir -p "$OUT"
CP="$BUILD/classes:$BUILD/test-classes:$BUILD/lib/*"
# shellcheck disable=SC2086
xvfb-run -a -s "-screen 0 1440x900x24" java -Dprism.order=sw --add-modules jdk.incubator.vector $JVM_OPTS \
    -cp "$CP" org.marginscope.ui.SoakDriver "$MINUTES" "$SWITCH" "$OUT/app.csv" "$PRESETS" \
    > "$OUT/app.log" 2>&1 &
RUNNER=$!
PID=""
for _ in $(seq 1 100); do
    for P in $(pgrep -f "org.marginscope.ui.SoakDriver $MINUTES $SWITCH $OUT/app.csv" || true); do
        [ "$(cat /proc/"$P"/comm 2>/dev/null)" = java ] && PID=$P   # not xvfb-run's shell
    done
    [ -n "$PID" ] && break
    sleep 0.2
done
[ -n "$PID" ] || { echo "soak: the app did not start (see $OUT/app.log)" >&2; exit 1; }
echo "seconds,rss_mb,rss_peak_mb" > "$OUT/rss.csv"
START=$(date +%s)
while kill -0 "$PID" 2>/dev/null; do
    RSS=$(awk '/^VmRSS/ {print $2}' /proc/"$PID"/status 2>/dev/null || true)
    HWM=$(awk '/^VmHWM/ {print $2}' /proc/"$PID"/status 2>/dev/null || true)
    [ -n "$RSS" ] && echo "$(( $(date +%s) - START )),$(( RSS / 1024 )),$(( HWM / 1024 ))" >> "$OUT/rss.csv"
    sleep 10
done
wait "$RUNNER" || true
echo "soak: $(($(wc -l < "$OUT/rss.csv") - 1)) samples in $OUT/rss.csv; peak RSS $(tail -1 "$OUT/rss.csv" | cut -d, -f3) MB"
