"""The ``serve`` command: the web app and HTTP API over a store."""

from __future__ import annotations

import socket
from pathlib import Path

import click

from synopsis.records import SynopsisError


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to host:port (port 0: one the system picks), bound here rather than by
    uvicorn so that a taken port fails before the "serving" line, and that line gives the real port."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as err:
        raise SynopsisError(f"cannot listen on {host}: {err.strerror.lower() if err.strerror else err}") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: restart at once after a stop
    try:
        sock.bind(address)
    except OSError as err:
        sock.close()
        raise SynopsisError(f"cannot listen on {host}:{port}: {(err.strerror or str(err)).lower()}") from None
    return sock


@click.command("serve")
@click.option("--db", "db_path", default="synopsis.db", show_default=True, envvar="SYNOPSIS_DB", help="SQLite store to serve (env SYNOPSIS_DB).")
@click.option("--create", is_flag=True, help="Start a new, empty database when there is none at --db (articles are then added on the add page).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0 exposes it to the network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on (0: any free one, printed).")
@click.option(
    "--allow-private-urls",
    is_flag=True,
    help="Let 'add by URL' fetch loopback and private addresses (off: a server must not reach into its own network).",
)
def serve_command(db_path, create, host, port, allow_private_urls):
    """Browse stories, disputes and sources in a browser; JSON API under /api (OpenAPI at /openapi.json).

    \b
    Examples:
      synopsis ingest ../shared/corpus/istanbul-2025 --db news.db
      synopsis serve --db news.db            # then open http://127.0.0.1:8000/
    """
    import uvicorn

    from synopsis.server.app import create_app

    if db_path != ":memory:" and not Path(db_path).expanduser().exists():
        if not create:
            raise SynopsisError(
                f"no database at {db_path}; `synopsis ingest ... --db {db_path}` makes one (or serve --create starts an empty one)"
            )
        click.echo(f"synopsis: new empty database {db_path}: add articles at /add", err=True)
    app = create_app(str(Path(db_path).expanduser()) if db_path != ":memory:" else db_path, allow_private_urls=allow_private_urls)
    if db_path != ":memory:":
        from synopsis.cli.articles import warn_if_stale
        from synopsis.store.db import Store

        with Store.open(Path(db_path).expanduser()) as store:
            warn_if_stale(store, db_path)
    sock = listening_socket(host, port)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"serving {db_path} on http://{shown}:{bound}/ (Ctrl+C stops)", err=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    server.run(sockets=[sock])
    return 0
