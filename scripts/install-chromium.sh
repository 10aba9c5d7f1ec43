#!/usr/bin/env bash
# Debian's Chromium and ChromeDriver for the browser tests (tests/web/test_browser.py), installed
# when missing.  Without them the browser tests skip with a message; CI installs them.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "install-chromium: installing chromium and chromium-driver (apt-get)" >&2
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >&2 \
  || { as_root apt-get update -q >&2 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >&2; } \
  || echo "install-chromium: could not install chromium; browser tests will skip" >&2
