"""Exceptions raised at dragoman's edges.

::

    DragomanError
    ├── InputError            bad file, path or stdin given by the user
    ├── SettingsError         bad settings file or flag value
    ├── DataFileError         a packaged or user data file (dictionary, gazetteer) is malformed
    ├── ModelMissingError     the trained NLP model is not where it should be
    ├── GoldFormatError       a gold file for ``dragoman eval`` has an unknown shape
    ├── ShardsFailedError     some shards of a corpus run failed (the rest are finished)
    └── ArticleError          one article cannot go through a stage (longer than ``nlp.max_chars``)

Inside a batch, a ``DragomanError`` raised by a stage on one article is not raised: it becomes a
:class:`dragoman.records.Rejection` naming the stage (:func:`dragoman.pipeline.trace`). Any other
exception raised by a stage is a bug in dragoman and propagates.
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


class ArticleError(DragomanError):
    """One article cannot go through a stage; the pipeline turns it into a Rejection of that stage.

    ``reason`` is the short reason of the Rejection ("too long"), the message its detail.
    """

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        super().__init__(detail)
