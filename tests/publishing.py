"""Helpers for the publishing tests: `make publish` and its output, as staff run it."""

import contextlib
import datetime
import functools
import json
import os
import pathlib
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

from bs4 import BeautifulSoup

from conftest import TODAY, TRANSLATIONS, signed_off

ROOT = pathlib.Path(__file__).resolve().parent.parent
NGINX = ROOT / "deploy" / "nginx.conf"
# A sub-path, so every test of the published site also shows it works there.
EXAMPLE_SITEURL = "https://example.org/clinic"
NOT_FOUND_PAGE = """Title: Page not found
Slug: 404
Save_as: 404.html
URL: 404.html
Summary: The page you asked for is not on this site.
Reviewer: Dr Test Example, vascular surgeon (a test's sign-off)
Reviewed: {today}
Next-review: {next_year}

Start again from the [home page]({{filename}}index.md).
"""


def sign_off(content):
    """Sign every file of a content folder off, as a clinician would, and every
    translation as a qualified translator would (`make publish` refuses unsigned files
    and unchecked translations); files that name their reviewers keep theirs."""
    for path in content.rglob("*.md"):
        path.write_text(signed_off(path.read_text(encoding="utf-8")), encoding="utf-8")
    return content


@functools.cache
def signed_content():
    """A signed-off copy of content/, made once per test session."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="signed-content-")) / "content"
    shutil.copytree(ROOT / "content", folder)
    return sign_off(folder)


def make(target, siteurl, content=None, output=None, flags=(), **variables):
    """Run `make <flags> <target>` with SITEURL in the environment; return the process."""
    env = dict(os.environ, SITEURL=siteurl)
    variables.setdefault("INPUTDIR", content or signed_content())
    if output is not None:
        variables["OUTPUTDIR"] = output
    command = ["make", "--no-print-directory", *flags, target]
    command += [f"{name}={value}" for name, value in variables.items()]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def with_not_found_page(content):
    """The content folder, with a 404 page if it has none yet (the theme adds one)."""
    page = content / "pages" / "404.md"
    if not any(content.rglob("404.md")):
        text = NOT_FOUND_PAGE.format(today=TODAY, next_year=TODAY + datetime.timedelta(days=365))
        page.write_text(text, encoding="utf-8")
    return content


def page_files(output):
    """Every page of a built site: its .html files."""
    return sorted(pathlib.Path(output).glob("*.html"))


def pages_in_every_language(output):
    """Every page of a built site in every language: its .html files, and those of each
    translation's folder (es/…)."""
    return page_files(output) + [
        path for lang in TRANSLATIONS for path in page_files(pathlib.Path(output) / lang)
    ]


def soup_of(path):
    return BeautifulSoup(pathlib.Path(path).read_text(encoding="utf-8"), "html.parser")


def structured_data(soup):
    """The page's one JSON-LD block, parsed."""
    blocks = soup.find_all("script", type="application/ld+json")
    assert len(blocks) == 1, f"expected one JSON-LD block, found {len(blocks)}"
    return json.loads(blocks[0].string)


def nginx():
    """The shipped nginx configuration's headers, page and theme cache lifetimes."""
    text = NGINX.read_text()
    headers = dict(re.findall(r'^add_header (\S+) "([^"]*)" always;$', text, re.M))
    cache = re.findall(r'set \$cache_control "([^"]*)";', text)
    assert re.search(r"^add_header Cache-Control \$cache_control always;$", text, re.M)
    assert re.search(r"location ~ /theme/ \{\s*set \$cache_control", text)
    return headers, cache[0], cache[1]


def assert_safe_headers(headers):
    """The response carries exactly the shipped configuration's safe headers."""
    expected, _, _ = nginx()
    for name, value in expected.items():
        assert headers.get_all(name) == [value], name


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url, **headers):
    """(status, headers, body) of a GET, without following redirects or decoding."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def publish_for_server(folder, port):
    """Publish the site for http://127.0.0.1:<port> into folder/www, and again under /clinic/."""
    content = folder / "content"
    shutil.copytree(signed_content(), content)
    with_not_found_page(content)
    base = f"http://127.0.0.1:{port}"
    root = folder / "www"
    for siteurl, output in ((base, root), (f"{base}/clinic", root / "clinic")):
        result = make("publish", siteurl, content=content, output=output)
        assert result.returncode == 0, result.stdout + result.stderr
    return root


# What a web root may hold besides the site: a checkout's .git, and /.well-known/ for the
# host's certificates. The first must never be served, the second must be.
PRIVATE = ["/.git/config", "/.git/", "/.site-build", "/clinic/.site-build", "/_headers"]
FOLDERS = ["/theme/", "/theme/css/", "/clinic/theme/"]


def add_private_files(root):
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[remote]\n\turl = secret\n")
    (root / ".well-known").mkdir()
    (root / ".well-known" / "security.txt").write_text("Contact: mailto:web@example.org\n")


def assert_private_files_and_folders_answer_404(base, root):
    for path in PRIVATE + FOLDERS:
        status, _, body = fetch(base + path)
        assert status == 404, path
        assert body == (root / "404.html").read_bytes(), path
        assert b"Index of" not in body
    assert fetch(f"{base}/.well-known/security.txt")[0] == 200


@contextlib.contextmanager
def serving(command, port):
    """Run a server in the foreground until it answers on the port; stop it afterwards."""
    process = subprocess.Popen(
        [str(part) for part in command], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, process.stdout.read().decode()
                time.sleep(0.1)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)
