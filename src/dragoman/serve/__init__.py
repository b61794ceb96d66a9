"""Serve: a read-only JSON API (FastAPI, OpenAPI at /openapi.json) and a local web UI over a store."""

from dragoman.serve.app import create_app

__all__ = ["create_app"]
