"""Read queries behind the CLI, the Python API and the web: merged events, their reports, quotes,
actors, stories. Every filter is a bound parameter; nothing is formatted into SQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Connection

from ..analytics.merge import actor_key
from ..model import MUTUAL_MARK
from . import tables as t
from .filters import ActorFilter, EventFilter, Page, QuoteFilter, Status, StoryFilter, is_country_code


def _contains(column, term: str):
    """Whether `column` holds `term`, ignoring case and taking every character literally: LIKE's
    wildcards ('%', '_') are escaped with an explicit ESCAPE character, so PostgreSQL's default
    backslash escape does not apply either, and a NUL (which PostgreSQL refuses in text) is dropped."""
    return func.lower(column).contains(term.replace("\x00", "").lower(), autoescape=True)


def _side(name_col, country_col, term: str):
    term = term.strip()
    if is_country_code(term):
        return country_col == term
    return func.lower(name_col) == term.lower()


def _mutual():
    """Is a merged event mutual? Its first report's rule says so (accord.model.is_mutual)."""
    g, e = t.event_groups, t.events.alias("first_report")
    return (
        select(e.c.doc_pk)
        .where(e.c.doc_pk == g.c.first_doc_pk, e.c.event_id == g.c.first_event_id, e.c.rule.endswith(MUTUAL_MARK))
        .correlate(g)
        .exists()
    )


def event_conditions(f: EventFilter) -> list:
    """The WHERE conditions on merged events (event_groups) that `f` sets: the one reading of a filter,
    shared by the listings and the alerts (accord.store.alerts)."""
    g = t.event_groups
    conditions = []
    if f.dyad:
        a, b = f.dyad
        forward = and_(_side(g.c.source_name, g.c.source_country, a), _side(g.c.target_name, g.c.target_country, b))
        backward = and_(_side(g.c.source_name, g.c.source_country, b), _side(g.c.target_name, g.c.target_country, a))
        # a mutual event has no direction: a directed query finds it in either order
        conditions.append(or_(forward, and_(backward, _mutual())) if f.directed else or_(forward, backward))
    if f.actor:
        conditions.append(
            or_(
                _side(g.c.source_name, g.c.source_country, f.actor), _side(g.c.target_name, g.c.target_country, f.actor)
            )
        )
    if f.since:
        conditions.append(func.coalesce(g.c.date_end, g.c.date) >= f.since)
    if f.until:
        conditions.append(g.c.date <= f.until)
    if f.code:
        conditions.append(g.c.cameo.startswith(f.code, autoescape=True))
    if f.quad:
        conditions.append(g.c.quad_class == f.quad)
    if f.status:
        conditions.append(g.c.status == f.status)
    elif not f.historical:
        conditions.append(g.c.status != Status.historical.value)  # history told as background: on request
    if f.story:
        conditions.append(g.c.story_pk == f.story)
    return conditions


def _sentence():
    """A report's sentence, cut out of the stored text by the database."""
    d, e = t.documents, t.events
    return func.substr(d.c.text, e.c.sentence_start + 1, e.c.sentence_end - e.c.sentence_start)


def _avg_tone():
    """A merged event's AvgTone: the mean GDELT-style tone of the documents that report it (each document
    once; documents without tone do not count)."""
    g, m, reporting = t.event_groups, t.event_members, t.documents.alias("reporting")
    reporters = select(m.c.doc_pk).where(m.c.group_pk == g.c.pk).correlate(g)
    return select(func.avg(reporting.c.tone)).where(reporting.c.pk.in_(reporters)).correlate(g).scalar_subquery()


def _with_evidence():
    """Merged events with their first report's document and sentence, and their AvgTone."""
    g, d, e = t.event_groups, t.documents, t.events
    return (
        select(
            g,
            _avg_tone().label("avg_tone"),
            d.c.id.label("document"),
            d.c.title.label("document_title"),
            d.c.published.label("published"),
            _sentence().label("evidence"),
            e.c.trigger_text.label("trigger"),
            e.c.rule.label("rule"),
            e.c.confidence.label("confidence"),
        )
        .outerjoin(d, d.c.pk == g.c.first_doc_pk)
        .outerjoin(e, and_(e.c.doc_pk == g.c.first_doc_pk, e.c.event_id == g.c.first_event_id))
    )


def merged_events(conn: Connection, f: EventFilter, page: Page = Page()) -> list[dict[str, Any]]:
    """The merged events `f` selects, newest first (by date, then the later merged event first; undated
    last), each with its first report's evidence."""
    g = t.event_groups
    query = _with_evidence().where(*event_conditions(f)).order_by(g.c.date.is_(None), g.c.date.desc(), g.c.pk.desc())
    return [dict(r._mapping) for r in conn.execute(_page(query, page))]


def count_merged_events(conn: Connection, f: EventFilter) -> int:
    """How many merged events `merged_events` gives for the same filter, without paging."""
    return conn.execute(select(func.count()).select_from(t.event_groups).where(*event_conditions(f))).scalar_one()


def merged_event(conn: Connection, pk: int) -> dict[str, Any] | None:
    """One merged event by number, with its first report's evidence."""
    row = conn.execute(_with_evidence().where(t.event_groups.c.pk == pk)).first()
    return dict(row._mapping) if row else None


def event_reports(conn: Connection, group_pk: int) -> list[dict[str, Any]]:
    """Every report of a merged event: document, source, sentence, trigger, code, date."""
    m, d, e = t.event_members, t.documents, t.events
    query = (
        select(
            d.c.pk.label("doc_pk"),
            d.c.id.label("document"),
            d.c.title,
            d.c.published,
            m.c.source,
            e.c.event_id,
            e.c.cameo,
            e.c.status,
            e.c.date,
            e.c.date_end,
            e.c.date_basis,
            e.c.sentence_start,
            e.c.sentence_end,
            e.c.trigger_start,
            e.c.trigger_end,
            e.c.trigger_text,
            e.c.rule,
            e.c.confidence,
            _sentence().label("evidence"),
        )
        .join(d, d.c.pk == m.c.doc_pk)
        .join(e, and_(e.c.doc_pk == m.c.doc_pk, e.c.event_id == m.c.event_id))
        .where(m.c.group_pk == group_pk)
        .order_by(d.c.published, d.c.pk, e.c.sentence_start)
    )
    return [dict(r._mapping) for r in conn.execute(query)]


def _quote_query(columns: list, f: QuoteFilter):
    """`columns` over quotes with their speaker, document and story, filtered by `f` (no order, no paging):
    the one filter behind both the listing and its count."""
    q, a, d, sd = t.quotes, t.actors, t.documents, t.story_documents
    day = _quote_day()
    query = (
        select(*columns)
        .select_from(q)
        .join(d, d.c.pk == q.c.doc_pk)
        .outerjoin(a, and_(a.c.doc_pk == q.c.doc_pk, a.c.actor_id == q.c.speaker_actor))
        .outerjoin(sd, sd.c.doc_pk == q.c.doc_pk)
    )
    if f.speaker:
        query = query.where(
            or_(
                _contains(a.c.name, f.speaker),
                _contains(q.c.speaker_text, f.speaker),
            )
        )
    if f.country:
        query = query.where(a.c.country == f.country.upper())
    if f.search:
        for word in f.search.split():
            query = query.where(_contains(q.c.text, word))
    if f.story:
        query = query.where(sd.c.story_pk == f.story)
    if f.document:
        query = query.where(q.c.doc_pk == f.document)
    if f.since:
        query = query.where(day >= f.since)
    if f.until:
        query = query.where(day <= f.until)
    return query


def _quote_day():
    d = t.documents
    return func.substr(func.coalesce(d.c.published, d.c.anchor_date), 1, 10)


def quotes(conn: Connection, f: QuoteFilter, page: Page = Page()) -> list[dict[str, Any]]:
    """The quotations `f` selects, by date, with their speaker, document and story."""
    q, a, d, sd = t.quotes, t.actors, t.documents, t.story_documents
    day = _quote_day()
    query = _quote_query(
        [
            q.c.doc_pk,
            q.c.quote_id,
            q.c.text,
            q.c.kind,
            q.c.start_char,
            q.c.end_char,
            q.c.speaker_text,
            q.c.cue_text,
            a.c.name.label("speaker"),
            a.c.country.label("country"),
            a.c.sector.label("sector"),
            d.c.id.label("document"),
            d.c.title,
            day.label("date"),
            sd.c.story_pk.label("story"),
        ],
        f,
    )
    query = _page(query.order_by(day, q.c.doc_pk, q.c.start_char), page)
    return [dict(r._mapping) for r in conn.execute(query)]


def count_quotes(conn: Connection, f: QuoteFilter) -> int:
    """How many quotations `quotes` gives for the same filter, without paging."""
    return conn.execute(_quote_query([func.count()], f)).scalar_one()


def _actor_identity():
    a = t.actors
    return func.coalesce(a.c.kb_id, a.c.name)


def _actor_filter(query, f: ActorFilter):
    a = t.actors
    if f.search:
        query = query.where(_contains(a.c.name, f.search))
    if f.country:
        query = query.where(a.c.country == f.country.upper())
    return query


def actors(conn: Connection, f: ActorFilter, page: Page = Page()) -> list[dict[str, Any]]:
    """Actors across documents, one row per identity, with how many documents and merged events."""
    a, g = t.actors, t.event_groups
    identity = _actor_identity()
    docs = func.count(a.c.doc_pk.distinct())
    query = _actor_filter(
        select(
            identity.label("key"),
            func.min(a.c.name).label("name"),
            func.min(a.c.kind).label("kind"),
            func.min(a.c.country).label("country"),
            func.min(a.c.sector).label("sector"),
            func.min(a.c.code).label("code"),
            func.min(a.c.kb_id).label("kb_id"),
            docs.label("documents"),
        ),
        f,
    ).group_by(identity)
    query = _page(query.order_by(docs.desc(), func.min(a.c.name)), page)
    rows = [dict(r._mapping) for r in conn.execute(query)]
    # merged events name their sides by the merge rule's identity ("state:USA" for the United States)
    merged = {
        row["key"]: actor_key(row.pop("kb_id"), row["kind"], row["country"], row["sector"], row["name"]) for row in rows
    }
    keys = list(set(merged.values()))
    counts: dict[str, int] = {key: 0 for key in keys}
    if keys:
        for column in (g.c.source_key, g.c.target_key):
            for key, n in conn.execute(select(column, func.count()).where(column.in_(keys)).group_by(column)):
                counts[key] += n
        both = conn.execute(
            select(g.c.source_key, func.count())
            .where(g.c.source_key.in_(keys), g.c.source_key == g.c.target_key)
            .group_by(g.c.source_key)
        )
        for key, n in both:  # an event with the actor on both sides counts once
            counts[key] -= n
    for row in rows:
        row["events"] = counts[merged[row["key"]]]
    return rows


def count_actors(conn: Connection, f: ActorFilter) -> int:
    """How many identities `actors` lists for the same filter."""
    identity = _actor_identity()
    inner = _actor_filter(select(identity.label("key")), f).group_by(identity).subquery()
    return conn.execute(select(func.count()).select_from(inner)).scalar_one()


def stories(conn: Connection, f: StoryFilter, page: Page = Page()) -> list[dict[str, Any]]:
    """Stories, the most documents first."""
    s = t.stories
    query = (
        select(s)
        .where(s.c.num_documents >= f.min_documents)
        .order_by(s.c.num_documents.desc(), s.c.first_date.desc(), s.c.pk)
    )
    return [dict(r._mapping) for r in conn.execute(_page(query, page))]


def count_stories(conn: Connection, f: StoryFilter) -> int:
    """How many stories `stories` lists for the same filter."""
    s = t.stories
    return conn.execute(select(func.count()).select_from(s).where(s.c.num_documents >= f.min_documents)).scalar_one()


def story(conn: Connection, pk: int) -> dict[str, Any] | None:
    """One story by number, with its documents."""
    row = conn.execute(select(t.stories).where(t.stories.c.pk == pk)).first()
    if row is None:
        return None
    out = dict(row._mapping)
    sd, d = t.story_documents, t.documents
    out["documents"] = [
        dict(r._mapping)
        for r in conn.execute(
            select(d.c.pk, d.c.id, d.c.title, d.c.publisher, d.c.published, sd.c.similarity, sd.c.relation)
            .join(sd, sd.c.doc_pk == d.c.pk)
            .where(sd.c.story_pk == pk)
            .order_by(d.c.published, d.c.pk)
        )
    ]
    return out


def story_of_document(conn: Connection, doc_pk: int) -> int | None:
    """The story a stored document belongs to, if it is linked."""
    return conn.execute(
        select(t.story_documents.c.story_pk).where(t.story_documents.c.doc_pk == doc_pk)
    ).scalar_one_or_none()


def _page(query, page: Page):
    """`query` limited to one page."""
    if page.limit is not None:
        query = query.limit(page.limit)
    if page.offset:
        query = query.offset(page.offset)
    return query
