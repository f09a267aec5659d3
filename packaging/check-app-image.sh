#!/usr/bin/env bash
# Checks the jpackage app-image (mvn -B -Ppackage -DskipTests package): its launcher, on its own
# bundled runtime and without a display, runs `presets` and prints the built-in presets, one
# "name<TAB>description" line each.
# With --gui it also opens the desktop app from the image under Xvfb (xvfb-run, ImageMagick) and
# checks the screenshot the app saves after a few seconds of training.
# Usage: packaging/check-app-image.sh [--gui] [APP_IMAGE_DIR]   (default target/dist/MarginScope)
set -euo pipefail
cd "$(dirname "$0")/.."

gui=false
if [ "${1:-}" = "--gui" ]; then gui=true; shift; fi
image=${1:-target/dist/MarginScope}
launcher=$image/bin/MarginScope
min_presets=40          # 49 built-in presets when this was written
must_list=li-blob-small-net

fail() {
  echo "check-app-image: FAILED: $*" >&2
  exit 1
}

[ -x "$launcher" ] || fail "no launcher $launcher; build the app-image with: mvn -B -Ppackage -DskipTests package"
[ -f "$image/lib/runtime/release" ] || fail "$image has no bundled runtime (lib/runtime)"

out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

# headless: no display, so a command that tried to open a window would fail here
rc=0
env -u DISPLAY -u WAYLAND_DISPLAY timeout 120 "$launcher" presets >"$out" 2>"$err" || rc=$?
if [ "$rc" -ne 0 ]; then
  sed 's/^/  stderr: /' "$err" | tail -20 >&2
  fail "'$launcher presets' exited with status $rc"
fi

lines=$(grep -c . "$out" || true)
if ! grep -q "^${must_list}	" "$out"; then
  sed 's/^/  stdout: /' "$out" | head -20 >&2
  fail "the preset list has no line for $must_list"
fi
[ "$lines" -ge "$min_presets" ] || fail "only $lines presets listed, expected at least $min_presets"
bad=$(awk -F'\t' 'NF < 2 || $1 == "" || $2 == ""' "$out" | head -3)
[ -z "$bad" ] || fail "lines that are not 'name<TAB>description': $bad"

# the names must be those of the packaged jar's index of built-in presets (when unzip is there)
if command -v unzip >/dev/null 2>&1; then
  want=$(unzip -p "$image/lib/app/marginscope.jar" org/marginscope/presets/index.txt \
    | tr -d '\r' | sed 's/^[[:space:]]*//; s/[[:space:]]*$//' | grep -v '^#' | grep . | sort || true)
  got=$(cut -f1 "$out" | sort)
  [ "$got" = "$want" ] || fail "the listed names differ from the jar's presets/index.txt: $(diff <(echo "$want") <(echo "$got") | head -5 | tr '\n' ' ')"
fi

echo "check-app-image: presets ok: '$launcher presets' listed $lines presets (first: $(head -1 "$out" | cut -f1), $must_list among them) on its bundled runtime ($(du -sh "$image" | cut -f1) image)"

$gui || exit 0
# the desktop app from the image: the bundled runtime must hold what JavaFX and Java2D need
shot=$(dirname "$image")/app-image-gui.png
rm -f "$shot"
rc=0
JAVA_TOOL_OPTIONS=-Dprism.order=sw timeout 180 xvfb-run -a -s "-screen 0 1400x900x24" \
  "$launcher" gui --screenshot "$shot" --after 5 >"$out" 2>"$err" || rc=$?
if [ "$rc" -ne 0 ] || [ ! -s "$shot" ]; then
  sed 's/^/  stderr: /' "$err" | tail -20 >&2
  fail "'$launcher gui --screenshot' exited with status $rc and wrote no $shot"
fi
colours=$(convert "$shot" -format '%k' info:)
stddev=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
awk -v c="$colours" -v s="$stddev" 'BEGIN { exit !(c > 500 && s > 0.05) }' \
  || fail "the app-image's screenshot $shot looks blank ($colours colours, grey std $stddev)"
echo "check-app-image: gui ok: $shot, $(identify -format '%w x %h' "$shot") px, $colours colours"
