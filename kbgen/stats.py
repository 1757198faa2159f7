"""Statistics the site and the report share: shares with their 95% intervals.

A help site's counts are small and uneven (two votes on one page, five hundred on another), so a
share is never shown or ranked without the interval that says how sure it is.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

Z95 = 1.959964


@dataclass(frozen=True)
class Share:
    """part of n, with its Wilson 95% interval; value and bounds are None when n is 0."""

    part: int
    n: int
    value: float | None
    low: float | None
    high: float | None


def wilson_interval(part: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of part/n; (0, 1) when there is no data."""
    if n <= 0:
        return 0.0, 1.0
    p = part / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - margin), min(1.0, centre + margin)


def share(part: int, n: int) -> Share:
    if n <= 0:
        return Share(part, n, None, None, None)
    low, high = wilson_interval(part, n)
    return Share(part, n, part / n, low, high)


def mean_interval(values: Sequence[float], low: float, high: float) -> tuple[float | None, float | None, float | None]:
    """(mean, lower, upper): Student's t 95% interval kept within [low, high]; no interval for
    fewer than two values, no mean for none."""
    n = len(values)
    if not n:
        return None, None, None
    mean = statistics.fmean(values)
    if n < 2:
        return mean, None, None
    from scipy.special import stdtrit  # here: only reports with scale answers need it

    margin = float(stdtrit(n - 1, 0.975)) * statistics.stdev(values) / math.sqrt(n)
    return mean, max(low, mean - margin), min(high, mean + margin)
