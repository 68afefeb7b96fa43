#!/usr/bin/env bash
# Regenerates the screenshots in this folder from the running application, at 1366 px in headless
# Chromium (Debian packages chromium and chromium-driver), by running the browser tests that take them
# against the embedded database. Needs nothing else: the server, its data and the browser are all
# started by the build. Usage, from the repository root: docs/images/regenerate.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -pl modules/app -am verify -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=PagesBrowserIT -Dit.screenshots.dir="$root/docs/images" "$@"
ls -l "$root"/docs/images/*.png
