"""Schemathesis against the app's own OpenAPI schema: no request it can make gets a 5xx, and
every answer has a documented status code, a documented content type and the documented shape.
Bounded: a few examples per operation, on SQLite and (when set up) on PostgreSQL."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from web_support import TOKEN, make_app  # noqa: E402


def failures_of(app, max_examples: int) -> tuple[int, list]:
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import (
        FailureGroup,
        content_type_conformance,
        not_a_server_error,
        response_schema_conformance,
        status_code_conformance,
    )

    checks = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: list = []
    calls: list[int] = []
    for operation in schema.get_all_operations():
        op = operation.ok()

        @settings(max_examples=max_examples, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(case=op.as_strategy())
        def run(case) -> None:
            response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})  # POST too
            calls.append(response.status_code)
            try:
                case.validate_response(response, checks=checks)
            except FailureGroup as group:
                failures.append((case.method, case.formatted_path, case.query, response.status_code,
                                 [str(e)[:300] for e in group.exceptions]))

        run()
    return len(calls), failures


def test_no_server_error_for_any_generated_request(app) -> None:
    calls, failures = failures_of(app, max_examples=12)
    assert calls >= 80, "schemathesis made too few requests to mean anything"
    assert not failures, failures[:5]


def test_no_server_error_on_postgresql(pg_ledger) -> None:
    calls, failures = failures_of(make_app(pg_ledger), max_examples=8)
    assert calls >= 50
    assert not failures, failures[:5]
