"""Reading a page talks to this site only: no third party, no cookie, no error, and little data."""

import gzip
import urllib.parse

import pytest

from browser_support import PAGES, WHOLE_GUIDES, browser, open_page, server  # noqa: F401 (fixtures)
from conftest import PAGE_BUDGET, SITE_ICON, WHOLE_GUIDE_BUDGET_PER_PART

MAX_REQUESTS = 2  # the page and its stylesheet
# The browser fetches the site icon once for the whole site and keeps it, so it is not
# one of the page's requests; its bytes still count towards the budget.


def load(browser, server, path):
    """Open `path`; return the responses, console errors and cookies seen."""
    responses, errors = [], []

    def listen(tab):
        tab.on("response", lambda response: responses.append(response))
        tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.on("requestfailed", lambda request: errors.append(f"failed: {request.url}"))

    with open_page(browser, server + path, before=listen) as tab:
        tab.wait_for_load_state("networkidle")
        bodies = {response.url: response.body() for response in responses}
        cookies = tab.context.cookies()
    return responses, bodies, errors, cookies


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_from_this_site_only_without_errors_or_cookies(browser, server, path):
    responses, _, errors, cookies = load(browser, server, path)
    hosts = {urllib.parse.urlsplit(response.url).hostname for response in responses}
    assert hosts == {"127.0.0.1"}
    assert all(response.ok for response in responses)
    assert errors == []
    assert cookies == []


def weight_and_requests(browser, server, path):
    """Bytes (gzip) and requests of the page, besides the site icon (whose bytes count)."""
    responses, bodies, _, _ = load(browser, server, path)
    weight = sum(len(gzip.compress(body, 9)) for body in bodies.values())
    page_requests = [r for r in responses if urllib.parse.urlsplit(r.url).path != f"/{SITE_ICON}"]
    print(f"{path}: {len(page_requests)} requests (+ site icon), {weight} bytes gzip")
    assert len(responses) - len(page_requests) <= 1
    assert any(url.split("?")[0].endswith(".css") for url in bodies), "stylesheet not loaded"
    return weight, len(page_requests)


@pytest.mark.parametrize("path", [path for path in PAGES if path not in WHOLE_GUIDES])
def test_page_weighs_at_most_14_kb_gzipped_in_2_requests_besides_the_site_icon(
    browser, server, path
):
    weight, requests = weight_and_requests(browser, server, path)
    assert requests <= MAX_REQUESTS
    assert weight <= PAGE_BUDGET


@pytest.mark.parametrize("path", WHOLE_GUIDES)
def test_whole_guide_weighs_at_most_5_5_kb_gzipped_a_part_in_2_requests_besides_the_site_icon(
    browser, server, page, path
):
    parts = len(page("index").select(".guide-overview__link"))
    weight, requests = weight_and_requests(browser, server, path)
    assert requests <= MAX_REQUESTS
    assert weight <= WHOLE_GUIDE_BUDGET_PER_PART * parts
