"""The data layer on its own: inline YAML in, problems (file, line, field) or dataclasses out."""

from __future__ import annotations

import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from _data import DataError, field_at_line, load_site_data, parse_events, parse_partners, split_events  # noqa: E402

LOCALES = ("fi", "en")
VALID_EVENT = """\
events:
  - id: ai-ethics-2019
    title: {fi: Tekoälyn etiikka, en: AI ethics}
    start: 2019-04-25T09:30
    end: 2019-04-25T16:00
    timezone: Europe/Helsinki
    location: {fi: Helsinki, en: Helsinki}
"""


def events_problems(text: str):
    events, problems = parse_events(textwrap.dedent(text), "data/events.yml", LOCALES)
    return [(p.line, p.field, p.message) for p in problems]


def partner_problems(text: str, docs_dir: Path = ROOT / "docs"):
    partners, problems = parse_partners(textwrap.dedent(text), "data/partners.yml", LOCALES, docs_dir)
    return [(p.line, p.field, p.message) for p in problems]


def only(problems):
    assert len(problems) == 1, problems
    return problems[0]


def test_valid_event_parses_to_a_dataclass():
    events, problems = parse_events(VALID_EVENT, "data/events.yml", LOCALES)
    assert problems == []
    (event,) = events
    assert event.id == "ai-ethics-2019" and event.title["en"] == "AI ethics"
    assert event.start.precision == "time" and event.start.value == datetime(2019, 4, 25, 9, 30)
    assert event.timezone == "Europe/Helsinki"


def test_the_real_data_files_are_valid():
    data = load_site_data(ROOT / "data", ROOT / "docs", LOCALES, ROOT)
    # The two parties to the declaration, and the meeting of 2019 (editors may add more).
    assert {"city-of-helsinki", "greater-london-authority"} <= {p.id for p in data.partners}
    assert "mayors-meet-london-2019" in {e.id for e in data.events}


def test_the_tests_own_data_is_valid_and_as_the_listing_tests_expect():
    fixtures = ROOT / "tests/fixtures/data"
    data = load_site_data(fixtures, ROOT / "docs", LOCALES, ROOT)
    assert {p.id for p in data.partners} == {"city-of-helsinki", "greater-london-authority", "new-york-city"}
    assert {e.id for e in data.events} == {"mayors-meet-london-2019", "data-ai-ethics-helsinki-2019",
                                           "declaration-signed-2019"}


def test_yaml_syntax_error_names_its_line():
    line, field, message = only(events_problems("events:\n  - id: a\n    title: [unclosed\n"))
    assert (line, field) == (3, "events[id=a].title") and "not valid YAML" in message


@pytest.mark.parametrize("text,line,field", [
    # A message about a file YAML cannot read named the field "(file)": the field is now read
    # from the indentation of the lines up to the one the parser named.
    ("events:\n  - id: a\n    title:\n      fi: x\n", 4, "events[id=a].title.fi"),
    ("# a comment\nevents:\n- id: x\n  title: {fi: a}\n- id: y\n  title: [b\n", 6, "events[id=y].title"),
    ("events:\n  - title: x\n  - title:\n      fi: y\n", 4, "events[1].title.fi"),  # no id: by position
    ("events:\n  - id: 'Not An Id'\n    title: x\n", 3, "events[0].title"),
    ("events:\n  - sources:\n      - a\n      - [b\n    id: e\n", 4, "events[id=e].sources[1]"),  # the id after it
    ("events:\n  - id: a\n    location: x\n    # a comment\n", 4, "events[id=a]"),  # a comment: what holds it
    ("events:\n  - id: a\n    title:\n      fi: a text\n        that goes on\n", 5, "events[id=a].title.fi"),
    ("x: 1\n\n", 2, "(file)"),
    ("a: [b\n", 9, "a"),  # a line past the end: the parser's end of the file
])
def test_a_field_is_told_from_the_indentation_of_a_file_yaml_cannot_read(text, line, field):
    assert field_at_line(text, line) == field


# libyaml's own words name the rule, not the mistake: each message also says what to do,
# on the line where the mistake is (an unclosed quote: the line where it was opened).
BLOCK_EVENT = "events:\n  - id: a\n    title:\n      fi: Otsikko\n      en: Title\n"
TAB = "indented with a tab: YAML indents with spaces only"
ALIGN = "this line is not lined up with the lines around it: indent each field of an entry by the same number of spaces"
QUOTE = "the quotation mark {} opened on this line is not closed: end the text with the same mark"
STARTS_QUOTED = ("a text that starts with a quotation mark must end with it: put the whole text in quotes, "
                 "such as ")
STARTS_BRACKETED = ("a text that starts with [ or { is read as a list or mapping: put the whole text in quotes, "
                    "such as ")
AT_OR_BACKTICK = ("a text cannot start with *, &, !, %, @ or `, which YAML reads as markup: put the whole text in "
                  "quotes, such as ")


def block_event(old: str, new: str) -> str:
    return BLOCK_EVENT.replace(old, new)


@pytest.mark.parametrize("text,line,field,advice", [
    ("events:\n\t- id: a\n", 2, "events", TAB),
    (block_event("      en:", "    \ten:"), 5, "events[id=a].title", TAB),
    (block_event("en: Title", "en: Event: the start"), 5, "events[id=a].title.en", "a text with ': ' in it must be in quotes, such as \"Event: the start\""),
    (block_event("fi: Otsikko", 'fi: "Otsikko'), 4, "events[id=a].title.fi", QUOTE.format('"')),
    (block_event("fi: Otsikko", "fi: 'Otsikko"), 4, "events[id=a].title.fi", QUOTE.format("'")),
    (block_event("fi: Otsikko", 'fi: "C:\\data"'), 4, "events[id=a].title.fi",
     "inside double quotes a backslash starts an escape such as \\n: write \\\\ for a backslash, or use single quotes"),
    (block_event("fi: Otsikko", "fi: @helsinki"), 4, "events[id=a].title.fi", AT_OR_BACKTICK + '"@helsinki"'),
    (block_event("fi: Otsikko", "fi: `koodi`"), 4, "events[id=a].title.fi", AT_OR_BACKTICK + '"`koodi`"'),
    (block_event("    title:", "  title:"), 3, "events.title", ALIGN),
    (block_event("      en:", "     en:"), 5, "events[id=a].title.en", ALIGN),
    (block_event("fi: Otsikko", "fi: !!seq Otsikko"), 4, "events[id=a].title.fi", "remove the tag (such as !!seq) and write the value plainly"),
    (block_event("fi: Otsikko", "fi: [Luonnos"), 4, "events[id=a].title.fi",
     "a value that starts with [ or { is read as a list or mapping: close it, or put the text in quotes"),
    # A text that only starts with a quoted or bracketed part, or ends with ":", is more than
    # YAML takes it for: these were told their line was not lined up.
    (block_event("fi: Otsikko", 'fi: "Digitaalinen" yhteistyö'), 4, "events[id=a].title.fi", STARTS_QUOTED + "'\"Digitaalinen\" yhteistyö'"),
    (block_event("fi: Otsikko", "fi: 'Digitaalinen' yhteistyö"), 4, "events[id=a].title.fi", STARTS_QUOTED + "\"'Digitaalinen' yhteistyö\""),
    (block_event("fi: Otsikko", "fi: [Peruttu] Työpaja"), 4, "events[id=a].title.fi", STARTS_BRACKETED + "\"[Peruttu] Työpaja\""),
    (block_event("fi: Otsikko", "fi: Työpaja:"), 4, "events[id=a].title.fi", "a text that ends with ':' must be in quotes, such as \"Työpaja:\""),
    (block_event("fi: Otsikko", "fi: *Uusi* työpaja"), 4, "events[id=a].title.fi", AT_OR_BACKTICK + "\"*Uusi* työpaja\""),
    (block_event("fi: Otsikko", "fi: %-luvut"), 4, "events[id=a].title.fi", AT_OR_BACKTICK + "\"%-luvut\""),
    # No space after the colon: the parser stopped on the next line, and blamed its indent (hunt 15b).
    (block_event("fi: Otsikko", "fi:Otsikko"), 4, "events[id=a].title", "a field's name and its value need a space between them: write 'fi: Otsikko'"),
    (block_event("en: Title", "en:Title"), 5, "events[id=a].title", "a field's name and its value need a space between them: write 'en: Title'"),
])
def test_a_yaml_syntax_error_says_what_to_do(text, line, field, advice):
    (found, named, message) = only(events_problems(text))
    assert (found, named) == (line, field), message
    assert message.startswith("the file is not valid YAML: ") and message.endswith(advice), message



@pytest.mark.parametrize("line,cut", [
    ("fi: Kumppani #1 tekoälyssä", "Kumppani"),
    ("fi: Otsikko #luonnos", "Otsikko"),
])
def test_a_text_cut_by_a_hash_that_yaml_reads_as_a_comment_is_a_problem(line, cut):
    """" #" starts a comment in YAML: the rest of the line was silently left out of the text.
    A "#" right before a word ("#1") reads as part of the text the editor meant."""
    assert events_problems(block_location(line)) == [(
        8, "events[id=ai-ethics-2019].location.fi", f"the text ends at ' #': YAML reads ' #' and what follows as a comment, so the text is only "
                     f"'{cut}'; put the whole text in quotes, such as \"{line[4:]}\" (a comment of your own has "
                     "a space after #)")]


@pytest.mark.parametrize("line", ["fi: Otsikko  # a comment", "fi: Otsikko # a comment", "fi: 'Kumppani #1'",
                                  "fi: \"Kumppani #1\"",
                                  "fi: Kumppani#1", "fi: >-\n        Kumppani #1 tekoälyssä\n      # a comment line"])
def test_a_comment_written_as_one_and_a_hash_inside_text_are_fine(line):
    assert events_problems(block_location(line)) == []


def test_a_byte_order_mark_does_not_hide_a_text_cut_by_a_hash():
    """libyaml skips a byte order mark without counting it: every position after it was one
    off, and the check of texts cut by " #" found none (hunt 14)."""
    text = "\ufeff" + textwrap.dedent(block_location("fi: Kumppani #1 tekoälyssä"))
    events, problems = parse_events(text, "data/events.yml", LOCALES)
    assert [(p.line, p.message.split(";")[0]) for p in problems] == [
        (8, "the text ends at ' #': YAML reads ' #' and what follows as a comment, so the text is only 'Kumppani'")]


@pytest.mark.parametrize("separator,name", [("\u2028", "U+2028 (line separator)"), ("\u2029", "U+2029 (paragraph separator)"),
                                            ("\x85", "U+0085 (next line)"),
                                            ("\r", "a carriage return (U+000D) without a new line after it")])
def test_a_line_break_only_yaml_sees_is_refused_on_the_line_git_shows(separator, name):
    """git and GitHub split lines only at a new line: "# a comment<U+2028>url: …" read as
    one comment line in a review, while YAML published the link (hunt 14)."""
    text = VALID_EVENT + f"    # more about the event{separator}    url: https://evil.example/\n"
    assert events_problems(text) == [(8, "events[id=ai-ethics-2019]", (
        f"{name}: YAML starts a new line there, but GitHub and editors show none, so what follows it would be read as "
        "data where a reviewer sees this line go on; remove it (press Enter for a new line)"))]
    assert events_problems(VALID_EVENT.replace("\n", "\r\n")) == []  # Windows' line ends are plain new lines


def test_a_number_too_long_to_read_is_a_problem_not_a_traceback():
    huge_base_60 = ":".join(["1"] + ["59"] * 3000)  # YAML 1.1 reads 1:59:59 as a number in base 60
    line, field, message = only(events_problems(VALID_EVENT.replace("{fi: Helsinki, en: Helsinki}",
                                                                    f"{{fi: Helsinki, en: {huge_base_60}}}")))
    assert (line, field) == (7, "events[id=ai-ethics-2019].location.en")
    assert message.startswith("expected text, got a number of about 5,3") and "put the text in quotes" in message
    assert events_problems(VALID_EVENT.replace("{fi: Helsinki, en: Helsinki}", "{fi: Helsinki, en: " + "9" * 4400 + "}")) == [
        (7, "events[id=ai-ethics-2019].location", "a number of more than 4,300 digits cannot be read: put the text in quotes")]


def test_a_comment_after_a_date_or_an_id_is_fine():
    """A comment written "value # comment" is YAML's own: quoting the value, as the message
    advised, would have broken a date or an id (the editors' review)."""
    text = VALID_EVENT.replace("    start: 2019-04-25T09:30\n", "    start: 2019-04-25T09:30 # the time Kuntalehti gave\n")
    text = text.replace("  - id: ai-ethics-2019\n", "  - id: ai-ethics-2019 # signed by the CDOs\n")
    assert events_problems(text) == []


def block_location(line: str) -> str:
    """VALID_EVENT with its place in block style, the Finnish one written as `line`."""
    return VALID_EVENT.replace("    location: {fi: Helsinki, en: Helsinki}\n",
                               f"    location:\n      {line}\n      en: Helsinki\n")

def test_unknown_key_suggests_the_right_one():
    line, field, message = only(events_problems(VALID_EVENT + "    timezome: Europe/London\n"))
    assert (line, field) == (8, "events[id=ai-ethics-2019].timezome")
    assert "did you mean 'timezone'" in message


def test_missing_required_field():
    text = VALID_EVENT.replace("    location: {fi: Helsinki, en: Helsinki}\n", "")
    line, field, message = only(events_problems(text))
    assert (line, field, message) == (2, "events[id=ai-ethics-2019].location", "this field is required")


def test_missing_translation_names_the_language():
    text = VALID_EVENT.replace("title: {fi: Tekoälyn etiikka, en: AI ethics}", "title: {fi: Tekoälyn etiikka}")
    line, field, message = only(events_problems(text))
    assert (line, field) == (3, "events[id=ai-ethics-2019].title.en")
    assert "missing translation" in message


def test_a_list_where_a_mapping_belongs():
    text = VALID_EVENT.replace("title: {fi: Tekoälyn etiikka, en: AI ethics}", "title: [Tekoälyn etiikka, AI ethics]")
    line, field, message = only(events_problems(text))
    assert (line, field) == (3, "events[id=ai-ethics-2019].title") and "got a list" in message


def test_unquoted_clock_time_read_as_a_number():
    text = VALID_EVENT.replace("location: {fi: Helsinki, en: Helsinki}", "location: {fi: Helsinki, en: 10:30}")
    line, field, message = only(events_problems(text))
    assert (line, field) == (7, "events[id=ai-ethics-2019].location.en")
    assert "630" in message and "quotes" in message


def test_no_read_as_false():
    text = VALID_EVENT.replace("location: {fi: Helsinki, en: Helsinki}", "location: {fi: Helsinki, en: no}")
    line, field, message = only(events_problems(text))
    assert field == "events[id=ai-ethics-2019].location.en" and "false" in message and "quotes" in message


def test_duplicate_key_is_refused():
    line, field, message = only(events_problems(VALID_EVENT + "    timezone: Europe/London\n"))
    assert (line, field) == (8, "events[id=ai-ethics-2019].timezone") and "twice" in message


def test_duplicate_id_is_refused():
    second = VALID_EVENT.split("\n", 1)[1]
    line, field, message = only(events_problems(VALID_EVENT + second))
    assert (line, field) == (8, "events[id=ai-ethics-2019].id") and "already used on line 2" in message


def test_impossible_date():
    text = VALID_EVENT.replace("start: 2019-04-25T09:30\n    end: 2019-04-25T16:00", "start: 2019-02-30")
    line, field, message = only(events_problems(text))
    assert (line, field) == (4, "events[id=ai-ethics-2019].start") and "not a real date" in message


def test_end_before_start():
    text = VALID_EVENT.replace("end: 2019-04-25T16:00", "end: 2019-04-25T08:00")
    line, field, message = only(events_problems(text))
    assert (line, field) == (5, "events[id=ai-ethics-2019].end") and "before the start" in message


def test_unknown_time_zone():
    text = VALID_EVENT.replace("Europe/Helsinki", "Europe/Helsingfors")
    line, field, message = only(events_problems(text))
    assert (line, field) == (6, "events[id=ai-ethics-2019].timezone")
    assert message.startswith("'Europe/Helsingfors' is not a known time zone")


def test_time_without_time_zone():
    text = VALID_EVENT.replace("    timezone: Europe/Helsinki\n", "")
    line, field, message = only(events_problems(text))
    assert (line, field) == (4, "events[id=ai-ethics-2019].timezone") and "needs a timezone" in message  # start's line


# "https://[::1" and a host with U+2100: urlsplit raises, and the whole file was reported as a tag error (hunt 23b).
@pytest.mark.parametrize("url", ["http://example.org/", "javascript:alert(1)", "https://", "ftp://x.org/",
                                 "https://[::1", "https://a\u2100b/"])
def test_only_https_urls(url):
    line, field, message = only(events_problems(VALID_EVENT + f"    url: '{url}'\n"))
    assert (line, field) == (8, "events[id=ai-ethics-2019].url") and "https://" in message


# Read as another host than the one they go to (hunt 24a): a name before "@", a "\\" that a
# browser reads as "/", and a Cyrillic е (Chromium goes to xn--hl-nlc.fi).
@pytest.mark.parametrize("url,expected", [
    ("https://www.hel.fi@evil.example/", "no '@', '\\' or '%' before it"),
    ("https://evil.example\\@www.hel.fi/", "no '@', '\\' or '%' before it"),
    ("https://h%D0%B5l.fi/", "no '@', '\\' or '%' before it"),
    ("https://london.\u0261ov.uk/", "has 'ɡ' (LATIN SMALL LETTER SCRIPT G): the site links only"),
    ("https://www.h\u0435l.fi/", "has 'е' (CYRILLIC SMALL LETTER IE): the site links only to addresses whose host"),
    ("https://xn--hl-nlc.fi/", "has 'е' (CYRILLIC SMALL LETTER IE): the site links only to addresses whose host"),
])
def test_a_url_that_reads_as_another_host_is_refused(url, expected):
    line, field, message = only(events_problems(VALID_EVENT + f"    url: '{url}'\n"))
    assert (line, field) == (8, "events[id=ai-ethics-2019].url") and expected in message, message


# Latin letters as a browser reads them: straße's label in Punycode (the idna codec read it as
# "strasse"), and "a" with a combining diaeresis, as a PDF may give "ä" (hunt 25b).
@pytest.mark.parametrize("url", ["https://www.hämeenlinna.fi/", "https://www.xn--hmeenlinna-q5a.fi/", "https://x.org/@y",
                                 "https://xn--strae-oqa.de/", "https://www.ha\u0308meenlinna.fi/", "https://łódź.pl/"])
def test_finnish_letters_in_a_host_and_an_at_in_a_path_are_fine(url):
    assert events_problems(VALID_EVENT + f"    url: '{url}'\n") == []


# Session 32b: what editors paste, told as what it is.
@pytest.mark.parametrize("url,expected", [
    # An invisible character copied with the address (Teams, a web page) made it another address.
    ("https://www.hel.fi/tapahtumat\u200b", "the address holds an invisible character, U+200B (ZERO WIDTH SPACE), "
     "which comes with copied text and makes it another address: type the address again"),
    ("https://www.hel\u2060.fi/", "the address holds an invisible character, U+2060 (WORD JOINER)"),
    # Words after the address: it does start with https://, which the message said it did not.
    ("https://www.hel.fi/ (ilmoittautuminen)", "a web address has no spaces: put the words after it in the "
     "description, and keep the address alone, such as 'https://www.hel.fi/'"),
])
def test_pasted_addresses_are_told_as_what_they_hold(url, expected):
    line, field, message = only(events_problems(VALID_EVENT + f"    url: '{url}'\n"))
    assert (line, field) == (8, "events[id=ai-ethics-2019].url") and message.startswith(expected), message


def test_a_value_in_a_word_processors_quotation_marks_is_told_so():
    text = VALID_EVENT.replace("start: 2019-04-25T09:30", "start: \u201d2019-04-25T09:30\u201d")
    line, field, message = only(events_problems(text))
    assert (line, field) == (4, "events[id=ai-ethics-2019].start")
    assert "(in a word processor's quotation marks \u201d \u201d, which are part of the value: remove them" in message, message


def test_a_title_pasted_in_a_word_processors_quotation_marks_is_quoted_without_them():
    """Session 32b: the advice for a title with ': ' kept the ” ”, so the published title showed them."""
    text = VALID_EVENT.replace("title: {fi: Tekoälyn etiikka, en: AI ethics}",
                               "title:\n      fi: \u201dTESTI (kuvitteellinen): Datan etiikan ty\u00f6paja\u201d\n      en: AI ethics")
    line, _, message = only(events_problems(text))
    assert line == 4 and message.endswith(
        "a text with ': ' in it must be in quotes, such as \"TESTI (kuvitteellinen): Datan etiikan ty\u00f6paja\" "
        "(\u201d and \u201d are a word processor's quotation marks, which YAML reads as part of the text; the straight "
        "\" quotes it)"), message


@pytest.mark.parametrize("written,expected", [
    # Session 32b: dates and times as Finnish editors write them, with the form meant.
    ("5.12.2019", "(did you mean 2019-12-05?)"),
    ("12.5.2019 klo 9.30", "(did you mean 2019-05-12T09:30?)"),
    ("2019-05-12T9.30", "(did you mean 2019-05-12T09:30? Two digits each, and a colon in the time.)"),
    ("2019-05-12T09:30+03:00", "(did you mean 2019-05-12T09:30? Leave out +03:00: the event's timezone gives the clock.)"),
    # Session 34b: a London editor wrote the clock after the time.
    ("2027-03-03T18:00 BST", "(did you mean 2027-03-03T18:00? Leave out BST: the event's timezone gives the clock.)"),
    ("2019-05-12T24:00", "'2019-05-12T24:00': the day ends at 24:00, which is written as 00:00 of the next day, such as "
                         "2019-05-13T00:00, or as 23:59"),
])
def test_a_date_written_in_another_form_is_told_with_the_form_meant(written, expected):
    text = VALID_EVENT.replace("end: 2019-04-25T16:00", f"end: '{written}'").replace("start: 2019-04-25T09:30",
                                                                                   "start: 2019-04-25")
    problems = [message for _, field, message in events_problems(text) if field.endswith(".end")]
    assert problems and problems[0].endswith(expected), problems


@pytest.mark.parametrize("zone", ["EET", "CET", "US/Eastern"])
def test_a_zone_of_the_database_that_names_no_place_is_told_so(zone):
    line, field, message = only(events_problems(VALID_EVENT.replace("Europe/Helsinki", zone)))
    assert message == (f"'{zone}' is not a known time zone as the site writes zones: it names no place's clock, or is "
                       "an old name; use a zone named Area/City, such as Europe/Helsinki or Europe/London")


def test_a_year_alone_as_a_start_is_told_as_a_year():
    """Session 33f: "start: 2027" was told to be put in quotes, which gave the same problem again."""
    line, field, message = only(events_problems(VALID_EVENT.replace("start: 2019-04-25T09:30", "start: 2027")))
    assert message.endswith("got 2027 (a year alone: write a month like 2027-05 or a day like 2027-05-12)"), message


def test_an_unknown_field_with_a_block_below_it_is_told_on_its_own_line():
    """Session 32b: `otsikko:` with fi: and en: below it was reported on the line after it."""
    text = VALID_EVENT + "    otsikko:\n      fi: Otsikko\n      en: Title\n"
    assert events_problems(text) == [(8, "events[id=ai-ethics-2019].otsikko", "unknown field (known: id, title, start, "
                                          "end, timezone, location, url, description, status, previous_start, sources)")]


def test_a_comma_inside_a_short_mapping_is_told_as_what_it_does():
    """The data files' own header shows {fi: …, en: …}: a comma in the text ended it, and the
    message named a field "osa 1" the editor never wrote."""
    text = VALID_EVENT.replace("title: {fi: Tekoälyn etiikka, en: AI ethics}",
                               "title: {fi: Tekoälyn etiikka, osa 1, en: AI ethics, part 1}")
    problems = events_problems(text)
    assert [(line, field) for line, field, _ in problems] == [
        (3, "events[id=ai-ethics-2019].title.osa 1"), (3, "events[id=ai-ethics-2019].title.part 1")]
    for (_, _, message), written in zip(problems, ('fi: "Tekoälyn etiikka, osa 1"', 'en: "AI ethics, part 1"')):
        assert message == ("unknown field: inside { } a comma ends a text, so the words after it were read as a field; "
                           f"put the text in quotes, {{{written}, …}}, or write each language on a line of its own")


def test_a_logos_alternative_text_must_name_whose_logo_it_is(tmp_path):
    """Session 32b: logo_alt "Logo" said nothing a reader who cannot see it needs (WCAG 1.1.1)."""
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>')
    _, problems = parse_partners(PARTNER + "    logo: images/logo.svg\n    logo_alt: {fi: Logo, en: logo}\n",
                                 "data/partners.yml", LOCALES, tmp_path)
    assert [(p.line, p.field, p.message) for p in problems] == [
        (7, "partners[id=city-of-helsinki].logo_alt.fi", "the logo's alternative text 'Logo' says only that there is "
                                                         "an image: name whose logo it is, such as 'Helsingin kaupungin "
                                                         "logo' (WCAG 1.1.1)"),
        # Session 34b: the English text was given a Finnish example.
        (7, "partners[id=city-of-helsinki].logo_alt.en", "the logo's alternative text 'logo' says only that there is "
                                                         "an image: name whose logo it is, such as 'City of Helsinki "
                                                         "logo' (WCAG 1.1.1)")]


def test_every_problem_of_a_run_is_reported_together():
    text = VALID_EVENT.replace("Europe/Helsinki", "Mars/Olympus").replace("2019-04-25T16:00", "someday")
    problems = events_problems(text + "    colour: red\n")
    assert sorted(p[1] for p in problems) == [
        "events[id=ai-ethics-2019].colour", "events[id=ai-ethics-2019].end", "events[id=ai-ethics-2019].timezone",
    ]


def test_error_message_format_is_file_line_field(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/events.yml").write_text(VALID_EVENT.replace("Europe/Helsinki", "Europe/Helsingfors"))
    (tmp_path / "data/partners.yml").write_text("partners:\n")
    with pytest.raises(DataError) as error:
        load_site_data(tmp_path / "data", tmp_path, LOCALES, tmp_path)
    assert str(error.value).startswith(
        "data/events.yml:6: events[id=ai-ethics-2019].timezone: 'Europe/Helsingfors' is not a known time zone"
    )


def test_a_file_or_folder_in_data_that_the_site_does_not_read_is_named(tmp_path):
    """Hunt 27b: new events in data/events-2027.yml were read by nobody and published nothing,
    and a folder named old.yml ended the build in a traceback. Hunt 28b: the message names
    where the entries go, and data/schemas/ holds only the schemas."""
    data = tmp_path / "data"
    for folder in ("old.yml", "schemas/old", "logos"):
        (data / folder).mkdir(parents=True)
    for name in ("events-2027.yml", ".partners-old.yml", "notes.txt", "logo.png", "logos/acme.svg",
                 "schemas/events-2019.yml", ".DS_Store", "schemas/events.schema.json", ".gitattributes",
                 "schemas/.gitattributes"):
        (data / name).write_text("")
    (data / "events.yml").write_text(VALID_EVENT)
    (data / "partners.yml").write_text("partners:\n")
    with pytest.raises(DataError) as error:
        load_site_data(data, tmp_path, LOCALES, tmp_path)
    files = "data/events.yml, data/partners.yml, data/sources.yml"
    images = "images go under docs/images/, a partner's logo under docs/images/partners/ (named in its logo: field)"
    schemas = "data/schemas/ holds only the schemas that `make schemas` writes (events.schema.json, partners.schema.json)"
    git = ("git reads this file when it checks the site out or shows a change, and it could hide the data's changes "
           "from review or change the files; delete it")
    assert str(error.value).splitlines() == [
        f"data/.gitattributes:1: (file): {git}",
        f"data/.partners-old.yml:1: (file): the site reads only {files}: move the entries of this file into "
        "data/partners.yml, then remove it",
        f"data/events-2027.yml:1: (file): the site reads only {files}: move the entries of this file into "
        "data/events.yml, then remove it",
        f"data/logo.png:1: (file): {images}; move this file there",
        f"data/logos:1: (file): {images}; move its images there",
        f"data/notes.txt:1: (file): the site reads only {files} and the schemas in data/schemas/: remove this file, "
        "or move its entries into one of those files",
        f"data/old.yml:1: (file): the site reads only {files} and the schemas in data/schemas/: remove this folder, "
        "or move its entries into one of those files",
        f"data/schemas/.gitattributes:1: (file): {git}",
        f"data/schemas/events-2019.yml:1: (file): {schemas}; remove this file",
        f"data/schemas/old:1: (file): {schemas}; remove this folder",
    ]


PARTNER = """\
partners:
  - id: city-of-helsinki
    name: {fi: Helsingin kaupunki, en: City of Helsinki}
    city: helsinki
    url: https://www.hel.fi/
"""


def test_valid_partner():
    assert partner_problems(PARTNER) == []


def test_partner_city_must_be_known():
    line, field, message = only(partner_problems(PARTNER.replace("city: helsinki", "city: tampere")))
    assert (line, field) == (4, "partners[id=city-of-helsinki].city") and "helsinki, london, other" in message


def test_partner_logo_file_must_exist():
    problems = partner_problems(PARTNER + "    logo: images/partners/missing.svg\n    logo_alt: {fi: Kumppanin logo, en: Partner logo}\n")
    line, field, message = only(problems)
    assert (line, field) == (6, "partners[id=city-of-helsinki].logo") and "no docs/images/partners/missing.svg" in message


def test_partner_logo_needs_alt_text(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images/logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"></svg>')
    line, field, message = only(partner_problems(PARTNER + "    logo: images/logo.svg\n", docs_dir=tmp_path))
    assert (line, field) == (6, "partners[id=city-of-helsinki].logo_alt") and "alternative text" in message


def test_partner_logo_size_is_read(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images/logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"></svg>')
    partners, problems = parse_partners(PARTNER + "    logo: images/logo.svg\n    logo_alt: {fi: Kumppanin logo, en: Partner logo}\n",
                                        "data/partners.yml", LOCALES, tmp_path)
    assert problems == [] and (partners[0].logo_width, partners[0].logo_height) == (120, 40)


def test_a_logo_shown_by_many_partners_is_checked_once(tmp_path, monkeypatch):
    """A 499 KB drawing shown by 100 partners was read and checked 100 times: 52 s (hunt 18b)."""
    import _data

    (tmp_path / "images").mkdir()
    (tmp_path / "images/logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"></svg>')
    checked = []
    monkeypatch.setattr(_data, "logo_size", lambda file, shown: checked.append(shown) or (120, 40))
    _data._checked_logo.cache_clear()
    entry = PARTNER.split("\n", 1)[1] + "    logo: images/logo.svg\n    logo_alt: {fi: Kumppanin logo, en: Partner logo}\n"
    text = "partners:\n" + "".join(entry.replace("id: city-of-helsinki", f"id: p{n}").replace("city: helsinki", "city: other")
                                    for n in range(5))
    partners, problems = parse_partners(text, "data/partners.yml", LOCALES, tmp_path)
    _data._checked_logo.cache_clear()
    assert problems == [] and len(partners) == 5 and checked == ["images/logo.svg"]


def test_an_entry_with_more_than_twenty_sources_is_refused():
    """110,000 ids in one list were each compared with those before it: 47 s (hunt 18b)."""
    ids = ", ".join(f"s{n}" for n in range(21))
    events, problems = parse_events(VALID_EVENT + f"    sources: [{ids}]\n", "data/events.yml", LOCALES)
    assert [(p.field, p.message) for p in problems] == [
        ("events[id=ai-ethics-2019].sources", "lists 21 sources; at most 20: keep those the entry's facts come from")]


@pytest.mark.parametrize("written,message", [
    ("15:30", "got the number 930: YAML reads a time alone, such as 15:30, as a number of minutes; write the date and "
              "the time, such as 2019-04-25T15:30"),
    ("'15:30'", "got '15:30', a time without its date: write the date too, such as 2019-04-25T15:30"),
])
def test_a_time_without_its_date_gets_advice_that_leads_somewhere(written, message):
    """end: 15:30 was told to put the text in quotes, which only led to the next message (hunt 18c)."""
    line, field, found = only(events_problems(VALID_EVENT.replace("end: 2019-04-25T16:00", f"end: {written}")))
    assert (line, field) == (5, "events[id=ai-ethics-2019].end") and found.endswith(message), found


def test_bad_id():
    line, field, message = only(partner_problems(PARTNER.replace("id: city-of-helsinki", "id: City Of Helsinki")))
    assert (line, field) == (2, "partners[0].id") and "lowercase" in message


def test_upcoming_and_past_split_at_build_time():
    text = """\
    events:
      - {id: a, title: {fi: a, en: a}, start: 2019-02-13, location: {fi: x, en: x}}
      - {id: b, title: {fi: b, en: b}, start: 2019-04, location: {fi: x, en: x}}
      - {id: c, title: {fi: c, en: c}, start: 2019-03-05T18:00, timezone: Europe/London, location: {fi: x, en: x}}
      - {id: d, title: {fi: d, en: d}, start: 2019-01-10, end: 2019-03-02, location: {fi: x, en: x}}
    """
    events, problems = parse_events(textwrap.dedent(text), "data/events.yml", LOCALES)
    assert problems == []
    now = datetime(2019, 3, 1, 12, 0, tzinfo=timezone.utc)
    upcoming, past = split_events(events, now, "Europe/Helsinki")
    assert [e.id for e in upcoming] == ["d", "c", "b"]  # d still running; soonest start first
    assert [e.id for e in past] == ["a"]
    later = datetime(2019, 5, 1, tzinfo=timezone.utc)
    upcoming, past = split_events(events, later, "Europe/Helsinki")
    assert upcoming == [] and [e.id for e in past] == ["b", "c", "a", "d"]  # latest first


CITY_ZONES = ("Europe/Helsinki", "Europe/London")


@pytest.mark.parametrize("location,zone,expected", [
    # Session 34b: a London meetup with the guide's example zone was published two hours early
    # for Londoners.
    ("{fi: 'City Hall, Lontoo', en: 'City Hall, London'}", "Europe/Helsinki",
     (6, "events[id=ai-ethics-2019].timezone", "the location names Lontoo, but the times are in the clock of "
      "Europe/Helsinki: an event's times are given in the clock of the city where it is held; write timezone: "
      "Europe/London")),
    ("{fi: Helsinki, en: Helsinki}", "Europe/London",
     (6, "events[id=ai-ethics-2019].timezone", "the location names Helsinki, but the times are in the clock of "
      "Europe/London: an event's times are given in the clock of the city where it is held; write timezone: "
      "Europe/Helsinki")),
    ("{fi: Lontoossa ja verkossa, en: London and online}", "Europe/London", None),
    ("{fi: Helsinki ja Lontoo (verkossa), en: Helsinki and London (online)}", "Europe/Helsinki", None),
    ("{fi: Verkossa, en: Online}", "Europe/Helsinki", None),
    ("{fi: Tukholma, en: Stockholm}", "Europe/Stockholm", None),
])
def test_an_event_held_in_one_city_with_the_clock_of_another_is_told(location, zone, expected):
    text = VALID_EVENT.replace("location: {fi: Helsinki, en: Helsinki}", f"location: {location}").replace(
        "timezone: Europe/Helsinki", f"timezone: {zone}")
    _, problems = parse_events(text, "data/events.yml", LOCALES, CITY_ZONES)
    assert [(p.line, p.field, p.message) for p in problems] == ([expected] if expected else [])


def test_a_day_without_a_time_needs_no_clock_of_its_city():
    text = VALID_EVENT.replace("start: 2019-04-25T09:30\n    end: 2019-04-25T16:00\n", "start: 2019-04-25\n").replace(
        "location: {fi: Helsinki, en: Helsinki}", "location: {fi: Lontoo, en: London}")
    assert parse_events(text, "data/events.yml", LOCALES, CITY_ZONES)[1] == []


@pytest.mark.parametrize("written,zone", [("BST", "Europe/London"), ("GMT", "Europe/London"),
                                          ("EET", "Europe/Helsinki"), ("EEST", "Europe/Helsinki")])
def test_a_clocks_abbreviation_is_told_its_zone(written, zone):
    text = VALID_EVENT.replace("timezone: Europe/Helsinki", f"timezone: {written}")
    (line, field, message), = [(p.line, p.field, p.message) for p in parse_events(text, "data/events.yml", LOCALES, CITY_ZONES)[1]]
    assert message.endswith(f"{written} is the name of a clock, not of a zone: write {zone}; the site keeps summer "
                            "and winter time itself")


def test_a_second_party_for_a_city_is_told_to_be_other():
    """Session 34b: a London company written city: london stood among the parties to the declaration."""
    text = PARTNER + """\
  - id: test-partner
    name: {fi: Testikumppani, en: Test Partner Ltd}
    city: london
    url: https://www.example.org/
  - id: gla
    name: {fi: GLA, en: GLA}
    city: london
    url: https://www.london.gov.uk/
"""
    assert partner_problems(text) == [(12, "partners[id=gla].city", (
        "test-partner is already the party to the declaration for london, and the Partners page lists every partner "
        "of city: london among the parties, who were one body for each city: a partner that works with the cities is "
        "city: other"))]


def test_a_web_address_in_a_text_is_told_to_go_in_url():
    """Session 34b: "Register at www.eventbrite.co.uk/e/…" reached the card, the calendar and the
    open data as text no reader could follow."""
    text = VALID_EVENT + "    description:\n      fi: Ilmoittaudu sivulla https://example.org/ilmo.\n      en: Register at www.eventbrite.co.uk/e/test-meetup\n"
    assert events_problems(text) == [
        (9, "events[id=ai-ethics-2019].description.fi", "'https://example.org/ilmo' is a web address, which the site "
         "shows in this text as plain text, not as a link: give the page in url: (the card links it), and say here in "
         "words where to find more"),
        (10, "events[id=ai-ethics-2019].description.en", "'www.eventbrite.co.uk/e/test-meetup' is a web address, which "
         "the site shows in this text as plain text, not as a link: give the page in url: (the card links it), and say "
         "here in words where to find more")]
    fine = VALID_EVENT + "    description:\n      fi: Lisätietoa Helsingin kaupungin sivuilla.\n      en: Contact info@example.org.\n"
    assert events_problems(fine) == []


def test_an_address_without_www_and_a_city_with_an_invisible_character_are_found():
    """Hunt 34d: "eventbrite.co.uk/e/123456789" and "Lon\\u00addon" passed the first forms of the checks."""
    text = VALID_EVENT.replace("location: {fi: Helsinki, en: Helsinki}", 'location: {fi: "Lon\\u00addoo", en: "Lon\\u00addon, City Hall"}')
    text += "    description:\n      fi: Ilmoittaudu sivulla eventbrite.co.uk/e/123456789 5.5. mennessä.\n      en: Built with Node.js/Deno.\n"
    problems = [(p.field, p.message[:40]) for p in parse_events(text, "data/events.yml", LOCALES, CITY_ZONES)[1]]
    assert problems == [("events[id=ai-ethics-2019].description.fi", "'eventbrite.co.uk/e/123456789' is a web "),
                        ("events[id=ai-ethics-2019].timezone", "the location names London, but the times")]


@pytest.mark.parametrize("times,expected", [
    ("start: 2027-05-12T00:00\n    end: 2027-05-12T23:59", "start: 2027-05-12 and no end"),
    ("start: 2027-05-12T00:00\n    end: 2027-05-14T00:00", "start: 2027-05-12 and end: 2027-05-13"),
])
def test_an_event_from_midnight_to_midnight_is_told_to_be_written_as_dates(times, expected):
    """Session 34b: 00:00–23:59 was shown as "00:00–23:59 (London) · 12 May, 02:00 – 13 May, 01:59 (Helsinki)"."""
    text = VALID_EVENT.replace("start: 2019-04-25T09:30\n    end: 2019-04-25T16:00", times)
    (line, field, message), = events_problems(text)
    assert (line, field) == (4, "events[id=ai-ethics-2019].start") and f"write the dates alone, {expected}," in message


@pytest.mark.parametrize("location,zone,told", [
    # Session 34e: Finnish inflects a city's name at its end.
    ("{fi: Helsingissä ja Lontoossa, en: Online}", "Europe/Helsinki", False),
    ("{fi: Helsingin keskustakirjasto Oodi, en: Oodi Central Library}", "Europe/London", True),
])
def test_a_city_is_found_in_its_finnish_forms(location, zone, told):
    text = VALID_EVENT.replace("location: {fi: Helsinki, en: Helsinki}", f"location: {location}").replace(
        "timezone: Europe/Helsinki", f"timezone: {zone}")
    problems = parse_events(text, "data/events.yml", LOCALES, CITY_ZONES)[1]
    assert bool(problems) == told, problems
