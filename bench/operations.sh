#!/usr/bin/env bash
# Issue 14 measurements on MariaDB (not part of the test suite): acceptance throughput as a share of a bare JDBC
# insert-and-commit through HikariCP on the same database in the same run, and the time from acceptance to delivered
# (p50, p99) with the onOffice simulator answering at once and in 200 ms. Needs MariaDB (root, no password).
#   bench/operations.sh
# Tunables (environment): BENCH_MARIADB (jdbc:mariadb://127.0.0.1:3306/), BENCH_SUBMISSIONS (3000), BENCH_RATE (2
# submissions per second for the delivery times), BENCH_SECONDS (50).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
exec java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$cp" org.formhaus.bench.OperationsBench
