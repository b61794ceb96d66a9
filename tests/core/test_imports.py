"""The import contract between the stage packages (docs/architecture.md), checked on the source with ``ast``.

1. No module of a stage package imports a private name (``_x``) or a private module from outside its package.
2. A stage package imports another stage only through that stage's ``__init__`` and only the names in
   its ``__all__``: never one of its internal modules (``dragoman.places.context``).
3. A stage package depends only on the shared modules (records, errors, settings, knowledge, ranges) and on
   the packages :data:`DEPENDS` allows it, each for the reason given there; an entry no import uses
   any more fails too, so the list stays true.
"""

from __future__ import annotations

import ast
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "dragoman"
STAGES = ("actors", "clean", "events", "ingest", "nlp", "places", "quotes", "store", "scale", "serve", "eval")
SHARED = frozenset({"records", "errors", "settings", "knowledge", "ranges"})
"""What every stage may import: the records that flow between stages, the errors, the settings tree,
the knowledge layer (the one reader of data files) and the offset indexes that keep the stages linear
(``ranges``: what covers an offset, what starts inside a range)."""

DEPENDS: Mapping[str, Mapping[str, str]] = {
    "actors": {"places": "a city of the gazetteer after 'in', 'at' ... is a place of its country (actors/cities.py)"},
    "clean": {"nlp": "the abbreviations of nlp's sentence splitter: clean and nlp must cut sentences alike"},
    "nlp": {
        "actors": "the entity ruler after the NER is fed by the actor knowledge base",
        "places": "... and by the places gazetteer",
    },
    "events": {"places": "an event's date and place are read from its sentence (date_finder, place_finder)"},
    "store": {
        "events": "a stored CAMEO code is shown with its name",
        "ingest": "migrating a store derives the outlet of the articles stored before as ingest derives it (outlet_of)",
    },
    "eval": {
        "pipeline": "eval scores what the pipeline codes",
        "ingest": "gold records are read as `dragoman code` reads JSONL",
        "events": "cameo_examples scores the pattern readings of sentences without annotated actors",
    },
    "scale": {
        "pipeline": "each shard is coded by the pipeline",
        "ingest": "shards are read by ingest's record parser",
        "store": "the Parquet rows are the store's rows (one flattening); `dragoman load` writes the store",
        "contract": "the Parquet output keeps the JSON contract",
    },
    "serve": {
        "store": "the HTTP API reads the store",
        "__init__": "the version in the OpenAPI document",
        "actors": "an actor page shows what the knowledge base knows of a code: its name, kind and dated roles",
    },
}
"""The stage order's exceptions to "a stage imports only the shared modules": importer → {imported package: why}."""


@dataclass(frozen=True, slots=True)
class Import:
    module: str  # the importing module, e.g. dragoman.events.coder
    line: int
    target: str  # the imported module, e.g. dragoman.places.context
    names: tuple[str, ...]  # the names of a from-import; () for "import x"

    @property
    def stage(self) -> str:
        return self.module.split(".")[1]

    @property
    def target_package(self) -> str:
        """The first name under dragoman: a package or top-level module ("__init__" for dragoman itself)."""
        parts = self.target.split(".")
        return parts[1] if len(parts) > 1 else "__init__"

    def __str__(self) -> str:
        return f"{self.module}:{self.line} imports {', '.join(self.names) or '*'} from {self.target}"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _imports() -> Iterator[Import]:
    for stage in STAGES:
        for path in sorted((SRC / stage).rglob("*.py")):
            module = _module_name(path)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
                if isinstance(node, ast.ImportFrom):
                    target = _absolute(module, path, node)
                    if target == "dragoman" or target.startswith("dragoman."):
                        yield Import(module, node.lineno, target, tuple(a.name for a in node.names))
                elif isinstance(node, ast.Import):
                    for alias in node.names:
                        if alias.name.startswith("dragoman."):
                            yield Import(module, node.lineno, alias.name, ())


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def takes_a_private_name(i: Import) -> bool:
    return any(_private(n) for n in i.names) or any(_private(p) for p in i.target.split(".")[1:])


def reaches_inside_a_stage(i: Import) -> bool:
    return i.target_package in STAGES and i.target != f"dragoman.{i.target_package}"


def is_undeclared(i: Import) -> bool:
    return i.target_package not in SHARED and i.target_package not in DEPENDS.get(i.stage, {})


IMPORTS = tuple(_imports())
FOREIGN = tuple(i for i in IMPORTS if i.target_package != i.stage)


def test_the_walk_sees_the_stages_imports() -> None:
    assert {i.stage for i in IMPORTS} == set(STAGES)
    assert any(i.target == "dragoman.places" and "DateFinder" in i.names for i in IMPORTS)


def test_the_rules_catch_what_they_forbid() -> None:
    assert takes_a_private_name(Import("dragoman.events.coder", 1, "dragoman.actors", ("_kb",)))
    assert takes_a_private_name(Import("dragoman.events.coder", 1, "dragoman.actors._index", ("TermIndex",)))
    assert not takes_a_private_name(Import("dragoman.serve.app", 1, "dragoman", ("__version__",)))
    assert reaches_inside_a_stage(Import("dragoman.events.coder", 1, "dragoman.places.context", ("DateFinder",)))
    assert not reaches_inside_a_stage(Import("dragoman.events.coder", 1, "dragoman.places", ("DateFinder",)))
    assert is_undeclared(Import("dragoman.quotes.speakers", 1, "dragoman.actors", ("KnowledgeBase",)))
    assert not is_undeclared(Import("dragoman.quotes.speakers", 1, "dragoman.records", ("Quote",)))


def test_no_stage_imports_a_private_name_of_another_package() -> None:
    bad = [str(i) for i in FOREIGN if takes_a_private_name(i)]
    assert not bad, "private names are for their own package; export what another package needs:\n" + "\n".join(bad)


def test_a_stage_reaches_another_stage_only_through_its_init() -> None:
    inner = [str(i) for i in FOREIGN if reaches_inside_a_stage(i)]
    assert not inner, "import the stage package (export the name from its __init__), not its modules:\n" + "\n".join(inner)


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_only_names_its_neighbour_exports(stage: str) -> None:
    unexported = []
    for i in FOREIGN:
        if i.stage != stage or i.target_package not in STAGES or reaches_inside_a_stage(i):
            continue
        public = set(getattr(importlib.import_module(i.target), "__all__", ()))
        unexported += [f"{i}: {n} is not in {i.target}.__all__" for n in i.names if n not in public]
    assert not unexported, "\n".join(unexported)


def test_stages_depend_only_on_what_the_stage_order_allows() -> None:
    bad = [
        f"{i} (add it to DEPENDS['{i.stage}'] with the reason, or move the shared part to the knowledge layer)"
        for i in FOREIGN if is_undeclared(i)
    ]
    assert not bad, "\n".join(bad)


def test_every_allowed_dependency_is_used() -> None:
    used = {(i.stage, i.target_package) for i in FOREIGN}
    stale = [f"{stage} → {target}" for stage, targets in DEPENDS.items() for target in targets if (stage, target) not in used]
    assert not stale, "DEPENDS allows imports no module makes any more; remove them: " + ", ".join(stale)
