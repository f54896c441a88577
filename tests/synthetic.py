"""Synthetic news corpora the project generates, written as JSON Lines files: for the durability and
concurrency tests, thousands of short, distinct articles with events and quotations; for the tests of
undated documents and event statuses, a handful of articles with one event of each status."""

from __future__ import annotations

import json
from pathlib import Path

COUNTRIES = [
    "France",
    "Germany",
    "Japan",
    "Brazil",
    "India",
    "Kenya",
    "Canada",
    "Mexico",
    "Egypt",
    "Turkey",
    "Poland",
    "Chile",
    "Nigeria",
    "Vietnam",
    "Norway",
    "Peru",
]
CITIES = ["Geneva", "Vienna", "Nairobi", "Lima", "Oslo", "Cairo", "Hanoi", "Warsaw"]
ACTIONS = [
    "{a}'s foreign minister met his {b} counterpart in {city} on {day}.",
    "{a} and {b} signed a trade agreement in {city} on {day}.",
    "{a} imposed sanctions on {b} on {day}, officials said.",
    "{a} accused {b} of violating the ceasefire on {day}.",
    "{a} offered humanitarian aid to {b} on {day}.",
    "Protesters in {a} demonstrated against the government on {day}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(n: int) -> dict:
    a = COUNTRIES[n % len(COUNTRIES)]
    b = COUNTRIES[(n * 7 + 3) % len(COUNTRIES)]
    if b == a:
        b = COUNTRIES[(n + 1) % len(COUNTRIES)]
    city, day = CITIES[n % len(CITIES)], DAYS[n % len(DAYS)]
    lead = ACTIONS[n % len(ACTIONS)].format(a=a, b=b, city=city, day=day)
    text = (
        f"{lead} The talks covered issue number {n} on the agenda. "
        f'"We made progress on point {n}," a spokesperson for {a} said. '
        f"Officials in {b} said they would study proposal {n}."
    )
    month, dom = 1 + n % 12, 1 + n % 28
    return {
        "id": f"synthetic-{n:05d}",
        "title": f"Bulletin {n}: {a} and {b}",
        "text": text,
        "published": f"2024-{month:02d}-{dom:02d}",
        "publisher": f"Wire {n % 5}",
    }


def write_corpus(folder: Path, documents: int, per_file: int = 100) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, documents, per_file):
        lines = [json.dumps(article(n)) for n in range(start, min(documents, start + per_file))]
        (folder / f"part-{start // per_file:04d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


# Articles about France and Germany with no date at all (no dateline, no publication date) and one
# event each of every status an event can have but historical, then one dated article: the corpus of
# the tests on undated documents and on which statuses each export writes.
STATUS_ARTICLES = (
    ("undated-occurred", "France accused Germany of breaking the agreement.", None),
    ("undated-negated", "France did not consult Germany before the vote, officials said.", None),
    ("undated-hypothetical", "France could impose sanctions on Germany if the talks fail.", None),
    ("undated-planned", "The French foreign minister will meet his German counterpart in Berlin next week.", None),
    ("dated-occurred", "China criticized Japan over the dispute on Monday.", "2024-05-08"),
)


def write_status_corpus(folder: Path) -> Path:
    """STATUS_ARTICLES as one JSON Lines file in `folder`; returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "statuses.jsonl"
    lines = [
        json.dumps({"id": ident, "text": text, **({"published": published} if published else {})})
        for ident, text, published in STATUS_ARTICLES
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# Two rounds of news for the alert tests: first one agency's report of China's sanctions on the United
# States, a negated China-US event and a France-Germany event; then a second agency's report of the same
# sanctions, which makes that event one of two articles.
ALERT_ROUNDS = (
    (
        {
            "id": "sanctions-wire-a",
            "title": "China sanctions US firms",
            "url": "https://wire-a.example/sanctions",
            "publisher": "Wire A",
            "published": "2025-05-05",
            "text": "China imposed sanctions on the United States on Monday, the commerce ministry said.",
        },
        {
            "id": "not-consulted",
            "title": "No consultation",
            "publisher": "Wire A",
            "published": "2025-05-06",
            "text": "China did not consult the United States before the vote, diplomats said on Tuesday.",
        },
        {
            "id": "france-germany",
            "title": "France and Germany",
            "publisher": "Wire C",
            "published": "2025-05-06",
            "text": "France accused Germany of breaking the agreement on Tuesday.",
        },
    ),
    (
        {
            "id": "sanctions-wire-b",
            "title": "Beijing hits back with sanctions",
            "url": "https://wire-b.example/beijing-sanctions",
            "publisher": "Wire B",
            "published": "2025-05-05",
            "text": "Beijing responded on Monday. China imposed sanctions on the United States, officials in both "
            "capitals confirmed.",
        },
    ),
)


def write_alert_rounds(folder: Path) -> list[Path]:
    """ALERT_ROUNDS as one JSON Lines file per round in `folder`; returns the files in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, articles in enumerate(ALERT_ROUNDS, 1):
        path = folder / f"round-{n}.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        paths.append(path)
    return paths
