#!/usr/bin/env python3
"""Run one peer table extractor over PDFs and write one grid-JSON file per PDF.

usage: run_peer.py TOOL OUT_DIR PDF...      (TOOL: one of TOOLS below)
       run_peer.py --versions               (JSON of the installed peer versions)

OUT_DIR/NAME.json = {"tables": [{"page": 1, "rows": [["cell", ...], ...]}]}, NAME = PDF stem,
cells are strings (None -> ""). A document the tool fails on gets {"tables": [], "error": "..."};
the run goes on and the number of such failures is printed on stderr at the end.
Every call uses the tool's defaults apart from the mode named in TOOLS.
"""
import json
import logging
import os
import subprocess
import sys
import traceback
import warnings


def camelot(path, flavor):
    import camelot
    for t in camelot.read_pdf(path, pages="all", flavor=flavor, suppress_stdout=True):
        yield int(t.page), t.df.values.tolist()


def pdfplumber(path):
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for t in page.find_tables():
                yield page.page_number, t.extract()


def tabula(path, **mode):
    # tabula-java's JSON has no page number, so ask for one page at a time (one JVM, via jpype).
    import tabula
    for page in range(1, page_count(path) + 1):
        for t in tabula.read_pdf(path, pages=page, multiple_tables=True, output_format="json",
                                 silent=True, **mode):
            yield page, [[c["text"] for c in row] for row in t["data"]]


def pymupdf(path):
    import pymupdf
    with pymupdf.open(path) as doc:
        for page in doc:
            for t in page.find_tables().tables:
                yield page.number + 1, t.extract()


def page_count(path):
    import pypdfium2
    pdf = pypdfium2.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


TOOLS = {  # name -> (mode shown in the report, function yielding (page, rows))
    "camelot-lattice": ("lattice", lambda p: camelot(p, "lattice")),
    "camelot-stream": ("stream", lambda p: camelot(p, "stream")),
    "pdfplumber": ("find_tables() defaults", pdfplumber),
    "tabula": ("default (guess)", tabula),
    "tabula-lattice": ("lattice", lambda p: tabula(p, lattice=True)),
    "tabula-stream": ("stream", lambda p: tabula(p, stream=True)),
    "pymupdf": ("find_tables() defaults", pymupdf),
}

PACKAGES = ["camelot-py", "pypdfium2", "opencv-python-headless", "pdfplumber", "pdfminer.six",
            "tabula-py", "jpype1", "pymupdf"]


def cell(c):
    return "" if c is None else str(c)


def run(tool, out_dir, pdfs):
    extract = TOOLS[tool][1]
    os.makedirs(out_dir, exist_ok=True)
    failures = 0
    for path in pdfs:
        name = os.path.splitext(os.path.basename(path))[0]
        try:
            doc = {"tables": [{"page": page, "rows": [[cell(c) for c in row] for row in rows]}
                              for page, rows in extract(path)]}
        except Exception as e:  # noqa: BLE001 - a peer failing on one file must not stop the run
            failures += 1
            doc = {"tables": [], "error": f"{type(e).__name__}: {e}"}
            print(f"{tool}: {name}: {doc['error']}", file=sys.stderr)
            traceback.print_exc(limit=2, file=sys.stderr)
        with open(os.path.join(out_dir, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
    print(f"{tool}: {len(pdfs)} documents, {failures} failed", file=sys.stderr)


def versions():
    from importlib.metadata import PackageNotFoundError, version
    out = {"python": sys.version.split()[0]}
    for p in PACKAGES:
        try:
            out[p] = version(p)
        except PackageNotFoundError:
            out[p] = None
    try:
        r = subprocess.run(["java", "-version"], capture_output=True, text=True)
        out["java"] = (r.stderr or r.stdout).splitlines()[0]
    except OSError:
        out["java"] = None
    return out


def main(argv):
    if argv[1:] == ["--versions"]:
        print(json.dumps(versions()))
        return 0
    if len(argv) < 3 or argv[1] not in TOOLS:
        print(__doc__ + "\nTOOLS: " + " ".join(TOOLS), file=sys.stderr)
        return 2
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    run(argv[1], argv[2], argv[3:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
