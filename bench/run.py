"""`make bench`: build speed, the PDF leaflet, scale, page weight and Lighthouse, side by side
with plain Pelican.

A benchmark, not a test: it prints figures as it goes and writes
bench/report.md, bench/report.json, bench/build-time.png and bench/profile-*.txt
(all git-ignored). It fails only when a build or Lighthouse fails; a missed
target is a line in the report. Settings (environment variables):

  BENCH_CONTENT          content to benchmark (default: content/)
  BENCH_RUNS             runs of each build of the real content (default 5)
  BENCH_SIZES            articles in the synthetic sites, copies beside the guide (100,1000,5000)
  BENCH_GUIDE_SIZES      articles in the synthetic sites, copies in the guide (100,500)
  BENCH_SCALE_RUNS       runs of each synthetic build (default 1)
  BENCH_PROFILE          profiled builds, as layout:articles (beside:1000,guide:300)
  BENCH_LIGHTHOUSE_RUNS  Lighthouse runs per page (default 3; 0 skips Lighthouse)
"""

import datetime
import itertools
import math
import os
import pathlib
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import builds
import hotspots
import lighthouse
import report
import synth
import weight

ROOT = builds.ROOT
OUT = ROOT / "bench"
GUIDE = "articles"
BESIDE = "pages/copies"
LAYOUTS = {"beside": BESIDE, "guide": None}


def setting(name, default):
    return os.environ.get(name, default)


def sizes(name, default):
    return [int(n) for n in setting(name, default).split(",") if n.strip()]


def say(text):
    print(text, flush=True)


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )

    def version(*command):
        try:
            return (
                subprocess.run(command, capture_output=True, text=True, check=False)
                .stdout.strip()
                .splitlines()[0]
            )
        except (OSError, IndexError):
            return None

    commit = version("git", "-C", str(ROOT), "rev-parse", "--short", "HEAD")
    dirty = version("git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no")
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "pelican": version(str(builds.PELICAN), "--version"),
        "node": version("node", "--version"),
        "chromium": version(lighthouse.CHROME, "--version"),
        "commit": f"{commit}{' (with uncommitted changes)' if dirty else ''}",
    }


def timed(command, load_samples, env=None):
    load_samples.append(os.getloadavg()[0])
    return builds.measure(command, env=env)


def summary(runs):
    walls = [r["wall"] for r in runs]
    return {
        "runs": len(runs),
        "wall_median": statistics.median(walls),
        "wall_min": min(walls),
        "wall_max": max(walls),
        "cpu_median": statistics.median(r["cpu"] for r in runs),
        "max_rss_mb": max(r["max_rss_mb"] for r in runs),
    }


def documents(content):
    files = list(pathlib.Path(content).rglob("*.md"))
    return len(files), sum(f.stat().st_size for f in files)


def html_pages(output):
    return sum(1 for _ in pathlib.Path(output).rglob("*.html"))


def real_content(content, work, runs, loads):
    """Our build and plain Pelican's on the real content: clean builds, then rebuilds."""
    plain_content = work / "plain-content"
    synth.make_plain(content, plain_content)
    outputs = {"ours": work / "ours", "plain": work / "plain"}
    commands = {
        "ours": builds.ours(content, outputs["ours"]),
        "plain": builds.plain(plain_content, outputs["plain"]),
    }
    # Ours with an empty cache folder, as on a fresh clone or after a change to the
    # code, the theme, the settings or content/shared/: nothing kept from earlier builds.
    cold = work / "cold-cache"
    cold_command = builds.ours(content, outputs["ours"], PELICANOPTS=f"-e 'CACHE_PATH=\"{cold}\"'")
    results = {f"{b}_{kind}": [] for b in commands for kind in ("clean", "rebuild")}
    results["ours_cold"] = []
    for run in range(runs):
        for build, command in commands.items():  # interleaved, so drift hits both alike
            shutil.rmtree(outputs[build], ignore_errors=True)
            results[f"{build}_clean"].append(timed(command, loads))
            results[f"{build}_rebuild"].append(timed(command, loads))
        shutil.rmtree(cold, ignore_errors=True)
        results["ours_cold"].append(timed(cold_command, loads))
        say(
            f"  run {run + 1}/{runs}: ours {results['ours_clean'][-1]['wall']:.2f} s "
            f"(rebuild {results['ours_rebuild'][-1]['wall']:.2f} s, empty cache "
            f"{results['ours_cold'][-1]['wall']:.2f} s), plain "
            f"{results['plain_clean'][-1]['wall']:.2f} s"
        )
    count, size = documents(content)
    out = {
        "documents": count,
        "markdown_bytes": size,
        "pages_written": {b: html_pages(o) for b, o in outputs.items()},
        "builds": {name: summary(r) for name, r in results.items()},
    }
    return out, outputs["ours"]


def pdf_leaflet(content, work, runs, loads):
    """`make pdf` on the real content: the PDF leaflet made afresh (empty cache), then
    copied from the cache (nothing changed), interleaved; its size and pages."""
    output, cache = work / "pdf", work / "pdf-cache"
    command = builds.ours(content, output, "pdf", PELICANOPTS=f"-e 'CACHE_PATH=\"{cache}\"'")
    made, copied = [], []
    for run in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(output, ignore_errors=True)
        made.append(timed(command, loads))
        copied.append(timed(command, loads))
        say(
            f"  run {run + 1}/{runs}: leaflet made {made[-1]['wall']:.2f} s, "
            f"copied from the cache {copied[-1]['wall']:.2f} s"
        )
    leaflet = output / builds.SETTINGS["PDF_LEAFLET_SAVE_AS"]
    info = subprocess.run(
        ["pdfinfo", str(leaflet)], capture_output=True, text=True, check=True
    ).stdout
    pages = int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))
    say(f"  {leaflet.name}: {pages} pages, {leaflet.stat().st_size / 1024:.0f} KB")
    return {
        "made": summary(made),
        "copied": summary(copied),
        "bytes": leaflet.stat().st_size,
        "pages": pages,
    }


def scale_series(content, work, layout, articles, runs, loads):
    rows = []
    for n in articles:
        site, plain_site = work / f"{layout}-{n}", work / f"{layout}-{n}-plain"
        synth.make_site(content, site, n, guide=GUIDE, beside=LAYOUTS[layout])
        synth.make_plain(site, plain_site, hide=[BESIDE] if LAYOUTS[layout] else [])
        count, size = documents(site)
        row = {"articles": n, "documents": count, "markdown_bytes": size}
        for build, command in (
            ("ours", builds.ours(site, work / "out")),
            ("plain", builds.plain(plain_site, work / "out")),
        ):
            measured = []
            for _ in range(runs):
                shutil.rmtree(work / "out", ignore_errors=True)
                measured.append(timed(command, loads))
            row[build] = summary(measured)
            row[build]["pages_written"] = html_pages(work / "out")
        shutil.rmtree(work / "out", ignore_errors=True)
        shutil.rmtree(site)
        shutil.rmtree(plain_site)
        rows.append(row)
        say(
            f"  {n:>5} articles ({layout}): ours {row['ours']['wall_median']:.1f} s "
            f"({row['ours']['max_rss_mb']:.0f} MB), plain {row['plain']['wall_median']:.1f} s "
            f"({row['plain']['max_rss_mb']:.0f} MB)"
        )
    return {
        "layout": layout,
        "rows": rows,
        "growth": {build: growth(rows, build) for build in ("ours", "plain")},
    }


def growth(rows, build):
    """Cost per 1,000 articles between consecutive sizes, and how it grows.

    exponent = log(t2/t1) / log(n2/n1): 1 is linear growth, 2 quadratic; the
    fixed start-up of a build pulls it below 1 for small sites."""
    steps = []
    for a, b in itertools.pairwise(rows):
        step = {"from": a["articles"], "to": b["articles"]}
        for key, basis in (("wall", "wall_median"), ("cpu", "cpu_median"), ("rss", "max_rss_mb")):
            t1, t2 = a[build][basis], b[build][basis]
            step[f"{key}_per_1000"] = (t2 - t1) / (b["articles"] - a["articles"]) * 1000
            step[f"{key}_exponent"] = math.log(t2 / t1) / math.log(b["articles"] / a["articles"])
        step["content_exponent"] = math.log(b["markdown_bytes"] / a["markdown_bytes"]) / math.log(
            b["articles"] / a["articles"]
        )
        steps.append(step)
    return steps


def main():
    started = time.perf_counter()
    content = pathlib.Path(setting("BENCH_CONTENT", ROOT / "content")).resolve()
    config = {
        "content": str(content),
        "runs": int(setting("BENCH_RUNS", "5")),
        "sizes": sizes("BENCH_SIZES", "100,1000,5000"),
        "guide_sizes": sizes("BENCH_GUIDE_SIZES", "100,500"),
        "scale_runs": int(setting("BENCH_SCALE_RUNS", "1")),
        "profile": [
            (layout, int(n))
            for layout, n in (
                item.split(":")
                for item in setting("BENCH_PROFILE", "beside:1000,guide:300").split(",")
                if item.strip()
            )
        ],
        "lighthouse_runs": int(setting("BENCH_LIGHTHOUSE_RUNS", "3")),
    }
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "config": config,
        "durations": {},
    }
    loads = []
    say(f"Benchmark of {content} on {result['machine']['nproc']} x {result['machine']['cpu']}")
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = pathlib.Path(tmp)

        def step(name, function, *args):
            say(f"{name} ...")
            begin = time.perf_counter()
            value = function(*args)
            result["durations"][name] = time.perf_counter() - begin
            return value

        result["real"], site = step(
            "Real content", real_content, content, work, config["runs"], loads
        )
        result["pdf"] = step("PDF leaflet", pdf_leaflet, content, work, config["runs"], loads)
        result["pdf"]["made_by_make_html"] = any(site.rglob("*.pdf"))
        result["weight"] = step("Page weight", weight.site_weight, site)
        for page in result["weight"]["pages"]:
            say(
                f"  {page['page']}: {page['total_transfer']} B in {page['requests']} requests"
                + ("  FAILURE: over budget" if page["over_budget"] else "")
            )
        if config["lighthouse_runs"]:
            result["lighthouse"] = step(
                "Lighthouse", lighthouse.run, site, config["lighthouse_runs"]
            )
        result["scale"] = {}
        for layout, key in (("beside", "sizes"), ("guide", "guide_sizes")):
            if config[key]:
                result["scale"][layout] = step(
                    f"Scale ({layout})",
                    scale_series,
                    content,
                    work,
                    layout,
                    config[key],
                    config["scale_runs"],
                    loads,
                )
        result["profile"] = []
        for layout, n in config["profile"]:
            result["profile"].append(
                step(f"Profile ({layout}, {n} articles)", profile_build, content, work, layout, n)
            )
    result["load_before_builds"] = {"median": statistics.median(loads), "max": max(loads)}
    result["durations"]["total"] = time.perf_counter() - started
    report.write(result, OUT)
    say(report.console_summary(result))
    say(f"Report: {OUT / 'report.md'} (and report.json, build-time.png, profile-*.txt)")


def profile_build(content, work, layout, n):
    site, sessions = work / f"profile-{layout}-{n}", work / f"sessions-{layout}-{n}"
    sessions.mkdir()
    synth.make_site(content, site, n, guide=GUIDE, beside=LAYOUTS[layout])
    text = OUT / f"profile-{layout}-{n}.txt"
    builds.measure(builds.ours(site, work / "out"), env=hotspots.environment(sessions))
    shutil.rmtree(work / "out", ignore_errors=True)
    shutil.rmtree(site)
    found = hotspots.summarize(sessions, text_report=text)
    found.update(layout=layout, articles=n, tree=text.name)
    return found


if __name__ == "__main__":
    try:
        main()
    except (builds.BuildFailed, RuntimeError) as error:
        sys.exit(f"bench: {error}")
