#!/usr/bin/env bash
# Issue #6 measurement (not part of the test suite): 10,000 submissions accepted while onOffice is down, then
# delivered with the simulator answering in 200 ms; prints drain time and rate, lost and duplicate leads, and heap.
#   bench/delivery-backlog.sh
# Tunables (environment): BENCH_SUBMISSIONS (10000), BENCH_LATENCY_MS (200), BENCH_WORKERS (32, also the per-account
# limit), BENCH_DB_URL (default: a fresh embedded H2 under target/bench-db; e.g.
# jdbc:mariadb://127.0.0.1:3306/formhaus_bench?user=root for MariaDB, database created beforehand).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
exec java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$cp" org.formhaus.bench.DeliveryBacklogBench
