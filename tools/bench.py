"""Build benchmark: how build time and memory grow with the number of events.

    make bench                              # python -m tools.bench
    python -m tools.bench --quick           # smoke run: small scales, one run each
    python -m tools.bench --scales 10,1000,10000 --runs 5 --big-runs 3

For each scale it writes valid synthetic data (data/events.yml, and data/partners.yml with
one partner per ten events) into a temporary copy of the site, then times full strict
builds, each in a fresh process, of three variants interleaved run by run so that the drift
of a noisy machine falls on all of them alike:

    site           the real site
    listings off   the same copy with SITE_LISTINGS=off: the listing hooks do no work, so
                   the difference is the hooks' own cost
    bare Material  theme material and the search plugin only, building the same Markdown
                   as two plain trees fi/ and en/: the theme's cost without our additions

Then `mkdocs serve` as `make serve` runs it (live reload, the listings' serve cache on), at
the real site and at 1,000 events, and with SITE_LISTINGS=off at 1,000 events (its server
runs beside the site's, their edits alternating): after the first build, a page is edited
(or an event's title in data/events.yml); the build that follows is timed, and so is the
edit-to-reload latency, until the served page shows the change.

At the smallest and the largest scale one more build runs in-process under cProfile: it counts
how often the data are read and validated (the target is once per build run, not once per
language) and lists where the hooks spend their time, fixed costs at the smallest scale and
costs per event at the largest; pyinstrument's call tree of the largest goes to a text file.

Writes bench-results/bench.md, bench-results/bench.json and
bench-results/profile-<events>-events.txt, and prints the Markdown. Every target is marked
met or missed; the exit status is 0 either way (a failed build still exits non-zero).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from tools.workspace import copy_site

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ("fi", "en")
SITE_URL = "http://127.0.0.1/x/"
# 2026-11-25 12:00 UTC, as in the tests: the synthetic events fall on both sides of it.
SOURCE_DATE_EPOCH = "1795608000"

# 10,000 synthetic events are several megabytes, more than an editor's data file may be:
# the copies raise mkdocs.yml extra.data_file_max_bytes to this.
BENCH_FILE_BYTES = 100_000_000
SITE, LISTINGS_OFF, BARE = "site", "listings off", "bare Material"
DATA_FUNCTIONS = ("load_site_data", "parse_events", "parse_partners")
# pyinstrument hides library frames; show MkDocs' build steps, Markdown and Material's search
# plugin, where the listings' output costs time, and leave out nodes under 2% of the build.
TREE_OPTIONS = {"show_regex": r".*/(mkdocs/commands|markdown|material/plugins)/.*", "filter_threshold": 0.02}

# Targets of issue 14, "Listings that cost almost nothing: cold builds, rebuilds in make serve,
# and memory at scale" (which replaced those of the first benchmark issue: 5% and 25%).
HOOKS_SHARE_GOALS = {1_000: 0.15, 10_000: 0.40}
PEAK_MIB_GOAL = (10_000, 150)  # the site's build at this many events, in MiB
PAGE_EDIT_GOAL = (1_000, 1.1)  # a page edit under serve, site / listings off, at this many events
VERSUS_BARE_GOAL = 2.0
LINEAR_TOLERANCE = 1.5  # the last segment's cost per 1,000 events over the first segment's
SERVE_SCALES = (0, 1_000)  # 0: the real site's own data
SERVE_TIMEOUT_S = 300  # for the first build; each reload gets a third of it


# ---------------------------------------------------------------- synthetic data

ZONES = ("Europe/Helsinki", "Europe/London")
PLACES = {
    "Europe/Helsinki": {"fi": "Helsinki, Kaupungintalo", "en": "Helsinki City Hall"},
    "Europe/London": {"fi": "Lontoo, City Hall", "en": "London City Hall"},
}
TOPICS = (
    {"fi": "tekoälyn etiikka", "en": "AI ethics"},
    {"fi": "avoin data", "en": "open data"},
    {"fi": "älykaupunki ja liikenne", "en": "smart city and mobility"},
    {"fi": "kyberturvallisuus", "en": "cyber security"},
    {"fi": "asukkaiden digitaaliset palvelut", "en": "digital services for residents"},
)
CITIES = ("helsinki", "london", "other")
FIRST_DAY = date(2016, 1, 4)
SPAN_DAYS = 16 * 365  # 2016–2031: past and upcoming events at SOURCE_DATE_EPOCH


def _yaml_text(value: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(value, ensure_ascii=False)


def _localized(name: str, texts: dict[str, str]) -> list[str]:
    return [f"    {name}:"] + [f"      {locale}: {_yaml_text(texts[locale])}" for locale in LOCALES]


def _moments(form: str, day: date, has_end: bool) -> tuple[str, str | None]:
    """Start and optional end, written the way an editor writes them (unquoted)."""
    if form == "time":
        return f"{day.isoformat()}T09:30", f"{day.isoformat()}T16:00" if has_end else None
    if form == "month":
        next_month = (day.replace(day=1) + timedelta(days=32)).strftime("%Y-%m")
        return day.strftime("%Y-%m"), next_month if has_end else None
    return day.isoformat(), (day + timedelta(days=2)).isoformat() if has_end else None


SYNTHETIC_SOURCE = "kuntalehti-2019-02"  # a source of data/sources.yml


def synthetic_event(index: int) -> str:
    """One valid entry of data/events.yml; `index` picks its form, zone and optional fields."""
    event_id = f"synthetic-event-{index:05d}"
    zone = ZONES[index % 2]
    topic = TOPICS[index % len(TOPICS)]
    form = ("day", "time", "month")[index % 3]
    day = FIRST_DAY + timedelta(days=(index * 7919) % SPAN_DAYS)  # spread over the years
    start, end = _moments(form, day, has_end=index % 4 == 0)
    lines = [f"  - id: {event_id}"]
    lines += _localized("title", {"fi": f"Tapahtuma {index}: {topic['fi']}", "en": f"Event {index}: {topic['en']}"})
    lines.append(f"    start: {start}")
    if end:
        lines.append(f"    end: {end}")
    if form == "time" or index % 5 < 3:
        lines.append(f"    timezone: {zone}")
    lines += _localized("location", PLACES[zone])
    if index % 5:
        lines.append(f"    url: https://example.org/events/{event_id}")
    if index % 2 == 0:
        lines += _localized("description", {
            "fi": f"Helsingin ja Lontoon asiantuntijat keskustelevat aiheesta {topic['fi']}. "
                  "Ohjelmassa on puheenvuoroja, työpajoja ja esimerkkejä molemmista kaupungeista.",
            "en": f"Experts from Helsinki and London discuss {topic['en']}. "
                  "The programme has talks, workshops and examples from both cities.",
        })
    lines.append(f"    sources: [{SYNTHETIC_SOURCE}]")  # every event and partner cites one
    return "\n".join(lines)


def synthetic_partner(index: int) -> str:
    """One valid entry of data/partners.yml, without a logo."""
    partner_id = f"synthetic-partner-{index:04d}"
    lines = [f"  - id: {partner_id}"]
    lines += _localized("name", {"fi": f"Kumppaniorganisaatio {index}", "en": f"Partner organisation {index}"})
    # One party to the declaration for each city, as the data must have; the others are related.
    lines.append(f"    city: {CITIES[index - 1] if index <= len(CITIES) else CITIES[-1]}")
    lines.append(f"    url: https://example.org/partners/{partner_id}")
    if index % 2 == 0:
        lines += _localized("description", {
            "fi": "Yhteistyökumppani, joka kehittää avoimen datan palveluja.",
            "en": "A partner that develops open-data services.",
        })
    lines.append(f"    sources: [{SYNTHETIC_SOURCE}]")
    return "\n".join(lines)


def partners_for(events: int) -> int:
    return max(1, events // 10)


def write_synthetic_data(site: Path, events: int) -> None:
    """Replace the copy's data files with `events` events and a partner per ten events."""
    header = "# Synthetic data written by tools/bench.py; see data/{} in the repository for the format.\n"
    entries = "\n\n".join(synthetic_event(i) for i in range(1, events + 1))
    (site / "data" / "events.yml").write_text(header.format("events.yml") + "events:\n" + entries + "\n", "utf-8")
    entries = "\n\n".join(synthetic_partner(i) for i in range(1, partners_for(events) + 1))
    (site / "data" / "partners.yml").write_text(header.format("partners.yml") + "partners:\n" + entries + "\n", "utf-8")
    config = site / "mkdocs.yml"
    text, count = re.subn(r"(?m)^(\s*data_file_max_bytes:) \d+$", rf"\1 {BENCH_FILE_BYTES}", config.read_text("utf-8"))
    if count != 1:
        raise SystemExit("mkdocs.yml has no extra.data_file_max_bytes for the benchmark to raise")
    config.write_text(text, "utf-8")


def check_data(site: Path) -> None:
    """Validate the copy's data with the site's own data layer; raises its DataError if invalid."""
    sys.path.insert(0, str(ROOT / "hooks"))
    try:
        import _data
    finally:
        sys.path.remove(str(ROOT / "hooks"))
    _data.load_site_data(site / "data", site / "docs", LOCALES, site, max_file_bytes=BENCH_FILE_BYTES)


# ---------------------------------------------------------------- workspaces


_FRONT_MATTER_TEMPLATE = re.compile(r"\A(---\n(?:(?!---\n).*\n)*?)template: .*\n")


def make_bare_material(target: Path) -> Path:
    """A site with theme material, no web fonts, the search plugin and the site's Markdown
    extensions, and nothing else, building every page once per language as plain
    fi/name.md and en/name.md. Returns its mkdocs.yml."""
    from mkdocs.utils.yaml import yaml_load

    for locale in LOCALES:
        pages = target / "docs" / locale
        pages.mkdir(parents=True)
        for page in sorted((ROOT / "docs").glob(f"*.{locale}.md")):
            # A page's own template (the home page's `template: home.html`) is one of the site's
            # overrides, which a bare site does not have: the page is built as a plain one.
            text = _FRONT_MATTER_TEMPLATE.sub(r"\1", page.read_text("utf-8"), count=1)
            (pages / page.name.replace(f".{locale}.md", ".md")).write_text(text, "utf-8")
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as source:
        extensions = yaml_load(source).get("markdown_extensions", [])
    config = {
        "site_name": "Bare Material",
        "site_url": SITE_URL,
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "markdown_extensions": extensions,
    }
    (target / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=2), "utf-8")  # JSON is YAML
    return target / "mkdocs.yml"


# ---------------------------------------------------------------- timed builds


@dataclass(frozen=True)
class Variant:
    name: str
    config: Path
    env: dict[str, str] = field(repr=False)


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float  # the build process's maximum resident set size
    cpu_seconds: float = 0.0  # the build process's user + system CPU time


def build_env(**extra: str) -> dict[str, str]:
    """The environment of a build as CI runs it, with a fixed build time and site URL."""
    # Without PYTHONDONTWRITEBYTECODE, as make runs builds (Makefile): compiled hooks are kept.
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "SITE_LISTINGS", "PYTHONDONTWRITEBYTECODE")}
    env.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, SITE_URL=SITE_URL, **extra)
    return env


def timed_build(variant: Variant, site_dir: Path, log: Path) -> Run:
    """One `mkdocs build --strict` in a fresh process: wall time and that process's peak memory.

    A small intermediate Python process starts the build and reads its RUSAGE_CHILDREN: a child
    inherits the high-water mark of the process it was forked from, so forking the build from
    this (large) process would report this process's memory, not the build's.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(variant.config),
               "--site-dir", str(site_dir)]
    entry = "import sys; from tools.bench import measure_child; measure_child(*sys.argv[1:])"
    result = subprocess.run([sys.executable, "-c", entry, str(log), str(variant.config.parent), *command],
                            cwd=ROOT, env=variant.env, capture_output=True, text=True)
    if result.returncode != 0:
        tail = log.read_text(encoding="utf-8")[-3000:] if log.exists() else result.stderr
        raise SystemExit(f"The {variant.name} build failed ({variant.config}):\n{tail}")
    measured = json.loads(result.stdout)
    return Run(seconds=measured["seconds"], peak_mib=measured["maxrss_kib"] / 1024,  # KiB on Linux
               cpu_seconds=measured["cpu_seconds"])


def measure_child(log: str, cwd: str, *command: str) -> None:
    """Entry point of the intermediate process: run `command` in `cwd`, print its time and peak
    memory as JSON, and exit with its status. The command's output goes to `log`."""
    with open(log, "w", encoding="utf-8") as output:
        started = time.perf_counter()
        status = subprocess.call(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"seconds": seconds, "maxrss_kib": usage.ru_maxrss, "cpu_seconds": usage.ru_utime + usage.ru_stime}))
    sys.exit(status)


@dataclass
class ScaleResult:
    """Every run of every variant at one number of events, in round order."""

    events: int
    partners: int
    runs: dict[str, list[Run]]

    def median_seconds(self, variant: str) -> float:
        return statistics.median(run.seconds for run in self.runs[variant])

    def noise(self) -> float | None:
        """The widest spread of any variant's runs, (max − min) / median: the machine's noise.
        None with a single run per variant."""
        samples = [[run.seconds for run in runs] for runs in self.runs.values()]
        if min(len(seconds) for seconds in samples) < 2:
            return None
        return max((max(seconds) - min(seconds)) / statistics.median(seconds) for seconds in samples)

    def peak_mib(self, variant: str) -> float:
        return max(run.peak_mib for run in self.runs[variant])

    def _paired(self, other: str) -> list[tuple[float, float]]:
        return [(site.seconds, run.seconds) for site, run in zip(self.runs[SITE], self.runs[other])]

    def hooks_share(self) -> float:
        """The listing hooks' share of the build: median over rounds of (site − off) / site."""
        return statistics.median((site - off) / site for site, off in self._paired(LISTINGS_OFF))

    def hooks_seconds(self) -> float:
        return statistics.median(site - off for site, off in self._paired(LISTINGS_OFF))

    def median_cpu(self, variant: str) -> float:
        return statistics.median(run.cpu_seconds for run in self.runs[variant])

    def hooks_cpu_share(self) -> float:
        """hooks_share in CPU time: what the build itself spends, whatever else the machine runs."""
        pairs = [(site.cpu_seconds, off.cpu_seconds) for site, off in zip(self.runs[SITE], self.runs[LISTINGS_OFF])]
        return statistics.median((site - off) / site for site, off in pairs)

    def hooks_cpu_seconds(self) -> float:
        return statistics.median(site.cpu_seconds - off.cpu_seconds
                                 for site, off in zip(self.runs[SITE], self.runs[LISTINGS_OFF]))

    def versus_bare(self) -> float:
        """The site's build time over the bare Material site's, median over rounds."""
        return statistics.median(site / bare for site, bare in self._paired(BARE))


def _rotated(variants: list, shift: int) -> list:
    """Each round starts with another variant, so none always runs right after another."""
    shift %= len(variants)
    return variants[shift:] + variants[:shift]


def bench_scale(events: int, runs: int, warmup: int, workdir: Path, bare: Variant) -> ScaleResult:
    """Generate, validate and time the three variants at `events` events."""
    copy = workdir / f"site-{events}"
    config = copy_site(copy) / "mkdocs.yml"
    write_synthetic_data(copy, events)
    check_data(copy)
    variants = [Variant(SITE, config, build_env()), Variant(LISTINGS_OFF, config, build_env(SITE_LISTINGS="off")), bare]
    result = ScaleResult(events, partners_for(events), {variant.name: [] for variant in variants})
    for round_number in range(-warmup, runs):
        for variant in _rotated(variants, round_number):
            slug = variant.name.replace(" ", "-")
            run = timed_build(variant, workdir / "out" / slug, workdir / f"{slug}.log")
            label = "warm-up" if round_number < 0 else f"run {round_number + 1}/{runs}"
            print(f"  {events:>6} events  {variant.name:<14} {label:<9} {run.seconds:6.2f} s  {run.peak_mib:5.0f} MiB",
                  file=sys.stderr, flush=True)
            if round_number >= 0:
                result.runs[variant.name].append(run)
    return result


# ---------------------------------------------------------------- mkdocs serve


@dataclass
class ServeResult:
    """Edit-to-reload latencies of `mkdocs serve` for one copy, in seconds."""

    events: int  # 0: the real site's data
    variant: str  # SITE or LISTINGS_OFF
    first_build_s: float
    page_edit_s: list[float]  # from the edit to the served page showing it
    data_edit_s: list[float]  # empty for listings off (the data are not read)
    page_rebuild_s: list[float] = field(default_factory=list)  # the build that followed the edit
    data_rebuild_s: list[float] = field(default_factory=list)

    @property
    def label(self) -> str:
        scale = "real site" if self.events == 0 else f"{self.events:,} events"
        return f"{scale}, {self.variant}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, text: str | None, timeout: float) -> float:
    """Poll `url` until it answers (and shows `text`, if given); returns the time it took."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        body = _fetch(url)
        if body is not None and (text is None or text in body):
            return time.perf_counter() - started
        time.sleep(0.02)
    raise SystemExit(f"mkdocs serve did not show {text or 'the page'} at {url} within {timeout:.0f} s")


class ServedCopy:
    """`mkdocs serve` running in a copy as `make serve` runs it, on a free local port."""

    def __init__(self, copy: Path, events: int, variant: str, env: dict[str, str], log: Path):
        self.copy, self.log, self.root = copy, log, f"http://127.0.0.1:{_free_port()}/"
        self.result = ServeResult(events, variant, 0.0, [], [])
        env = {**env, "SITE_URL": self.root}
        if variant == SITE:
            env["SITE_LISTINGS_CACHE"] = ".cache/listings"
        port = self.root.rsplit(":", 1)[1].strip("/")
        entry = "import sys; from tools.bench import serve_timing_builds; serve_timing_builds(sys.argv[1:])"
        command = [sys.executable, "-c", entry, "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload",
                   "--watch", "data", "--watch", "hooks"]
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        self.page, self.events_file = copy / "docs" / "privacy.fi.md", copy / "data" / "events.yml"
        self.page_text, self.data_text = self.page.read_text("utf-8"), self.events_file.read_text("utf-8")
        with open(log, "w", encoding="utf-8") as output:
            self.server = subprocess.Popen(command, cwd=copy, env=env, stdout=output, stderr=subprocess.STDOUT,
                                           start_new_session=True)
        self.result.first_build_s = _wait_for(self.root + "privacy/", None, SERVE_TIMEOUT_S)

    def build_times(self) -> list[float]:
        """The duration of every build of the server so far (serve_timing_builds logs them)."""
        return [float(n) for n in re.findall(r"^benchmark: build took ([\d.]+) s$", self.log.read_text("utf-8"), re.M)]

    def _rebuild_time(self, builds_before: int) -> float:
        """The duration of the build that followed an edit, once MkDocs has logged it."""
        started = time.perf_counter()
        while len(times := self.build_times()) <= builds_before:
            if time.perf_counter() - started > SERVE_TIMEOUT_S / 3:
                raise SystemExit(f"mkdocs serve logged no finished build in {self.log}")
            time.sleep(0.02)
        return times[-1]

    def edit_page(self, number: int) -> None:
        marker, builds = f"benchmark-page-edit-{number}", len(self.build_times())
        self.page.write_text(self.page_text + f"\n{marker}\n", "utf-8")
        started = time.perf_counter()
        _wait_for(self.root + "privacy/", marker, SERVE_TIMEOUT_S / 3)
        self.result.page_edit_s.append(time.perf_counter() - started)
        self.result.page_rebuild_s.append(self._rebuild_time(builds))

    def edit_data(self, number: int) -> None:
        """A new Finnish title for the first event (the first `fi:` line of data/events.yml)."""
        title = re.search(r"^ +fi: (.+)$", self.data_text, re.M)
        marker, builds = f"benchmark-data-edit-{number}", len(self.build_times())
        self.events_file.write_text(self.data_text[:title.start(1)] + json.dumps(marker) + self.data_text[title.end(1):],
                                    "utf-8")
        started = time.perf_counter()
        _wait_for(self.root + "events/", marker, SERVE_TIMEOUT_S / 3)
        self.result.data_edit_s.append(time.perf_counter() - started)
        self.result.data_rebuild_s.append(self._rebuild_time(builds))

    def stop(self) -> None:
        try:
            os.killpg(self.server.pid, signal.SIGTERM)
            self.server.wait(timeout=30)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.server.pid, signal.SIGKILL)
            self.server.wait(timeout=30)
        self.page.write_text(self.page_text, "utf-8")
        self.events_file.write_text(self.data_text, "utf-8")


def serve_timing_builds(arguments: list[str]) -> None:
    """Entry point of a served copy: `mkdocs <arguments>`, logging each build's duration.

    MkDocs logs "Documentation built in N seconds" only the first time a given N occurs (its
    DuplicateFilter), so the benchmark times the builds itself.
    """
    from mkdocs.commands import build as build_module

    real_build = build_module.build

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return real_build(*args, **kwargs)
        finally:
            print(f"benchmark: build took {time.perf_counter() - started:.3f} s", file=sys.stderr, flush=True)

    build_module.build = timed  # before mkdocs.commands.serve imports it
    from mkdocs.__main__ import cli

    cli(arguments, prog_name="mkdocs")


def serve_latency(copy: Path, events: int, variant: str, env: dict[str, str], edits: int, log: Path) -> ServeResult:
    """One served copy: `edits` page edits, then (listings on) `edits` data edits."""
    served = ServedCopy(copy, events, variant, env, log)
    try:
        for number in range(1, edits + 1):
            served.edit_page(number)
        for number in range(1, edits + 1 if variant == SITE else 1):
            served.edit_data(number)
    finally:
        served.stop()
    return served.result


def bench_serve(workdir: Path, edits: int) -> list[ServeResult]:
    """Serve latencies of the real site, and of 1,000 events with listings on and off: two
    servers at once, their page edits alternating, so that both meet the same machine."""
    results = []
    for events in SERVE_SCALES:
        variants = [(SITE, build_env())] + ([(LISTINGS_OFF, build_env(SITE_LISTINGS="off"))] if events else [])
        served = []
        try:
            for variant, env in variants:
                copy = copy_site(workdir / f"serve-{events}-{variant}".replace(" ", "-"))
                if events:
                    write_synthetic_data(copy, events)
                env.pop("SOURCE_DATE_EPOCH")  # serve as an editor runs it: the build time is now
                served.append(ServedCopy(copy, events, variant, env, copy.with_suffix(".log")))
            for number in range(1, edits + 1):
                for copy in _rotated(served, number):
                    copy.edit_page(number)
            for number in range(1, edits + 1):
                served[0].edit_data(number)
        finally:
            for copy in served:
                copy.stop()
        for copy in served:
            result = copy.result
            print(f"  serve {result.label:<28} first build {result.first_build_s:5.2f} s, page edit "
                  f"{_median_text(result.page_rebuild_s)} ({_median_text(result.page_edit_s)} to the page), data edit "
                  f"{_median_text(result.data_rebuild_s)} ({_median_text(result.data_edit_s)})", file=sys.stderr, flush=True)
            results.append(result)
    return results


def _median_text(seconds: list[float]) -> str:
    return f"{statistics.median(seconds):.2f} s" if seconds else "–"


# ---------------------------------------------------------------- profile


@dataclass(frozen=True)
class FunctionCost:
    function: str
    where: str  # file:line, shortened
    calls: int
    own_s: float
    cumulative_s: float


@dataclass(frozen=True)
class ProfileResult:
    events: int
    data_calls: dict[str, int]  # DATA_FUNCTIONS -> calls during one whole build run
    hook_functions: list[FunctionCost]  # in hooks/, by cumulative time
    hot_functions: list[FunctionCost]  # anywhere, by own time
    tree_file: str | None  # pyinstrument's call tree


def _short_path(filename: str, hooks_dir: Path) -> str:
    if filename.startswith(str(hooks_dir)):
        return "hooks/" + Path(filename).name
    marker = "site-packages/"
    return filename.split(marker, 1)[1] if marker in filename else filename


def summarize_cprofile(stats: pstats.Stats, hooks_dir: Path, top: int = 15) -> dict:
    """Data-function call counts and the most expensive functions, as plain JSON data."""
    calls = dict.fromkeys(DATA_FUNCTIONS, 0)
    hooks, everything = [], []
    for (filename, line, function), (_, total, own, cumulative, _) in stats.stats.items():
        cost = FunctionCost(function, f"{_short_path(filename, hooks_dir)}:{line}", total, own, cumulative)
        if Path(filename).name == "_data.py" and function in calls:
            calls[function] += total
        if filename.startswith(str(hooks_dir)):
            hooks.append(cost)
        everything.append(cost)
    hooks.sort(key=lambda c: c.cumulative_s, reverse=True)
    everything.sort(key=lambda c: c.own_s, reverse=True)
    return {"data_calls": calls, "hook_functions": [asdict(c) for c in hooks[:top]],
            "hot_functions": [asdict(c) for c in everything[:top]]}


def profile_in_process(profiler: str, config_file: str, site_dir: str, output: str) -> None:
    """Entry point of the profiling subprocess: one build run, as `mkdocs build` runs it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def run_build() -> None:
        config = load_config(config_file=config_file, strict=True, site_dir=site_dir)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()

    if profiler == "cprofile":
        profile = cProfile.Profile()
        profile.runcall(run_build)
        summary = summarize_cprofile(pstats.Stats(profile), Path(config_file).parent / "hooks")
        Path(output).write_text(json.dumps(summary), encoding="utf-8")
    else:
        from pyinstrument import Profiler

        sampler = Profiler(interval=0.002)
        with sampler:
            run_build()
        tree = sampler.output_text(unicode=True, color=False, processor_options=TREE_OPTIONS)
        Path(output).write_text(tree, encoding="utf-8")


def _profiled_build(profiler: str, config: Path, workdir: Path, output: Path) -> None:
    entry = "import sys; from tools.bench import profile_in_process; profile_in_process(*sys.argv[1:])"
    command = [sys.executable, "-c", entry, profiler, str(config), str(workdir / "out" / "profiled"), str(output)]
    subprocess.run(command, cwd=ROOT, env=build_env(), check=True, stdout=subprocess.DEVNULL)


def profile_scale(events: int, workdir: Path, results_dir: Path, with_tree: bool) -> ProfileResult:
    """Profile one build of the site at `events` events (its copy exists from the timed runs)."""
    config = workdir / f"site-{events}" / "mkdocs.yml"
    print(f"  {events:>6} events  profiling (cProfile{' and pyinstrument' if with_tree else ''})",
          file=sys.stderr, flush=True)
    summary_file = workdir / f"cprofile-{events}.json"
    _profiled_build("cprofile", config, workdir, summary_file)
    summary = json.loads(summary_file.read_text(encoding="utf-8"))
    tree_file = None
    if with_tree:
        results_dir.mkdir(parents=True, exist_ok=True)
        tree_path = results_dir / f"profile-{events}-events.txt"
        _profiled_build("pyinstrument", config, workdir, tree_path)
        tree_file = tree_path.name
    return ProfileResult(
        events=events,
        data_calls=summary["data_calls"],
        hook_functions=[FunctionCost(**c) for c in summary["hook_functions"]],
        hot_functions=[FunctionCost(**c) for c in summary["hot_functions"]],
        tree_file=tree_file,
    )


# ---------------------------------------------------------------- targets


@dataclass(frozen=True)
class Segment:
    """Build time added per 1,000 events between two scales."""

    from_events: int
    to_events: int
    site_s_per_1000: float
    hooks_s_per_1000: float


@dataclass(frozen=True)
class Target:
    name: str
    goal: str
    measured: str
    met: bool | None  # None: this run did not measure it


def _site_slope(low: ScaleResult, high: ScaleResult) -> float:
    """Site build seconds added per 1,000 events from `low` to `high`."""
    return (high.median_seconds(SITE) - low.median_seconds(SITE)) / ((high.events - low.events) / 1000)


def growth(results: list[ScaleResult]) -> list[Segment]:
    segments = []
    for low, high in zip(results, results[1:]):
        thousands = (high.events - low.events) / 1000
        segments.append(Segment(
            low.events, high.events,
            _site_slope(low, high),
            (high.hooks_seconds() - low.hooks_seconds()) / thousands,
        ))
    return segments


def hooks_share_target(results: list[ScaleResult], events: int, goal: float) -> Target:
    name = f"the listing hooks' own cost at {events:,} events"
    scale = next((r for r in results if r.events == events), None)
    if scale is None:
        return Target(name, f"≤ {goal:.0%} of the build", "not measured (scale not run)", None)
    share = scale.hooks_share()
    measured = (f"{share:.1%} ({scale.hooks_seconds():.2f} s); in CPU time {scale.hooks_cpu_share():.1%} "
                f"({scale.hooks_cpu_seconds():.2f} s)")
    return Target(name, f"≤ {goal:.0%} of the build", measured, share <= goal)


def versus_bare_target(results: list[ScaleResult]) -> Target:
    smallest = results[0]
    ratio = smallest.versus_bare()
    return Target(f"site / bare Material site at {smallest.events:,} events", f"< {VERSUS_BARE_GOAL:g}×",
                  f"{ratio:.2f}×", ratio < VERSUS_BARE_GOAL)


def linear_target(results: list[ScaleResult]) -> Target:
    """The cost per 1,000 events of the last step against that from the smallest scale up to the
    step's start; a long base keeps the noise of small differences out of the comparison."""
    name = "build time grows linearly with events"
    goal = f"s per 1,000 events of the last step ≤ {LINEAR_TOLERANCE:g}× that below it"
    if len(results) < 3:
        return Target(name, goal, "not measured (needs three scales)", None)
    smallest, middle, largest = results[0], results[-2], results[-1]
    base, last = _site_slope(smallest, middle), _site_slope(middle, largest)
    ratio = last / base if base > 0 else float("inf")
    measured = (f"{base:.3f} s ({smallest.events:,}→{middle.events:,}) vs "
                f"{last:.3f} s ({middle.events:,}→{largest.events:,}): {ratio:.2f}×")
    return Target(name, goal, measured, ratio <= LINEAR_TOLERANCE)


def data_once_target(profiles: list[ProfileResult]) -> Target:
    measured = "; ".join(
        f"{profile.events:,} events: " + ", ".join(f"{name} {count}×" for name, count in profile.data_calls.items())
        for profile in profiles
    )
    met = all(count == 1 for profile in profiles for count in profile.data_calls.values())
    return Target("data read and validated once per build run (both languages)", "each function 1×", measured, met)


def peak_memory_target(results: list[ScaleResult]) -> Target:
    events, goal = PEAK_MIB_GOAL
    name = f"peak memory of the build at {events:,} events"
    scale = next((r for r in results if r.events == events), None)
    if scale is None:
        return Target(name, f"≤ {goal} MiB", "not measured (scale not run)", None)
    peak = scale.peak_mib(SITE)
    return Target(name, f"≤ {goal} MiB", f"{peak:.0f} MiB (listings off {scale.peak_mib(LISTINGS_OFF):.0f} MiB)", peak <= goal)


def page_edit_target(serve: list[ServeResult]) -> Target:
    events, goal = PAGE_EDIT_GOAL
    name = f"`mkdocs serve` after a page edit at {events:,} events, site / listings off"
    by_variant = {r.variant: r for r in serve if r.events == events}
    if SITE not in by_variant or LISTINGS_OFF not in by_variant:
        return Target(name, f"≤ {goal:g}×", "not measured (--no-serve)", None)
    pairs = zip(by_variant[SITE].page_rebuild_s, by_variant[LISTINGS_OFF].page_rebuild_s)
    ratio = statistics.median(site / off for site, off in pairs)
    site, off = (statistics.median(by_variant[v].page_rebuild_s) for v in (SITE, LISTINGS_OFF))
    return Target(name, f"rebuild ≤ {goal:g}×", f"{ratio:.2f}× (medians {site:.2f} s and {off:.2f} s)", ratio <= goal)


def evaluate(results: list[ScaleResult], profiles: list[ProfileResult], serve: list[ServeResult]) -> list[Target]:
    return [
        *(hooks_share_target(results, events, goal) for events, goal in HOOKS_SHARE_GOALS.items()),
        linear_target(results),
        peak_memory_target(results),
        page_edit_target(serve),
        versus_bare_target(results),
        data_once_target(profiles),
    ]


# ---------------------------------------------------------------- report


def _table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def _verdict(met: bool | None) -> str:
    return {True: "met", False: "**missed**", None: "not measured"}[met]


def _cost_rows(costs: list[FunctionCost]) -> list[list[str]]:
    return [[f"`{c.function}`", f"`{c.where}`", f"{c.calls:,}", f"{c.own_s:.3f}", f"{c.cumulative_s:.3f}"] for c in costs]


def profile_section(profile: ProfileResult) -> str:
    cost_headers = ["function", "where", "calls", "own s", "cumulative s"]
    parts = [
        f"## Profile at {profile.events:,} events (one build under cProfile, which inflates small calls)",
        "Calls during the whole build run (both languages): "
        + ", ".join(f"`{name}` {count}×" for name, count in profile.data_calls.items()) + ".",
        "### The hooks' functions by cumulative time", _table(cost_headers, _cost_rows(profile.hook_functions)),
        "### All functions by own time", _table(cost_headers, _cost_rows(profile.hot_functions)),
    ]
    if profile.tree_file:
        parts.append(f"pyinstrument's call tree of one more build at this scale: `bench-results/{profile.tree_file}`.")
    return "\n\n".join(parts)


def serve_section(serve: list[ServeResult]) -> str:
    rows = [[r.label, f"{r.first_build_s:.2f}", _median_text(r.page_rebuild_s), _median_text(r.page_edit_s),
             _median_text(r.data_rebuild_s), _median_text(r.data_edit_s),
             ", ".join(f"{s:.2f}" for s in r.page_rebuild_s + r.data_rebuild_s)] for r in serve]
    return "\n\n".join([
        "## `mkdocs serve`: from an edit to the served page showing it",
        "As `make serve` runs it (live reload, SITE_LISTINGS_CACHE on for the site), build time now; "
        "a page edit appends a line to docs/privacy.fi.md, a data edit changes the first event's Finnish "
        "title. \"Rebuild\" is the duration of the build that followed (MkDocs' build function, timed "
        "in the server process); "
        "\"to the page\" is timed until the served page contains the new text (polled every 20 ms), "
        "so the watcher's own delay is included. Medians.",
        _table(["copy", "first build s", "page edit: rebuild", "to the page", "data edit: rebuild", "to the page",
                "every rebuild s"], rows),
    ])


def markdown_report(meta: dict, results: list[ScaleResult], segments: list[Segment],
                    targets: list[Target], profiles: list[ProfileResult], serve: list[ServeResult]) -> str:
    runs_note = ", ".join(f"{r.events:,}: {len(r.runs[SITE])}" for r in results)
    times = _table(
        ["events", "partners", "site s", "listings off s", "bare Material s", "hooks s", "hooks' share", "site / bare",
         "site CPU s", "off CPU s", "hooks' share of CPU", "peak MiB site", "peak MiB off", "peak MiB bare", "noise"],
        [[f"{r.events:,}", f"{r.partners:,}", f"{r.median_seconds(SITE):.2f}", f"{r.median_seconds(LISTINGS_OFF):.2f}",
          f"{r.median_seconds(BARE):.2f}", f"{r.hooks_seconds():.2f}", f"{r.hooks_share():.1%}", f"{r.versus_bare():.2f}×",
          f"{r.median_cpu(SITE):.2f}", f"{r.median_cpu(LISTINGS_OFF):.2f}", f"{r.hooks_cpu_share():.1%}",
          f"{r.peak_mib(SITE):.0f}", f"{r.peak_mib(LISTINGS_OFF):.0f}", f"{r.peak_mib(BARE):.0f}",
          "–" if r.noise() is None else f"{r.noise():.0%}"] for r in results],
    )
    slopes = _table(
        ["events", "site: s per 1,000 events", "listing hooks: s per 1,000 events"],
        [[f"{s.from_events:,} → {s.to_events:,}", f"{s.site_s_per_1000:.3f}", f"{s.hooks_s_per_1000:.3f}"] for s in segments],
    )
    verdicts = _table(["target", "goal", "measured", ""],
                      [[t.name, t.goal, t.measured, _verdict(t.met)] for t in targets])
    parts = [
        "# Build benchmark",
        f"{meta['mode']} run, {meta['started']}; {meta['machine']}. Strict builds, each in a fresh process, "
        f"variants interleaved run by run; times are medians (runs per variant: {runs_note}), "
        "ratios are medians of per-round ratios, CPU is the build process's user + system time (what the "
        "build itself spends, less sensitive than wall time to other work on a shared machine), "
        "peak memory is the maximum resident set size, "
        "noise is the widest (max − min) / median of a variant's runs (above ~20%, rerun on a quieter machine). "
        "\"hooks\" is site − listings off: the listing hooks and everything their output costs downstream "
        "(such as Material's search index of the listings).",
        "## Build times", times,
        "## Growth", slopes,
        *([serve_section(serve)] if serve else []),
        "## Targets", verdicts,
        *(profile_section(profile) for profile in profiles),
    ]
    return "\n\n".join(parts) + "\n"


def write_results(results_dir: Path, report: str, data: dict) -> None:
    results_dir.mkdir(parents=True, exist_ok=True)
    (results_dir / "bench.md").write_text(report, encoding="utf-8")
    (results_dir / "bench.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- command line


@dataclass(frozen=True)
class Plan:
    scales: tuple[int, ...]
    runs: int  # per variant at every scale but the largest
    big_runs: int  # per variant at the largest scale
    warmup: int  # untimed rounds before the first scale
    with_tree: bool  # also save pyinstrument's call tree
    mode: str

    def runs_at(self, events: int) -> int:
        return self.big_runs if events == max(self.scales) else self.runs


def parse_plan(argv: list[str] | None) -> tuple[Plan, argparse.Namespace]:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 10, 1,000 and 2,000 events, one run each, no warm-up, no call tree")
    parser.add_argument("--scales", default="10,1000,10000", help="event counts, comma-separated (default 10,1000,10000)")
    parser.add_argument("--runs", type=int, default=5, help="runs per variant at each scale but the largest (default 5)")
    parser.add_argument("--big-runs", type=int, default=3, help="runs per variant at the largest scale (default 3)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds before the first scale (default 1)")
    parser.add_argument("--results", type=Path, default=ROOT / "bench-results", help="output folder")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copies and build logs")
    parser.add_argument("--serve-edits", type=int, default=7,
                        help="edits of each kind under mkdocs serve (default 7: a median of 3 moved by 0.1× from run to run)")
    parser.add_argument("--no-serve", action="store_true", help="leave out the mkdocs serve latencies")
    args = parser.parse_args(argv)
    if args.quick:
        return Plan((10, 1000, 2000), 1, 1, 0, False, "quick (--quick)"), args
    scales = tuple(sorted({int(n) for n in args.scales.split(",")}))
    if len(scales) < 2 or min(scales) < 1 or args.runs < 1 or args.big_runs < 1:
        parser.error("need at least two positive scales and at least one run")
    return Plan(scales, args.runs, args.big_runs, args.warmup, True, "full"), args


def machine_description() -> str:
    return f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main(argv: list[str] | None = None) -> int:
    plan, args = parse_plan(argv)
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        bare = Variant(BARE, make_bare_material(workdir / "bare"), build_env())
        results = [
            bench_scale(events, plan.runs_at(events), plan.warmup if i == 0 else 0, workdir, bare)
            for i, events in enumerate(plan.scales)
        ]
        # The smallest scale shows the hooks' fixed costs, the largest their cost per event.
        serve = [] if args.no_serve else bench_serve(workdir, 1 if args.quick else args.serve_edits)
        profiles = [profile_scale(plan.scales[0], workdir, args.results, with_tree=False),
                    profile_scale(plan.scales[-1], workdir, args.results, with_tree=plan.with_tree)]
    finally:
        if args.keep:
            print(f"Kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    segments = growth(results)
    targets = evaluate(results, profiles, serve)
    meta = {"mode": plan.mode, "started": started, "machine": machine_description()}
    report = markdown_report(meta, results, segments, targets, profiles, serve)
    write_results(args.results, report, {
        **meta, "plan": asdict(plan),
        "scales": [{**asdict(r), "median_seconds": {v: r.median_seconds(v) for v in r.runs},
                    "median_cpu_seconds": {v: r.median_cpu(v) for v in r.runs},
                    "hooks_share": r.hooks_share(), "hooks_cpu_share": r.hooks_cpu_share(),
                    "versus_bare": r.versus_bare(), "noise": r.noise()}
                   for r in results],
        "growth": [asdict(s) for s in segments],
        "targets": [asdict(t) for t in targets],
        "profiles": [asdict(profile) for profile in profiles],
        "serve": [asdict(r) for r in serve],
    })
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
