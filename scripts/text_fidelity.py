#!/usr/bin/env python3
"""Per-page character-multiset F1 of `tablelift text` against `pdftotext -layout`.

For every PDF under the given directories, both tools print the whole document; pages are split
on form feeds; the multisets of non-whitespace characters (NFKC) are compared per page.
Pages that pdftotext cannot read (error or no text) are skipped.

usage: scripts/text_fidelity.py [--bin target/release/tablelift] [--threshold 0.99] DIR...
"""
import argparse, collections, os, subprocess, sys, unicodedata

def chars(s):
    s = unicodedata.normalize("NFKC", s)
    # Control and format characters (bell, bidi embedding marks) are not text content.
    return collections.Counter(c for c in s if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf"))

def f1(a, b):
    if not a and not b:
        return 1.0
    common = sum((a & b).values())
    if common == 0:
        return 0.0
    p, r = common / sum(b.values()), common / sum(a.values())
    return 2 * p * r / (p + r)

def run(cmd, timeout=60):
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=timeout)
        return r.returncode, r.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return -1, ""

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/tablelift")
    ap.add_argument("--threshold", type=float, default=0.99)
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    pdfs = sorted(os.path.join(d, f) for d in a.dirs for f in os.listdir(d) if f.lower().endswith(".pdf"))
    total = good = 0
    bad = []
    for pdf in pdfs:
        rc, ref = run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"])
        if rc != 0:
            continue
        _, ours = run([a.bin, "text", pdf])
        ref_pages = ref.split("\f")
        our_pages = ours.split("\f")
        for i, rp in enumerate(ref_pages):
            rc_ = chars(rp)
            if not rc_:
                continue
            oc = chars(our_pages[i]) if i < len(our_pages) else collections.Counter()
            score = f1(rc_, oc)
            total += 1
            if score >= a.threshold:
                good += 1
            else:
                missing = (rc_ - oc).most_common(6)
                extra = (oc - rc_).most_common(6)
                bad.append((pdf, i + 1, score, sum(rc_.values()), missing, extra))
    for pdf, page, score, n, missing, extra in bad:
        print(f"{score:.3f}  {os.path.basename(pdf)} p{page} ({n} chars)  missing={missing} extra={extra}")
    print(f"pages with char-F1 >= {a.threshold}: {good}/{total} = {100.0 * good / max(total, 1):.1f}%")

if __name__ == "__main__":
    main()
