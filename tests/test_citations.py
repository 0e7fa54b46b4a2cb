"""Sources cited together read as separate numbers ("2,3"), never as one ("23")."""

from conftest import GUIDE_SLUGS


def test_adjacent_citations_are_separated_by_a_comma(page):
    pairs = 0
    for slug in GUIDE_SLUGS:
        for sup in page(slug).select("sup:has(> a.citation__link)"):
            following = sup.next_sibling
            if following is not None and getattr(following, "name", None) == "sup":
                pairs += 1
                assert sup.get_text().endswith(","), f"{slug}: {sup}"
            else:
                assert not sup.get_text().endswith(","), f"{slug}: {sup}"
    assert pairs > 0, "no page cites two sources together: the test proves nothing"

