"""Shares and their intervals, as the site and the report use them."""

from kbgen.stats import wilson_interval


def test_wilson_interval_matches_the_textbook_value():
    low, high = wilson_interval(26, 40)
    assert (round(low, 3), round(high, 3)) == (0.495, 0.779)
    assert wilson_interval(0, 0) == (0.0, 1.0)
