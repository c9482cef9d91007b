from __future__ import annotations

import pytest

from sociale_kaart.snelheidslimiet import Snelheidslimiet


class Klok:
    def __init__(self) -> None:
        self.nu = 1000.0

    def __call__(self) -> float:
        return self.nu


@pytest.fixture
def klok() -> Klok:
    return Klok()


def test_a_full_bucket_allows_a_burst_then_says_how_long_to_wait(klok):
    limiet = Snelheidslimiet(voorraad=3, per_seconde=2, klok=klok)
    assert [limiet.wachttijd("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiet.wachttijd("a") == pytest.approx(0.5)


def test_a_refused_request_takes_nothing(klok):
    limiet = Snelheidslimiet(voorraad=1, per_seconde=1, klok=klok)
    limiet.wachttijd("a")
    assert limiet.wachttijd("a") == pytest.approx(1.0)
    klok.nu += 0.6
    assert limiet.wachttijd("a") == pytest.approx(0.4)
    klok.nu += 0.4
    assert limiet.wachttijd("a") == 0.0


def test_the_bucket_refills_with_time_but_not_above_its_size(klok):
    limiet = Snelheidslimiet(voorraad=2, per_seconde=1, klok=klok)
    limiet.wachttijd("a"), limiet.wachttijd("a")
    klok.nu += 1
    assert limiet.wachttijd("a") == 0.0
    assert limiet.wachttijd("a") > 0
    klok.nu += 3600
    assert [limiet.wachttijd("a") for _ in range(3)][:2] == [0.0, 0.0]
    assert limiet.wachttijd("a") > 0


def test_each_key_has_its_own_bucket(klok):
    limiet = Snelheidslimiet(voorraad=1, per_seconde=1, klok=klok)
    assert limiet.wachttijd("a") == 0.0
    assert limiet.wachttijd("a") > 0
    assert limiet.wachttijd("b") == 0.0


def test_buckets_that_are_full_again_are_dropped(klok):
    limiet = Snelheidslimiet(voorraad=4, per_seconde=2, klok=klok)
    for sleutel in ("a", "b", "c"):
        limiet.wachttijd(sleutel)
    klok.nu += 1
    limiet.wachttijd("d")
    assert len(limiet) == 4
    klok.nu += 1.5  # a, b and c are full again after 2 s; d is not yet
    limiet.wachttijd("e")
    assert len(limiet) == 2


def test_a_dropped_bucket_comes_back_full(klok):
    limiet = Snelheidslimiet(voorraad=2, per_seconde=1, klok=klok)
    limiet.wachttijd("a"), limiet.wachttijd("a")
    klok.nu += 2
    limiet.wachttijd("b")  # drops a
    assert [limiet.wachttijd("a") for _ in range(2)] == [0.0, 0.0]


def test_memory_is_capped_when_many_keys_arrive_at_once(klok):
    limiet = Snelheidslimiet(voorraad=10, per_seconde=1, klok=klok, max_sleutels=100)
    for nummer in range(1000):
        limiet.wachttijd(f"adres-{nummer}")
    assert len(limiet) == 100
    # The keys in use stay: the least recently used go first.
    limiet.wachttijd("adres-999")
    assert limiet.wachttijd("adres-999") == 0.0
    assert len(limiet) == 100


def test_a_clock_that_goes_back_adds_nothing(klok):
    limiet = Snelheidslimiet(voorraad=1, per_seconde=1, klok=klok)
    limiet.wachttijd("a")
    klok.nu -= 10
    assert limiet.wachttijd("a") > 0


@pytest.mark.parametrize(("voorraad", "per_seconde"), [(0, 1), (1, 0), (1, -1)])
def test_a_bucket_that_could_never_allow_anything_is_refused(voorraad, per_seconde):
    with pytest.raises(ValueError):
        Snelheidslimiet(voorraad=voorraad, per_seconde=per_seconde)
