"""The reply language once the gemeente is known: Dutch by default in the Stellingwerven."""

from __future__ import annotations

import pytest

from actions.taal import taal_na_plaats

from .conftest import make_tracker


@pytest.mark.parametrize(("slots", "gemeente", "verwacht"), [
    # One Frisian-looking word in Wolvega (Weststellingwerf): back to Dutch.
    ({"taal": "fy"}, "GM0098", {"taal": "nl"}),
    ({"taal": "fy"}, "GM0085", {"taal": "nl"}),
    # Frisian beyond doubt, or a language the resident chose: it stays.
    ({"taal": "fy", "taal_zeker": "ja"}, "GM0085", {}),
    # Elsewhere in Fryslân nothing changes, and Dutch stays Dutch everywhere.
    ({"taal": "fy"}, "GM0090", {}),
    ({"taal": "nl"}, "GM0098", {}),
    ({"taal": "fy"}, None, {}),
])
def test_the_stellingwerven_default_to_dutch(slots, gemeente, verwacht):
    assert taal_na_plaats(make_tracker(slots), gemeente) == verwacht
