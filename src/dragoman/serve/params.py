"""The rules every request parameter follows, each written once.

- A date is an ISO date, ``YYYY-MM-DD``, and nothing else (:data:`Day`): pydantic alone would also
  read ``start=0`` or ``start=1700000000`` as a Unix timestamp.
- No parameter, in the query or the path, may hold a NUL character (:func:`refuse_nul`, a
  dependency of the whole app): SQLite ends a ``LIKE`` pattern at NUL, so ``speaker=%00`` would
  match every row.

Either refusal is a 422 in the one error shape, like any other invalid parameter.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from fastapi import Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BeforeValidator

MAX_OFFSET = 1_000_000_000
MAX_ID = 1024
"""The longest article id a request may name (ingest refuses longer ids: ``ingest.max_id_chars``, 256 by default)."""
NO_NUL = r"^[^\x00]*$"
"""The pattern of every free-text parameter: any text without NUL, so the published schema says what :func:`refuse_nul` enforces."""
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: object) -> object:
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError(f"{value!r} is not a date written YYYY-MM-DD, such as 2022-07-19")
    return value


Day = Annotated[dt.date | None, BeforeValidator(_iso_date), Query(description="YYYY-MM-DD, inclusive.")]
Limit = Annotated[int, Query(ge=1, le=1000, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Results to skip.")]
Code = Annotated[str | None, Query(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9]+$", description="Actor code or country (TUR, TURGOV).")]
UnitParam = Annotated[Literal["events", "mentions"], Query(
    description="What is listed or counted: events (the reports of one act merged into one event) or mentions (every event coded from every article).")]
EventId = Annotated[str, PathParam(min_length=1, max_length=64, pattern=r"^[0-9a-f]+$", description="An event id (event_id of /api/events).")]


def refuse_nul(request: Request) -> None:
    """Refuse a request with a NUL character in any query or path parameter (a dependency of every route)."""
    errors: list[dict[str, Any]] = [
        {"loc": (where, name), "msg": "must not contain a NUL character (\\x00)", "type": "value_error"}
        for where, params in (("query", request.query_params.multi_items()), ("path", request.path_params.items()))
        for name, value in params
        if "\x00" in name or (isinstance(value, str) and "\x00" in value)
    ]
    if errors:
        raise RequestValidationError(errors)
