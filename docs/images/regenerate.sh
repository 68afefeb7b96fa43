#!/usr/bin/env bash
# Regenerates the screenshots in this folder from the running application, 1366 px wide in headless
# Chromium (Debian packages chromium and chromium-driver), by running every browser test that takes one
# (each test calling Screenshots.save, found here, so a new picture needs no edit of this script) on the
# embedded database only: -Dit.h2only skips the PostgreSQL and demo phases. Needs nothing else: the
# server, its data and the browser are all started by the build. Then it names any picture the README or
# docs/*.md show that this run did not write, and any picture here that no test wrote (stale: delete it
# unless a document still needs it). Extra arguments go to Maven (for example -o, or other ports).
# Usage, from the repository root: docs/images/regenerate.sh [maven arguments]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
tests="$(grep -l 'Screenshots\.save(' modules/app/src/test/java/io/oversight/app/it/*IT.java \
    | xargs -n1 basename | sed 's/\.java$//' | paste -sd, -)"
stamp="$(mktemp)"
trap 'rm -f "$stamp"' EXIT
./mvnw -B -pl modules/app -am verify -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.h2only -Dit.test="$tests" -Dit.screenshots.dir="$root/docs/images" "$@"
status=0
for shown in $( (grep -ohE 'docs/images/[A-Za-z0-9._-]+\.png' README.md; grep -ohE '\(images/[A-Za-z0-9._-]+\.png' docs/*.md \
        | sed 's/^(/docs\//') | sort -u); do
    if [ ! "$root/$shown" -nt "$stamp" ]; then
        echo "shown in the documents but not written by this run: $shown" >&2
        status=1
    fi
done
for picture in "$root"/docs/images/*.png; do
    if [ ! "$picture" -nt "$stamp" ]; then
        echo "written by no test (stale): ${picture#"$root"/}" >&2
        status=1
    fi
done
ls -l "$root"/docs/images/*.png
exit "$status"
