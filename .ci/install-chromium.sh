#!/usr/bin/env bash
# Installs Debian's headless Chromium, its driver and a Chinese font (so that the
# screenshots show the console's Chinese text) for the console's browser tests, unless
# they are there already.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && fc-list :lang=zh | grep -q .; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
