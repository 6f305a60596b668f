#!/usr/bin/env bash
# Copyright (c) 2026 Tiepoint contributors.
#
# This program and the accompanying materials are made available under the
# terms of the Eclipse Public License 2.0 which is available at
# https://www.eclipse.org/legal/epl-2.0/
#
# SPDX-License-Identifier: EPL-2.0
#
# Renders the sample survey (samples/survey/): a DJI-style nadir lawn-mower flight over the scene
# samples/survey.pov, with EXIF GPS and drone-dji XMP written by exiftool. Deterministic: the same
# tools give the same bytes (fixed seeds, no anti-aliasing jitter, no clock in any tag).
#
#   usage: samples/generate.sh [OUTDIR]          (default: samples/survey)
#   env:   W=1000 H=750   image size        LINES=4 PER_LINE=4   flight lines x shots per line
#          ALT=50         metres above take-off                 QUALITY=85   JPEG quality
#          JOBS=2         parallel povray processes
#   needs: povray 3.7, exiftool (libimage-exiftool-perl), awk, coreutils
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/survey}
W=${W:-1000}; H=${H:-750}; LINES=${LINES:-4}; PER_LINE=${PER_LINE:-4}; ALT=${ALT:-50}
QUALITY=${QUALITY:-85}; JOBS=${JOBS:-2}

for tool in povray exiftool awk sha256sum; do
  command -v "$tool" > /dev/null || {
    echo "generate.sh: '$tool' is not on PATH (apt-get install povray libimage-exiftool-perl)" >&2; exit 1; }
done

# Camera: DJI Phantom 4 Pro (FC6310): 8.8 mm lens on a 13.2 mm wide sensor, 24 mm equivalent.
FOCAL=8.8; SENSOR=13.2; F35=24
FOV=$(awk -v s=$SENSOR -v f=$FOCAL 'BEGIN { printf "%.4f", 2 * atan2(s / 2, f) * 45 / atan2(1, 1) }')
# Take-off point (scene origin) and its height above mean sea level.
LAT0=46.9480900; LON0=7.4474400; MSL0=540.00
DAY="2025:05:21"; START=$((9 * 3600 + 42 * 60))

mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tiepoint-survey.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
rm -rf "$OUT/images" "$OUT/meta"
mkdir -p "$OUT/images" "$OUT/meta"
cp "$HERE/survey.pov" "$TMP/survey.pov"    # povray's default I/O policy reads the working directory
T0=$(date +%s.%N)

# ---------------------------------------------------------------- flight plan
# One line per shot: name E N U pitch yaw roll (true pose) lat lon msl rel (EXIF, with GNSS noise)
# time gimbalYaw. Lines run south-north, serpentine; 80 % forward and 70 % side overlap.
awk -v lines="$LINES" -v per="$PER_LINE" -v alt="$ALT" -v fov="$FOV" -v W="$W" -v H="$H" \
    -v lat0="$LAT0" -v lon0="$LON0" -v msl0="$MSL0" -v start="$START" '
function rand01() { state = (state * 48271) % 2147483647; return state / 2147483647 }   # Lehmer, exact in doubles
function jit(a) { return a * (2 * rand01() - 1) }
function norm(a) { while (a > 180) a -= 360; while (a <= -180) a += 360; return a }
function clock(t) { return sprintf("%02d:%02d:%02d", int(t / 3600), int(t % 3600 / 60), t % 60) }
function shot(e, n, u, yaw,    te, tn, tu, tp, ty, tr, ge, gn, gu, s, m, r) {
  no++
  te = e + jit(0.3); tn = n + jit(0.3); tu = u + jit(0.2)
  tp = -90 + jit(0.4); ty = norm(yaw + jit(1.0)); tr = jit(0.4)
  ge = te + jit(0.8); gn = tn + jit(0.8); gu = tu + jit(0.4)                     # GNSS error
  s = sin(lat0 * pi / 180)
  m = A * (1 - E2) / (1 - E2 * s * s) ^ 1.5                                     # meridian radius
  r = A / sqrt(1 - E2 * s * s)                                                  # prime vertical radius
  printf "DJI_%04d.JPG %.3f %.3f %.3f %.2f %.2f %.2f %.8f %.8f %.3f %.2f %s %.2f\n", no, te, tn, tu, tp, ty, tr, \
    lat0 + gn / m * 180 / pi, lon0 + ge / (r * cos(lat0 * pi / 180)) * 180 / pi, msl0 + gu, gu, clock(t), norm(ty + jit(0.2))
  t += 2
}
BEGIN {
  pi = 3.141592653589793; A = 6378137.0; F = 1 / 298.257223563; E2 = F * (2 - F)
  state = 20250521; t = start
  half = sin(fov * pi / 360) / cos(fov * pi / 360)
  across = 2 * alt * half; along = across * H / W                              # nadir footprint (m)
  for (i = 0; i < lines; i++) {
    for (k = 0; k < per; k++) {
      j = i % 2 == 0 ? k : per - 1 - k
      shot((i - (lines - 1) / 2) * across * 0.30, (j - (per - 1) / 2) * along * 0.20, alt, i % 2 == 0 ? 0 : 180)
    }
    t += 6
  }
}' > "$TMP/plan.txt"

# ---------------------------------------------------------------- rendering
render() {   # name E N U pitch yaw roll
  local base=${1%.*}
  # +FJ: povray writes the JPEG itself (baseline, no timestamp); the bytes depend only on the pixels
  (cd "$TMP" && povray -D +Isurvey.pov +O"$base.jpg" +FJ"$QUALITY" +W"$W" +H"$H" -A +WT1 \
      Declare=CE="$2" Declare=CN="$3" Declare=CU="$4" Declare=GP="$5" Declare=YW="$6" Declare=RL="$7" \
      Declare=FOV="$FOV" > "$base.log" 2>&1) \
    || { echo "generate.sh: povray failed for $1 (log: $TMP/$base.log)" >&2; tail -5 "$TMP/$base.log" >&2; return 1; }
}
export -f render
export TMP W H FOV QUALITY
awk '{ print $1, $2, $3, $4, $5, $6, $7 }' "$TMP/plan.txt" | xargs -P "$JOBS" -n 7 bash -c 'render "$@"' _
T1=$(date +%s.%N)

# ---------------------------------------------------------------- EXIF GPS and drone-dji XMP
ARGS="$TMP/exif.args"; : > "$ARGS"
while read -r name e n u pitch yaw roll lat lon msl rel time gyaw; do
  cat >> "$ARGS" <<TAGS
-overwrite_original
-JFIF:all=
-Comment=
-Make=DJI
-Model=FC6310
-Software=v01.08.1719
-Orientation#=1
-ExifVersion=0230
-FocalLength=$FOCAL
-FocalLengthIn35mmFormat=$F35
-FNumber=5.6
-ExposureTime=1/800
-ISO=100
-ExifImageWidth=$W
-ExifImageHeight=$H
-FocalPlaneXResolution=$(awk -v w="$W" -v s=$SENSOR 'BEGIN { printf "%.4f", w / s }')
-FocalPlaneYResolution=$(awk -v w="$W" -v s=$SENSOR 'BEGIN { printf "%.4f", w / s }')
-FocalPlaneResolutionUnit=mm
-SerialNumber=0K8TG4R0031187
-AllDates=$DAY $time
-GPSVersionID=2 3 0 0
-GPSLatitudeRef=N
-GPSLatitude=$lat
-GPSLongitudeRef=E
-GPSLongitude=$lon
-GPSAltitudeRef=Above Sea Level
-GPSAltitude=$msl
-XMP-drone-dji:AbsoluteAltitude=$(printf '%+.2f' "$msl")
-XMP-drone-dji:RelativeAltitude=$(printf '%+.2f' "$rel")
-XMP-drone-dji:GimbalRollDegree=$(printf '%+.2f' "$roll")
-XMP-drone-dji:GimbalYawDegree=$(printf '%+.2f' "$gyaw")
-XMP-drone-dji:GimbalPitchDegree=$(printf '%+.2f' "$pitch")
-XMP-drone-dji:FlightRollDegree=+0.00
-XMP-drone-dji:FlightYawDegree=$(printf '%+.2f' "$yaw")
-XMP-drone-dji:FlightPitchDegree=+0.00
$TMP/${name%.*}.jpg
-execute
TAGS
done < "$TMP/plan.txt"
exiftool -q -@ "$ARGS" > "$TMP/exiftool.log" 2>&1 \
  || { echo "generate.sh: exiftool failed (log follows)" >&2; cat "$TMP/exiftool.log" >&2; exit 1; }
while read -r name rest; do mv "$TMP/${name%.*}.jpg" "$OUT/images/$name"; done < "$TMP/plan.txt"

# ---------------------------------------------------------------- truth files
M="$OUT/meta"
echo "name,E_m,N_m,U_m,pitch_deg,yaw_deg,roll_deg,hfov_deg,width,height,focal_px" > "$M/poses_truth.csv"
awk -v fov="$FOV" -v W="$W" -v H="$H" 'BEGIN { pi = 3.141592653589793; f = W / 2 / (sin(fov * pi / 360) / cos(fov * pi / 360)) }
  { printf "%s,%s,%s,%s,%s,%s,%s,%s,%d,%d,%.3f\n", $1, $2, $3, $4, $5, $6, $7, fov, W, H, f }' "$TMP/plan.txt" >> "$M/poses_truth.csv"
echo "name,lat,lon,gps_alt_msl,relative_alt,time,gimbal_pitch,gimbal_yaw,flight_yaw" > "$M/exif_written.csv"
awk -v day="$DAY" '{ printf "%s,%s,%s,%s,%s,%s %s,%s,%s,%s\n", $1, $8, $9, $10, $11, day, $12, $5, $13, $6 }' \
  "$TMP/plan.txt" >> "$M/exif_written.csv"
awk '{ print $1, $8, $9, $10 }' "$TMP/plan.txt" > "$M/gps_ref.txt"
awk '{ print $1, $2, $3, $4 }' "$TMP/plan.txt" > "$M/enu_truth.txt"
printf 'lat0=%s\nlon0=%s\nmsl0=%s\nwidth=%s\nheight=%s\nhfov_deg=%s\nalt_m=%s\nlines=%s\nper_line=%s\nquality=%s\n' \
  "$LAT0" "$LON0" "$MSL0" "$W" "$H" "$FOV" "$ALT" "$LINES" "$PER_LINE" "$QUALITY" > "$M/survey.properties"
(cd "$OUT" && find images -type f | LC_ALL=C sort | xargs sha256sum > meta/SHA256SUMS)
T2=$(date +%s.%N)
awk -v a="$T0" -v b="$T1" -v c="$T2" -v n="$(wc -l < "$M/gps_ref.txt")" -v o="$OUT" \
  'BEGIN { printf "generated %d images in %s (render %.1f s, tags %.1f s)\n", n, o, b - a, c - b }'
du -sh "$OUT"
