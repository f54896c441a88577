"""Actor network: who interacted with whom, as weighted directed edges between actors or countries."""

from __future__ import annotations

from collections import defaultdict

from .records import Edge, EventRecord, Records


def network(events: list[EventRecord], level: str = "actor") -> Records[Edge]:
    """Edges weighted by merged events; `level` "country" folds actors into their countries."""
    grouped: dict[tuple[str, str], list[EventRecord]] = defaultdict(list)
    for e in events:
        if level == "country":
            a, b = e.source_country, e.target_country
        else:
            a, b = e.source, e.target
        if a and b and a != b:
            grouped[(a, b)].append(e)
    edges: Records[Edge] = Records()
    for (a, b), group in sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        edges.append(
            Edge(
                source=a,
                target=b,
                events=len(group),
                cooperative=sum(1 for e in group if e.quad_class in (1, 2)),
                conflictual=sum(1 for e in group if e.quad_class in (3, 4)),
                mean_goldstein=round(sum(e.goldstein for e in group) / len(group), 2),
            )
        )
    return edges
