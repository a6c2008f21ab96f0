#!/usr/bin/env python3
"""Pages/s of `tablelift.extract` from Python (1 and 2 threads) beside the CLI (-j 1, -j 2) and
beside pdfplumber and camelot called the usual way, on the same files, in one process run.

usage: bench_python.py --cli BIN --rounds N --peer-rounds M --out TSV PDF...

Each tool runs over every file; a round is one pass of every tool (rounds interleave, so a slow
spell of the machine hits all alike) and the median wall time over the rounds is reported.
Pages are the PDFs' page counts (from tablelift's `source.pages`), the same for every tool.
Peers: `pdfplumber.open(p)` then `page.find_tables()` / `.extract()` for every page, and
`camelot.read_pdf(p, pages="all")` (its default, lattice) and with `flavor="stream"`, the calls
of scripts/peers/run_peer.py. A peer that fails on a file counts it and goes on.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers"))


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def tablelift_threads(pdfs, threads):
    import tablelift

    def run():
        with ThreadPoolExecutor(max_workers=threads) as pool:
            for _ in pool.map(tablelift.extract, pdfs):
                pass

    return run


def cli(bin_path, pdfs, jobs):
    def run():
        with tempfile.TemporaryDirectory() as out:
            r = subprocess.run([bin_path, "extract", "-q", "-j", str(jobs), "-o", out, *pdfs], capture_output=True)
            if r.returncode > 1:
                raise RuntimeError(f"tablelift exited {r.returncode}: {r.stderr.decode()[-2000:]}")

    return run


def peer(tool, pdfs, failures):
    import run_peer  # scripts/peers/run_peer.py: the calls compare.sh measures

    extract = run_peer.TOOLS[tool][1]

    def run():
        for p in pdfs:
            try:
                for _ in extract(p):
                    pass
            except Exception:  # noqa: BLE001 - a peer failing on one file must not stop the run
                failures[tool] = failures.get(tool, 0) + 1

    return run


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--peer-rounds", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("pdfs", nargs="+")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.WARNING)
    import tablelift

    # Same bytes twice would be extracted twice by Python and the peers but once by the CLI
    # (its `duplicate`): keep the first path of each content.
    seen = set()
    pdfs = []
    for p in args.pdfs:
        with open(p, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            pdfs.append(p)
    # Files tablelift refuses (the realworld corpus has an encrypted one) are left out for
    # every tool, so that all measure the same pages.
    pages = 0
    readable = []
    for p in pdfs:
        try:
            pages += tablelift.extract(p)["source"]["pages"]
            readable.append(p)
        except tablelift.Error as e:
            print(f"bench_python: left out {p}: {e}", file=sys.stderr)
    left_out = len(pdfs) - len(readable)
    pdfs = readable
    tools = [
        ("tablelift.extract, 1 thread", tablelift_threads(pdfs, 1), args.rounds),
        ("tablelift.extract, 2 threads", tablelift_threads(pdfs, 2), args.rounds),
        ("CLI tablelift extract -j 1", cli(args.cli, pdfs, 1), args.rounds),
        ("CLI tablelift extract -j 2", cli(args.cli, pdfs, 2), args.rounds),
    ]
    failures: dict = {}
    for name, tool in (("pdfplumber", "pdfplumber"), ("camelot (default: lattice)", "camelot-lattice"), ("camelot stream", "camelot-stream")):
        tools.append((name, peer(tool, pdfs, failures), args.peer_rounds))
    times: dict = {name: [] for name, _, _ in tools}
    for r in range(max(args.rounds, args.peer_rounds)):
        for name, fn, rounds in tools:
            if r < rounds:
                print(f"bench_python: round {r + 1}: {name}", file=sys.stderr)
                times[name].append(timed(fn))
    base = statistics.median(times["tablelift.extract, 1 thread"])
    lines = [f"# {len(pdfs)} PDFs: the distinct ones of {len(args.pdfs)} ({left_out} left out: tablelift refuses them), {pages} pages; load before: {os.getloadavg()}"]
    lines.append("tool\tmedian_s\tpages_per_s\tvs_python_1_thread\truns_s\tfailed_files")
    for name, _, _ in tools:
        m = statistics.median(times[name])
        peer_key = {"pdfplumber": "pdfplumber", "camelot (default: lattice)": "camelot-lattice", "camelot stream": "camelot-stream"}.get(name)
        lines.append(
            f"{name}\t{m:.3f}\t{pages / m:.1f}\t{base / m:.3f}\t{' '.join(f'{t:.3f}' for t in times[name])}\t{failures.get(peer_key, 0) // max(1, len(times[name])) if peer_key else 0}"
        )
    text = "\n".join(lines) + "\n"
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
