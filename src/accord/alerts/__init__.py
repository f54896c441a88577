"""Alerts: standing questions asked of every merged event linking stores, answered by a notification
appended to a JSON Lines file and optionally POSTed to a webhook, once per alert and event.

    rules.py     what an alert asks for (Alert), checked from typed-in values
    payload.py   what a notification says: the event, its evidence, its articles, its web page
    delivery.py  the JSON Lines file and the webhook (timeout, retries), never raising
    notify.py    fire(): raise what is new after a linking pass, deliver what is undelivered
    manage.py    add, list and remove alerts; read recent notifications

`accord ingest` (and the web's upload) call `fire` after linking; a watcher calls it after each batch,
with `echo` to print each notification as it is raised.
"""

from .manage import add_alert, count_recent, list_alerts, recent, remove_alert
from .notify import Notification, deliver, fire, notifications_file
from .rules import DEFAULT_STATUSES, Alert

__all__ = [
    "DEFAULT_STATUSES",
    "Alert",
    "Notification",
    "add_alert",
    "count_recent",
    "deliver",
    "fire",
    "list_alerts",
    "notifications_file",
    "recent",
    "remove_alert",
]
