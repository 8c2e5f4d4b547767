#!/usr/bin/env bash
# Edit links benchmark (#12): how long a visitor waits for an edit form's page opened through its link (one onOffice
# read, against the in-process simulator) beside a plain form page, and with onOffice hanging (capped by
# onoffice.request.timeout.seconds, 3 s here). Not part of the test suite. Usage: bench/edit-links.sh [loads=200]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xms256m -Xmx512m -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.formhaus.bench.EditLinkBench "$@"
