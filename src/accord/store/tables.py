"""The store's tables (SQLAlchemy Core). Migrations in `migrations/versions` create exactly these.

One row per document keyed by a content hash (`doc_key`), the full contract object kept as JSON for
exact replay, and every list of the contract flattened into its own table so it can be queried.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _doc_fk() -> Column:
    return Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False)


runs = Table(
    "runs",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("pipeline_version", String(200), nullable=False),
    Column("inputs", JSON, nullable=False),  # the paths given on the command line
    Column("read", Integer, nullable=False, default=0),
    Column("new", Integer, nullable=False, default=0),
    Column("unchanged", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
    Column("status", String(20), nullable=False),  # running | finished | interrupted
    # the process running it (accord.store.owner): a `running` run whose process is gone was killed
    Column("pid", Integer),
    Column("host", String(255)),
)

documents = Table(
    "documents",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("doc_key", String(64), nullable=False, unique=True),
    Column("id", String(500), nullable=False, index=True),
    Column("title", Text),
    Column("url", Text),
    Column("publisher", Text),
    Column("sources", JSON, nullable=False),
    Column("published", String(19), index=True),
    Column("document_date", String(19)),
    Column("categories", JSON, nullable=False),
    Column("language", String(8)),
    Column("language_confidence", Float),  # the detector's probability for `language`; null: not judged
    Column("dateline_place", Text),
    Column("dateline_date", String(10)),
    Column("anchor_date", String(10), index=True),
    Column("text", Text, nullable=False),
    Column("warnings", JSON, nullable=False),
    Column("extraction", JSON, nullable=False),
    # GDELT-style tone (accord.nlp.tone), percentages of the words; null in a document stored without it
    Column("tone", Float),
    Column("tone_positive", Float),
    Column("tone_negative", Float),
    Column("tone_polarity", Float),
    Column("tone_self_group", Float),
    Column("word_count", Integer),
    # provenance
    Column("origin", Text, nullable=False),
    Column("reader", String(20), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False, index=True),
    Column("pipeline_version", String(200), nullable=False),
    Column("run_pk", Integer, ForeignKey("runs.pk"), nullable=False),
)

sentences = Table(
    "sentences",
    metadata,
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Index("ix_sentences_doc", "doc_pk", "idx", unique=True),
)

actors = Table(
    "actors",
    metadata,
    _doc_fk(),
    Column("actor_id", String(20), nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("country", String(3), index=True),
    Column("sector", String(10)),
    Column("role", Text),
    Column("code", String(40), index=True),
    Column("kb_id", String(200)),
    Index("ix_actors_doc", "doc_pk", "actor_id", unique=True),
)

mentions = Table(
    "mentions",
    metadata,
    _doc_fk(),
    Column("actor_id", String(20), nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_mentions_doc", "doc_pk", "actor_id"),
)

quotes = Table(
    "quotes",
    metadata,
    _doc_fk(),
    Column("quote_id", String(20), nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("speaker_actor", String(20)),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker_text", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("cue_text", Text),
    Index("ix_quotes_doc", "doc_pk", "quote_id", unique=True),
)

events = Table(
    "events",
    metadata,
    _doc_fk(),
    Column("event_id", String(20), nullable=False),
    Column("cameo", String(4), nullable=False, index=True),
    Column("cameo_root", String(2), nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("plover", String(30)),
    Column("plover_mode", String(30)),
    Column("source", String(20)),
    Column("target", String(20)),
    Column("status", String(15), nullable=False),
    Column("date", String(10), index=True),
    Column("date_end", String(10)),
    Column("date_basis", String(10), nullable=False),
    Column("date_precision", String(10)),  # day | week | month | year | decade | century; NULL: not known
    Column("place", String(20)),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("trigger_text", Text, nullable=False),
    Column("quote", String(20)),
    Column("rule", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Index("ix_events_doc", "doc_pk", "event_id", unique=True),
)

times = Table(
    "times",
    metadata,
    _doc_fk(),
    Column("time_id", String(20), nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(10), nullable=False),
    Column("value", String(40), nullable=False),
    Column("range_start", String(19)),
    Column("range_end", String(19)),
    Index("ix_times_doc", "doc_pk", "time_id", unique=True),
)

places = Table(
    "places",
    metadata,
    _doc_fk(),
    Column("place_id", String(20), nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("country", String(3), index=True),
    Column("feature", String(10), nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonames_id", Integer),
    Index("ix_places_doc", "doc_pk", "place_id", unique=True),
)

failures = Table(
    "failures",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("run_pk", Integer, ForeignKey("runs.pk"), nullable=False, index=True),
    Column("origin", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("reader", String(20)),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)

# Child tables of a document, in the order they are written.
DOCUMENT_CHILDREN = (sentences, actors, mentions, quotes, events, times, places)

# --- links across documents: stories (near-duplicate documents) and merged events ----------------------

signatures = Table(
    "signatures",
    metadata,
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),  # MinHash of word 3-grams (analytics.duplicates)
)

# One row per LSH band of a linked document's signature (analytics.duplicates.band_keys): the documents
# sharing a key with a new one are its story candidates, found by the key's index, not held in memory.
story_bands = Table(
    "story_bands",
    metadata,
    Column("key", BigInteger, primary_key=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), primary_key=True),
)

stories = Table(
    "stories",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("title", Text),
    Column("first_doc_pk", Integer, ForeignKey("documents.pk", ondelete="SET NULL")),
    Column("first_date", String(10), index=True),
    Column("last_date", String(10)),
    Column("num_documents", Integer, nullable=False),
)

story_documents = Table(
    "story_documents",
    metadata,
    Column("story_pk", Integer, ForeignKey("stories.pk", ondelete="CASCADE"), nullable=False, index=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), primary_key=True),
    Column("similarity", Float, nullable=False),  # estimated Jaccard with the closest earlier document
    Column("relation", String(20), nullable=False),  # first | duplicate | near-duplicate
)

event_groups = Table(
    "event_groups",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("source_key", String(200), nullable=False),
    Column("target_key", String(200), nullable=False),
    Column("source_name", Text),
    Column("target_name", Text),
    Column("source_country", String(3), index=True),
    Column("target_country", String(3), index=True),
    Column("cameo", String(4), nullable=False, index=True),
    Column("cameo_root", String(2), nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("quad_class", Integer, nullable=False, index=True),
    Column("plover", String(30)),
    Column("plover_mode", String(30)),
    Column("status", String(15), nullable=False, index=True),
    Column("date", String(10), index=True),
    Column("date_end", String(10)),
    Column("date_basis", String(10), nullable=False),
    Column("date_precision", String(10)),  # day | week | month | year | decade | century; NULL: not known
    Column("place_name", Text),
    Column("place_country", String(3)),
    Column("lat", Float),
    Column("lon", Float),
    Column("num_mentions", Integer, nullable=False),
    Column("num_sources", Integer, nullable=False),
    Column("num_articles", Integer, nullable=False),
    Column("first_doc_pk", Integer, ForeignKey("documents.pk", ondelete="SET NULL")),
    Column("first_event_id", String(20)),
    Column("story_pk", Integer, ForeignKey("stories.pk", ondelete="SET NULL")),
    Index("ix_event_groups_dyad", "source_key", "target_key", "cameo_root", "status"),
)

event_members = Table(
    "event_members",
    metadata,
    Column("group_pk", Integer, ForeignKey("event_groups.pk", ondelete="CASCADE"), nullable=False, index=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False),
    Column("event_id", String(20), nullable=False),
    Column("source", String(200)),  # the publisher or source the report came from, for NumSources
    Index("ix_event_members_doc", "doc_pk", "event_id", unique=True),
)

# --- alerts: standing questions asked of every new merged event, and the notifications they raised -------

alerts = Table(
    "alerts",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("dyad_a", String(200)),  # two sides (ISO-3 code or actor name), either direction; NULL: any
    Column("dyad_b", String(200)),
    Column("quads", JSON, nullable=False),  # QuadClasses 1-4 (empty: any)
    Column("code", String(4)),  # a CAMEO code or prefix
    Column("actor", String(200)),  # on either side
    Column("min_goldstein", Float),
    Column("max_goldstein", Float),
    Column("min_articles", Integer, nullable=False),
    Column("statuses", JSON, nullable=False),  # the event statuses that alert (accord.alerts.rules)
    Column("webhook", Text),  # a URL notifications are POSTed to; NULL: none
    Column("jsonl", Text),  # the JSON Lines file of this alert; NULL: the notifications file setting
    Column("created_at", DateTime(timezone=True), nullable=False),
)

notifications = Table(
    "notifications",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("alert_pk", Integer, ForeignKey("alerts.pk", ondelete="CASCADE"), nullable=False),
    Column("group_pk", Integer, ForeignKey("event_groups.pk", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    # existing (matched when the alert was added: never sent) | pending | sent | error (retried) | failed
    Column("status", String(10), nullable=False, index=True),
    Column("payload", JSON),  # what is sent (NULL for an existing match)
    Column("jsonl_path", Text),
    Column("jsonl_status", String(10)),  # pending | sent | error | failed; NULL: not sent anywhere
    Column("webhook_url", Text),
    Column("webhook_status", String(10)),  # pending | sent | error | failed; NULL: no webhook
    Column("attempts", Integer, nullable=False),  # delivery rounds tried
    Column("last_error", Text),
    Column("sent_at", DateTime(timezone=True)),  # every channel delivered
    Column("lease_until", DateTime(timezone=True)),  # a process delivering it holds it until then
    # never the same alert twice for one event, whichever process links it
    UniqueConstraint("alert_pk", "group_pk", name="uq_notifications_alert_event"),
)


# --- sources that `accord watch` follows, and the items already taken from them ------------------------

sources = Table(
    "sources",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),
    Column("name", Text),
    Column("categories", JSON, nullable=False),  # given to every document taken from the source
    Column("kind", String(10), nullable=False),  # feed (RSS, Atom, JSON Feed) | page (a page listing articles)
    Column("status", String(10), nullable=False),  # active | failing | paused
    Column("pause_reason", Text),
    Column("added_at", DateTime(timezone=True), nullable=False),
    # conditional GET: what the server last sent, sent back as If-None-Match / If-Modified-Since
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_fetch_at", DateTime(timezone=True)),
    Column("last_http_status", Integer),
    Column("next_check_at", DateTime(timezone=True), index=True),
    Column("interval_seconds", Float),  # the adaptive interval (accord.sources.schedule)
    Column("failures", Integer, nullable=False, default=0),  # in a row; 0 after a success
    Column("items", Integer, nullable=False, default=0),  # items taken from it (stored, unchanged or failed)
    Column("last_new_at", DateTime(timezone=True)),
    Column("last_error", Text),
)

seen_items = Table(
    "seen_items",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("source_pk", Integer, ForeignKey("sources.pk", ondelete="CASCADE"), nullable=False, index=True),
    Column("url", Text, index=True),
    Column("guid", Text, index=True),
    Column("content_key", String(64), index=True),  # SHA-256 of its text (accord.sources.documents.content_key)
    Column("doc_key", String(64)),  # the document it became (documents.doc_key), when it became one
    Column("title", Text),
    Column("outcome", String(10), nullable=False),  # ingested | duplicate | failed
    Column("error", Text),
    Column("seen_at", DateTime(timezone=True), nullable=False, index=True),
)
