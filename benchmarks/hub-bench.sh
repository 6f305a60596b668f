#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
#
# Hub benchmark over loopback: hasImage + register throughput (GraphQL over HTTP, embedded MongoDB
# with its H2 file) and verification throughput in MB/s (GridFS, ImageInspector) on the synthetic
# survey images. It runs HubBench inside the OSGi runtime of the hub's tests (the same bundles as the
# product), through the build: benchmarks/hub-bench.sh [images] [clients] [rounds]  (default 2000 8 3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARGS="${1:-2000} ${2:-8} ${3:-3}"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# the bundles the tests resolve (core needs the platform client)
MODULES=target-platform,bundles/io.tiepoint.core,bundles/io.tiepoint.exif,bundles/io.tiepoint.exif.xmp
MODULES=$MODULES,bundles/io.tiepoint.platform,bundles/io.tiepoint.storage.s3,bundles/io.tiepoint.storage.gridfs
MODULES=$MODULES,bundles/io.tiepoint.hub,bundles/io.tiepoint.hub.h2,bundles/io.tiepoint.recon,bundles/io.tiepoint.slf4j
MODULES=$MODULES,bundles/io.tiepoint.testing,bundles/io.tiepoint.hub.tests
"$ROOT/tiepoint" __maven -q verify -pl "$MODULES" -Dtiepoint.bench=hub "-Dtiepoint.bench.args=$ARGS" \
  -Dtest=HubBenchmark 2>&1 | grep -v '^WARNING\|^Results:\|^$'
