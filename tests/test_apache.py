"""Debian's Apache, reading the .htaccess that `make publish` ships, serves the site safely.

Real parts: the site published for the server's address, Apache 2.4 on
127.0.0.1 with the modules the .htaccess needs and `AllowOverride FileInfo`, as a
shared host would give, and folder listings switched on as in Debian's defaults.
"""

import gzip
import os
import pathlib
import shutil
import tempfile

import brotli
import pytest

from conftest import TRANSLATIONS
from publishing import (
    add_private_files,
    assert_private_files_and_folders_answer_404,
    assert_safe_headers,
    fetch,
    free_port,
    nginx,
    page_files,
    publish_for_server,
    serving,
)

MODULES = ["mpm_event", "authz_core", "mime", "dir", "autoindex", "alias", "headers", "rewrite"]
CONFIG = """
ServerRoot {folder}
ServerName localhost
Listen 127.0.0.1:{port}
PidFile {folder}/httpd.pid
ErrorLog {folder}/error.log
{user}
{modules}
TypesConfig /etc/mime.types
DocumentRoot {root}
<Directory {root}>
    Options Indexes FollowSymLinks
    AllowOverride FileInfo
    Require all granted
</Directory>
<FilesMatch "^\\.ht">
    Require all denied
</FilesMatch>
"""


@pytest.fixture(scope="module")
def server():
    # Apache will not serve as root, and its own user cannot enter pytest's
    # private folders, so the site goes in a world-readable folder of its own.
    folder = pathlib.Path(tempfile.mkdtemp(prefix="apache-"))
    try:
        port = free_port()
        root = publish_for_server(folder, port)
        add_private_files(root)
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        (folder / "httpd.conf").write_text(
            CONFIG.format(
                folder=folder,
                port=port,
                root=root,
                user="User www-data\nGroup www-data" if os.geteuid() == 0 else "",
                modules="\n".join(
                    f"LoadModule {name}_module /usr/lib/apache2/modules/mod_{name}.so"
                    for name in MODULES
                ),
            )
        )
        with serving(["/usr/sbin/apache2", "-f", folder / "httpd.conf", "-DFOREGROUND"], port):
            yield f"http://127.0.0.1:{port}", root
    finally:
        shutil.rmtree(folder)


def test_every_page_answers_200_with_the_safe_headers_and_a_short_cache(server):
    base, root = server
    _, page_cache, _ = nginx()
    pages = [path for path in page_files(root) if path.name != "404.html"]
    assert len(pages) >= 10
    for path in pages:
        status, headers, body = fetch(f"{base}/{path.name}")
        assert status == 200 and body == path.read_bytes(), path.name
        assert_safe_headers(headers)
        assert headers.get_all("Cache-Control") == [page_cache]


def test_theme_files_are_cached_for_a_year_also_under_a_sub_path(server):
    base, _ = server
    _, _, theme_cache = nginx()
    for prefix in ("", "/clinic"):
        status, headers, _ = fetch(f"{base}{prefix}/theme/css/main.css")
        assert status == 200
        assert headers["Content-Type"].startswith("text/css")
        assert headers.get_all("Cache-Control") == [theme_cache]


def test_an_unknown_address_answers_404_with_the_site_s_own_page(server):
    base, root = server
    for missing in ("/no-such-page.html", "/_headers"):
        status, headers, body = fetch(base + missing)
        assert status == 404, missing
        assert body == (root / "404.html").read_bytes(), missing
        assert_safe_headers(headers)
    # in a translation's folder, the page in that language
    for lang in TRANSLATIONS:
        status, headers, body = fetch(f"{base}/{lang}/no-such-page.html")
        assert status == 404 and body == (root / lang / "404.html").read_bytes(), lang
        assert_safe_headers(headers)
    assert fetch(f"{base}/.htaccess")[0] in (403, 404)


def test_dotfiles_and_folder_listings_are_refused(server):
    assert_private_files_and_folders_answer_404(*server)


@pytest.mark.parametrize(
    "encoding, suffix, decompress",
    [("br", ".br", brotli.decompress), ("gzip", ".gz", gzip.decompress)],
)
def test_a_compressing_browser_gets_the_precompressed_copy(server, encoding, suffix, decompress):
    base, root = server
    for path, kind in (
        (root / "procedure.html", "text/html"),
        (root / "theme" / "css" / "main.css", "text/css"),
    ):
        url = f"{base}/{path.relative_to(root).as_posix()}"
        status, headers, body = fetch(url, **{"Accept-Encoding": encoding})
        assert status == 200
        assert headers["Content-Encoding"] == encoding
        assert headers["Content-Type"].startswith(kind)
        assert "Accept-Encoding" in headers["Vary"]
        assert body == path.with_name(path.name + suffix).read_bytes()
        assert decompress(body) == path.read_bytes()
    status, headers, body = fetch(f"{base}/procedure.html")
    assert "Content-Encoding" not in headers and body == (root / "procedure.html").read_bytes()
