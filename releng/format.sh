#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
#
# Formats the Java sources with Tiepoint's Eclipse formatter profile (releng/formatter/tiepoint-formatter.xml),
# the one the IDE uses (Preferences > Java > Code Style > Formatter > Import). The formatter is Eclipse JDT's,
# from Maven Central.
#
#   releng/format.sh            format every Java file of bundles/ and releng/
#   releng/format.sh --check    change nothing; list the files the profile would change (exit 1 if any)
#   releng/format.sh [--check] PATH...   only these files or folders
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CP="$ROOT/releng/formatter/target/classpath.txt"
if [ ! -s "$CP" ] || [ "$ROOT/releng/formatter/pom.xml" -nt "$CP" ]; then
  "$ROOT/tiepoint" __maven -q -f releng/formatter/pom.xml dependency:build-classpath -Dmdep.outputFile="$CP" >&2
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CHECK=()
if [ "${1:-}" = "--check" ]; then CHECK=(--check); shift; fi
if [ $# -eq 0 ]; then set -- "$ROOT/bundles" "$ROOT/releng"; fi
exec "$JAVA" -cp "$(cat "$CP")" "$ROOT/releng/formatter/Format.java" "$ROOT/releng/formatter/tiepoint-formatter.xml" "${CHECK[@]}" "$@"
