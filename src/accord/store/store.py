"""The Store: accord's one gateway to the database, for writes (ingest) and reads (queries)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.engine import Engine

from ..model import Document, Extraction, Failure
from . import tables
from .database import make_engine, migrate, open_read_only, take_write_lock
from .filters import store_number
from .owner import alive, this_process
from .rows import child_rows, document_row, insert_if_absent, inserted_pk


def _now() -> datetime:
    return datetime.now(UTC)


class Store:
    """Open with `Store.open(url)`; the schema is migrated to the current version on open."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, url: str, read_only: bool = False) -> Store:
        """The store at `url`, migrated to the current schema; with `read_only`, opened so that it cannot
        write (accord.store.database.open_read_only), as the reading commands open it."""
        if read_only:
            return cls(open_read_only(url))
        engine = make_engine(url)
        migrate(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writes -------------------------------------------------------------------------------

    def start_run(self, pipeline_version: str, inputs: Sequence[str]) -> int:
        """Record a run `running`, owned by this process (pid and host); returns its number."""
        pid, host = this_process()
        with self.engine.begin() as conn:
            return inserted_pk(
                conn.execute(
                    insert(tables.runs).values(
                        pid=pid,
                        host=host,
                        started_at=_now(),
                        pipeline_version=pipeline_version,
                        inputs=list(inputs),
                        read=0,
                        new=0,
                        unchanged=0,
                        failed=0,
                        status="running",
                    )
                )
            )

    def mark_stale_runs(self) -> list[int]:
        """Mark `interrupted` the runs left `running` by a process that is gone (killed, or the machine
        restarted): those of this host whose process no longer exists, and those recorded before runs had
        an owner. Runs of other hosts are left alone (their processes cannot be seen from here). Returns
        the numbers of the runs marked."""
        r = tables.runs
        _, host = this_process()
        with self.engine.begin() as conn:
            running = conn.execute(
                select(r.c.pk, r.c.pid, r.c.started_at).where(
                    r.c.status == "running", or_(r.c.pid.is_(None), r.c.host == host)
                )
            ).all()
            stale = [pk for pk, pid, started in running if pid is None or not alive(pid, started)]
            if stale:
                conn.execute(
                    update(tables.runs).where(r.c.pk.in_(stale), r.c.status == "running").values(status="interrupted")
                )
        return stale

    def finish_run(self, run_pk: int, counts: dict[str, int], status: str = "finished") -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(tables.runs)
                .where(tables.runs.c.pk == run_pk)
                .values(finished_at=_now(), status=status, **counts)
            )

    def record_failures(self, run_pk: int, failures: Iterable[Failure]) -> None:
        rows = [
            {"run_pk": run_pk, "origin": f.origin, "reason": f.reason, "reader": f.reader, "recorded_at": _now()}
            for f in failures
        ]
        if rows:
            with self.engine.begin() as conn:
                conn.execute(insert(tables.failures), rows)

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        keys = list(set(keys))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                found.update(
                    conn.execute(
                        select(tables.documents.c.doc_key).where(tables.documents.c.doc_key.in_(chunk))
                    ).scalars()
                )
        return found

    def write_batch(self, run_pk: int, pipeline_version: str, items: Sequence[tuple[str, Document, Extraction]]) -> int:
        """Insert a batch of documents with their extraction rows in one transaction; returns how many
        were new. A key another writer stored meanwhile is skipped (insert-if-absent, under the store's
        write lock), so two ingests of the same content both finish and store it once."""
        return self.write_contracts(
            run_pk,
            pipeline_version,
            [(key, document.origin, document.reader, extraction.to_dict()) for key, document, extraction in items],
        )

    def write_contracts(
        self, run_pk: int, pipeline_version: str, items: Sequence[tuple[str, str, str, dict[str, Any]]]
    ) -> int:
        """`write_batch` for contract objects already made (key, origin, reader, contract), as `accord
        load` has them from Parquet; returns how many were new."""
        written = 0
        with self.engine.begin() as conn:
            take_write_lock(conn)
            children: dict[Any, list[dict[str, Any]]] = {t: [] for t in tables.DOCUMENT_CHILDREN}
            for key, origin, reader, contract in items:
                row = document_row(contract) | {
                    "doc_key": key,
                    "origin": origin,
                    "reader": reader,
                    "ingested_at": _now(),
                    "pipeline_version": pipeline_version,
                    "run_pk": run_pk,
                }
                doc_pk = insert_if_absent(conn, tables.documents, row, "doc_key")
                if doc_pk is None:  # stored already, by another run or earlier in this batch
                    continue
                for table, rows in child_rows(doc_pk, contract).items():
                    children[table].extend(rows)
                written += 1
            for table in tables.DOCUMENT_CHILDREN:
                if children[table]:
                    conn.execute(insert(table), children[table])
        return written

    # --- reads --------------------------------------------------------------------------------

    def count(self, table_name: str) -> int:
        table = tables.metadata.tables[table_name]
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(table)).scalar_one()

    def list_documents(self, limit: int | None = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Documents newest first (by published, else document date), with counts of what was found."""
        d = tables.documents
        when = func.coalesce(d.c.published, d.c.document_date)
        counts = {
            name: select(func.count())
            .select_from(tables.metadata.tables[name])
            .where(tables.metadata.tables[name].c.doc_pk == d.c.pk)
            .scalar_subquery()
            for name in ("actors", "quotes", "events")
        }
        query = (
            select(
                d.c.pk,
                d.c.id,
                d.c.title,
                d.c.published,
                d.c.publisher,
                d.c.reader,
                d.c.origin,
                *(c.label(name) for name, c in counts.items()),
            )
            .order_by(when.is_(None), when.desc(), d.c.pk.desc())
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def find_documents(self, ident: str) -> list[dict[str, Any]]:
        """Documents whose store number, id or content-key prefix is `ident`, newest ingest first."""
        d = tables.documents
        conditions = [d.c.id == ident]
        number = store_number(ident)
        if number is not None:
            conditions.append(d.c.pk == number)
        if len(ident) >= 8 and all(ch in "0123456789abcdef" for ch in ident):
            conditions.append(d.c.doc_key.startswith(ident, autoescape=True))
        query = (
            select(d.c.pk, d.c.doc_key, d.c.origin, d.c.reader, d.c.ingested_at, d.c.pipeline_version, d.c.extraction)
            .where(or_(*conditions))
            .order_by(d.c.pk.desc())
        )
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def failures(self, run_pk: int | None = None) -> list[dict[str, Any]]:
        f = tables.failures
        query = select(f.c.run_pk, f.c.origin, f.c.reason, f.c.reader, f.c.recorded_at).order_by(f.c.pk)
        if run_pk is not None:
            query = query.where(f.c.run_pk == run_pk)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]
