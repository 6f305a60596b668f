#!/usr/bin/env bash
# Copyright (c) 2026 Tiepoint contributors.
#
# This program and the accompanying materials are made available under the
# terms of the Eclipse Public License 2.0 which is available at
# https://www.eclipse.org/legal/epl-2.0/
#
# SPDX-License-Identifier: EPL-2.0
#
# Reconstruction benchmark: times the COLMAP engine (bundles/io.tiepoint.recon) on the sample survey
# (samples/survey, 16 images 1000x750) and prints the seconds of each stage (inspect = EXIF positions,
# extract, match, map, align, analyze, export) and the total. It runs ReconBenchmark inside the OSGi
# runtime of the engine's tests (the same bundles as the product), through the build:
#   benchmarks/recon-bench.sh [TASK_TYPE] [RUNS]     (default: Native 1; Full = COLMAP's default detail)
# Needs colmap on PATH (apt-get install colmap) or -Dtiepoint.colmap in MAVEN_OPTS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARGS="${1:-Native} ${2:-1}"
command -v colmap > /dev/null || echo "warning: no colmap on PATH; the benchmark will be skipped (apt-get install colmap)" >&2
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(colmap -h 2>/dev/null | head -1 || true)"
# the bundles the tests resolve (core needs the platform client)
MODULES=target-platform,bundles/io.tiepoint.core,bundles/io.tiepoint.exif,bundles/io.tiepoint.exif.xmp
MODULES=$MODULES,bundles/io.tiepoint.platform,bundles/io.tiepoint.storage.s3,bundles/io.tiepoint.storage.gridfs
MODULES=$MODULES,bundles/io.tiepoint.hub,bundles/io.tiepoint.hub.h2,bundles/io.tiepoint.recon,bundles/io.tiepoint.slf4j
MODULES=$MODULES,bundles/io.tiepoint.testing,bundles/io.tiepoint.recon.tests
"$ROOT/tiepoint" __maven -q verify -pl "$MODULES" -Dtiepoint.bench=recon "-Dtiepoint.bench.args=$ARGS" \
  -Dtest=ReconBenchmark 2>&1 | grep '^recon-bench\|ERROR\|FAIL' || true
