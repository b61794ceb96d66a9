"""Pronouns and definite descriptions, resolved by a documented heuristic.

The heuristic (see docs/actors.md):

* ``he/him/his/she/her`` take a person. Candidates are the person mentions before the
  pronoun in the same sentence, else those of the nearest earlier sentence that has
  one (up to ``window`` sentences back). Among candidates the *first* of the sentence
  wins (news sentences open with their subject), skipping any whose known gender
  disagrees with the pronoun.
* ``it`` as the subject of a clause conjoined to one whose subject is a state or organisation takes
  that subject ("The U.S. military acknowledged ..., but it denied ...");
* ``it`` as the subject of a speech verb ("it added") or of a verbal act ("it chided Washington")
  takes a state, organisation or group like ``they``,
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
* "the North" / "the South" (capitalized, no name after) is the state "North X" / "South X" when the
  article names both "North X" and "South X" before it ("The South retaliated" after North and South Korea).
* "his/her counterpart" is the most recent other person, preferring one of another
  country: the other party of the exchange in progress.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Token

from dragoman.actors.knowledge import KnowledgeBase
from dragoman.ranges import Covered
from dragoman.records import ActorMention, Article, MentionRole, MentionSource, RemovedSpan

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


class _Pool:
    """The mentions a pronoun may take: the named ones, then the pronoun mentions made so far (``out``),
    indexed as they come: by sentence, by the token starts they cover, by their end, and the persons
    in text order. A pronoun's questions cost the mentions of a few sentences, not a copy and a
    scan of every mention of the article (quadratic in a long article)."""

    def __init__(self, doc: Doc, mentions: list[ActorMention]) -> None:
        self.doc = doc
        self.sent_of = _sentence_index(doc)
        self.token_at = {t.idx: t.i for t in doc}
        self.token_starts = [t.idx for t in doc]
        self.mentions = mentions
        self.out: list[ActorMention] = []
        self.by_sentence: dict[int, list[ActorMention]] = {}
        self.covering: dict[int, list[ActorMention]] = {}  # token start -> the mentions covering it, in pool order
        self.by_end: dict[int, list[ActorMention]] = {}
        self.out_at: dict[int, ActorMention] = {}
        self.named_persons = _Persons()
        self.out_persons = _Persons()
        for m in mentions:
            self._index(m)
            if m.actor.kind == "person":
                self.named_persons.append(m)

    def sentence_of(self, mention: ActorMention) -> int:
        i = self.token_at.get(mention.span.start)
        if i is None:
            span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            i = span.start if span is not None else 0
        return self.sent_of[i]

    def _index(self, m: ActorMention) -> None:
        self.by_sentence.setdefault(self.sentence_of(m), []).append(m)
        self.by_end.setdefault(m.span.end, []).append(m)
        for k in range(bisect_left(self.token_starts, m.span.start), bisect_left(self.token_starts, m.span.end)):
            self.covering.setdefault(self.token_starts[k], []).append(m)

    def add(self, m: ActorMention) -> None:
        self.out.append(m)
        self.out_at[m.span.start] = m
        self._index(m)
        if m.actor.kind == "person":
            self.out_persons.append(m)

    def in_sentence(self, n: int) -> list[ActorMention]:
        """The pool's mentions of sentence ``n`` in the pool's order, sorted by start (stably)."""
        return sorted(self.by_sentence.get(n, ()), key=lambda m: m.span.start)

    def covering_token(self, token: Token) -> list[ActorMention]:
        return self.covering.get(token.idx, [])

    def ending_at(self, end_char: int) -> list[ActorMention]:
        return self.by_end.get(end_char, [])


class _Persons:
    """Person mentions in text order, with, for each, the nearest earlier one of another name and
    of another country: the latest one that differs from an owner is found by a few jumps."""

    def __init__(self) -> None:
        self.items: list[ActorMention] = []
        self.starts: list[int] = []
        self.other_name: list[int] = []
        self.other_country: list[int] = []

    def append(self, m: ActorMention) -> None:
        k = len(self.items)
        prev = self.items[-1] if self.items else None
        self.other_name.append(-1 if prev is None else k - 1 if prev.actor.name != m.actor.name else self.other_name[k - 1])
        self.other_country.append(-1 if prev is None else k - 1 if prev.actor.country != m.actor.country else self.other_country[k - 1])
        self.items.append(m)
        self.starts.append(m.span.start)

    def latest(self, before: int, owner: ActorMention, foreign: bool) -> int:
        """The index of the latest mention starting before ``before`` whose name differs from the
        owner's (and, if ``foreign``, with a country other than the owner's), or -1."""
        k = bisect_left(self.starts, before) - 1
        while k >= 0:
            m = self.items[k]
            if foreign and not (m.actor.country and m.actor.country != owner.actor.country):
                k = self.other_country[k]  # this run of one country (or of none) is not foreign
            elif m.actor.name == owner.actor.name:
                k = self.other_name[k] if not foreign else k - 1
            else:
                return k
        return -1


def resolve_pronouns(doc: Doc, article: Article, removed: tuple[RemovedSpan, ...], named: list[ActorMention], kb: KnowledgeBase, window: int = 3,
                     speech: frozenset[str] = frozenset()) -> list[ActorMention]:
    """Mentions for pronouns, "the country" and "his counterpart", resolved to earlier mentions."""
    skip = Covered(len(article.text), ((r.span.start, r.span.end) for r in removed))
    mentions = sorted(named, key=lambda m: m.span.start)
    starts = {m.span.start for m in mentions}
    pool = _Pool(doc, mentions)
    out = pool.out
    sent_of = pool.sent_of
    quoted = _quoted_ranges(article.text)

    def pick(token_i: int, persons: bool, gender: str | None, states_only: bool = False, nearest: bool = False) -> ActorMention | None:
        here = sent_of[token_i]
        # "“There will be no Bashar al-Assad in the future,” he told a newspaper": a pronoun outside
        # quotation marks does not refer to someone the quotation names
        outside = not _inside(quoted, doc[token_i].idx)
        for back in range(0, window + 1):
            target = here - back
            if target < 0:
                break
            candidates = [
                m for m in pool.in_sentence(target)
                if not (outside and _inside(quoted, m.span.start))
                # "New Mexico Senator X ... their support": a place says where, it does not act; but "the country" is
                # the country last named, a place too ("its crew in Azerbaijan was expelled from the country")
                and (m.role is not MentionRole.PLACE or (states_only and m.actor.kind == "state"))
                and m.span.start < doc[token_i].idx
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
        if skip.at(token.idx) or token.idx in starts:
            continue
        lower = token.lower_
        antecedent: ActorMention | None = None
        rule, found_by = "", MentionSource.PRONOUN
        end = token.idx + len(token.text)
        if lower in _PERSONAL:
            antecedent = _relative_antecedent(doc, token.i, pool)
            rule = f"pronoun.{lower}.relative" if antecedent is not None else f"pronoun.{lower}"
            if antecedent is None:
                antecedent = pick(token.i, True, _PERSONAL[lower])
        elif lower == "it" and token.dep_ in {"nsubj", "nsubj:pass"} and (conjoined := _conjoined_subject(token, pool)) is not None:
            # "The U.S. military acknowledged that the plane crashed, but it denied ...": the subject of the clause it is conjoined to
            antecedent, rule = conjoined, "pronoun.it.conjoined"
        elif lower == "it" and token.dep_ in {"nsubj", "nsubj:pass"} and token.head.lower_ in speech:
            # "“…,” it added": a speaking "it" is the organisation or state quoted before, never a dummy subject
            if not _follows_a_thing(doc, token.i, pool):
                antecedent, rule = pick(token.i, False, None), "pronoun.it.speaker"
        elif lower in _COLLECTIVE:
            antecedent = _relative_antecedent(doc, token.i, pool, persons=False)
            rule = f"pronoun.{lower}.relative" if antecedent is not None else f"pronoun.{lower}"
            if antecedent is None:
                antecedent = pick(token.i, False, None, nearest=lower in {"its", "itself"})
        elif lower == "country" and token.i > 0 and doc[token.i - 1].lower_ == "the":
            antecedent, rule = pick(token.i, False, None, states_only=True, nearest=True), "definite.the-country"
            found_by = MentionSource.DEFINITE
        elif lower == "counterpart" and token.i > 0 and doc[token.i - 1].lower_ in {"his", "her", "their"}:
            owner = pool.out_at.get(doc[token.i - 1].idx)
            antecedent, rule = _counterpart(doc, token.i, pool, owner), "definite.counterpart"
            found_by = MentionSource.DEFINITE
        if antecedent is None:
            continue
        mention = ActorMention(article.span(token.idx, end), antecedent.actor, rule, STAGE, found_by,
                               antecedent=antecedent.span, possessive=found_by is MentionSource.PRONOUN and lower in _POSSESSIVE)
        pool.add(mention)
    return out


def _conjoined_subject(token: Token, pool: _Pool) -> ActorMention | None:
    """The state or organisation that is the subject of the clause an "it" clause is conjoined to."""
    verb = token.head
    if verb.dep_ != "conj" or verb.head is verb:
        return None
    subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubj:pass"} and c.i < token.i), None)
    if subject is None:
        return None
    return next((m for m in pool.covering_token(subject) if m.actor.kind != "person"), None)


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


def _follows_a_thing(doc: Doc, token_i: int, pool: _Pool) -> bool:
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
    return not pool.covering_token(subject)


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


def _relative_antecedent(doc: Doc, token_i: int, pool: _Pool, persons: bool = True) -> ActorMention | None:
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
            return next((m for m in pool.ending_at(end_char) if (m.actor.kind == "person") == persons), None)
        i -= 1
    return None


def _gender(kb: KnowledgeBase, mention: ActorMention) -> str | None:
    pid = mention.actor.person_id
    if pid and pid in kb.people:
        return kb.people[pid].gender
    return None


def _counterpart(doc: Doc, token_i: int, pool: _Pool, owner: ActorMention | None) -> ActorMention | None:
    """The latest person before the token, of another name than ``owner``'s, preferring one of
    another country (the persons named and those the pronouns took so far, in text order)."""
    if owner is None:
        return None
    at = doc[token_i].idx
    for foreign in (True, False):
        named, taken = pool.named_persons.latest(at, owner, foreign), pool.out_persons.latest(at, owner, foreign)
        chosen = [pool.named_persons.items[named]] if named >= 0 else []
        if taken >= 0:
            chosen.append(pool.out_persons.items[taken])
        if chosen:
            # the later in text; at the same start the named one comes first, as in a stable sort of named + taken
            return replace(max(chosen, key=lambda m: m.span.start) if len(chosen) == 1 or chosen[0].span.start != chosen[1].span.start else chosen[1])
    return None
