#!/usr/bin/env bash
# Installs the system parts the integration tests drive for real: Debian's
# Chromium (+ driver) for browser tests and PostgreSQL for the store tests.
# Idempotent; skips what is already there. Needs root (or sudo) for apt-get.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
  echo "setup: installing ${need[*]} from Debian's packages"
  $SUDO apt-get update -qq || echo "setup: apt-get update failed; the tests that need ${need[*]} will say so"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
    || echo "setup: could not install ${need[*]}; the tests that need them will skip with a reason"
fi
exit 0
