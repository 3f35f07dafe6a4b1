#!/usr/bin/env bash
# `make run`: start BackendForge on its embedded defaults. Until the server lands, this shows
# the CLI and plans a sample backend.
set -euo pipefail
cd "$(dirname "$0")/.."
BF=./build/backendforge
"$BF" --help
echo
echo "Sample: backendforge plan \"A blog with posts, comments and tags; readers get live updates\""
"$BF" plan "A blog with posts, comments and tags; readers get live updates" --out out/sample-plan.md --spec-out out/sample-spec.json 2>&1
echo "The plan is in out/sample-plan.md, the spec in out/sample-spec.json."
