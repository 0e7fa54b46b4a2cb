"""Preview the site while editing, as safely as `make html` builds it.

Usage (`make regenerate`, `make serve`, `make devserver` run these):
    python preview.py -r content -o output -s pelicanconf.py   rebuild on every change
    python preview.py -l -o output [-p 8000] [-b 127.0.0.1]     serve output/
    python preview.py -lr content -o output -s pelicanconf.py  both
Any other argument is passed on to build.py (and so to Pelican).

Guarantees:
- Every rebuild is a whole build by build.py, with its checks, lock and atomic swap:
  output/ is always the last good build, a failed build never reaches it, and the
  preview keeps running after one. What the build prints (its problems) is printed as is.
- One build per change: after each build, whatever its outcome, the preview waits for
  the next change to the content, the theme, the plugins or the settings file.
- The server listens on 127.0.0.1 unless told otherwise (-b), serves output/ as Pelican's
  own development server does, and answers a missing page with the site's 404.html and
  status 404.
- Ctrl-C, SIGTERM and SIGHUP stop the preview and the build it is running (which then
  leaves output/ as build.py promises); so does the death of its parent (make).
"""

import argparse
import http.server
import os
import subprocess
import sys
import threading

import watchfiles
from pelican.server import ComplexHTTPRequestHandler
from pelican.settings import read_settings

import build

BUILD = os.path.join(build.PROJECT, "build.py")


class SiteHandler(ComplexHTTPRequestHandler):
    """Pelican's development server, with the site's own page for a missing address."""

    def do_GET(self):
        found = self.get_path_that_exists(self.path.split("?", 1)[0])
        if found is None:
            self.send_not_found()
            return
        self.path = found
        http.server.SimpleHTTPRequestHandler.do_GET(self)

    def send_not_found(self):
        try:
            with open(os.path.join(self.base_path, "404.html"), "rb") as page:
                body = page.read()
        except OSError:  # no site built yet
            self.send_error(404)
            return
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(output, bind, port):
    SiteHandler.base_path = output
    server = http.server.ThreadingHTTPServer((bind, port), SiteHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving {output} at http://{bind}:{port}/ - press Ctrl-C to stop", flush=True)
    return server


def run_build(argv):
    """One build by build.py; its exit status. A stop signal lets it finish cleaning up."""
    process = subprocess.Popen([sys.executable, BUILD, *argv])
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        process.wait()
        raise


def watched(argv):
    """The folders and files a change to which changes the site."""
    known, _ = build.parse(argv)
    settings = read_settings(known.settings)
    paths = [known.path or settings["PATH"], settings["THEME"], known.settings]
    paths += [os.path.join(build.PROJECT, folder) for folder in settings["PLUGIN_PATHS"]]
    return [path for path in paths if path and os.path.exists(path)]


def watch(argv):
    if run_build(argv) == 2:
        return 2  # build.py refused the folders it was given: no build will do better
    paths = watched(argv)
    waiting = f"Waiting for changes to {', '.join(map(os.path.relpath, paths))}…"
    # Started before "Waiting…" is said, and kept while builds run, so no save is missed;
    # it wakes every 0.1 s to hand over what changed, or nothing.
    changes = watchfiles.watch(
        *paths, rust_timeout=100, yield_on_timeout=True, raise_interrupt=True
    )
    changed = next(changes)
    print(waiting, file=sys.stderr, flush=True)
    while True:
        if changed:
            names = sorted({os.path.relpath(path) for _, path in changed})
            print(
                f"\nChanged: {', '.join(names)}. Rebuilding…",
                file=sys.stderr,
                flush=True,
            )
            run_build(argv)
            print(waiting, file=sys.stderr, flush=True)
        changed = next(changes)


def main(argv):
    build.stop_like_ctrl_c()
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("-l", "--listen", action="store_true")
    parser.add_argument("-r", "--autoreload", action="store_true")
    parser.add_argument("-p", "--port", type=int, default=8000)
    parser.add_argument("-b", "--bind", default="127.0.0.1")
    known, rest = parser.parse_known_args(argv)
    server = serve(build.parse(rest)[0].output, known.bind, known.port) if known.listen else None
    try:
        if known.autoreload:
            return watch(rest)
        threading.Event().wait()
    except KeyboardInterrupt:
        print("\nPreview stopped.", file=sys.stderr)
        return 0
    finally:
        if server:
            server.shutdown()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
