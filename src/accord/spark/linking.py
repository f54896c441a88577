"""`accord spark link`: the store's linking (accord.linking) as Spark DataFrame operations over the
datasets `accord spark extract` wrote, giving the stories and merged events a store gives the same
documents after `accord load`.

The store links one document at a time, oldest first, so its rule is reproduced with that order made
explicit. Documents are taken as `accord load` stores them (first copy of each content key, in the
datasets' file order, which becomes the store's row order) and ranked as the store links them (by
publication time, undated last, then row order). The only Python is per document (accord.spark.keys):
its MinHash signature, its outlet and its actors' identities, by accord's own functions. Then:

* stories: the LSH band keys of the signatures (accord.analytics.duplicates.band_keys, as the store keeps them) are joined on
  equal bands with the earlier documents of the story window; each document's closest earlier one (the
  highest estimated Jaccard at or above the threshold, the earlier stored on a tie) is its parent, and
  a story is a tree of parents, its root found by pointer jumping;
* merged events: reports are grouped by unordered dyad, root code and status (all a report can merge
  with), put in the store's order (linking batch, row order, sentence, event id), and folded by Spark's
  `aggregate` into the merged events the merge rule (accord.analytics.merge) makes one report at a
  time; each merged event's code, date and place are then the refinements the store makes, as
  aggregates over its members.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ..analytics.duplicates import (
    DUPLICATE_THRESHOLD,
    NUM_PERM,
    STORY_THRESHOLD,
    STORY_WINDOW_DAYS,
)
from ..analytics.merge import ANCHOR_SLACK
from ..errors import UsageError
from ..linking import BATCH
from ..model import MUTUAL_MARK
from . import keys

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession

# What linking reads of a document's contract object (the `extraction` column of `documents`).
CONTRACT = (
    "id STRING, title STRING, text STRING, url STRING, publisher STRING, published STRING, "
    "anchor_date STRING, document_date STRING, "
    "actors ARRAY<STRUCT<id: STRING, name: STRING, kind: STRING, country: STRING, sector: STRING, "
    "kb_id: STRING>>, "
    "places ARRAY<STRUCT<id: STRING, name: STRING, country: STRING, lat: DOUBLE, lon: DOUBLE>>, "
    "events ARRAY<STRUCT<id: STRING, cameo: STRING, cameo_root: STRING, goldstein: DOUBLE, "
    "quad_class: BIGINT, plover: STRING, plover_mode: STRING, source: STRING, target: STRING, "
    "status: STRING, date: STRING, date_end: STRING, date_basis: STRING, date_precision: STRING, "
    "place: STRING, rule: STRING, sentence: STRUCT<start: BIGINT>>>"
)
# A merged event while reports are folded in: what the merge rule compares a new report with.
GROUP = (
    "STRUCT<skey: STRING, tkey: STRING, first: DATE, last: DATE, basis: STRING, place: STRING, stories: ARRAY<STRING>>"
)
ORDER = ("batch", "file", "row", "sentence_start", "event")  # the order the store merges reports in


@dataclass
class LinkCounts:
    """What `accord spark link` wrote: documents linked, stories and merged events (and reports in them)."""

    documents: int = 0
    stories: int = 0
    merged_events: int = 0
    reports: int = 0


def link(spark: SparkSession, folder: str, batch: int = BATCH) -> LinkCounts:
    """Link the documents of `folder` and write its `stories` and `merged_events` datasets."""
    from pyspark import StorageLevel

    sc = spark.sparkContext
    spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS")
    sc.setJobDescription("accord: reading documents")
    docs = _documents(spark, folder, batch).persist(StorageLevel.MEMORY_AND_DISK)
    counts = LinkCounts()
    try:
        sc.setJobDescription("accord: signatures, outlets and actor keys")
        per_doc = keys.per_document(spark, docs).persist(StorageLevel.MEMORY_AND_DISK)
        counts.documents = per_doc.count()
        sc.setJobDescription("accord: stories")
        members = _story_members(spark, docs, per_doc).persist(StorageLevel.MEMORY_AND_DISK)
        stories = _stories(docs, members)
        stories.write.mode("overwrite").partitionBy("month").parquet(_join(folder, "stories"))
        counts.stories = members.where("relation = 'first'").count()
        sc.setJobDescription("accord: merged events")
        events = _merged_events(docs, per_doc, members).persist(StorageLevel.MEMORY_AND_DISK)
        events.write.mode("overwrite").partitionBy("month").parquet(_join(folder, "merged_events"))
        totals = events.selectExpr("count(*) AS n", "coalesce(sum(num_mentions), 0) AS reports").collect()[0]
        counts.merged_events, counts.reports = int(totals["n"]), int(totals["reports"])
        events.unpersist()
        members.unpersist()
        per_doc.unpersist()
    finally:
        docs.unpersist()
    return counts


def _documents(spark: SparkSession, folder: str, batch: int) -> DataFrame:
    """Each document once, as `accord load` stores it, with its place in the store's linking order:
    `file` and `row` (the order load stores documents in, so the store's row order), `when` and `day`
    (what the store sorts and windows by), `rank` (1 = linked first) and `batch` (the linking batch)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    where = _join(folder, "documents")
    if "://" not in where and not Path(where).is_dir():
        raise UsageError(
            f"{folder} holds no documents dataset (no {where}): give the --out folder of accord spark extract"
        )
    try:
        frame = spark.read.parquet(where)
    except Exception as exc:  # Spark's AnalysisException and friends: a message, not a trace
        raise UsageError(f"cannot read {where}: {' '.join(str(exc).split())[:300]}") from None
    missing = [name for name in ("doc_key", "extraction") if name not in frame.columns]
    if missing:
        raise UsageError(f"{where} is not a dataset accord spark extract wrote: no column {', '.join(missing)}")
    read = frame.select(
        "doc_key",
        F.col("_metadata.file_path").alias("file"),
        F.col("_metadata.row_index").alias("row"),
        F.from_json("extraction", CONTRACT).alias("c"),
    )
    first_copy = Window.partitionBy("doc_key").orderBy("file", "row")
    unique = read.withColumn("copy", F.row_number().over(first_copy)).where("copy = 1").drop("copy")
    when = F.coalesce("c.published", "c.anchor_date", "c.document_date")
    dated = unique.withColumn("when", when).withColumn("day", F.substring(when, 1, 10))
    # numbering needs one ordered pass over all documents: over their keys only, not their contracts
    linking_order = Window.orderBy(F.col("when").isNull(), "when", "file", "row")
    ranked = dated.select("doc_key", "when", "file", "row").withColumn("rank", F.row_number().over(linking_order))
    batches = ranked.select("doc_key", "rank", F.floor((F.col("rank") - 1) / F.lit(batch)).alias("batch"))
    return dated.join(batches, "doc_key")


# --- stories ---------------------------------------------------------------------------------------


def _story_members(spark: SparkSession, docs: DataFrame, per_doc: DataFrame) -> DataFrame:
    """Every document with its story (the content key of the story's first document), its similarity
    with the closest earlier document and its relation (first, duplicate, near-duplicate)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    signed = docs.join(per_doc, "doc_key").select("doc_key", "file", "row", "rank", "day", "minhash", "bands")
    bands = signed.select("doc_key", "file", "row", "rank", "day", F.explode("bands").alias("band"))
    a, b = bands.alias("a"), bands.alias("b")
    # the window the store compares a document with: dated ones from STORY_WINDOW_DAYS before its day;
    # an undated one (linked last) with the undated before it and the dated the window of the last day kept
    a_start = F.date_format(F.date_sub(F.to_date(F.col("a.day")), STORY_WINDOW_DAYS), "yyyy-MM-dd")
    undated_from = _undated_window_start(docs)
    b_in_window = (
        F.col("b.day").isNull()
        if undated_from is None
        else (F.col("b.day").isNull() | (F.col("b.day") >= F.lit(undated_from)))
    )
    in_window = F.when(F.col("a.day").isNotNull(), F.col("b.day") >= a_start).otherwise(b_in_window)
    candidates = (
        a.join(b, (F.col("a.band") == F.col("b.band")) & (F.col("b.rank") < F.col("a.rank")))
        .where(in_window)
        .select(
            F.col("a.doc_key").alias("doc_key"),
            F.col("b.doc_key").alias("other"),
            F.col("b.file").alias("other_file"),
            F.col("b.row").alias("other_row"),
        )
        .distinct()
    )
    mine = signed.select("doc_key", F.col("minhash").alias("mine"))
    theirs = signed.select(F.col("doc_key").alias("other"), F.col("minhash").alias("theirs"))
    equal = F.size(F.filter(F.zip_with("mine", "theirs", lambda x, y: x == y), lambda same: same))
    scored = (
        candidates.join(mine, "doc_key")
        .join(theirs, "other")
        .withColumn("similarity", equal.cast("double") / F.lit(float(NUM_PERM)))
        .where(F.col("similarity") >= F.lit(STORY_THRESHOLD))
    )
    best = Window.partitionBy("doc_key").orderBy(F.col("similarity").desc(), "other_file", "other_row")
    parents = scored.withColumn("n", F.row_number().over(best)).where("n = 1").select("doc_key", "other", "similarity")
    linked = docs.select("doc_key").join(parents, "doc_key", "left")
    roots = _roots(spark, linked.select("doc_key", F.coalesce("other", "doc_key").alias("up")))
    first = F.col("other").isNull()
    return linked.join(roots, "doc_key").select(
        "doc_key",
        "story",
        F.when(first, F.lit(1.0)).otherwise(F.bround("similarity", 4)).alias("similarity"),
        F.when(first, F.lit("first"))
        .when(F.col("similarity") >= F.lit(DUPLICATE_THRESHOLD), F.lit("duplicate"))
        .otherwise(F.lit("near-duplicate"))
        .alias("relation"),
    )


def _undated_window_start(docs: DataFrame) -> str | None:
    """The first day of the window an undated document is compared within: the store links undated
    documents last, keeping the dated ones of the last dated day's window (None: no dated documents)."""
    from pyspark.sql import functions as F

    last = docs.agg(F.max("day")).collect()[0][0]
    if last is None:
        return None
    return (date.fromisoformat(last) - timedelta(days=STORY_WINDOW_DAYS)).isoformat()


def _roots(spark: SparkSession, pointers: DataFrame) -> DataFrame:
    """(doc_key, story): each document's root following `up` (a document's parent, itself for a root),
    by pointer jumping, each round halving the distance left."""
    from pyspark.sql import functions as F

    current = pointers.localCheckpoint()
    while True:
        hop = current.alias("x").join(current.alias("y"), F.col("x.up") == F.col("y.doc_key"))
        nxt = hop.select(F.col("x.doc_key").alias("doc_key"), F.col("y.up").alias("up")).localCheckpoint()
        moved = nxt.join(current.withColumnRenamed("up", "was"), "doc_key").where("up <> was").count()
        current = nxt
        if moved == 0:
            return current.withColumnRenamed("up", "story")


def _stories(docs: DataFrame, members: DataFrame) -> DataFrame:
    """One row per story, its documents in linking order."""
    from pyspark.sql import functions as F

    rows = members.join(docs.select("doc_key", "rank", "day", F.col("c.id").alias("document")), "doc_key")
    firsts = docs.select(
        F.col("doc_key").alias("story"),
        F.col("c.title").alias("title"),
        F.col("c.id").alias("first_document"),
        F.col("day").alias("first_day"),
    )
    listed = F.array_sort(F.collect_list(F.struct("rank", "doc_key", "document", "similarity", "relation")))
    grouped = rows.groupBy("story").agg(
        F.max("day").alias("last_day"), F.count("*").alias("num_documents"), listed.alias("listed")
    )
    return grouped.join(firsts, "story").select(
        "story",
        "title",
        "first_document",
        _timestamp("first_day").alias("first_date"),
        _timestamp("last_day").alias("last_date"),
        "num_documents",
        F.transform("listed", lambda d: F.struct(d["doc_key"], d["document"], d["similarity"], d["relation"])).alias(
            "documents"
        ),
        F.substring("first_day", 1, 7).alias("month"),
    )


# --- merged events ---------------------------------------------------------------------------------


def _reports(docs: DataFrame, per_doc: DataFrame, members: DataFrame) -> DataFrame:
    """Every event of every document with what the merge rule and a merged event's values need, as the
    store's reports_of gives them (an actor or place the event names but the document lacks is null)."""
    from pyspark.sql import functions as F

    def named(items: str, ident: Column) -> Column:
        return F.try_element_at(F.filter(items, lambda x: x["id"] == ident), F.lit(1))

    base = (
        docs.join(per_doc.select("doc_key", "source", "actor_keys"), "doc_key")
        .join(members.select("doc_key", "story"), "doc_key")
        .select(
            "doc_key", "batch", "file", "row", "story", "source", "actor_keys", "c", F.explode("c.events").alias("e")
        )
    )
    no_actor = keys.empty_actor_key()
    s, t = named("c.actors", F.col("e.source")), named("c.actors", F.col("e.target"))
    skey = F.coalesce(named("actor_keys", F.col("e.source"))["key"], F.lit(no_actor))
    tkey = F.coalesce(named("actor_keys", F.col("e.target"))["key"], F.lit(no_actor))
    place = named("c.places", F.col("e.place"))
    first = F.to_date(_truthy(F.col("e.date")))
    last = F.coalesce(F.to_date(_truthy(F.col("e.date_end"))), first)
    anchored = F.col("e.date_basis") == F.lit("anchor")
    slack = ANCHOR_SLACK.days
    return base.select(
        "batch",
        "file",
        "row",
        F.col("e.sentence.start").alias("sentence_start"),
        F.col("e.id").alias("event"),
        "doc_key",
        F.col("c.id").alias("document"),
        "story",
        "source",
        skey.alias("skey"),
        tkey.alias("tkey"),
        F.coalesce(F.col("e.rule").endswith(MUTUAL_MARK), F.lit(False)).alias("mutual"),
        s["name"].alias("source_name"),
        t["name"].alias("target_name"),
        s["country"].alias("source_country"),
        t["country"].alias("target_country"),
        F.col("e.cameo").alias("cameo"),
        F.col("e.cameo_root").alias("cameo_root"),
        F.col("e.goldstein").alias("goldstein"),
        F.col("e.quad_class").alias("quad_class"),
        F.col("e.plover").alias("plover"),
        F.col("e.plover_mode").alias("plover_mode"),
        F.col("e.status").alias("status"),
        F.col("e.date").alias("date"),
        F.col("e.date_end").alias("date_end"),
        F.col("e.date_basis").alias("date_basis"),
        F.col("e.date_precision").alias("date_precision"),
        place["name"].alias("place_name"),
        place["country"].alias("place_country"),
        _truthy(place["country"]).alias("place_country_t"),
        place["lat"].alias("lat"),
        place["lon"].alias("lon"),
        first.alias("day_first"),
        last.alias("day_last"),
        F.when(anchored, F.date_sub(first, slack)).otherwise(first).alias("span_first"),
        F.when(anchored, F.date_add(last, slack)).otherwise(last).alias("span_last"),
    )


def _merged_events(docs: DataFrame, per_doc: DataFrame, members: DataFrame) -> DataFrame:
    """One row per merged event: its reports assigned by the merge rule in the store's order, then its
    values and counts from its members."""
    from pyspark.sql import functions as F

    reports = _reports(docs, per_doc, members)
    part = [
        F.least("skey", "tkey").alias("side_a"),
        F.greatest("skey", "tkey").alias("side_b"),
        F.col("cameo_root").alias("part_root"),
        F.col("status").alias("part_status"),
    ]
    listed = reports.groupBy(*part).agg(F.array_sort(F.collect_list(F.struct(*reports.columns))).alias("reports"))
    start = F.struct(F.array().cast(f"ARRAY<{GROUP}>").alias("groups"), F.array().cast("ARRAY<INT>").alias("assigned"))
    folded = listed.select(
        *[F.col(c) for c in ("side_a", "side_b", "part_root", "part_status")],
        "reports",
        F.aggregate("reports", start, _fold_in)["assigned"].alias("assigned"),
    )
    assigned = folded.select(
        "side_a", "side_b", "part_root", "part_status", F.explode(F.arrays_zip("reports", "assigned")).alias("x")
    ).select("side_a", "side_b", "part_root", "part_status", F.col("x.assigned").alias("group_no"), "x.reports.*")
    return _merged_values(assigned)


def _fold_in(state: Column, r: Column) -> Column:
    """One step of the store's _merge_events: the report joins the first merged event of its dyad (for a
    mutual report, then of the reversed dyad) that the merge rule accepts, refining its date and place,
    or starts one."""
    from pyspark.sql import functions as F

    groups = state["groups"]

    def accepts(g: Column, skey: Column, tkey: Column) -> Column:
        places_differ = g["place"].isNotNull() & r["place_country_t"].isNotNull() & (g["place"] != r["place_country_t"])
        undated = r["span_first"].isNull() | g["first"].isNull()
        in_story = r["story"].isNotNull() & F.array_contains(g["stories"], r["story"])
        overlap = (r["span_first"] <= g["last"]) & (g["first"] <= r["span_last"])
        rule = ~places_differ & F.when(undated, in_story).otherwise(overlap)
        return F.coalesce((g["skey"] == skey) & (g["tkey"] == tkey) & rule, F.lit(False))

    direct = F.array_position(F.transform(groups, lambda g: accepts(g, r["skey"], r["tkey"])), True)
    reverse = F.array_position(F.transform(groups, lambda g: accepts(g, r["tkey"], r["skey"])), True)
    found = F.when(direct > 0, direct).when(r["mutual"] & (reverse > 0), reverse).otherwise(F.lit(0)).cast("int")

    def texted(g: Column) -> Column:  # the store's date refinement: a date from a text replaces an anchor's
        return (g["basis"] == F.lit("anchor")) & (r["date_basis"] == F.lit("text"))

    def refined(g: Column) -> Column:
        return F.struct(
            g["skey"].alias("skey"),
            g["tkey"].alias("tkey"),
            F.when(texted(g), r["day_first"]).otherwise(g["first"]).alias("first"),
            F.when(texted(g), r["day_last"]).otherwise(g["last"]).alias("last"),
            F.when(texted(g), F.lit("text")).otherwise(g["basis"]).alias("basis"),
            F.coalesce(g["place"], r["place_country_t"]).alias("place"),
            F.array_union(g["stories"], F.array(r["story"])).alias("stories"),
        )

    new = F.struct(
        r["skey"].alias("skey"),
        r["tkey"].alias("tkey"),
        r["day_first"].alias("first"),
        r["day_last"].alias("last"),
        r["date_basis"].alias("basis"),
        r["place_country_t"].alias("place"),
        F.array(r["story"]).alias("stories"),
    )
    grown = F.when(found == 0, F.concat(groups, F.array(new))).otherwise(
        F.transform(groups, lambda g, i: F.when(i + 1 == found, refined(g)).otherwise(g))
    )
    number = F.when(found == 0, F.size(groups) + 1).otherwise(found)
    return F.struct(grown.alias("groups"), F.concat(state["assigned"], F.array(number)).alias("assigned"))


def _merged_values(assigned: DataFrame) -> DataFrame:
    """A merged event's values as the store leaves them: those of its first report, with the most
    specific code reported (the first report of it), the first date taken from a text where the first
    report's came from the publication date, the first place where the first report had none."""
    from pyspark.sql import functions as F

    order = F.struct(*ORDER)
    first = F.min_by(F.struct(*[c for c in assigned.columns if c not in ("group_no",)]), order)
    code_rank = F.struct(
        (-F.length("cameo")).alias("length"), F.col("cameo").endswith("0").cast("int").alias("general"), order
    )
    code = F.min_by(F.struct("cameo", "goldstein", "quad_class", "plover", "plover_mode"), code_rank)
    text = F.min_by(F.struct("date", "date_end", "date_precision"), F.when(F.col("date_basis") == F.lit("text"), order))
    place = F.min_by(
        F.struct("place_name", "place_country", "lat", "lon"), F.when(F.col("place_country_t").isNotNull(), order)
    )
    listed = F.array_sort(F.collect_list(F.struct(order.alias("order"), "doc_key", "document", "event", "source")))
    merged = assigned.groupBy("side_a", "side_b", "part_root", "part_status", "group_no").agg(
        first.alias("f"),
        code.alias("code"),
        text.alias("text"),
        place.alias("place"),
        F.count("*").alias("num_mentions"),
        F.count_distinct("source").alias("num_sources"),
        F.count_distinct("doc_key").alias("num_articles"),
        listed.alias("listed"),
    )
    texted = (F.col("f.date_basis") == F.lit("anchor")) & F.col("text").isNotNull()
    placed = F.col("f.place_country_t").isNull() & F.col("place").isNotNull()
    date = F.when(texted, F.col("text.date")).otherwise(F.col("f.date"))
    return merged.select(
        F.col("f.doc_key").alias("first_doc_key"),
        F.col("f.document").alias("first_document"),
        F.col("f.event").alias("first_event"),
        F.col("f.skey").alias("source_key"),
        F.col("f.tkey").alias("target_key"),
        F.col("f.source_name").alias("source"),
        F.col("f.source_country").alias("source_country"),
        F.col("f.target_name").alias("target"),
        F.col("f.target_country").alias("target_country"),
        F.col("code.cameo").alias("cameo"),
        F.col("f.cameo_root").alias("cameo_root"),
        F.col("code.goldstein").alias("goldstein"),
        F.col("code.quad_class").alias("quad_class"),
        F.col("code.plover").alias("plover"),
        F.col("code.plover_mode").alias("plover_mode"),
        F.col("f.status").alias("status"),
        _timestamp(date).alias("date"),
        _timestamp(F.when(texted, F.col("text.date_end")).otherwise(F.col("f.date_end"))).alias("date_end"),
        F.when(texted, F.lit("text")).otherwise(F.col("f.date_basis")).alias("date_basis"),
        F.when(texted, F.col("text.date_precision")).otherwise(F.col("f.date_precision")).alias("date_precision"),
        F.when(placed, F.col("place.place_name")).otherwise(F.col("f.place_name")).alias("place"),
        F.when(placed, F.col("place.place_country")).otherwise(F.col("f.place_country")).alias("place_country"),
        F.when(placed, F.col("place.lat")).otherwise(F.col("f.lat")).alias("lat"),
        F.when(placed, F.col("place.lon")).otherwise(F.col("f.lon")).alias("lon"),
        "num_mentions",
        "num_sources",
        "num_articles",
        F.col("f.story").alias("story"),
        F.transform("listed", lambda m: F.struct(m["doc_key"], m["document"], m["event"], m["source"])).alias(
            "members"
        ),
        F.substring(date, 1, 7).alias("month"),
    )


def _truthy(value: Column) -> Column:
    """A text as Python tests it: null when missing or empty."""
    from pyspark.sql import functions as F

    return F.when(value != F.lit(""), value)


def _timestamp(value: Column | str) -> Column:
    """A date text as the export's Parquet has it: a timestamp without a time zone (null if not a date)."""
    from pyspark.sql import functions as F

    return F.substring(value, 1, 10).try_cast("timestamp_ntz")


def _join(out: str, name: str) -> str:
    return f"{out.rstrip('/')}/{name}"
