"""Prints criterion's median for each benchmark, and each one's ratio to its group's baseline.

Criterion keeps its estimates in target/criterion/<group>/<bench>/new/estimates.json; the median is
reported because these machines are noisy. A benchmark whose name ends in "_baseline" is the
denominator for the others in its group. docs/app_bench.py puts the same lines in
docs/performance.md.
"""
import json
import pathlib
import sys


def medians(root):
    """One line per benchmark: group/bench, median in ms, and the ratio to the group's baseline."""
    groups = {}
    for estimates in sorted(pathlib.Path(root).glob("*/*/new/estimates.json")):
        group, bench = estimates.parts[-4], estimates.parts[-3]
        median_ns = json.loads(estimates.read_text())["median"]["point_estimate"]
        groups.setdefault(group, {})[bench] = median_ns
    lines = []
    for group, benches in groups.items():
        baseline = next((v for k, v in benches.items() if k.endswith("_baseline")), None)
        for bench, median_ns in benches.items():
            ratio = (f"  ratio {median_ns / baseline:.2f}"
                     if baseline and not bench.endswith("_baseline") else "")
            lines.append(f"{group}/{bench}: median {median_ns / 1e6:.2f} ms{ratio}")
    return lines


if __name__ == "__main__":
    print("\n".join(medians(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")))
