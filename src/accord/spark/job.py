"""`accord spark extract`: the Spark job. The driver expands the inputs and hands them out (local files
one partition each, up to four partitions a core; remote files through Hadoop's binaryFiles); the
executors run accord.spark.executor; the driver writes each dataset of accord.export.datasets as
Parquet partitioned by publication month, plus the failures, and sums up what was done.

The rows of all datasets come from one pass of extraction, kept (memory, else disk) while the datasets
are written from it, so every document is parsed once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..errors import UsageError
from ..export.datasets import TABLES, columns
from . import executor
from .inputs import expand

if TYPE_CHECKING:
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StructType

FAILURE_COLUMNS = (("origin", str), ("reason", str), ("reader", str))


@dataclass
class SparkSummary:
    """What a Spark extraction did: documents written, rows per dataset, failures and skipped records
    counted by reason, and the inputs named that matched nothing."""

    documents: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        """How many inputs or documents failed, whatever the reason."""
        return sum(self.failures.values()) + len(self.missing)


def reason_kind(reason: str) -> str:
    """A failure's reason without its particulars (numbers, the detail in parentheses), to count by."""
    general = re.sub(r"\s*\([^)]*\)", "", reason)
    return re.sub(r"\d+", "N", general).strip()


def spark_schema(cols: tuple[tuple[str, type], ...]) -> StructType:
    """A dataset's columns as a Spark schema: strings, 64-bit integers, doubles and, for dates and
    times, timestamps without a time zone, as the export's Parquet files have them."""
    from pyspark.sql import types as T

    kinds: dict[type, Any] = {
        str: T.StringType(),
        int: T.LongType(),
        float: T.DoubleType(),
        date: T.TimestampNTZType(),
        datetime: T.TimestampNTZType(),
    }
    return T.StructType([T.StructField(name, kinds[kind], True) for name, kind in cols])


def extract(
    spark: SparkSession,
    inputs: list[str],
    out: str,
    settings: Settings | None = None,
    published: str | None = None,
    overwrite: bool = False,
) -> SparkSummary:
    """Extract every document in `inputs` on the cluster and write the datasets under `out`."""
    from pyspark import StorageLevel

    settings = settings or Settings()
    found = expand(inputs)
    _check_out(out, overwrite)
    sc = spark.sparkContext
    spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS")
    parts = []
    if found.local:
        slices = max(1, min(len(found.local), sc.defaultParallelism * 4))
        local = sc.parallelize(found.local, slices)
        parts.append(local.mapPartitions(lambda paths: executor.extract_paths(paths, settings, published)))
    if found.remote:
        remote = sc.binaryFiles(",".join(found.remote))
        parts.append(remote.mapPartitions(lambda files: executor.extract_files(files, settings, published)))
    rows = parts[0] if len(parts) == 1 else sc.union(parts)
    rows = rows.persist(StorageLevel.MEMORY_AND_DISK)
    summary = SparkSummary(missing=[f"{f.origin}: {f.reason}" for f in found.missing])
    try:
        sc.setJobDescription("accord: extracting documents")
        counts = rows.map(lambda row: row[0]).countByValue()
        for table in TABLES:
            sc.setJobDescription(f"accord: writing {table}")
            frame = spark.createDataFrame(
                rows.filter(_of_table(table)).map(lambda row: row[1]), spark_schema(columns(table))
            )
            frame.write.mode("overwrite").partitionBy("month").parquet(_join(out, table))
            summary.rows[table] = counts.get(table, 0)
        sc.setJobDescription("accord: writing failures")
        failures = rows.filter(lambda row: row[0] == "failures").map(lambda row: row[1])
        spark.createDataFrame(failures, spark_schema(FAILURE_COLUMNS)).coalesce(1).write.mode("overwrite").parquet(
            _join(out, "failures")
        )
        summary.failures = dict(failures.map(lambda f: reason_kind(f[1])).countByValue())
        summary.skipped = dict(rows.filter(lambda row: row[0] == "skipped").map(lambda row: row[1][0]).countByValue())
    finally:
        rows.unpersist()
    summary.documents = summary.rows.get("documents", 0)
    return summary


def _of_table(table: str) -> Callable[[tuple[str, Any]], bool]:
    """A filter keeping the rows of one dataset."""
    return lambda row: row[0] == table


def _join(out: str, name: str) -> str:
    return f"{out.rstrip('/')}/{name}"


def _check_out(out: str, overwrite: bool) -> None:
    """Refuse to write over datasets already in a local `out` unless asked to."""
    if "://" in out and not out.startswith("file://"):
        return
    folder = Path(out.removeprefix("file://"))
    if not overwrite and (folder / "documents").exists():
        raise UsageError(f"{out} already holds datasets; give another --out or --overwrite to replace them")
