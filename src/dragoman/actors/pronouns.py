"""Pronouns and definite descriptions, resolved by a documented heuristic.

The heuristic (see docs/actors.md):

* ``he/him/his/she/her`` take a person. Candidates are the person mentions before the
  pronoun in the same sentence, else those of the nearest earlier sentence that has
  one (up to ``window`` sentences back). Among candidates the *first* of the sentence
  wins (news sentences open with their subject), skipping any whose known gender
  disagrees with the pronoun.
* ``it`` as the subject of a clause conjoined to one whose subject is a state or organisation takes
  that subject ("The U.S. military acknowledged ..., but it denied ...");
* ``it`` as the subject of a speech verb ("it added") takes a state, organisation or group like ``they``,
  unless it opens its sentence after one whose subject is a thing no actor mention covers ("The
  platform reflects ... It also says"); any other "it" is left alone (mostly a dummy subject).
* ``they/them/their`` and "the country" take a state, organisation or group by the
  same rule; ``its`` and "the country" (a state) take the *nearest* such mention before
  it in its sentence ("support Turkey in its fight"), else the first of an earlier one; a
  mention inside an aside that closes before the pronoun (an apposition opened by a/an/the,
  "Pakistan, a key U.S. ally, urged its citizens", or a bracket) is passed over.
* A pronoun outside quotation marks never takes a mention inside them ("“There will be no Bashar
  al-Assad in the future,” he told a newspaper": not Assad).
* A pronoun inside a relative clause takes the clause's antecedent ("Joe Biden, who declared
  his support": his = Biden).
* "his/her counterpart" is the most recent other person, preferring one of another
  country: the other party of the exchange in progress.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Token

from dragoman.actors.knowledge import KnowledgeBase
from dragoman.records import ActorMention, Article, MentionRole, MentionSource, RemovedSpan, Span

STAGE = "actors.pronouns.v1"
_PERSONAL = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_COLLECTIVE = frozenset({"they", "them", "their", "its", "itself", "themselves"})
# the owner forms ("her" also as an object: the tagger is not asked)
_POSSESSIVE = frozenset({"his", "her", "hers", "its", "their", "theirs"})


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = n
    return index


def resolve_pronouns(doc: Doc, article: Article, removed: tuple[RemovedSpan, ...], named: list[ActorMention], kb: KnowledgeBase, window: int = 3,
                     speech: frozenset[str] = frozenset()) -> list[ActorMention]:
    """Mentions for pronouns, "the country" and "his counterpart", resolved to earlier mentions."""
    sent_of = _sentence_index(doc)
    skip = [(r.span.start, r.span.end) for r in removed]
    mentions = sorted(named, key=lambda m: m.span.start)
    starts = {m.span.start for m in mentions}
    token_at = {t.idx: t.i for t in doc}
    out: list[ActorMention] = []

    def sentence_of(mention: ActorMention) -> int:
        i = token_at.get(mention.span.start)
        if i is None:
            span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            i = span.start if span is not None else 0
        return sent_of[i]

    quoted = _quoted_ranges(article.text)

    def pick(token_i: int, persons: bool, gender: str | None, states_only: bool = False, nearest: bool = False) -> ActorMention | None:
        here = sent_of[token_i]
        pool = sorted([*mentions, *out], key=lambda m: m.span.start)
        if not _inside(quoted, doc[token_i].idx):
            # "“There will be no Bashar al-Assad in the future,” he told a newspaper": a pronoun outside
            # quotation marks does not refer to someone the quotation names
            pool = [m for m in pool if not _inside(quoted, m.span.start)]
        pool = [m for m in pool if m.role is not MentionRole.PLACE]  # "New Mexico Senator X ... their support": a place says where, it does not act
        for back in range(0, window + 1):
            target = here - back
            if target < 0:
                break
            candidates = [
                m for m in pool
                if sentence_of(m) == target and m.span.start < doc[token_i].idx
                and ((m.actor.kind == "person") if persons else (m.actor.kind != "person"))
                and (not states_only or m.actor.kind == "state")
                and (gender is None or _gender(kb, m) in (None, gender))
            ]
            if candidates:
                if nearest and back == 0:
                    inner = [m for m in candidates if not _parenthetical(doc, m, token_i)]
                    return (inner or candidates)[-1]
                return candidates[0]
        return None

    for token in doc:
        if any(s <= token.idx < e for s, e in skip) or token.idx in starts:
            continue
        lower = token.lower_
        antecedent: ActorMention | None = None
        rule, found_by = "", MentionSource.PRONOUN
        end = token.idx + len(token.text)
        if lower in _PERSONAL:
            antecedent = _relative_antecedent(doc, token.i, [*mentions, *out])
            rule = f"pronoun.{lower}.relative" if antecedent is not None else f"pronoun.{lower}"
            if antecedent is None:
                antecedent = pick(token.i, True, _PERSONAL[lower])
        elif lower == "it" and token.dep_ in {"nsubj", "nsubj:pass"} and (conjoined := _conjoined_subject(token, [*mentions, *out])) is not None:
            # "The U.S. military acknowledged that the plane crashed, but it denied ...": the subject of the clause it is conjoined to
            antecedent, rule = conjoined, "pronoun.it.conjoined"
        elif lower == "it" and token.dep_ in {"nsubj", "nsubj:pass"} and token.head.lower_ in speech:
            # "“…,” it added": a speaking "it" is the organisation or state quoted before, never a dummy subject
            if not _follows_a_thing(doc, token.i, [*mentions, *out]):
                antecedent, rule = pick(token.i, False, None), "pronoun.it.speaker"
        elif lower in _COLLECTIVE:
            antecedent = _relative_antecedent(doc, token.i, [*mentions, *out], persons=False)
            rule = f"pronoun.{lower}.relative" if antecedent is not None else f"pronoun.{lower}"
            if antecedent is None:
                antecedent = pick(token.i, False, None, nearest=lower in {"its", "itself"})
        elif lower == "country" and token.i > 0 and doc[token.i - 1].lower_ == "the":
            antecedent, rule = pick(token.i, False, None, states_only=True, nearest=True), "definite.the-country"
            found_by = MentionSource.DEFINITE
        elif lower == "counterpart" and token.i > 0 and doc[token.i - 1].lower_ in {"his", "her", "their"}:
            owner = next((m for m in reversed(out) if m.span.start == doc[token.i - 1].idx), None)
            antecedent, rule = _counterpart(doc, token.i, [*mentions, *out], owner), "definite.counterpart"
            found_by = MentionSource.DEFINITE
        if antecedent is None:
            continue
        mention = ActorMention(Span(article.id, token.idx, end, article.text[token.idx:end]), antecedent.actor, rule, STAGE, found_by,
                               antecedent=antecedent.span, possessive=found_by is MentionSource.PRONOUN and lower in _POSSESSIVE)
        out.append(mention)
    return out


def _conjoined_subject(token: Token, pool: list[ActorMention]) -> ActorMention | None:
    """The state or organisation that is the subject of the clause an "it" clause is conjoined to."""
    verb = token.head
    if verb.dep_ != "conj" or verb.head is verb:
        return None
    subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubj:pass"} and c.i < token.i), None)
    if subject is None:
        return None
    return next((m for m in pool if m.span.start <= subject.idx < m.span.end and m.actor.kind != "person"), None)


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks: curly pairs, and straight double quotes paired in order;
    sorted, with ranges that overlap merged, for :func:`_inside`'s binary search."""
    found: list[tuple[int, int]] = []
    opened: int | None = None
    for i, ch in enumerate(text):
        if ch == "“":
            opened = i
        elif ch == "”" and opened is not None:
            found.append((opened, i))
            opened = None
    straight = [i for i, ch in enumerate(text) if ch == '"']
    found += [(straight[k], straight[k + 1]) for k in range(0, len(straight) - 1, 2)]
    merged: list[tuple[int, int]] = []
    for a, b in sorted(found):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _inside(ranges: list[tuple[int, int]], at: int) -> bool:
    """Is ``at`` strictly inside one of the sorted, disjoint ``ranges``? (one lookup per mention of every pronoun)"""
    k = bisect_right(ranges, at, key=lambda r: r[0]) - 1  # the last range starting at or before ``at``
    return k >= 0 and ranges[k][0] < at < ranges[k][1]


def _follows_a_thing(doc: Doc, token_i: int, pool: list[ActorMention]) -> bool:
    """An "it" opening its sentence continues the previous sentence's subject; when that subject's
    head is a common noun no actor mention covers ("The Republican platform reflects ... It also
    says ..."), "it" is that thing, not an actor."""
    token = doc[token_i]
    if token.i != token.sent.start or token.sent.start == 0:
        return False
    previous = doc[token.sent.start - 1].sent
    subject = next((c for c in previous.root.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
    if subject is None or subject.pos_ != "NOUN":
        return False
    return not any(m.span.start <= subject.idx < m.span.end for m in pool)


def _parenthetical(doc: Doc, mention: ActorMention, token_i: int) -> bool:
    """True for a mention inside an aside that closes before the pronoun: an apposition
    ("Pakistan, a key U.S. ally, urged its citizens") or a bracket ("the group (FDD) ... its")."""
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None:
        return False
    sent_start = span.sent.start
    opener = None
    for i in range(span.start - 1, sent_start - 1, -1):
        if doc[i].text in {",", "(", ";", ":"} or doc[i].pos_ in {"VERB", "AUX"}:
            opener = i if doc[i].text in {",", "("} else None
            break
    if opener is None or opener == sent_start:
        return False
    closer_text = ")" if doc[opener].text == "(" else ","
    closer = next((i for i in range(span.end, token_i) if doc[i].text in {closer_text, ";", ":"} or (closer_text == "," and doc[i].pos_ in {"VERB", "AUX"})), None)
    if closer is None or doc[closer].text != closer_text:
        return False
    if closer_text == ")":
        return True
    return doc[opener + 1].lower_ in {"a", "an", "the"}


def _relative_antecedent(doc: Doc, token_i: int, pool: list[ActorMention], persons: bool = True) -> ActorMention | None:
    """In "Joe Biden, who declared his support", the pronoun is the relative clause's antecedent; in
    "the United Arab Emirates, which have all downgraded their relationships", so is "their"."""
    i = token_i - 1
    while i > 0 and token_i - i <= 8:
        word = doc[i].lower_
        if word in {".", ";", "“", "”", "\""} or doc[i].is_sent_start:
            return None
        if word == ("who" if persons else "which"):
            j = i - 1 if doc[i - 1].text != "," else i - 2
            end_char = doc[j].idx + len(doc[j].text)
            return next((m for m in pool if m.span.end == end_char and (m.actor.kind == "person") == persons), None)
        i -= 1
    return None


def _gender(kb: KnowledgeBase, mention: ActorMention) -> str | None:
    pid = mention.actor.person_id
    if pid and pid in kb.people:
        return kb.people[pid].gender
    return None


def _counterpart(doc: Doc, token_i: int, pool: list[ActorMention], owner: ActorMention | None) -> ActorMention | None:
    before = sorted((m for m in pool if m.span.start < doc[token_i].idx and m.actor.kind == "person"), key=lambda m: m.span.start)
    if owner is None:
        return None
    others = [m for m in before if m.actor.name != owner.actor.name]
    foreign = [m for m in others if m.actor.country and m.actor.country != owner.actor.country]
    chosen = (foreign or others)[-1:] 
    return replace(chosen[0]) if chosen else None
