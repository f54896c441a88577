"""What the dyad series' tone should be, worked out from the store by plain SQL, for the CLI and web
tests: per month, the mean tone of the distinct documents that report the pair's dated events."""

from __future__ import annotations

from sqlalchemy import create_engine, text


def monthly_tones(url: str, a: str, b: str) -> dict[str, float]:
    query = text("""
        SELECT DISTINCT substr(g.date, 1, 7) AS month, d.pk, d.tone
        FROM event_groups g
        JOIN event_members m ON m.group_pk = g.pk
        JOIN documents d ON d.pk = m.doc_pk
        WHERE g.date IS NOT NULL AND g.status != 'historical'
          AND ((g.source_country = :a AND g.target_country = :b) OR (g.source_country = :b AND g.target_country = :a))""")
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(query, {"a": a, "b": b}).fetchall()
    finally:
        engine.dispose()
    by_month: dict[str, list[float]] = {}
    for month, _, tone in rows:
        by_month.setdefault(month, []).append(tone)
    return {month: round(sum(tones) / len(tones), 2) for month, tones in by_month.items()}
