#!/usr/bin/env bash
# Builder notes: what each draft save pays for the e-mail preview with sample values and the contrast warning
# (admin.DraftNotes: the draft parsed once more, every enabled mail rendered by the sending code, the theme judged).
# In one JVM thread, no server. Not part of the test suite.
# Usage: bench/draft-notes.sh [measured-rounds=2000] [warm-up-rounds=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xms256m -Xmx512m -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.formhaus.bench.DraftNotesBench "$@"
