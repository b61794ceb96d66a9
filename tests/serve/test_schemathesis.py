"""schemathesis against the OpenAPI spec, over HTTP on loopback: no input makes a server error,
and every response conforms to the schema the server publishes (status codes, content types,
bodies, headers)."""

from __future__ import annotations

from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402


def _check(case: Any) -> None:
    response = case.call(timeout=10)
    assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query} → {response.status_code}: {response.text[:300]}"
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and {"status", "title", "detail"} == set(body["error"]), body
    case.validate_response(response)


def test_no_server_error_on_any_operation(base_url: str) -> None:
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:
        @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy())
        def run(case: Any) -> None:
            _check(case)

        run()
