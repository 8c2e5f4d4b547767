#!/usr/bin/env bash
# Start-up benchmark (issue 14; not part of the test suite): how long `bin/formhaus serve` takes from the process
# start until /healthz answers 200, on a fresh data directory each run (the first start: schema migration, first
# admin), then once more on the data the last run left (a restart). Also the resident memory (RSS) once it serves.
#   bench/start-time.sh [runs=5]
# Builds first (mvn package, tests skipped), then starts and stops once unmeasured, so that the launcher writes its
# class data sharing archive for this build (FORMHAUS_CDS=off measures without). Uses curl. JAVA_OPTS passes through.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
runs="${1:-5}"
mvn -q -B -DskipTests package

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
        || echo 18080)"

# One start: prints "<ms until /healthz is 200> <CPU ms used by then> <RSS in MB>", leaves the data directory in
# $work/data. The CPU time tells more than the wall time on a busy machine (JIT and GC threads included).
measure() {
  local started pid ms cpu rss
  started=$(date +%s%N)
  (cd "$work" && exec "$home/bin/formhaus" serve --port "$port" >"$work/formhaus.log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "bin/formhaus exited; its log:" >&2
      cat "$work/formhaus.log" >&2
      exit 1
    fi
    if (( ($(date +%s%N) - started) > 60000000000 )); then
      echo "no answer from /healthz within 60 s" >&2
      kill "$pid"
      exit 1
    fi
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - started) / 1000000 ))
  rss=$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
  cpu=$(( $(awk '{print $14 + $15}' "/proc/$pid/stat") * 1000 / $(getconf CLK_TCK) ))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$ms $cpu $rss"
}

# Started once more and left idle for 20 s: heap used after a full GC (jcmd) and the resident memory then.
idle() {
  local pid heap rss
  rm -rf "$work/data"
  (cd "$work" && exec "$home/bin/formhaus" serve --port "$port" >"$work/formhaus.log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.1; done
  sleep 20
  jcmd "$pid" GC.run >/dev/null
  heap=$(jcmd "$pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9)
  rss=$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "  idle after 20 s: heap used after a full GC $(( heap / 1024 )) MB, RSS ${rss} MB (-Xmx512m)"
}

median() {
  sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}

rm -rf "$work/data"
measure >/dev/null # writes target/formhaus.jsa when it stops (bin/formhaus)
until [ "${FORMHAUS_CDS:-on}" = off ] || [ -f "${FORMHAUS_CDS_ARCHIVE:-$home/target/formhaus.jsa}" ]; do sleep 0.2; done

echo "Formhaus start-up: process start → /healthz 200 ($runs runs, $(nproc) cores, load average $(cut -d' ' -f1 \
  /proc/loadavg), JAVA_OPTS=${JAVA_OPTS:-none}, FORMHAUS_CDS=${FORMHAUS_CDS:-on})"
firsts=()
for i in $(seq 1 "$runs"); do
  rm -rf "$work/data"
  read -r ms cpu rss < <(measure)
  firsts+=("$ms")
  echo "  first start $i: ${ms} ms  (CPU ${cpu} ms, RSS ${rss} MB)"
done
read -r restart_ms restart_cpu restart_rss < <(measure)
echo "  restart on existing data: ${restart_ms} ms  (CPU ${restart_cpu} ms, RSS ${restart_rss} MB)"
idle
echo "  WAR (target/formhaus.war): $(( $(stat -c %s target/formhaus.war) / 1024 / 1024 )) MB"
echo "first start, median of $runs: $(printf '%s\n' "${firsts[@]}" | median) ms"
