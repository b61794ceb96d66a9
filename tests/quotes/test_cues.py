"""The cue lexicon is data and can be extended."""

from __future__ import annotations

import pytest

from dragoman.errors import DataFileError
from dragoman.quotes import load_cues
from dragoman.quotes.cues import parse_cues

from .helpers import run, texts


def test_packaged_cues_have_the_issue_list():
    cues = load_cues()
    for form in ("said", "told", "added", "warned", "insisted"):
        assert form in cues.verbs
    assert "saying" in cues.participles
    assert ("according", "to") in cues.phrases
    assert "statement" in cues.nouns


def test_user_file_extends(tmp_path, backend):
    extra = tmp_path / "cues.tsv"
    extra.write_text("# mine\nmutter\tverb\tmutter,muttered\n", encoding="utf-8")
    cues = load_cues(extra)
    assert "muttered" in cues.verbs and "said" in cues.verbs
    quotes = run(backend, cues, "“We lost the vote today,” muttered Ann Lee.")
    assert quotes[0].speaker is not None and quotes[0].speaker.actor.name == "Ann Lee"


def test_bad_line_is_a_clear_error():
    with pytest.raises(DataFileError, match=r"expected 'lemma<TAB>class<TAB>forms\[<TAB>mode\]'"):
        parse_cues("say verb said\n", "x.tsv")


def test_unknown_cue_gives_no_speaker(backend, cues):
    # an unlisted past tense in -ed after a comma-closed quote is taken as a cue; "sang" is not
    quotes = run(backend, cues, "“We lost the vote today,” Ann Lee sang.")
    assert texts(quotes) == ["We lost the vote today"]
    assert quotes[0].speaker is None
