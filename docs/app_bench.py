"""The app-level half of `make bench`: Hearth against a bare Tauri app, interleaved in one run.

Each run starts, in alternating order, the baseline (tests/fixtures/bare-tauri) and Hearth on its
setup screen, on its lock screen, unlocked, and waiting in the tray (`--hidden`), each in a HOME of
its own, one after another on the display and session bus `make bench` provides. Unlocked, the
script drives Hearth with the X server's keyboard (xdotool), as a person would: Sam's passphrase on
the lock screen, then home, then Ctrl+4 to the journal of 100,000 shared and 20,000 private entries
(the seeded couple), then Tab and Enter for "New entry" and a title typed into the editor. Each step
is confirmed by the data folder: the shared vault's write-ahead log appears when it is opened, and
the typed title is saved into it. It measures:

- cold start: from exec to the first screen, which both apps tell on their standard error once
  their page has rendered it ("Hearth: first screen shown");
- PSS, summed over the app and its WebKit processes, 5 s after the first screen (or the step;
  home: once the unlock's background check has ended, and 20 s more, see AFTER_UNLOCK_S);
- idle CPU (utime + stime of every process, from /proc/<pid>/stat) and wake-ups (voluntary context
  switches summed over every thread, from /proc/<pid>/task/*/status) over the next 60 s, with the
  wake-ups of Hearth's own named threads apart, on each screen but the journal list (PSS only);
- reopening from the tray: a second launch, to the lock screen shown;
- the stripped binaries and the .deb, when given;
- where the memory goes: PSS by process and mapping against the baseline's (last run);
- with --criterion, the criterion medians; with --symbols, the binary's bytes by crate
  (docs/size_profile.py); with --notes, a file of findings to end with.

Medians and [min-max] of the runs, and ratios to the baseline, go to the Markdown file named by
--out, with the date, the machine and the commands.

    python3 docs/app_bench.py --hearth BIN --baseline BIN --couple DIR [--deb PATH] [--runs 5]
"""
import argparse
import collections
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone

from bench_medians import medians
from size_profile import report as size_report

FIRST_SCREEN = "Hearth: first screen shown"
SETTLE_S = 5
# Home is measured once the unlock's work is over: the background check of the 100,000-entry vault
# (its `vault-check` thread, about a second) and WebKit's first paint of home, which under llvmpipe
# keeps the web process busy for 15 to 20 s (measured per thread, docs/performance_notes.md). Both
# are work done once per unlock, not the cost of waiting.
AFTER_UNLOCK_S = 20
IDLE_S = 60  # --idle-seconds changes it, for a quick try of the script itself
# Threads Hearth names itself (as /proc shows them, cut at 15 characters): what "wake-ups from our
# code" counts.
OWN_THREADS = ("housekeeping", "reminders", "sleep-watch", "session-lock-wa", "screensaver-wat")
# Sam's passphrase in the seeded couple (hearth_core::testing::PASS_A).
PASSPHRASE = "lantern orbit velvet cactus"


class App:
    """One launched app, its standard error read on a thread so the first-screen line is seen."""

    def __init__(self, binary, home, args=(), data=None):
        self.env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=f"{home}/config",
                        XDG_DATA_HOME=f"{home}/data", XDG_CACHE_HOME=f"{home}/cache",
                        HEARTH_DATA_DIR=data or f"{home}/hearth")
        self.binary = binary
        self.shown = threading.Event()
        self.started = time.monotonic()
        self.process = subprocess.Popen([binary, *args], env=self.env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stderr:
            if FIRST_SCREEN in line:
                self.shown.set()

    def wait_shown(self, since):
        if not self.shown.wait(60):
            raise RuntimeError(f"{self.binary} showed no first screen within 60 s")
        return (time.monotonic() - since) * 1000

    def launch_again(self):
        """A second launch, which hands over to this one; ms until a first screen is shown."""
        self.shown.clear()
        since = time.monotonic()
        subprocess.run([self.binary], env=self.env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=60, check=True)
        return self.wait_shown(since)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def tree(pid):
    pids = [pid]
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as children:
                for child in children.read().split():
                    pids += tree(int(child))
        except OSError:
            pass
    return pids


def pss_mib(pid):
    total = 0
    for each in tree(pid):
        try:
            with open(f"/proc/{each}/smaps_rollup") as rollup:
                total += sum(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
        except OSError:
            pass
    return total / 1024


def pss_by_mapping(pid):
    """KiB of PSS per (process name, mapped file or [heap]/[anon]), over the app's processes."""
    found = collections.Counter()
    for each in tree(pid):
        try:
            with open(f"/proc/{each}/comm") as comm:
                process = comm.read().strip()
            with open(f"/proc/{each}/smaps") as smaps:
                mapping = None
                for line in smaps:
                    parts = line.split()
                    if "-" in parts[0] and len(parts) >= 5 and ":" in parts[3]:
                        mapping = os.path.basename(parts[5]) if len(parts) > 5 else "[anon]"
                    elif parts[0] == "Pss:":
                        found[(process, mapping)] += int(parts[1])
        except OSError:
            pass
    return found


def counters(pid):
    """CPU ticks of the whole tree, and each thread's voluntary switches, by (pid, tid)."""
    ticks, threads = 0, {}
    for each in tree(pid):
        try:
            with open(f"/proc/{each}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
            for task in os.listdir(f"/proc/{each}/task"):
                with open(f"/proc/{each}/task/{task}/comm") as comm:
                    name = comm.read().strip()
                with open(f"/proc/{each}/task/{task}/status") as status:
                    count = next(int(line.split()[1]) for line in status
                                 if line.startswith("voluntary_ctxt_switches"))
                threads[(each, task)] = (name, count)
        except (OSError, StopIteration):
            pass
    return ticks, threads


def idle(app):
    """CPU ms, wake-ups and our own threads' wake-ups over IDLE_S seconds. A thread's wake-ups
    count from the first sample (or its start) to the last; one that ended meanwhile is left out."""
    hz = os.sysconf("SC_CLK_TCK")
    ticks_before, before = counters(app.process.pid)
    time.sleep(IDLE_S)
    ticks_after, after = counters(app.process.pid)
    wakeups = own = 0
    for thread, (name, count) in after.items():
        woke = count - before.get(thread, (name, 0))[1]
        wakeups += woke
        own += woke if name.startswith(OWN_THREADS) else 0
    return [(ticks_after - ticks_before) * 1000 / hz, wakeups, own]


def xdotool(*args):
    subprocess.run(["xdotool", *args], check=True, timeout=60, stdout=subprocess.DEVNULL)


def focus_window():
    """Gives Hearth's window the keyboard focus, as a window manager would (Xvfb has none)."""
    found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "^Hearth$"],
                           check=True, timeout=60, capture_output=True, text=True)
    xdotool("windowfocus", "--sync", found.stdout.split()[0])
    time.sleep(0.5)  # GTK takes the focus a moment after the X server gives it


def files(folder):
    return {name: os.stat(f"{folder}/{name}")[6:9] for name in os.listdir(folder)}


def wait_for_write(folder, before, what):
    """Waits until a file in the data folder appears or changes: the step took effect."""
    deadline = time.monotonic() + 30
    while files(folder) == before:
        if time.monotonic() > deadline:
            raise RuntimeError(f"nothing in the data folder changed: {what} did not happen")
        time.sleep(0.2)


# The last run's PSS per process and mapping, by case: where the memory goes.
BREAKDOWN = {}


def wait_for_thread_to_end(app, name, limit_s=120):
    """Waits until no thread of the app's tree is called `name` (or `limit_s` passes)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        _, threads = counters(app.process.pid)
        if not any(thread_name == name for thread_name, _ in threads.values()):
            return
        time.sleep(0.2)
    raise RuntimeError(f"the {name} thread still runs after {limit_s} s")


def settled(app, case, with_idle=True, settle_s=None):
    time.sleep(SETTLE_S if settle_s is None else settle_s)
    figures = {"PSS (MiB)": pss_mib(app.process.pid)}
    BREAKDOWN[case] = pss_by_mapping(app.process.pid)
    if with_idle:
        cpu, wakeups, own = idle(app)
        figures[f"idle CPU over {IDLE_S} s (ms)"] = cpu
        figures[f"wake-ups over {IDLE_S} s"] = wakeups
        figures[f"wake-ups of Hearth's threads over {IDLE_S} s"] = own
    return figures


def measure_unlocked(binary, couple):
    """Home, the journal's list and an open editor, in one Hearth driven by the keyboard."""
    home = tempfile.mkdtemp(prefix="hearth-bench-")
    data = f"{home}/hearth"
    shutil.copytree(couple, data)
    try:
        app = App(binary, home, (), data)
        app.wait_shown(app.started)
        focus_window()
        before = files(data)
        xdotool("type", "--delay", "15", PASSPHRASE)
        xdotool("key", "--clearmodifiers", "Return")
        wait_for_write(data, before, "unlocking")
        wait_for_thread_to_end(app, "vault-check")
        steps = {"home": settled(app, "home", settle_s=AFTER_UNLOCK_S)}
        xdotool("key", "--clearmodifiers", "ctrl+4")
        steps["journal"] = settled(app, "journal", with_idle=False)
        xdotool("key", "--clearmodifiers", "Tab", "Return")
        time.sleep(1)
        before = files(data)
        xdotool("type", "--delay", "15", "An evening walk")
        wait_for_write(data, before, "saving the typed entry")
        steps["editor"] = settled(app, "editor")
        app.stop()
        return steps
    finally:
        shutil.rmtree(home, ignore_errors=True)


def measure(case, binary, args=(), couple=None, reopen=False):
    home = tempfile.mkdtemp(prefix="hearth-bench-")
    data = f"{home}/hearth"
    if couple:
        shutil.copytree(couple, data)
    try:
        app = App(binary, home, args, data)
        figures = {}
        if "--hidden" in args:
            time.sleep(SETTLE_S)
        else:
            figures["cold start (ms)"] = app.wait_shown(app.started)
        figures.update(settled(app, case))
        if reopen:
            figures["reopening from the tray (ms)"] = app.launch_again()
        app.stop()
        return figures
    finally:
        shutil.rmtree(home, ignore_errors=True)


def runs(options):
    cases = {
        "baseline": lambda: measure("baseline", options.baseline),
        "setup": lambda: measure("setup", options.hearth),
        "lock": lambda: measure("lock", options.hearth, couple=options.couple),
        "unlocked": lambda: measure_unlocked(options.hearth, options.couple),
        "tray": lambda: measure("tray", options.hearth, ("--hidden",), options.couple, reopen=True),
    }
    results = {name: [] for name in CASES}
    for run in range(options.runs):
        order = list(cases) if run % 2 == 0 else list(reversed(cases))
        for name in order:
            print(f"run {run + 1}/{options.runs}: {name}", file=sys.stderr, flush=True)
            figures = cases[name]()
            # The unlocked case measures three screens in one app.
            for step, step_figures in (figures.items() if name == "unlocked" else [(name, figures)]):
                results[step].append(step_figures)
    return results


def summary(values):
    return f"{statistics.median(values):,.0f} [{min(values):,.0f}–{max(values):,.0f}]"


def ratio(values, baseline):
    if not baseline or statistics.median(baseline) == 0:
        return "–"
    return f"{statistics.median(values) / statistics.median(baseline):.2f}"


# Each case's label in the report, in the report's order.
CASES = {"baseline": "Bare Tauri", "setup": "Hearth, setup screen", "lock": "Hearth, lock screen",
         "home": "Hearth, home", "journal": "Hearth, journal list (100,000 + 20,000 entries)",
         "editor": "Hearth, an open editor", "tray": "Hearth in the tray (`--hidden`)"}


def report(options, results):
    baseline = results["baseline"]
    names = {case: label for case, label in CASES.items() if case != "baseline"}
    lines = [
        "# Performance",
        "",
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC by `make bench` on "
        f"{platform.node()}: {os.cpu_count()} cores, {platform.platform()}, under Xvfb. "
        f"{options.runs} runs, alternating the order; each figure is the median [min–max], and "
        "the ratio is Hearth's median over the bare Tauri app's, from the same run.",
        "",
        "Commands: `cargo build --release` (Hearth, as `make run` builds it), the same for "
        "`tests/fixtures/bare-tauri`, then `python3 docs/app_bench.py` (what it measures, and how, "
        "is in its opening comment).",
        "",
    ]
    for figure in baseline[0]:
        lines += [f"## {figure[0].upper()}{figure[1:]}", "", "| App | Median [min–max] | Ratio |",
                  "|---|---|---|",
                  f"| Bare Tauri | {summary([r[figure] for r in baseline])} | 1.00 |"]
        for case, label in names.items():
            values = [r[figure] for r in results[case] if figure in r]
            if values:
                ratio_text = ratio(values, [r[figure] for r in baseline])
                lines.append(f"| {label} | {summary(values)} | {ratio_text} |")
        lines.append("")
    extra = [f for f in results["tray"][0] if f not in baseline[0]]
    for figure in extra:
        lines += [f"## {figure[0].upper()}{figure[1:]}", "",
                  f"{summary([r[figure] for r in results['tray']])}, against a cold start of "
                  f"{summary([r['cold start (ms)'] for r in results['lock']])} to the lock screen.",
                  ""]
    lines += sizes(options)
    lines += memory(["lock", "journal"])
    lines += tray_memory()
    if options.criterion:
        lines += ["## Benchmarks (criterion)", "",
                  "Medians from `cargo bench -p hearth-core --bench vault --bench journal`, each with "
                  "its ratio to its group's baseline.", "", "```", *medians(options.criterion), "```",
                  ""]
    if options.symbols:
        lines += ["## Where the binary's bytes go", "",
                  "Both apps built again with symbols (`strip` off, the same profile otherwise), "
                  "by `docs/size_profile.py`: symbol sizes by crate, inlined code counted where it "
                  "was inlined.", "", *size_report(*options.symbols, top=25), ""]
    if options.notes:
        with open(options.notes) as notes:
            lines += [notes.read()]
    return "\n".join(lines) + "\n"


APP_NAMES = ("hearth", "bare-tauri")


def tray_memory():
    """The tray's largest mappings: it has no baseline (the bare app always has its window)."""
    found = BREAKDOWN.get("tray")
    if not found:
        return []
    lines = [f"{CASES['tray']}: {sum(found.values()) / 1024:.0f} MiB, one process. Its largest "
             "mappings (MiB):", "", "| Mapping | PSS |", "|---|---|"]
    for (_, mapping), kib in found.most_common(10):
        lines.append(f"| {mapping} | {kib / 1024:.1f} |")
    return lines + [""]


def memory(cases):
    """Where each case's PSS goes beyond the baseline's, by process and mapping (the last run)."""
    bare = BREAKDOWN.get("baseline", collections.Counter())
    lines = ["## Where the memory goes", "",
             "PSS by process and mapping in the last run, against the baseline's; the largest "
             "differences (MiB).", ""]
    for case in cases:
        found = BREAKDOWN.get(case)
        if not found:
            continue
        # The apps' own processes and binaries carry their names; WebKit's are named alike.
        def own(key):
            process, mapping = key
            if process in APP_NAMES:
                return ("(app)", "(its binary)" if mapping in APP_NAMES else mapping)
            return key
        mine, theirs = collections.Counter(), collections.Counter()
        for key, kib in found.items():
            mine[own(key)] += kib
        for key, kib in bare.items():
            theirs[own(key)] += kib
        added = {key: mine[key] - theirs.get(key, 0) for key in mine | theirs}
        lines += [f"{CASES[case]}: {sum(mine.values()) / 1024:.0f} MiB against "
                  f"{sum(theirs.values()) / 1024:.0f}.", "",
                  "| Process | Mapping | Bare Tauri | Hearth | Added |", "|---|---|---|---|---|"]
        for key, grown in sorted(added.items(), key=lambda item: -abs(item[1]))[:8]:
            lines.append(f"| {key[0]} | {key[1]} | {theirs.get(key, 0) / 1024:.1f} | "
                         f"{mine.get(key, 0) / 1024:.1f} | {grown / 1024:+.1f} |")
        lines.append("")
    return lines


def sizes(options):
    rows = [("Bare Tauri binary", options.baseline), ("Hearth binary", options.hearth)]
    if options.deb:
        rows.append(("Hearth .deb", options.deb))
    lines = ["## Sizes", "", "| File | Bytes |", "|---|---|"]
    lines += [f"| {name} | {os.path.getsize(path):,} |" for name, path in rows]
    hearth, bare = os.path.getsize(options.hearth), os.path.getsize(options.baseline)
    return lines + ["", f"The stripped Hearth binary is {hearth / bare:.2f} times the baseline's.", ""]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hearth", required=True)
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--couple", required=True, help="a data folder with a couple set up")
    parser.add_argument("--deb")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default="docs/performance.md")
    parser.add_argument("--idle-seconds", type=int, default=IDLE_S)
    parser.add_argument("--criterion", help="criterion's folder, for its medians")
    parser.add_argument("--symbols", nargs=2, metavar=("HEARTH", "BASELINE"),
                        help="both binaries built with symbols, for where the bytes go")
    parser.add_argument("--notes", help="a Markdown file to end the report with")
    options = parser.parse_args()
    globals()["IDLE_S"] = options.idle_seconds
    results = runs(options)
    with open(options.out, "w") as out:
        out.write(report(options, results))
    print(f"wrote {options.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
