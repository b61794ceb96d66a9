"""The PETRARCH dictionary converter (``dragoman.events.petrarch_convert``).

Hand-written dictionary entries in both formats; the last test re-runs the converter on the
dictionaries in ../shared and compares with the committed file (skipped without ../shared).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from dragoman.events.petrarch_convert import P1_FILE, P2_FILE, Converter, Filter, convert, origin_verbs, parse_verb_line, read_dictionary, render

P2_TEXT = """\
&VEHICLE
+TRUCK
+LORRY
+ARMORED_CAR

####### VERB PATTERNS #######

---  HURRY   [---]  ---
HURRY {HURRIES HURRYING HURRIED }
RUSH
- * {ARMS SHIPMENT}                                   [072]         # RUSH
- * &VEHICLE (TO +)                                   [073]         # RUSH
- * (TO BORDER)                                       [154]         # RUSH
- &MILITARY *                                         [154]         # RUSH
- * PLAN                                              [---]         # HURRY
- * (FOR)                                             [042:043]     # RUSH
- * AID                                               [:070]        # RUSH
"""

P1_TEXT = """\
####### VERB PATTERNS #######

--- WITHDRAW [087] ---
WITHDRAW {WITHDRAWS WITHDREW WITHDRAWN WITHDRAWING}
+PULL_OUT
- * TROOPS_FROM + [0871]  # WITHDRAW <ab 02 Dec 2005>
- * ENVOY ^ FROM + [161:161]  # PULL_OUT
- SAID * TROOPS [087]  # WITHDRAW
- * NOT ATTACK + [138]  # WITHDRAW
- * + TOOK MEN FROM [087]  # WITHDRAW
"""


def test_verb_lines() -> None:
    assert parse_verb_line("SAY {SAYS SAID SAYING}").lemma == "say"
    express = parse_verb_line("EXPRESS [0110] ")
    assert express is not None and express.code == "0110"
    gun = parse_verb_line("+GUN_DOWN {+GUNS_DOWN +GUNNED_DOWN } [193]")
    assert gun is not None and (gun.lemma, gun.particles, gun.code) == ("gun", ("down",), "193")
    angered = parse_verb_line("+ANGERED_BY {}")
    assert angered is not None and (angered.lemma, angered.particles) == ("anger", ("by",))
    rearrest = parse_verb_line("RE_+ARREST")
    assert rearrest is not None and rearrest.front == ("re",)


def test_origin_verbs_from_the_comment() -> None:
    assert origin_verbs(" SAY <lrp 02 Aug 2005> ") == ("say",)
    assert origin_verbs(" ANNOUNCE <ab 02 Dec 2005>  , ANNOUNCE") == ("announce",)
    assert origin_verbs(" didn't work") == ()


def test_petrarch2_entries() -> None:
    dic = read_dictionary(P2_TEXT, "p2", P2_FILE)
    assert dic.synsets["&VEHICLE"] == ("TRUCK", "LORRY", "ARMORED_CAR")
    [block] = dic.blocks
    assert block.code == "---" and [v.lemma for v in block.verbs] == ["hurry", "rush"]
    conv = Converter(dic.synsets)
    assert conv.elements("p2", "", "{ARMS SHIPMENT}") == ["*", "arm", "shipment"]
    # a synset's single words; the multi-word member is left out; "(TO +)" keeps the slot after the preposition
    assert conv.elements("p2", "", "&VEHICLE (TO +)") == ["*", "truck|lorry", "*", "to", "+"]
    assert conv.elements("p2", "", "(TO BORDER)") == ["*", "to", "*", "border"]


def test_petrarch1_entries() -> None:
    dic = read_dictionary(P1_TEXT, "p1", P1_FILE)
    conv = Converter(dic.synsets)
    # "_" joins adjacent words, a space and "^" let words intervene
    assert conv.elements("p1", "", "TROOPS_FROM +") == ["*", "troop", "from", "+"]
    assert conv.elements("p1", "", "ENVOY ^ FROM +") == ["*", "envoy", "*", "from", "+"]
    named = {p.post: p.named for p in dic.patterns}
    assert "pull" in named["ENVOY ^ FROM +"] and "withdraw" not in named["ENVOY ^ FROM +"]


def test_convert_rows_and_reasons() -> None:
    rows, report = convert(P2_TEXT, P1_TEXT, Filter(hand_written_verbs=True, modality_roots=True, event_nouns=True))
    texts = {r.pattern: (r.code, r.flags) for r in rows}
    # each pattern only on the verb its comment names
    assert texts["rush * arm shipment"] == ("072", "")
    assert texts["rush * truck|lorry * to +"] == ("073", "")
    assert texts["rush * to * border"] == ("154", "")
    assert texts["withdraw * troop from +"] == ("0871", "")
    assert texts["pull out * envoy * from +"] == ("161", "reciprocal")  # [161:161]
    assert all(r.id.startswith(("p2.", "p1.")) for r in rows)
    assert len({r.id for r in rows}) == len(rows)
    reasons = {reason for (_, reason) in report.dropped}
    assert "null code --- (no event)" in reasons
    assert "words before the verb (a subject constraint)" in reasons
    assert "only a reverse code [:B] (target to source)" in reasons
    assert "negation in the pattern (the coder reads negation)" in reasons
    assert "a second verb after the verb (a clause, not an object)" in reasons
    assert any(r.startswith("filter: no object noun") for r in reasons)  # "rush * for" and the bare verbs
    assert report.kept["p2"] + report.kept["p1"] == 5


def test_hand_written_patterns_win() -> None:
    # "sell * to +" is hand-written: the same pattern is not converted, nor any pattern on "sell"
    text = "####### VERB PATTERNS #######\n\n--- SELL [070] ---\nSELL {SELLS SOLD SELLING}\n- * (TO +) [072]  # SELL\n- * HOUSE (TO +) [072]  # SELL\n"
    rows, report = convert(text, "", Filter())
    assert rows == []
    assert report.dropped[("p2", "duplicate of a hand-written or earlier converted pattern")] == 1
    rows, _ = convert(text, "", Filter(hand_written_verbs=True))
    assert [r.pattern for r in rows] == ["sell * house * to +"]


def test_committed_file_is_reproduced(shared: Path) -> None:
    source = shared / "external" / "petrarch_dictionaries"
    if not (source / P2_FILE).is_file():
        pytest.skip("the PETRARCH dictionaries are absent")
    rows, _ = convert((source / P2_FILE).read_text(encoding="utf-8"), (source / P1_FILE).read_text(encoding="utf-8"))
    committed = resources.files("dragoman.events").joinpath("data", "petrarch_patterns.tsv").read_text(encoding="utf-8")
    assert render(rows) == committed


def test_converted_patterns_load_only_on_request() -> None:
    from dragoman.events.patterns import load_patterns
    plain, with_petrarch = load_patterns(), load_patterns(petrarch=True)
    assert not any(p.id.startswith(("p1.", "p2.")) for p in plain.patterns)
    assert sum(p.id.startswith(("p1.", "p2.")) for p in with_petrarch.patterns) > 500
