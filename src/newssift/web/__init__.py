"""The local web app (FastAPI, server-rendered pages over the store)."""
from .app import create_app, serve

__all__ = ["create_app", "serve"]
