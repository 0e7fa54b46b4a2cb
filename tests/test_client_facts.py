"""Every key point of the client's copy is on the page it belongs to."""

import pytest

from client_facts import CLIENT_FACTS
from conftest import visible_text


@pytest.mark.parametrize("fact", CLIENT_FACTS, ids=lambda f: f["fact"][:40])
def test_client_fact_is_on_its_page(page, fact):
    text = visible_text(page(fact["page"]).select_one("main"))
    for phrase in fact["phrases"]:
        assert " ".join(phrase.lower().split()) in text, f"{phrase!r} not on {fact['page']}"
