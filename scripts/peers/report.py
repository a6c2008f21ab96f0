#!/usr/bin/env python3
"""Score the outputs of scripts/compare.sh and write docs/benchmarks.md (standard library only).

usage: report.py --shared DIR --bench-out DIR --tablelift BIN --command CMD --out FILE CORPUS...

For each CORPUS it reads BENCH_OUT/<corpus>/timings.tsv (tool, wall seconds, status) and scores
every tool folder BENCH_OUT/<corpus>/<tool>/ with the evaluator that has ground truth for the corpus
(icdar_eval.py for NAME-str.xml, budget_eval.py for NAME.truth.json). Scores are also saved as
BENCH_OUT/<corpus>/scores.json. The report is printed and written to --out.
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_peer import TOOLS  # noqa: E402  (mode labels of the peers)

MODES = {name: mode for name, (mode, _) in TOOLS.items()}
MODES.update({"tablelift": "extract --format grid (all cores)",
              "tablelift-j1": "extract --format grid -j 1",
              "pdftotext": "-layout (text only, not scored)"})
DISPLAY = {"tablelift-j1": "tablelift", "camelot-lattice": "camelot", "camelot-stream": "camelot",
           "tabula-lattice": "tabula-py", "tabula-stream": "tabula-py", "tabula": "tabula-py"}


def sh(cmd):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        return (r.stdout + r.stderr).strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def pdfs_of(corpus):
    out = []
    for d, _, files in os.walk(corpus):
        out += [os.path.join(d, f) for f in files if f.lower().endswith(".pdf")]
    return sorted(out)


def pages_of(pdf):
    for line in sh(["pdfinfo", pdf]).splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def failures(tool_dir, pdfs):
    """Documents without a readable NAME.json, or whose NAME.json carries an "error"."""
    n = 0
    for pdf in pdfs:
        path = os.path.join(tool_dir, os.path.splitext(os.path.basename(pdf))[0] + ".json")
        try:
            with open(path, encoding="utf-8") as f:
                n += bool(json.load(f).get("error"))
        except (OSError, ValueError, AttributeError):
            n += 1
    return n


def evaluator(shared, corpus):
    """(kind, command) of the evaluator that has ground truth for this corpus, or (None, None)."""
    names = os.listdir(corpus)
    tools = os.path.join(shared, "tools")
    if any(n.endswith("-str.xml") for n in names):
        return "icdar", ["python3", os.path.join(tools, "icdar_eval.py"), "--gt-dir", corpus]
    if any(n.endswith(".truth.json") for n in names):
        return "budget", ["python3", os.path.join(tools, "budget_eval.py"), "--truth-dir", corpus]
    return None, None


def evaluate(kind, cmd, tool_dir):
    """The evaluator's summary metrics for one tool's output folder."""
    if kind is None:
        return None
    r = subprocess.run(cmd + ["--pred-dir", tool_dir, "--json"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"report.py: {' '.join(cmd)} failed:\n{r.stderr}")
    res = json.loads(r.stdout)
    return res["summary"] if kind == "icdar" else res["overall"]


COLUMNS = {  # kind -> [(header, metric key)]
    "icdar": [("F1", "f1"), ("precision", "precision"), ("recall", "recall")],
    "budget": [("F1", "adj_f1"), ("exact rows", "exact_row_rate"),
               ("numeric recall", "numeric_recall")],
    None: [],
}
NOTES = {
    "icdar": "F1, precision and recall: ICDAR 2013 cell-adjacency relations "
             "(`icdar_eval.py`), averaged per document.",
    "budget": "F1: cell-adjacency F1 over all documents; exact rows: share of truth body rows "
              "reproduced exactly; numeric recall: truth values found at the same index in the "
              "matched row (`budget_eval.py`, overall figures).",
    None: "No ground truth in this folder: timings only.",
}


def fmt(x, spec=".3f"):
    return "–" if x is None else format(x, spec)


def corpus_section(args, corpus):
    name = os.path.basename(corpus.rstrip("/"))
    out = os.path.join(args.bench_out, name)
    pdfs = pdfs_of(corpus)
    pages = sum(pages_of(p) for p in pdfs)
    kind, cmd = evaluator(args.shared, corpus)
    rows = []
    with open(os.path.join(out, "timings.tsv"), encoding="utf-8") as f:
        for line in f:
            tool, secs, status, *runs = line.rstrip("\n").split("\t")
            runs = [float(t) for t in (runs[0].split() if runs else [])]
            row = {"tool": tool, "seconds": float(secs), "runs": runs, "status": status,
                   "metrics": None}
            if status == "ok":
                row["pps"] = pages / row["seconds"] if row["seconds"] > 0 else None
                if tool != "pdftotext":
                    row["metrics"] = evaluate(kind, cmd, os.path.join(out, tool))
                    row["failures"] = failures(os.path.join(out, tool), pdfs)
            rows.append(row)
    with open(os.path.join(out, "scores.json"), "w", encoding="utf-8") as f:
        json.dump({"corpus": corpus, "documents": len(pdfs), "pages": pages, "rows": rows}, f,
                  indent=1)

    cols = COLUMNS[kind]
    base = next((r for r in rows if r["tool"] == "tablelift" and r["status"] == "ok"), None)

    def order(r):  # tablelift first, then the peers by F1, pdftotext last
        f1 = (r["metrics"] or {}).get(cols[0][1]) if cols else None
        return (r["tool"] == "pdftotext", not r["tool"].startswith("tablelift"), -(f1 or 0))

    lines = [f"## {name}", "",
             f"{len(pdfs)} PDFs, {pages} pages (`{os.path.relpath(corpus)}`). {NOTES[kind]} "
             f"Seconds: wall time of the whole run (interpreter/JVM start included), the median of "
             f"{max((len(r['runs']) for r in rows), default=1)} runs; "
             "tablelift ×: tablelift's pages/s divided by the tool's.", "",
             "| tool | mode | " + " | ".join(h for h, _ in cols)
             + " | seconds | pages/s | tablelift × | failures |",
             "|---|---|" + "---:|" * (len(cols) + 4)]
    for r in sorted(rows, key=order):
        tool = DISPLAY.get(r["tool"], r["tool"])
        if r["status"] != "ok":
            lines.append(f"| {tool} | {MODES.get(r['tool'], '')} | "
                         + " | ".join("–" for _ in cols) + f" | – | – | – | {r['status']} |")
            continue
        m = r["metrics"] or {}
        ratio = base["pps"] / r["pps"] if base and base.get("pps") and r.get("pps") else None
        lines.append(f"| {tool} | {MODES.get(r['tool'], '')} | "
                     + "".join(f"{fmt(m.get(k)) if m else '–'} | " for _, k in cols)
                     + f"{r['seconds']:.2f} | {fmt(r.get('pps'), '.1f')} | {fmt(ratio, '.1f')} | "
                     + f"{r.get('failures', '–')} |")
    return "\n".join(lines + [""])


def machine(args):
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if
                l.startswith("model name")), platform.processor())
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    osname = next((l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release")
                   if l.startswith("PRETTY_NAME")), platform.system())
    return [f"- CPU: {cpu}, {len(os.sched_getaffinity(0))} cores (nproc), "
            f"{int(mem) / 1024 / 1024:.0f} GiB RAM",
            f"- OS: {osname}, Linux {platform.release()}",
            f"- Load average (1, 5, 15 min) when the run started: {args.load or 'not recorded'}; "
            f"when it ended: {' '.join(open('/proc/loadavg').read().split()[:3])}"]


def versions(args):
    try:
        with open(os.path.join(args.bench_out, "versions.json"), encoding="utf-8") as f:
            v = json.load(f)
    except (OSError, ValueError):
        v = {}
    commit = sh(["git", "rev-parse", "--short", "HEAD"]) or "?"
    if sh(["git", "status", "--porcelain", "--untracked-files=no"]):
        commit += " (with uncommitted changes)"
    tl = sh([args.tablelift, "--version"]) if os.access(args.tablelift, os.X_OK) else ""
    pdftotext = (sh(["pdftotext", "-v"]).splitlines() or ["?"])[0]
    return ([f"- tablelift: {tl or 'not built'}, commit {commit}", f"- pdftotext: {pdftotext}"]
            + [f"- {k}: {val}" for k, val in v.items()]
            + ["", "The peers' pins, and why PyMuPDF is not on its newest release: "
               "`scripts/peers/requirements.txt`."])


def main():
    ap = argparse.ArgumentParser()
    for a in ("--shared", "--bench-out", "--tablelift", "--command", "--out"):
        ap.add_argument(a, required=True)
    ap.add_argument("--load", help="/proc/loadavg when the run started")
    ap.add_argument("corpora", nargs="+")
    args = ap.parse_args()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    text = "\n".join(
        ["# Benchmarks: tablelift beside its peers", "",
         f"Generated by `scripts/compare.sh` on {now}; do not edit by hand. Command:", "",
         f"    {args.command}", "",
         "Every tool runs over the same PDFs in the same session, one tool at a time, with its "
         "defaults apart from the mode shown. Each peer's output is converted to grid JSON and "
         "scored with `../shared/tools`. Failures: documents with no output or an error. "
         "The peers run as one Python process per tool and mode (tabula-py: one JVM through "
         "jpype); tablelift is shown with its default of all cores and with `-j 1`.", ""]
        + [corpus_section(args, c) for c in args.corpora]
        + ["## Machine", ""] + machine(args) + ["", "## Versions", ""] + versions(args) + [""])
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
