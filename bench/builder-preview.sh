#!/usr/bin/env bash
# Builder preview latency: in headless Chromium, the time from an edit in the field panel until the preview shows it
# (debounce + draft save with the server's check + preview render + frame load). Prints median, p90 and max, and the
# PUT and preview GET on their own. Needs Chromium and chromedriver in /usr/bin (as the browser tests do).
# Not part of the test suite. Usage: bench/builder-preview.sh [measured-edits=40] [warm-up-edits=10]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xms256m -Xmx512m -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.formhaus.bench.BuilderPreviewBench "$@"
