#!/usr/bin/env bash
# The install test: package the build the tests already made (`tauri build --debug`, the
# custom-protocol build of the same code, so no 14-minute release build), install the .deb with
# apt-get as a person would, and check what they would meet:
#   - `hearth --version` and `hearth --help` answer;
#   - desktop-file-validate accepts the menu entry, appstreamcli the metainfo;
#   - the installed /usr/bin/hearth opens to the first-run screen under Xvfb, as WebDriver sees it,
#     and quits (tests/e2e_installed.rs);
#   - the .rpm lists the same files as the installed .deb;
#   - removing (and purging) the package removes its files and leaves the couple's data folder.
# Sizes go to target/install-report.txt for the record. Run by `make test` (root or sudo needed).
set -euo pipefail
cd "$(dirname "$0")/../.."

TAURI=${TAURI:?the Makefile passes the pinned Tauri CLI}
TARGET=${CARGO_TARGET_DIR:-target}
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
PACKAGE=hearth
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
work=$(mktemp -d)
report="$TARGET/install-report.txt"

fail() { echo "install test: $*" >&2; exit 1; }
cleanup() {
  if dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null | grep -q 'ok installed'; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q "$PACKAGE" >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The test that drives the installed binary, as `make test` just built it (found before packaging,
# which builds the app with other features, so that nothing is compiled twice).
driver_test=$(cargo test --test e2e_installed --no-run --message-format=json 2>/dev/null |
  grep '"name":"e2e_installed"' | sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1)
[ -x "$driver_test" ] || fail "could not find the e2e_installed test binary"

echo "== Packaging the debug build (.deb and .rpm)"
"$TAURI" build --ci --debug --bundles deb,rpm
deb=$(ls -t "$TARGET"/debug/bundle/deb/*.deb | head -1)
rpm=$(ls -t "$TARGET"/debug/bundle/rpm/*.rpm | head -1)

echo "== Installing $deb"
# apt-get takes a package file by a path with a slash in it.
case $deb in /*) package_file=$deb ;; *) package_file=./$deb ;; esac
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package_file"
dpkg-query -L "$PACKAGE" | sort > "$work/deb-paths"
# Files only (directories such as /usr/bin are shared with every other package).
while read -r path; do [ -f "$path" ] && echo "$path"; done < "$work/deb-paths" > "$work/deb-files"

echo "== The command line"
[ "$(command -v hearth)" = /usr/bin/hearth ] || fail "hearth is not /usr/bin/hearth"
[ "$(hearth --version)" = "Hearth $VERSION" ] || fail "hearth --version said '$(hearth --version)'"
help=$(hearth --help)
for option in --hidden --version --help; do
  grep -q -- "$option" <<<"$help" || fail "hearth --help does not list $option"
done
if hearth --no-such-option 2>/dev/null; then fail "an unknown option was accepted"; fi

echo "== Validators"
desktop=$(grep '^/usr/share/applications/.*\.desktop$' "$work/deb-files") || fail "no desktop entry"
metainfo=/usr/share/metainfo/app.hearth.desktop.metainfo.xml
[ -f "$metainfo" ] || fail "no $metainfo"
desktop-file-validate "$desktop" | tee "$work/desktop-validate"
[ ! -s "$work/desktop-validate" ] || fail "desktop-file-validate complained"
appstreamcli validate --no-net "$metainfo" | tee "$work/appstream-validate"
for size in 16 24 32 48 64 128 256 512; do
  grep -q "/usr/share/icons/hicolor/${size}x${size}/apps/hearth.png" "$work/deb-files" || fail "no ${size}px icon"
done

echo "== The installed binary under Xvfb, through WebDriver"
HEARTH_INSTALLED_BINARY=/usr/bin/hearth xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  "$driver_test" --ignored --nocapture

echo "== The same files in the .rpm"
rpm -qpl "$rpm" 2>/dev/null | sort > "$work/rpm-paths"
comm -23 "$work/deb-files" "$work/rpm-paths" | grep -v '^/usr/share/doc/' > "$work/missing-from-rpm" || true
[ ! -s "$work/missing-from-rpm" ] || { cat "$work/missing-from-rpm"; fail "the .rpm lacks files the .deb installs"; }

echo "== A data folder of the installed Hearth's own, then removal"
home="$work/home"
mkdir -p "$home"
data="$home/.local/share/app.hearth.desktop"
# The installed Hearth, started in the tray as at login, makes its data folder where a person's is.
env -u HEARTH_DATA_DIR -u XDG_DATA_HOME HOME="$home" xvfb-run -a dbus-run-session -- \
  bash -c 'hearth --hidden & pid=$!; for _ in $(seq 100); do [ -d "$0" ] && break; sleep 0.1; done; kill $pid; wait $pid || true' "$data"
[ -d "$data" ] || fail "the installed Hearth made no data folder at $data"
touch "$data/the-couple-was-here"
{
  echo "deb: $(basename "$deb") $(stat -c %s "$deb") bytes"
  echo "rpm: $(basename "$rpm") $(stat -c %s "$rpm") bytes"
  echo "installed size: $(dpkg-query -W -f='${Installed-Size}' "$PACKAGE") KiB"
  echo "desktop-file-validate: $(cat "$work/desktop-validate" | wc -l) messages"
  echo "appstreamcli validate: $(tail -1 "$work/appstream-validate")"
} | tee "$report"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q "$PACKAGE"
while read -r path; do [ ! -e "$path" ] || fail "$path is still there after removal"; done < "$work/deb-files"
[ -f "$data/the-couple-was-here" ] || fail "removing the package touched the data folder"
echo "install test: passed"
