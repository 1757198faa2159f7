"""Samples by a hash of the ticket ids: the same on every run, and across overlapping exports."""

import numpy as np

from kbgen.sampling import sample, stable_key

KEY_OF_T1 = -6110345583502347773  # blake2b of the text, 8 bytes, little-endian, signed


def order(ids: list[str]) -> np.ndarray:
    return np.array([stable_key(ticket_id) for ticket_id in ids])


def test_the_key_is_the_same_on_every_run_and_machine():
    assert stable_key("T1") == KEY_OF_T1


def test_a_sample_of_an_export_is_mostly_the_sample_of_the_export_and_a_week_more():
    year = [f"T{n}" for n in range(2000)]
    more = year + [f"W{n}" for n in range(100)]
    chosen = {year[i] for i in sample(np.arange(len(year)), 200, order(year))}
    again = {more[i] for i in sample(np.arange(len(more)), 200, order(more))}
    assert len(chosen & again) >= 180  # a random sample of each would share about 20
    assert list(sample(np.arange(5), 10, order(year[:5]))) == [0, 1, 2, 3, 4]


def test_without_an_order_the_sample_is_seeded():
    rows = np.arange(100, 200)
    assert list(sample(rows, 10)) == list(sample(rows, 10)) and len(set(sample(rows, 10))) == 10

