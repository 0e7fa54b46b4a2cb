"""The nginx, Apache and Netlify/Cloudflare configurations send the same safe headers."""

import re

import pytest

from conftest import ROOT
from publishing import NGINX, nginx

APACHE = ROOT / "content" / "extra" / ".htaccess"
NETLIFY = ROOT / "content" / "extra" / "_headers"
SECURITY_HEADERS = {
    "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
    "Permissions-Policy", "Strict-Transport-Security",
}
# Netlify and Cloudflare Pages join repeated headers, so _headers leaves pages
# to their default, which is this.
HOSTED_PAGE_CACHE = "public, max-age=0, must-revalidate"


def apache():
    text = APACHE.read_text()
    outside_if, theme = text.split('<If "%{REQUEST_URI} =~ m#/theme/#">')
    headers = dict(re.findall(r'^  Header always set (\S+) "([^"]*)"$', outside_if, re.M))
    page_cache = headers.pop("Cache-Control")
    theme_cache = re.search(r'Header always set Cache-Control "([^"]*)"', theme).group(1)
    return headers, page_cache, theme_cache


def netlify():
    rules, path = {}, None
    for line in NETLIFY.read_text().splitlines():
        if line.startswith("/"):
            path = rules.setdefault(line.strip(), {})
        elif line.startswith("  ") and path is not None:
            name, value = line.strip().split(": ", 1)
            path[name] = value
    return rules["/*"], rules["/theme/*"]


@pytest.mark.parametrize("read", [nginx, apache])
def test_server_configs_send_the_safe_headers(read):
    headers, page_cache, theme_cache = read()
    assert set(headers) == SECURITY_HEADERS
    csp = headers["Content-Security-Policy"]
    for directive in ("default-src 'none'", "style-src 'self'", "img-src 'self'", "base-uri 'none'",
                      "form-action 'none'", "frame-ancestors 'none'"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "http" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert int(re.search(r"max-age=(\d+)", headers["Strict-Transport-Security"]).group(1)) >= 31536000
    assert int(re.search(r"max-age=(\d+)", theme_cache).group(1)) >= 31536000
    assert page_cache == HOSTED_PAGE_CACHE


def test_nginx_apache_and_netlify_configs_agree():
    nginx_headers, nginx_pages, nginx_theme = nginx()
    apache_headers, apache_pages, apache_theme = apache()
    netlify_all, netlify_theme = netlify()
    assert nginx_headers == apache_headers == netlify_all
    assert nginx_theme == apache_theme == netlify_theme["Cache-Control"]
    assert nginx_pages == apache_pages == HOSTED_PAGE_CACHE
    assert set(netlify_theme) == {"Cache-Control"}


def test_every_config_shows_the_site_s_own_404_page():
    assert re.search(r"^error_page 404 /404\.html;$", NGINX.read_text(), re.M)
    assert re.search(r"^ErrorDocument 404 /404\.html$", APACHE.read_text(), re.M)


def test_host_files_are_published_at_the_site_root(published):
    for source in (APACHE, NETLIFY):
        assert (published / source.name).read_text() == source.read_text()
