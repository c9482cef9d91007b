from __future__ import annotations

import logging

from sociale_kaart.logboek import ZonderZoekvraag


def access_record(path: str) -> logging.LogRecord:
    return logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1,
                             '%s - "%s %s HTTP/%s" %d',
                             ("127.0.0.1:5000", "GET", path, "1.1", 200), None)


def test_the_query_with_the_residents_words_is_left_out():
    record = access_record("/gemeenten/resolve?q=Anna%20de%20Vries%2006%2012345678")
    assert ZonderZoekvraag().filter(record)
    assert record.getMessage() == '127.0.0.1:5000 - "GET /gemeenten/resolve?… HTTP/1.1" 200'


def test_a_path_without_query_stays_as_it_is():
    record = access_record("/health")
    ZonderZoekvraag().filter(record)
    assert record.getMessage() == '127.0.0.1:5000 - "GET /health HTTP/1.1" 200'
