#!/usr/bin/env bash
# Installs the Debian packages Postino's tests need (the real-server rig, mbsync for benchmarks, Chromium for
# end-to-end tests). Idempotent: installs only what is missing, and runs `apt-get update` only then.
# Must run as root on Debian 12.
set -euo pipefail

# python3, make and g++ build better-sqlite3 when its prebuilt binary cannot be downloaded (no GitHub here).
# The fonts make end-to-end screenshots show what users see: Latin, CJK and emoji glyphs instead of boxes.
packages=(chromium dovecot-imapd dovecot-lmtpd postfix isync openssl fonts-dejavu-core fonts-noto-color-emoji fonts-noto-cjk python3 make g++)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-system-deps: all present (${packages[*]})"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-system-deps: missing ${missing[*]}, and installing them needs root" >&2
  exit 1
fi

echo "install-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Postfix asks how to configure itself; the rig runs its own private instance, so: none.
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"

