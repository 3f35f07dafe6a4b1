#!/bin/sh
# One test per entity, in its own "file" src/<entity>.status: it passes when the file says
# "impl". A file named "slow" makes the run take 60 s (used to test cancellation and shutdown).
# Narrowing like a real runner: --file <path> runs one file, --name <text> the tests whose name
# ("<file> works") contains the text (the manifest's testFilter).
mkdir -p reports
if [ -f slow ]; then echo "slow run"; sleep 60; fi
only_file=""
only_name=""
while [ $# -gt 0 ]; do
  case "$1" in
    --file) only_file="$2"; shift 2 ;;
    --name) only_name="$2"; shift 2 ;;
    *) echo "unknown argument $1"; exit 2 ;;
  esac
done
failed=0
suites=""
for f in src/*.status; do
  if [ -n "$only_file" ] && [ "$f" != "$only_file" ]; then continue; fi
  full="$f works"
  if [ -n "$only_name" ] && [ "${full#*"$only_name"}" = "$full" ]; then continue; fi
  name=$(basename "$f" .status)
  if grep -q impl "$f"; then
    case_xml="<testcase classname=\"$f\" name=\"works\" time=\"0.001\"/>"
    echo "ok - $f"
  else
    failed=$((failed + 1))
    case_xml="<testcase classname=\"$f\" name=\"works\" time=\"0.001\"><failure message=\"$name is not implemented\">stub</failure></testcase>"
    echo "not ok - $f"
  fi
  suites="$suites<testsuite name=\"$f\" tests=\"1\">$case_xml</testsuite>"
done
printf '<?xml version="1.0"?><testsuites>%s</testsuites>\n' "$suites" > reports/junit.xml
[ "$failed" -eq 0 ]
