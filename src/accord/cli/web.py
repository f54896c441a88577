"""`accord serve`: the dashboard and REST API over the store (needs the 'web' extra)."""

from __future__ import annotations

import typer

from ..config import Settings
from ..errors import UsageError
from . import app
from .common import err, user_errors


@app.command()
def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    allowed_host: list[str] | None = typer.Option(
        None,
        "--allowed-host",
        help="A host name (or address) clients reach the server by, repeatable; requests naming another "
        "Host are refused [env ACCORD_ALLOWED_HOSTS, comma-separated; default the --host address, with "
        "localhost and 127.0.0.1 when it is a loopback one; '*' for any].",
    ),
) -> None:
    """Serve the dashboard, the pages and the REST API (/docs describes it). Uploads (POST
    /api/documents) need ACCORD_API_TOKEN; set ACCORD_API_READ_TOKEN=1 to protect reads too."""
    url = ctx.obj["db"]  # --db before or after `serve`, else ACCORD_DB
    with user_errors():
        try:
            import uvicorn

            from ..web import create_app
            from ..web.security import allowed_hosts
        except ModuleNotFoundError as exc:
            raise UsageError(
                f"`accord serve` needs the web extra ({exc.name} is missing): pip install 'accord[web]'"
            ) from None
        settings = Settings()
        hosts = allowed_hosts(host, allowed_host or settings.allowed_hosts)
        web_app = create_app(url, settings, allowed_hosts=sorted(hosts) if hosts is not None else ["*"])
        from sqlalchemy.engine import make_url

        shown = make_url(url).render_as_string(hide_password=True)
        err.print(f"accord: serving {shown} at http://{host}:{port}/  (API reference at /docs)", highlight=False)
        answered = "any host name" if hosts is None else ", ".join(sorted(hosts))
        err.print(f"accord: answering requests for {answered} (--allowed-host adds others)", highlight=False)
        uvicorn.run(web_app, host=host, port=port, log_level="info")
