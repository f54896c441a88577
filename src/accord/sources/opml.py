"""OPML subscription lists (what feed readers export): every outline with an `xmlUrl` is a feed, its
`title` (else `text`) the name, and the outlines it sits in its categories."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..errors import UsageError


@dataclass
class Subscription:
    """One feed of an OPML file."""

    url: str
    name: str | None = None
    categories: list[str] = field(default_factory=list)


def read_opml(data: bytes, origin: str) -> list[Subscription]:
    """The feeds an OPML document lists, in order; a UsageError naming `origin` when it is not OPML."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise UsageError(f"{origin} is not an OPML file: {exc}") from None
    if root.tag != "opml" or root.find("body") is None:
        raise UsageError(f"{origin} is not an OPML file: no <opml> with a <body>")
    found: list[Subscription] = []
    _walk(root.find("body"), [], found)
    return found


def _walk(parent: etree._Element, path: list[str], found: list[Subscription]) -> None:
    for outline in parent.findall("outline"):
        name = (outline.get("title") or outline.get("text") or "").strip() or None
        url = (outline.get("xmlUrl") or "").strip()
        if url:
            found.append(Subscription(url, name, list(path)))
        _walk(outline, [*path, name] if name and not url else path, found)
