"""The faster listings write what the slower ones wrote.

- property-based (hypothesis): the one-pass VEVENT writer against icalendar's Event.to_ical(),
  the Babel fast path (cached Locale, matched skeletons) against Babel's plain calls, the
  upcoming/past split by UTC keys against the split by aware datetimes, and the JSON-LD
  written in pieces against Jinja's `tojson` of the whole graph, each reference being the
  code these replaced, kept here;
- whole builds: with the serve cache (empty, then full) and without it, byte for byte; and
  the listings of the last commit before the change against today's, for the same data;
- `mkdocs serve` rebuilds: the data are read again only when their contents change, and a
  finished page is checked again only when its text changed.
"""

from __future__ import annotations

import filecmp
import io
import json
import os
import re
import subprocess
import sys
import tarfile
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from icalendar.parser import foldline
from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, get_datetime_format, get_timezone_location
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT, build_site
from tools.bench import build_env, serve_latency, write_synthetic_data
from conftest import copy_site

sys.path.insert(0, str(ROOT / "hooks"))
import _listing  # noqa: E402
from _cache import ListingCache  # noqa: E402
from _calendar import _fold, _text_line, _vevent_text, _years_covered, assemble_calendar, event_calendar, timezones_ical  # noqa: E402
from _data import Event, Moment, local_time_problem, split_events, start_order  # noqa: E402
from _page_writer import fill_slots, ids_in_slots, new_slot  # noqa: E402
from _structured import json_ld_graph, json_ld_graph_chunks  # noqa: E402
from _dates import EventWhen, ZoneTime, event_when  # noqa: E402
from _site import Language  # noqa: E402

# The last commit whose listings were written the old way: its output is the reference. A later,
# deliberate change of the listings' markup needs a reference that has it too: the last
# commit before this code was merged (LISTINGS_REFERENCE_COMMIT overrides this one). Until
# 41cf465, which put "klo" into the Finnish search text of timed events, it was ae9e8f7; the
# listings of the two were equal for the synthetic data but for that (tests passed at d927de7).
# 34688d3 moved the Events page's calendar links after the events; until then it was 41cf465, and
# the two differed only there (the test's message named the Events pages alone). b66cf59 wrote
# the English ranges of days with their months in full; until then it was 34688d3, and the two
# differed only in the English Events page and search index, equal once the months of 34688d3's
# were written in full.
REFERENCE_COMMIT = os.environ.get("LISTINGS_REFERENCE_COMMIT", "b66cf59")
STAMP = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
URL = "https://example.org/x/events/"
ZONES = ("Europe/Helsinki", "Europe/London", "UTC", "America/St_Johns", "Asia/Kolkata", "Australia/Lord_Howe")


# ------------------------------------------------------------ the replaced code, as it was


def reference_vevent(event: Event, locale: str, host: str, page_url: str, stamp: datetime,
                     status_labels: dict | None = None, status_note: str | None = None) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", f"{event.id}.{locale}@{host}")
    vevent.add("dtstamp", stamp.astimezone(timezone.utc))
    label = (status_labels or {}).get(event.status)
    vevent.add("summary", f"{label}: {event.title[locale]}" if label else event.title[locale])
    if event.status in ("cancelled", "postponed"):
        vevent.add("status", {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}[event.status])
    vevent.add("location", event.location[locale])
    description = [status_note] if status_note else []
    if event.description:
        description.append(event.description[locale])
    if description:
        vevent.add("description", "\n\n".join(description))
    vevent.add("url", event.url or f"{page_url}#event-{event.id}")
    if event.start.precision == "day":
        last = (event.end or event.start).day
        vevent.add("dtstart", event.start.day)
        vevent.add("dtend", last + timedelta(days=1))
    else:
        zone = ZoneInfo(event.timezone)
        vevent.add("dtstart", event.start.value.replace(tzinfo=zone))
        if event.end:
            vevent.add("dtend", event.end.value.replace(tzinfo=zone))
    return vevent


def reference_calendar(events, locale: str, name: str, page_url: str, stamp: datetime) -> bytes:
    host = "example.org"
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{host}//Helsinki-London events//{locale.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        if event.start.precision == "month":
            continue
        calendar.add_component(reference_vevent(event, locale, host, page_url, stamp))
    first, last = _years_covered(events)  # clock changes over the events' years, not only to 2037
    calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def months_in_full(text: str, months: tuple[int, ...], babel_locale: str) -> str:
    """Babel's range of days with each abbreviated month name written in full, as UTS #35 and
    ICU widen MMM to the MMMM asked for where the locale has no yMMMMd interval (en_GB). The
    format forms only, as the intervals' patterns have them (MMM): Babel 2.17 keeps a
    stand-alone name resolved through root's alias in root's data, and another locale read
    afterwards got it ("1. 5月 2000" in German after Japanese)."""
    names = Locale.parse(babel_locale).months["format"]
    for month in set(months):
        short, full = names["abbreviated"][month], names["wide"][month]
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, text)
    return text


def reference_when(event: Event, babel_locale: str, reference_zones: tuple[str, ...], label: str = "#") -> EventWhen:
    """The listing's dates and times with Babel's plain calls. Since session 33b: an end at
    midnight ends the day before, an event shorter than a day shows its end past midnight,
    and `label` ("klo #") stands around each clock time, after a date."""
    start, end = event.start, event.end

    def last_day(moment) -> date:
        midnight = moment.precision == "time" and moment.value.hour == moment.value.minute == 0
        return moment.day - timedelta(days=1) if midnight and moment.value > start.value else moment.day

    if start.precision == "month":
        if end and end.value != start.value:
            text = format_interval(start.day, end.day, "yMMMM", locale=babel_locale)
        else:
            text = format_skeleton("yMMMM", start.day, locale=babel_locale)
        return EventWhen(text, (), start.value.strftime("%Y-%m"))
    if end and last_day(end) != start.day:
        text = months_in_full(format_interval(start.day, last_day(end), "yMMMMd", locale=babel_locale, fuzzy=True),
                              (start.day.month, last_day(end).month), babel_locale)
    else:
        text = format_date(start.day, "long", locale=babel_locale)
    if start.precision == "day":
        return EventWhen(text, (), start.day.isoformat())
    zone = event.timezone
    begins = start.value.replace(tzinfo=ZoneInfo(zone))
    shorter_than_a_day = end and start.value < end.value and end.value - start.value < timedelta(days=1)
    ends = end.value.replace(tzinfo=ZoneInfo(zone)) if shorter_than_a_day else None
    times = []
    for z in (zone,) + tuple(z for z in reference_zones if z != zone):
        local_start = begins.astimezone(ZoneInfo(z))
        local_end = ends.astimezone(ZoneInfo(z)) if ends is not None else None
        if local_end is not None and z != zone and local_end.utcoffset() != local_start.utcoffset():
            local_end = None  # the clocks changed there during the event: its start alone
        if local_end is None:
            text_time = format_skeleton("Hm", local_start, locale=babel_locale)
        else:
            text_time = format_interval(local_start.time(), local_end.time(), "Hm", locale=babel_locale)
        end_day = (local_end - timedelta(minutes=1)).date() if local_end is not None else local_start.date()
        if {local_start.date(), end_day} != {begins.date()}:
            text_time = reference_dated_time(local_start, local_end, babel_locale, label)
        else:
            text_time = label.replace("#", text_time)
        times.append(ZoneTime(text_time, get_timezone_location(z, locale=babel_locale, return_city=True)))
    return EventWhen(text, tuple(times), begins.isoformat(timespec="minutes"))


def reference_dated_time(start: datetime, end: datetime | None, babel_locale: str, label: str = "#") -> str:
    """A clock time on another day than the event's own, with its date, as Babel's
    format_datetime joins a date and a time (the locale's medium date-time pattern), and a
    range over two days as the locale's interval fallback joins its two ends."""
    joined = get_datetime_format("medium", locale=babel_locale).replace("'", "")

    def dated(day: datetime, clock: str) -> str:
        return joined.replace("{0}", label.replace("#", clock)).replace("{1}", format_skeleton("MMMd", day, locale=babel_locale))

    if end is None:
        return dated(start, format_skeleton("Hm", start, locale=babel_locale))
    if (end - timedelta(minutes=1)).date() == start.date():
        return dated(start, format_interval(start.time(), end.time(), "Hm", locale=babel_locale))
    fallback = Locale.parse(babel_locale).interval_formats[None]
    if fallback == "{0}–{1}":  # ends of several words: a spaced dash (Kotus)
        fallback = "{0} – {1}"
    return fallback.replace("{0}", dated(start, format_skeleton("Hm", start, locale=babel_locale))).replace(
        "{1}", dated(end, format_skeleton("Hm", end, locale=babel_locale)))


def reference_split_events(events, now: datetime, default_zone: str) -> tuple[list[Event], list[Event]]:
    upcoming = sorted((e for e in events if e.ends_at(default_zone) > now), key=lambda e: (e.start_at(default_zone), e.id))
    past = sorted((e for e in events if e.ends_at(default_zone) <= now), key=lambda e: (e.start_at(default_zone), e.id),
                  reverse=True)
    return upcoming, past


# ------------------------------------------------------------ generated events

# Text that needs iCalendar escaping and folding: commas, semicolons, backslashes, line
# breaks (also the literal \N that icalendar turns into one), long and non-ASCII text.
PIECES = st.sampled_from(list("aä ,;:\\\n\r\"'<>&Nx€ø🎉") + ["\\N", "日本", "Helsinki–London "])
TEXT = st.lists(PIECES | st.text(max_size=8), min_size=1, max_size=40).map("".join).filter(str.strip)
# The site keeps a written \N as it is, where icalendar makes it a line break (_calendar.escape_text).
TEXT_ICALENDAR_KEEPS = TEXT.filter(lambda text: "\\N" not in text)
DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
CLOCK = st.times().map(lambda t: t.replace(second=0, microsecond=0))


STATUS_LABELS = {"cancelled": "Peruttu", "postponed": "Lykätty", "rescheduled": "Uusi ajankohta"}


@st.composite
def events(draw, zone=None, text=TEXT, statuses=("scheduled",)):
    precision = draw(st.sampled_from(["day", "time", "month"]))
    first = draw(DAYS)
    if precision == "month":
        start = Moment("month", datetime.combine(first.replace(day=1), time()))
        end_day = draw(st.none() | st.integers(0, 14).map(lambda months: date(
            first.year + (first.month - 1 + months) // 12, (first.month - 1 + months) % 12 + 1, 1)))
        end = Moment("month", datetime.combine(end_day, time())) if end_day else None
    elif precision == "day":
        start = Moment("day", datetime.combine(first, time()))
        length = draw(st.none() | st.integers(0, 40))
        end = Moment("day", datetime.combine(first + timedelta(days=length), time())) if length is not None else None
    else:
        begins = datetime.combine(first, draw(CLOCK))
        start = Moment("time", begins)
        later = draw(st.none() | st.integers(0, 3 * 24 * 60))
        end = Moment("time", begins + timedelta(minutes=later)) if later is not None else None
    localized = st.fixed_dictionaries({"fi": text, "en": text})
    return Event(
        id=draw(st.from_regex(r"[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)),
        title=draw(localized),
        start=start,
        end=end,
        timezone=zone or draw(st.sampled_from(ZONES)),
        location=draw(localized),
        url=draw(st.none() | st.just("https://example.org/a,b;c?d=e&f=" + "g" * 80)),
        description=draw(st.none() | localized),
        line=1,
        status=draw(st.sampled_from(statuses)),
    )


# ------------------------------------------------------------ equivalence


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event=events(text=TEXT_ICALENDAR_KEEPS, statuses=("scheduled", "cancelled", "postponed", "rescheduled")),
       locale=st.sampled_from(["fi", "en"]), note=st.none() | TEXT_ICALENDAR_KEEPS)
def test_one_pass_vevent_is_icalendars(event, locale, note):
    if event.start.precision == "month":
        return
    note = note if event.status != "scheduled" else None
    before, after, tzid = _vevent_text(event, locale, "example.org", URL, STATUS_LABELS.get(event.status), note)
    stamp_line = assemble_calendar(["", ""], STAMP).decode("utf-8")
    expected = reference_vevent(event, locale, "example.org", URL, STAMP, STATUS_LABELS, note).to_ical().decode("utf-8")
    assert before + stamp_line + after == expected
    assert tzid == (None if event.start.precision == "day" or event.timezone == "UTC" else event.timezone)


def _rfc5545_unescaped(value: str) -> str:
    """A TEXT value read back as RFC 5545 (3.3.11) says (icalendar's reader reads "\\\\," wrongly)."""
    return re.sub(r"\\([\\;,nN])", lambda match: "\n" if match[1] in "nN" else match[1], value)


@given(text=TEXT)
def test_calendar_text_reads_back_as_written(text):
    """A written "\\N" stays as it is: icalendar's escape_char made "C:\\Now" a line break
    and "ow" (hunt 24b)."""
    line = "".join(part.removeprefix(" ") for part in _text_line("SUMMARY", text).removesuffix("\r\n").split("\r\n"))
    assert _rfc5545_unescaped(line.removeprefix("SUMMARY:")) == text.replace("\r\n", "\n")


def test_a_written_backslash_n_is_kept_in_the_calendar():
    assert _text_line("SUMMARY", "AI workshop C:\\Now") == "SUMMARY:AI workshop C:\\\\Now\r\n"


@settings(max_examples=500, deadline=None)
@given(line=st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\n"), max_size=400)
       | st.lists(PIECES, max_size=120).map("".join).map(lambda text: text.replace("\n", "")))
def test_folding_is_icalendars(line):
    assert _fold(line) == foldline(line)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), zone=st.sampled_from(ZONES), locale=st.sampled_from(["fi", "en"]))
def test_whole_calendar_is_icalendars(data, zone, locale):
    """One zone per calendar: with two or more, icalendar's VTIMEZONE order was that of a set."""
    listed = data.draw(st.lists(events(zone=zone, text=TEXT_ICALENDAR_KEEPS), max_size=6))
    ours = event_calendar(listed, locale, "Site, \"name\"; 2019", URL, STAMP)
    assert ours == reference_calendar(listed, locale, "Site, \"name\"; 2019", URL, STAMP)
    parsed = icalendar.Calendar.from_ical(ours)  # and it parses back
    assert len(parsed.walk("VEVENT")) == sum(1 for e in listed if e.start.precision != "month")


def test_time_zones_are_in_name_order():
    listed = [
        Event(f"e{n}", {"fi": "T"}, Moment("time", datetime(2019, 4, 25, 9, 30)), None, zone, {"fi": "L"}, None, None, 1)
        for n, zone in enumerate(["Europe/London", "Asia/Kolkata", "Europe/Helsinki", "Europe/London"])
    ]
    ours = icalendar.Calendar.from_ical(event_calendar(listed, "fi", "Site", URL, STAMP))
    assert [str(tz["tzid"]) for tz in ours.walk("VTIMEZONE")] == ["Asia/Kolkata", "Europe/Helsinki", "Europe/London"]


def test_time_zone_span_is_passed_to_icalendar():
    """The span of clock changes (first_date, last_date) reaches icalendar as given."""
    later = timezones_ical({"Europe/Helsinki"}, date(2040, 1, 1), date(2046, 1, 1))
    assert later == icalendar.Timezone.from_tzid("Europe/Helsinki", first_date=date(2040, 1, 1),
                                                 last_date=date(2046, 1, 1)).to_ical().decode("utf-8")
    assert "from 2040-01-01 to 2046-01-01" in later


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event=events(), babel_locale=st.sampled_from(["fi", "en_GB", "en_US", "de", "ja", "ar"]),
       reference_zones=st.sampled_from([("Europe/Helsinki", "Europe/London"), (), ("Asia/Kolkata",)]),
       label=st.sampled_from(["#", "klo #"]))
def test_babel_fast_path_is_babels(event, babel_locale, reference_zones, label):
    assert (event_when(event, babel_locale, reference_zones, label)
            == reference_when(event, babel_locale, reference_zones, label))


def _valid_local_times(event: Event) -> bool:
    """As the data layer admits them: no clock time skipped or repeated by a clock change."""
    return event.start.precision != "time" or all(
        local_time_problem(moment.value, event.timezone) is None for moment in (event.start, event.end) if moment)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(listed=st.lists(st.one_of(events(), events(zone="Europe/London")).filter(_valid_local_times), max_size=25,
                       unique_by=lambda e: e.id),
       now=st.datetimes(min_value=datetime(1989, 1, 1), max_value=datetime(2062, 1, 1), timezones=st.just(timezone.utc)),
       home=st.sampled_from(ZONES))
def test_split_by_utc_keys_is_the_split_by_aware_datetimes(listed, now, home):
    # the order of events.json (hooks/_opendata.py) too
    assert sorted(listed, key=lambda e: start_order(e, home)) == sorted(listed, key=lambda e: (e.start_at(home), e.id))
    assert split_events(listed, now, home) == reference_split_events(listed, now, home)
    for event in listed:  # at each end, and just before it
        end = event.ends_at(home)
        for moment in (end, end - timedelta(microseconds=1)):
            assert split_events(listed, moment, home) == reference_split_events(listed, moment, home)


def _tojson():
    from jinja2 import Environment
    from jinja2.nodes import EvalContext
    env = Environment(autoescape=True)
    return lambda value: env.filters["tojson"](EvalContext(env), value)


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | TEXT,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3), max_leaves=8)
JSON_LD_ITEMS = st.none() | st.dictionaries(st.sampled_from(["@context", "@type", "@id", "name", "url", "<b>", "a&b"]) | TEXT,
                                            JSON_VALUES, max_size=6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(JSON_LD_ITEMS, max_size=12), batch=st.integers(1, 5))
def test_json_ld_in_pieces_is_tojson_of_the_whole_graph(items, batch):
    serialise = _tojson()
    pieces = json_ld_graph_chunks(iter(items), serialise, batch_size=batch)  # small batches: every boundary
    graph = json_ld_graph(items)
    assert (None if pieces is None else "".join(pieces)) == (None if graph is None else serialise(graph))


@given(text=TEXT, parts=st.lists(st.lists(TEXT, max_size=3), max_size=4))
def test_slots_filled_in_pieces_are_the_parts_put_in_place(text, parts):
    slots = [new_slot() for _ in parts]
    framed = text + "".join(slot + text for slot in slots)
    expected = framed
    for slot, part in zip(slots, parts):
        expected = expected.replace(slot, "".join(part))
    assert "".join(fill_slots(framed, dict(zip(slots, parts)))) == expected


def test_a_missing_slot_is_an_error_not_a_page_without_its_listing():
    with pytest.raises(ValueError, match="not in the text"):
        list(fill_slots("<main></main>", {new_slot(): ["<ul></ul>"]}))


def test_a_failed_build_leaves_no_slot_behind_for_the_next():
    """`mkdocs serve` builds again in the same process: a page that failed before its
    listing was written must not leave its slot's ids to the next build's id check."""
    import events
    slot = new_slot(ids=["event-x"])
    events._pending["docs/events.en.md"] = (None, slot, None)
    assert ids_in_slots(slot) == ["event-x"]
    events.on_build_error(RuntimeError("a page failed"))
    assert ids_in_slots(slot) == [] and not events._pending


def test_templates_compiled_once_per_source_text():
    from jinja2 import DictLoader, Environment
    sources = {"t.html": "{{ x }}!"}
    compiled = _listing.CompiledTemplates()
    first, second = (Environment(loader=DictLoader(sources), bytecode_cache=compiled) for _ in range(2))
    assert first.get_template("t.html").render(x=1) == "1!"
    code = next(iter(compiled._code.values()))[1]
    assert second.get_template("t.html").render(x=2) == "2!"  # another language's environment
    assert next(iter(compiled._code.values()))[1] is code  # the same compiled code
    sources["t.html"] = "{{ x }}?"  # an editor changes the template under mkdocs serve
    third = Environment(loader=DictLoader(sources), bytecode_cache=compiled)
    assert third.get_template("t.html").render(x=3) == "3?"


# ------------------------------------------------------------ serve rebuilds


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(listed=st.lists(events(), max_size=12, unique_by=lambda e: e.id),
       moments=st.lists(st.datetimes(min_value=datetime(1989, 1, 1), max_value=datetime(2062, 1, 1),
                                     timezones=st.just(timezone.utc)), min_size=1, max_size=8))
def test_split_kept_between_builds_is_split_events(listed, moments):
    """A build time that moves on (as under serve), forwards and back, gives split_events' split."""
    events_tuple = tuple(listed)
    ends = [e.ends_at("Europe/Helsinki") for e in listed]  # at an end, and just before it
    for now in moments + ends + [end - timedelta(microseconds=1) for end in ends] + moments[::-1]:
        assert _listing.upcoming_and_past(events_tuple, now, "Europe/Helsinki") == split_events(events_tuple, now, "Europe/Helsinki")


EVENTS_SETTINGS = {"home_timezone": "Europe/Helsinki", "reference_timezones": ["Europe/Helsinki", "Europe/London"],
                   "calendar_file": "events.ics"}


def counted_data_reads(copy: Path, monkeypatch) -> tuple[list, type]:
    """The calls of load_site_data, counted, and a configuration class of the copy (a new
    object each time, as `mkdocs serve` loads it again for each rebuild), with an empty cache."""
    calls = []
    real = _listing.load_site_data
    monkeypatch.setattr(_listing, "load_site_data", lambda *args: calls.append(args) or real(*args))
    monkeypatch.setattr(_listing, "_cache", {"key": None, "data": None, "logos": []})
    monkeypatch.setattr(_listing, "site_languages", lambda config: [Language("fi", "Suomi", "/", True),
                                                                    Language("en", "English", "/en/", False)])

    class Config:
        config_file_path = str(copy / "mkdocs.yml")
        docs_dir = str(copy / "docs")
        extra = {"events": EVENTS_SETTINGS}
    return calls, Config


def test_data_read_again_only_when_their_contents_change(tmp_path, monkeypatch):
    copy = copy_site(tmp_path / "site")
    calls, Config = counted_data_reads(copy, monkeypatch)
    # `mkdocs serve` loads the configuration again for each rebuild: a new object each time.
    first = _listing.site_data(Config())
    events_file = copy / "data" / "events.yml"
    os.utime(events_file, ns=(1, 1))  # touched, as an editor's save without a change
    assert _listing.site_data(Config()) is first and len(calls) == 1
    events_file.write_text(events_file.read_text("utf-8").replace("Lontoo", "Lontoo ", 1), "utf-8")
    assert _listing.site_data(Config()) is not first and len(calls) == 2


def test_bad_data_are_read_once_per_run(tmp_path, monkeypatch):
    """Hunt 34f: told with the pages' problems, invalid data were read and checked five times a build."""
    from _data import DataError
    copy = copy_site(tmp_path / "site")
    events_file = copy / "data" / "events.yml"
    events_file.write_text(events_file.read_text("utf-8").replace("timezone: Europe/London", "timezone: Mars/Base", 1),
                           "utf-8")
    calls, Config = counted_data_reads(copy, monkeypatch)
    config = Config()
    assert _listing.data_problems(config) and _listing.data_problems(config)
    with pytest.raises(DataError):
        _listing.site_data(config)
    assert len(calls) == 1


def test_cache_keeps_the_newest_entries_of_each_kind(tmp_path):
    cache = ListingCache(tmp_path)
    for number in range(7):
        cache.put("events-fi", f"key{number}", {"number": number})
        os.utime(tmp_path / f"events-fi-key{number}.json", ns=(number * 10**9, number * 10**9))
    cache.put("calendar-fi", "other", ["x"])
    assert sorted(p.name for p in tmp_path.glob("events-fi-*.json")) == [f"events-fi-key{n}.json" for n in (3, 4, 5, 6)]
    assert (tmp_path / "calendar-fi-other.json").exists()
    assert ListingCache(tmp_path).get("events-fi", "key4") == {"number": 4}  # read from disk
    assert ListingCache(tmp_path).get("events-fi", "key0") is None
    assert ListingCache(None).get("events-fi", "key6") is None  # off: nothing, even from memory


# ------------------------------------------------------------ whole builds


def _trees_equal(left: Path, right: Path) -> list[str]:
    """Relative paths that differ between two output folders (missing on either side included)."""
    differences = []

    def walk(comparison: filecmp.dircmp, prefix: str) -> None:
        differences.extend(prefix + name for name in comparison.left_only + comparison.right_only + comparison.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right, comparison.common_files, shallow=False)
        differences.extend(prefix + name for name in mismatch + errors)
        for name, sub in comparison.subdirs.items():
            walk(sub, prefix + name + "/")

    walk(filecmp.dircmp(left, right), "")
    return differences


@pytest.fixture(scope="module")
def synthetic_copy(tmp_path_factory) -> Path:
    copy = copy_site(tmp_path_factory.mktemp("speed") / "site")
    write_synthetic_data(copy, 300)
    return copy


def _build(copy: Path, out: Path, **env: str) -> Path:
    result = build_site(out, "http://127.0.0.1/x/", env, config=copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-3000:]
    # The Events pages are written by hooks/events.py, and MkDocs' note that it skipped them is dropped.
    assert "Page skipped" not in result.stderr
    return out


# Runs a build with hooks/_page_writer.write_page wrapped to record the length of every piece.
_PIECES_DRIVER = """
import json, sys
sys.path.insert(0, sys.argv[1])
import _page_writer
real, sizes = _page_writer.write_page, {}
def recording(path, pieces, src_uri):
    seen = sizes.setdefault(src_uri, [])
    def measured():
        for piece in pieces:
            seen.append(len(piece))
            yield piece
    real(path, measured(), src_uri)
_page_writer.write_page = recording
from mkdocs.__main__ import cli
cli(["build", "--strict", "-q", "-d", sys.argv[2]], standalone_mode=False)
print(json.dumps(sizes))
"""


def test_events_page_is_written_in_pieces_that_do_not_grow_with_the_events(tmp_path):
    """The memory target: no string the size of the listing. At 3,000 events each Events page
    is about 3.8 million characters; no piece written may be more than a small batch."""
    copy = copy_site(tmp_path / "site")
    write_synthetic_data(copy, 3000)
    result = subprocess.run([sys.executable, "-c", _PIECES_DRIVER, str(copy / "hooks"), str(tmp_path / "out")],
                            cwd=copy, env=build_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    sizes = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(sizes) == {"events.fi.md", "events.en.md"}
    for page, pieces in sizes.items():
        written = (tmp_path / "out" / ("en/" if page == "events.en.md" else "") / "events" / "index.html").read_text("utf-8")
        assert sum(pieces) == len(written) > 3_000_000
        assert len(pieces) > 3000, page  # at least one piece per event
        assert max(pieces) < 150_000, page  # the page's frame, a batch of JSON-LD: not the listing


def test_serve_cache_changes_nothing(synthetic_copy, tmp_path):
    cache = tmp_path / "cache"
    plain = _build(synthetic_copy, tmp_path / "plain")
    filled = _build(synthetic_copy, tmp_path / "filled", SITE_LISTINGS_CACHE=str(cache))
    entries = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert {name.rsplit("-", 1)[0] for name in entries} == {
        "events-fi", "events-en", "calendar-fi", "calendar-en", "partners-fi", "partners-en", "opendata",
        "partners-search-fi", "partners-search-en"}
    from_cache = _build(synthetic_copy, tmp_path / "from-cache", SITE_LISTINGS_CACHE=str(cache))
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == entries  # read, not written again
    assert _trees_equal(plain, filled) == []
    assert _trees_equal(plain, from_cache) == []
    # Another build date (an event moves from upcoming to past; DTSTAMP changes) and a damaged entry.
    next(iter(cache.iterdir())).write_text("{not json", "utf-8")
    later = {"SOURCE_DATE_EPOCH": str(1795608000 + 400 * 86400)}
    assert _trees_equal(_build(synthetic_copy, tmp_path / "later", **later),
                        _build(synthetic_copy, tmp_path / "later-cached", SITE_LISTINGS_CACHE=str(cache), **later)) == []


def test_serve_rebuilds_after_page_and_data_edits(tmp_path):
    """`mkdocs serve` with the cache, as `make serve` runs it: the first build, a page edit
    (the listings come from the cache) and a data edit (they are made again) all show."""
    copy = copy_site(tmp_path / "site")
    env = build_env()
    env.pop("SOURCE_DATE_EPOCH")
    log = tmp_path / "serve.log"
    result = serve_latency(copy, 0, "site", env, 1, log)
    assert len(result.page_edit_s) == 1 and len(result.data_edit_s) == 1
    assert "ERROR" not in log.read_text("utf-8"), log.read_text("utf-8")[-3000:]
    assert {p.name.split("-")[0] for p in (copy / ".cache" / "listings").iterdir()} == {"events", "calendar", "partners", "opendata"}


def test_serve_cache_follows_a_changed_logo(tmp_path):
    """A logo's size comes from its image under docs/, not from the data files: a cached
    Partners listing must not keep the old width and height."""
    copy = copy_site(tmp_path / "site")
    (copy / "docs" / "images" / "partners").mkdir(parents=True, exist_ok=True)
    logo = copy / "docs" / "images" / "partners" / "test.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"/>', "utf-8")
    with open(copy / "data" / "partners.yml", "a", encoding="utf-8") as data:
        data.write("\n  - id: logo-test\n    name: {fi: Logo, en: Logo}\n    city: other\n"
                   "    url: https://example.org/\n    logo: images/partners/test.svg\n"
                   "    logo_alt: {fi: Kumppanin logo, en: Partner logo}\n    sources: [kuntalehti-2019-02]\n")
    cache = {"SITE_LISTINGS_CACHE": str(tmp_path / "cache")}
    assert 'width="120"' in (_build(copy, tmp_path / "first", **cache) / "partners" / "index.html").read_text("utf-8")
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"/>', "utf-8")
    assert _trees_equal(_build(copy, tmp_path / "plain"), _build(copy, tmp_path / "cached", **cache)) == []
    assert 'width="300"' in (tmp_path / "cached" / "partners" / "index.html").read_text("utf-8")


# Two builds in one process, as `mkdocs serve` rebuilds, with the logo drawn larger between them.
_TWO_BUILDS_DRIVER = """
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
logo, out = Path(sys.argv[1]), Path(sys.argv[2])
for width in (120, 300):
    logo.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="40"/>', "utf-8")
    build(load_config("mkdocs.yml", site_dir=str(out)))
    print(f'width="{width}"' in (out / "partners" / "index.html").read_text("utf-8"))
"""


def test_serve_reads_a_changed_logo_again(tmp_path):
    """Hunt 27b: under `make serve` the data of the last build were kept while the data files
    were unchanged, so a replaced logo kept its old size (and one the build refuses passed)."""
    copy = copy_site(tmp_path / "site")
    (copy / "docs" / "images" / "partners").mkdir(parents=True, exist_ok=True)
    logo = copy / "docs" / "images" / "partners" / "test.svg"
    with open(copy / "data" / "partners.yml", "a", encoding="utf-8") as data:
        data.write("\n  - id: logo-test\n    name: {fi: Logo, en: Logo}\n    city: other\n"
                   "    url: https://example.org/\n    logo: images/partners/test.svg\n"
                   "    logo_alt: {fi: Kumppanin logo, en: Partner logo}\n    sources: [kuntalehti-2019-02]\n")
    env = {**build_env(), "SITE_LISTINGS_CACHE": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-c", _TWO_BUILDS_DRIVER, str(logo), str(tmp_path / "out")],
                            cwd=copy, env=env, capture_output=True, text=True, timeout=300)
    assert result.stdout.split() == ["True", "True"], result.stderr[-3000:]


# `mkdocs serve` as it runs: on_startup("serve") for the first configuration only, then a build,
# an edit of another page, and a build with a configuration loaded again. Prints each build's
# error and how many finished pages were read for the checks of their tree.
_SERVE_REBUILD_DRIVER = """
import json, logging, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
sys.path.insert(0, "hooks")
import _tree
real, calls = _tree.tree_problems, []
_tree.tree_problems = lambda *args: calls.append(1) or real(*args)
page, out, command = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
report, errors = [], []
handler = logging.Handler(logging.ERROR)
handler.emit = lambda record: errors.append(record.getMessage())
logging.getLogger("mkdocs").addHandler(handler)
for edit in ("", "Muokattu."):
    page.write_text(page.read_text("utf-8") + edit, "utf-8")
    config = load_config("mkdocs.yml", site_dir=out)
    if not edit:
        config.plugins.on_startup(command=command, dirty=False)
    calls.clear(), errors.clear()
    try:
        build(config, serve_url="http://127.0.0.1:8000/" if command == "serve" else None)
    except Exception:
        pass
    report.append({"error": "\\n".join(errors), "pages_read": len(calls)})
print(json.dumps(report))
"""


def _serve_rebuilds(copy: Path, out: Path, command: str) -> list[dict]:
    result = subprocess.run([sys.executable, "-c", _SERVE_REBUILD_DRIVER, str(copy / "docs" / "cities.fi.md"), str(out),
                             command], cwd=copy, env=build_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_serve_reads_only_the_changed_pages_again_and_still_reports_the_others(tmp_path):
    """A page edit under `mkdocs serve` reads again, for the checks of the finished page's
    tree, only the pages whose text changed; a problem on another page is still reported in
    every rebuild, word for word as by a build that reads every page."""
    copy = copy_site(tmp_path / "site")
    privacy = copy / "docs" / "privacy.en.md"
    privacy.write_text(privacy.read_text("utf-8") + "\n[https://hel.fi/palaute](https://example.org/)\n", "utf-8")
    served = _serve_rebuilds(copy, tmp_path / "served", "serve")
    built = _serve_rebuilds(copy, tmp_path / "built", "build")
    pages = built[0]["pages_read"]
    assert pages >= 18 and built[1]["pages_read"] == pages  # each build reads every page
    assert served[0]["pages_read"] == pages
    assert served[1]["pages_read"] == 1, served  # the edited page
    for report in (*served, *built):
        assert "docs/privacy.en.md" in report["error"] and "https://hel.fi/palaute" in report["error"], report
    assert served[1]["error"] == built[1]["error"]


def _listing_parts(site: Path) -> dict[str, bytes]:
    """What the listings write: the events' and partners' part of each page, the calendars,
    and the events' search entries."""
    parts = {}
    for page in sorted(site.rglob("index.html")):
        html = page.read_text("utf-8")
        for name in ("site-events", "site-partners"):
            found = re.search(rf'<div class="{name}">.*?\n</div>', html, re.S)
            if found:
                parts[f"{page.relative_to(site)}#{name}"] = found.group(0).encode("utf-8")
    for path in sorted(site.rglob("*.ics")):
        parts[str(path.relative_to(site))] = path.read_bytes()
    for path in sorted(site.rglob("search_index.json")):
        entries = [doc for doc in json.loads(path.read_text("utf-8"))["docs"] if "#event-" in doc["location"]]
        parts[str(path.relative_to(site))] = json.dumps(entries, ensure_ascii=False).encode("utf-8")
    return parts


def test_listings_as_the_reference_commit_wrote_them(synthetic_copy, tmp_path):
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", REFERENCE_COMMIT, "mkdocs.yml", "docs", "overrides", "hooks", "data"],
                             capture_output=True)
    if archive.returncode != 0:
        pytest.fail(f"git cannot read commit {REFERENCE_COMMIT} (a shallow clone?): fetch the history with `git fetch --unshallow`")
    reference = tmp_path / "reference"
    reference.mkdir()
    tarfile.open(fileobj=io.BytesIO(archive.stdout)).extractall(reference)
    for name in ("events.yml", "partners.yml"):
        (reference / "data" / name).write_bytes((synthetic_copy / "data" / name).read_bytes())
    # The interface texts are wording, not the listings' code: today's, so that a corrected
    # heading is not a difference.
    for strings in sorted((ROOT / "overrides" / "partials" / "languages").glob("*.html")):
        (reference / strings.relative_to(ROOT)).write_bytes(strings.read_bytes())
    before = _listing_parts(_build(reference, tmp_path / "before"))
    after = _listing_parts(_build(synthetic_copy, tmp_path / "after"))
    assert sorted(before) == sorted(after) and len(before) >= 6
    # The old writer put the VTIMEZONEs in the order of a set; compare them as a set.
    for name in before:
        if name.endswith(".ics"):
            before[name], after[name] = (_sorted_timezones(before[name]), _sorted_timezones(after[name]))
    differing = [name for name in before if before[name] != after[name]]
    assert differing == [], (f"the listings differ from those of {REFERENCE_COMMIT}: {differing}; if that commit "
                             "predates a deliberate change of their markup, set LISTINGS_REFERENCE_COMMIT")


def _sorted_timezones(calendar: bytes) -> bytes:
    blocks = re.findall(rb"BEGIN:VTIMEZONE\r\n.*?END:VTIMEZONE\r\n", calendar, re.S)
    rest = re.sub(rb"BEGIN:VTIMEZONE\r\n.*?END:VTIMEZONE\r\n", b"", calendar, flags=re.S)
    return rest + b"".join(sorted(blocks))


# ------------------------------------------------------------ search indexes from memory

import search as search_hook  # noqa: E402
from material.plugins.search.plugin import SearchIndex  # noqa: E402

_SEARCH_LANGUAGES = [Language("fi", "Suomi", "/", True), Language("en", "English", "/en/", False)]
_TEXTS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


class _SearchPluginStandIn:
    """What hooks/search.py reads of Material's search plugin: its SearchIndex."""

    def __init__(self, index: SearchIndex):
        self.search_index = index


@settings(max_examples=150, deadline=None)
@given(entries=st.lists(st.fixed_dictionaries(
    {"location": st.tuples(st.sampled_from(["", "en/", "events/", "en/events/"]), _TEXTS).map("".join),
     "title": _TEXTS, "text": _TEXTS},
    optional={"tags": st.lists(_TEXTS, max_size=2),
              "boost": st.one_of(st.integers(), st.floats(allow_nan=False), _TEXTS)}), max_size=8),
    separator=_TEXTS)
def test_split_from_memory_is_the_split_of_materials_file(entries, separator):
    index = SearchIndex(lang=["fi", "en"], separator=separator, pipeline=["stemmer"], fields={"title": {"boost": 1e3}})
    index.entries = entries
    materials_file = json.loads(index.generate_search_index(None))  # what the plugin wrote, and the hook read back
    expected = search_hook.split_index(materials_file, _SEARCH_LANGUAGES)
    ours = search_hook.split_index({"config": search_hook.index_config(_SearchPluginStandIn(index)), "docs": entries},
                                   _SEARCH_LANGUAGES)
    for lang in _SEARCH_LANGUAGES:
        assert (json.dumps(ours[lang.locale], ensure_ascii=False, separators=(",", ":"), default=str)
                == json.dumps(expected[lang.locale], ensure_ascii=False, separators=(",", ":")))
