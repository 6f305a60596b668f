#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
#
# Images view benchmark: a 10,000-image project in a temporary workspace; first paint of the virtual
# table, 20 scroll jumps, a sort on State, heap used. It runs LargeProjectTest#benchmark inside the
# OSGi runtime of the workbench's tests, under Xvfb, through the build: benchmarks/ui-bench.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# the bundles the tests resolve (core needs the platform client; the workbench needs the hub and providers)
MODULES=target-platform,bundles/io.tiepoint.core,bundles/io.tiepoint.exif,bundles/io.tiepoint.exif.xmp
MODULES=$MODULES,bundles/io.tiepoint.platform,bundles/io.tiepoint.storage.s3,bundles/io.tiepoint.storage.gridfs
MODULES=$MODULES,bundles/io.tiepoint.hub,bundles/io.tiepoint.hub.h2,bundles/io.tiepoint.recon,bundles/io.tiepoint.slf4j
MODULES=$MODULES,bundles/io.tiepoint.testing,bundles/io.tiepoint.ui,bundles/io.tiepoint.ui.tests
RUN=()
[ -n "${DISPLAY:-}" ] || RUN=(xvfb-run -a -s "-screen 0 1600x1000x24")
"${RUN[@]}" "$ROOT/tiepoint" __maven -q verify -pl "$MODULES" -Dtiepoint.bench=ui \
  -Dtest=LargeProjectTest 2>&1 | grep -v '^WARNING\|^Results:\|^$'
