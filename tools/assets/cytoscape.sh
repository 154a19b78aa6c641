#!/usr/bin/env bash
# Re-fetches the pinned Cytoscape.js into src/Wedge.Web/wwwroot/lib/cytoscape and checks it against the hashes we
# committed. Only developers run this (it needs npm); users and CI serve the committed copy, so pages work offline.
#   tools/assets/cytoscape.sh          fetch, check, and copy into wwwroot
#   tools/assets/cytoscape.sh --check  fetch and check only; fails if the committed files differ from the package
# To move to another version: change VERSION and TARBALL_SHA256 (from `npm pack`'s tarball, after reading the
# release notes), run this script, then update lib/cytoscape/SHA256SUMS from its output and commit all three.
set -euo pipefail
VERSION=3.34.4
TARBALL_SHA256=0d02363d99d805ce8d91fdecab7b2a8cb91ee280d67f309ce44c161d117b4679
FILES=(dist/cytoscape.esm.min.mjs LICENSE)

root=$(cd "$(dirname "$0")/../.." && pwd)
target="$root/src/Wedge.Web/wwwroot/lib/cytoscape"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "cytoscape@$VERSION" >/dev/null)
tarball="$work/cytoscape-$VERSION.tgz"
actual=$(sha256sum "$tarball" | cut -d' ' -f1)
if [ "$actual" != "$TARBALL_SHA256" ]; then
  echo "cytoscape@$VERSION: tarball sha256 is $actual, expected $TARBALL_SHA256; nothing copied" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work"

status=0
for f in "${FILES[@]}"; do
  name=$(basename "$f")
  if [ "${1:-}" = "--check" ]; then
    if ! cmp -s "$work/package/$f" "$target/$name"; then
      echo "$target/$name differs from cytoscape@$VERSION's $f" >&2
      status=1
    fi
  else
    cp "$work/package/$f" "$target/$name"
  fi
done
(cd "$target" && sha256sum "${FILES[@]##*/}")
if [ "${1:-}" = "--check" ] && [ "$status" = 0 ]; then
  echo "cytoscape@$VERSION: committed files match the package"
fi
exit "$status"
