"""Exceptions raised at dragoman's edges.

::

    DragomanError
    ├── InputError            bad file, path or stdin given by the user
    ├── SettingsError         bad settings file or flag value
    ├── DataFileError         a packaged or user data file (dictionary, gazetteer) is malformed
    ├── ModelMissingError     the trained NLP model is not where it should be
    ├── GoldFormatError       a gold file for ``dragoman eval`` has an unknown shape
    └── ShardsFailedError     some shards of a corpus run failed (the rest are finished)

Inside a batch, failures of one article are not raised: they become
:class:`dragoman.records.Rejection` records.
"""

from __future__ import annotations

from typing import Sequence


class DragomanError(Exception):
    """Base class of every error dragoman raises on purpose."""


class InputError(DragomanError):
    """A path, file or stream given by the user cannot be read."""


class SettingsError(DragomanError):
    """A settings file or flag holds a value dragoman does not accept."""


class DataFileError(DragomanError):
    """A data file (dictionary, knowledge base, pattern list) is malformed."""


class ModelMissingError(DragomanError):
    """The trained NLP model files are absent."""


class GoldFormatError(DragomanError):
    """A gold file's records are not in a shape ``dragoman eval`` knows."""


class ShardsFailedError(DragomanError):
    """Some shards raised; the others are finished and a rerun redoes only the failed ones."""

    def __init__(self, failed: Sequence[tuple[str, str]], shards: int) -> None:
        self.failed = tuple(failed)
        names = "; ".join(f"{key}: {why}" for key, why in self.failed)
        super().__init__(f"{len(self.failed)} of {shards} shards failed ({names}); fix the cause and run again to resume")
