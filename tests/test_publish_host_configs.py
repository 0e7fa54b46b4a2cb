"""The nginx, Apache and Netlify/Cloudflare configurations send the same safe headers,
all generated from the settings: deploy/nginx.conf by `make deploy/nginx.conf`, the
.htaccess and _headers by every build."""

import re
import subprocess

import pytest

from conftest import make_command
from publishing import NGINX, nginx

SECURITY_HEADERS = {
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Permissions-Policy",
    "Strict-Transport-Security",
}
# Netlify and Cloudflare Pages join repeated headers, so _headers leaves pages
# to their default, which is this.
HOSTED_PAGE_CACHE = "public, max-age=0, must-revalidate"


@pytest.fixture(scope="module")
def apache(published):
    return lambda: read_apache((published / ".htaccess").read_text())


@pytest.fixture(scope="module")
def netlify(published):
    return lambda: read_netlify((published / "_headers").read_text())


def read_apache(text):
    outside_if, theme = text.split('<If "%{REQUEST_URI} =~ m#/theme/#">')
    headers = dict(re.findall(r'^  Header always set (\S+) "([^"]*)"$', outside_if, re.M))
    page_cache = headers.pop("Cache-Control")
    theme_cache = re.search(r'Header always set Cache-Control "([^"]*)"', theme).group(1)
    return headers, page_cache, theme_cache


def read_netlify(text):
    rules, path = {}, None
    for line in text.splitlines():
        if line.startswith("/"):
            path = rules.setdefault(line.strip(), {})
        elif line.startswith("  ") and path is not None:
            name, value = line.strip().split(": ", 1)
            path[name] = value
    return rules["/*"], rules["/theme/*"]


@pytest.mark.parametrize("server", ["nginx", "apache"])
def test_server_configs_send_the_safe_headers(server, apache):
    headers, page_cache, theme_cache = {"nginx": nginx, "apache": apache}[server]()
    assert set(headers) == SECURITY_HEADERS
    csp = headers["Content-Security-Policy"]
    for directive in (
        "default-src 'none'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp and "http" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert (
        int(re.search(r"max-age=(\d+)", headers["Strict-Transport-Security"]).group(1)) >= 31536000
    )
    assert int(re.search(r"max-age=(\d+)", theme_cache).group(1)) >= 31536000
    assert page_cache == HOSTED_PAGE_CACHE


def test_nginx_apache_and_netlify_configs_agree(apache, netlify):
    nginx_headers, nginx_pages, nginx_theme = nginx()
    apache_headers, apache_pages, apache_theme = apache()
    netlify_all, netlify_theme = netlify()
    assert nginx_headers == apache_headers == netlify_all
    assert nginx_theme == apache_theme == netlify_theme["Cache-Control"]
    assert nginx_pages == apache_pages == HOSTED_PAGE_CACHE
    assert set(netlify_theme) == {"Cache-Control"}


def test_every_config_shows_the_site_s_own_404_page(published):
    assert re.search(r"^error_page 404 /404\.html;$", NGINX.read_text(), re.M)
    assert re.search(r"^ErrorDocument 404 /404\.html$", (published / ".htaccess").read_text(), re.M)


def test_the_committed_nginx_conf_is_what_the_settings_give(project):
    (project / "deploy" / "nginx.conf").unlink()
    result = subprocess.run(
        make_command(project, "deploy/nginx.conf"), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (project / "deploy" / "nginx.conf").read_text() == NGINX.read_text(), (
        "deploy/nginx.conf is out of date: run `make deploy/nginx.conf` and commit it"
    )
