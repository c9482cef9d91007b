from __future__ import annotations


def test_health(client):
    assert client.get("/health").json() == {"status": "ok"}


def test_widget_config_points_to_rasa(client):
    assert client.get("/config.json").json() == {"rasa_url": "http://rasa.test:5005"}


def test_home_page_is_served_in_dutch(client):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="nl"' in response.text


def test_openapi_documents_the_routes(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/gemeenten", "/gemeenten/resolve", "/gemeenten/{code}/toegang"} <= set(paths)
