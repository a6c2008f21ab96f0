#!/usr/bin/env bash
# Fill fuzz/corpus/<target>/ with seed inputs. The corpora are not committed (/fuzz/corpus is
# gitignored): run this once after a checkout, then `cargo fuzz run <target>` grows them.
#
#   fuzz/seed.sh            # all targets
#   fuzz/seed.sh number_parse cmap_font
#
# Sources (relative to the repository root):
#   pdf_document  ../shared/corpus/budget-dev/*.pdf, ../shared/corpus/realworld/*.pdf under
#                 200 KB, samples/*.pdf
#   number_parse  every cell of samples/*.truth.json (header rows and body rows): one file per
#                 row (cells joined with '|', the target's cell separator), one per distinct cell,
#                 plus the formats listed in issue 4
#   cmap_font     ToUnicode / encoding CMaps and font programs (TrueType, CFF, Type 1, OpenType)
#                 cut out of the same PDFs, each prefixed with the target's mode byte and a few
#                 character codes (see fuzz_targets/cmap_font.rs)
#   table_stage   a handful of deterministic pseudo-random byte strings (its input is decoded
#                 with `arbitrary`, so any bytes are a valid start)
# Files are named by the SHA-1 of their content, as libFuzzer does, so reruns do not duplicate.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED_CORPUS:-../shared/corpus}
MAX_PDF_BYTES=${MAX_PDF_BYTES:-204800}
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(pdf_document number_parse table_stage cmap_font)

python3 - "$SHARED" "$MAX_PDF_BYTES" "${targets[@]}" <<'PY'
import glob, hashlib, json, os, random, re, sys, zlib

shared, max_pdf, targets = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def put(target, data):
    d = os.path.join("fuzz", "corpus", target)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, hashlib.sha1(data).hexdigest())
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)
        return 1
    return 0

pdfs = sorted(set(
    glob.glob(os.path.join(shared, "budget-dev", "*.pdf"))
    + glob.glob(os.path.join(shared, "realworld", "*.pdf"))
    + glob.glob("samples/*.pdf")
))
pdfs = [p for p in pdfs if os.path.getsize(p) < max_pdf]

def report(target, n):
    print(f"{target}: {n} new seeds, {len(os.listdir(os.path.join('fuzz', 'corpus', target)))} in fuzz/corpus/{target}")

if "pdf_document" in targets:
    n = sum(put("pdf_document", open(p, "rb").read()) for p in pdfs)
    report("pdf_document", n)

if "number_parse" in targets:
    n = 0
    cells = set()
    for truth in sorted(glob.glob("samples/*.truth.json") + glob.glob(os.path.join(shared, "*", "*.truth.json"))):
        doc = json.load(open(truth, encoding="utf-8"))
        for table in doc.get("tables", []):
            rows = list(table.get("header_rows", [])) + list(table.get("rows", []))
            for row in rows:
                row = ["" if c is None else str(c) for c in row]
                n += put("number_parse", "|".join(row).encode())
                cells.update(c for c in row if c.strip())
            for line in (table.get("title") or "",):
                if line:
                    n += put("number_parse", line.encode())
    extra = """14.100.210.000|24.461,00|-300.000.000|6,490.30|6490.30|1 234,5|1\u00a0234,5|1\u2009234,5
1'234.50|1\u2019234.50|1,23,45,678.00|(1.234)|1.234-|\u22121.234|+1.234|12,5%|\uff11\uff12\uff13\uff0e\uff14\uff15
\u20ab1.000|\u00a5200|200\u5143|$1,000|-|\u2013|\u2014|STT|\u5e8f\u53f7|2022|2080505|00515|21/5/2025|82/TTr-UBND|\u226598|3 \u573a|500 \u4eba
(1)=(2)+(8)+(14)|(1)|(2)|(3)|(4)|(5)|(6)|(7)|(8)|(9)|(10)|(11)|(12)|(13)|(14)
\u0110\u01a1n v\u1ecb: tri\u1ec7u \u0111\u1ed3ng|\u5355\u4f4d\uff1a\u4e07\u5143|\u91d1\u989d\uff08\u4e07\u5143\uff09|Unit: thousand USD|T\u1ed4NG S\u1ed0|\u5408\u8ba1|Total""".split("\n")
    for line in extra:
        n += put("number_parse", line.encode())
        cells.update(line.split("|"))
    for c in sorted(cells):
        n += put("number_parse", c.encode())
    report("number_parse", n)

if "table_stage" in targets:
    rng = random.Random(7)
    n = 0
    for size in (16, 64, 256, 1024, 4096):
        for _ in range(4):
            n += put("table_stage", bytes(rng.randrange(256) for _ in range(size)))
    report("table_stage", n)

if "cmap_font" in targets:
    # Cut streams out of the PDFs (flate-decoded when possible) and sort them by content.
    stream_re = re.compile(rb"<<(.{0,600}?)>>\s*stream\r?\n", re.S)
    found = {"tounicode": [], "encoding": [], "truetype": [], "cff": [], "type1": [], "opentype": []}
    seen = set()
    for p in pdfs:
        data = open(p, "rb").read()
        for m in stream_re.finditer(data):
            start = m.end()
            end = data.find(b"endstream", start)
            if end < 0:
                continue
            raw = data[start:end]
            body = raw
            if b"FlateDecode" in m.group(1):
                try:
                    body = zlib.decompressobj().decompress(raw, 4 << 20)
                except zlib.error:
                    continue
            h = hashlib.sha1(body).digest()
            if h in seen or len(body) > 150_000:
                continue
            seen.add(h)
            if b"begincmap" in body:
                kind = "encoding" if (b"begincidrange" in body or b"begincidchar" in body) else "tounicode"
            elif body[:4] in (b"\x00\x01\x00\x00", b"true"):
                kind = "truetype"
            elif body[:4] == b"OTTO":
                kind = "opentype"
            elif body[:3] == b"\x01\x00\x04" or body[:4] == b"\x01\x00\x04\x02":
                kind = "cff"
            elif body.startswith(b"%!PS-AdobeFont") or body.startswith(b"%!FontType1"):
                kind = "type1"
            else:
                continue
            found[kind].append(body)
    two_byte_codes = bytes([0, 1, 0, 2, 0, 3, 0, 0x11, 0, 0x24, 0, 0x44, 1, 0])
    one_byte_codes = b"Ab1,.9 "
    modes = {  # payload kind -> [(mode, codes)]
        "tounicode": [(0, two_byte_codes), (7, one_byte_codes)],
        "encoding": [(1, two_byte_codes)],
        "truetype": [(2, two_byte_codes), (4, one_byte_codes)],
        "cff": [(3, two_byte_codes), (6, one_byte_codes)],
        "type1": [(5, one_byte_codes)],
        "opentype": [(8, one_byte_codes)],
    }
    n = 0
    per_kind = 40  # enough variety without a huge corpus
    for kind, bodies in found.items():
        bodies.sort(key=len)
        step = max(1, len(bodies) // per_kind)
        for body in bodies[::step][:per_kind]:
            for mode, codes in modes[kind]:
                n += put("cmap_font", bytes([mode, len(codes)]) + codes + body)
    # The widths / CIDToGIDMap entries of a CIDFont dictionary (mode 9).
    for extra in (b"/DW 1000 /W [1 [500 600] 10 20 700]", b"/W [0 [1000]] /CIDToGIDMap /Identity",
                  b"/DW2 [880 -1000] /W2 [1 [-1000 500 880]]"):
        n += put("cmap_font", bytes([9, len(two_byte_codes)]) + two_byte_codes + extra)
    # A tiny ToUnicode CMap of each shape, written out.
    tiny = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            b"1 beginbfchar <0001> <0041> endbfchar\n1 beginbfrange <0002> <0003> [<0042> <0043>] endbfrange\nendcmap end end")
    n += put("cmap_font", bytes([0, len(two_byte_codes)]) + two_byte_codes + tiny)
    report("cmap_font", n)
    print("  cmap_font payloads found: " + ", ".join(f"{k} {len(v)}" for k, v in found.items()))
PY
