#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
#
# GridFS resource service benchmark over loopback: upload and ranged-download throughput in MB/s through
# the hub's resource service (seed 003) into the embedded MongoDB (H2 file), with the GridFS storage
# provider as client, and the bytes re-sent after a connection cut mid-body. It runs GridFsBenchmark
# inside the OSGi runtime of the provider's tests, through the build:
#   benchmarks/gridfs-bench.sh [files] [MiB per file] [clients]   (default 200 4 4)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARGS="${1:-200} ${2:-4} ${3:-4}"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# the bundles the tests resolve (core needs the platform client; the workbench needs the hub and providers)
MODULES=target-platform,bundles/io.tiepoint.core,bundles/io.tiepoint.exif,bundles/io.tiepoint.exif.xmp
MODULES=$MODULES,bundles/io.tiepoint.platform,bundles/io.tiepoint.storage.s3,bundles/io.tiepoint.storage.gridfs
MODULES=$MODULES,bundles/io.tiepoint.hub,bundles/io.tiepoint.hub.h2,bundles/io.tiepoint.recon,bundles/io.tiepoint.slf4j
MODULES=$MODULES,bundles/io.tiepoint.testing,bundles/io.tiepoint.storage.gridfs.tests
"$ROOT/tiepoint" __maven -q verify -pl "$MODULES" -Dtiepoint.bench=gridfs "-Dtiepoint.bench.args=$ARGS" \
  -Dtest=GridFsBenchmark 2>&1 | grep -v '^WARNING\|^Results:\|^$'
