"""The API docs, ``/docs`` (Swagger UI) and ``/redoc`` (ReDoc), from vendored files only.

FastAPI's default pages load their scripts from a CDN and start Swagger UI with an inline script;
the page's Content-Security-Policy allows neither. Here both read ``static/vendor/`` (see its
README for the versions), and Swagger UI starts from ``static/docs.js``, so the docs work offline
under the same policy as the UI.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html
from fastapi.responses import FileResponse, HTMLResponse

NO_FAVICON = "data:,"  # an empty icon, so the browser asks for no /favicon.ico


def add_docs(app: FastAPI, static_dir: Path, content_security_policy: str) -> None:
    """Add ``/docs`` and ``/redoc`` to ``app``, whose static files are served at ``/static`` from ``static_dir``."""
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> FileResponse:
        return FileResponse(static_dir / "docs.html", media_type="text/html; charset=utf-8")

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        page = get_redoc_html(
            openapi_url=openapi_url, title=f"{app.title} API", redoc_js_url="/static/vendor/redoc.standalone.js",
            redoc_favicon_url=NO_FAVICON, with_google_fonts=False,
        )
        page.headers["Content-Security-Policy"] = content_security_policy
        return page
