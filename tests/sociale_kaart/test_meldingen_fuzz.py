"""Bad input to POST /meldingen, with the right token, never gets a 500. (test_fuzz.py covers
every route, but with the beheer token, so there /meldingen stops at the 401.)"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from .conftest import MELDING_TOKEN


def test_no_melding_answers_with_a_server_error(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operation = schema["/meldingen"]["POST"]

    @given(case=operation.as_strategy())
    @settings(max_examples=80, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def call(case):
        case.call_and_validate(headers={"Authorization": f"Bearer {MELDING_TOKEN}"},
                               checks=[not_a_server_error])

    call()
