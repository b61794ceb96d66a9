"""Read-only access to a store: the connection every query opens, and the CAMEO names of its codes.

Kept apart from :mod:`dragoman.store.commands` so that the HTTP API and the package's ``__init__``
do not load the exporters (pyarrow, networkx) to read a store.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dragoman.errors import InputError
from dragoman.store.migrations import LATEST, schema_version


def open_readonly(db: Path) -> sqlite3.Connection:
    """A read-only connection to an existing store of the current schema version."""
    if not db.is_file():
        raise InputError(f"no database at {db}; build one with `dragoman code DIR --db {db}`")
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False, timeout=10)
        conn.execute("PRAGMA query_only = ON")
        version = schema_version(conn)
    except sqlite3.Error as e:
        raise InputError(f"{db} is not a readable SQLite database: {e}") from e
    if version != LATEST:
        conn.close()
        raise InputError(f"{db} has schema version {version}, this dragoman reads {LATEST}; upgrade it with `dragoman migrate --db {db}`")
    return conn


def cameo_names() -> dict[str, str]:
    """The name of every CAMEO code, for the rows a query returns."""
    from dragoman.events import load_cameo_table

    return {code: entry.name for code, entry in load_cameo_table().codes.items()}
