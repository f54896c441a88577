"""accord's contract object for every item of a sentence-level dev set ({"id", "text"} a line), shared by
the actor and event evaluations so each dev set is extracted once."""

from __future__ import annotations

from pathlib import Path

from halves import read_records


def predict(dev: Path) -> list[dict]:
    from accord.model import Document
    from accord.nlp import Pipeline

    docs = [Document(id=str(r["id"]), text=r["text"], reader="eval") for r in read_records(dev)]
    return [ex.to_dict() for ex in Pipeline().extract(docs)]
