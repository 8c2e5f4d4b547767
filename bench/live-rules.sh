#!/usr/bin/env bash
# Live-CRM rules benchmark: how long a visitor waits for a bid's submission with a live rule (one onOffice READ,
# against the in-process simulator) beside the same form without it, and with onOffice hanging (capped at 2 s).
# Not part of the test suite. Usage: bench/live-rules.sh [submissions=200]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xms256m -Xmx512m -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.formhaus.bench.LiveRuleBench "$@"
