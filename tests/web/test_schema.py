"""Schemathesis against the app's own OpenAPI schema: no request it can make gets a 5xx."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from web_support import TOKEN  # noqa: E402


def test_no_server_error_for_any_generated_request(app) -> None:
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures = []
    calls = []
    for operation in schema.get_all_operations():
        op = operation.ok()

        @settings(max_examples=15, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=op.as_strategy())
        def run(case) -> None:
            response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})  # POST too
            calls.append(response.status_code)
            if response.status_code >= 500:
                failures.append((case.method, case.formatted_path, case.query, response.status_code))

        run()
    assert len(calls) >= 50, "schemathesis made too few requests to mean anything"
    assert not failures, failures[:5]
