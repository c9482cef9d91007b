"""Bad input never gets a 500: schema-based fuzzing of every endpoint (schemathesis), and
property-based fuzzing of the importers (hypothesis)."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from sqlmodel import Session

from sociale_kaart.hsds.csv_format import COLUMNS, document_from_csv
from sociale_kaart.hsds.importer import ImportFout, import_document

from .conftest import ADMIN_TOKEN
from .factories import small_map

TOKEN = ADMIN_TOKEN


@pytest.fixture
def fuzz_app(admin_app):
    # A small map keeps each call fast, so the fuzzer can try many inputs.
    with Session(admin_app.state.engine) as session:
        import_document(session, small_map())
    # The first search by meaning loads its model (seconds on a busy machine); do that before
    # fuzzing, so a slow start is not taken for a hanging endpoint.
    with TestClient(admin_app) as client:
        client.get("/search", params={"q": "hulp in huis", "betekenis": "true"})
    return admin_app


def test_no_endpoint_answers_with_a_server_error(fuzz_app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12, "every route should be in the OpenAPI document"
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case):
            case.call_and_validate(headers=auth, checks=[not_a_server_error])

        call()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=20,
)


def _mutations():
    """Valid documents with one field replaced by something random: the likeliest mistakes."""
    base = small_map()
    paths = [("services", 0, "name"), ("services", 0, "attributes"), ("services", 1, "phones"),
             ("services", 0, "service_at_locations"), ("organizations", 0, "id"),
             ("services", 2, "schedules"), ("laatst_gecontroleerd",), ("services", 3, "languages")]
    return st.tuples(st.sampled_from(paths), json_values).map(lambda pv: _replace(base, *pv))


def _replace(doc, path, value):
    import copy
    doc = copy.deepcopy(doc)
    node = doc
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return doc


@given(raw=json_values | _mutations())
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_import_accepts_or_explains_anything(fuzz_app, raw):
    with Session(fuzz_app.state.engine) as session:
        try:
            import_document(session, raw)
        except ImportFout as exc:
            assert exc.fouten and all(isinstance(f, str) for f in exc.fouten)


@given(cells=st.lists(st.lists(st.text(max_size=15), min_size=len(COLUMNS),
                               max_size=len(COLUMNS)), max_size=4),
       delimiter=st.sampled_from([",", ";"]))
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_csv_import_accepts_or_explains_anything(fuzz_app, cells, delimiter):
    client = TestClient(fuzz_app)
    lines = [delimiter.join(COLUMNS)] + [
        delimiter.join('"' + c.replace('"', '""') + '"' for c in row) for row in cells]
    response = client.post("/admin/import/csv", content="\n".join(lines).encode(),
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code in (200, 400, 422), response.text


def test_csv_reader_survives_an_empty_file():
    assert document_from_csv("", "test", "2026-11-01")["services"] == []
