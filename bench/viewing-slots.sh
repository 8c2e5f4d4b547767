#!/usr/bin/env bash
# Viewing slots: latency of a viewing form's page with free slots from the agent's calendar (the first page asks
# onOffice, later ones use the minute-long cache plus the database's booked slots), next to the same form without
# slots. In-process Formhaus on H2 with the simulator. Not part of the test suite.
# Usage: bench/viewing-slots.sh [measured-pages=300] [warm-up-pages=100]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xms256m -Xmx512m -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.formhaus.bench.ViewingSlotsBench "$@"
