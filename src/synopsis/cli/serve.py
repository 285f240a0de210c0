"""The ``serve`` command: the web app and HTTP API over a store."""

from __future__ import annotations

import click


@click.command("serve")
@click.option("--db", "db_path", default="synopsis.db", show_default=True, envvar="SYNOPSIS_DB", help="SQLite store to serve.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0 exposes it to the network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--allow-private-urls",
    is_flag=True,
    help="Let 'add by URL' fetch loopback and private addresses (off: a server must not reach into its own network).",
)
def serve_command(db_path, host, port, allow_private_urls):
    """Browse stories, disputes and sources in a browser; JSON API under /api (OpenAPI at /openapi.json).

    \b
    Examples:
      synopsis ingest ../shared/corpus/istanbul-2025 --db news.db
      synopsis serve --db news.db            # then open http://127.0.0.1:8000/
    """
    import uvicorn

    from synopsis.server.app import create_app

    app = create_app(db_path, allow_private_urls=allow_private_urls)
    click.echo(f"serving {db_path} on http://{host}:{port}/ (Ctrl+C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
    return 0
