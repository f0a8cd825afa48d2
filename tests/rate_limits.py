"""Helpers for the rate-limit tests: lower a rule, and what a limited answer looks like."""

import math


def set_limit(settings, rule: str, rates: str) -> None:
    """Replace the rates of one rule in ``settings.RATE_LIMITS`` for this test."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, rule: rates}


def assert_limited(response) -> None:
    """Status 429, Retry-After, and the Dutch page saying in how many minutes."""
    assert response.status_code == 429
    seconds = int(response["Retry-After"])
    assert seconds >= 1
    minutes = max(1, math.ceil(seconds / 60))
    unit = "minuut" if minutes == 1 else "minuten"
    html = response.content.decode()
    assert f"Te veel pogingen. Probeer het over {minutes} {unit} opnieuw." in html
    assert "<title>Te veel pogingen" in html
