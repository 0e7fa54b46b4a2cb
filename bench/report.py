"""The benchmark's results as Markdown, JSON and a plot, judged against the targets.

Guarantees: report.md and report.json hold the same figures; build-time.png
plots build time and peak memory against the number of articles for both
builds. When the machine was busy with other work while the builds ran (load
average above BUSY_LOAD), targets are judged on CPU time, which other
processes inflate far less than wall time; the report says which was used.
"""

import json
import pathlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

RATIO_TARGET = 1.25
REAL_CONTENT_TARGET = 1.0
LINEAR_EXPONENT = 1.1  # time may grow at most as articles^1.1 between two sizes
BUSY_LOAD = 1.5  # our own build counts 1
SERIES = {
    "beside": "copies beside the guide (pipeline)",
    "guide": "copies in the guide (nav lists all)",
}


def basis(result):
    return "cpu" if result["load_before_builds"]["max"] > BUSY_LOAD else "wall"


def seconds(summary, key):
    return summary["cpu_median"] if key == "cpu" else summary["wall_median"]


def targets(result):
    key = basis(result)
    rows = []
    real = result["real"]["builds"]
    for kind in ("clean", "rebuild"):
        ratio = seconds(real[f"ours_{kind}"], key) / seconds(real[f"plain_{kind}"], key)
        # issue 6 set 1.25 ×; issue 11: no slower than plain Pelican on the real content
        for target in (RATIO_TARGET, REAL_CONTENT_TARGET):
            rows.append(
                (
                    f"Real content, {'empty output' if kind == 'clean' else 'rebuild'}: ours ≤ {target} × plain",
                    f"{ratio:.2f} ×",
                    ratio <= target,
                )
            )
    for layout, series in result["scale"].items():
        for row in series["rows"]:
            ratio = seconds(row["ours"], key) / seconds(row["plain"], key)
            rows.append(
                (
                    f"{row['articles']} articles, {SERIES[layout]}: ours ≤ {RATIO_TARGET} × plain",
                    f"{ratio:.2f} ×",
                    ratio <= RATIO_TARGET,
                )
            )
        for step in series["growth"]["ours"]:
            exponent = step[f"{key}_exponent"]
            rows.append(
                (
                    f"Linear growth {step['from']}→{step['to']}, {SERIES[layout]} "
                    f"(time ∝ articles^≤{LINEAR_EXPONENT})",
                    f"articles^{exponent:.2f}",
                    exponent <= LINEAR_EXPONENT,
                )
            )
            rows.append(
                (
                    f"Memory {step['from']}→{step['to']}, {SERIES[layout]}: grows no faster "
                    "than the content",
                    f"articles^{step['rss_exponent']:.2f} vs content "
                    f"articles^{step['content_exponent']:.2f}",
                    step["rss_exponent"] <= step["content_exponent"],
                )
            )
    rows.append(
        (
            "`make html` makes no PDF leaflet (so its time is the site's alone)",
            "a PDF" if result["pdf"]["made_by_make_html"] else "none",
            not result["pdf"]["made_by_make_html"],
        )
    )
    weight = result["weight"]
    rows.append(
        (
            f"Every page ≤ {weight['budget_bytes'] // 1024} KB gzip (the whole guide "
            f"≤ {weight['whole_guide_budget_per_part'] / 1024:.1f} KB a part) in ≤ "
            f"{weight['budget_requests']} requests",
            f"{len(weight['failures'])} of {len(weight['pages'])} pages over",
            not weight["failures"],
        )
    )
    if "lighthouse" in result:
        pages = result["lighthouse"]["pages"]
        below = [p["page"] for p in pages if min(p["scores"].values()) < 100 or p["cls"] > 0]
        rows.append(
            (
                "Lighthouse: 100 in every category and CLS 0 on every page",
                f"{len(below)} of {len(pages)} pages below",
                not below,
            )
        )
    total = result["durations"]["total"]
    rows.append(
        (
            "`make bench` under 15 minutes (this run, set-up not included)",
            f"{total / 60:.1f} min",
            total < 15 * 60,
        )
    )
    return [{"target": t, "result": r, "met": m} for t, r, m in rows]


def write(result, out):
    out = pathlib.Path(out)
    result["basis"] = basis(result)
    result["targets"] = targets(result)
    (out / "report.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    plot(result, out / "build-time.png")
    (out / "report.md").write_text(markdown(result), encoding="utf-8")


def plot(result, path):
    key = result["basis"]
    figure, (times, memory) = plt.subplots(1, 2, figsize=(11, 4.5))
    colours = {"ours": "tab:blue", "plain": "tab:orange"}
    for layout, series in result["scale"].items():
        line = "-" if layout == "beside" else "--"
        n = [row["articles"] for row in series["rows"]]
        for build, colour in colours.items():
            label = f"{'our build' if build == 'ours' else 'plain Pelican'}, {SERIES[layout]}"
            style = dict(color=colour, linestyle=line, marker="o", label=label)
            times.plot(n, [seconds(row[build], key) for row in series["rows"]], **style)
            memory.plot(n, [row[build]["max_rss_mb"] for row in series["rows"]], **style)
    for axes, title, unit in (
        (times, f"Build time ({'CPU' if key == 'cpu' else 'wall'}, median)", "seconds"),
        (memory, "Peak memory (max RSS)", "MB"),
    ):
        axes.set_xlabel("articles")
        axes.set_ylabel(unit)
        axes.set_title(title)
        axes.set_xlim(left=0)
        axes.set_ylim(bottom=0)
        axes.grid(True, alpha=0.3)
    times.legend(fontsize=8, handlelength=3)
    machine = result["machine"]
    figure.suptitle(
        f"make bench, {result['date'][:10]}, {machine['nproc']} × {machine['cpu']}, "
        f"Python {machine['python']}: a straight line is linear growth",
        fontsize=9,
    )
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def _s(value):
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def markdown(result):
    m = result["machine"]
    key = result["basis"]
    lines = [
        "# Benchmark report",
        "",
        f"- Date: {result['date']}",
        f"- Machine: {m['nproc']} cores, {m['cpu']}, Python {m['python']}, {m['pelican']}, "
        f"Node.js {m['node']}, {m['chromium']}",
        f"- Commit: {m['commit']}; content: `{result['config']['content']}`",
        f"- `bench/run.py` took {result['durations']['total'] / 60:.1f} min "
        f"({', '.join(f'{k} {v:.0f} s' for k, v in result['durations'].items() if k != 'total')})",
        f"- Load average before each build: median {result['load_before_builds']['median']:.1f}, "
        f"max {result['load_before_builds']['max']:.1f} on {m['nproc']} cores. Targets are judged "
        f"on **{'CPU' if key == 'cpu' else 'wall'} time**"
        + (
            " because other work was running on the machine (wall times are inflated)."
            if key == "cpu"
            else "."
        ),
        "",
        "## Targets",
        "",
        "| Target | Result | Met |",
        "|---|---|---|",
    ]
    lines += [
        f"| {t['target']} | {t['result']} | {'yes' if t['met'] else '**NO**'} |"
        for t in result["targets"]
    ]
    lines += _real(result) + _pdf(result) + _scale(result) + _profiles(result) + _weight(result)
    lines += _lighthouse(result) + _method()
    return "\n".join(lines) + "\n"


def _real(result):
    real = result["real"]
    builds = real["builds"]
    key = result["basis"]
    lines = [
        "",
        "## Build speed: the real content",
        "",
        f"{real['documents']} Markdown documents ({real['markdown_bytes'] / 1024:.0f} KB); "
        f"pages written: ours {real['pages_written']['ours']}, plain Pelican "
        f"{real['pages_written']['plain']} (its index and archives included).",
        "",
        "| Build | Runs | Wall median (s) | Wall min–max (s) | CPU median (s) | Peak memory (MB) "
        "| Ours ÷ plain |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, label in (
        ("ours_clean", "`make html`, empty output"),
        ("ours_rebuild", "`make html`, rebuild"),
        ("ours_cold", "`make html`, empty output and empty cache folder"),
        ("plain_clean", "plain Pelican, empty output"),
        ("plain_rebuild", "plain Pelican, rebuild"),
    ):
        b = builds[name]
        other = builds[name.replace("ours", "plain").replace("cold", "clean")]
        ratio = f"{seconds(b, key) / seconds(other, key):.2f}" if name.startswith("ours") else ""
        lines.append(
            f"| {label} | {b['runs']} | {_s(b['wall_median'])} | {_s(b['wall_min'])}–"
            f"{_s(b['wall_max'])} | {_s(b['cpu_median'])} | {b['max_rss_mb']:.0f} | {ratio} |"
        )
    return lines


def _pdf(result):
    pdf, html = result["pdf"], result["real"]["builds"]["ours_clean"]
    lines = [
        "",
        "## The PDF leaflet (`make pdf`, and `make publish`)",
        "",
        f"The leaflet of the real content: {pdf['pages']} pages, {pdf['bytes'] / 1024:.0f} KB. "
        "`make pdf` is `make html` plus the leaflet; WeasyPrint makes it only when what it "
        "reads changed, else the build copies the last one from `cache/leaflet`.",
        "",
        "| Build | Runs | Wall median (s) | Wall min–max (s) | CPU median (s) | Peak memory (MB) |",
        "|---|---|---|---|---|---|",
    ]
    for label, b in (
        ("`make pdf`, leaflet made (empty cache)", pdf["made"]),
        ("`make pdf`, leaflet copied from the cache", pdf["copied"]),
        ("`make html` (no leaflet), empty output", html),
    ):
        lines.append(
            f"| {label} | {b['runs']} | {_s(b['wall_median'])} | {_s(b['wall_min'])}–"
            f"{_s(b['wall_max'])} | {_s(b['cpu_median'])} | {b['max_rss_mb']:.0f} |"
        )
    lines += [
        "",
        f"Making the leaflet adds {pdf['made']['wall_median'] - html['wall_median']:.2f} s "
        "(median) to a build with empty output.",
    ]
    return lines


def _scale(result):
    key = result["basis"]
    lines = ["", "## Scale", "", "![Build time and memory against articles](build-time.png)", ""]
    for layout, series in result["scale"].items():
        lines += [
            f"### Synthetic sites, {SERIES[layout]}",
            "",
            "| Articles | Documents | Markdown (KB) | Ours wall (s) | Ours CPU (s) | Plain wall (s) "
            "| Plain CPU (s) | Ours ÷ plain | Ours s per 1,000 | Plain s per 1,000 | Ours MB | Plain MB |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for row in series["rows"]:
            o, p, n = row["ours"], row["plain"], row["articles"]
            lines.append(
                f"| {n} | {row['documents']} | {row['markdown_bytes'] / 1024:.0f} | {_s(o['wall_median'])} "
                f"| {_s(o['cpu_median'])} | {_s(p['wall_median'])} | {_s(p['cpu_median'])} "
                f"| {seconds(o, key) / seconds(p, key):.2f} | {_s(seconds(o, key) / n * 1000)} "
                f"| {_s(seconds(p, key) / n * 1000)} | {o['max_rss_mb']:.0f} | {p['max_rss_mb']:.0f} |"
            )
        lines += [
            "",
            f"Growth between sizes ({'CPU' if key == 'cpu' else 'wall'} time; the "
            "exponent is log(t₂/t₁)/log(n₂/n₁): 1 = linear, 2 = quadratic):",
            "",
            "| Step | Ours s per extra 1,000 | Ours exponent | Plain s per extra 1,000 "
            "| Plain exponent | Ours MB per extra 1,000 | Plain MB per extra 1,000 |",
            "|---|---|---|---|---|---|---|",
        ]
        for o, p in zip(series["growth"]["ours"], series["growth"]["plain"], strict=True):
            lines.append(
                f"| {o['from']}→{o['to']} | {_s(o[f'{key}_per_1000'])} "
                f"| {o[f'{key}_exponent']:.2f} | {_s(p[f'{key}_per_1000'])} "
                f"| {p[f'{key}_exponent']:.2f} | {o['rss_per_1000']:.1f} "
                f"| {p['rss_per_1000']:.1f} |"
            )
        lines.append("")
    return lines


def _profiles(result):
    lines = ["## Where the time goes (pyinstrument)", ""]
    for found in result["profile"]:
        lines += [
            f"### Our build, {found['articles']} articles, {SERIES[found['layout']]}",
            "",
            f"{found['sampled_seconds']:.1f} s sampled in {found['processes']} Python "
            f"process(es), profiler overhead included; full call tree: "
            f"`bench/{found['tree']}`. Phases overlap (reading includes Markdown; "
            "writing includes rendering, which includes page URLs).",
            "",
            "| Phase | Seconds | Share |",
            "|---|---|---|",
        ]
        lines += [
            f"| {p['label']} | {p['seconds']:.2f} | {p['percent']:.0f} % |" for p in found["phases"]
        ]
        lines += [
            "",
            "The site's own templates and plugins (inclusive: with what they call; "
            "a template includes the partials it includes):",
            "",
            "| Template or plugin | Seconds | Share |",
            "|---|---|---|",
        ]
        lines += [
            f"| {p['label']} | {p['seconds']:.2f} | {p['percent']:.0f} % |"
            for p in found["site_code"]
        ]
        lines += [
            "",
            "Functions with the most time of their own:",
            "",
            "| Function | Seconds | Share |",
            "|---|---|---|",
        ]
        lines += [
            f"| `{p['label']}` | {p['seconds']:.2f} | {p['percent']:.0f} % |"
            for p in found["self_time"]
        ]
        lines.append("")
    return lines


def _weight(result):
    weight = result["weight"]
    lines = [
        "## Page weight (`make html` output)",
        "",
        "Transfer = HTML and text resources gzip-compressed (level 6), images as they are. "
        f"Budget: {weight['budget_bytes'] // 1024} KB and {weight['budget_requests']} requests "
        "per page, besides the site icon (fetched once for the whole site; its bytes count); "
        f"the whole guide on one page: {weight['whole_guide_budget_per_part'] / 1024:.1f} KB "
        "a part of the guide (issue 15: 24 KB for five parts of text; pictures since).",
        "",
        "| Page | HTML (B) | HTML gzip (B) | Resources (transfer B) | Site icon (transfer B) "
        "| Requests | Total transfer (B) |",
        "|---|---|---|---|---|---|---|",
    ]
    for p in weight["pages"]:
        resources = (
            ", ".join(
                f"{r['path']} (missing)" if r.get("missing") else f"{r['path']} ({r['transfer']})"
                for r in p["resources"]
            )
            or "none"
        )
        icon = p["icon"]
        icon = "none" if not icon else f"{icon['path']} ({icon.get('transfer', 'missing')})"
        lines.append(
            f"| {p['page']} | {p['html_bytes']} | {p['html_gzip']} | {resources} "
            f"| {icon} | {p['requests']} | {p['total_transfer']} |"
        )
    lines += ["", f"Largest page: {weight['largest']}.", ""]
    lines += [f"FAILURE: {page} is over the budget." for page in weight["failures"]]
    without_icon = [p["page"] for p in weight["pages"] if not p["icon"]]
    if without_icon:
        lines += [
            "",
            f'{len(without_icon)} page(s) declare no icon (`<link rel="icon">`): '
            "browsers then also request /favicon.ico, one more request (a 404 if the "
            "site has none).",
        ]
    return lines


def _lighthouse(result):
    if "lighthouse" not in result:
        return ["", "## Lighthouse", "", "Skipped (BENCH_LIGHTHOUSE_RUNS=0)."]
    lh = result["lighthouse"]
    lines = [
        "",
        "## Lighthouse",
        "",
        f"Lighthouse {lh['version']}, {lh['form_factor']} (default config, simulated "
        f"throttling), Debian Chromium, median of {lh['runs_per_page']} runs per page, site "
        "served on 127.0.0.1 with gzip.",
        "",
        "| Page | Performance | Accessibility | Best practices | SEO | LCP (ms) | CLS "
        "| Total bytes | Points lost on (any run) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for p in lh["pages"]:
        s = p["scores"]
        lines.append(
            f"| {p['page']} | {s.get('performance'):g} | {s.get('accessibility'):g} "
            f"| {s.get('best-practices'):g} | {s.get('seo'):g} | {p['lcp_ms']:.0f} "
            f"| {p['cls']:.3f} | {p['total_bytes']:.0f} | {', '.join(p['failing']) or '–'} |"
        )
    return lines


def _method():
    return [
        "",
        "## Method",
        "",
        "- Our build is whatever `make html` runs, called as `make html INPUTDIR=… "
        "OUTPUTDIR=…` into a temporary directory. Plain Pelican is the same Pelican with "
        "`bench/plainconf.py` (`PLUGINS = []`, everything else default: theme `notmyidea`), "
        "on a copy of the content where every Markdown file is a page (`pages/`), without "
        "the metadata only our theme knows (`Template`, `Save_as`, `URL`).",
        "- Time is wall-clock time of the whole command (Python start-up included); CPU is "
        "user + system time of the command and its children; peak memory is the largest "
        "resident set of any of its processes (`wait4`). Builds of ours and plain Pelican "
        "alternate, so changes in the machine's load hit both alike. Pelican's own content "
        "cache is off in both (the default). Ours keeps what it worked out from unchanged "
        "inputs in its cache folder (plugin `kept_results`: each page read without a "
        "problem, the whole guide's parts, the compiled templates), so its empty-output "
        "builds and rebuilds reuse them; the build with an empty cache folder is a fresh "
        "clone's first `make html` (a change to the code, the theme, the settings or "
        "`content/shared/` reads every page again, but keeps the compiled templates).",
        "- Synthetic sites (`bench/synth.py`): the real guide articles plus numbered copies "
        "with unique titles and slugs; a copy's links to other guide articles point to the "
        "copies of the same set, so every link resolves and both builds run with no "
        "broken-link warning. *Beside the guide*: the copies are ordinary pages in "
        "`pages/copies/` (no `Order`), so our guide and navigation keep their real size, and "
        "plain Pelican gets them as `Status: hidden` pages, so its menu (which lists every "
        "page) does too: this measures the build pipeline. *In the guide*: the copies join "
        "the guide, as the README tells staff to add articles; every page's navigation and "
        "contents list then links to every article (and plain Pelican's menu lists every "
        "page), so the output grows with the square of the number of articles.",
        "- Profiles: pyinstrument samples every Python process of one `make html` "
        "(`bench/profiling/sitecustomize.py` on PYTHONPATH), so the time under the profiler "
        "is longer than unprofiled; compare shares, not seconds.",
    ]


def console_summary(result):
    lines = ["", "Targets:"]
    lines += [
        f"  [{'ok' if t['met'] else 'MISSED'}] {t['target']}: {t['result']}"
        for t in result["targets"]
    ]
    lines += [
        f"FAILURE: {page} is over the page-weight budget" for page in result["weight"]["failures"]
    ]
    return "\n".join(lines)
