"""Create the tables and, in an empty database, the example data.

Run as `python -m sociale_kaart.init_db`.
"""

from __future__ import annotations

from sqlmodel import Session

from sociale_kaart.core.config import settings
from sociale_kaart.core.db import create_tables, make_engine
from sociale_kaart.example_data import load_example_data


def main() -> None:
    engine = make_engine(settings.database_url)
    create_tables(engine)
    with Session(engine) as session:
        loaded = load_example_data(session)
    where = engine.url.render_as_string(hide_password=True)
    print(("Voorbeeldgegevens geladen in " if loaded else "Database al gevuld: ") + where)


if __name__ == "__main__":
    main()
