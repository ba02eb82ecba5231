"""Hostile editor input: the data layer's limits (issue 9, items 7, 8 and 9).

Each test names what an editor (or an attacker with commit rights to data/) could write,
and asserts the one-line problem the build reports instead of a crash, a hang or a page
that is silently wrong.
"""

from __future__ import annotations

import struct
import sys
import textwrap
import zlib
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from _calendar import event_calendar, timezones_ical  # noqa: E402
from _data import DataError, load_site_data, parse_events, parse_partners  # noqa: E402

LOCALES = ("fi", "en")
EVENT = """\
events:
  - id: e
    title: {fi: T, en: T}
    start: 2019-04-25T09:30
    timezone: Europe/Helsinki
    location: {fi: L, en: L}
"""
PARTNER = """\
partners:
  - id: p
    name: {fi: P, en: P}
    city: helsinki
    url: https://www.hel.fi/
"""


def event_problems(text: str) -> list[tuple[int, str, str]]:
    _, problems = parse_events(textwrap.dedent(text), "data/events.yml", LOCALES)
    return [(p.line, p.field, p.message) for p in problems]


def load_problems(tmp_path: Path, events: bytes, **limits) -> list[str]:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data/events.yml").write_bytes(events)
    (tmp_path / "data/partners.yml").write_text("partners:\n")
    with pytest.raises(DataError) as error:
        load_site_data(tmp_path / "data", tmp_path, LOCALES, tmp_path, **limits)
    lines = str(error.value).splitlines()
    assert all(line.startswith("data/events.yml:") for line in lines), lines
    return lines


def only(problems):
    assert len(problems) == 1, problems
    return problems[0]


# ------------------------------------------------------------ 7. the YAML loader's limits


def test_alias_bomb_as_a_mapping_key_is_refused_before_it_expands():
    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    bomb += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    text = "\n".join(bomb) + "\n? *a8\n: boom\n" + EVENT
    problems = event_problems(text)
    assert [field for _, field, _ in problems][:9] == [f"a{i}" for i in range(9)]  # the anchors' fields
    assert (10, "(file)") in {(line, field) for line, field, _ in problems}  # the alias used as a key: "? *a8"
    assert any("anchors and aliases" in message for _, _, message in problems)


def test_a_single_anchor_and_alias_name_their_lines():
    text = EVENT.replace("location: {fi: L, en: L}", "location: &place {fi: L, en: L}")
    text += "  - id: f\n    title: {fi: T, en: T}\n    start: 2019-04-26\n    location: *place\n"
    problems = event_problems(text)
    assert [(line, field) for line, field, _ in problems] == [(6, "events[id=e].location"), (10, "events[id=f].location")]
    assert "&place" in problems[0][2] and "*place" in problems[1][2]


@pytest.mark.parametrize("depth", [3000, 100_000])
def test_deep_nesting_is_refused_without_recursion(depth):
    text = EVENT.replace("title: {fi: T, en: T}", "title: " + "[" * depth + "]" * depth)
    line, field, message = only(event_problems(text))
    assert (line, field) == (3, "events[id=e].title") and "nested more than" in message


def test_nesting_the_contract_needs_still_gets_the_field_message():
    text = EVENT.replace("title: {fi: T, en: T}", "title: [[x]]")
    line, field, message = only(event_problems(text))
    assert (line, field) == (3, "events[id=e].title") and "got a list" in message


def test_a_file_over_the_size_limit_is_refused(tmp_path):
    big = EVENT.encode() + b"# padding\n" * 110_000
    (line,) = load_problems(tmp_path, big)
    assert line.startswith("data/events.yml:1: (file): the file is larger than 1,000,000 bytes")
    assert load_problems(tmp_path, big + b"  - oops\n", max_file_bytes=2_000_000)[0].startswith("data/events.yml:110007: events[1]:")


@pytest.mark.parametrize("field,limit", [("title", 200), ("location", 200), ("description", 5000)])
def test_text_longer_than_its_field_allows(field, limit):
    base = EVENT + "    description: {fi: D, en: D}\n"
    ok = base.replace(f"{field}: {{fi: {field[0].upper()}", f"{field}: {{fi: {'x' * limit}")
    assert event_problems(ok) == []
    text = base.replace(f"{field}: {{fi: {field[0].upper()}", f"{field}: {{fi: {'x' * (limit + 1)}")
    line, path, message = only(event_problems(text))
    assert path == f"events[id=e].{field}.fi" and f"at most {limit}" in message and len(message) < 200


@pytest.mark.parametrize("escape,code", [
    ("\\0", "0000"), ("\\e", "001B"), ("\\a", "0007"), ("\\N", "0085"), ("\\x7f", "007F"),
])
def test_control_characters_are_refused(escape, code):
    text = EVENT.replace("title: {fi: T, en: T}", f'title: {{fi: "T{escape}x", en: T}}')
    line, field, message = only(event_problems(text))
    assert (line, field) == (3, "events[id=e].title.fi") and f"U+{code}" in message


def test_a_tab_in_a_text_is_called_a_tab():
    """An editor knows a tab, not "the control character U+0009" (hunt 15b)."""
    text = EVENT.replace("title: {fi: T, en: T}", 'title: {fi: "T\\tx", en: T}')
    assert only(event_problems(text)) == (3, "events[id=e].title.fi", "the text holds a tab; write a space instead")


@pytest.mark.parametrize("bullet", ["•\\t", "• ", "\\uf0b7\\t"])
def test_a_bullet_pasted_into_a_description_is_named_before_its_tab(bullet):
    """A list pasted from Word ran into one paragraph; its tab alone was named, and "• " then
    passed."""
    text = EVENT + f'    description: {{fi: "Ohjelma:\\n{bullet}Avaus\\n{bullet}Paneeli", en: D}}\n'
    line, field, message = only(event_problems(text))
    shown = "U+F0B7" if "uf0b7" in bullet else "“•”"
    assert (line, field, message) == (
        7, "events[id=e].description.fi", f"a line starts with {shown}, a bullet pasted from a word processor: the lines "
        "run into one paragraph; write the items as sentences, or leave an empty line between paragraphs")


def test_a_bullet_in_a_title_or_mid_line_is_text():
    text = EVENT.replace("title: {fi: T, en: T}", 'title: {fi: "• T", en: T}') + '    description: {fi: "A • B", en: D}\n'
    assert event_problems(text) == []


@pytest.mark.parametrize("escape,code", [("\\u202e", "202E"), ("\\u202a", "202A"), ("\\u2066", "2066"), ("\\u2069", "2069")])
def test_direction_controls_that_reorder_the_text_are_refused(escape, code):
    # "Trojan Source": an override makes "Helsinki" + U+202E + "txt.exe" show as "Helsinkiexe.txt";
    # the site's two languages are written left to right and never need one.
    text = EVENT.replace("title: {fi: T, en: T}", f'title: {{fi: "Helsinki{escape}txt.exe", en: T}}')
    line, field, message = only(event_problems(text))
    assert (line, field) == (3, "events[id=e].title.fi")
    assert message == (f"the text holds U+{code}, a direction control that can show the text in another order "
                       "than it is written; remove it")


@pytest.mark.parametrize("title, message", [
    ("lis\u00e4tiedot \u05e9 020 555 0000", "the number '020 555 0000' would be shown as '0000 555 020' beside letters "
     "written right to left: join its groups with no-break spaces (U+00A0) instead of spaces, or write it after a "
     "Finnish or English word (Puhelin 020 555 0000)"),
    ("Soita \u0660\u0662\u0660 \u0665\u0665\u0665", "the number '\u0660\u0662\u0660 \u0665\u0665\u0665' would be "
     "shown as '\u0665\u0665\u0665 \u0660\u0662\u0660' in Arabic-Indic digits: join its groups with no-break spaces "
     "(U+00A0) instead of spaces, or write it with the digits 0\u20139 after a Finnish or English word (Puhelin 020 555 "
     "0000)"),
    # Review 30b: a date after an Arabic word has no spaces to join.
    ("\u0627\u0644\u062a\u0627\u0631\u064a\u062e 2018-12-05", "the number '2018-12-05' would be shown as '05-12-2018' "
     "beside letters written right to left: write it after a Finnish or English word (Puhelin 020 555 0000)"),
])
def test_a_number_a_listing_would_show_in_another_order_is_refused(title, message):
    """Hunt 28a: a listing showed "lisätiedot ש 020 555 0000" as "lisätiedot 0000 555 020 ש";
    a data file cannot mark a text's language or direction."""
    text = EVENT.replace("title: {fi: T, en: T}", f'title: {{fi: "{title}", en: T}}')
    assert only(event_problems(text)) == (3, "events[id=e].title.fi", message)


def test_a_line_break_in_a_description_is_a_space_to_the_number_check():
    """Hunt 29a: the check read a line break as the end of a paragraph, where the page shows a
    space, and passed "puhelin ש⏎020 555 0000", published as "0000 555 020"; paragraphs apart
    are paragraphs of their own."""
    text = EVENT + '    description: {fi: "puhelin \u05e9\\n020 555 0000.", en: D}\n'
    line, field, message = only(event_problems(text))
    assert (line, field) == (7, "events[id=e].description.fi") and message.startswith("the number '020 555 0000'")
    assert event_problems(EVENT + '    description: {fi: "puhelin \u05e9\\n\\n020 555 0000.", en: D}\n') == []


@pytest.mark.parametrize("title", ["\u05e9\u05dc\u05d5\u05dd 2019", "lis\u00e4tiedot 020 555 0000 \u05e9",
                                   "lis\u00e4tiedot \u05e9 020\u00a0555\u00a00000", "\u0645\u0631\u062d\u0628\u0627 2019, 2020"])
def test_right_to_left_words_beside_numbers_shown_in_their_order_pass(title):
    assert event_problems(EVENT.replace("title: {fi: T, en: T}", f'title: {{fi: "{title}", en: T}}')) == []


def test_a_soft_hyphen_in_a_long_finnish_word_is_text():
    assert event_problems(EVENT.replace("title: {fi: T, en: T}", 'title: {fi: "kaupunki\\u00advertailu", en: T}')) == []


def test_a_line_break_only_where_a_line_break_belongs():
    text = EVENT + '    description: {fi: "one\\ntwo", en: D}\n'
    assert event_problems(text) == []
    line, field, message = only(event_problems(text.replace('title: {fi: T, en: T}', 'title: {fi: "T\\nU", en: T}')))
    assert (line, field) == (3, "events[id=e].title.fi") and "line break" in message


@pytest.mark.parametrize("invisible", ["\\u200b", "\\u2060", "\\ufeff", " \\u00a0 ", "\\u3164"])
def test_text_of_only_invisible_characters_is_refused(invisible):
    text = EVENT.replace("location: {fi: L, en: L}", f'location: {{fi: L, en: "{invisible}"}}')
    line, field, message = only(event_problems(text))
    assert (line, field) == (6, "events[id=e].location.en") and "invisible" in message


def test_a_non_utf8_byte_is_reported_at_its_line(tmp_path):
    data = EVENT.replace("location: {fi: L, en: L}", "location: {fi: L\xe4, en: L}").encode("latin-1")
    (line,) = load_problems(tmp_path, data)
    assert line.startswith("data/events.yml:6: (file): byte 0xe4 is not UTF-8")


def test_utf16_is_named(tmp_path):
    (line,) = load_problems(tmp_path, EVENT.encode("utf-16"))
    assert line.startswith("data/events.yml:1: (file):") and "UTF-16" in line


def test_problem_lines_show_control_characters_as_escapes():
    _, problems = parse_events(EVENT + '    "col\\eour": red\n', "data/events.yml", LOCALES)
    (problem,) = problems
    assert str(problem).startswith("data/events.yml:7: events[id=e].col\\x1bour: unknown field")


def test_an_id_with_a_trailing_line_break_is_refused():
    line, field, message = only(event_problems(EVENT.replace("id: e", 'id: "e\\n"')))
    assert (line, field) == (2, "events[0].id") and "lowercase" in message


# ------------------------------------------------------------ 8. time zones and calendars


@pytest.mark.parametrize("zone", ["Factory", "localtime", "posixrules", "Etc/GMT+2", "US/Eastern", "GB"])
def test_only_real_area_location_zones(zone):
    line, field, message = only(event_problems(EVENT.replace("Europe/Helsinki", zone)))
    assert (line, field) == (5, "events[id=e].timezone") and "not a known time zone" in message


def test_utc_stays_allowed():
    assert event_problems(EVENT.replace("Europe/Helsinki", "UTC")) == []


def test_a_time_in_the_spring_forward_gap_does_not_exist():
    line, field, message = only(event_problems(EVENT.replace("2019-04-25T09:30", "2019-03-31T03:30")))
    assert (line, field) == (4, "events[id=e].start")
    assert message == ("2019-03-31T03:30 does not exist in Europe/Helsinki: clocks moved forward from 03:00 to 04:00 "
                       "that night; use 04:30 or 02:30")


def test_a_time_in_the_autumn_fold_happens_twice():
    text = EVENT.replace("start: 2019-04-25T09:30", "start: 2019-10-26T20:00\n    end: 2019-10-27T01:30")
    line, field, message = only(event_problems(text.replace("Europe/Helsinki", "Europe/London")))
    assert (line, field) == (5, "events[id=e].end")
    assert message.startswith("2019-10-27T01:30 happens twice in Europe/London: clocks moved back from 02:00 to 01:00 "
                              "that night; give the time an hour earlier or later")


def _events(text: str):
    events, problems = parse_events(textwrap.dedent(text), "data/events.yml", LOCALES)
    assert problems == []
    return events


def test_calendar_vtimezone_is_right_after_2037():
    events = _events("""\
        events:
          - {id: london-2040, title: {fi: L, en: L}, start: 2040-07-01T18:00, timezone: Europe/London, location: {fi: L, en: L}}
          - {id: helsinki-2045, title: {fi: H, en: H}, start: 2045-01-15T12:00, timezone: Europe/Helsinki, location: {fi: H, en: H}}
        """)
    stamp = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)
    calendar = icalendar.Calendar.from_ical(event_calendar(events, "en", "Site", "https://example.org/en/events/", stamp))
    # The file's own VTIMEZONE definitions, not the system's zone database.
    zones = {str(vtz["TZID"]): vtz.to_tz(lookup_tzid=False) for vtz in calendar.walk("VTIMEZONE")}
    assert set(zones) == {"Europe/London", "Europe/Helsinki"}
    for vevent in calendar.walk("VEVENT"):
        tzid = vevent["DTSTART"].params["TZID"]
        wall = vevent.decoded("DTSTART").replace(tzinfo=None)
        from_file = zones[tzid].localize(wall) if hasattr(zones[tzid], "localize") else wall.replace(tzinfo=zones[tzid])
        expected = wall.replace(tzinfo=ZoneInfo(tzid))
        assert from_file.astimezone(timezone.utc) == expected.astimezone(timezone.utc), (tzid, wall)


# Zones whose clocks changed and changed back within icalendar's first search step of 64 days,
# with a moment inside each short period (hunt 17): Morocco's clocks during Ramadan, Brazil's
# two weeks of summer time in 2000, Argentina's in 2004, Gaza's from 2040, Fiji's in 2020.
SHORT_CLOCK_CHANGES = [
    ("Africa/Casablanca", datetime(2027, 2, 20, 10)), ("Africa/Casablanca", datetime(2015, 6, 30, 12)),
    ("America/Recife", datetime(2000, 10, 10, 12)), ("America/Argentina/Tucuman", datetime(2004, 6, 3, 12)),
    ("Asia/Gaza", datetime(2041, 9, 1, 12)), ("Pacific/Fiji", datetime(2020, 12, 22, 12)),
    ("Asia/Jerusalem", datetime(1980, 8, 5, 12)), ("Europe/Helsinki", datetime(2019, 2, 13, 10)),
]


@pytest.mark.parametrize("tzid,wall", SHORT_CLOCK_CHANGES)
def test_the_calendars_vtimezone_keeps_clock_changes_undone_within_weeks(tzid, wall):
    """icalendar searched a zone's clock changes 64 days at a time first, and missed a change
    undone within one step: a calendar client that reads the file's VTIMEZONE (Outlook) put
    the event an hour off, while the page and the open data had it right (hunt 17)."""
    calendar = icalendar.Calendar.from_ical("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                            + timezones_ical({tzid}, date(wall.year - 1, 1, 1), date(wall.year + 1, 1, 1))
                                            + "END:VCALENDAR\r\n")
    from_file = calendar.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    offset = (from_file.localize(wall) if hasattr(from_file, "localize") else wall.replace(tzinfo=from_file)).utcoffset()
    assert offset == wall.replace(tzinfo=ZoneInfo(tzid)).utcoffset()


def test_a_file_of_events_in_more_than_twelve_time_zones_is_refused_at_the_first_one_too_many():
    zones = ["Europe/Helsinki", "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Oslo", "Europe/Rome",
             "Europe/Madrid", "Europe/Vienna", "Europe/Warsaw", "Europe/Prague", "Europe/Dublin", "Europe/Lisbon",
             "Asia/Tokyo", "Europe/Helsinki"]
    text = "events:\n" + "".join(
        f"  - {{id: e{n}, title: {{fi: T, en: T}}, start: 2019-04-25T09:30, timezone: {zone}, location: {{fi: L, en: L}},"
        f" sources: [s]}}\n" for n, zone in enumerate(zones))
    problems = [(line, field, message) for line, field, message in event_problems(text) if "sources" not in field]
    assert problems == [(14, "events[id=e12].timezone",
                         f"the events already use 12 time zones, the most a file may use (each adds its clock changes "
                         f"to the calendar files); use one of them: {', '.join(sorted(zones[:12]))}")]


def test_a_time_in_a_zone_whose_offset_had_seconds_is_refused():
    """Africa/Monrovia was 44 min 30 s behind UTC until 1972: the page's datetime, the JSON-LD
    and the open data said 1971-06-01T12:00-00:44:30, which a browser reads as no date (hunt 18b)."""
    text = EVENT.replace("start: 2019-04-25T09:30\n    timezone: Europe/Helsinki", "start: 1971-06-01T12:00\n    timezone: Africa/Monrovia")
    assert only(event_problems(text)) == (
        4, "events[id=e].start", "Africa/Monrovia was -0:44:30 from UTC at 1971-06-01, an offset with seconds that "
        "web pages' and calendars' date formats cannot write; give the time in a zone of whole minutes, such as UTC")
    assert event_problems(EVENT.replace("start: 2019-04-25T09:30\n    timezone: Europe/Helsinki",
                                        "start: 1973-06-01T12:00\n    timezone: Africa/Monrovia")) == []


@pytest.mark.parametrize("tzid,year,short", [("Europe/Helsinki", 2019, False), ("Europe/London", 2040, False),
                                             ("Asia/Tokyo", 2019, False), ("Africa/Casablanca", 2027, True),
                                             ("America/Recife", 2000, True), ("Pacific/Fiji", 2020, True)])
def test_the_day_by_day_search_is_kept_for_clocks_changed_twice_within_weeks(tzid, year, short):
    """icalendar's own search, twenty times faster, where its 64-day first step misses nothing."""
    from _calendar import _changes_within_first_step

    assert _changes_within_first_step(ZoneInfo(tzid), date(year - 1, 1, 1), date(year + 1, 1, 1)) is short


def test_the_search_for_a_zones_clock_changes_ends_with_the_calendars_years(monkeypatch):
    """Stepping a day at a time, icalendar searched on to the year 9999: three million steps
    for a zone whose clocks no longer change, and five minutes for events in 490 zones (hunt
    18b). The search now ends the day after the calendar's last date."""
    import _calendar

    calls = []

    class CountingZone(ZoneInfo):
        def utcoffset(self, moment):
            calls.append(moment)
            return super().utcoffset(moment)

    monkeypatch.setattr(_calendar, "ZoneInfo", CountingZone)
    _calendar._timezone_ical.cache_clear()
    text = timezones_ical({"Asia/Tokyo"}, date(2018, 1, 1), date(2021, 1, 1))
    _calendar._timezone_ical.cache_clear()
    assert "TZID:Asia/Tokyo" in text and "TZOFFSETTO:+0900" in text
    assert calls and max(call.replace(tzinfo=None) for call in calls).year <= 2021 and len(calls) < 10_000


# ------------------------------------------------------------ 9. logos

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="10" height="10"/></svg>'


def png(width: int, height: int) -> bytes:
    header = b"IHDR" + struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + header + struct.pack(">I", zlib.crc32(header))


def logo_problems(tmp_path: Path, path: str) -> list[tuple[int, str, str]]:
    """The problems of a partner whose logo is `path` (under tmp_path/docs)."""
    text = PARTNER + f"    logo: '{path}'\n    logo_alt: {{fi: Kumppanin logo, en: Partner logo}}\n"
    partners, problems = parse_partners(text, "data/partners.yml", LOCALES, tmp_path / "docs")
    return [(p.line, p.field, p.message) for p in problems]


def logo_message(tmp_path: Path, path: str) -> str:
    line, field, message = only(logo_problems(tmp_path, path))
    assert (line, field) == (6, "partners[id=p].logo")
    return message


def test_a_valid_png_and_svg_give_their_size(tmp_path):
    for name, content, size in (("a.png", png(300, 100), (300, 100)), ("b.svg", SVG.encode(), (120, 40))):
        (tmp_path / "docs/images").mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs/images" / name).write_bytes(content)
        partners, problems = parse_partners(PARTNER + f"    logo: images/{name}\n    logo_alt: {{fi: L, en: L}}\n",
                                            "data/partners.yml", LOCALES, tmp_path / "docs")
        assert problems == [] and (partners[0].logo_width, partners[0].logo_height) == size


def test_a_24_byte_fake_png_is_refused(tmp_path):
    fake = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8 + b"\xff" * 8  # signature, no IHDR: width 4294967295 before
    (tmp_path / "docs/images").mkdir(parents=True)
    (tmp_path / "docs/images/fake.png").write_bytes(fake)
    message = logo_message(tmp_path, "images/fake.png")
    assert "not a valid PNG" in message


@pytest.mark.parametrize("size", [(0, 10), (5000, 10), (4294967295, 4294967295)])
def test_png_size_must_be_within_limits(tmp_path, size):
    (tmp_path / "docs/images").mkdir(parents=True)
    (tmp_path / "docs/images/big.png").write_bytes(png(*size))
    assert "1 to 4096 pixels" in logo_message(tmp_path, "images/big.png")


def test_content_decides_not_the_name(tmp_path):
    (tmp_path / "docs/images").mkdir(parents=True)
    (tmp_path / "docs/images/logo.png").write_bytes(SVG.encode())
    assert "SVG by its content" in logo_message(tmp_path, "images/logo.png")
    (tmp_path / "docs/images/text.svg").write_bytes(b"hello")
    assert "neither a PNG nor an SVG" in logo_message(tmp_path, "images/text.svg")
    # Session 32b: a photo saved with a .png name is named as what it is, with the way out (a
    # logo is PNG or SVG: renaming it .jpg, as for a page's image, is none).
    (tmp_path / "docs/images/photo.png").write_bytes(b"\xff\xd8\xff\xe0" + bytes(40))
    assert logo_message(tmp_path, "images/photo.png").endswith(
        "docs/images/photo.png is a JPEG image by its content, not a PNG or an SVG: save the logo again as PNG (in "
        "Paint: Save as, PNG), or use its SVG")


@pytest.mark.parametrize("svg,expected", [
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><script>alert(1)</script></svg>', "<script>"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" onload="alert(1)"/>', "onload"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><foreignObject/></svg>', "foreignObject"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 1 1">'
     '<image xlink:href="https://evil.example/x.png"/></svg>', "evil.example"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><use href="data:image/svg+xml,x"/></svg>', "data:"),
    ('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">&a;</svg>',
     "<!DOCTYPE …> has definitions of its own"),
    ('<?xml-stylesheet href="https://evil.example/s.css"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
     "style sheet"),
])
def test_unsafe_svg_is_refused(tmp_path, svg, expected):
    (tmp_path / "docs/images").mkdir(parents=True)
    (tmp_path / "docs/images/logo.svg").write_text(svg)
    assert expected in logo_message(tmp_path, "images/logo.svg")


def test_fragment_links_inside_an_svg_are_fine(tmp_path):
    svg = SVG.replace("<rect", '<defs><rect id="r"/></defs><use href="#r"/><rect fill="url(#r)"')
    (tmp_path / "docs/images").mkdir(parents=True)
    (tmp_path / "docs/images/logo.svg").write_text(svg)
    assert logo_problems(tmp_path, "images/logo.svg") == []


@pytest.mark.parametrize("box", ["0 0 1e400 10", "0 0 10", "0 0 nan 10", "0 0 0 10", "0 0 10 -5", "0 0 1_0 10"])
def test_malformed_viewbox_is_a_problem_not_a_crash(tmp_path, box):
    (tmp_path / "docs/images").mkdir(parents=True)
    (tmp_path / "docs/images/logo.svg").write_text(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box}"/>')
    assert "malformed viewBox" in logo_message(tmp_path, "images/logo.svg")


@pytest.mark.parametrize("path,expected", [
    ("../outside.svg", "'..'"),
    ("images/../../outside.svg", "'..'"),
    ("/etc/passwd", "absolute"),
    ("images/.hidden.svg", "hidden"),
    ("images/.git/logo.svg", "hidden"),
    ("stylesheets/logo.svg", "under docs/images/"),
    ("images/p.fi.svg", "rename it, like p-fi.svg"),
    ("images/p.en.png", "rename it, like p-en.png"),
    # The path as GitHub shows it: the message said "under docs/images/" and showed docs/images/.
    ("docs/images/partners/logo.svg", "leave out docs/: write images/partners/logo.svg"),
])
def test_logo_paths_outside_images_or_taken_by_the_language_rule(tmp_path, path, expected):
    content = png(10, 10) if path.endswith(".png") else SVG.encode()
    target = (tmp_path / "docs" / path) if not path.startswith("/") else None
    if target is not None and ".." not in path:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    (tmp_path / "outside.svg").write_bytes(SVG.encode())
    assert expected in logo_message(tmp_path, path)


def test_a_tag_that_does_not_fit_its_value_is_a_problem_not_a_traceback():
    text = "events:\n  - id: a\n    title: {fi: T, en: T}\n    start: !!int 7no\n    location: {fi: L, en: L}\n"
    events, problems = parse_events(text, "data/events.yml", ("fi", "en"))
    assert events == [] and [(p.line, p.field) for p in problems] == [(4, "events[id=a].start")]
    assert "explicit tag" in problems[0].message


def test_anchors_in_sources_and_front_matter_are_problems_not_tracebacks():
    from _pages import front_matter_problems
    from _sources import parse_sources

    sources = "sources:\n  - &a\n    id: x\n  - *a\n"
    _, problems = parse_sources(sources, "data/sources.yml", ("fi", "en"))
    assert [(p.line, p.field) for p in problems] == [(2, "sources[id=x]"), (4, "sources[1]")]
    assert "anchor" in problems[0].message.lower()
    page = "---\ntitle: &t Teemat\ndescription: *t\n---\n# Teemat\n"
    found = front_matter_problems(page, "docs/themes.fi.md")
    assert found and "anchor" in " ".join(p.message for p in found).lower()
