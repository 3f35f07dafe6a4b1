#!/usr/bin/env bash
# Regenerates the committed golden outputs (testdata/golden/<target>/<spec>/) on purpose.
# Review `git diff testdata/golden` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
BF=./build/backendforge
for target_dir in testdata/golden/*/; do
  target=$(basename "$target_dir")
  [ "$target" = specs ] && continue
  for spec in testdata/golden/specs/*.json; do
    name=$(basename "$spec" .json)
    out="testdata/golden/$target/$name"
    rm -rf "$out"
    "$BF" generate --spec "$spec" --stack "$target" --out "$out" --files-only --no-commit
  done
done
echo "golden outputs regenerated; review with: git diff --stat testdata/golden"
