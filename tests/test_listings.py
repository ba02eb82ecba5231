"""Events and partners: dates in both languages, feeds, structured data, escaping, the pages."""

from __future__ import annotations

import json
import re
import shutil
import sys
import textwrap
import unicodedata
from datetime import date, datetime, timezone

import icalendar
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import LANGUAGE_PREFIX, ROOT, build_site, copy_site

sys.path.insert(0, str(ROOT / "hooks"))
from _calendar import event_calendar  # noqa: E402
from _data import DataError, load_site_data, parse_events, split_events  # noqa: E402
from _dates import _widened_months, event_when  # noqa: E402
from _structured import event_json_ld  # noqa: E402

LOCALES = ("fi", "en")
BABEL = {"fi": "fi", "en": "en_GB"}
ZONES = ("Europe/Helsinki", "Europe/London")


def one_event(fields: str):
    text = "events:\n  - id: e\n    title: {fi: T, en: T}\n    location: {fi: L, en: L}\n" + textwrap.indent(textwrap.dedent(fields), "    ")
    events, problems = parse_events(text, "data/events.yml", LOCALES)
    assert problems == []
    return events[0]


# ------------------------------------------------------------ golden strings


@pytest.mark.parametrize("fields,fi,en", [
    ("start: 2019-02-13\n", ("13. helmikuuta 2019", ()), ("13 February 2019", ())),
    ("start: 2019-04\n", ("huhtikuu 2019", ()), ("April 2019", ())),
    ("start: 2019-02-13\nend: 2019-02-15\n", ("13.–15. helmikuuta 2019", ()), ("13–15 February 2019", ())),
    ("start: 2019-04\nend: 2019-05\n", ("huhti–toukokuu 2019", ()), ("April\u2009–\u2009May 2019", ())),
    ("start: 2019-02-13T18:00\ntimezone: Europe/London\n",
     ("13. helmikuuta 2019", (("18.00", "Lontoo"), ("20.00", "Helsinki"))),
     ("13 February 2019", (("18:00", "London"), ("20:00", "Helsinki")))),
    ("start: 2019-04-25T09:30\nend: 2019-04-25T16:00\ntimezone: Europe/Helsinki\n",
     ("25. huhtikuuta 2019", (("9.30–16.00", "Helsinki"), ("7.30–14.00", "Lontoo"))),
     ("25 April 2019", (("09:30–16:00", "Helsinki"), ("07:30–14:00", "London")))),
])
def test_dates_and_times_in_each_language(fields, fi, en):
    event = one_event(fields)
    for locale, (text, times) in (("fi", fi), ("en", en)):
        when = event_when(event, BABEL[locale], ZONES)
        assert when.date == text
        assert tuple((t.time, t.city) for t in when.times) == times


@pytest.mark.parametrize("fields,fi,en", [
    # Editor session 34b: en_GB has no yMMMMd range, and Babel used yMMMd's patterns as they
    # are: "27–28 Mar 2027" under a single day's "27 March 2027".
    ("start: 2027-03-27\nend: 2027-03-28\n", "27.–28. maaliskuuta 2027", "27–28 March 2027"),
    ("start: 2027-03-27\nend: 2027-04-02\n", "27. maaliskuuta – 2. huhtikuuta 2027", "27 March – 2 April 2027"),
    ("start: 2027-12-30\nend: 2028-01-02\n", "30. joulukuuta 2027 – 2. tammikuuta 2028",
     "30 December 2027 – 2 January 2028"),
    ("start: 2027-09-01T10:00\nend: 2027-09-03T16:00\ntimezone: Europe/London\n", "1.–3. syyskuuta 2027",
     "1–3 September 2027"),
])
def test_a_range_of_days_writes_its_months_as_a_single_day_does(fields, fi, en):
    event = one_event(fields)
    assert event_when(event, BABEL["fi"], ZONES).date == fi.replace(" – ", "\u2009–\u2009")
    assert event_when(event, BABEL["en"], ZONES).date == en.replace(" – ", "\u2009–\u2009")


@pytest.mark.parametrize("pattern,widened", [
    ("d MMM y", "d MMMM y"),
    ("d LLL y", "d LLLL y"),
    ("d MMMM y", "d MMMM y"),  # already as wide
    ("d.M.y", "d.M.y"),  # a month as a number stays a number
    ("d MMMMM y", "d MMMMM y"),  # a narrow month is not the abbreviation asked to widen
    ("d MMM 'MMM' y", "d MMMM 'MMM' y"),  # quoted text is text
])
def test_only_an_abbreviated_month_word_is_widened(pattern, widened):
    assert _widened_months(pattern, "yMMMMd", "yMMMd") == widened


@pytest.mark.parametrize("fields,locale,times", [
    # Half past midnight in Helsinki is still the evening before in London (hunt 12: London's
    # 22:30 was shown under Helsinki's date).
    ("start: 2026-12-11T00:30\ntimezone: Europe/Helsinki\n", "en",
     (("00:30", "Helsinki"), ("10 Dec, 22:30", "London"))),
    ("start: 2026-12-11T00:30\ntimezone: Europe/Helsinki\n", "fi", (("0.30", "Helsinki"), ("10.12. 22.30", "Lontoo"))),
    # An evening in London that runs past midnight in Helsinki.
    ("start: 2026-12-10T20:00\nend: 2026-12-10T23:00\ntimezone: Europe/London\n", "en",
     (("20:00–23:00", "London"), ("10 Dec, 22:00\u2009–\u200911 Dec, 01:00", "Helsinki"))),
    # On the same other day, the date once before the range.
    ("start: 2026-12-10T23:00\nend: 2026-12-10T23:45\ntimezone: Europe/London\n", "en",
     (("23:00–23:45", "London"), ("11 Dec, 01:00–01:45", "Helsinki"))),
])
def test_a_time_on_another_day_in_another_city_says_its_date(fields, locale, times):
    when = event_when(one_event(fields), BABEL[locale], ZONES)
    assert tuple((t.time, t.city) for t in when.times) == times


@pytest.mark.parametrize("fields,locale,date_text,times", [
    # Session 33b: "klo 11.6. 1.30" put the clock's word before the date, and an event past
    # midnight showed no end anywhere.
    ("start: 2027-06-10T23:30\nend: 2027-06-11T00:30\ntimezone: Europe/London\n", "fi", "10.–11. kesäkuuta 2027",
     (("10.6. klo 23.30 – 11.6. klo 0.30", "Lontoo"), ("11.6. klo 1.30–2.30", "Helsinki"))),
    ("start: 2027-06-10T23:30\nend: 2027-06-11T00:30\ntimezone: Europe/London\n", "en", "10–11 June 2027",
     (("10 Jun, 23:30\u2009–\u200911 Jun, 00:30", "London"), ("11 Jun, 01:30–02:30", "Helsinki"))),
    # Until midnight, which the data write as 00:00 of the next day: one day, not two.
    ("start: 2027-06-12T18:00\nend: 2027-06-13T00:00\ntimezone: Europe/Helsinki\n", "fi", "12. kesäkuuta 2027",
     (("klo 18.00–0.00", "Helsinki"), ("klo 16.00–22.00", "Lontoo"))),
    ("start: 2026-12-11T00:30\ntimezone: Europe/Helsinki\n", "fi", "11. joulukuuta 2026",
     (("klo 0.30", "Helsinki"), ("10.12. klo 22.30", "Lontoo"))),
    # Hunt 33c: a start and end at the same midnight read "11.–10. kesäkuuta".
    ("start: 2027-06-11T00:00\nend: 2027-06-11T00:00\ntimezone: Europe/Helsinki\n", "fi", "11. kesäkuuta 2027",
     (("klo 0.00", "Helsinki"), ("10.6. klo 22.00", "Lontoo"))),
    # A day or longer: its start.
    ("start: 2027-06-10T10:00\nend: 2027-06-12T16:00\ntimezone: Europe/Helsinki\n", "fi", "10.–12. kesäkuuta 2027",
     (("klo 10.00", "Helsinki"), ("klo 8.00", "Lontoo"))),
])
def test_the_clock_word_follows_a_date_and_an_end_past_midnight_is_shown(fields, locale, date_text, times):
    when = event_when(one_event(fields), BABEL[locale], ZONES, {"fi": "klo #", "en": "#"}[locale])
    assert when.date == date_text
    assert tuple((t.time, t.city) for t in when.times) == times


def test_a_clock_change_in_another_city_during_the_event_shows_its_start_only():
    """Helsinki and London turned their clocks back while this event ran: its end read as
    before its start there, "03:45–03:30" (hunt 13)."""
    event = one_event("start: 2027-10-31T00:45\nend: 2027-10-31T01:30\ntimezone: UTC\n")
    times = [(t.time, t.city) for t in event_when(event, BABEL["en"], ZONES).times]
    assert times == [("00:45–01:30", "UTC"), ("03:45", "Helsinki"), ("01:45", "London")]


def test_time_across_the_daylight_saving_change():
    # London moved to BST on 31 March 2019, Helsinki to EEST the same hour: still 2 h apart,
    # but the UTC offset in the data changes from +00:00 to +01:00.
    before = event_when(one_event("start: 2019-03-30T12:00\ntimezone: Europe/London\n"), "en_GB", ZONES)
    after = event_when(one_event("start: 2019-03-31T12:00\ntimezone: Europe/London\n"), "en_GB", ZONES)
    assert before.iso == "2019-03-30T12:00+00:00" and after.iso == "2019-03-31T12:00+01:00"
    assert [t.time for t in before.times] == ["12:00", "14:00"]
    assert [t.time for t in after.times] == ["12:00", "14:00"]
    # Late October 2019: London back on GMT on the 27th, so an event in Helsinki at 09:00
    # is 07:00 in London on both sides of the change.
    helsinki = event_when(one_event("start: 2019-10-28T09:00\ntimezone: Europe/Helsinki\n"), "fi", ZONES)
    assert helsinki.iso == "2019-10-28T09:00+02:00" and [t.time for t in helsinki.times] == ["9.00", "7.00"]


# ------------------------------------------------------------ calendar feeds

STAMP = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)
FEED_EVENTS = """\
events:
  - id: all-day
    title: {fi: Koko päivä, en: All day}
    start: 2019-02-13
    end: 2019-02-14
    location: {fi: Lontoo, en: London}
  - id: timed
    title: {fi: Ajastettu, en: Timed}
    start: 2019-04-25T09:30
    end: 2019-04-25T16:00
    timezone: Europe/Helsinki
    location: {fi: Helsinki, en: Helsinki}
    url: https://www.hel.fi/
  - id: month-only
    title: {fi: Kuukausi, en: Month}
    start: 2019-04
    location: {fi: Helsinki, en: Helsinki}
"""


@pytest.mark.parametrize("locale", LOCALES)
def test_calendar_parses_back_event_by_event(locale):
    events, problems = parse_events(FEED_EVENTS, "data/events.yml", LOCALES)
    assert problems == []
    raw = event_calendar(events, locale, "Site", "https://example.org/x/en/events/", STAMP)
    calendar = icalendar.Calendar.from_ical(raw)
    vevents = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert set(vevents) == {f"all-day.{locale}@example.org", f"timed.{locale}@example.org"}  # month left out
    day = vevents[f"all-day.{locale}@example.org"]
    assert day.decoded("dtstart") == date(2019, 2, 13)
    assert day.decoded("dtend") == date(2019, 2, 15)  # exclusive end
    assert str(day["summary"]) == {"fi": "Koko päivä", "en": "All day"}[locale]
    timed = vevents[f"timed.{locale}@example.org"]
    assert timed["dtstart"].params["TZID"] == "Europe/Helsinki"
    assert timed.decoded("dtstart").astimezone(timezone.utc) == datetime(2019, 4, 25, 6, 30, tzinfo=timezone.utc)
    assert timed.decoded("dtstamp") == STAMP
    assert str(timed["url"]) == "https://www.hel.fi/"
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Helsinki"]


# ------------------------------------------------------------ JSON-LD


def test_json_ld_event_has_iso_dates_with_offset():
    events, _ = parse_events(FEED_EVENTS, "data/events.yml", LOCALES)
    by_id = {e.id: e for e in events}
    data = event_json_ld(by_id["timed"], "fi", "https://example.org/events/")
    assert data["@type"] == "Event" and data["name"] == "Ajastettu"
    assert data["startDate"] == "2019-04-25T09:30+03:00" and data["endDate"] == "2019-04-25T16:00+03:00"
    assert event_json_ld(by_id["month-only"], "fi", "https://example.org/events/") is None


# ------------------------------------------------------------ the built pages


def _soup(site, page):
    return BeautifulSoup(site.html(page), "html.parser")


@pytest.mark.parametrize("lang", LOCALES)
def test_events_page_lists_every_event_with_its_anchor(listings_site, lang):
    doc = _soup(listings_site, LANGUAGE_PREFIX[lang] + "events/")
    ids = [li["id"] for li in doc.select("li.site-event")]
    assert ids == ["event-data-ai-ethics-helsinki-2019", "event-mayors-meet-london-2019", "event-declaration-signed-2019"]
    text = doc.get_text(" ")
    assert {"fi": "13. helmikuuta 2019", "en": "13 February 2019"}[lang] in text
    assert {"fi": "huhtikuu 2019", "en": "April 2019"}[lang] in text
    generated = doc.select_one(".site-events__generated time")
    assert generated["datetime"].startswith("2026-11-25T12:00")


@pytest.mark.parametrize("lang", LOCALES)
def test_events_page_json_ld_parses(listings_site, lang):
    doc = _soup(listings_site, LANGUAGE_PREFIX[lang] + "events/")
    (script,) = doc.select('script[type="application/ld+json"]')
    document = json.loads(script.string)
    assert document["@context"] == "https://schema.org"
    data = document["@graph"]
    assert [d["@id"].rsplit("#", 1)[1] for d in data] == ["event-mayors-meet-london-2019"]
    assert data[0]["@type"] == "Event" and data[0]["startDate"] == "2019-02-13" and data[0]["inLanguage"] == lang


@pytest.mark.parametrize("lang", LOCALES)
def test_calendar_feed_is_linked_and_valid(listings_site, lang):
    doc = _soup(listings_site, LANGUAGE_PREFIX[lang] + "events/")
    link = doc.select_one('a[type="text/calendar"]')["href"]
    feed = (listings_site.dir / LANGUAGE_PREFIX[lang] / "events/" / link).resolve()
    calendar = icalendar.Calendar.from_ical(feed.read_bytes())
    uids = sorted(str(e["uid"]) for e in calendar.walk("VEVENT"))
    assert uids == [f"mayors-meet-london-2019.{lang}@127.0.0.1"]


@pytest.mark.parametrize("lang", LOCALES)
def test_partners_grouped_by_role_with_external_links(listings_site, lang):
    doc = _soup(listings_site, LANGUAGE_PREFIX[lang] + "partners/")
    headings = [h.get_text(strip=True) for h in doc.select(".site-partners h2")]
    assert headings == {"fi": ["Julistuksen osapuolet", "Muut organisaatiot, jotka eivät olleet julistuksen osapuolia"],
                        "en": ["Parties to the declaration", "Related organisations, not parties to the declaration"]}[lang]
    helsinki = doc.select_one("#partner-city-of-helsinki")
    link = helsinki.select_one('a[rel="external"]')
    assert link["href"] == "https://www.hel.fi/"
    assert {"fi": "ulkoinen linkki", "en": "external link"}[lang] in link.get_text()
    (script,) = doc.select('script[type="application/ld+json"]')
    organizations = json.loads(script.string)["@graph"]
    assert {o["@type"] for o in organizations} == {"Organization"}
    assert {o["url"] for o in organizations} == {"https://www.hel.fi/", "https://www.london.gov.uk/", "https://www.nyc.gov/"}
    hidden = link.select_one(".site-visually-hidden")
    assert hidden is not None, "the 'external link' words must be for screen readers only"


# ------------------------------------------------------------ builds with other data


HOSTILE = "</script><img src=x onerror=alert(1)>"


def test_a_description_of_several_paragraphs_keeps_them(tmp_path):
    """A blank line in a description (YAML's | block) starts a new paragraph on the Events
    page, the home page and the Partners page, as it does in the calendar (hunt 15b: one
    paragraph, run together)."""
    root = copy_site(tmp_path)
    data = root / "data/events.yml"
    long_line = "      en: The then mayors of Helsinki and London, Jan Vapaavuori and Sadiq Khan,"
    text = data.read_text()
    start = text.index(long_line)
    text = text[:start] + "      en: |\n        The mayors met.\n\n        They spoke <of> climate.\n" + text[text.index("\n", start) + 1:]
    data.write_text(text)
    result = build_site(root / "site", "http://127.0.0.1/x/", config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    card = BeautifulSoup((root / "site/en/events/index.html").read_text(), "html.parser").select_one(
        "#event-mayors-meet-london-2019")
    assert [p.get_text(strip=True) for p in card.find_all("p")] == ["The mayors met.", "They spoke <of> climate."]


def test_hostile_text_is_escaped_everywhere(tmp_path):
    root = copy_site(tmp_path)
    events = (root / "data/events.yml").read_text()
    events = events.replace("fi: Digijulistus allekirjoitettiin viimeistään helmikuussa 2019", f"fi: '{HOSTILE}'")
    events = events.replace("en: The then mayors of Helsinki and London met in London", f"en: '{HOSTILE}'")
    hostile_url = 'https://example.org/?q="><script>alert(1)</script>'
    events = events.replace("    start: 2019-02-13\n", f"    start: 2019-02-13\n    url: '{hostile_url}'\n", 1)
    (root / "data/events.yml").write_text(events)
    result = build_site(root / "site", "http://127.0.0.1/x/", config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    for page in ("events/index.html", "en/events/index.html"):
        html = (root / "site" / page).read_text()
        assert "<img src=x" not in html
        doc = BeautifulSoup(html, "html.parser")
        assert HOSTILE in doc.get_text()  # shown as text
        assert "<script>alert(1)" not in html
        assert doc.select_one('#event-mayors-meet-london-2019 a[rel="external"]')["href"] == hostile_url
        for script in doc.select('script[type="application/ld+json"]'):
            json.loads(script.string)  # still valid JSON, not broken out of
    feed = icalendar.Calendar.from_ical((root / "site/en/events.ics").read_bytes())
    assert HOSTILE in [str(e["summary"]) for e in feed.walk("VEVENT")]


def test_upcoming_events_come_first_at_an_earlier_build_time(tmp_path):
    root = copy_site(tmp_path)
    # 1 March 2019: the April event is upcoming, the February ones are past.
    result = build_site(root / "site", "http://127.0.0.1/x/", {"SOURCE_DATE_EPOCH": "1551441600"}, root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    doc = BeautifulSoup((root / "site/events/index.html").read_text(), "html.parser")
    sections = doc.select(".site-events h2, .site-events li.site-event")
    order = [el.get("id") for el in sections]
    # The calendar after the events, which a reader comes for (content review 34c).
    assert order == ["upcoming-events", "event-data-ai-ethics-helsinki-2019",
                     "past-events", "event-mayors-meet-london-2019", "event-declaration-signed-2019", "calendar"]


def test_bad_data_stops_the_build_with_one_line_per_problem(tmp_path):
    root = copy_site(tmp_path)
    events = (root / "data/events.yml").read_text()
    events = events.replace("timezone: Europe/London", "timezone: Europe/Londres")
    events = events.replace("start: 2019-04\n", "start: 2019-04-31\n")
    (root / "data/events.yml").write_text(events)
    result = build_site(root / "site", "http://127.0.0.1/x/", config=root / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    lines = [line.strip() for line in output.splitlines() if line.strip().startswith("data/events.yml:")]
    assert len(lines) == 2, output
    assert re.match(r"data/events\.yml:\d+: events\[id=mayors-meet-london-2019\]\.timezone: 'Europe/Londres' is not a known time zone", lines[1] if "Londres" in lines[1] else lines[0])
    assert any("events[id=data-ai-ethics-helsinki-2019].start: '2019-04-31' is not a real date" in l for l in lines)


STATUS_EVENTS = """
  - id: cancelled-2027
    title: {fi: Työpaja datasta, en: A workshop on data}
    start: 2027-05-12
    location: {fi: Helsinki, en: Helsinki}
    status: cancelled
    sources: [kuntalehti-2019-02]

  - id: postponed-2019
    title: {fi: Seminaari tekoälystä, en: A seminar on AI}
    start: 2019-03-20
    location: {fi: Helsinki, en: Helsinki}
    status: postponed
    sources: [kuntalehti-2019-02]

  - id: rescheduled-2027
    title: {fi: Tapaaminen Lontoossa, en: A meeting in London}
    start: 2027-06-01T10:00
    previous_start: 2027-05-20T10:00
    timezone: Europe/London
    location: {fi: Lontoo, en: London}
    description: {fi: Tapaamisen ohjelma julkaistaan myöhemmin., en: The programme will be published later.}
    status: rescheduled
    sources: [kuntalehti-2019-02]
"""
STATUS_WORDS = {
    "fi": {"cancelled-2027": ("Peruttu: Työpaja datasta", "Tapahtuma peruttiin."),
           "postponed-2019": ("Lykätty: Seminaari tekoälystä", "Tapahtumaa lykättiin tästä ajankohdasta. Uutta ajankohtaa ei ole ilmoitettu."),
           "rescheduled-2027": ("Uusi ajankohta: Tapaaminen Lontoossa",
                                "Tapahtuma siirrettiin. Aiemmin ilmoitettu ajankohta oli 20. toukokuuta 2027, klo 10.00 (Lontoo).")},
    "en": {"cancelled-2027": ("Cancelled: A workshop on data", "The event was cancelled."),
           "postponed-2019": ("Postponed: A seminar on AI", "The event was postponed from this date. No new date has been announced."),
           "rescheduled-2027": ("New date: A meeting in London", "The event was moved. It had been announced for 20 May 2027, 10:00 (London).")},
}


def test_a_cancelled_postponed_or_moved_event_says_so_everywhere(tmp_path):
    """An event's status (data/events.yml `status:`) reaches every place the event is read: the
    card's heading and a note under its date, the search results, the schema.org eventStatus
    (with previousStartDate), the calendar's STATUS and title, and the open data. A postponed
    event stays upcoming, after those with a date, and the home page features neither it nor
    a cancelled one."""
    root = copy_site(tmp_path)
    (root / "data/events.yml").write_text((root / "data/events.yml").read_text() + STATUS_EVENTS)
    result = build_site(root / "site", "http://127.0.0.1/x/", config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    for lang in LOCALES:
        prefix = LANGUAGE_PREFIX[lang]
        doc = BeautifulSoup((site / prefix / "events/index.html").read_text(), "html.parser")
        order = [el.get("id") for el in doc.select(".site-events h2, .site-events li.site-event")]
        assert order[:5] == ["upcoming-events", "event-cancelled-2027", "event-rescheduled-2027", "event-postponed-2019",
                             "past-events"]  # built on 25 November 2026
        for event_id, (title, note) in STATUS_WORDS[lang].items():
            card = doc.select_one(f"#event-{event_id}")
            assert card.h3.get_text() == title
            assert card.select_one(".site-event__status").get_text() == title.split(": ")[0] + ":"
            assert note in [span.get_text(strip=True) for span in card.select(".site-event__note")]
            assert f"site-event--{event_id.split('-')[0]}" in card["class"]
        assert doc.select_one("#event-mayors-meet-london-2019 .site-event__status") is None
        graph = {item["@id"].rsplit("#event-", 1)[1]: item
                 for item in json.loads(doc.select_one('script[type="application/ld+json"]').string)["@graph"]}
        assert {key: item["eventStatus"].rsplit("/", 1)[1] for key, item in graph.items()} == {
            "cancelled-2027": "EventCancelled", "postponed-2019": "EventPostponed", "rescheduled-2027": "EventRescheduled",
            "mayors-meet-london-2019": "EventScheduled"}
        assert graph["rescheduled-2027"]["previousStartDate"] == "2027-05-20T10:00+01:00"
        assert graph["rescheduled-2027"]["startDate"] == "2027-06-01T10:00+01:00"
        assert "previousStartDate" not in graph["cancelled-2027"]

        calendar = icalendar.Calendar.from_ical((site / prefix / "events.ics").read_bytes())
        vevents = {str(e["uid"]).split(".")[0]: e for e in calendar.walk("VEVENT")}
        assert {key: str(e.get("status")) for key, e in vevents.items()} == {
            "cancelled-2027": "CANCELLED", "postponed-2019": "TENTATIVE", "rescheduled-2027": "None",
            "mayors-meet-london-2019": "None"}
        for event_id, (title, note) in STATUS_WORDS[lang].items():
            assert str(vevents[event_id]["summary"]) == title
            assert str(vevents[event_id]["description"]).split("\n\n")[0] == note  # what the card says under its date
        assert str(vevents["rescheduled-2027"]["description"]).split("\n\n")[1] == {
            "fi": "Tapaamisen ohjelma julkaistaan myöhemmin.", "en": "The programme will be published later."}[lang]
        assert "description" not in vevents["mayors-meet-london-2019"] or not str(
            vevents["mayors-meet-london-2019"]["description"]).startswith(("Tapahtuma", "The event"))

        index = json.loads((site / prefix / "search/search_index.json").read_text())
        titles = {doc["location"].rsplit("#event-", 1)[1]: doc["title"] for doc in index["docs"] if "#event-" in doc["location"]}
        for event_id, (title, _) in STATUS_WORDS[lang].items():
            assert titles[event_id] == title

        home = BeautifulSoup((site / prefix / "index.html").read_text(), "html.parser").select_one("[data-site-event]")
        assert home["data-site-event"] == "rescheduled-2027"
        assert home.h3.get_text() == STATUS_WORDS[lang]["rescheduled-2027"][0]

    published = {e["id"]: e for e in json.loads((site / "events.json").read_text())["events"]}
    assert {key: (e["status"], e["previous_start"]) for key, e in published.items() if key in STATUS_WORDS["en"]} == {
        "cancelled-2027": ("cancelled", None), "postponed-2019": ("postponed", None),
        "rescheduled-2027": ("rescheduled", "2027-05-20T10:00:00+01:00")}
    assert published["mayors-meet-london-2019"]["status"] == "scheduled"


@pytest.mark.parametrize("fields,expected", [
    ("start: 2027-05-12\nstatus: Peruttu\n",
     "7: events[id=e].status: expected one of scheduled, cancelled, postponed, rescheduled, got 'Peruttu' "
     "(for peruttu, write cancelled)"),
    ("start: 2027-05-12\nstatus: Cancelled\n", "(write it in lowercase: cancelled)"),
    ("start: 2027-05-12\nstatus: rescheduled\n", "7: events[id=e].previous_start: a rescheduled event needs previous_start"),
    ("start: 2027-05-12\nprevious_start: 2027-05-01\n", "7: events[id=e].previous_start: a previous start needs status: rescheduled"),
    ("start: 2027-05-12\nstatus: cancelled\nprevious_start: 2027-05-01\n",
     "8: events[id=e].previous_start: only a rescheduled event has a previous start, and this one is cancelled"),
    ("start: 2027-05-12\nstatus: rescheduled\nprevious_start: 2027-05-12\n",
     "8: events[id=e].previous_start: the previous start is the same as start (2027-05-12)"),
    ("start: 2027-05-12\nstatus: rescheduled\nprevious_start: 2027-05-01T10:00\n",
     "8: events[id=e].timezone: a start or end with a time needs a timezone"),
    ("start: 2027-05-12\nstatus: rescheduled\nprevious_start: 2027-03-28T03:30\ntimezone: Europe/Helsinki\n",
     "8: events[id=e].previous_start: 2027-03-28T03:30 does not exist in Europe/Helsinki"),
])
def test_a_status_that_does_not_fit_is_told_on_its_line(fields, expected):
    text = ("events:\n  - id: e\n    title: {fi: T, en: T}\n    location: {fi: L, en: L}\n    sources: [s]\n"
            + textwrap.indent(fields, "    "))
    events, problems = parse_events(text, "data/events.yml", LOCALES)
    assert events == []
    assert any(expected in str(problem) for problem in problems), [str(p) for p in problems]


@pytest.mark.parametrize("title", ["'[Peruttu] Työpaja'", "'PERUTTU: Työpaja'", "Seminaari (siirretty)",
                                   "'New date: a meeting'", "Älykaupunkiseminaari (PERUTTU)", "Seminaari – peruttu",
                                   "'LYKÄTTY: seminaari'",
                                   # Hunt 33e: a soft hyphen, a zero-width space, Cyrillic letters.
                                   "\"Seminaari (PERU\\u00adTTU)\"", "\"Seminar (CAN\\u200bCELLED)\"",
                                   "'\u0420\u0415RUTTU: seminaari'", "Seminar – called off"])
def test_a_title_that_starts_with_a_status_is_refused(title):
    """Session 33b wrote "[Peruttu]" into titles; hunt 33c made a scheduled event read as cancelled."""
    text = ("events:\n  - id: e\n    title:\n      fi: " + title + "\n      en: T\n    location: {fi: L, en: L}\n"
            "    start: 2027-05-12\n    sources: [s]\n")
    events, problems = parse_events(text, "data/events.yml", LOCALES)
    assert events == [] and [(p.line, p.field) for p in problems] == [(4, "events[id=e].title.fi")]
    assert problems[0].message.startswith("the title says '")


@pytest.mark.parametrize("title", ["Peruttujen lentojen korvaukset", "New data strategy", "Uusi ajankohtainen katsaus",
                                   "Miksi tapahtumia perutaan", "Cancelled flights open data hackathon",
                                   "Siirretty data", "Python __init__ -työpaja"])
def test_a_title_that_only_begins_like_a_status_is_fine(title):
    text = ("events:\n  - id: e\n    title:\n      fi: " + title + "\n      en: T\n    location: {fi: L, en: L}\n"
            "    start: 2027-05-12\n    sources: [s]\n")
    assert parse_events(text, "data/events.yml", LOCALES)[1] == []


@pytest.mark.parametrize("text", ["'**Korjaus 28.11.2026:** Päivä oli väärin.'", "'Lue [lisää](https://www.hel.fi/).'",
                                  # Hunt 33e: more of Markdown's forms.
                                  "'*Korjaus 28.11.2026:* Päivä oli väärin.'", "'Lue [lisää](https://www.hel.fi/ \"Hel\").'",
                                  "'Lue [lisää][1].'", "'Lue <https://www.hel.fi/>.'"])
def test_markdown_in_a_data_text_is_refused(text):
    """Session 33d: a description's "**Korjaus …:**" and [link](…) reached readers as written."""
    data = ("events:\n  - id: e\n    title: {fi: T, en: T}\n    location: {fi: L, en: L}\n    start: 2027-05-12\n"
            "    description:\n      fi: " + text + "\n      en: D\n    sources: [s]\n")
    events, problems = parse_events(data, "data/events.yml", LOCALES)
    assert [(p.line, p.field) for p in problems] == [(7, "events[id=e].description.fi")]
    assert problems[0].message.startswith("the site shows this text as written, without Markdown: '")


def test_a_postponed_event_is_upcoming_after_those_with_a_date():
    events, problems = parse_events(FEED_EVENTS + "    status: postponed\n", "data/events.yml", LOCALES)  # month-only, 2019
    assert problems == []
    upcoming, past = split_events(events, datetime(2019, 4, 20, tzinfo=timezone.utc), "Europe/Helsinki")
    assert [e.id for e in upcoming] == ["timed", "month-only"]
    assert [e.id for e in past] == ["all-day"]
    upcoming, past = split_events(events, datetime(2030, 1, 1, tzinfo=timezone.utc), "Europe/Helsinki")
    assert [e.id for e in upcoming] == ["month-only"]


def test_unknown_marker_stops_the_build(tmp_path):
    root = copy_site(tmp_path)
    page = root / "docs/partners.en.md"
    page.write_text(page.read_text().replace("<!-- data:partners -->", "<!-- data:partner -->"))
    result = build_site(root / "site", "http://127.0.0.1/x/", config=root / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert re.search(r"docs/partners\.en\.md:\d+: unknown marker <!-- data:partner -->", output)


# ------------------------------------------------------------ property-based

VALID_TEXT = (ROOT / "data/events.yml").read_text()
PROBLEM_LINE = re.compile(r"^data/events\.yml:\d+: \S.*: .+$")
SCALARS = st.one_of(
    st.sampled_from(["no", "yes", "10:30", "2019-02-30", "2019-13", "[]", "{}", "~", "''", "javascript:alert(1)",
                     "Europe/Helsingfors", "http://x.org", "2019-04-25T25:00", "- a", ": x", "'", "{fi: a}", "|"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
    st.integers(), st.booleans(),
)


# What a hostile or careless editor can put into a data file beyond wrong values: YAML
# anchors and aliases (an alias bomb, an alias as a mapping key), deep nesting, control
# and invisible characters as YAML escapes, a lone surrogate escape, very long text.
HOSTILE_LINES = st.one_of(
    st.sampled_from([
        "    url: &a https://example.org/", "    colour: *a", "    ? *a\n    : x", "    title: &t {fi: a, en: *t}",
        '    title: {fi: "\\0\\e\\a\\N", en: x}', '    location: {fi: "\\u200b", en: "\\ufeff\\u2060"}',
        '    id: "\\ud800"', '    description: {fi: "\\x85\\x9b", en: "a\\tb"}', '    "col\\eour": x',
        "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]",
    ]),
    st.builds(lambda n, closed, key: f"    {key}: " + "[" * n + "]" * (n if closed else 0),
              st.sampled_from([9, 3000, 100_000]), st.booleans(), st.sampled_from(["title", "x"])),
    st.builds(lambda n: f"    title: {{fi: {'x' * n}, en: x}}", st.sampled_from([201, 10_000])),
    st.builds(lambda c: f'    location: {{fi: "a{c}b", en: x}}', st.characters(max_codepoint=0x9F).map(lambda c: f"\\x{ord(c):02x}")),
)
# How the file's bytes are written: UTF-8 (also with a BOM), UTF-16 with its BOM, Latin-1,
# UTF-8 with one stray byte that is not UTF-8, or UTF-8 padded past the 1 MB limit.
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "stray-byte", "padded"])


@st.composite
def mutated_events(draw, hostile: bool = False):
    lines = VALID_TEXT.splitlines()
    actions = ["replace-value", "delete", "duplicate", "indent", "insert"] + (["hostile"] * 3 if hostile else [])
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(actions))
        line = lines[index]
        if action == "replace-value" and ":" in line:
            key = line.split(":", 1)[0]
            lines[index] = f"{key}: {draw(SCALARS)}"
        elif action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "indent":
            lines[index] = "  " + line
        elif action == "hostile":
            lines.insert(index, draw(HOSTILE_LINES))
        else:
            lines.insert(index, f"    {draw(st.sampled_from(['colour', 'end', 'url', 'id']))}: {draw(SCALARS)}")
        if not lines:
            break
    return "\n".join(lines) + "\n"


@st.composite
def hostile_event_files(draw) -> tuple[bytes, str | None]:
    """A file's bytes, and the start of the problem line it must give, where that is known."""
    text = draw(mutated_events(hostile=True))
    encoding = draw(ENCODINGS)
    if encoding == "stray-byte":
        data = text.encode("utf-8")
        at = draw(st.integers(0, len(data)))
        line = data.count(b"\n", 0, at) + 1
        stray = draw(st.sampled_from([b"\xff", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80"]))
        return data[:at] + stray + data[at:], f"data/events.yml:{line}: (file): "
    if encoding == "padded":
        return text.encode("utf-8") + b"#" * 1_000_000 + b"\n", "data/events.yml:1: (file): the file is larger"
    return text.encode(encoding, errors="replace"), None


def _unprintable(text: str) -> bool:
    """Control characters, halves of surrogate pairs, or line and paragraph separators."""
    return any(unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") for c in text)


def assert_fails_only_with_clear_messages(tmp_path_factory, data: bytes, expected: str | None = None) -> None:
    """Either the data load, clean, with their events rendering, or every problem is one line with file and line."""
    root = tmp_path_factory.mktemp("site")
    (root / "data").mkdir()
    (root / "data/events.yml").write_bytes(data)
    shutil.copy(ROOT / "data/partners.yml", root / "data/partners.yml")
    try:
        data = load_site_data(root / "data", ROOT / "docs", LOCALES, root)
    except DataError as error:
        lines = str(error).splitlines()
        for line in lines:
            assert PROBLEM_LINE.match(line), line
            assert not _unprintable(line), line
        assert expected is None or any(line.startswith(expected) for line in lines), (expected, lines)
        return
    assert expected is None, f"expected a problem {expected!r}"
    for event in data.events:  # what validates is clean text, and renders
        texts = [event.title, event.location, event.description or {}]
        for text in (value for localized in texts for value in localized.values()):
            assert not _unprintable(text.replace("\n", " ")), repr(text)
            assert any(not c.isspace() and unicodedata.category(c) != "Cf" for c in text), repr(text)
            assert len(text) <= 5000, len(text)
        for locale in LOCALES:
            event_when(event, BABEL[locale], ZONES)
            event_json_ld(event, locale, "https://example.org/events/")
    event_calendar(data.events, "fi", "Site", "https://example.org/events/", STAMP)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_events())
def test_random_mutations_fail_only_with_clear_messages(tmp_path_factory, text):
    assert_fails_only_with_clear_messages(tmp_path_factory, text.encode("utf-8"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_event_files())
def test_hostile_yaml_fails_only_with_clear_messages(tmp_path_factory, file):
    # Zero tracebacks, no hang, no blown memory: aliases, nesting, control characters and
    # odd encodings end as one-line problems like the editor's ordinary mistakes.
    assert_fails_only_with_clear_messages(tmp_path_factory, *file)


@pytest.mark.parametrize("lang", LOCALES)
def test_each_event_is_one_search_entry_in_its_language(site, lang):
    entries = {doc["location"]: doc for doc in site.search_index(lang)["docs"]}
    entry = entries["events/#event-mayors-meet-london-2019"]
    assert entry["title"] == {"fi": "Helsingin ja Lontoon silloiset pormestarit tapasivat Lontoossa",
                              "en": "The then mayors of Helsinki and London met in London"}[lang]
    assert {"fi": "13. helmikuuta 2019", "en": "13 February 2019"}[lang] in entry["text"]
    assert {"fi": "Lontoo", "en": "London"}[lang] in entry["text"]
    # The listing's labels are not indexed as page text.
    assert not any(("Aika" if lang == "fi" else "When") in doc["text"].split() for doc in entries.values()
                   if doc["location"].startswith("events/"))
