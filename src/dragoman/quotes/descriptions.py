"""Speakers named by a description rather than a name: "the Senate Democratic leader said",
"said a former U.S. law enforcement official", "one attendee, who …, said".

The description is kept as the speaker's evidence (rule ``quote.description``, no actor
name): it is what the text gives, and nothing is guessed beyond it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dragoman.records import Actor, ActorMention, Article, MentionSource

_DETERMINERS = frozenset("the a an one two three some many several his her their its our this that these those another".split())
_NOT_IN_DESCRIPTION = frozenset(
    "is was are were be been has have had will would can could may might must do does did not n't and or but "
    "who whom whose which that when where while if as at in on by for with from to into about after before than "
    "he she they we i it you there said says told added".split()
)
_MAX_WORDS = 9
_PLURAL_GROUPS = frozenset("sources officials aides advisers advisors officers critics supporters members experts analysts".split())


def _word(doc: Doc, k: int) -> bool:
    text = doc[k].text
    if doc[k].lower_ in _NOT_IN_DESCRIPTION:
        return False
    return text in {"-", "’s", "'s", "&"} or any(ch.isalpha() for ch in text)


def _mention(article: Article, doc: Doc, first: int, last: int, stage: str) -> ActorMention | None:
    head = doc[last]
    acronym = head.is_upper and head.is_alpha and len(head) > 1 and doc[first].lower_ == "the"  # "the ACU said"
    if not (head.is_lower or acronym) or not head.is_alpha or head.lower_.endswith("ly") or last - first + 1 > _MAX_WORDS:
        return None
    start, end = doc[first].idx, head.idx + len(head)
    kind = "group" if head.lower_ in _PLURAL_GROUPS else "organization" if acronym else "person"
    actor = Actor(code=None, name=None, country=None, kind=kind)  # type: ignore[arg-type]
    return ActorMention(article.span(start, end), actor, "quote.description", stage, MentionSource.SPEAKER_DESCRIPTION)


def description_before(article: Article, doc: Doc, j: int, lo: int, stage: str) -> ActorMention | None:
    """A description ending at token ``j`` and starting at a determiner or at ``lo``."""
    if j < lo or not _word(doc, j):
        return None
    first = j
    while first - 1 >= lo and _word(doc, first - 1) and j - first < _MAX_WORDS:
        if doc[first].lower_ in _DETERMINERS:
            break
        first -= 1
    if doc[first].lower_ not in _DETERMINERS and first != lo:
        return None
    while first - 1 >= lo and doc[first - 1].lower_ in _DETERMINERS:
        first -= 1  # "the two lawmakers"
    if first == j:
        return None
    return _mention(article, doc, first, j, stage)


def description_after(article: Article, doc: Doc, k: int, hi: int, stage: str) -> ActorMention | None:
    """A description starting at token ``k`` with a determiner ("said a senior official who …")."""
    if k >= hi or doc[k].lower_ not in _DETERMINERS:
        return None
    last = k
    while last + 1 < hi and _word(doc, last + 1) and last + 1 - k < _MAX_WORDS:
        last += 1
    while last > k and not (doc[last].is_lower and doc[last].is_alpha):
        last -= 1
    if last == k:
        return None
    return _mention(article, doc, k, last, stage)
