# Hearth on a fresh Debian 12 or Ubuntu machine, in two commands:
#   make run    installs the missing system packages, builds Hearth and opens it
#   make test   does the same set-up plus what the tests need, then runs every test
# and to make the packages:
#   make bundle builds the release .deb and .rpm (in $CARGO_TARGET_DIR/release/bundle/)
#
# Everything else here serves those two.

SHELL := /bin/bash
.DEFAULT_GOAL := run

# What Tauri 2 needs to build on Linux.
APT_BUILD := build-essential pkg-config file libwebkit2gtk-4.1-dev libxdo-dev libssl-dev \
             libayatana-appindicator3-dev librsvg2-dev
# What the tests need: WebKit's WebDriver, a virtual display, a session bus, a real
# notification server for the reminder tests, libfaketime for a test that needs a late evening,
# the install test's validators (desktop-file-validate, appstreamcli) and rpm, and two Syncthing
# daemons for the sync tests, with strace to show that only Syncthing opens a connection.
APT_TEST := webkit2gtk-driver xvfb xauth xdotool dbus-daemon dbus-bin python3-dbusmock dunst \
            python3-dateutil python3-icalendar tzdata faketime \
            desktop-file-utils appstream rpm syncthing strace

# What the other platforms' type-check needs beyond the second Rust that
# tests/platforms/rust-web.sh unpacks: mingw-w64, for the C in SQLCipher and OpenSSL on Windows.
APT_PLATFORMS := gcc-mingw-w64-x86-64

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps test-deps lint check-platforms bench idle-cpu bundle icons tauri-cli install-test screenshots

# The Tauri CLI, from npm's @tauri-apps/cli, which ships it prebuilt (crates.io's tauri-cli would
# compile for minutes). Pinned, and kept outside the clone so a clean checkout reuses it.
TAURI_CLI_VERSION := 2.12.5
TOOLS ?= /var/tmp/hearth-tools
TAURI := $(TOOLS)/node_modules/.bin/tauri

define apt_install_missing
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi
endef

deps:
	@command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs), then run make again."; exit 1; }
	$(call apt_install_missing,$(APT_BUILD))

test-deps: deps
	$(call apt_install_missing,$(APT_TEST))
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --version '^2' --locked

run: deps
	cargo run --release

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

# Core, IPC and end-to-end tests together. The end-to-end tests start the real app, so they need
# the display and bus that xvfb-run and dbus-run-session provide here.
test: test-deps lint check-platforms tauri-cli
	@log=$$(mktemp); set -o pipefail; \
	xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- cargo test --workspace --lib --bins --tests --no-fail-fast 2>&1 | tee "$$log"; \
	status=$$?; \
	awk '/^test result:/ { passed += $$4; failed += $$6 } END { printf "%d passed, %d failed\n", passed, failed }' "$$log"; \
	rm -f "$$log"; exit $$status
	@$(MAKE) --no-print-directory install-test

# Windows and macOS: the whole workspace, every target, type-checked with -D warnings by a second
# Rust from Debian (rustc-web, with -Zbuild-std), so code that only one OS has keeps the others
# compiling. See tests/platforms/check.sh; PLATFORMS="x86_64-pc-windows-gnu" checks one.
check-platforms: deps
	$(call apt_install_missing,$(APT_PLATFORMS))
	TOOLS=$(TOOLS) bash tests/platforms/check.sh

# The .deb installed as a person would install it, then removed (tests/install/run.sh says what it
# checks). It packages the debug build the tests just made, so it needs no release build.
install-test: test-deps tauri-cli
	TAURI=$(TAURI) bash tests/install/run.sh

# Criterion benchmarks (each median, and each ratio to its group's baseline), then the app against
# a bare Tauri app (docs/app_bench.py: cold start, memory, idle CPU and wake-ups, reopening from the
# tray, sizes, where the memory and the binary's bytes go), which writes docs/performance.md and
# ends it with docs/performance_notes.md. Both apps are release builds, as `make run` builds
# Hearth; the .deb comes from `make bundle`; both are built again with symbols in a folder of
# their own, for docs/size_profile.py. About an hour and a half on two cores from a clean start.
TARGET := $(or $(CARGO_TARGET_DIR),target)
BENCH_COUPLE := $(TARGET)/bench-couple
SYMBOLS := $(TARGET)/with-symbols
bench: test-deps bundle
	cargo bench -p hearth-bench --bench vault --bench journal
	@python3 docs/bench_medians.py $(TARGET)/criterion
	cargo build --release
	cargo build --release --manifest-path tests/fixtures/bare-tauri/Cargo.toml --target-dir $(TARGET)
	CARGO_PROFILE_RELEASE_STRIP=false cargo build --release --target-dir $(SYMBOLS)
	CARGO_PROFILE_RELEASE_STRIP=false cargo build --release \
	  --manifest-path tests/fixtures/bare-tauri/Cargo.toml --target-dir $(SYMBOLS)
	rm -rf $(BENCH_COUPLE)
	cargo run --release -p hearth-core --example seed_couple -- $(BENCH_COUPLE)
	xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- python3 docs/app_bench.py \
	  --hearth $(TARGET)/release/hearth --baseline $(TARGET)/release/bare-tauri \
	  --couple $(BENCH_COUPLE) --deb $$(ls -t $(TARGET)/release/bundle/deb/*.deb | head -1) \
	  --criterion $(TARGET)/criterion \
	  --symbols $(SYMBOLS)/release/hearth $(SYMBOLS)/release/bare-tauri \
	  --notes docs/performance_notes.md

# Idle CPU over five minutes, from /proc/<pid>/stat (see docs/idle_cpu.sh).
idle-cpu: test-deps
	cargo build
	xvfb-run -a dbus-run-session -- bash docs/idle_cpu.sh "$${CARGO_TARGET_DIR:-target}/debug/hearth" 5

tauri-cli:
	@[ "$$($(TAURI) --version 2>/dev/null)" = "tauri-cli $(TAURI_CLI_VERSION)" ] || \
	  npm install --no-audit --no-fund --prefix $(TOOLS) @tauri-apps/cli@$(TAURI_CLI_VERSION)

# The release .deb and .rpm. (An AppImage needs tools the bundler downloads; see the README.)
bundle: deps tauri-cli
	$(TAURI) build --ci --bundles deb,rpm

# Every icon, drawn from the one source, icons/hearth.svg: the PNG sizes a Linux desktop uses,
# and icon.png, .ico and .icns for the window, Windows and macOS.
icons: tauri-cli
	$(TAURI) icon icons/hearth.svg -o icons --png 16,24,32,48,64,128,256
	@tmp=$$(mktemp -d); $(TAURI) icon icons/hearth.svg -o $$tmp >/dev/null && \
	  cp $$tmp/icon.png $$tmp/icon.ico $$tmp/icon.icns icons/; rm -rf $$tmp

# The README's pictures, light and dark, taken in the real app under Xvfb (docs/screenshots/).
screenshots: test-deps
	xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
	  cargo test --test e2e_screenshots -- --ignored
