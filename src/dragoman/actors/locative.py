"""Is a place name used as a place ("in Tehran") or as an actor ("talks with Tehran")?"""

from __future__ import annotations

from spacy.tokens import Doc

LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "inside", "outside", "across", "around", "throughout", "within", "into", "onto", "via", "through", "towards", "toward"}
)
_MOTION_WORDS = frozenset(
    {"visit", "visits", "visited", "visiting", "trip", "trips", "travel", "travels", "traveled", "travelled", "arrive", "arrived", "arrives", "arriving",
     "fly", "flew", "flown", "return", "returned", "returns", "went", "go", "goes", "came", "come", "journey", "journeyed", "moved", "back", "way", "flight", "flights", "route"}
)
# Words allowed between the preposition and the name: "in northwestern Syria", "in the Syrian city of".
BRIDGE_WORDS = frozenset(
    {"the", "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern", "central", "north", "south", "east", "west", "occupied", "neighbouring", "neighboring", "rural", "downtown"}
)


def is_locative(doc: Doc, start: int) -> bool:
    """True when the name starting at token ``start`` is the object of a locative phrase."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in BRIDGE_WORDS:
        i -= 1
    if i < 0:
        return False
    word = doc[i].lower_
    if word in LOCATIVE_PREPOSITIONS:
        return True
    # "visit to Tehran", "returned from Moscow" are places; "reach out to Moscow", "support from Russia" are actors
    if word in {"to", "from"} and i > 0 and doc[i - 1].lower_ in _MOTION_WORDS:
        return True
    if start + 2 < len(doc) and doc[start + 1].text == "-" and doc[start + 2].lower_ in {"based", "born", "headquartered"}:
        return True
    return False
