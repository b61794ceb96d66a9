"""Every kind of data file a user may give is refused at load when it is bad, naming file and line.

One test per data kind: actors KB (bad code, bad column, bad date), event patterns (a CAMEO code the
table lacks), reporting cues, assertion cues, person words, ruler patterns (JSONL), and the
knowledge readers themselves (word lists, word tables). Packaged files go through the same readers.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dragoman.actors import load_knowledge
from dragoman.actors.persons import load_person_words
from dragoman.errors import DataFileError
from dragoman.events import load_patterns
from dragoman.events.assertion import load_assertion_lexicon
from dragoman.knowledge import TIME_LISTS, TITLE_LISTS, read_word_lists, read_words, time_words, title_offices, title_words
from dragoman.nlp.gazetteer_ruler import load_user_patterns
from dragoman.quotes import load_cues

PEOPLE = "id\tname\taliases\tcountry\tgender\n"
ROLES = "person\ttitle\toffice\torg\tsector\tstart\tend\n"


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("body, line, message", [
    ("# mine\n[people]\n" + PEOPLE + "ann-lee\tAnn Lee\t\tXXX\tf\n", 4, "country 'XXX' is not an iso3 from countries.tsv"),
    ("[people]\n" + PEOPLE + "ann-lee\tAnn Lee\t\tGBR\tq\n", 3, "gender 'q'"),
    ("[people]\nid\tfullname\n", 2, "expected a header starting 'id<TAB>name"),
    ("[people]\n" + PEOPLE + "ann-lee\tAnn Lee\t\tGBR\tf\n\n[roles]\n" + ROLES + "ann-lee\tmayor\tother\tGBR\tGOV\t2020-13-01\t\n", 7,
     "bad date '2020-13-01'; use YYYY-MM-DD"),
    ("[roles]\n" + ROLES + "nobody-here\tmayor\tother\tGBR\tGOV\t2020\t\n", 3, "person 'nobody-here' is not an id"),
    ("[roles]\n" + ROLES + "bill-clinton\tpresident\thos\tXYZORG\tGOV\t1993\t\n", 3, "org 'XYZORG' is neither"),
    ("[roles]\n" + ROLES + "bill-clinton\tpresident\tboss\tUSA\tGOV\t1993\t\n", 3, "office 'boss' not in"),
    ("[roles]\n" + ROLES + "bill-clinton\tpresident\thos\tUSA\tGOVX\t1993\t\n", 3, "sector 'GOVX' is not a code"),
    ("[roles]\n" + ROLES + "bill-clinton\tpresident\thos\tUSA\tGOV\t2001\t1993\n", 3, "end '1993' is before start"),
    ("[orgs]\ncode\tname\taliases\tkind\tcountry\tsector\nXORG\tX\t\tcompany\tGBR\tBUS\n", 3, "kind 'company'"),
    ("[sectors]\nword\tsector\tkind\nbankers\tBNK\torganization\n", 3, "sector 'BNK'"),
    ("[regions]\nname\taliases\tcountry\nNowhere\t\tZZZ\n", 3, "unknown country 'ZZZ'"),
    ("[planets]\n", 1, "unknown section [planets]"),
    ("iso3\tname\n", 1, "text before the first [section]"),
])
def test_a_bad_actors_file_names_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = _file(tmp_path, "mine.tsv", body)
    with pytest.raises(DataFileError) as error:
        load_knowledge(path, imported=False)
    assert str(error.value).startswith(f"{path}:{line}: ") and message in str(error.value)


def test_a_good_actors_file_loads(tmp_path: Path) -> None:
    path = _file(tmp_path, "mine.tsv", "[people]\n" + PEOPLE + "ann-lee\tAnn Lee\t\tGBR\tf\n\n[roles]\n" + ROLES
                 + "ann-lee\tmayor\tother\tGBR\tGOVLEG\t2020\t\n")
    kb = load_knowledge(path, imported=False)
    assert kb.people["ann-lee"].country == "GBR" and kb.roles_by_person["ann-lee"][0].sector == "GOVLEG"


def test_a_pattern_with_an_unknown_cameo_code_is_refused_at_load(tmp_path: Path) -> None:
    path = _file(tmp_path, "patterns.tsv", "# mine\nid\tcode\tpattern\tflags\nmine.ok\t042\tvisit +\t\nmine.bad\t999\tzap +\t\n")
    with pytest.raises(DataFileError, match=re.escape(f"{path}:4: ") + r"CAMEO code '999' is not in events/data/cameo.tsv"):
        load_patterns(path)


@pytest.mark.parametrize("text, line, message", [
    ("# mine\nid\tcode\tflags\n", 2, "expected a header starting 'id<TAB>code<TAB>pattern'"),
    ("id\tcode\tpattern\tflags\nmine.x\t04\tvisit +\tloud\n", 2, "unknown flags ['loud']"),
    ("id\tcode\tpattern\tflags\nmine.x\t\tvisit +\t\n", 2, "id, code and pattern are required"),
])
def test_a_bad_pattern_column_names_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = _file(tmp_path, "patterns.tsv", text)
    with pytest.raises(DataFileError) as error:
        load_patterns(path)
    assert str(error.value).startswith(f"{path}:{line}: ") and message in str(error.value)


def test_a_bad_cue_file_names_file_and_line(tmp_path: Path) -> None:
    path = _file(tmp_path, "cues.tsv", "# mine\nwhisper\tverb\twhisper,whispered\nmurmur\tverbish\tmurmured\n")
    with pytest.raises(DataFileError, match=re.escape(f"{path}:3: ") + r"expected 'lemma<TAB>class<TAB>forms\[<TAB>mode\]'"):
        load_cues(path)
    with pytest.raises(DataFileError, match=re.escape(f"mode one of ['speech', 'writing', 'thought']")):
        load_cues(_file(tmp_path, "modes.tsv", "whisper\tverb\twhispered\tsung\n"))
    assert "whispered" in load_cues(_file(tmp_path, "ok.tsv", "  # indented comment\nwhisper\tverb\twhispered\n")).verbs


def test_a_bad_assertion_file_names_file_and_line(tmp_path: Path) -> None:
    path = _file(tmp_path, "assertion.tsv", "word\tclass\tnote\nsay\treport\t\nsuppose\tguess\t\n")
    with pytest.raises(DataFileError, match=re.escape(f"{path}:3: ") + "class 'guess'"):
        load_assertion_lexicon(path)


def test_a_bad_person_words_file_names_file_and_line(tmp_path: Path) -> None:
    path = _file(tmp_path, "words.tsv", "# mine\nword\tclass\nbin\tparticle\nsir\ttitle-ish\n")
    with pytest.raises(DataFileError, match=re.escape(f"{path}:4: ") + "class 'title-ish'"):
        load_person_words(path)


def test_a_bad_ruler_patterns_file_names_file_and_line(tmp_path: Path) -> None:
    path = _file(tmp_path, "ruler.jsonl", '# mine\n{"label": "ORG", "pattern": "Acme"}\n{"label": "ORG"}\n')
    with pytest.raises(DataFileError, match=re.escape(f"{path}:3: ")):
        load_user_patterns(path)


def test_a_missing_user_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="patterns file .*cannot read it"):
        load_patterns(tmp_path / "nowhere.tsv")
    with pytest.raises(DataFileError, match="actors file .*cannot read it"):
        load_knowledge(tmp_path / "nowhere.tsv")


def test_a_word_list_refuses_a_repeated_entry() -> None:
    assert read_words("# c\nU.S.\n\n  # indented\nGen.\n", "a.txt") == ("U.S.", "Gen.")
    with pytest.raises(DataFileError, match=r"a.txt:4: 'Gen.' is already at a.txt:2"):
        read_words("# c\nGen.\nLt.\nGen.\n", "a.txt")


@pytest.mark.parametrize("text, message", [
    ("word\tlists\nmr\tspeaker|ner\n", "a.tsv:2: unknown list 'speaker'"),
    ("word\tlists\nmr\tner\nmr\tedge\n", "a.tsv:3: 'mr' is already at a.tsv:2"),
    ("word\tlists\nmr\t\n", "a.tsv:2: 'mr' names no list"),
    ("word\tlists\n\tner\n", "a.tsv:2: empty word"),
    ("words\tlists\n", "a.tsv:1: expected a header"),
])
def test_a_word_table_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        read_word_lists(text, "a.tsv", ("ner", "edge"))


def test_the_shared_lists_load() -> None:
    assert all(title_words(name) for name in TITLE_LISTS) and all(time_words(name) for name in TIME_LISTS)
    assert title_offices()["prime minister"] == "hog" and "Mr" in title_words("honorific") and "monday" in time_words("place_stop")
