#!/usr/bin/env bash
# Regenerates the committed ground truth for ExiftoolAgreementTest, once, with exiftool
# (Debian: apt-get install libimage-exiftool-perl) and coreutils. The test itself needs neither.
#   usage: gen-expected.sh [SHARED_DATA_DIR]   (default: ../../../../shared/data beside the repo)
# Output (next to this script), file names relative to the shared data folder:
#   exiftool-expected.json   exiftool -n -json -G1 of the tags Tiepoint reads
#   checksums-expected.txt   "<sha1> <md5> <size> <path>" per file
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${1:-${TIEPOINT_SHARED_DATA:-$HERE/../../../../shared/data}}
DATA=$(cd "$DATA" && pwd)
command -v exiftool >/dev/null || { echo "need exiftool (apt-get install libimage-exiftool-perl)" >&2; exit 1; }
cd "$DATA"
DIRS=(synthetic-survey/images synthetic-survey/bad real-cameras)
exiftool -n -json -G1 -r -fileOrder FileName -charset filename=utf8 \
  -File:FileSize -File:MIMEType -File:ImageWidth -File:ImageHeight \
  -IFD0:Make -IFD0:Model -IFD0:Orientation \
  -ExifIFD:SerialNumber -ExifIFD:LensModel -ExifIFD:FocalLength -ExifIFD:FocalLengthIn35mmFormat \
  -ExifIFD:DateTimeOriginal -ExifIFD:SubSecTimeOriginal -ExifIFD:OffsetTimeOriginal \
  -ExifIFD:ExposureTime -ExifIFD:ISO -ExifIFD:FNumber \
  -Composite:GPSLatitude -Composite:GPSLongitude -Composite:GPSAltitude \
  -XMP-drone-dji:RelativeAltitude -XMP-drone-dji:AbsoluteAltitude \
  -XMP-drone-dji:GimbalYawDegree -XMP-drone-dji:GimbalPitchDegree -XMP-drone-dji:GimbalRollDegree \
  -XMP-drone-dji:FlightYawDegree -XMP-drone-dji:FlightPitchDegree -XMP-drone-dji:FlightRollDegree \
  "${DIRS[@]}" > "$HERE/exiftool-expected.json" || test -s "$HERE/exiftool-expected.json"
# exiftool exits 1 when some file (the empty one) has no readable metadata; its JSON is still complete
find "${DIRS[@]}" -type f -print0 | sort -z | while IFS= read -r -d '' f; do
  printf '%s %s %s %s\n' "$(sha1sum < "$f" | cut -d' ' -f1)" "$(md5sum < "$f" | cut -d' ' -f1)" "$(stat -c %s "$f")" "$f"
done > "$HERE/checksums-expected.txt"
echo "wrote $(grep -c SourceFile "$HERE/exiftool-expected.json") exiftool records and $(wc -l < "$HERE/checksums-expected.txt") checksums"
