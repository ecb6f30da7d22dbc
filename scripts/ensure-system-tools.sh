#!/usr/bin/env bash
# Installs the Debian tools the test suites use (Chromium for the browser tests, LibreOffice Calc
# for the round-trip and benchmark, poppler-utils to render its PDF) when they are missing. As root it installs them with apt-get;
# otherwise it fails and prints the command to run. It never lets a suite skip.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || need+=(libreoffice-calc)
# pdftoppm, pdftotext and pdfinfo for the LibreOffice render test (PDF -> PNG, no ### cells).
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# Fonts so that screenshots and LibreOffice render text.
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system tools: ${need[*]}" >&2
  echo "Run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
  exit 1
fi
echo "Installing ${need[*]} (apt-get)..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
