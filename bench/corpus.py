"""The real-length articles the extractor benchmarks read: PolNeAR training articles (read in place from
../shared/eval/polnear/train/text, never copied) and the seed articles of ../shared/seeds, in a fixed
order so that two runs see the same documents."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear" / "train" / "text"
SEEDS = ROOT.parent / "shared" / "seeds"


def article_paths(limit: int) -> list[Path]:
    """The seed articles, then PolNeAR training articles in name order, `limit` in all; exits with a
    message when neither folder is there."""
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []
    if POLNEAR.exists():
        paths += sorted(POLNEAR.glob("*.txt"))
    if not paths:
        sys.exit(f"no articles: {POLNEAR} and {SEEDS} are absent")
    return paths[:limit]


def read_articles(limit: int):
    """Documents of the first `limit` articles of `article_paths`, as accord's readers make them."""
    from accord.model import Document
    from accord.readers import read_inputs

    return [d for d in read_inputs([str(p) for p in article_paths(limit)], 20_000_000) if isinstance(d, Document)]
