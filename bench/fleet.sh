#!/usr/bin/env bash
# Fleet benchmark: a staged rollout (import, then apply through a short restart) to N simulated appliances,
# against one appliance alone; and the peak RSS of the mvn JVM.
#
#   bench/fleet.sh [N...]        fleet sizes (default 10 50); PARALLELISM (wave size, default 10),
#                                RESTART (the simulator's apply stages in s: applying,refusing,starting; default 1,1,1),
#                                SKIP_BUILD=1 (use target/'s jar and test classes as they are), MAVEN_OPTS (passed on)
#
# For each size: a fresh simulator fleet (SimulatorMain --appliances N) in its own JVM, a generated project whose
# <servers> lists the N appliances (canary 1, waves of PARALLELISM), one "mvn verify -Dlxca.apply=true" under
# GNU time. First the same with one appliance, whose time from rollout-report.json is "one appliance".
# Prints per size: stages (canary + waves), the mvn wall time, the rollout's own time (wall minus the one-appliance
# build's time outside its appliance: Maven's start, packaging), stages x one appliance, their ratio, and the peak
# RSS. The plugin is installed into a private local repository under target/bench/fleet/m2 that takes everything
# else from ~/.m2, so ~/.m2 is left alone. Needs bash, java 17, mvn, python3, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(10 50); fi
PARALLELISM=${PARALLELISM:-10}
RESTART=${RESTART:-1,1,1}
OUT=$ROOT/target/bench/fleet
. "$ROOT/bench/private-repo.sh"

SIM_PID=
trap '[ -n "$SIM_PID" ] && kill $SIM_PID 2>/dev/null || true' EXIT

# rollout N: starts a fleet of N, writes a project for it, runs the rollout; prints "wall_ms rss_kib"
rollout() {
  local n=$1 dir=$OUT/n$1
  rm -rf "$dir" && mkdir -p "$dir/sim" "$dir/project/payload"
  java -Xmx512m -cp "$CP" io.github.lxca.simulator.SimulatorMain --dir "$dir/sim" --port 0 --polls 1 \
    --appliances "$n" --fleet-apply-seconds "$RESTART" > "$dir/sim/simulator.log" 2>&1 &
  SIM_PID=$!
  for _ in $(seq 1 600); do [ -s "$dir/sim/url.txt" ] && break; sleep 0.1; done
  echo "agent=2.0.0" > "$dir/project/payload/agent.properties"
  {
    echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
    echo '<groupId>io.github.lxca.bench</groupId><artifactId>fleet</artifactId><version>2.0.0</version><packaging>pom</packaging>'
    echo '<properties><project.build.outputTimestamp>2026-12-01T00:00:00Z</project.build.outputTimestamp></properties>'
    echo "<build><plugins><plugin><groupId>io.github.lxca</groupId><artifactId>lxca-maven-plugin</artifactId><version>$VERSION</version>"
    echo '<executions><execution><id>rollout</id><phase>verify</phase><goals><goal>import-update</goal></goals></execution></executions>'
    echo "<configuration><payloadDirectory>\${project.basedir}/payload</payloadDirectory>"
    echo "<trustStore>$dir/sim/fleet/truststore.p12</trustStore><apply>true</apply><canary>1</canary>"
    echo "<parallelism>$PARALLELISM</parallelism><onExisting>skip</onExisting><pollInterval>1</pollInterval>"
    echo '<applyPollInterval>1</applyPollInterval><applyMaxPollInterval>1</applyMaxPollInterval><servers>'
    local i=0
    while read -r url; do i=$((i + 1)); echo "<server><name>lxca-$i</name><url>$url</url></server>"; done < "$dir/sim/fleet/urls.txt"
    echo '</servers></configuration></plugin></plugins></build></project>'
  } > "$dir/project/pom.xml"
  local start end
  start=$(date +%s%3N)
  LXCA_TRUSTSTORE_PASSWORD=changeit /usr/bin/time -f %M -o "$dir/rss.txt" \
    "${M[@]}" -f "$dir/project/pom.xml" verify > "$dir/build.log" 2>&1 || { echo "rollout to $n failed: $dir/build.log" >&2; exit 1; }
  end=$(date +%s%3N)
  kill $SIM_PID; wait $SIM_PID 2>/dev/null || true; SIM_PID=
  echo "$((end - start)) $(tail -1 "$dir/rss.txt")"
}

echo "== warming up (the first build copies artifacts into $REPO; not counted)"
rollout 1 > /dev/null
echo "== one appliance"
read -r one_wall one_rss <<< "$(rollout 1)"
one=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["appliances"][0]["durationMillis"])' "$OUT/n1/project/target/lxca/rollout-report.json")
echo "one appliance: ${one} ms of a ${one_wall} ms build (outside it: $((one_wall - one)) ms), peak RSS $((one_rss / 1024)) MiB"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); MAVEN_OPTS=${MAVEN_OPTS:-}"
for n in "${SIZES[@]}"; do
  read -r wall rss <<< "$(rollout "$n")"
  stages=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["plan"]))' "$OUT/n$n/project/target/lxca/rollout-report.json")
  outcome=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["outcome"])' "$OUT/n$n/project/target/lxca/rollout-report.json")
  python3 - "$n" "$stages" "$wall" "$rss" "$one" "$one_wall" "$outcome" <<'PY'
import sys
n, stages, wall, rss, one, one_wall = map(int, sys.argv[1:7])
rollout = wall - (one_wall - one)
print(f"N={n} ({sys.argv[7]}): {stages} stages; mvn {wall / 1000:.1f} s, rollout {rollout / 1000:.1f} s against"
      f" stages x one appliance {stages * one / 1000:.1f} s: {rollout / (stages * one):.2f}x; peak RSS {rss / 1024:.0f} MiB")
PY
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
