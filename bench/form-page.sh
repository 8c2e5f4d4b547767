#!/usr/bin/env bash
# Form page benchmark: GET /f/{key} against a bare servlet returning a fixed string, side by side in one run with the
# same Jetty settings, load from a separate process. Prints both req/s, their ratio and p99 at half the form's load.
# Not part of the test suite. Usage: bench/form-page.sh [seconds-per-measurement=10] [connections=16] [rounds=2]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xms256m -Xmx512m -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.formhaus.bench.FormPageBench "$@"
