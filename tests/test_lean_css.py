"""Patients download the stylesheet without its notes and spare spaces, meaning the same."""

import sys

import pytest

from conftest import ROOT, SETTINGS

sys.path.insert(0, str(ROOT / "plugins"))  # as Pelican's PLUGIN_PATHS does
from lean_css import lean

THEME_CSS = sorted((ROOT / SETTINGS["THEME"] / "static").rglob("*.css"))


@pytest.mark.parametrize(
    ("written", "published"),
    [
        ("/* a note */\na {\n  color: red;\n}\n", "a{color:red}"),
        ("h1, h2 > p { margin: 0 0 1em; }", "h1,h2>p{margin:0 0 1em}"),
        # a space before ":" is a descendant, before "(" may be needed, and calc needs them
        ("main :focus { width: calc(100% - 2em); }", "main :focus{width:calc(100% - 2em)}"),
        (
            "@media screen and (min-width: 40em) { a { b: c } }",
            "@media screen and (min-width:40em){a{b:c}}",
        ),
        # strings are kept as written, a comment inside one too
        (
            'a::after { content: " /* not a note */ ; } " }',
            'a::after{content:" /* not a note */ ; } "}',
        ),
        ("a { color: red !important ; }", "a{color:red!important}"),
        ("a/**/b { x: y }", "ab{x:y}"),
    ],
)
def test_a_stylesheet_is_published_without_notes_or_spare_spaces(written, published):
    assert lean(written) == published + "\n"


def test_the_site_s_stylesheet_is_published_lean_and_linked_from_every_page(site):
    assert THEME_CSS
    for source in THEME_CSS:
        shipped = site / SETTINGS["THEME_STATIC_DIR"] / source.relative_to(source.parents[1])
        text = shipped.read_text(encoding="utf-8")
        assert text == lean(source.read_text(encoding="utf-8"))
        assert "/*" not in text and "\n" not in text.rstrip("\n")
        assert len(text) < 0.9 * source.stat().st_size
