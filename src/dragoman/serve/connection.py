"""The store connection every route reads through: opened read-only for one request, closed after it."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Iterator

from fastapi import Depends, Request

from dragoman.store import open_readonly


def _connection(request: Request) -> Iterator[sqlite3.Connection]:
    conn = open_readonly(request.app.state.db_path)
    try:
        yield conn
    finally:
        conn.close()


Conn = Annotated[sqlite3.Connection, Depends(_connection)]
