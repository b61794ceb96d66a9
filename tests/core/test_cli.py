"""The CLI stays thin: every command calls an api function, and `actors` loads only the knowledge base."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dragoman.api
import dragoman.cli as cli

CLI = Path(cli.__file__)


def _commands() -> list[ast.FunctionDef]:
    tree = ast.parse(CLI.read_text(encoding="utf-8"))
    return [
        f for f in tree.body if isinstance(f, ast.FunctionDef)
        and any(isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr == "command" for d in f.decorator_list)
    ]


def _api_calls(node: ast.AST) -> set[str]:
    return {
        n.func.attr for n in ast.walk(node)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name) and n.func.value.id == "api"
    }


def test_every_command_calls_an_api_function() -> None:
    helpers = {f.name: f for f in ast.parse(CLI.read_text(encoding="utf-8")).body if isinstance(f, ast.FunctionDef)}
    commands = _commands()
    assert len(commands) >= 15
    for command in commands:
        # a command may hand its work to a helper of cli.py (code → _code_to_parquet)
        called = {n.func.id for n in ast.walk(command) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        calls = _api_calls(command).union(*(_api_calls(helpers[name]) for name in called if name in helpers))
        assert calls, f"{command.name} calls no api function"
        assert calls <= set(dragoman.api.__all__), f"{command.name} calls {calls - set(dragoman.api.__all__)}, not in api.__all__"


def test_actors_lookup_loads_no_pipeline(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def refuse(*args: object) -> object:
        raise AssertionError("dragoman actors lookup loaded the whole pipeline")

    monkeypatch.setattr(cli, "load_pipeline", refuse)
    assert cli.main(["actors", "lookup", "the Turkish president", "--date", "2016-05-01"]) == 0
    assert "Erdogan" in capsys.readouterr().out
