#!/usr/bin/env bash
# Upload benchmark: the plugin's client against curl, same body, same simulator, same run.
#
#   bench/run.sh [SIZE...]        sizes of the payload (.tgz), e.g. 256M 1G 4G (the default)
#
# Environment: VARIANTS (the plugin's TLS engines to run, default "conscrypt jdk": Conscrypt, as the plugin
# uses where its native library loads, and the JDK's TLS, as elsewhere, by leaving Conscrypt's jar off the
# class path), RUNS (runs per tool and size,
# default 3), MVN_ARGS (default "-B -q"; add -o offline),
# CLIENT_HEAP (default 256m: the client JVM's -Xmx), BENCH_DATA (where the update sets are cached,
# default bench/.data, git-ignored; delete it to reclaim the disk space), COMPRESSED=1 (payloads of
# text compressed by gzip, as real ones are, so that checking them costs what it would; the default
# stores random bytes uncompressed, which is quick to check).
#
# Needs bash, java 17, mvn, curl, python3 and GNU time. Starts the LXCA simulator in counting-sink mode in
# its own JVM, then for each size runs curl and each variant of the plugin's UpdateImporter in turn, RUNS
# rounds, so that the load of a shared machine hits all alike. The throughput is measured by the
# simulator, from the first to the last byte of the upload body, for all tools alike; the client-side
# time of the whole upload request is printed too, the time from the start (of our JVM; of the first curl
# call) to the end of the upload (what a pipeline waits for, our JVM's start-up and check included), and
# the CPU time (user + system) of curl's upload and of our whole JVM, which a busy machine disturbs less
# than the throughput. Prints medians.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-3}
read -r -a VARIANTS <<< "${VARIANTS:-conscrypt jdk}"
MVN_ARGS=${MVN_ARGS:--B -q}
CLIENT_HEAP=${CLIENT_HEAP:-256m}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64} # for the variants jdk25 and conscrypt25: the client on Java 25
DATA=${BENCH_DATA:-$ROOT/bench/.data}
OUT=$ROOT/target/bench
SIM=$OUT/simulator
USER_NAME=admin
PASSWORD=Sim-Pa55-w0rd
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(256M 1G 4G); fi

mkdir -p "$OUT" "$DATA"
echo "== building (test-compile) and resolving the test classpath"
# shellcheck disable=SC2086
mvn $MVN_ARGS test-compile
# shellcheck disable=SC2086
mvn $MVN_ARGS exec:exec -Dexec.executable=echo -Dexec.args='%classpath' -Dexec.classpathScope=test \
  -Dexec.outputFile="$OUT/classpath.txt"
CP=$(tr -d '\n' < "$OUT/classpath.txt")
CP_JDK=$(tr ':' '\n' <<<"$CP" | grep -v '/conscrypt-' | paste -sd:) # the plugin falls back to the JDK's TLS

# One update set per size: a real gzip tar (the importer checks it to its end) stored without
# compression, so the .tgz is as large as asked for; its content is a random MiB repeated.
make_set() {
  local size=$1 kind=${COMPRESSED:+z}
  local dir=$DATA/$1$kind fixid=lnvgy_sw_lxca_bench$1$kind-1.0.0_anyos_noarch
  if [ ! -f "$DATA/$1$kind.complete" ]; then
    echo "== making the $size update set in $dir" >&2
    rm -rf "$dir" && mkdir -p "$dir"
    python3 - "$dir/$fixid.tgz" "$size" "${COMPRESSED:-}" <<'PY'
import base64, io, os, sys, tarfile, gzip
path, size, compressed = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
n = int(size[:-1]) * units[size[-1].upper()] if size[-1].upper() in units else int(size)
n -= 3 * 512 + 1024 * 10  # tar header and end blocks, gzip framing: land close to the size asked for
block = os.urandom(1 << 20)
if compressed:  # base64 text compresses to about 3/4 at level 1, so 4/3 as much of it lands near the size
    block = base64.b64encode(os.urandom(3 << 18))
    n = n * 4 // 3
class Repeated(io.RawIOBase):
    def __init__(self, total): self.left = total
    def readable(self): return True
    def readinto(self, b):
        k = min(len(b), self.left, len(block))
        b[:k] = block[:k]; self.left -= k
        return k
with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1 if compressed else 0,
                                            mtime=0) as gz, \
        tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
    info = tarfile.TarInfo("payload.bin"); info.size = n; info.mtime = 0
    tar.addfile(info, io.BufferedReader(Repeated(n), 1 << 20))
PY
    printf '1.0.0: benchmark set of %s\n' "$size" > "$dir/$fixid.chg"
    printf 'Benchmark update set, %s payload.\n' "$size" > "$dir/$fixid.txt"
    printf '<?xml version="1.0"?>\n<update><fixid>%s</fixid></update>\n' "$fixid" > "$dir/$fixid.xml"
    touch "$DATA/$1$kind.complete"
  fi
  echo "$dir"
}

echo "== starting the simulator (counting sink) in $SIM"
rm -rf "$SIM" && mkdir -p "$SIM"
java -Xmx512m -cp "$CP" io.github.lxca.simulator.SimulatorMain --dir "$SIM" --port 0 --polls 2 --sink \
  > "$SIM/simulator.log" 2>&1 &
SIM_PID=$!
trap 'kill $SIM_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do [ -s "$SIM/url.txt" ] && break; sleep 0.1; done
[ -s "$SIM/url.txt" ] || { cat "$SIM/simulator.log"; exit 1; }
URL=$(cat "$SIM/url.txt")
echo "   $URL"

sink_event() { # job id -> "bytes nanos" as counted by the simulator
  grep "^upload-sink $1 " "$SIM/events.log" | tail -1 | sed -E 's/.* bytes=([0-9]+) .* nanos=([0-9]+)/\1 \2/'
}

curl_run() { # folder -> "bytes serverNanos clientSeconds startToUploadEndMs uploadCpuSeconds"
  local dir=$1 jar=$OUT/cookies.txt start
  start=$(date +%s%3N)
  local chg tgz txt xml
  chg=$(ls "$dir"/*.chg); tgz=$(ls "$dir"/*.tgz); txt=$(ls "$dir"/*.txt); xml=$(ls "$dir"/*.xml)
  rm -f "$jar"
  local c=(curl -sS --fail-with-body --cacert "$SIM/certificate.pem" -b "$jar" -c "$jar")
  local login csrf files job
  login=$("${c[@]}" -H 'Content-Type: application/json' \
    -d "{\"UserId\":\"$USER_NAME\",\"password\":\"$PASSWORD\"}" "$URL/sessions")
  csrf=$(sed -E 's/.*"csrf":"([^"]*)".*/\1/' <<<"$login")
  files=$(python3 -c 'import json,os,sys; print(json.dumps({"files":[{"index":i,"name":os.path.basename(p),"size":os.path.getsize(p),"type":t} for i,(p,t) in enumerate(zip(sys.argv[1::2],sys.argv[2::2]))]}))' \
    "$chg" application/octet-stream "$tgz" application/x-compressed "$txt" text/plain "$xml" text/xml)
  job=$("${c[@]}" -H "X-Csrf-Token: $csrf" -H 'Content-Type: application/json' -d "$files" \
    "$URL/managementServer/updates?action=import" | sed -E 's/.*"jobid":"([^"]*)".*/\1/')
  local seconds
  seconds=$(/usr/bin/time -f '%U %S' -o "$OUT/cpu.txt" "${c[@]}" -H "X-Csrf-Token: $csrf" -o /dev/null -w '%{time_total}' \
    -F "uploadedfiles[]=@$chg;type=application/octet-stream" \
    -F "uploadedfiles[]=@$tgz;type=application/x-compressed" \
    -F "uploadedfiles[]=@$txt;type=text/plain" \
    -F "uploadedfiles[]=@$xml;type=text/xml" \
    "$URL/files/managementServer/updates?action=import&jobid=$job")
  local uploaded; uploaded=$(date +%s%3N)
  "${c[@]}" -o /dev/null -X DELETE -H "X-Csrf-Token: $csrf" "$URL/sessions"
  echo "$(sink_event "$job") $seconds $((uploaded - start)) $(cpu_seconds)"
}

cpu_seconds() { awk '{print $1 + $2}' "$OUT/cpu.txt"; } # user + system CPU of the last command timed

ours_run() { # folder variant -> "bytes serverNanos clientSeconds peakHeapGrowthMiB maxAfterGcMiB vmHwmMiB
  #                                 endNoticedMs jvmStartToUploadEndMs jvmCpuSeconds"
  local dir=$1 variant=$2 line job cp=$CP java=java extra=()
  case $variant in
    jdk) cp=$CP_JDK ;; conscrypt) ;;
    jdk25) cp=$CP_JDK; java=$JAVA25/bin/java ;;
    conscrypt25) java=$JAVA25/bin/java; extra=(--enable-native-access=ALL-UNNAMED) ;;
    *) echo "unknown variant $variant" >&2; exit 2 ;;
  esac
  line=$(/usr/bin/time -f '%U %S' -o "$OUT/cpu.txt" "$java" "${extra[@]}" -Xmx"$CLIENT_HEAP" -cp "$cp" io.github.lxca.bench.UploadBenchmark --url "$URL" \
    --trust-store "$SIM/truststore.p12" --dir "$dir" --user "$USER_NAME" --password "$PASSWORD" --poll-seconds 1 \
    | grep '^result ')
  echo "$variant $line" >> "$OUT/ours.log"
  [[ $line == *" tls=${variant%25}"* ]] || { echo "$variant ran with another TLS: $line" >&2; exit 1; }
  job=$(sed -E 's/.* job=([^ ]*) .*/\1/' <<<"$line")
  local f; f() { sed -E "s/.* $1=([^ ]*).*/\\1/" <<<"$line"; }
  echo "$(sink_event "$job") $(awk "BEGIN{print $(f clientUploadMs)/1000}") $(f heapGrowthMiB) $(f maxHeapAfterGcMiB) $(f vmHwmMiB) $(f uploadEndToImportEndMs) $(f jvmStartToUploadEndMs) $(cpu_seconds)"
}

RESULTS=$OUT/results.txt
: > "$RESULTS"
# The simulator's JVM starts cold: one upload by each tool warms it up (its TLS code above all), not counted.
warm=$(make_set "${WARMUP_SIZE:-256M}")
echo "== warming up the simulator with two uploads of $(basename "$warm") (not counted)"
curl_run "$warm" > /dev/null
for variant in "${VARIANTS[@]}"; do ours_run "$warm" "$variant" > /dev/null; done
echo "== load before: $(uptime)"
for size in "${SIZES[@]}"; do
  dir=$(make_set "$size")
  cat "$dir"/*.tgz > /dev/null # all tools read from the page cache
  for run in $(seq 1 "$RUNS"); do
    r=$(curl_run "$dir"); echo "$size${COMPRESSED:+z} curl $r" | tee -a "$RESULTS"
    for variant in "${VARIANTS[@]}"; do
      r=$(ours_run "$dir" "$variant"); echo "$size${COMPRESSED:+z} $variant $r" | tee -a "$RESULTS"
    done
    echo "   load: $(uptime | sed 's/.*load average: //')"
  done
done
echo "== load after: $(uptime)"

python3 - "$RESULTS" <<'PY'
import sys, statistics as st
rows = {}
for line in open(sys.argv[1]):
    size, tool, *v = line.split()
    rows.setdefault(size, {}).setdefault(tool, []).append([float(x) for x in v])
def med(runs, i): return st.median(r[i] for r in runs)
def mibs(runs): return st.median(r[0] / 1048576 / (r[1] / 1e9) for r in runs)
def cmibs(runs): return st.median(r[0] / 1048576 / r[2] for r in runs)
print()
print("| payload | TLS | body MiB | MiB/s | ratio to curl | ratio (client-side) | heap MiB: peak used − baseline; max after GC | peak RSS MiB | upload end to task end ms | start to upload end s | client CPU s |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for size, t in rows.items():
    c = t["curl"]
    print(f"| {size} | curl | {med(c,0)/1048576:.0f} | {mibs(c):.0f} | 1 | 1 | | | | {med(c,3)/1000:.2f} | {med(c,4):.1f} (upload) |")
    for variant, o in t.items():
        if variant == "curl":
            continue
        print(f"| {size} | {variant} | {med(o,0)/1048576:.0f} | {mibs(o):.0f} | {mibs(o)/mibs(c):.2f} | {cmibs(o)/cmibs(c):.2f}"
              f" | {med(o,3):.0f}; {med(o,4):.0f} | {med(o,5):.0f} | {med(o,6):.0f} | {med(o,7)/1000:.2f} | {med(o,8):.1f} (JVM) |")
print(f"\nmedians of {len(next(iter(rows.values()))['curl'])} runs per tool; throughput counted by the simulator from the first to the last body byte")
PY
