#!/usr/bin/env bash
# The browser the client tests drive: Debian's Chromium (never a browser download) and a Korean
# font, so screenshots show Hangul. Needs root (apt-get); does nothing when both are there.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi nanum || missing+=(fonts-nanum)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser: run as root, or install: apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "install-browser: apt-get install ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null ||
  { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
