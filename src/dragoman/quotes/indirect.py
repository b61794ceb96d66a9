"""Indirect speech: the clause a reporting cue reports, with the cue's subject as speaker.

Patterns, outside quotation marks: ``X said (that) CLAUSE``, ``X told Y (…) that CLAUSE``,
``CLAUSE, X said.``, ``CLAUSE, said X.``, ``…, saying (that) CLAUSE``, ``according to X,
CLAUSE`` / ``CLAUSE, according to X``. With a dependency parse the clause is the cue's
``ccomp`` subtree. A clause holding a short quoted phrase is reported as kind mixed; a
full quotation inside it is cut off (it is a direct quote of its own).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Sequence

from spacy.tokens import Token

from dragoman.quotes.direct import Found, resolve_slot
from dragoman.quotes.layout import Layout
from dragoman.knowledge import time_words
from dragoman.quotes.speakers import (
    SUBJECT_DEPS,
    SpeakerContext,
    SpeakerSlot,
    main_clause_subject,
    speaker_after_phrase,
    subject_after,
    subject_before,
)
from dragoman.ranges import Ranges, spans
from dragoman.records import ActorMention

_CLAUSE_STARTERS = frozenset(
    "he she they we i it there you the a an his her their its this these those our some no many "
    "most every several all".split()
)
_SUBJECT_PRONOUNS = frozenset("he she they we i it there you".split())
_FINITE_HINTS = frozenset(
    "would will is was has had could should can are were did does do may might must 's 're 've 'll 'd won't "
    "wasn't isn't hasn't didn't doesn't don't".split()
)
_TIME_WORDS = time_words("clause_time")
_TRAILING_LINKS = frozenset("as because and but or while since , ; : — – -".split())
_SET_OFF = frozenset({",", "—", "–"})  # marks around a parenthetical "X said"
_MIN_PIECE_WORDS = 6  # the part before a parenthetical cue is its own piece only from this length
_SUBJECT_WINDOW = 7  # tokens between a parenthetical's opening comma and its cue
# "..., saying CLAUSE" also after these: "denouncing the sanctions and claiming that ...", "after
# saying in late January they had liberated ...".
_BEFORE_PARTICIPLE = frozenset({"and", "after", "while", "before", "by", "when"})
_CLAUSE_OPENERS = frozenset({"and", "but", "that", "while", "because", "although", "though", "so"})
# With a tagger: a finite verb (past, present, modal) soon after the cue means a clause follows,
# and a clause may open with any noun phrase or adverb ("says groups also sometimes have ...") —
# except after verbs whose next noun phrase is the addressee ("told reporters ...").
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECT_POS = frozenset({"NOUN", "PROPN", "DET", "NUM", "ADV", "ADJ", "PRON"})
_DIRECTIVES = frozenset({"urge", "ask", "tell", "warn", "advise", "implore", "press", "encourage"})
_CUE_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # a finite cue, not "An estimated 80,000" or "whose claim acceptance rate"
_ADDRESSING = frozenset({"tell", "ask", "warn", "urge", "remind", "assure", "inform", "brief"})
_THAT_WINDOW = 9
_MIN_WORDS = 3
_BACKWARD_TAIL = 8


class _Quoted:
    """The quoted segments of the article (their ``(open, end)`` ranges), indexed once: every
    question the clause rules ask about them costs a bisection, not a scan of all of them."""

    def __init__(self, quoted: list[tuple[int, int]]) -> None:
        self.ranges = spans(quoted)
        self.ends = sorted(end for _, end in quoted)

    def holds(self, char: int) -> bool:
        """A segment holds the character at ``char``."""
        return self.ranges.holds(char)

    def cut_by(self, clause: tuple[int, int]) -> bool:
        """The clause overlaps a quoted segment that it does not wholly contain: a segment runs
        across one of its edges (starts before it and ends after it)."""
        a, b = clause
        if a > b:
            return any(x < b and a < y and not (a <= x and y <= b) for x, y in self.ranges.overlapping(a, b))
        return self.ranges.overlaps(a, a) or self.ranges.overlaps(b, b)

    def ending_in(self, lo: int, hi: int) -> bool:
        """A segment ends at an offset from ``lo`` to ``hi``, both included."""
        k = bisect_left(self.ends, lo)
        return k < len(self.ends) and self.ends[k] <= hi


def _finite_soon(tokens: list[Token]) -> bool:
    for token in tokens[1:7]:
        lower = token.lower_
        if lower in _FINITE_HINTS or (token.is_lower and lower.endswith("ed") and len(lower) > 3) or token.tag_ in _FINITE_TAGS:
            return True
        if token.is_punct:
            return False
    return False


def _opens_clause(ctx: SpeakerContext, p: int, lo: int) -> bool:
    """ "according to X" at ``p`` opens a new clause after a conjunction or a subordinator ("...
    a training ground and, according to analyst Muzhda, the Taliban would not ..."): it reports
    what follows, not what precedes."""
    doc = ctx.doc
    k = p - 1
    if k > lo and doc[k].text == ",":
        k -= 1
    return k >= lo and doc[k].lower_ in _CLAUSE_OPENERS


def _complement(ctx: SpeakerContext, p: int, verbal: bool = True) -> Token | None:
    """The clausal complement the parse gives the cue at ``p`` after it (``verbal``: only when the
    cue is tagged as a verb), or None."""
    if not ctx.has_parse or (verbal and ctx.doc[p].pos_ not in {"VERB", "AUX"}):
        return None
    return next((c for c in ctx.doc[p].children if c.dep_ == "ccomp" and c.i > p), None)


def _forward_end(ctx: SpeakerContext, p: int, hi: int) -> int:
    """Token index where the reported clause after cue ``p`` ends: the end of the cue's clausal
    complement in the parse ("acknowledged that the plane crashed, but it denied ..."; "said
    religious freedom is improving and praised ..."), else the sentence's end."""
    complement = _complement(ctx, p)
    doc = ctx.doc
    end = hi if complement is None or complement.right_edge.i >= hi else complement.right_edge.i + 1
    for other in doc[p].children if complement is not None and complement.right_edge.i == complement.i else ():
        # a complement the parse split in two ("would only increase | hate for the U.S."), the first
        # part ending on its own verb: the next clausal complement right after it, with no subject and
        # no quotation of its own, continues it
        if other.dep_ == "ccomp" and other.left_edge.i == end and other.right_edge.i < hi and doc[end].is_alpha and doc[end].pos_ != "CCONJ" and not any(t.is_quote for t in doc[end : other.right_edge.i + 1]) and not any(
                c.dep_ in {"nsubj", "nsubj:pass", "expl"} for c in other.children):
            end = other.right_edge.i + 1
    # "..., according to state media": the source of the report is no part of what was said
    return next((k for k in range(p + 1, end - 2) if doc[k].text == "," and doc[k + 1].lower_ == "according" and doc[k + 2].lower_ == "to"), end)


def _forward_start(ctx: SpeakerContext, p: int, hi: int) -> int | None:
    """Token index where the reported clause after cue ``p`` starts, or None."""
    doc = ctx.doc
    complement = _complement(ctx, p)
    if complement is not None:
        start = complement.left_edge.i
        return start + 1 if doc[start].lower_ == "that" else start
    for q in range(p + 1, min(hi, p + 1 + _THAT_WINDOW)):
        if doc[q].lower_ == "that":
            return q + 1
        if doc[q].is_punct:
            break
    q = p + 1
    while q < hi and q < p + 4 and doc[q].lower_ in _TIME_WORDS:
        q += 1
    if q >= hi:
        return None
    token = doc[q]
    if token.lower_ in _SUBJECT_PRONOUNS:
        return q
    starter = (
        token.lower_ in _CLAUSE_STARTERS
        or (token.text[:1].isupper() and not token.is_punct)
        or (token.pos_ in _SUBJECT_POS and doc[p].tag_ in _CUE_TAGS and doc[p].lemma_ not in _ADDRESSING)  # "says only one percent targeted ..."
    )
    if starter and _finite_soon(list(doc[q:hi])):
        return q
    return None


def _words_outside(text: str, clause: tuple[int, int], quoted: _Quoted) -> bool:
    """The clause has words of its own outside quotation marks (a clause that only wraps a
    quotation is that quotation, already a direct quote)."""
    a, b = clause
    inside = sorted((max(a, x), min(b, y)) for x, y in quoted.ranges.overlapping(a, b))
    rest, at = [], a
    for x, y in inside:
        rest.append(text[at:x])
        at = max(at, y)
    rest.append(text[at:b])
    return any(ch.isalnum() for part in rest for ch in part)


def _is_question(ctx: SpeakerContext, lo: int, hi: int, quoted: _Quoted) -> bool:
    """The sentence, outside quotation marks, ends with a question mark."""
    last = next((t for t in reversed(ctx.doc[lo:hi]) if not t.is_space), None)
    return last is not None and last.text == "?" and not quoted.holds(last.idx)


def _reports_clause(ctx: SpeakerContext, p: int) -> bool:
    """The parse gives the cue at ``p`` a clausal complement after it ("stepped up its rhetoric since
    the attacks saying Riyadh is trying to ...")."""
    return _complement(ctx, p, verbal=False) is not None


def _reports_again(ctx: SpeakerContext, token: Token) -> bool:
    """A participle cue ("saying", "suggesting", "adding") that opens a report of its own."""
    lower = token.lower_
    return lower in ctx.cues.participles or (lower.endswith("ing") and ctx.cues.is_verb(lower, token.lemma_))


def clause_bounds(ctx: SpeakerContext, start_tok: int, end_tok: int, cut_at: Sequence[int], cut_from: int = 0) -> tuple[int, int] | None:
    """Character bounds of a clause from token ``start_tok`` to before ``end_tok``, cut before
    any full quotation opening in it (``cut_at``: where they open, sorted; only those at or after
    ``cut_from``) and before ", PARTICIPLE-CUE" (", suggesting ...": a report of its own), and
    stripped of trailing links and punctuation."""
    doc = ctx.doc
    if start_tok >= end_tok:
        return None
    end_tok = next(
        (k for k in range(start_tok + 1, end_tok - 1) if doc[k].text == "," and _reports_again(ctx, doc[k + 1])),
        end_tok,
    )
    a = doc[start_tok].idx
    b = doc[end_tok - 1].idx + len(doc[end_tok - 1])
    k = bisect_right(cut_at, max(a, cut_from - 1))  # the first cut after a (and at or after cut_from)
    if k < len(cut_at) and cut_at[k] < b:
        b = cut_at[k]  # the first opening inside the clause
    text = ctx.article.text
    while True:
        stripped = text[a:b].rstrip()
        words = stripped.split()
        if words and (words[-1].lower() in _TRAILING_LINKS or stripped[-1:] in ",;:.—–-"):
            if stripped[-1:] in ",;:.—–-":
                b = a + len(stripped) - 1
            else:
                b = a + len(stripped) - len(words[-1])
            continue
        b = a + len(stripped)
        break
    if len(text[a:b].split()) < _MIN_WORDS:
        return None
    return a, b


_TAIL_MARKS = frozenset(" '\"”’")


def _tail_of_quote(text: str, quoted: _Quoted, start: int) -> bool:
    """"'... much different'' even if no sanctions had been imposed, she said": a clause that runs on
    from the closing mark of a quotation is that quotation's tail, not a report of its own: a
    segment ends inside the run of marks and spaces right before the clause, and the character
    before that run ends no sentence."""
    run = start
    while run > 0 and text[run - 1] in _TAIL_MARKS:
        run -= 1
    return quoted.ending_in(run, start) and text[run - 1 : run] not in {".", "!", "?"}


class _Direct:
    """The direct quotes found before the clauses, indexed for the questions the clause rules ask
    as they walk the sentences (each a bisection, not a scan of every quote)."""

    def __init__(self, direct: list[Found]) -> None:
        self.direct = direct
        # by sentences: the quotes whose sentences hold a given one
        self.by_sentence = Ranges(direct, lambda f: (f.first_sentence, f.last_sentence + 1))
        # the latest full quote opening at or before each sentence, in list order
        full = sorted((f.first_sentence, k) for k, f in enumerate(direct) if f.kind == "direct")
        self.full_firsts = [first for first, _ in full]
        self.full_latest = list(accumulate((k for _, k in full), max))
        # where mixed quotes open, sorted: a clause holding one is mixed
        self.mixed_opens = sorted(f.segment.open_at for f in direct if f.kind == "mixed" and f.segment is not None)

    def speaker_before(self, sentence: int, before_char: int) -> ActorMention | None:
        """The speaker of the latest quote over ``sentence`` with a cue before ``before_char``."""
        for found in reversed(self.by_sentence.overlapping(sentence, sentence + 1)):
            if found.cue is not None and found.cue.start < before_char:
                return found.speaker
        return None

    def previous(self, sentence: int) -> Found | None:
        """The latest (in list order) full quote opening at or before ``sentence``."""
        k = bisect_right(self.full_firsts, sentence)
        return self.direct[self.full_latest[k - 1]] if k else None

    def mixed_in(self, a: int, b: int) -> bool:
        k = bisect_left(self.mixed_opens, a)
        return k < len(self.mixed_opens) and self.mixed_opens[k] < b


def _resolve(slot: SpeakerSlot | None, direct: _Direct, sentence: int, stage: str) -> ActorMention | None:
    return resolve_slot(slot, direct.previous(sentence), sentence, stage)


def extract_indirect(
    ctx: SpeakerContext, layout: Layout, quoted: list[tuple[int, int]], direct: list[Found], used_cues: set[int],
    phrases: list[tuple[int, int]],
) -> list[Found]:
    """Reported clauses outside quotation marks.

    ``quoted`` holds the (open, end) character ranges of every quoted segment, ``phrases`` those
    that quote words (not a title or a name: "named “Better Idea”"); ``direct`` the quotes already
    found (full ones cut clauses, short ones turn them mixed, and so does a quoted phrase inside).
    """
    doc = ctx.doc
    cut_at = sorted(f.segment.open_at for f in direct if f.kind == "direct" and f.segment is not None)
    found = _Direct(direct)
    in_quotes = _Quoted(quoted)
    quoted_phrases = spans(phrases)
    out: list[Found] = []
    for s, (lo, hi) in enumerate(layout.sent_tokens):
        if _is_question(ctx, lo, hi, in_quotes):
            continue  # "You said Darfur is repetition?": a question asserts nothing
        p = lo
        while p < hi:
            token = doc[p]
            lower = token.lower_
            if in_quotes.holds(token.idx):
                p += 1
                continue
            clause: tuple[int, int] | None = None
            extra: tuple[int, int] | None = None
            slot: SpeakerSlot | None = None
            speaker_fixed: ActorMention | None = None
            if lower == "according" and p + 1 < hi and doc[p + 1].lower_ == "to":
                slot = speaker_after_phrase(ctx, p + 2, hi)
                if p == lo or doc[lo:p].text.strip() in {"", "But", "And"} or _opens_clause(ctx, p, lo):
                    # the clause starts after the source's phrase, a name in apposition included
                    # ("according to the team's coach, Alireza Mehraban, in their first match …")
                    after = p + 2
                    if slot is not None and slot.mention is not None and slot.mention.span.start >= doc[p + 2].idx:
                        after = max(after, layout.token_at(slot.mention.span.end - 1) + 1)
                    comma = next((k for k in range(after, hi) if doc[k].text == ","), None)
                    clause = clause_bounds(ctx, comma + 1, hi, cut_at) if comma is not None else None
                else:
                    clause = clause_bounds(ctx, lo, p, cut_at)
            elif lower in ctx.cues.participles and p > lo and (
                doc[p - 1].text == "," or doc[p - 1].lower_ in _BEFORE_PARTICIPLE or _reports_clause(ctx, p)
            ):
                q = _forward_start(ctx, p, hi) if ctx.has_parse else None
                if q is None:
                    q = p + 1
                    if q < hi and doc[q].lower_ == "that":
                        q += 1
                if q < hi and not in_quotes.holds(doc[q].idx):
                    clause = clause_bounds(ctx, q, _forward_end(ctx, p, hi), cut_at)
                    speaker_fixed = found.speaker_before(s, token.idx)
                    if speaker_fixed is None:
                        slot = main_clause_subject(ctx, p, lo)
            elif (
                ctx.cues.is_verb(lower, token.lemma_)
                and (not token.tag_ or token.pos_ in {"VERB", "AUX"})  # with a tagger, "Upper Nile states" is no cue
                and not lower.endswith("ing")
                and not (p + 1 < hi and f"{lower} {doc[p + 1].lower_}" in ctx.cues.exclusions)
            ):
                start = _forward_start(ctx, p, hi)
                if start is not None:
                    clause = clause_bounds(ctx, start, _forward_end(ctx, p, hi), cut_at)
                    if clause is not None and in_quotes.cut_by(clause):
                        clause = clause_bounds(ctx, start, hi, cut_at)  # the complement ends inside a quotation: to the sentence's end
                    slot = subject_before(ctx, p, lo)
                else:
                    if hi - p <= _BACKWARD_TAIL and p not in used_cues:
                        clause, slot = _backward(ctx, layout, p, lo, hi, cut_at, in_quotes)
                    if clause is None and (parsed := _parsed(ctx, p, lo, hi, cut_at)) is not None:
                        clause, extra, slot = parsed
                    if clause is None and p not in used_cues and (parenthetical := _interrupting(ctx, p, lo, hi, cut_at)) is not None:
                        clause, extra, slot = parenthetical
            pieces = [
                c for c in (clause, extra)
                if c is not None and not in_quotes.cut_by(c) and not _tail_of_quote(ctx.article.text, in_quotes, c[0])
                and _words_outside(ctx.article.text, c, in_quotes)
            ]
            if pieces:
                speaker = speaker_fixed if speaker_fixed is not None else _resolve(slot, found, s, ctx.stage)
                cue = ctx.article.span(token.idx, token.idx + len(token))
                if lower == "according":
                    cue = ctx.article.span(token.idx, doc[p + 1].idx + len(doc[p + 1]))
                for a, b in pieces:
                    mixed = found.mixed_in(a, b) or quoted_phrases.inside(a, b)
                    out.append(Found(ctx.article.span(a, b), "mixed" if mixed else "indirect", speaker, cue, s, s))
                b = max(b for _, b in pieces)
                if b > token.idx:
                    p = max(p + 1, layout.token_at(b - 1) + 1)
                    continue
            p += 1
    return out


def _parsed(
    ctx: SpeakerContext, p: int, lo: int, hi: int, cut_at: Sequence[int]
) -> tuple[tuple[int, int] | None, tuple[int, int] | None, SpeakerSlot | None] | None:
    """What the dependency parse says the cue at ``p`` reports, where the word rules found nothing:

    its clausal complement on either side, however far ("CLAUSE, said Katie Harbath, Facebook's
    director of politics ..."; "X said on CNN, where ..., that CLAUSE"), also for a cue a direct
    quotation already took (the caller drops a complement inside quotation marks). Returns (clause, no second piece, speaker slot) or None."""
    if not ctx.has_parse:
        return None
    doc = ctx.doc
    verb = doc[p]
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    inverted = bool(subjects) and all(c.i > p for c in subjects)
    for child in verb.children:
        if child.dep_ != "ccomp" or child.left_edge.i < lo or child.right_edge.i >= hi:
            continue
        start, end = child.left_edge.i, child.right_edge.i + 1
        if doc[start].lower_ == "that":
            start += 1
        # "CLAUSE, says Max Abrahms, ...": after the cue, whatever the parse made of the name
        slot = subject_after(ctx, p, hi) if inverted or (child.i < p and not subjects) else subject_before(ctx, p, lo)
        return clause_bounds(ctx, start, end, cut_at), None, slot
    if verb.lemma_ in _DIRECTIVES and any(c.dep_ in {"obj", "dobj", "iobj"} for c in verb.children):
        # "X urged/asked/told Y (not) to V": what Y was asked to do
        for child in verb.children:
            if child.dep_ == "xcomp" and child.i > p and child.right_edge.i < hi and any(t.lower_ == "to" for t in child.children):
                return clause_bounds(ctx, child.left_edge.i, child.right_edge.i + 1, cut_at), None, subject_before(ctx, p, lo)
    return None


def _interrupting(
    ctx: SpeakerContext, p: int, lo: int, hi: int, cut_at: Sequence[int]
) -> tuple[tuple[int, int] | None, tuple[int, int] | None, SpeakerSlot | None] | None:
    """A cue set off by commas inside the clause it reports: "The good news, Woolson said, is that
    ...", "Recently, he said, he has realized ...", "Take action now, they said, and you risk ...".
    The subject stands between the first comma and the cue (a name, a pronoun or a short noun
    phrase, no verb); the words of the sentence after the parenthetical are reported, and those
    before it as a second piece when they make a clause of their own ("Take action now, ...")."""
    doc = ctx.doc
    if p + 1 >= hi or doc[p + 1].text not in _SET_OFF:
        return None
    comma = next((k for k in range(p - 1, max(lo, p - _SUBJECT_WINDOW) - 1, -1) if doc[k].text in _SET_OFF), None)
    if comma is None or comma <= lo or comma == p - 1:
        return None
    if any(doc[k].pos_ in {"VERB", "AUX"} or doc[k].is_punct for k in range(comma + 1, p)):
        return None
    slot = subject_before(ctx, p, comma + 1, parse=False)
    if slot is None:
        return None
    after_start = p + 2
    if after_start < hi and doc[after_start].lower_ in ctx.cues.participles:
        return None  # "..., he said, adding that ...": the participle reports what follows
    before = clause_bounds(ctx, lo, comma, cut_at)
    after = clause_bounds(ctx, after_start, hi, cut_at) if after_start < hi else None
    if before is not None and after is not None and len(ctx.article.text[before[0]:before[1]].split()) < _MIN_PIECE_WORDS:
        before = None  # "The road map, he added, included ...": the subject alone is no report of its own
    if before is None and after is None:
        return None
    return (after, before, slot) if after is not None else (before, None, slot)


def _backward(
    ctx: SpeakerContext, layout: Layout, p: int, lo: int, hi: int, cut_at: Sequence[int], quoted: _Quoted
) -> tuple[tuple[int, int] | None, SpeakerSlot | None]:
    """ "CLAUSE, X said." and "CLAUSE, said X.": the clause before the comma."""
    doc = ctx.doc
    if any(doc[k].lower_ == "that" for k in range(p + 1, hi)):
        return None, None
    comma = None
    for k in range(p - 1, max(lo, p - 8) - 1, -1):
        if doc[k].text == ",":
            comma = k
            break
    if comma is None or comma <= lo:
        return None, None
    start = lo
    for _, b in quoted.ranges.starting(doc[lo].idx, doc[comma].idx):
        start = max(start, layout.token_from(b))  # the first token after a quotation before the comma
    if quoted.holds(doc[comma - 1].idx):
        return None, None
    slot = subject_after(ctx, p, hi) if comma == p - 1 else subject_before(ctx, p, comma + 1)
    if slot is None:
        return None, None
    return clause_bounds(ctx, start, comma, cut_at), slot


