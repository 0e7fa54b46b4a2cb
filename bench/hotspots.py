"""Where the time of a build goes, from pyinstrument's samples.

Guarantees: `environment(directory)` is the environment that makes every
Python process of a build save a pyinstrument session into `directory` (see
profiling/sitecustomize.py); `summarize(directory)` reads them all and says how
much time was spent in each of the site's own templates and plugins
(inclusive: everything they call), in the main phases of a Pelican build, and
in the functions that used the most time themselves.
"""

import collections
import os
import pathlib

from pyinstrument.renderers import ConsoleRenderer
from pyinstrument.session import Session

ROOT = pathlib.Path(__file__).resolve().parent.parent
HOOK = ROOT / "bench" / "profiling"

# (label, function name, end of its file's path): stable APIs of Pelican,
# Python-Markdown and Jinja, so the phases still exist after our code changes.
PHASES = [
    ("Python imports (start-up)", "_find_and_load", "importlib._bootstrap>"),
    ("Reading sources (Pelican readers, incl. Markdown)", "read_file", "pelican/readers.py"),
    ("Markdown to HTML (Python-Markdown)", "convert", "markdown/core.py"),
    ("Rendering templates (Jinja)", "render", "jinja2/environment.py"),
    ("URLs of pages (Pelican's Page.url etc.)", "get_url_setting", "pelican/contents.py"),
    ("Resolving {filename} links", "_update_content", "pelican/contents.py"),
    ("Writing pages (Pelican writer, incl. rendering)", "write_file", "pelican/writers.py"),
]


def environment(directory):
    env = dict(os.environ, BENCH_PROFILE_DIR=str(directory))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HOOK), env.get("PYTHONPATH")]))
    return env


def _classify(identifier):
    function, path, *_ = identifier.split("\x01")[0].split("\x00") + ["", ""]
    phase = next(
        (label for label, name, suffix in PHASES if function == name and path.endswith(suffix)),
        None,
    )
    return _ours(path), phase, f"{function} ({_short(path)})"


def _ours(path):
    """'template: x.html' / 'plugin: name' for the site's own code, else None."""
    if not os.path.isabs(path) or "site-packages" in path:
        return None
    try:
        parts = pathlib.Path(path).resolve().relative_to(ROOT).parts
    except ValueError:
        return None
    if parts[:2] == ("theme", "templates"):
        return "template: " + "/".join(parts[2:])
    if parts[0] in ("bench", ".venv"):
        return None
    if parts[0] == "plugins" and len(parts) > 2:
        return "plugin: " + parts[1]
    return "site code: " + "/".join(parts)


def summarize(directory, text_report=None, top=12):
    sessions = [Session.load(p) for p in sorted(pathlib.Path(directory).glob("*.pyisession"))]
    if not sessions:
        raise RuntimeError(f"no profile was written to {directory}")
    ours, phases, self_time = (collections.Counter() for _ in range(3))
    total = 0.0
    known = {}  # frame identifier -> (our code's label, phase label, short name)
    for session in sessions:
        for stack, seconds in session.frame_records:
            for identifier in stack:
                if identifier not in known:
                    known[identifier] = _classify(identifier)
            total += seconds
            for label in {known[i][0] for i in stack} - {None}:
                ours[label] += seconds
            for label in {known[i][1] for i in stack} - {None}:
                phases[label] += seconds
            self_time[known[stack[-1]][2]] += seconds
    if text_report:
        combined = sessions[0]
        for session in sessions[1:]:
            combined = Session.combine(combined, session)
        pathlib.Path(text_report).write_text(
            ConsoleRenderer(unicode=True, color=False, short_mode=False).render(combined),
            encoding="utf-8",
        )
    return {
        "processes": len(sessions),
        "sampled_seconds": total,
        "site_code": _ranked(ours, total),
        "phases": [dict(label=label, **_share(phases[label], total)) for label, *_ in PHASES],
        "self_time": _ranked(self_time, total)[:top],
    }


def _short(path):
    for marker in ("site-packages/", "/lib/python3"):
        if marker in path:
            return path.split(marker, 1)[1]
    try:
        return pathlib.Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path


def _share(seconds, total):
    return {"seconds": seconds, "percent": 100 * seconds / total if total else 0.0}


def _ranked(counter, total):
    return [dict(label=label, **_share(seconds, total)) for label, seconds in counter.most_common()]
