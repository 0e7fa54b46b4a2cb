"""Debian's nginx, with the shipped configuration, serves the published site safely.

Real parts: `make publish` builds the site for the server's own address (at
the root, and again under /clinic/), nginx serves it on 127.0.0.1 with
deploy/nginx.conf included, and headless Chromium loads every page.
"""

import gzip
import os
import shutil

import pytest
from playwright.sync_api import sync_playwright

from browser_support import CHROMIUM, CHROMIUM_ARGS
from conftest import TRANSLATIONS
from publishing import (
    NGINX,
    add_private_files,
    assert_private_files_and_folders_answer_404,
    assert_safe_headers,
    fetch,
    free_port,
    nginx,
    page_files,
    publish_for_server,
    serving,
    soup_of,
)

WRAPPER = """
{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {root};
        include {config};
    }}
}}
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """nginx serving the site published for its address: at / and under /clinic/."""
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_port()
    root = publish_for_server(tmp, port)
    add_private_files(root)
    # A page that breaks the policy, to show the browser check can fail.
    (root / "csp-probe.html").write_text(
        '<!doctype html><title>probe</title><p style="color: red">x</p><script>1</script>'
    )
    conf = tmp / "nginx.conf"
    conf.write_text(
        WRAPPER.format(
            # Workers run as `nobody` under a root master, and cannot read pytest's folders.
            user="user root;" if os.geteuid() == 0 else "",
            prefix=tmp,
            port=port,
            root=root,
            config=NGINX,
        )
    )
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    with serving([binary, "-p", tmp, "-c", conf, "-g", "daemon off;"], port):
        yield f"http://127.0.0.1:{port}", root


def url_of(base, root, path):
    relative = path.relative_to(root).as_posix()
    return f"{base}/{relative}"


def test_every_page_answers_200_with_the_safe_headers_and_a_short_cache(server):
    base, root = server
    _, page_cache, _ = nginx()
    pages = [path for path in page_files(root) if path.name not in ("404.html", "csp-probe.html")]
    assert len(pages) >= 10
    for path in pages:
        status, headers, body = fetch(url_of(base, root, path))
        assert status == 200, path.name
        assert body == path.read_bytes()
        assert headers["Content-Type"].startswith("text/html")
        assert_safe_headers(headers)
        assert headers.get_all("Cache-Control") == [page_cache]
    status, _, body = fetch(f"{base}/")
    assert status == 200 and body == (root / "index.html").read_bytes()


def test_fingerprinted_theme_files_are_cached_for_a_year(server):
    base, root = server
    _, _, theme_cache = nginx()
    stylesheet = soup_of(root / "index.html").find("link", rel="stylesheet")["href"]
    status, headers, _ = fetch(stylesheet)
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert_safe_headers(headers)
    assert headers.get_all("Cache-Control") == [theme_cache]


def test_an_unknown_address_answers_404_with_the_site_s_own_page(server):
    base, root = server
    for missing in ("/no-such-page.html", "/_headers", "/.htaccess", "/theme/nothing.css"):
        status, headers, body = fetch(base + missing)
        assert status == 404, missing
        assert body == (root / "404.html").read_bytes(), missing
        assert_safe_headers(headers)
    # in a translation's folder, the page in that language
    for lang in TRANSLATIONS:
        status, headers, body = fetch(f"{base}/{lang}/no-such-page.html")
        assert status == 404 and body == (root / lang / "404.html").read_bytes(), lang
        assert_safe_headers(headers)


def test_dotfiles_and_folder_listings_are_refused(server):
    assert_private_files_and_folders_answer_404(*server)


def test_a_gzip_accepting_browser_gets_the_precompressed_copy(server):
    base, root = server
    for path in (root / "procedure.html", root / "theme" / "css" / "main.css"):
        status, headers, body = fetch(url_of(base, root, path), **{"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in headers["Vary"]
        assert body == path.with_name(path.name + ".gz").read_bytes()
        assert gzip.decompress(body) == path.read_bytes()


class Tab:
    """One Chromium tab that records CSP violations, console errors and failed requests."""

    def __init__(self, browser):
        self.page = browser.new_context().new_page()
        self.page.add_init_script(
            "window.violations = [];"
            "document.addEventListener('securitypolicyviolation',"
            " event => window.violations.push(event.violatedDirective + ' ' + event.blockedURI));"
        )
        self.problems = []
        self.page.on(
            "console",
            lambda message: (
                self.problems.append(f"{message.type}: {message.text}")
                if message.type in ("error", "warning")
                else None
            ),
        )
        # A favicon still loading when the next page starts is aborted: that is no fault.
        self.page.on(
            "requestfailed",
            lambda request: (
                self.problems.append(f"failed: {request.url}")
                if request.failure != "net::ERR_ABORTED"
                else None
            ),
        )
        self.page.on(
            "response",
            lambda response: (
                self.problems.append(f"{response.status}: {response.url}")
                if response.status >= 400
                else None
            ),
        )

    def visit(self, url):
        """Load a page; return what went wrong, and how many style rules apply."""
        self.problems.clear()
        response = self.page.goto(url, wait_until="load")
        assert response.status == 200, url
        self.page.wait_for_timeout(50)  # violation events are dispatched asynchronously
        violations = self.page.evaluate("window.violations")
        styled = self.page.evaluate(
            "[...document.styleSheets].reduce((rules, sheet) => rules + sheet.cssRules.length, 0)"
        )
        return violations + self.problems, styled


@pytest.fixture(scope="module")
def tab():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield Tab(chromium)
        chromium.close()


def test_the_browser_check_notices_inline_style_and_script(server, tab):
    base, _ = server
    problems, _ = tab.visit(f"{base}/csp-probe.html")
    assert any("style-src" in problem for problem in problems)
    assert any("script-src" in problem or "default-src" in problem for problem in problems)


def test_chromium_loads_every_page_with_no_policy_violations(server, tab):
    base, root = server
    pages = [path for path in page_files(root) if path.name != "csp-probe.html"]
    # The schema.org block is data, not script: it needs no exception in the policy.
    assert (
        sum(bool(soup_of(path).find("script", type="application/ld+json")) for path in pages) >= 10
    )
    for path in pages:
        problems, styled = tab.visit(url_of(base, root, path))
        assert problems == [], (path.name, problems)
        assert styled > 20, path.name  # the site's stylesheet loaded and applied


def test_the_site_published_under_a_sub_path_works_in_chromium(server, tab):
    base, root = server
    pages = page_files(root / "clinic")
    assert len(pages) >= 10
    for path in pages:
        problems, styled = tab.visit(url_of(base, root, path))
        assert problems == [], (path.name, problems)
        assert styled > 20, path.name
        for link in soup_of(path).find_all("a", href=True):
            href = link["href"].split("#")[0]
            if href.startswith(base):
                assert href.startswith(f"{base}/clinic/"), (path.name, href)
                assert fetch(href)[0] == 200, (path.name, href)
