"""date precision: events and event_groups gain date_precision (day, week, month, year, decade, century)

Existing rows are filled in place from what they already hold. A date without an end is a day (the
anchor date, or a time expression naming one day). A date with an end was the calendar period of a
time expression ("in April" is 2025-04-01..2025-04-30), so its precision is read back from the period's
shape with the rule of accord.precision: a weekend is a week; a quarter, a half-year or a season is a
year. A range of no such shape, and a row without a date, stay NULL (not known).

Revision ID: 0004_date_precision
Revises: 0002
Create Date: 2026-12-07
"""

import calendar
from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0004_date_precision"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = ("events", "event_groups")
# (months, first month) of the periods inside a year: quarters, seasons (winter runs into the next
# year), half-years, the year itself
_YEARLY = frozenset([(3, m) for m in (1, 3, 4, 6, 7, 9, 10, 12)] + [(6, 1), (6, 7), (12, 1)])


def upgrade() -> None:
    for name in TABLES:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.add_column(sa.Column("date_precision", sa.String(length=10), nullable=True))
    conn = op.get_bind()
    for name in TABLES:
        table = sa.table(
            name, sa.column("date", sa.String), sa.column("date_end", sa.String), sa.column("date_precision", sa.String)
        )
        conn.execute(
            table.update().where(table.c.date.is_not(None), table.c.date_end.is_(None)).values(date_precision="day")
        )
        ranges = conn.execute(
            sa.select(table.c.date, table.c.date_end).where(table.c.date_end.is_not(None)).distinct()
        ).all()
        for first, last in ranges:
            precision = _precision_of_range(first, last)
            if precision is not None:
                conn.execute(
                    table.update()
                    .where(table.c.date == first, table.c.date_end == last)
                    .values(date_precision=precision)
                )


def downgrade() -> None:
    # A plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not batch mode: batch mode would recreate the
    # table, and dropping the old one deletes the rows that reference it (ON DELETE CASCADE).
    for name in TABLES:
        op.drop_column(name, "date_precision")


def _precision_of_range(first: str, last: str) -> str | None:
    """The precision of the calendar period running from `first` to `last` (ISO dates), or None."""
    try:
        start, end = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    except ValueError:
        return None
    if start == end:
        return "day"
    if (start.weekday(), (end - start).days) in ((0, 6), (5, 1)):  # an ISO week, a weekend
        return "week"
    if start.day != 1 or end != _month_end(end):
        return None
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 1:
        return "month"
    if (months, start.month) in _YEARLY:
        return "year"
    if start.month == 1 and months == 120 and start.year % 10 == 0:
        return "decade"
    if start.month == 1 and months == 1200 and start.year % 100 == 0:
        return "century"
    return None


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])
