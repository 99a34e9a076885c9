"""Side numbers of the benchmark: the generator's time per article, the portal's latency."""

from __future__ import annotations

import http.cookiejar
import logging
import statistics
import time
import urllib.request
from pathlib import Path

from articles import SETTLE_BALANCE_2021
from core.article import load_article
from core.portal_client import PortalClient
from features.gherkin import render_feature
from mock_portal import create_app
from mock_portal.server import start_in_thread


def generator_ms_per_article(articles: Path, repeats: int = 50) -> float:
    paths = sorted(articles.glob("*.md"))
    started = time.perf_counter()
    for _ in range(repeats):
        for path in paths:
            render_feature(load_article(path, SETTLE_BALANCE_2021), path.name)
    return (time.perf_counter() - started) * 1000 / (repeats * len(paths))


def portal_latency(requests: int = 400) -> tuple[float, float]:
    """p50 and p99 (ms) of the products page, over real HTTP on loopback."""
    logging.getLogger("mock_portal.access").setLevel(logging.WARNING)
    running = start_in_thread(create_app())
    try:
        tenant = PortalClient(running.url).create_tenant({})
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        opener.open(tenant.signin_url).read()
        samples = []
        for _ in range(requests):
            started = time.perf_counter()
            opener.open(running.url + "/billing/products").read()
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        running.stop()
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]
