"""Photo captions inlined into article text, as (start, end) character ranges.

Wire pages (VOA, AP, Reuters) glue the caption of each picture into the body text.
A sentence is taken for a caption when

1. it starts with a file-photo marker ("FILE -", "FILE PHOTO:", "(FILE)"); or
2. it names the picture itself: a photo noun opening it and followed by how the picture
   came about ("A still image taken from footage ...", "Image made from video ...") or
   "in this (handout) photo" with a caption participle or a date ("... is seen in this
   handout picture released ... May 13, 2016."); or
3. it describes the picture in the present tense and dates it: a caption verb in its
   present-tense form among the first words ("A soldier walks past ...", "Participants
   attend ...", "... is seen ...") and a date such as "May 17, 2015" (bare, the AP style,
   or "on May 17, 2015" closing the sentence), with no speech verb ("said", "told").

Past-tense prose is never a caption ("Kerry met Lavrov in Vienna, Austria, on May 17,
2016."): its verb has no present-tense form in the list. A caption cut short by a glued
heading ("..., July-But Obama needs ...") ends at the dash. A caption followed by one
more sentence and then a glued section heading takes that sentence along when it has no
quote and no speech verb and shares a word of five letters or more with the caption (the
second sentence of a two-sentence caption sits between the picture and the next section:
"Smoke rises ... embassy in Tehran, Jan. 3, 2016. Protesters upset over ... set fires to
the Saudi embassy in Tehran. Roots of dispute-The ..."). Likewise a short undated
present-tense description right before a dated caption, sharing a word with it, is the
caption's first sentence ("Iraqi forces search a civilian in Mosul. Security forces
search ..., Feb. 21, 2017."). A file marker glued to the text before it with a dash
("... events:-FILE - This photo ...") starts a caption too.
Word lists: ``clean/data/chrome_words.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import AbstractSet, Sequence

from dragoman.clean.rules import ChromeWords

_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_FIRST_WORDS = 30
_MAX_CONTINUATION_WORDS = 40
_QUOTES = frozenset("“”\"")
_CONTENT_WORD_LETTERS = 5
_MAX_FIRST_SENTENCE_WORDS = 25
_FIRST_SENTENCE_VERB_WORDS = 6


def _content_words(sentence: str) -> set[str]:
    return {w.lower().removesuffix("'s").removesuffix("’s") for w in _WORD.findall(sentence) if len(w) >= _CONTENT_WORD_LETTERS}


@dataclass(frozen=True, slots=True)
class CaptionFinder:
    """The caption tests, compiled once from the word lists."""

    words: ChromeWords
    present: frozenset[str]
    date: re.Pattern[str]
    photo_opening: re.Pattern[str]
    in_this_photo: re.Pattern[str]
    glued_end: re.Pattern[str]
    glued_file: re.Pattern[str]

    @classmethod
    def of(cls, words: ChromeWords) -> CaptionFinder:
        present: set[str] = set()
        for verb in words.caption_verbs | words.caption_verbs_s:
            if verb not in words.caption_verbs_s:
                present.add(verb)
            if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
                present.add(verb + "es")
            elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
                present.add(verb[:-1] + "ies")
            else:
                present.add(verb + "s")
        months = "|".join(re.escape(m) for m in sorted(words.months, key=len, reverse=True))
        nouns = "|".join(re.escape(n) for n in sorted(words.photo_nouns, key=len, reverse=True))
        openers = "|".join(re.escape(o.capitalize()) for o in sorted(words.sentence_openers, key=len, reverse=True))
        return cls(
            words,
            frozenset(present),
            re.compile(rf"(?<!\w)(?P<on>on\s)?(?:{months})\s?\d{{1,2}},\s?\d{{4}}\b", re.IGNORECASE),
            re.compile(rf"(?:(?:a|an|this|the)\s)?(?:\w+\s)?(?:{nouns})s?\s(?:taken|made|provided|released|obtained|shows?|purports?)\b", re.IGNORECASE),
            re.compile(rf"\bin\sthis\s(?:[\w-]+\s){{0,2}}(?:{nouns})\b", re.IGNORECASE),
            re.compile(rf"(?<=[A-Za-z.])-(?=(?:{openers})\b)"),
            re.compile("(?<=[-:])(?=" + "|".join(re.escape(m) for m in words.file_markers) + ")"),
        )

    def _has_file_marker(self, sentence: str) -> bool:
        return sentence.startswith(self.words.file_markers)

    def _present_verb(self, words: Sequence[str]) -> bool:
        for i, word in enumerate(words[:_FIRST_WORDS]):
            lower = word.lower().rstrip(".")
            before = words[i - 1].lower().rstrip(".") if i else ""
            after = words[i + 1].lower().rstrip(".") if i + 1 < len(words) else ""
            if (i and word[0].islower() and lower in self.present and before not in self.words.not_before_verb
                    and not before.endswith("ed") and after not in self.words.not_after_verb and not after.endswith("ed")):
                return True
            if before in {"is", "are"} and lower in self.words.caption_passives:
                return True
        return False

    def _dated(self, sentence: str) -> bool:
        for m in self.date.finditer(sentence):
            before = sentence[: m.start()].split()
            if before and before[-1].lower() in self.words.date_blockers:
                continue
            if not m.group("on") or not sentence[m.end() :].strip(" .,;)"):
                return True
        return False

    def is_caption(self, sentence: str) -> bool:
        """Whether the sentence ``sentence`` reads as a photo caption (see the module's doc)."""
        if self._has_file_marker(sentence):
            return True
        words = _WORD.findall(sentence)
        if not words or any(w.lower().rstrip('.') in self.words.reporting_verbs for w in words):
            return False
        if self.photo_opening.match(sentence):
            return True
        if self.in_this_photo.search(sentence) and (self._dated(sentence) or self._present_verb(words)):
            return True
        return self._present_verb(words) and self._dated(sentence)

    def _continues(self, caption: str, following: str) -> bool:
        """Whether ``following`` (between a caption and a glued heading) adds to the caption:
        no quote, no speech verb, and a word of five letters or more in common with it."""
        if not following[:1].isupper() or _QUOTES & set(following) or len(following.split()) > _MAX_CONTINUATION_WORDS:
            return False
        words = [w.lower() for w in _WORD.findall(following)]
        if any(w.rstrip('.') in self.words.reporting_verbs for w in words):
            return False
        return bool(_content_words(caption) & _content_words(following))

    def _introduces(self, before: str, caption: str) -> bool:
        """Whether ``before`` is the first sentence of a two-sentence caption ("Iraqi security
        forces search a civilian in the city of Mosul. Security forces search ..., Feb. 21,
        2017."): a short present-tense picture description sharing a word with the caption."""
        words = _WORD.findall(before)
        if not before[:1].isupper() or _QUOTES & set(before) or len(words) > _MAX_FIRST_SENTENCE_WORDS:
            return False
        if any(w.lower().rstrip('.') in self.words.reporting_verbs for w in words) or self._dated(before):
            return False
        return self._present_verb(words[:_FIRST_SENTENCE_VERB_WORDS]) and bool(_content_words(before) & _content_words(caption))

    def cut(self, text: str, start: int, end: int) -> int:
        """Where a caption starting at ``start`` really ends: at a dash glued to a sentence opener."""
        m = self.glued_end.search(text, start, end)
        return m.end() if m else end

    def find(self, text: str, sentences: Sequence[tuple[int, int]], heading_starts: AbstractSet[int]) -> list[tuple[int, int]]:
        """(start, end) of every caption among ``sentences`` (spans of ``text``, in order).

        ``heading_starts`` are the offsets where glued section headings begin.
        """
        found: list[tuple[int, int]] = []
        for index, (start, end) in enumerate(sentences):
            glued = self.glued_file.search(text, start, end)
            if glued and glued.start() > start:
                start = glued.start()  # "... this week's events:-FILE - This April 4 photo ..."
            if not self.is_caption(text[start:end]):
                continue
            cut = self.cut(text, start, end)
            found.append((start, cut))
            if index > 0 and not self._has_file_marker(text[start:end]):
                p_start, p_end = sentences[index - 1]
                if self._introduces(text[p_start:p_end], text[start:end]):
                    found.append((p_start, p_end))
            if cut == end and index + 2 < len(sentences) and sentences[index + 2][0] in heading_starts:
                n_start, n_end = sentences[index + 1]
                following = text[n_start:n_end]
                if self._continues(text[start:end], following):
                    found.append((n_start, n_end))
        return found
