"""The entity ruler fed by the actor knowledge base and the gazetteer (dragoman.nlp.gazetteer_ruler)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from dragoman.actors.knowledge import Country, GroupTerm, KnowledgeBase, Organization, Person, load_knowledge
from dragoman.errors import DataFileError
from dragoman.nlp import load_trained, packaged_model_path
from dragoman.nlp.gazetteer_ruler import (
    RULER_NAME,
    add_gazetteer_ruler,
    gazetteer_patterns,
    load_user_patterns,
    merge_patterns,
)
from dragoman.nlp.labels import is_plural_group_word, place_label
from dragoman.places.gazetteer import Gazetteer, GazetteerEntry
from dragoman.settings import NlpSettings, load_settings


def _small_kb() -> KnowledgeBase:
    """The packaged KB's shape with a handful of hand-written entries."""
    countries = {
        "TUR": Country("TUR", "Turkey", ("Türkiye",), ("Turkish", "Turks"), ("Ankara",), "member", "hos"),
        "USA": Country("USA", "United States", ("US", "U.S.", "the United States of America"), ("American",), ("Washington",), "member", "hos"),
        "SLB": Country("SLB", "Solomon Islands", (), (), ("Honiara",), "member", "hog"),
        "JOR": Country("JOR", "Jordan", (), ("Jordanian",), ("Amman",), "member", "hos"),
    }
    orgs = {
        "IGOUNO": Organization("IGOUNO", "United Nations", ("UN", "the UN", "world body"), "igo", None, "IGO"),
        "USALEGDEM": Organization("USALEGDEM", "Democratic Party", ("Democrats",), "organization", "USA", "OPP"),
    }
    people = {
        "recep-tayyip-erdogan": Person("recep-tayyip-erdogan", "Recep Tayyip Erdogan", ("Erdogan",), "TUR", "m"),
        "salman": Person("salman", "Salman bin Abdulaziz", ("King Salman",), "SAU", "m"),
        "charles": Person("charles", "Charles III", ("King Charles III",), "GBR", "m"),
        "jordan-x": Person("jordan-x", "Jordan Smith", ("Jordan",), "USA", "m"),
    }
    groups = {
        "Kurds": GroupTerm("Kurds", "KUR", "Kurds", "group"),
        "the West": GroupTerm("the West", "WST", "the West", "group"),
    }
    return dataclasses.replace(load_knowledge(), countries=countries, organizations=orgs, people=people, groups=groups)


def _small_gazetteer() -> Gazetteer:
    def entry(name: str, country: str | None, population: int, kind: str) -> GazetteerEntry:
        return GazetteerEntry(name, country, 0.0, 0.0, population, kind)  # type: ignore[arg-type]

    places = [
        entry("Düsseldorf", "DEU", 1_200_000, "city"),
        entry("Smalltown", "DEU", 20_000, "city"),
        entry("Smith", "USA", 2_000_000, "city"),  # a word of a known person's name
        entry("Black Sea", None, 0, "sea"),
        entry("Gaza Strip", "PSE", 2_000_000, "region"),
        entry("California", "USA", 39_000_000, "state"),
    ]
    return Gazetteer({p.name.lower(): [p] for p in places}, {})


def _by_phrase(patterns: list[dict[str, object]]) -> dict[str, tuple[object, object]]:
    return {str(p["pattern"]): (p["label"], p.get("id")) for p in patterns}


def test_patterns_from_a_small_kb_follow_the_label_conventions() -> None:
    got = _by_phrase(gazetteer_patterns(_small_kb(), _small_gazetteer()))  # type: ignore[arg-type]
    assert got["Turkey"] == ("GPE", "TUR")
    assert got["TURKEY"] == ("GPE", "TUR")  # all capitals for headlines
    assert got["Türkiye"] == ("GPE", "TUR") and got["Turkiye"] == ("GPE", "TUR")  # ASCII fold
    assert got["Turkish"] == ("NORP", "TUR") and got["Turks"] == ("NORP", "TUR")
    assert got["Ankara"] == ("GPE", "TUR")
    assert got["Solomon Islands"] == ("LOC", "SLB")  # the GPE/LOC rule: "islands"
    assert got["United States of America"] == ("GPE", "USA")  # leading "the" dropped
    assert got["US"] == ("GPE", "USA") and "us" not in got and "Us" not in got
    assert got["UN"] == ("ORG", "IGOUNO") and "world body" not in got
    assert got["Democrats"] == ("NORP", "USALEGDEM")  # a plural group word names people
    assert got["Recep Tayyip Erdogan"] == ("PERSON", "recep-tayyip-erdogan") and got["Erdogan"][0] == "PERSON"
    assert got["Charles III"] == ("PERSON", "charles") and "King Charles III" not in got
    assert "Salman" not in got  # removing a title must not make a one-word alias
    assert "Jordan" not in got  # a country and a person's alias: ambiguous, left to the model
    assert got["Kurds"] == ("NORP", "KUR") and "West" not in got
    assert got["Düsseldorf"] == ("GPE", "DEU") and got["Dusseldorf"] == ("GPE", "DEU")
    assert "Smalltown" not in got and "Smith" not in got
    assert got["Black Sea"][0] == "LOC" and got["Gaza Strip"][0] == "LOC" and got["California"][0] == "GPE"
    assert all(p == p.strip() and "  " not in p for p in got)


def test_either_source_may_be_missing() -> None:
    assert gazetteer_patterns(None, None) == []
    only_places = _by_phrase(gazetteer_patterns(None, _small_gazetteer()))  # type: ignore[arg-type]
    assert "Smith" in only_places  # no known persons to clash with


def test_place_label_rule() -> None:
    assert place_label(["Gaza"]) == "GPE"
    assert place_label(["the", "West", "Bank"]) == "LOC"
    assert place_label(["Lake", "Geneva"]) == "LOC"
    assert is_plural_group_word("Republicans") and not is_plural_group_word("Reuters")


def _blank_with_ruler(prefer: str = "longer") -> spacy.language.Language:
    nlp = spacy.blank("en")
    patterns = gazetteer_patterns(_small_kb(), _small_gazetteer())
    add_gazetteer_ruler(nlp, patterns, prefer=prefer)  # type: ignore[arg-type]
    return nlp


def _ents(doc: Doc) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in doc.ents]


def test_ents_on_a_blank_pipeline_are_case_sensitive() -> None:
    nlp = _blank_with_ruler()
    assert nlp.pipe_names == [RULER_NAME]
    doc = nlp("Turkish forces and the US met the UN in Ankara. Recep Tayyip Erdogan ate turkey with us.")
    assert _ents(doc) == [
        ("Turkish", "NORP", "TUR"),
        ("US", "GPE", "USA"),
        ("UN", "ORG", "IGOUNO"),
        ("Ankara", "GPE", "TUR"),
        ("Recep Tayyip Erdogan", "PERSON", "recep-tayyip-erdogan"),  # the longest match wins over "Erdogan"
    ]


def _with_model_ents(nlp: spacy.language.Language, text: str, ents: list[tuple[int, int, str]]) -> Doc:
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return nlp.get_pipe(RULER_NAME)(doc)


def test_overlap_policy_longer_keeps_longer_model_entities() -> None:
    nlp = _blank_with_ruler("longer")
    text = "The Turkish envoy met the University of Ankara and Mr Smith in Paris."
    # tokens: The(0) Turkish(1) envoy(2) met(3) the(4) University(5) of(6) Ankara(7) and(8) Mr(9) Smith(10) in(11) Paris(12)
    model = [(1, 2, "ORG"), (5, 8, "ORG"), (12, 13, "GPE")]
    doc = _with_model_ents(nlp, text, model)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Turkish", "NORP"),  # equally long: the ruler wins
        ("University of Ankara", "ORG"),  # the model's longer name is not cut
        ("Paris", "GPE"),  # untouched model entity kept
    ]
    # a longer model entity that only adds title words is not a name: the KB name wins
    titled = _with_model_ents(nlp, "President Recep Tayyip Erdogan and the Turkish President spoke.", [(0, 4, "PERSON"), (6, 8, "ORG")])
    assert [(e.text, e.label_) for e in titled.ents] == [("Recep Tayyip Erdogan", "PERSON"), ("Turkish", "NORP")]
    assert [(e.text, e.label_) for e in _with_model_ents(_blank_with_ruler("ruler"), text, model).ents] == [
        ("Turkish", "NORP"), ("Ankara", "GPE"), ("Paris", "GPE"),
    ]
    assert [(e.text, e.label_) for e in _with_model_ents(_blank_with_ruler("model"), text, model).ents] == [
        ("Turkish", "ORG"), ("University of Ankara", "ORG"), ("Paris", "GPE"),
    ]


def test_user_patterns_override_derived_ones(tmp_path: Path) -> None:
    path = tmp_path / "patterns.jsonl"
    path.write_text(
        "# my patterns\n"
        '{"label": "PERSON", "pattern": "Ankara", "id": "someone"}\n'
        "\n"
        '{"label": "ORG", "pattern": [{"LOWER": "acme"}, {"LOWER": "corp"}]}\n',
        encoding="utf-8",
    )
    user = load_user_patterns(path)
    merged = merge_patterns(gazetteer_patterns(_small_kb(), None), user)
    assert _by_phrase([p for p in merged if isinstance(p["pattern"], str)])["Ankara"] == ("PERSON", "someone")  # type: ignore[arg-type]
    nlp = spacy.blank("en")
    add_gazetteer_ruler(nlp, merged)
    assert [(e.text, e.label_) for e in nlp("ACME corp opened in Ankara.").ents] == [("ACME corp", "ORG"), ("Ankara", "PERSON")]


@pytest.mark.parametrize(
    "line",
    ['{"label": "ORG"}', '{"label": "", "pattern": "X"}', '["ORG", "X"]', "{not json", '{"label": "ORG", "pattern": "X", "id": 3}'],
)
def test_malformed_user_patterns_name_the_line(tmp_path: Path, line: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"label": "ORG", "pattern": "Fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="bad.jsonl:2: "):
        load_user_patterns(path)


def test_settings_are_documented_and_default_on() -> None:
    nlp_settings = load_settings().nlp
    assert nlp_settings.gazetteer_ruler is True and nlp_settings.ruler_patterns == ""


_NO_MODEL = not (packaged_model_path() / "meta.json").is_file()


@pytest.mark.model
@pytest.mark.skipif(_NO_MODEL, reason="trained model absent")
def test_setting_off_means_no_ruler() -> None:
    assert RULER_NAME not in load_trained(NlpSettings(gazetteer_ruler=False)).nlp.pipe_names


@pytest.mark.model
@pytest.mark.skipif(_NO_MODEL, reason="trained model absent")
def test_trained_backend_has_the_ruler_after_ner(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"label": "ORG", "pattern": "Zorblax Industries"}\n', encoding="utf-8")
    nlp = load_trained(NlpSettings(ruler_patterns=str(path))).nlp
    names = nlp.pipe_names
    assert names.index(RULER_NAME) == names.index("ner") + 1
    doc = nlp("Zorblax Industries said Turkey and Recep Tayyip Erdogan met in Ankara.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("Zorblax Industries", "ORG"), ("Turkey", "GPE"), ("Recep Tayyip Erdogan", "PERSON"), ("Ankara", "GPE")} <= ents


def test_the_pipeline_adds_the_ruler_once_from_its_own_knowledge() -> None:
    from dragoman.pipeline import load_pipeline

    pipeline = load_pipeline(load_settings())
    if not pipeline.nlp.has_ner:
        pytest.skip("no trained model: no NER to follow")
    assert pipeline.nlp.nlp.pipe_names.count("gazetteer_ruler") == 1
    assert pipeline.nlp.nlp.pipe_names[-1] == "gazetteer_ruler"
    doc = pipeline.nlp.nlp("Recep Tayyip Erdogan flew to Tehran.")
    assert ("Recep Tayyip Erdogan", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_the_phrase_table_finds_what_spacys_phrase_matcher_finds() -> None:
    """add_gazetteer_ruler replaces the span ruler's PhraseMatcher by its own table of tokens: every
    occurrence of every phrase, overlapping ones too, and the token patterns, as spaCy finds them."""
    patterns: list[dict[str, object]] = [
        {"label": "GPE", "pattern": "New York", "id": "NY"}, {"label": "GPE", "pattern": "New York City", "id": "NYC"},
        {"label": "GPE", "pattern": "York", "id": "Y"}, {"label": "GPE", "pattern": "U.S.", "id": "USA"},
        {"label": "ORG", "pattern": "U.S. Army", "id": "USAMIL"}, {"label": "PERSON", "pattern": "York", "id": "y"},
        {"label": "ORG", "pattern": [{"LOWER": "acme"}, {"IS_DIGIT": True, "OP": "?"}], "id": "ACME"},
        {"label": "LOC", "pattern": "Gaza Strip's", "id": "PSE"}, {"label": "ORG", "pattern": "  ", "id": ""},
    ]
    ours = add_gazetteer_ruler(spacy.blank("en"), patterns)  # type: ignore[arg-type]
    theirs = spacy.blank("en").add_pipe("span_ruler", config={"phrase_matcher_attr": "ORTH", "annotate_ents": True, "spans_key": None})
    theirs.add_patterns(patterns)  # type: ignore[arg-type]
    assert ours.patterns == theirs.patterns and ours.labels == theirs.labels and len(ours) == len(theirs)
    found = 0
    for text in ("New York City and New York, York, the U.S. Army and the U.S.", "acme 7 and Acme and ACME", "Gaza Strip's border", "",
                 "York York York New", "New York"):
        mine, spacys = ours.match(ours.nlp.make_doc(text)), theirs.match(theirs.nlp.make_doc(text))  # type: ignore[attr-defined]
        assert [(s.start, s.end, s.label_, s.id_) for s in mine] == [(s.start, s.end, s.label_, s.id_) for s in spacys], text
        found += len(mine)
    assert found >= 20
