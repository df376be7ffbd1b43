#!/usr/bin/env bash
# What the shop needs from Debian's packages: the browser the client tests drive (Chromium, never a
# browser download) with a Korean font so screenshots show Hangul, and Prometheus for
# `pnpm infra:up`. Needs root (apt-get); does nothing when all are there.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi nanum || missing+=(fonts-nanum)
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-system-packages: run as root, or install: apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "install-system-packages: apt-get install ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null ||
  { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
