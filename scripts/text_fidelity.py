#!/usr/bin/env python3
"""Per-page character-multiset F1 of `tablelift text` against `pdftotext -layout`.

For every PDF under the given directories, both tools print the whole document; pages are split
on form feeds; the multisets of non-whitespace characters (NFKC) are compared per page.
Pages that pdftotext cannot read (error or no text) are skipped.

With --mupdf PYTHON (a Python that has PyMuPDF, e.g. .venv-peers/bin/python from
scripts/compare.sh), a page below the threshold against pdftotext is also compared with MuPDF's
text of the page; the summary then also counts pages that match either reference.

usage: scripts/text_fidelity.py [--bin target/release/tablelift] [--threshold 0.99]
                                [--mupdf PYTHON] DIR...
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
    ap.add_argument("--mupdf", help="python with PyMuPDF, for a second reference")
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
    either = good
    for pdf, page, score, n, missing, extra in bad:
        note = ""
        if a.mupdf:
            rc, text = run([a.mupdf, "-c", "import sys, pymupdf; d = pymupdf.open(sys.argv[1]); print(d[int(sys.argv[2]) - 1].get_text())", pdf, str(page)])
            _, ours = run([a.bin, "text", "--pages", str(page), pdf])
            if rc == 0:
                mu = f1(chars(text), chars(ours))
                note = f"  vs MuPDF {mu:.3f}"
                if mu >= a.threshold:
                    either += 1
        print(f"{score:.3f}  {os.path.basename(pdf)} p{page} ({n} chars)  missing={missing} extra={extra}{note}")
    print(f"pages with char-F1 >= {a.threshold}: {good}/{total} = {100.0 * good / max(total, 1):.1f}%")
    if a.mupdf:
        print(f"pages with char-F1 >= {a.threshold} against pdftotext or MuPDF: {either}/{total} = {100.0 * either / max(total, 1):.1f}%")

if __name__ == "__main__":
    main()
