"""The dateline place of an article: where wire copy says the story was filed.

A dateline opens the text: a place in capitals, optionally a region or country
and a date, optionally the agency in brackets, then a dash or colon:

    WASHINGTON (Reuters) - ...
    KABUL, Afghanistan — ...
    UNITED NATIONS, March 3 (AP) -- ...
    Nairobi (AFP) - ...            (mixed case only with the agency)

It is read from ``Article.text`` itself, so it is found whether or not the
clean stage marked it as a removed span. When the text has none, an ingest
field ``dateline`` (kept in ``Article.metadata`` by the JSONL reader, e.g.
``"ONCUPINAR, TURKEY"``) is read the same way. The place is geocoded with the
gazetteer; a region the gazetteer knows picks the candidate in its country
("PARIS, Texas" is in the USA), and stands in for a place it lacks when the
region is a country ("ONCUPINAR, TURKEY"). A name the gazetteer lacks ("WHITE
HOUSE", "UNITED NATIONS") gives ``None``.
"""

from __future__ import annotations

import re

from dragoman.places.gazetteer import Gazetteer, GazetteerEntry
from dragoman.records import Article, Place

__all__ = ["dateline_place"]

_NAME = r"[A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*){0,3}"
_DATELINE_RE = re.compile(
    r"[ \t]*(?P<place>" + _NAME + r")"
    r"(?:[ \t]*,[ \t]*(?P<region>" + _NAME + r"))?"
    r"(?:[ \t]*,[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?))?"
    r"[ \t]*(?:\((?P<agency>[^()\n]{1,40})\)[ \t]*)?"
    r"(?:[-–—]{1,2}|:)[ \t]+(?=\S)"
)
_FIELD_RE = re.compile(r"\s*(?P<place>" + _NAME + r")(?:\s*,\s*(?P<region>" + _NAME + r"))?\s*")


def dateline_place(article: Article, gazetteer: Gazetteer) -> Place | None:
    """The geocoded dateline place of ``article``, or ``None`` when it has no dateline the gazetteer knows.

    The place's span points into ``Article.text`` (at the region when the region
    stands in for the place); a place from the ``dateline`` metadata field has no span.
    """
    match = _DATELINE_RE.match(article.text)
    if match is not None and (match.group("place").isupper() or match.group("agency")):
        found = _geocode(gazetteer, match.group("place"), match.group("region"))
        if found is None:
            return None
        entry, by_region = found
        start, end = match.span("region" if by_region else "place")
        return Place(entry.name, entry.country, entry.lat, entry.lon, article.span(start, end))
    field = article.metadata.get("dateline")
    if isinstance(field, str):
        field_match = _FIELD_RE.fullmatch(field)
        if field_match is not None:
            found = _geocode(gazetteer, field_match.group("place"), field_match.group("region"))
            if found is not None:
                return Place(found[0].name, found[0].country, found[0].lat, found[0].lon)
    return None


def _geocode(gazetteer: Gazetteer, name: str, region: str | None) -> tuple[GazetteerEntry, bool] | None:
    """The entry for a dateline's place, and whether it is the region's (the place being unknown)."""
    region_entry = gazetteer.lookup(_unshout(region)) if region else None
    entry = None
    if region_entry is not None and region_entry.country is not None:
        entry = gazetteer.lookup(_unshout(name), region_entry.country)
    if entry is None:
        entry = gazetteer.lookup(_unshout(name))
    if entry is not None:
        return entry, False
    if region_entry is not None and region_entry.kind == "country":
        return region_entry, True  # "ONCUPINAR, TURKEY": a village the gazetteer lacks, in Turkey
    return None


def _unshout(name: str) -> str:
    """ "NEW YORK" → "New York": an all-capitals name would only match countries in the gazetteer.

    Three letters or fewer stay as they are ("US", "EU"): acronyms, countries only.
    """
    return name.title() if name.isupper() and len(name.replace(".", "")) > 3 else name
