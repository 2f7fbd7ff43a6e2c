#!/usr/bin/env bash
# Installs the Debian packages the test suites need: Chromium for the e2e tests, Xvfb for a real
# window where an Electron binary exists, and WordPress + MariaDB + PHP for the portal suite and
# the WordPress search bench (a real portal on loopback, reference/wordpress-facts.md). Does
# nothing when they are already there; prints one line with the time it took when it installs.
set -euo pipefail
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb)
# libimage-exiftool-perl: Debian's exiftool, the independent reader the photo metadata tests check
# our written IPTC/XMP with (and the system perl exiftool-vendored runs its own ExifTool with).
for pkg in wordpress mariadb-server php-cli php-mysql php-gd php-xml php-mbstring php-curl libimage-exiftool-perl; do
  installed "$pkg" || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0
echo "newsdesk: installing Debian packages: ${need[*]}"
started=$SECONDS
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
# The packages' own services (apache2, the system MariaDB) are not used: the portal harness starts
# its own MariaDB and `php -S` on free loopback ports, so whether postinst starts them is moot.
# apt's chatter (debconf notes included) goes to a log shown only if the install fails.
log=$(mktemp)
if ! DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >"$log" 2>&1; then
  cat "$log"
  rm -f "$log"
  exit 1
fi
rm -f "$log"
echo "newsdesk: Debian packages installed in $((SECONDS - started)) s"
