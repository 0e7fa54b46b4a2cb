"""Reading a page talks to this site only: no third party, no cookie, no error, and little data."""

import gzip
import urllib.parse

import pytest

from browser_support import PAGES, browser, open_page, server  # noqa: F401 (fixtures)

BUDGET = 14 * 1024  # bytes, gzip-compressed: the first round trip of a slow connection
MAX_REQUESTS = 2  # the page and its stylesheet


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


@pytest.mark.parametrize("path", PAGES)
def test_page_and_its_css_weigh_at_most_14_kb_gzipped_in_2_requests(browser, server, path):
    responses, bodies, _, _ = load(browser, server, path)
    weight = sum(len(gzip.compress(body, 9)) for body in bodies.values())
    print(f"{path}: {len(responses)} requests, {weight} bytes gzip")
    assert len(responses) <= MAX_REQUESTS
    assert any(url.split("?")[0].endswith(".css") for url in bodies), "stylesheet not loaded"
    assert weight <= BUDGET
