"""The GIL is released while a document is read and extracted, and threads give the same
results as one thread."""

import faulthandler
import os
import threading
from concurrent.futures import ThreadPoolExecutor

import tablelift

from conftest import REPO

SAMPLE = REPO / "samples" / "zh_shouzhi_zongbiao_2022.pdf"


def test_gil_is_released_while_extracting(tmp_path):
    """The extraction reads a named pipe that only another *Python* thread writes. Holding the
    GIL it would wait for that thread forever; released, the writer runs and it finishes."""
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    result = {}

    def extract():
        try:
            result["doc"] = tablelift.extract(str(fifo))
        except BaseException as e:  # reported below
            result["error"] = e

    # Deadlock guard that needs no GIL: a C watchdog thread ends the whole run (failing it) if
    # this test is still running after 10 minutes; it is cancelled as soon as the test ends.
    faulthandler.dump_traceback_later(600, exit=True)
    reader = threading.Thread(target=extract, daemon=True)
    reader.start()  # blocks in Rust, in open()/read() of the pipe, until the writer below runs
    with open(fifo, "wb") as w:  # Python code running while the reader is inside tablelift
        w.write(SAMPLE.read_bytes())
    reader.join()
    faulthandler.cancel_dump_traceback_later()
    assert not reader.is_alive(), "extraction never finished: the GIL was held while reading"
    assert "error" not in result, result.get("error")
    assert result["doc"]["source"]["sha256"] == tablelift.extract(SAMPLE)["source"]["sha256"]


def test_threads_give_the_same_results(samples):
    alone = [tablelift.extract(p) for p in samples]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(tablelift.extract, samples * 2))
    assert together == alone * 2
