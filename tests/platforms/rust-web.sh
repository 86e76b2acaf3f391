#!/usr/bin/env bash
# A second Rust for the other platforms' checks, kept apart from rustup's toolchain (which stays the
# one for everything else): Debian's rustc-web, cargo-web and rust-web-src, unpacked into
# $TOOLS/rust-web (installed, they would put a second rustc and cargo in /usr/bin); the libraries
# they link (LLVM, libgit2) are installed as any library is. The standard library's source comes
# with it, so `-Zbuild-std` builds std for a target rustup could not fetch here. Prints the folder.
#
# Idempotent: an unpacked toolchain that runs is used as it is.
set -euo pipefail
TOOLS="${TOOLS:-/var/tmp/hearth-tools}"
home="$TOOLS/rust-web"
libs="$home/usr/lib/x86_64-linux-gnu"
if LD_LIBRARY_PATH="$libs" "$home/usr/bin/cargo" --version >/dev/null 2>&1 &&
   [ -e "$home/usr/lib/rustlib/src/rust/library/std/Cargo.toml" ]; then
  echo "$home"
  exit 0
fi
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
depends() { apt-cache depends "$1" 2>/dev/null | awk -v want="$2" '$1 == "Depends:" && $2 ~ want { print $2; exit }'; }
# A new machine may not have read the package lists yet.
apt-cache show rustc-web >/dev/null 2>&1 || $SUDO apt-get update -q >&2
std=$(depends libstd-rust-web-dev '^libstd-rust-web-[0-9]')
llvm=$(depends "$std" '^libllvm[0-9]')
git2=$(depends cargo-web '^libgit2-')
for name in "$std" "$llvm" "$git2"; do
  [ -n "$name" ] || { echo "rust-web.sh: apt-cache does not list rustc-web's libraries (run apt-get update)" >&2; exit 1; }
done
for lib in "$llvm" "$git2"; do
  dpkg-query -W -f='${Status}' "$lib" 2>/dev/null | grep -q 'ok installed' ||
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$lib" >&2
done
debs=$(mktemp -d)
trap 'rm -rf "$debs"' EXIT
(cd "$debs" && apt-get download -q rustc-web cargo-web rust-web-src libstd-rust-web-dev "$std" >&2)
rm -rf "$home.new"
mkdir -p "$home.new"
for deb in "$debs"/*.deb; do dpkg -x "$deb" "$home.new"; done
rm -rf "$home"
mv "$home.new" "$home"
echo "$home"
