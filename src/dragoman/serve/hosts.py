"""Which ``Host`` headers the server answers: its defence against DNS rebinding.

A web page on another site can have its name re-pointed at 127.0.0.1 and then read this server
as if it were its own origin; but the browser still sends the page's own name in ``Host``. So the
server answers only the names it was started under and refuses every other ``Host`` with a 400
in the one error shape (:class:`HostCheck`).

Allowed hosts are written ``NAME`` (any port), ``NAME:PORT`` (that port only; a ``Host`` without
a port is port 80) or ``*`` (any ``Host``). ``NAME`` is a DNS name, an IPv4 address or an IPv6
address in brackets (``[::1]``). :func:`hosts_for_bind` says what ``dragoman serve`` allows for the
address it listens on (docs/store.md, "Serve").

Starlette's ``TrustedHostMiddleware`` is not used: it answers in plain text, not the error shape,
and it ignores the port.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from dragoman.errors import SettingsError
from dragoman.serve.error_shape import error_response

ANY_HOST = "*"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
"""The names of the loopback interface; ``create_app`` answers them on any port by default."""
WILDCARD_BINDS = frozenset({"0.0.0.0", "::", "[::]"})
"""Addresses that listen on every interface: the names clients use for them cannot be known."""

_NAME = re.compile(r"\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?")
_PORT = re.compile(r":([0-9]{1,5})")


@dataclass(frozen=True, slots=True)
class HostPattern:
    """One allowed host: a name, and its port or ``None`` for any port."""

    name: str  # lower case; an IPv6 address in brackets
    port: int | None

    def matches(self, name: str, port: int | None) -> bool:
        return name == self.name and (self.port is None or (port or 80) == self.port)

    def __str__(self) -> str:
        return self.name if self.port is None else f"{self.name}:{self.port}"


@dataclass(frozen=True, slots=True)
class AllowedHosts:
    """The ``Host`` values a server answers: ``any_host``, or one matching a pattern."""

    patterns: tuple[HostPattern, ...]
    any_host: bool = False

    def allows(self, host: str | None) -> bool:
        if self.any_host:
            return True
        parsed = split_host(host) if host is not None else None
        return parsed is not None and any(p.matches(*parsed) for p in self.patterns)

    def __str__(self) -> str:
        return ANY_HOST if self.any_host else ", ".join(str(p) for p in self.patterns)


def split_host(value: str) -> tuple[str, int | None] | None:
    """A ``Host`` header's name (lower case) and port (``None`` when absent); ``None`` if it is malformed."""
    value = value.strip().lower()
    if value.startswith("["):
        name, bracket, rest = value.partition("]")
        name += bracket
    else:
        name, colon, port = value.partition(":")
        rest = colon + port
    if not _NAME.fullmatch(name):
        return None
    if not rest:
        return name, None
    port_match = _PORT.fullmatch(rest)
    if port_match is None or not 0 < int(port_match.group(1)) <= 65535:
        return None
    return name, int(port_match.group(1))


def parse_allowed_hosts(entries: Iterable[str]) -> AllowedHosts:
    """Parse allowed-host entries (``NAME``, ``NAME:PORT``, ``[IPv6]:PORT`` or ``*``); a bad one raises ``SettingsError``."""
    patterns: list[HostPattern] = []
    any_host = False
    for entry in entries:
        if entry.strip() == ANY_HOST:
            any_host = True
            continue
        parsed = split_host(entry)
        if parsed is None:
            raise SettingsError(
                f"allowed host {entry!r} is not NAME, NAME:PORT, [IPv6 address]:PORT or '*'; "
                "e.g. --allow-host myhost.lan or --allow-host 192.168.1.20:8000"
            )
        pattern = HostPattern(*parsed)
        if pattern not in patterns:
            patterns.append(pattern)
    if not patterns and not any_host:
        raise SettingsError("no allowed host given: the server would refuse every request; give at least one name, or '*'")
    return AllowedHosts(tuple(patterns), any_host)


def hosts_for_bind(host: str, port: int, extra: Sequence[str] = ()) -> tuple[str, ...]:
    """What ``dragoman serve --host HOST --port PORT [--allow-host X ...]`` answers.

    - a loopback address (127.0.0.1, ::1, localhost): ``HOST:PORT`` and the loopback names on ``PORT``;
    - every interface (0.0.0.0, ::): the loopback names on ``PORT`` and ``extra``; without ``extra``,
      ``*`` (any ``Host``; the CLI warns, since DNS rebinding is then possible);
    - any other address: ``HOST:PORT``;

    each plus the ``extra`` names (``--allow-host``).
    """
    bound = host.strip().lower()
    loopback = tuple(f"{name}:{port}" for name in LOOPBACK_NAMES)
    if bound in WILDCARD_BINDS or not bound:
        return tuple(dict.fromkeys((*loopback, *extra))) if extra else (ANY_HOST,)
    own = f"{_as_host_name(bound)}:{port}"
    if _is_loopback(bound):
        return tuple(dict.fromkeys((own, *loopback, *extra)))
    return tuple(dict.fromkeys((own, *extra)))


def _as_host_name(address: str) -> str:
    return f"[{address}]" if ":" in address and not address.startswith("[") else address


def _is_loopback(address: str) -> bool:
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False


class HostCheck:
    """ASGI middleware: a request whose ``Host`` is not allowed gets a 400 in the one error shape."""

    def __init__(self, app: ASGIApp, allowed: AllowedHosts) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.allowed.any_host:
            await self.app(scope, receive, send)
            return
        host = Headers(scope=scope).get("host")
        if self.allowed.allows(host):
            await self.app(scope, receive, send)
            return
        found = "no Host header" if host is None else f"Host {host!r}"
        detail = (
            f"{found}: this server answers only {self.allowed} (a defence against DNS rebinding); "
            "use one of those names, or start it with --allow-host NAME"
        )
        await error_response(400, "Bad Request", detail)(scope, receive, send)
