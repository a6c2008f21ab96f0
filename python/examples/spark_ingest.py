"""Spark job: a directory (or several) of budget PDFs in, the facts of their tables out as a
Parquet table partitioned by document.

    spark-submit spark_ingest.py [--locale vi] [--timeout 60] INPUT... OUT
    python spark_ingest.py --master local[2] samples/ out/      # without a cluster

Inputs are read with Spark's ``binaryFile`` source (directories searched recursively for
``*.pdf``, any case). Each document is extracted on an executor by the ``tablelift`` package
(``pip install tablelift`` there, e.g. ``pip install ./python`` or the wheel), in
``mapInArrow``. Written:

* ``OUT/facts``: one row per numeric cell, the columns of the CLI's facts NDJSON
  (``schema/fact.schema.json``; ``value``, ``multiplier`` and ``scaled_value`` as exact decimal
  strings, ``row_path``/``column_path`` as arrays), partitioned by ``doc_sha256``;
* ``OUT/documents``: one row per input file: ``path``, ``doc_sha256``, ``status`` (``ok``,
  ``failed``, ``duplicate``), ``error_code``, ``error``, ``facts``, partitioned the same way.

Re-running on the same input gives the same table: each run overwrites the partitions of the
documents it saw (dynamic partition overwrite) and nothing else, so new PDFs can be added to a
run without touching the others, and a run that is repeated replaces rather than appends. A
file with the same bytes as another (same sha256) is extracted once, under the first path in
sorted order, like the CLI's ``duplicate``.
"""

from __future__ import annotations

import argparse
from typing import Iterator, List, Optional

import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

#: The facts table: the document's status columns, then the fact's columns (null for a row
#: that only records a document without facts).
ROWS_SCHEMA = T.StructType(
    [
        T.StructField("path", T.StringType(), False),
        T.StructField("doc_sha256", T.StringType(), False),
        T.StructField("status", T.StringType(), False),
        T.StructField("error_code", T.StringType(), True),
        T.StructField("error", T.StringType(), True),
        T.StructField("table", T.StringType(), True),
        T.StructField("page", T.LongType(), True),
        T.StructField("row", T.LongType(), True),
        T.StructField("col", T.LongType(), True),
        T.StructField("row_label", T.StringType(), True),
        T.StructField("row_path", T.ArrayType(T.StringType(), False), True),
        T.StructField("row_text", T.StringType(), True),
        T.StructField("column_path", T.ArrayType(T.StringType(), False), True),
        T.StructField("text", T.StringType(), True),
        T.StructField("value", T.StringType(), True),
        T.StructField("percent", T.BooleanType(), True),
        T.StructField("unit", T.StringType(), True),
        T.StructField("multiplier", T.StringType(), True),
        T.StructField("scaled_value", T.StringType(), True),
        T.StructField("verified", T.BooleanType(), True),
    ]
)
FACT_COLUMNS = [f.name for f in ROWS_SCHEMA.fields[5:]]
DECIMAL_COLUMNS = ("value", "multiplier", "scaled_value")


def arrow_schema() -> pa.Schema:
    """ROWS_SCHEMA in Arrow terms (what the executors build their batches in)."""
    kinds = {T.StringType: pa.string(), T.LongType: pa.int64(), T.BooleanType: pa.bool_()}
    fields = []
    for f in ROWS_SCHEMA.fields:
        if isinstance(f.dataType, T.ArrayType):
            typ = pa.list_(pa.field("element", pa.string(), nullable=False))
        else:
            typ = kinds[type(f.dataType)]
        fields.append(pa.field(f.name, typ, nullable=f.nullable))
    return pa.schema(fields)


def extract_batches(batches: Iterator[pa.RecordBatch], locale: Optional[str], timeout: float) -> Iterator[pa.RecordBatch]:
    """On an executor: each (path, doc_sha256, content) row through tablelift, one output
    row per fact, or one row with the document's status when it has none."""
    import tablelift  # on the executor

    schema = arrow_schema()
    for batch in batches:
        rows: List[dict] = []
        for path, sha, content in zip(*(batch.column(n).to_pylist() for n in ("path", "doc_sha256", "content"))):
            doc = {"path": path, "doc_sha256": sha, "status": "ok", "error_code": None, "error": None}
            try:
                facts = list(tablelift.facts(content, locale, source_path=path, timeout=timeout))
            except tablelift.Error as e:
                doc.update(status="failed", error_code=e.code, error=e.message)
                facts = []
            for fact in facts:
                if fact["doc_sha256"] != sha:  # Spark's sha2 and tablelift's must agree
                    raise RuntimeError(f"{path}: sha256 {fact['doc_sha256']} != {sha}")
                row = dict(doc)
                row.update({k: fact[k] for k in FACT_COLUMNS})
                for k in DECIMAL_COLUMNS:
                    row[k] = None if row[k] is None else str(row[k])
                rows.append(row)
            if not facts:
                rows.append(dict(doc))
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def read_pdfs(spark: SparkSession, inputs: List[str]) -> DataFrame:
    """Every PDF under `inputs` as (path, doc_sha256, content), no shuffle."""
    return (
        spark.read.format("binaryFile")
        .option("pathGlobFilter", "*.[pP][dD][fF]")
        .option("recursiveFileLookup", "true")
        .load(inputs)
        .select("path", F.sha2("content", 256).alias("doc_sha256"), "content")
    )


def ingest(spark: SparkSession, inputs: List[str], out: str, locale: Optional[str] = None, timeout: float = 60.0) -> None:
    """Extract every PDF under `inputs` and write OUT/facts and OUT/documents."""
    spark.conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
    # PDFs are megabytes, not rows of a table: hand them to Python a few at a time.
    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "8")
    # Extracted once, where the files were read (no shuffle of PDF bytes), and kept for both
    # outputs. A duplicate is extracted too (rare) and dropped below: finding it first would
    # shuffle the bytes.
    rows = read_pdfs(spark, inputs).mapInArrow(lambda it: extract_batches(it, locale, timeout), ROWS_SCHEMA).persist()
    first = rows.groupBy("doc_sha256").agg(F.min("path").alias("first_path"))
    rows = rows.join(F.broadcast(first), "doc_sha256").withColumn("duplicate", F.col("path") != F.col("first_path"))
    facts = rows.where(~F.col("duplicate") & F.col("value").isNotNull()).select("path", *FACT_COLUMNS, "doc_sha256")
    # One file per document partition, whatever the input splits were.
    facts.repartition("doc_sha256").write.mode("overwrite").partitionBy("doc_sha256").parquet(f"{out}/facts")
    documents = (
        rows.groupBy("path", "doc_sha256", "duplicate", "status", "error_code", "error")
        .agg(F.count("value").alias("facts"))
        .select(
            "path",
            F.when(F.col("duplicate"), F.lit("duplicate")).otherwise(F.col("status")).alias("status"),
            "error_code",
            "error",
            F.when(F.col("duplicate"), F.lit(0)).otherwise(F.col("facts")).alias("facts"),
            "doc_sha256",
        )
    )
    documents.repartition("doc_sha256").write.mode("overwrite").partitionBy("doc_sha256").parquet(f"{out}/documents")
    rows.unpersist()


def main(argv: Optional[List[str]] = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="PDF files or directories (local paths or any Hadoop URI)")
    p.add_argument("out", metavar="OUT", help="output directory (OUT/facts, OUT/documents)")
    p.add_argument("--locale", default=None, help="fix the number format (vi, zh, en, de, …); default: guessed")
    p.add_argument("--timeout", type=float, default=60.0, help="time budget per document, seconds (default 60, as the CLI)")
    p.add_argument("--master", default=None, help="Spark master when run without spark-submit (e.g. local[2])")
    args = p.parse_args(argv)
    builder = SparkSession.builder.appName("tablelift-ingest")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        ingest(spark, args.inputs, args.out, args.locale, args.timeout)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
