"""An article's outlet: who published it, so that a store counts the *sources* of an event in outlets, not files.

The outlet is, in this order (the first one found):

1. a field of the record naming it: ``outlet``, ``publisher``, ``site_name`` or ``sitename`` (a JSON or JSONL
   record's own fields, kept in ``Article.metadata``; an HTML page's site name, which ingest keeps there as
   ``sitename``), when it is a non-empty string;
2. the host of the article's ``url``, lower case and without a leading ``www.`` (``https://www.reuters.com/x`` → ``reuters.com``);
3. a record's ``source`` field. It comes last because corpora also use ``source`` for where a record was
   collected from (a dataset, a file in a repository), which says less about who published it than a URL.

Anything else (a plain text file, a record without these) has no outlet: ``None``. Whitespace inside a name
is collapsed and a name is cut at :data:`MAX_CHARS`. The store compares outlets case-blind (docs/store.md).
"""

from __future__ import annotations

import urllib.parse
from typing import Mapping

from dragoman.records import JsonScalar

OUTLET_FIELDS = ("outlet", "publisher", "site_name", "sitename")
"""Record fields that name the outlet, most explicit first."""
FALLBACK_FIELDS = ("source",)
"""Record fields read for the outlet only when there is neither an outlet field nor a URL."""
MAX_CHARS = 200


def _name(value: JsonScalar) -> str | None:
    if not isinstance(value, str):
        return None
    name = " ".join(value.split())[:MAX_CHARS]
    return name or None


def url_domain(url: str | None) -> str | None:
    """The host of ``url`` (lower case, no ``www.``, no port); ``None`` when it has none."""
    if not url:
        return None
    try:
        host = urllib.parse.urlsplit(url.strip()).hostname
    except ValueError:  # an unparseable netloc, e.g. "http://[bad"
        return None
    if not host:
        return None
    host = host.rstrip(".").removeprefix("www.")
    return host[:MAX_CHARS] or None


def outlet_of(url: str | None, metadata: Mapping[str, JsonScalar]) -> str | None:
    """The outlet of an article with this ``url`` and ``metadata`` (the module's rule); ``None`` when unknown."""
    for key in OUTLET_FIELDS:
        name = _name(metadata.get(key))
        if name is not None:
            return name
    domain = url_domain(url)
    if domain is not None:
        return domain
    return next((n for n in (_name(metadata.get(k)) for k in FALLBACK_FIELDS) if n is not None), None)
