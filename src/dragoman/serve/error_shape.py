"""The one shape of every error the server sends, whichever layer refuses the request::

    {"error": {"status": 404, "title": "Not Found", "detail": "no article with id 'x'"}}

The routes' exception handlers (``app.py``) and the Host check (``hosts.py``) both answer through
:func:`error_response`, so a refusal before routing looks like one after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Mapping

from fastapi.responses import JSONResponse


@dataclass(frozen=True, slots=True)
class ErrorDetail:
    status: int
    title: str
    detail: Any


@dataclass(frozen=True, slots=True)
class ErrorBody:
    """The one shape of every error response."""

    error: ErrorDetail


def status_title(status: int) -> str:
    """The standard reason phrase of ``status`` ("Not Found"), or "Error" for a code without one."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def error_response(status: int, title: str, detail: Any, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """An error in the one shape; ``headers`` go along (``Allow`` on a 405)."""
    return JSONResponse({"error": {"status": status, "title": title, "detail": detail}}, status_code=status, headers=headers)
