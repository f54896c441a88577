"""One local SparkSession for every Spark test (local[2], no UI, bound to 127.0.0.1, a small driver),
and one run of `accord spark extract` over WARC and JSON Lines files the tests write, which the tests
then read. Skipped, saying why, where Java or PySpark is missing."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app
from tests.web_archives import PAGES, damage, write_warc

JSONL_ARTICLES = (
    {
        "id": "jl-1",
        "title": "Ministers Meet in Vienna",
        "published": "2025-09-15",
        "text": "Poland's foreign minister met his Chile counterpart in Vienna on Monday, officials said.",
    },
    {
        "id": "jl-2",
        "title": "Sanctions on Kenya",
        "published": "2025-10-03",
        "text": "Norway imposed sanctions on Egypt on Friday, officials said. Egypt accused Norway of interference.",
    },
)


def _missing() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ModuleNotFoundError:
        return "pyspark is not installed (pip install 'accord[spark]')"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java runtime (Spark needs Java 17+; .ci/run installs openjdk-17-jre-headless)"
    return None


@pytest.fixture(scope="session")
def spark():
    why = _missing()
    if why:
        pytest.skip(why)
    from pyspark.sql import SparkSession

    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("accord tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "1g")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def spark_corpus(tmp_path_factory) -> Path:
    """A gzip WARC with one corrupt response and the records that are not articles, a plain WARC, and
    a JSON Lines file with a line that is not JSON."""
    folder = tmp_path_factory.mktemp("spark-corpus")
    packed = write_warc(folder / "crawl-0.warc.gz", gzip=True)
    damage(packed, PAGES[1].url)
    write_warc(folder / "crawl-1.warc", PAGES[1:], gzip=False, extras=False)
    lines = [json.dumps(a) for a in JSONL_ARTICLES]
    (folder / "wire.jsonl").write_text(lines[0] + "\n{not json\n" + lines[1] + "\n")
    return folder


@pytest.fixture(scope="session")
def spark_run(spark, spark_corpus, tmp_path_factory):
    """`accord spark extract` over the corpus (its inputs named in a listing file): the output folder
    and the command's result."""
    out = tmp_path_factory.mktemp("spark-out") / "datasets"
    listing = spark_corpus.parent / "inputs.txt"
    listing.write_text("\n".join(str(p) for p in sorted(spark_corpus.iterdir())) + "\n")
    result = CliRunner().invoke(app, ["spark", "extract", str(listing), "--out", str(out)])
    return out, result
