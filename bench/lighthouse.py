"""Lighthouse on every page of a built site, served on 127.0.0.1.

Guarantees: the site is served by a server this module starts on a free port
of 127.0.0.1 and always stops; it compresses text with gzip as a production
host would, so Lighthouse's byte counts are what a visitor transfers.
Lighthouse runs with Debian's Chromium (CHROME_PATH), never a downloaded one.
Each page gets the median of its runs.
"""

import functools
import gzip
import http.server
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import threading

HERE = pathlib.Path(__file__).resolve().parent
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
COMPRESSED = {
    "text/html",
    "text/css",
    "application/javascript",
    "text/javascript",
    "image/svg+xml",
    "application/json",
    "text/plain",
    "application/xml",
}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        path = pathlib.Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        if (
            not path.is_file()
            or ctype not in COMPRESSED
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, *args):
        pass


def run(site, runs):
    """{"pages": [{page, median scores, lcp_ms, cls, total_bytes}], ...}."""
    if not os.access(CHROME, os.X_OK):
        raise RuntimeError(f"no Chromium at {CHROME}")
    site = pathlib.Path(site)
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        result = subprocess.run(
            [shutil.which("node") or "node", str(HERE / "lighthouse.mjs"), str(runs)]
            + [base + page for page in pages],
            cwd=HERE,
            env={**os.environ, "CHROME_PATH": CHROME},
            capture_output=True,
            text=True,
            check=False,
            timeout=60 * 60,
        )
    finally:
        server.shutdown()
        server.server_close()
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed:\n{result.stderr[-3000:]}")
    raw = json.loads(result.stdout)
    summary = []
    for page in pages:
        page_runs = [r for r in raw if r["url"] == base + page]
        categories = page_runs[0]["scores"].keys()
        summary.append(
            {
                "page": page,
                "runs": len(page_runs),
                "scores": {
                    c: statistics.median(r["scores"][c] for r in page_runs) for c in categories
                },
                "lcp_ms": statistics.median(r["lcp_ms"] for r in page_runs),
                "cls": statistics.median(r["cls"] for r in page_runs),
                "total_bytes": statistics.median(r["total_bytes"] for r in page_runs),
                "failing": sorted({f for r in page_runs for f in r["failing"]}),
            }
        )
    return {
        "version": raw[0]["lighthouse"] if raw else None,
        "form_factor": raw[0]["formFactor"] if raw else None,
        "runs_per_page": runs,
        "pages": summary,
    }
