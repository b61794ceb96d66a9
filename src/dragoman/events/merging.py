"""One event per (source, target, code, date) in an article: the coder's merging of its readings, and the
adversary step's merging of an aimed event into one already coded (events/coder.py, events/adversary.py)."""

from __future__ import annotations

from dataclasses import replace

from dragoman.events.assertion import EMITTED
from dragoman.records import Event, Span


def event_key(event: Event) -> tuple[object, ...]:
    """One event per (source, target, code, date) in an article."""
    target = event.target.actor if event.target else None
    return (event.source.actor.code, event.source.actor.name, target.code if target else None, target.name if target else None, event.cameo, event.date)


class Merging:
    """One event per key: a later reading adds the evidence not yet there, keeps the higher confidence and the
    emitted assertion. The evidence is gathered in a list and a set and joined to its event at the end (a tuple
    copied and searched at every reading was quadratic in the readings of one event: a text that repeats
    "Obama met Putin." a thousand times)."""

    def __init__(self) -> None:
        self._events: dict[tuple[object, ...], Event] = {}
        self._evidence: dict[tuple[object, ...], list[Span]] = {}
        self._seen: dict[tuple[object, ...], set[Span]] = {}

    def add(self, event: Event, *, same_evidence: bool = False) -> None:
        """Merge ``event`` into the one of its key; a reading whose first span is there already is the same
        reading again and changes nothing, unless ``same_evidence`` (an event merged from elsewhere)."""
        key = event_key(event)
        old = self._events.get(key)
        if old is None:
            self._events[key] = event
            self._evidence[key], self._seen[key] = list(event.evidence), set(event.evidence)
            return
        if event.evidence[0] in self._seen[key] and not same_evidence:
            return
        better = event if old.assertion not in EMITTED and event.assertion in EMITTED else old
        self._events[key] = replace(old, confidence=max(old.confidence, event.confidence), assertion=better.assertion,
                                    assertion_reason=better.assertion_reason)
        fresh = [s for s in event.evidence if s not in self._seen[key]]
        self._evidence[key].extend(fresh)
        self._seen[key].update(fresh)

    def events(self) -> dict[tuple[object, ...], Event]:
        """The merged events by key, each with all its evidence in the order it came."""
        return {key: e if len(self._evidence[key]) == len(e.evidence) else replace(e, evidence=tuple(self._evidence[key]))
                for key, e in self._events.items()}
