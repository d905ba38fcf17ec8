#!/usr/bin/env bash
# Refreshes the in-repository copy of the shared fixtures (fixtures/) from ../shared/fixtures,
# or from the folder given as the first argument. Tests read fixtures/ unless SKOPS_FIXTURES is set.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-"$here/../shared/fixtures"}
if [ ! -f "$src/README.md" ]; then
  echo "refresh-fixtures: no fixture folder at $src (expected its README.md)" >&2
  exit 2
fi
rm -rf "$here/fixtures"
mkdir -p "$here/fixtures"
cp -R "$src/." "$here/fixtures/"
chmod -R u+w "$here/fixtures"
echo "refresh-fixtures: copied $(find "$here/fixtures" -type f | wc -l) files from $src"
