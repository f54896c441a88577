"""Checks that a change left extraction output unchanged, byte for byte: `save` writes the JSON Lines of
`accord extract` on real-length articles (bench/corpus.py), `check` extracts them again with the code as it
is now and compares line by line, naming the first documents and fields that differ.

    python bench/same_output.py save /tmp/before.jsonl [--limit 200]
    python bench/same_output.py check /tmp/before.jsonl

Exit status 0 when every line is identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import read_articles  # noqa: E402


def extraction_lines(limit: int) -> list[str]:
    """One JSON line per article, as `accord extract --format jsonl` prints it."""
    from accord.lines import json_line
    from accord.nlp import Pipeline

    pipeline = Pipeline()
    return [json_line(ex.to_dict()) for ex in pipeline.extract(read_articles(limit))]


def differences(before: list[str], after: list[str], shown: int = 5) -> list[str]:
    """What differs between two runs' lines: per document, the top-level fields whose values changed."""
    out = []
    if len(before) != len(after):
        out.append(f"{len(before)} lines saved, {len(after)} now")
    for old, new in zip(before, after, strict=False):
        if old == new:
            continue
        a, b = json.loads(old), json.loads(new)
        fields = [k for k in a.keys() | b.keys() if a.get(k) != b.get(k)]
        out.append(f"{a.get('id')}: {', '.join(sorted(fields)) or 'formatting'}")
        if len(out) >= shown:
            break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=200, help="articles (default 200)")
    args = parser.parse_args()
    if args.action == "save":
        lines = extraction_lines(args.limit)
        args.path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"saved {len(lines)} extractions to {args.path}")
        return
    before = args.path.read_text(encoding="utf-8").splitlines()
    after = extraction_lines(len(before))
    diff = differences(before, after)
    if diff:
        print("output changed:\n  " + "\n  ".join(diff))
        sys.exit(1)
    print(f"identical: {len(after)} extractions")


if __name__ == "__main__":
    main()
