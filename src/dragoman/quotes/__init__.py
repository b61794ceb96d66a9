"""Quotes: direct, indirect and mixed quotations with their speakers.

Reads the parsed doc (tokens, sentences; the dependency parse when present), the
article text, the removed spans and the actor mentions; adds :class:`Quote` records.
One module per approach: ``marks`` pairs quotation marks, ``direct`` attributes quoted
segments, ``indirect`` finds reported clauses, ``mixed`` widens a quoted phrase to the
clause that carries it, ``speakers`` finds a cue's speaker (``descriptions`` when the text
gives a description, not a name), ``transcripts`` reads "NAME: ..." turns, ``cues`` loads the
reporting-cue lexicon (``data/cues.tsv``); ``about`` lists the actors each quote mentions (run
after the quotes are found, with the mentions).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from dragoman.quotes.about import add_about
from dragoman.quotes.cues import CueLexicon, load_cues
from dragoman.quotes.direct import Found, extract_direct, is_title, resolve_slot
from dragoman.quotes.indirect import extract_indirect
from dragoman.quotes.layout import Layout, char_before
from dragoman.quotes.marks import find_segments
from dragoman.quotes.mixed import widen_mixed
from dragoman.quotes.transcripts import extract_turns
from dragoman.quotes.speakers import SpeakerContext, is_cue_verb, subject_before
from dragoman.ranges import Ranges
from dragoman.records import ActorMention, Article, MentionRole, Quote, QuoteMode, RemovedSpan, Span

STAGE = "quotes.rules.v1"
_POINTING_BACK = frozenset({"that", "those", "these", "this", "so", "such"})  # a sentence opening that refers to the quotation before it
_JOIN_GAP = 3  # characters (", ") between a reported clause and the quotation it runs into

__all__ = ["emitted_by_default", "STAGE", "CueLexicon", "add_about", "extract_quotes", "load_cues"]


def _absorbed(phrase: Found, mixed_clauses: Ranges[Found]) -> bool:
    """A mixed phrase inside a mixed clause (``mixed_clauses``: the clauses of kind mixed)."""
    return phrase.kind == "mixed" and mixed_clauses.covers(phrase.span.start, phrase.span.end)


def _governed(ctx: SpeakerContext, layout: Layout, found: Found) -> Found:
    """A quotation the rules left without speaker that sits inside the clause of a reporting verb of its
    own sentence ("Rubio said that by refusing ..., Democrats are “saying we weren't at war ...”",
    "“Let me thank the volunteers” for the victory, Sanders said"): that verb's subject speaks."""
    if not ctx.has_parse or found.first_sentence >= len(layout.sent_tokens):
        return found
    lo, hi = layout.sent_tokens[found.first_sentence]
    inner = found.segment.inner_start if found.segment is not None else found.span.start
    first = ctx.doc[layout.token_at(inner)]
    for verb in [first, *first.ancestors]:
        if not (lo <= verb.i < hi) or verb is first or not is_cue_verb(ctx, verb):
            continue
        speaker = resolve_slot(subject_before(ctx, verb.i, lo), None, found.first_sentence, ctx.stage)
        if speaker is not None:
            cue = ctx.article.span(verb.idx, verb.idx + len(verb))
            return replace(found, speaker=speaker, cue=cue, cue_i=verb.i)
    return found


def _run_into_quotes(text: str, direct: list[Found], clauses: list[Found]) -> tuple[list[Found], list[Found]]:
    """A reported clause that runs on into a full quotation ("... to think that if the U.S. pulls back,
    “our oceans are going to save us.”") is one mixed quote: the clause's words and the quoted ones,
    said by the clause's speaker. Only a quotation with no cue of its own, the clause's cue, or a cue
    inside the clause ("to think that ... “...”") joins."""
    joined: set[int] = set()
    out: list[Found] = []
    # the full quotations by where they open: a follower opens at most _JOIN_GAP after the clause
    opening = Ranges(range(len(direct)), lambda k: (_opens(direct[k]), _opens(direct[k])))
    for clause in clauses:
        follower = next(
            (
                k for k in opening.starting(clause.span.end, clause.span.end + _JOIN_GAP + 1)
                if k not in joined and (f := direct[k]).kind == "direct" and f.segment is not None
                and f.first_sentence == clause.last_sentence
                and 0 <= f.segment.open_at - clause.span.end <= _JOIN_GAP
                and not text[clause.span.end:f.segment.open_at].strip(" ,")  # a colon opens a quotation of its own
                and (f.cue is None or f.cue == clause.cue or clause.span.contains(f.cue.start, f.cue.end))
            ),
            None,
        )
        if follower is None:
            out.append(clause)
            continue
        joined.add(follower)
        end = direct[follower].segment.outer_end  # type: ignore[union-attr]
        span = Span(clause.span.doc_id, clause.span.start, end, text[clause.span.start:end])
        out.append(replace(clause, span=span, kind="mixed", last_sentence=direct[follower].last_sentence))
    return [f for k, f in enumerate(direct) if k not in joined], out


def _opens(found: Found) -> int:
    """Where the quotation of ``found`` opens (-1 without one: never after a clause)."""
    return found.segment.open_at if found.segment is not None else -1


def _named_next(ctx: SpeakerContext, layout: Layout, found: Found) -> Found:
    """A quotation standing alone in its paragraph, attributed by the next sentence that points back
    to it ("“We will not back down.” ¶ That was the message from Prime Minister Theresa May ..."):
    the first person (else the first actor) that sentence names speaks."""
    text = ctx.article.text
    before = char_before(text, found.span.start, " “\"'‘")
    after_end = found.segment.outer_end if found.segment is not None else found.span.end
    if before and before != "\n" or text[after_end:after_end + 1] not in {"\n", ""}:
        return found
    nxt = found.last_sentence + 1
    if nxt >= len(layout.sent_chars):
        return found
    a, b = layout.sent_chars[nxt]
    first = text[a:b].split(maxsplit=1)
    if not first or first[0].lower() not in _POINTING_BACK:
        return found
    inside = [m for m in ctx.mentions_from(a, b) if m.role is MentionRole.ACTOR]
    chosen = next((m for m in inside if m.actor.kind == "person"), inside[0] if inside else None)
    return replace(found, speaker=chosen) if chosen is not None else found


def _within_turn(found: Found, turns: Ranges[Found]) -> bool:
    """Inside a transcript turn, only a quote the turn attributes to someone by a cue stands on its own."""
    return turns.covers(found.span.start, found.span.end) and (found.cue is None or found.speaker is None)


def _outside_removed(found: Found, removed: Ranges[RemovedSpan]) -> bool:
    return not removed.overlaps(found.span.start, found.span.end)


def _bounds(item: Found | RemovedSpan) -> tuple[int, int]:
    return item.span.start, item.span.end


def extract_quotes(
    doc: Doc,
    article: Article,
    removed: tuple[RemovedSpan, ...],
    mentions: tuple[ActorMention, ...],
    cues: CueLexicon,
    thought: bool = False,
) -> tuple[Quote, ...]:
    """Every quotation in the article, in text order, each with its speaker or ``None``.

    ``doc`` comes from ``dragoman.nlp.parse_article`` (blank or trained pipeline);
    ``mentions`` from the actors stage (may be empty: capitalised names next to a cue
    then become ``quote.unknown-person`` speakers).
    """
    if len(doc) == 0:
        return ()
    layout = Layout.of(doc)
    ctx = SpeakerContext.of(doc, article, mentions, cues, STAGE)
    skipped = [(r.span.start, r.span.end) for r in removed]
    segments = find_segments(article.text, layout.sentence_ends, skipped)
    direct, used_cues = extract_direct(ctx, layout, segments)
    quoted = [(s.open_at, s.outer_end) for s in segments]
    phrases = [(s.open_at, s.outer_end) for s in segments if not is_title(article.text, s)]
    clauses = extract_indirect(ctx, layout, quoted, direct, used_cues, phrases)
    direct, clauses = _run_into_quotes(article.text, direct, clauses)
    mixed_clauses = Ranges([c for c in clauses if c.kind == "mixed"], _bounds)
    kept = widen_mixed(ctx, layout, [f for f in direct if not _absorbed(f, mixed_clauses)] + clauses)
    kept = [_governed(ctx, layout, f) if f.speaker is None and f.cue is None and f.kind in {"direct", "mixed"} else f for f in kept]
    kept = [_named_next(ctx, layout, f) if f.speaker is None and f.kind == "direct" else f for f in kept]
    turns = extract_turns(ctx, layout, removed)
    removed_at, turns_at = Ranges(removed, _bounds), Ranges(turns, _bounds)
    kept = [f for f in kept if _outside_removed(f, removed_at) and not _within_turn(f, turns_at)] + turns
    kept.sort(key=lambda f: (f.span.start, f.span.end))
    quotes = (Quote(f.span, f.kind, f.speaker, f.cue, STAGE, _mode(cues, f)) for f in kept)
    return tuple(q for q in quotes if thought or emitted_by_default(q))


def emitted_by_default(quote: Quote) -> bool:
    """Reported thought and belief are left out unless asked for (``quotes.thought``); a quotation is
    words said, whatever its cue."""
    return quote.mode != "thought" or quote.kind != "indirect"


def _mode(cues: CueLexicon, found: Found) -> QuoteMode:
    """Speech, writing or thought, from the cue's last word ("tweeted", "in a statement",
    "believes"); speech when there is no cue."""
    if found.cue is None:
        return "speech"
    words = found.cue.text.lower().split()
    return cues.mode_of(words[-1]) if words else "speech"
