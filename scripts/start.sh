#!/usr/bin/env bash
# Installs what is needed and starts the portal: frontend on :3000, backend on :7007,
# SQLite in memory, wired to the embedded simulated k0rdent management cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
yarn install --immutable
exec yarn start "$@"
