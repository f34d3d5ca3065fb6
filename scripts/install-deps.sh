#!/usr/bin/env bash
# Installs the system libraries ThiDua builds against, only when they are missing.
# Debian/Ubuntu: libcmark-gfm (+ extensions) for Markdown, libvips for photos, pkg-config to find them, jemalloc.
set -euo pipefail

missing=()
pkg-config --exists libcmark-gfm 2>/dev/null || missing+=(libcmark-gfm-dev)
[ -e /usr/include/cmark-gfm-core-extensions.h ] || missing+=(libcmark-gfm-extensions-dev)
# libvips (8.14 on Debian 12): photos resized, rotated upright and re-encoded without their metadata.
pkg-config --exists vips 2>/dev/null || missing+=(libvips-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# jemalloc, the allocator thidua links on Linux (see Package.swift).
[ -e /usr/lib/x86_64-linux-gnu/libjemalloc.so ] || [ -e /usr/lib/aarch64-linux-gnu/libjemalloc.so ] || missing+=(libjemalloc-dev)

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

echo "Installing ${missing[*]} (Debian packages)…" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "error: need root to install ${missing[*]}; run: apt-get install ${missing[*]}" >&2; exit 2
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
