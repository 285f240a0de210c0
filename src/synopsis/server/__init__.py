"""The web app and HTTP API over a synopsis store (``synopsis serve``)."""

from synopsis.server.app import create_app

__all__ = ["create_app"]
