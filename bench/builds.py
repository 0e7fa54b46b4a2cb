"""The two builds the benchmark compares, and how one build is measured.

Guarantees: `ours` runs whatever `make html` (or `make pdf`) runs (the Makefile
is the one place that says how the site is built), pointed at another content
and output directory; `plain` runs the same Pelican with no plugins, its default theme and
default settings. `measure` returns the wall time, the CPU time and the peak
memory (largest resident set of the process tree) of one command, and raises
if the command fails.
"""

import json
import os
import pathlib
import runpy
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
PELICAN = pathlib.Path(sys.executable).with_name("pelican")
PLAIN_SETTINGS = ROOT / "bench" / "plainconf.py"
SETTINGS = runpy.run_path(str(ROOT / "pelicanconf.py"))  # what `make html` builds with


def ours(content, output, target="html", **variables):
    """`make html` (or another target: `make pdf`) of `content` into `output`."""
    return [
        "make",
        "--no-print-directory",
        "-s",
        "-C",
        str(ROOT),
        target,
        f"INPUTDIR={content}",
        f"OUTPUTDIR={output}",
        *(f"{name}={value}" for name, value in variables.items()),
    ]


def plain(content, output):
    return [str(PELICAN), str(content), "-o", str(output), "-s", str(PLAIN_SETTINGS)]


class BuildFailed(RuntimeError):
    pass


def measure(command, env=None):
    """Run `command`; return {"wall", "cpu", "max_rss_mb"} of it and its children.

    The command is started by a fresh, small Python (this file run as a
    script), not by the benchmark's own process: Linux counts the memory of
    the process a child was forked from in the child's peak (ru_maxrss), which
    would hide a build's own peak below the benchmark's ~70 MB."""
    with tempfile.NamedTemporaryFile(suffix=".json") as figures:
        result = subprocess.run(
            [sys.executable, "-S", __file__, figures.name, *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=ROOT,
            check=False,
        )
        if result.returncode != 0:
            tail = result.stdout.decode(errors="replace")[-3000:]
            raise BuildFailed(f"{' '.join(command)} exited {result.returncode}:\n{tail}")
        return json.loads(pathlib.Path(figures.name).read_text())


def _run_and_report(figures, command):
    start = time.perf_counter()
    pid = os.spawnvp(os.P_NOWAIT, command[0], command)
    # wait4 gives the child's resource use including the children it waited
    # for (make -> pelican): ru_maxrss is the largest of them, in KiB.
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    pathlib.Path(figures).write_text(
        json.dumps(
            {
                "wall": wall,
                "cpu": usage.ru_utime + usage.ru_stime,
                "max_rss_mb": usage.ru_maxrss / 1024,
            }
        )
    )
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(_run_and_report(sys.argv[1], sys.argv[2:]))
