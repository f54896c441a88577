"""`accord alerts add|list|remove|recent|send`: standing alerts on merged events, thin over accord.alerts.
`accord ingest` fires them after linking; `send` delivers what is still undelivered (a webhook that
was down) without ingesting."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from ..config import Settings
from ..store.filters import MAX_ID
from . import AccordGroup, app
from .common import FORMAT, LIMIT, OFFSET, ListFormat, emit, err, out, user_errors

alerts_app = typer.Typer(
    cls=AccordGroup,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Alerts: be told (JSON Lines file, webhook) when linking stores a merged event that matches.",
)
app.add_typer(alerts_app, name="alerts")


def _store(ctx: typer.Context, read_only: bool):
    from ..store import Store

    return Store.open(ctx.obj["db"], read_only=read_only)


@alerts_app.command("add")
def add(
    ctx: typer.Context,
    dyad: str | None = typer.Option(
        None, "--dyad", help="Two sides, ISO-3 codes or actor names, either direction: CHN-USA."
    ),
    quad: str | None = typer.Option(None, "--quad", help="QuadClasses, separated by commas: 3,4 (conflict)."),
    code: str | None = typer.Option(None, "--code", help="CAMEO code or prefix: 19 (fight), 0871."),
    actor: str | None = typer.Option(None, "--actor", help="An actor or country (ISO-3) on either side."),
    min_goldstein: str | None = typer.Option(None, "--min-goldstein", help="Goldstein at least this (-10..10)."),
    max_goldstein: str | None = typer.Option(
        None, "--max-goldstein", help="Goldstein at most this (-10..10): -5 for serious conflict."
    ),
    min_articles: str | None = typer.Option(
        None,
        "--min-articles",
        help="Only once this many articles report the event (an older event alerts when it gets there).",
    ),
    status: str | None = typer.Option(
        None,
        "--status",
        help="Event statuses that alert, separated by commas [default occurred,planned: not negated, "
        "hypothetical or historical events].",
    ),
    webhook: str | None = typer.Option(None, "--webhook", help="Also POST each notification as JSON to this URL."),
    jsonl: str | None = typer.Option(
        None,
        "--jsonl",
        help="Append this alert's notifications to this file [default ACCORD_ALERTS_FILE, else beside the store].",
    ),
    include_existing: bool = typer.Option(
        False, "--include-existing", help="Also tell of the stored events it matches already (sent at the next ingest)."
    ),
) -> None:
    """Add an alert; notifications come at each ingest (or watch batch) that stores a matching event."""
    from ..alerts import Alert, add_alert, notifications_file

    with user_errors():
        alert = Alert.parse(dyad, quad, code, actor, min_goldstein, max_goldstein, min_articles, status, webhook, jsonl)
        with _store(ctx, read_only=False) as store:
            added, existing = add_alert(store, alert, include_existing)
            target = added.jsonl or notifications_file(Settings.for_cli(db=ctx.obj["db"]), store)
        out.print(f"alert {added.id}: {added.describe()}", highlight=False)
        out.print(f"  notifications to {target}" + (f" and {added.webhook}" if added.webhook else ""), highlight=False)
        if existing:
            said = "sent at the next ingest" if include_existing else "not sent; --include-existing sends them"
            out.print(f"  {existing} stored events match it already ({said})", highlight=False)


@alerts_app.command("list")
def list_(ctx: typer.Context, fmt: ListFormat = FORMAT) -> None:
    """List the alerts with their conditions, where they send and how many notifications they raised."""
    from ..alerts import list_alerts

    with user_errors():
        with _store(ctx, read_only=True) as store:
            rows = [a.to_dict() for a in list_alerts(store)]
        emit(rows, fmt, _alerts_table)


@alerts_app.command("remove")
def remove(
    ctx: typer.Context, alert_id: int = typer.Argument(..., min=1, max=MAX_ID, help="The alert's number.")
) -> None:
    """Remove an alert and its notifications (lines already written to a file stay there)."""
    from ..alerts import remove_alert

    with user_errors():
        with _store(ctx, read_only=False) as store:
            remove_alert(store, alert_id)
        out.print(f"alert {alert_id} removed")


@alerts_app.command("recent")
def recent(
    ctx: typer.Context,
    alert: int | None = typer.Option(None, "--alert", min=1, max=MAX_ID, help="Only this alert's notifications."),
    limit: int = LIMIT,
    offset: int = OFFSET,
    fmt: ListFormat = FORMAT,
) -> None:
    """Notifications raised, newest first, with how their delivery went."""
    from ..alerts import recent as recent_notifications

    with user_errors():
        with _store(ctx, read_only=True) as store:
            found = recent_notifications(store, limit, offset, alert)
        emit([_notification_row(n) for n in found], fmt, _notifications_table)


@alerts_app.command("send")
def send(ctx: typer.Context) -> None:
    """Raise what the stored events call for and deliver what is still undelivered (a webhook that was
    down), without ingesting; each new notification is printed."""
    from ..alerts import deliver, fire

    with user_errors():
        settings = Settings.for_cli(db=ctx.obj["db"])
        with _store(ctx, read_only=False) as store:
            raised = fire(store, settings, echo=lambda n: typer.echo(n.headline()))
            retried = deliver(store, settings)
        err.print(f"{len(raised)} new notifications; {retried} earlier ones tried again", highlight=False)


def _notification_row(n: Any) -> dict[str, Any]:
    e = n.message.get("event", {})
    return {
        "id": n.id,
        "raised": n.created_at,
        "alert": n.alert,
        "event": n.event,
        "date": e.get("date"),
        "source": e.get("source"),
        "source_country": e.get("source_country"),
        "target": e.get("target"),
        "target_country": e.get("target_country"),
        "cameo": e.get("cameo"),
        "cameo_name": e.get("cameo_name"),
        "goldstein": e.get("goldstein"),
        "num_articles": e.get("num_articles"),
        "status": n.status,
        "jsonl": n.jsonl_status,
        "webhook": n.webhook_status,
        "attempts": n.attempts,
        "last_error": n.last_error,
        "url": n.message.get("url"),
        "evidence": n.message.get("evidence"),
    }


def _alerts_table(rows: list[dict[str, Any]]) -> Table:
    t = Table(title=f"{len(rows)} alerts" if rows else "no alerts", title_justify="left")
    for name, options in (("#", {"justify": "right"}), ("conditions", {"ratio": 2}), ("sends to", {"ratio": 2})):
        t.add_column(name, **options)
    t.add_column("raised", justify="right")
    t.add_column("added", no_wrap=True)
    for r in rows:
        sends = "\n".join(x for x in (r["jsonl"] or "the notifications file", r["webhook"]) if x)
        t.add_row(
            str(r["id"]), r["description"], sends, str(r["raised"]), (r["created_at"] or "")[:16].replace("T", " ")
        )
    return t


def _notifications_table(rows: list[dict[str, Any]]) -> Table:
    t = Table(title=f"{len(rows)} notifications" if rows else "no notifications", title_justify="left")
    t.add_column("#", justify="right")
    t.add_column("raised", no_wrap=True)
    t.add_column("alert", justify="right")
    t.add_column("event", ratio=3)
    t.add_column("delivery", ratio=1)
    for r in rows:
        who = f"{_side(r['source'], r['source_country'])} -> {_side(r['target'], r['target_country'])}"
        event = f"#{r['event']} {r['date'] or 'undated'} {who}\n{r['cameo']} {r['cameo_name']}, {r['num_articles']} art.\n{r['url']}"
        channels = [f"file {r['jsonl']}"] + ([f"webhook {r['webhook']}"] if r["webhook"] else [])
        delivery = r["status"] + "\n" + "\n".join(channels)
        if r["last_error"] and r["status"] != "sent":
            delivery += f"\n{r['last_error']}"
        t.add_row(str(r["id"]), r["raised"][:16].replace("T", " "), str(r["alert"]), event, delivery)
    return t


def _side(name: str | None, country: str | None) -> str:
    return f"{name or '?'} ({country})" if country else name or "?"
