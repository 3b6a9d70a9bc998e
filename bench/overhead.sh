#!/usr/bin/env bash
# Plugin start-up overhead: from the start of "mvn ... lxca:import-update" to the first byte of the upload
# at the simulator, against the whole of a bare "mvn -q validate" of the same project; and the peak resident
# set of each (GNU time's maximum RSS).
#
#   bench/overhead.sh [RUNS]      (default 5 runs of each, alternately; prints medians)
#
# Builds the plugin jar, installs it into a private local repository under target/bench/overhead/m2 that takes
# everything else from ~/.m2 (as the integration tests do), so ~/.m2 is left alone. Needs bash, java 17,
# mvn, python3, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${1:-5}
OUT=$ROOT/target/bench/overhead
SIM=$OUT/simulator
. "$ROOT/bench/private-repo.sh"

SET=$OUT/update
FIXID=lnvgy_sw_lxca_overhead-1.0.0_anyos_noarch
rm -rf "$SET" && mkdir -p "$SET/payload"
head -c 65536 /dev/urandom > "$SET/payload/payload.bin"
tar -czf "$SET/$FIXID.tgz" -C "$SET/payload" payload.bin && rm -r "$SET/payload"
echo "1.0.0: overhead benchmark" > "$SET/$FIXID.chg"
echo "Overhead benchmark set." > "$SET/$FIXID.txt"
printf '<?xml version="1.0"?>\n<update><fixid>%s</fixid></update>\n' "$FIXID" > "$SET/$FIXID.xml"

rm -rf "$SIM" && mkdir -p "$SIM"
java -Xmx256m -cp "$(tr -d '\n' < "$OUT/classpath.txt")" io.github.lxca.simulator.SimulatorMain \
  --dir "$SIM" --port 0 --polls 1 --sink > "$SIM/simulator.log" 2>&1 &
SIM_PID=$!
trap 'kill $SIM_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do [ -s "$SIM/url.txt" ] && break; sleep 0.1; done
URL=$(cat "$SIM/url.txt")

now_ms() { date +%s%3N; }
import_once() { # [command prefix, e.g. /usr/bin/time ...]
  "$@" "${M[@]}" -q -f bench/overhead/pom.xml "io.github.lxca:lxca-maven-plugin:$VERSION:import-update" \
    -Dlxca.url="$URL" -Dlxca.updateDirectory="$SET" -Dlxca.trustStore="$SIM/truststore.p12" \
    -Dlxca.trustStorePassword=changeit -Dlxca.pollInterval=1 -Dlxca.onExisting=replace # the sink lists what it took
}
echo "== warming up (first runs copy artifacts into $REPO; not counted)"
"${M[@]}" -q -f bench/overhead/pom.xml validate
import_once
: > "$OUT/results.txt"
RSS=$OUT/rss.txt
for run in $(seq 1 "$RUNS"); do
  start=$(now_ms); /usr/bin/time -f %M -o "$RSS" "${M[@]}" -q -f bench/overhead/pom.xml validate; end=$(now_ms)
  validate=$((end - start)) validate_rss=$(tail -1 "$RSS")
  before=$(grep -c '^upload-sink ' "$SIM/events.log" || true)
  start=$(now_ms); import_once /usr/bin/time -f %M -o "$RSS"; end=$(now_ms)
  first=$(grep '^upload-sink ' "$SIM/events.log" | sed -n "$((before + 1))p" | sed -E 's/.*firstByteEpochMs=([0-9]+).*/\1/')
  echo "validate ${validate} ms ${validate_rss} KiB, import: first byte after $((first - start)) ms, whole build" \
    "$((end - start)) ms $(tail -1 "$RSS") KiB" | tee -a "$OUT/results.txt"
done
python3 - "$OUT/results.txt" <<'PY'
import re, sys, statistics as st
rows = [list(map(int, re.findall(r"\d+", l))) for l in open(sys.argv[1])]
v, vr, f, w, wr = (st.median(r[i] for r in rows) for i in range(5))
print(f"\nmedians of {len(rows)}: mvn -q validate {v:.0f} ms; mvn import-update: first upload byte after {f:.0f} ms"
      f" (overhead {f - v:+.0f} ms), whole build {w:.0f} ms")
print(f"peak RSS of the mvn JVM: validate {vr / 1024:.0f} MiB, import-update {wr / 1024:.0f} MiB ({(wr - vr) / 1024:+.0f} MiB)")
PY
