"""What `accord spark link` computes per document in Python, with accord's own functions so that it
agrees with the store's linking: the MinHash signature of its text and its LSH band keys
(accord.analytics.duplicates), the outlet its reports count for in NumSources and the identity key of each of its actors (the merge
rule's first condition). Everything across documents is left to Spark's DataFrame operations."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..analytics.duplicates import band_keys, signature
from ..analytics.merge import actor_key, source_of

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

SCHEMA = (
    "doc_key STRING, minhash ARRAY<BIGINT>, bands ARRAY<BIGINT>, source STRING, "
    "actor_keys ARRAY<STRUCT<id: STRING, key: STRING>>"
)


def per_document(spark: SparkSession, docs: DataFrame) -> DataFrame:
    """(doc_key, minhash, bands, source, actor_keys) for every document of `docs` (with its contract as `c`)."""
    rows = docs.select("doc_key", "c.text", "c.publisher", "c.url", "c.id", "c.actors").rdd.mapPartitions(document_keys)
    return spark.createDataFrame(rows, SCHEMA)


def document_keys(rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    """mapPartitions over documents: each one's signature, band keys, outlet and actor keys."""
    for doc_key, text, publisher, url, ident, actors in rows:
        signed = signature(text or "")
        minhash = [int(v) for v in signed.hashvalues]
        source = source_of({"publisher": publisher, "url": url, "id": ident})
        found = [
            (a["id"], actor_key(a["kb_id"], a["kind"], a["country"], a["sector"], a["name"])) for a in actors or ()
        ]
        yield doc_key, minhash, sorted(set(band_keys(signed))), source, found


def empty_actor_key() -> str:
    """The key of an event side no actor of the document fills, as the store's outer join gives it."""
    return actor_key(None, None, None, None, None)
