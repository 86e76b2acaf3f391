"""Where the release binary's bytes go, crate by crate, against the bare Tauri baseline.

Both binaries must be built with symbols (`make size-profile` builds them with the release profile
and only `strip` turned off). Each function's and each static's size comes from `nm -S`, and goes
to the crate its demangled path starts with; C code goes to SQLite (SQLCipher) or OpenSSL by its
name. Inlined code counts where it was inlined, so the split is approximate, but the difference
between the two apps, crate by crate, shows what Hearth adds.

    python3 docs/size_profile.py HEARTH BASELINE [--top 30]
"""
import argparse
import collections
import re
import subprocess

OPENSSL = re.compile(r"^(EVP|SSL|OPENSSL|CRYPTO|BN_|bn_|EC_|ec_|ecp_|RSA|ossl|X509|ASN1|PEM|DH_|DSA|"
                     r"OBJ_|ERR_|BIO|CMS|PKCS|ENGINE|OSSL|aes|sha|x25519|curve448|k25519|nid_objs|"
                     r"param_group)", re.IGNORECASE)
CRATE = re.compile(r"^<?(?:&(?:mut )?)?([a-z_][a-z0-9_]*)::")


def crate_of(name):
    found = CRATE.match(name)
    if found:
        return found.group(1)
    if name.startswith(("sqlite3", "sqlcipher", "yy")):
        return "SQLite (C)"
    if OPENSSL.match(name):
        return "OpenSSL (C)"
    return "other"


def sizes(binary):
    listing = subprocess.run(["nm", "-S", "--size-sort", "-C", binary], check=True,
                             capture_output=True, text=True).stdout
    totals = collections.Counter()
    for line in listing.splitlines():
        parts = line.split(" ", 3)
        if len(parts) == 4 and parts[2] in "tTrRdD":
            totals[crate_of(parts[3])] += int(parts[1], 16)
    return totals


def sections(binary):
    listing = subprocess.run(["size", "-A", binary], check=True, capture_output=True,
                             text=True).stdout
    found = {}
    for line in listing.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0].startswith(".") and not parts[0].startswith(".debug"):
            found[parts[0]] = int(parts[1])
    return found


def report(hearth_binary, baseline_binary, top=30):
    """Markdown tables: the largest sections, then the crates that differ most."""
    hearth, bare = sizes(hearth_binary), sizes(baseline_binary)
    lines = ["| Section | Bare Tauri | Hearth | Added |", "|---|---|---|---|"]
    hearth_sections, bare_sections = sections(hearth_binary), sections(baseline_binary)
    for name, size in sorted(hearth_sections.items(), key=lambda item: -item[1])[:8]:
        base = bare_sections.get(name, 0)
        lines.append(f"| {name} | {base:,} | {size:,} | {size - base:+,} |")
    lines += ["", "| Crate | Bare Tauri | Hearth | Added |", "|---|---|---|---|"]
    added = {crate: hearth[crate] - bare.get(crate, 0) for crate in hearth | bare}
    for crate, grown in sorted(added.items(), key=lambda item: -abs(item[1]))[:top]:
        lines.append(f"| {crate} | {bare.get(crate, 0):,} | {hearth.get(crate, 0):,} | {grown:+,} |")
    lines.append(f"| all symbols | {sum(bare.values()):,} | {sum(hearth.values()):,} | "
                 f"{sum(added.values()):+,} |")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("hearth")
    parser.add_argument("baseline")
    parser.add_argument("--top", type=int, default=30)
    options = parser.parse_args()
    print("\n".join(report(options.hearth, options.baseline, options.top)))


if __name__ == "__main__":
    main()
