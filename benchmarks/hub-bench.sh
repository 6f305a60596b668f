#!/bin/sh
# Copyright (c) 2026 Tiepoint contributors. SPDX-License-Identifier: EPL-2.0
#
# Hub benchmark over loopback: hasImage + register throughput (GraphQL over HTTP, embedded MongoDB
# with its H2 file) and verification throughput in MB/s (GridFS, ImageInspector) on the synthetic
# survey images.
#
# Usage: benchmarks/hub-bench.sh [images] [clients] [rounds]     (defaults 2000 8 3)
# Classpath: $HUB_BENCH_CLASSPATH (test classes + hub + dependencies) when set; otherwise it is built
# with the scratch Maven build given by $HUB_SCRATCH_POM (default /work/scratch/hub/pom.xml) until
# the Tycho build provides one.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shared=${TIEPOINT_SHARED_DATA:-$(cd "$here/../.." && pwd)/shared/data}
if [ -z "${HUB_BENCH_CLASSPATH:-}" ]; then
	pom=${HUB_SCRATCH_POM:-/work/scratch/hub/pom.xml}
	target=$(dirname "$pom")/target
	mvn -q -B -f "$pom" test-compile dependency:build-classpath -Dmdep.outputFile="$target/bench.cp" -Dmdep.includeScope=test >&2
	HUB_BENCH_CLASSPATH="$target/test-classes:$target/classes:$(cat "$target/bench.cp")"
fi
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=error -Djava.util.logging.config.file=/dev/null \
	-Dtiepoint.shared.data="$shared" -cp "$HUB_BENCH_CLASSPATH" io.tiepoint.hub.tests.HubBench "$@"
