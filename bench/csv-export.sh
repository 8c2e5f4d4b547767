#!/usr/bin/env bash
# Issue #13 measurement (not part of the test suite): 100,000 submissions in a fresh database, then the CSV export
# streamed over HTTP; prints rows, bytes, time, rows/s and the JVM's peak heap while streaming (the JVM runs with
# -Xmx256m by default: the export must fit whatever the row count), and the time of the submissions list's first
# page, a page near its end (keyset) and searches by e-mail and name.
#   bench/csv-export.sh
# Tunables (environment): BENCH_ROWS (100000), BENCH_DB (h2 | mariadb: 127.0.0.1:3306 as root, a fresh database),
# BENCH_JAVA_OPTS (-Xmx256m).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
exec java ${BENCH_JAVA_OPTS:--Xmx256m} -cp "$cp" org.formhaus.bench.CsvExportBench
