"""The Spark job (examples/spark_ingest.py) in local[2]: its facts table is the CLI's facts for
the same inputs, row for row, and running it again gives the same table."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, cli_facts

pa_ds = pytest.importorskip("pyarrow.dataset")  # CI installs pyarrow and pyspark, so this runs there
pytest.importorskip("pyspark")

JOB = REPO / "python" / "examples" / "spark_ingest.py"


def run_job(inputs, out: Path):
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    done = subprocess.run([sys.executable, str(JOB), "--master", "local[2]", *map(str, inputs), str(out)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-5000:]


def read_table(path: Path):
    return pa_ds.dataset(str(path), format="parquet", partitioning="hive").to_table().to_pylist()


def fact_key(f):
    return (f["doc_sha256"], int(f["table"][1:]), f["row"], f["col"])


def test_spark_facts_equal_cli_facts_and_rerun_is_the_same_table(samples, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for pdf in samples:
        (corpus / pdf.name).symlink_to(pdf)
    (corpus / "zz_copy.PDF").symlink_to(samples[0])  # same bytes twice: a duplicate, as in the CLI
    (corpus / "broken.pdf").write_bytes(samples[1].read_bytes()[:20000])  # truncated
    out = tmp_path / "lake"
    run_job([corpus], out)

    cli = sorted(cli_facts([corpus], tmp_path / "cli"), key=fact_key)
    spark = sorted(read_table(out / "facts"), key=fact_key)
    assert len(spark) == len(cli) > 1000
    for s, c in zip(spark, cli):
        assert s.pop("path") == "file:" + c.pop("path")
        assert s == c, f"{c['doc_sha256']} {c['table']} r{c['row']} c{c['col']}"

    docs = {(d["path"].rsplit("/", 1)[-1]): d for d in read_table(out / "documents")}
    assert len(docs) == len(samples) + 2
    assert docs["broken.pdf"]["status"] == "failed" and docs["broken.pdf"]["error_code"] == "truncated"
    assert docs["zz_copy.PDF"]["status"] == "duplicate" and docs[samples[0].name]["status"] == "ok"
    assert sum(d["facts"] for d in docs.values()) == len(cli)

    run_job([corpus], out)  # again, into the same table
    again = sorted(read_table(out / "facts"), key=fact_key)
    for row in again:
        row["path"] = row["path"][len("file:"):]
    assert again == sorted(cli_facts([corpus], tmp_path / "cli2"), key=fact_key)
    assert len(read_table(out / "documents")) == len(samples) + 2
