"""Golden behaviour of the boilerplate family on texts we wrote (no data needed).

Each furniture category has a leaked line that must go, with its category, and
the hard negatives (real prose about cookies, privacy or newsletters, a
dateline, a short last paragraph, a bullet list) must stay.
"""

from __future__ import annotations

import json
import math
import re
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reliability import clean
from reliability.document import Document
from reliability.signals import boilerplate
from reliability.signals._boilerplate_features import (
    BINNED_FEATURES,
    CORE_DISTANCE_CAP,
    DENSE_FEATURES,
    SPAN_BASE,
    SpanRows,
    _sure_prose,
    best_segment,
    core_span,
    first_strong_segment,
    guarded,
    line_info,
    line_model_names,
    shape,
    stamp_cut,
    wall_cut,
)
from reliability.signals.boilerplate import CATEGORIES, classify_lines, line_logits

from ..conftest import load_script

ARTICLE = [
    "The regional council voted on Tuesday to extend the night bus service to the three "
    "villages north of the river, after a year-long trial that carried more riders than "
    "planners had expected.",
    "Council leader Marta Lind said the extension would cost about 1.2 million euros a "
    "year and would be paid for from the transport budget, not from new fees.",
    "“People told us the last bus at eleven was the reason they did not take jobs in town,” "
    "Lind told reporters after the vote. “We listened.”",
    "Opposition members backed the plan but asked for a review of the timetable after six "
    "months, saying some stops were served only once an hour.",
    "The first extended services will run from the beginning of March.",
]


def body(*extra_before: str, after: tuple[str, ...] = ()) -> str:
    """Our article with leaked lines before and after it, one paragraph per line."""
    return "\n\n".join([*extra_before, *ARTICLE, *after]) + "\n"


def removed(text: str) -> list[tuple[str, str]]:
    """(line, category) of every line clean() removes."""
    return [(r.text, r.category) for r in clean(text).removed]


def paragraphs(text: str) -> list[str]:
    """The non-blank lines of a text."""
    return [ln for ln in text.split("\n") if ln.strip()]


def test_clean_article_loses_nothing() -> None:
    text = body()
    c = clean(text)
    assert c.removed == ()
    assert c.text == text


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("Your email address will not be published. Required fields are marked *", "comment_form"),
        ("Leave a Reply", "comment_form"),
        ("You must be logged in to post a comment.", "comment_form"),
        (
            "Vela is a next generation WordPress theme with dozens of layouts, a page builder and "
            "everything a growing blog needs to win new readers.",
            "theme_ad",
        ),
        ("Proudly powered by WordPress | Theme by Example Studio", "theme_ad"),
        ("Share this:", "share_prompt"),
        ("16.8k SHARES SHARE THIS STORY", "share_prompt"),
        ("Follow us on Facebook", "share_prompt"),
        (
            "Sign up for our newsletter to get the latest news delivered to your inbox.",
            "newsletter",
        ),
        (
            "We use cookies to improve your experience. By continuing to use this site you "
            "agree to our cookie policy. Accept all cookies",
            "cookie_notice",
        ),
        ("Related articles", "related_links"),
        ("You may also like", "related_links"),
        ("Advertisement", "advertisement"),
        ("Sponsored: This 1 weird trick cuts your energy bill in half", "advertisement"),
        ("© 2026 Example Media Ltd. All rights reserved.", "copyright"),
        ("Privacy Policy | Terms of Use | Contact Us", "copyright"),
        ("About the author", "author_bio"),
        ("Skip to main content", "navigation"),
        ("Home » News » Local", "navigation"),
    ],
)
def test_each_category_in_a_leaked_tail_is_removed(line: str, category: str) -> None:
    text = body(after=(line,))
    assert removed(text) == [(line, category)]


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("Photo by Anna Berg / Getty Images", "image_credit"),
        ("By Jane Roe | Published March 3, 2026 at 9:41 am", "byline"),
        ("Home » News » Local", "navigation"),
        ("Advertisement", "advertisement"),
    ],
)
def test_furniture_in_a_leaked_head_is_removed(line: str, category: str) -> None:
    text = body(line)
    assert removed(text) == [(line, category)]


def test_comment_form_and_theme_ad_tail_goes_exactly() -> None:
    # the issue-2 case: an article ends with a comment-form line and a theme blurb
    form = "Your email address will not be published. Required fields are marked *"
    theme = (
        "Zenit is a powerful WordPress theme. Drag-and-drop blocks, lightning-fast pages and "
        "built-in newsletter forms help you grow your site’s audience."
    )
    text = body(after=(form, theme))
    c = clean(text)
    assert [(r.text, r.category) for r in c.removed] == [
        (form, "comment_form"),
        (theme, "theme_ad"),
    ]
    assert paragraphs(c.text) == ARTICLE
    # each removed line goes with its line break; the rest is kept byte for byte
    joined = "\n".join([*ARTICLE, form, theme])
    assert clean(joined).text == "\n".join(ARTICLE) + "\n"
    signal = boilerplate.extract(Document(text))["boilerplate_leakage"]
    assert [e.kind for e in signal.evidence] == ["comment_form", "theme_ad"]
    assert signal.details["lines_comment_form"] == 1
    assert signal.details["lines_theme_ad"] == 1
    assert 0 < (signal.value or 0) < 0.5


def test_a_whole_leaked_tail_goes_with_the_article_kept() -> None:
    tail = (
        "Share this:",
        "Facebook",
        "Twitter",
        "Related articles",
        "Bus drivers vote to accept new contract",
        "Bridge repairs to close river road for a week",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "© 2026 Example Media Ltd. All rights reserved.",
    )
    text = body("Home", "Local news", after=tail)
    c = clean(text)
    assert paragraphs(c.text) == ARTICLE
    assert [r.text for r in c.removed] == ["Home", "Local news", *tail]
    assert {r.category for r in c.removed} >= {"share_prompt", "related_links", "comment_form"}


def test_a_comment_thread_below_a_short_article_goes() -> None:
    # the comments are longer prose than the article itself: the article's core is the
    # first sure run of prose, not the heaviest one
    comments = (
        "14 comments",
        "Leave a Reply",
        "Anna K. says:",
        "I take the night bus every week and it is always full after eleven, so this is long "
        "overdue. I just hope the drivers get a fair deal out of it as well.",
        "Tom Berg says:",
        "Another million euros from the transport budget while the roads in our village have "
        "not been repaired for years. Who decided this, and why were we not asked?",
        "Lisa says:",
        "My son works late shifts at the hospital and has been taking taxis home because there "
        "was no other way. This will save our family a lot of money every month.",
        "Peter Holm says:",
        "Great news for the northern villages, but the timetable still looks thin on Sundays, "
        "when most of the restaurant staff finish work after midnight.",
    )
    text = "\n\n".join([*ARTICLE[:2], *comments])
    c = clean(text)
    assert paragraphs(c.text) == ARTICLE[:2]
    # one category for the whole thread, even where a comment says "home"
    assert removed(text) == [(line, "comment_form") for line in comments]


# --- hard negatives ------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        # an article that quotes a privacy policy
        "The company's privacy policy, updated in January, says it will “share personal data "
        "with partners for advertising purposes”, a clause the regulator called too vague.",
        # a real paragraph about cookies
        "Regulators said the site had placed tracking cookies on visitors' browsers before "
        "asking for consent, and that its cookie banner made refusing harder than accepting.",
        # a real paragraph about newsletters and subscriptions
        "The paper said digital subscriptions rose by 12 percent last year, helped by free "
        "newsletters that readers can sign up for without paying.",
        # a paragraph that mentions sharing and comments
        "Thousands of users shared the video on social media, and the mayor's office said it "
        "would not comment until the police had finished their inquiry.",
        # a paragraph about a reporter, in the words of an author box's bio
        "Anna Berg, who is a former reporter for the Harbour Ledger, told the council that "
        "the night buses had been late on most evenings of the trial year.",
    ],
)
def test_prose_about_furniture_topics_stays(paragraph: str) -> None:
    text = "\n\n".join([ARTICLE[0], paragraph, *ARTICLE[1:]])
    assert removed(text) == []


def test_one_line_dateline_stays() -> None:
    text = body("BRUSSELS, March 3 (Reuters) -")
    assert removed(text) == []


def test_dateline_under_a_title_stays() -> None:
    text = body("Night buses to reach northern villages", "KYIV, Ukraine —")
    assert removed(text) == []


def test_title_line_of_a_clean_article_stays() -> None:
    text = body("Night buses to reach northern villages from March")
    assert removed(text) == []


def test_short_real_last_paragraph_stays() -> None:
    text = body(after=("The council will meet again in June.",))
    assert removed(text) == []


def test_short_last_paragraph_stays_before_a_leaked_tail() -> None:
    last = "The council will meet again in June."
    text = body(after=(last, "Share this:", "Leave a Reply"))
    assert [t for t, _ in removed(text)] == ["Share this:", "Leave a Reply"]


@pytest.mark.parametrize("rule", ["______", "* * *", "---", "%"])
def test_a_wordless_rule_at_the_articles_edge_stays(rule: str) -> None:
    # a rule between the article and its leaked tail, or over the article, says
    # nothing of which side it belongs to: it goes only with furniture on both sides
    tail = ("Share this:", "Leave a Reply")
    text = body(rule, after=(rule, *tail))
    assert [t for t, _ in removed(text)] == list(tail)
    assert paragraphs(clean(text).text) == [rule, *ARTICLE, rule]


@pytest.mark.parametrize("rule", ["______", "* * *"])
def test_a_wordless_rule_between_furniture_lines_goes(rule: str) -> None:
    tail = ("Share this:", rule, "Leave a Reply", "You must be logged in to post a comment.")
    text = body("Home » News » Local", rule, after=tail)
    assert [t for t, _ in removed(text)] == ["Home » News » Local", *tail]
    assert paragraphs(clean(text).text) == [rule, *ARTICLE]


def test_one_paragraph_article_stays() -> None:
    text = ARTICLE[0] + "\n"
    assert removed(text) == []
    assert removed("Talks resumed on Monday.") == []


def test_short_bullet_points_inside_an_article_stay() -> None:
    bullets = [
        "- Night buses every 30 minutes",
        "- Three new stops in Ostby",
        "- Free transfers to the tram",
        "- Service from 1 March",
    ]
    text = "\n\n".join([*ARTICLE[:2], "The plan includes:", *bullets, *ARTICLE[2:]])
    assert removed(text) == []


#: Class names, an icon ligature and template keys that a scrape of the markup left.
MARKUP_RESIDUE = (
    "sidebar-wide-and-up",
    "nav-drawer-open",
    "tablet-portrait-only",
    "chevron_right_small",
    "share_url_mail",
)


def test_markup_residue_in_a_leaked_tail_goes() -> None:
    text = body(after=MARKUP_RESIDUE)
    assert [t for t, _ in removed(text)] == list(MARKUP_RESIDUE)


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        *((name, True) for name in MARKUP_RESIDUE),
        ("e-bikes", False),  # one hyphen: a word an article's list may hold
        ("COVID-19", False),
        ("2019-11-19", False),
        ("03-5829-8082", False),
        ("state of the art", False),
        ("Share-this-story", False),
    ],
)
def test_identifier_feature_flags_machine_names_only(line: str, flagged: bool) -> None:
    info = line_info(Document(line))
    assert info.features[0][DENSE_FEATURES.index("identifier")] == float(flagged)


#: A "more from us" box of our own: headline, author, date and lede, four times.
TEASERS = (
    "Harbour ferry fares to rise in the spring",
    "Ines Moreau",
    "Monday March 2, 2026",
    "Operators say fuel costs have doubled since the contracts were signed, and that the "
    "smaller routes can no longer pay for themselves.",
    "New library opens its doors after six years",
    "Tom Okafor",
    "Monday March 2, 2026",
    "The building on the old market square cost twice what the town first planned and "
    "still has no lift to its upper floor.",
    "School meals contract goes to a local firm",
    "Ines Moreau",
    "Sunday March 1, 2026",
    "Parents had asked for fresh food and fewer trucks, and the winning bid promised both "
    "at a price the board could accept.",
    "Storm damage closes the coast road again",
    "Ana Lindqvist",
    "Sunday March 1, 2026",
    "Engineers expect the repairs to take at least a month, and buses will follow the "
    "inland route until the road has been made safe.",
)


def _dated_run(lines: list[str] | tuple[str, ...]) -> list[bool]:
    return list(line_info(Document("\n".join(lines))).dated_run)


def test_a_dated_teaser_list_is_a_dated_run_and_the_article_is_not() -> None:
    assert _dated_run([*ARTICLE, *TEASERS]) == [False] * len(ARTICLE) + [True] * len(TEASERS)
    # three repeats are needed: two teasers are not a run
    assert not any(_dated_run([*ARTICLE, *TEASERS[:8]]))


def test_a_comment_thread_with_dates_is_a_dated_run() -> None:
    comments = []
    for name, day in (("harbourwatcher", 3), ("m.lind", 3), ("nightowl", 4), ("rider_22", 4)):
        comments += [
            f"{name} says:",
            f"March {day}, 2026 at 9:1{day} pm",
            "About time too, the last bus at eleven has kept half the village at home on "
            "weekend nights for years.",
        ]
    assert all(_dated_run(comments))


def test_a_dated_run_in_the_articles_words_stays() -> None:
    # an article's own dated entries, each telling more of the story, are a dated run
    # with article text under its first line
    items = []
    for title, day, text in (
        (
            "First night bus to the villages",
            "Monday March 2, 2026",
            "The council's first night bus left the river crossing at eleven and carried "
            "riders to the three villages, as the trial had planned.",
        ),
        (
            "Riders ask for a later night bus",
            "Monday March 9, 2026",
            "Riders from the villages told the council that a night bus at eleven was too "
            "early, and asked the council for a later service.",
        ),
        (
            "Council extends the night bus trial",
            "Monday March 16, 2026",
            "The council voted to extend the night bus trial to the villages north of the "
            "river, and Marta Lind said the riders had been heard.",
        ),
    ):
        items += [title, "Council transport office", day, text]
    lines = [*ARTICLE[:3], *items, *ARTICLE[3:]]
    assert _dated_run(lines)[3 : 3 + len(items)] == [True] * len(items)
    assert removed("\n\n".join(lines)) == []


@pytest.mark.parametrize(
    "lines",
    [
        # an article's timeline: a date over a sentence, every two lines
        [
            x
            for day, event in (
                ("March 2, 2026", "The council publishes the trial's first rider numbers."),
                ("March 9, 2026", "Villagers present a petition with 2,000 names to the mayor."),
                ("March 16, 2026", "The transport committee backs a longer night service."),
                ("March 23, 2026", "Opposition members ask for a review after six months."),
                ("March 30, 2026", "The full council votes the extension through."),
                ("April 6, 2026", "Operators start recruiting drivers for the new routes."),
            )
            for x in (day, event)
        ],
        # a list of people with a date, a name and a role, none of them long
        [
            x
            for day, name, role in (
                ("March 2, 2026", "Marta Lind", "Council leader"),
                ("March 3, 2026", "Piet Janssen", "Chair of the transport committee"),
                ("March 4, 2026", "Ana Lindqvist", "Spokeswoman for the bus operator"),
                ("March 5, 2026", "Tom Okafor", "Head of the riders' association"),
            )
            for x in (day, name, role)
        ],
    ],
)
def test_an_articles_dated_lists_are_not_dated_runs(lines: list[str]) -> None:
    text = [*ARTICLE[:2], *lines, *ARTICLE[2:]]
    assert not any(_dated_run(text))
    assert removed("\n\n".join(text)) == []


def test_a_dated_teaser_list_right_after_the_article_goes() -> None:
    # no heading over the box: the run's first line is the wall
    assert paragraphs(clean(body(after=TEASERS)).text) == ARTICLE
    assert paragraphs(clean(body(after=("More from the Courier", *TEASERS))).text) == ARTICLE


#: Pieces a property test strings together: whole teasers, article lines, furniture.
_PIECES = [list(TEASERS[:4]), list(TEASERS[4:8]), [ARTICLE[0]], [ARTICLE[4]], ["Share this:"]]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_dated_runs_come_in_blocks_of_seven_lines_or_more(pieces: list[list[str]]) -> None:
    # a run repeats a shape of p >= 3 lines at least three times and is flagged whole,
    # less the long lines at its start (at most p - 1: each repeat holds a short dated
    # line): a block of fewer than 2p + 1 >= 7 flagged lines cannot happen
    flags = _dated_run([line for piece in pieces for line in piece])
    block = 0
    for flagged in [*flags, False]:
        if flagged:
            block += 1
        else:
            assert block == 0 or block >= 7
            block = 0


def test_a_list_of_hyphenated_words_inside_an_article_stays() -> None:
    items = ["e-bikes", "cargo-bikes", "e-scooters"]
    text = "\n\n".join(
        [*ARTICLE[:2], "The scheme covers three kinds of vehicle:", *items, *ARTICLE[2:]]
    )
    assert removed(text) == []


#: A list announced by the article, items of one shape, ending it.
TIMETABLE = [
    "The night bus timetable from March:",
    "Mon-Thu: every 30 minutes until 1 am",
    "Fri: every 20 minutes until 3 am",
    "Sat: every 20 minutes until 3 am",
    "Sun: every hour until midnight",
    "Holidays: as on Sundays",
]


def test_a_list_that_ends_the_article_stays() -> None:
    # announced by the article, items of one shape, nothing after it
    text = "\n\n".join([*ARTICLE, *TIMETABLE])
    assert removed(text) == []


def test_a_list_that_ends_the_article_stays_before_a_leaked_tail() -> None:
    tail = ["Share this:", "Facebook", "Twitter", "Leave a Reply"]
    text = "\n\n".join([*ARTICLE, *TIMETABLE, *tail])
    assert [t for t, _ in removed(text)] == tail


def _guard_end(lines: list[str], last: int) -> int:
    """Where the guards move a span ``0..last`` of ``lines`` down to."""
    text = "\n".join(lines)
    info = line_info(Document(text))
    return guarded(text, info, shape(info, line_logits(info)), 0, last)[1]


def test_a_list_announced_by_the_spans_last_line_joins_it_whole() -> None:
    lines = [*ARTICLE, *TIMETABLE]
    colon = len(ARTICLE)  # "The night bus timetable from March:"
    assert _guard_end(lines, colon) == len(lines) - 1
    # the same items with no announcing colon do not join a span ending in prose
    assert _guard_end([*ARTICLE, *TIMETABLE[1:]], len(ARTICLE) - 1) == len(ARTICLE) - 1


#: A list whose items differ in length more than two neighbours of one list usually do.
SCHEDULE = [
    "The choir's spring concerts:",
    "April 4 -- St Mary's, Lowbridge",
    "April 11 -- The Corn Exchange and Market Hall, Lowbridge",
    "April 12 -- Town Hall, Easton",
    "April 18 -- The Old Chapel at Wenham Green, Wenham",
    "April 25 -- Library, Fordham",
    "May 2 -- St John's, Easton",
]


def test_a_span_ending_inside_an_announced_list_takes_the_rest_of_it() -> None:
    lines = [*ARTICLE, *SCHEDULE]
    inside = len(ARTICLE) + 3  # the span has the colon line and the first three items
    assert _guard_end(lines, inside) == len(lines) - 1
    # an item much shorter than the one before it still joins, beside the first item
    short = _guard_end(lines, len(ARTICLE) + 2)
    assert short == len(lines) - 1


def test_a_span_ending_inside_an_announced_list_stops_at_a_wall() -> None:
    lines = [*ARTICLE, *SCHEDULE[:4], "Share this:", *SCHEDULE[4:]]
    assert _guard_end(lines, len(ARTICLE) + 2) == len(ARTICLE) + 3


def test_items_without_an_announcing_colon_do_not_widen_the_span() -> None:
    lines = [*ARTICLE, "The choir's spring concerts.", *SCHEDULE[1:]]
    # the lines below the span only join as items of the list the span ends with
    end = _guard_end(lines, len(ARTICLE) + 2)
    assert end < len(lines) - 1


#: Stops of the extended service, under a heading without a colon.
STOPS = [
    "Night bus stops in the villages",
    "Hollin -- Church Street, 0:40",
    "Marsh End -- The Green, 0:52",
    "Upper Brook -- School Lane, 1:05",
    "Northby -- Station Road, 1:15",
]


def test_a_heading_in_the_articles_words_joins_the_span_with_its_list() -> None:
    lines = [*ARTICLE, *STOPS]
    assert _guard_end(lines, len(ARTICLE) - 1) == len(lines) - 1
    # the list stops at a wall
    walled = [*ARTICLE, *STOPS[:4], "Share this:", *STOPS[4:]]
    assert _guard_end(walled, len(ARTICLE) - 1) == len(ARTICLE) + 3


def test_a_heading_in_other_words_over_a_list_does_not_join_the_span() -> None:
    teasers = [
        "Next Up In Music",
        "Singer cancels summer shows after injury",
        "Festival lineup announced for August",
        "Jazz club to close after forty years",
        "Orchestra names its new conductor",
    ]
    assert _guard_end([*ARTICLE, *teasers], len(ARTICLE) - 1) == len(ARTICLE) - 1
    # nor does a heading over fewer than three items
    assert _guard_end([*ARTICLE, *STOPS[:3]], len(ARTICLE) - 1) == len(ARTICLE) - 1


#: A short article whose walk stops above a list of one-word names (at line 2, the
#: heading in its words); the article goes on under the list.
VILLAGES = [
    "The regional council voted on Tuesday to extend the night bus service to five "
    "villages north of the river, after a year-long trial that carried more riders than "
    "planners had expected.",
    "Council leader Marta Lind said the night bus extension would cost about 1.2 million "
    "euros a year, paid from the transport budget.",
    "The new night bus stops",
    "Aldbury",
    "Brenton",
    "Colham",
    "Dunmere",
    "Eastwick",
    "Riders in the five villages will be able to take the night bus from the river "
    "crossing until two in the morning, the council said on Tuesday.",
    "Lind said that the council would review the night bus timetable after the first six "
    "months, and that it would publish the rider numbers for each of the villages so that "
    "people could see how the service was used.",
]


def test_two_sure_paragraphs_in_the_articles_words_below_the_span_join_it() -> None:
    text = "\n\n".join([*VILLAGES, "Share this:", "Leave a Reply"]) + "\n"
    assert paragraphs(clean(text).text) == VILLAGES
    assert _guard_end(VILLAGES, 2) == len(VILLAGES) - 1


def test_sure_paragraphs_below_the_span_do_not_join_it_under_a_wall() -> None:
    walled = [*VILLAGES[:3], "Related articles", *VILLAGES[3:]]
    assert _guard_end(walled, 2) == 2
    text = "\n\n".join(walled) + "\n"
    assert paragraphs(clean(text).text) == VILLAGES[:3]


def test_sure_paragraphs_below_the_span_in_other_words_or_alone_do_not_join_it() -> None:
    other = [
        "The visiting side scored twice in the second half to win the cup final, and their "
        "captain was named the best player of a tournament that had been full of surprises.",
        "Supporters of both clubs filled the old stadium on the hill for the first time in "
        "a decade, and the police said that the evening had passed without any trouble.",
    ]
    assert _guard_end([*VILLAGES[:-2], *other], 2) == 2
    assert _guard_end(VILLAGES[:-1], 2) == 2


def test_an_announced_list_stops_at_a_wall() -> None:
    lines = [*ARTICLE, TIMETABLE[0], "Share this:", *TIMETABLE[1:]]
    assert _guard_end(lines, len(ARTICLE)) == len(ARTICLE)


@pytest.mark.parametrize(
    "label", ["Advertisement", "ADVERTISEMENT", "Anzeige", "Story continues below advertisement"]
)
def test_ad_slots_between_paragraphs_go_and_the_paragraphs_stay(label: str) -> None:
    lines = [ARTICLE[0], label, ARTICLE[1], ARTICLE[2], label, ARTICLE[3], ARTICLE[4]]
    assert removed("\n\n".join(lines)) == [(label, "advertisement"), (label, "advertisement")]


def test_a_one_word_heading_about_advertising_is_not_a_slot() -> None:
    # the slot rule reads a bare label, not a line that mentions ads
    line = "Advertising on buses will pay for part of the extension, the council said."
    info = line_info(Document("\n".join([ARTICLE[0], "Advertisement", line])))
    assert info.slot == (False, True, False)


def _walls(lines: list[str]) -> list[bool]:
    info = line_info(Document("\n".join(lines)))
    return list(shape(info, line_logits(info)).wall)


def test_a_short_heading_that_opens_with_a_box_phrase_is_a_wall() -> None:
    # the phrase covers less than half of each line: a wall only because it opens it
    headings = [
        "Next Up In Science & Health",
        "Trending in Entertainment",
        "More from Science",
        "Share your thoughts",
        "Related coverage from the Harbour Ledger money desk:",  # eight words
        "Sign up for the Harbour Ledger weekly digest",
    ]
    assert _walls(headings) == [True] * len(headings)


def test_a_sentence_or_another_kind_of_phrase_at_the_start_is_no_wall() -> None:
    lines = [
        "Related reporting from the council meeting is below.",  # ends like a sentence
        "Popular pressure on the council grew through the summer as fares rose again",  # long
        "Photo by Anna Berg, taken at the depot",  # an image credit does not open a box
        "Read more about how the council will pay for it",  # ten words: too long for a box
    ]
    assert _walls(lines) == [False, False, False, False]


def test_teasers_under_an_eight_word_box_heading_go() -> None:
    teasers = (
        "Related coverage from the Harbour Ledger money desk:",
        "How to read your first council tax bill",
        "What the new ferry fares mean for commuters",
        "Five ways to cut your heating costs this winter",
        "Why the harbour levy is going up again",
    )
    assert paragraphs(clean(body(after=teasers)).text) == ARTICLE


def test_a_subheading_that_opens_with_a_box_phrase_keeps_the_paragraphs_under_it() -> None:
    for heading in ("Latest figures", "Popular support"):
        lines = [*ARTICLE[:3], heading, *ARTICLE[3:]]
        assert removed("\n\n".join(lines)) == []


#: More of the report, under subheadings that open with furniture phrases.
SECOND_PART = [
    "Latest figures",
    "The night bus service carried 41,000 riders in the trial year, the council said, "
    "and the transport budget covers the extension without new fees.",
    "Share of riders from the villages",
    "About a third of the night bus riders lived in the three villages, Lind said.",
]


def test_a_subheading_over_a_paragraph_in_the_articles_words_joins_the_span() -> None:
    lines = [*ARTICLE, *SECOND_PART]
    assert _guard_end(lines, len(ARTICLE) - 1) == len(lines) - 1
    text = "\n\n".join(lines)
    assert removed(text) == []


def test_a_teaser_heading_over_a_sentence_in_other_words_does_not_join() -> None:
    teaser = [
        "More from Science",
        "Astronomers spot a comet that will pass close to Mars next spring.",
    ]
    assert _guard_end([*ARTICLE, *teaser], len(ARTICLE) - 1) == len(ARTICLE) - 1
    # nor does a heading over a line that is no sentence
    listed = ["Latest figures", "41,000 riders | 3 villages | 1.2 million euros"]
    assert _guard_end([*ARTICLE, *listed], len(ARTICLE) - 1) == len(ARTICLE) - 1


#: A report whose first part a photo gallery cuts off from the rest.
GALLERY = ["Photo: Anna Berg", "Image 1 of 4", "Caption", "Close", "Back to Gallery"]
FIRST_PART = [
    "LOWBRIDGE — The night buses will run to the villages from March.",
    "The regional council voted on Tuesday to extend the service to the three villages "
    "north of the river, after a year-long trial that carried more riders than planners "
    "had expected.",
    "The vote was not close.",
    "Members of every group on the council said that the trial had shown how many people "
    "in the villages had been kept from jobs and evening classes in town by the last bus.",
    "The council's own survey of riders, published in January, found that two in five of "
    "them had no car and that most of the others shared one with the rest of the family.",
]


def _guard_start(lines: list[str], first: int) -> int:
    """Where the guards move a span ``first..end`` of ``lines`` up to."""
    text = "\n".join(lines)
    info = line_info(Document(text))
    return guarded(text, info, shape(info, line_logits(info)), first, len(lines) - 1)[0]


def test_the_first_part_of_a_report_cut_off_by_a_gallery_joins_it_whole() -> None:
    head = ["Home", "News", "Local", "By Jane Roe", "Updated 9:41 am, March 3, 2026"]
    lines = [*head, *FIRST_PART, *GALLERY, *ARTICLE]
    start = _guard_start(lines, len(head) + len(FIRST_PART) + len(GALLERY))
    # the short sentences of the first part join with it; the furniture above does not
    assert start == len(head)


def test_sentences_above_a_span_do_not_join_it_on_their_own() -> None:
    # without sure prose above the span, nothing is pulled in
    lines = ["Home", "It passed easily.", *ARTICLE]
    assert _guard_start(lines, 2) == 2


def test_a_table_between_paragraphs_stays() -> None:
    table = ["Route", "Riders", "N1", "1,240", "N2", "980", "N3", "615"]
    text = "\n".join([*ARTICLE[:2], *table, *ARTICLE[2:]])
    assert removed(text) == []


# --- contract and invariants ------------------------------------------------------------


def test_classify_lines_labels_every_line() -> None:
    text = body(after=("Share this:",))
    doc = Document(text)
    labels = classify_lines(doc)
    assert [text[lb.span.start : lb.span.end] for lb in labels] == [text[s:e] for s, e in doc.lines]
    assert [lb.boilerplate for lb in labels] == [False] * len(ARTICLE) + [True]
    assert all(0.0 <= lb.score <= 1.0 for lb in labels)
    assert labels[-1].category == "share_prompt"
    assert not labels[-1].in_span


def test_empty_and_blank_text() -> None:
    assert clean("").removed == ()
    assert clean("  \n\n ").text == "  \n\n "
    value = boilerplate.extract(Document(""))["boilerplate_leakage"].value
    assert value == 0.0


def test_categories_are_known() -> None:
    text = body(
        "Skip to main content",
        after=("Share this:", "Related articles", "Advertisement", "© 2026 Example Media"),
    )
    assert {c for _, c in removed(text)} <= set(CATEGORIES)


def test_ten_megabytes_complete_with_sane_output() -> None:
    # one very long article (its paragraphs numbered, so that no line repeats) with a
    # leaked head and tail: the furniture goes and every paragraph stays
    count = 10_000_000 // 150
    paras = [f"{ARTICLE[i % len(ARTICLE)]} (Part {i}.)" for i in range(count)]
    text = "\n\n".join(["Home", *paras, "Share this:", "Leave a Reply"]) + "\n"
    c = clean(text)
    assert len(text) >= 10_000_000
    assert [r.text for r in c.removed] == ["Home", "Share this:", "Leave a Reply"]
    assert paragraphs(c.text) == paras
    assert all(text[r.start : r.end] == r.text for r in c.removed)


def test_core_is_the_first_run_that_weighs_enough() -> None:
    # log-odds of furniture: an article (three sure lines), a wall, then a heavier block
    logits = [-5.0, -5.0, -5.0, 6.0, 6.0, -5.0, -5.0, -5.0, -5.0]
    # each line weighs -(logit + 2): the article 9, the wall -16, the later block 12
    assert first_strong_segment(logits, bias=2.0, share=0.7) == (0, 2)
    assert first_strong_segment(logits, bias=2.0, share=0.8) == (5, 8)
    assert first_strong_segment(logits, bias=2.0, share=1.0) == best_segment(logits, bias=2.0)
    # no line leans to article: the one that leans least, as best_segment does
    assert first_strong_segment([3.0, 1.0, 4.0], bias=2.0, share=0.7) == (1, 1)
    assert first_strong_segment([], bias=2.0, share=0.7) == (-1, -1)


def test_distance_from_the_core_stops_counting_at_the_cap() -> None:
    # the tail model weighs distance towards the article; past the cap it adds nothing,
    # so a long run of furniture far below the core can still end the walk
    below = [f"Harbour notice {k}" for k in range(1, 41)]
    doc = Document("\n\n".join([*ARTICLE, *below]))
    info = line_info(doc)
    sh = shape(info, line_logits(info))
    core = core_span(sh)
    assert core[0] == 0
    assert core[1] < len(ARTICLE)
    rows = SpanRows(info, sh, core)
    at = SPAN_BASE.index("log_core_distance")
    distance = [rows.row(i)[at] for i in range(core[1] + 1, len(info.spans))]
    assert len(distance) > CORE_DISTANCE_CAP + 10
    assert distance[4] == pytest.approx(math.log1p(5))
    far = distance[CORE_DISTANCE_CAP - 1]
    assert far == pytest.approx(math.log1p(CORE_DISTANCE_CAP))
    assert distance[CORE_DISTANCE_CAP:] == [far] * (len(distance) - CORE_DISTANCE_CAP)
    assert distance == sorted(distance)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(-10, 10), max_size=30), st.floats(0, 3))
def test_heaviest_segment_is_the_core_with_share_one(logits: list[float], bias: float) -> None:
    def weight(span: tuple[int, int]) -> float:
        return sum(-max(-8.0, min(8.0, z + bias)) for z in logits[span[0] : span[1] + 1])

    got = first_strong_segment(logits, bias=bias, share=1.0)
    want = best_segment(logits, bias=bias)
    assert got[0] <= got[1]
    if logits:
        assert weight(got) == pytest.approx(weight(want))


def test_line_model_weights_are_readable() -> None:
    data = json.loads(
        files("reliability").joinpath("weights", "boilerplate.json").read_text(encoding="utf-8")
    )
    line = data["line"]
    assert set(line["bins"]) == set(BINNED_FEATURES)
    for edges in line["bins"].values():
        assert edges == sorted(set(edges))
    assert tuple(line["features"]) == line_model_names(line["bins"])
    for f in line["features"].values():
        assert set(f) == {"weight", "mean", "scale"}
        assert f["scale"] > 0


_LINE_END = re.compile(r"\r\n|\r|\n")

_LINE = st.one_of(
    st.sampled_from([*ARTICLE, "Share this:", "Leave a Reply", "Advertisement", "", "   "]),
    st.text(max_size=60),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINE, max_size=12), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_clean_removes_whole_lines_and_keeps_the_rest(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    c = clean(text)
    for r in c.removed:
        assert text[r.start : r.end] == r.text
        assert r.category in CATEGORIES
    # what is kept plus what is removed gives back every non-blank line (lines end at
    # \n, \r\n or \r, as clean() reads them)
    kept = [ln.strip() for ln in _LINE_END.split(c.text) if ln.strip()]
    gone = [r.text for r in c.removed]
    original = [ln.strip() for ln in _LINE_END.split(text) if ln.strip()]
    assert sorted(kept + gone) == sorted(original)
    assert len(c.text) <= len(text)


def test_use_weights_reads_another_file_and_none_restores_the_packaged_one(
    tmp_path: Path,
) -> None:
    text = "The council met on Tuesday and approved the plan.\n" * 3 + "Leave a Reply"
    packaged = [(lb.boilerplate, lb.score) for lb in classify_lines(Document(text))]
    raw = json.loads(files("reliability").joinpath("weights", "boilerplate.json").read_text())
    # a line model that calls every line furniture, whatever it looks like
    raw["line"]["intercept"] = 1e6
    other = tmp_path / "boilerplate.json"
    other.write_text(json.dumps(raw), encoding="utf-8")
    try:
        boilerplate.use_weights(other)
        # the line model's own verdict: furniture, sure, on every line
        assert all(lb.score > 0.999 for lb in classify_lines(Document(text)))
    finally:
        boilerplate.use_weights(None)
    assert [(lb.boilerplate, lb.score) for lb in classify_lines(Document(text))] == packaged
    assert [b for b, _ in packaged] == [False, False, False, True]


def test_each_regime_reads_its_own_biases_and_one_bias_serves_both(tmp_path: Path) -> None:
    raw = json.loads(files("reliability").joinpath("weights", "boilerplate.json").read_text())
    raw["head"]["bias"], raw["head"]["dump_bias"] = -0.5, -2.0
    raw["tail"]["bias"], raw["tail"]["dump_bias"] = 0.0, -1.5
    both = tmp_path / "both.json"
    both.write_text(json.dumps(raw), encoding="utf-8")
    del raw["head"]["dump_bias"], raw["tail"]["dump_bias"]
    one = tmp_path / "one.json"
    one.write_text(json.dumps(raw), encoding="utf-8")
    try:
        boilerplate.use_weights(both)
        model = boilerplate._model()
        assert (model.head_bias, model.tail_bias) == ((-0.5, -2.0), (0.0, -1.5))
        boilerplate.use_weights(one)
        model = boilerplate._model()
        assert (model.head_bias, model.tail_bias) == ((-0.5, -0.5), (0.0, 0.0))
    finally:
        boilerplate.use_weights(None)
    packaged = json.loads(files("reliability").joinpath("weights", "boilerplate.json").read_text())
    assert packaged["format"] == "reliability.boilerplate/5"
    assert {"bias", "dump_bias"} <= set(packaged["head"]) & set(packaged["tail"])


def test_the_subheading_stress_test_counts_what_is_lost() -> None:
    risk = load_script("subheading_risk")
    tail = ("Share this:", "Leave a Reply", "© 2026 Example Media Ltd. All rights reserved.")
    article = (*ARTICLE, SECOND_PART[1], SECOND_PART[3])  # six lines or more
    lines = (*article, *tail)
    gold = (*[False] * len(article), *[True] * len(tail))
    assert risk.lost(lines, gold) == 0
    # a furniture line the gold counted as article is one article line lost
    assert risk.lost(lines, (*gold[:-1], False)) == 1
    out = risk.stress([risk.Page("p", "https://example.org/a", lines, gold)])
    assert out["texts"] == len(risk.HEADINGS) * len(risk.PLACES)
    # every text counted as losing lines lost at least one
    assert out["lines_lost"] >= out["texts_losing"]
    assert out["bare_losing"] == out["bare_lost"] == 0


#: A site's menu: ten short lines above the article make the text read as a whole dump.
MENU = [
    "Home",
    "News",
    "Local",
    "World",
    "Business",
    "Sport",
    "Culture",
    "Opinion",
    "Weather",
    "Podcasts",
]
#: Teasers for other stories under a box heading, each a sentence in other words.
NEXT_UP = [
    "Next Up In Local News",
    "Harbour ferry timetable changes from Monday.",
    "Library extends opening hours for exam season.",
    "School meals contract goes to new supplier.",
    "Two new cycle lanes open in the old town.",
]
#: More of the article, in its own words, under a box set inside it.
MORE = [
    "Lind said the night bus extension would be reviewed by the council after the first year "
    "of service.",
    "The villages north of the river have asked for a later bus since the trial began, the "
    "council said.",
]


def test_teasers_under_a_box_heading_below_the_article_go_from_a_whole_dump() -> None:
    # the lenient walk of a whole dump crosses the teasers (sentences, like the article's
    # own last lines); nothing under the box heading is in the article's words
    text = "\n\n".join([*MENU, *ARTICLE, *NEXT_UP])
    assert [t for t, _ in removed(text)] == [*MENU, *NEXT_UP]


def test_the_article_under_a_box_set_inside_it_stays() -> None:
    box = [
        "Related articles",
        "Bus drivers vote to accept new contract",
        "Bridge repairs to close river road for a week",
    ]
    text = "\n\n".join([*ARTICLE[:3], *box, *ARTICLE[3:], *MORE])
    kept = paragraphs(clean(text).text)
    assert [p for p in kept if p not in box] == [*ARTICLE, *MORE]


def _cut(lines: list[str]) -> int:
    """Where :func:`wall_cut` ends a span ``0..`` the last of ``lines``."""
    info = line_info(Document("\n".join(lines)))
    sh = shape(info, line_logits(info))
    return wall_cut(info, sh, core_span(sh), 0, len(lines) - 1)


def test_wall_cut_ends_the_span_above_a_wall_with_nothing_of_the_article_under_it() -> None:
    assert _cut([*ARTICLE, *NEXT_UP]) == len(ARTICLE) - 1


def test_wall_cut_keeps_what_follows_a_box_in_the_articles_words() -> None:
    lines = [*ARTICLE, "Related articles", "Bus drivers vote to accept new contract", *MORE]
    assert _cut(lines) == len(lines) - 1


def test_wall_cut_takes_a_paragraph_of_sure_prose_as_the_article_going_on() -> None:
    # a long paragraph in other words than the span's: the article goes on
    other = (
        "Separately, the harbour authority confirmed on Wednesday that the dredging of the "
        "inner basin, which was postponed twice last year because of storms, will start in "
        "April and last about six weeks, and that ferry operators expect only minor delays."
    )
    lines = [*ARTICLE, "Share this:", other]
    assert _cut(lines) == len(lines) - 1
    # the same paragraph cut short to a teaser's length does not count
    assert (
        _cut([*ARTICLE, "Share this:", "Dredging of the inner basin starts in April."])
        == len(ARTICLE) - 1
    )


def test_wall_cut_counts_nothing_under_a_comment_form() -> None:
    # comments share the article's words, and read as prose
    comments = [
        "The night bus extension is good news for the villages, but the council should "
        "publish the timetable review before March.",
        "I take the night bus from the river stops every week and the last bus at eleven "
        "was always a problem for shift workers.",
    ]
    lines = [*ARTICLE, "Leave a Reply", *comments]
    assert _cut(lines) == len(ARTICLE) - 1


def test_wall_cut_passes_a_photo_credit() -> None:
    # a wall of photo-credit phrases over a short sentence in new words, which is no
    # article text to the cut: a credit ends nothing, a share bar in its place does
    credit = "Photo credit: Getty Images"
    under = "Dredging of the inner basin starts in April."
    info = line_info(Document(credit))
    assert shape(info, line_logits(info)).wall[0]
    assert _cut([*ARTICLE, credit, under]) == len(ARTICLE) + 1
    assert _cut([*ARTICLE, "Share this:", under]) == len(ARTICLE) - 1


#: Lines to build texts from: the article's paragraphs, walls of several kinds, teasers.
_POOL = [
    *ARTICLE,
    *MORE,
    *NEXT_UP,
    "Related articles",
    "Leave a Reply",
    "Photo credit: Getty Images",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_POOL), min_size=1, max_size=14))
def test_wall_cut_ends_the_span_at_the_core_end_its_last_line_or_above_a_wall(
    lines: list[str],
) -> None:
    info = line_info(Document("\n".join(lines)))
    sh = shape(info, line_logits(info))
    core = core_span(sh)
    if core[0] < 0:
        return
    last = len(lines) - 1
    cut = wall_cut(info, sh, core, core[0], last)
    assert core[1] <= cut <= last
    assert cut == last or sh.wall[cut + 1]


TITLE = "Night buses to reach northern villages"
STAMP = "Updated 9:14 pm CST, Friday, March 6, 2026"


def _start(lines: list[str]) -> int:
    """Where :func:`stamp_cut` starts a span ``0..`` the last of ``lines``."""
    text = "\n".join(lines)
    info = line_info(Document(text))
    sh = shape(info, line_logits(info))
    return stamp_cut(text, info, sh, 0, len(lines) - 1)


@pytest.mark.parametrize(
    "header",
    [
        [TITLE, STAMP],
        [TITLE, "Posted on March 6, 2026 by Admin"],
        ["Menu", TITLE, "By Jane Roe", "6 March 2026 | 9:14 am"],
        # a caption and the photo's credit under the headline
        [
            TITLE,
            "Passengers wait for the late bus at the depot in Lind on Monday evening.",
            "Photo: Jane Roe/Harbour Ledger",
        ],
    ],
)
def test_stamp_cut_starts_the_span_under_the_headers_stamp_or_credit(header: list[str]) -> None:
    assert _start([*header, *ARTICLE]) == len(header)


@pytest.mark.parametrize(
    "lines",
    [
        # a stamp under the article's first paragraph is not the header's
        [ARTICLE[0], STAMP, *ARTICLE[1:]],
        # a dateline is the article's
        ["BRUSSELS, March 3 (Reuters) -", *ARTICLE],
        # a dated list at the top is the article's
        [
            "March 3: night buses start on the north line",
            "March 10: the river line follows",
            "March 17: the last villages join",
            *ARTICLE,
        ],
        # a stamp deeper than the header
        ["Menu", "News", "Local", "Transport", "Villages", STAMP, *ARTICLE],
    ],
)
def test_stamp_cut_leaves_the_span_where_no_header_ends_at_its_top(lines: list[str]) -> None:
    assert _start(lines) == 0


def test_caption_and_credit_above_the_article_are_removed() -> None:
    # the caption reads as prose, so the walk takes it and the title guard the headline
    caption = (
        "Passengers wait for the late bus at the depot in Lind on Monday evening, a week "
        "before the vote."
    )
    credit = "Photo: Jane Roe/Harbour Ledger"
    text = body(TITLE, caption, credit)
    assert [line for line, _ in removed(text)] == [TITLE, caption, credit]
    assert removed(text)[-1] == (credit, "image_credit")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from([*_POOL, TITLE, STAMP, "Photo: Jane Roe"]), min_size=1, max_size=12)
)
def test_stamp_cut_never_passes_sure_prose_or_the_span_end(lines: list[str]) -> None:
    text = "\n".join(lines)
    info = line_info(Document(text))
    sh = shape(info, line_logits(info))
    last = len(lines) - 1
    start = stamp_cut(text, info, sh, 0, last)
    assert 0 <= start <= max(0, last)
    assert not any(_sure_prose(info, sh, k) for k in range(start))


@pytest.mark.parametrize(
    ("line", "dated"),
    [
        ("Posted on 6 Maret 2026 by Admin", True),  # Indonesian
        ("Gepubliceerd op 6 maart 2026", True),  # Dutch
        ("Текст: Анна Петрова · 6 марта 2026", True),  # Russian, genitive
        ("Март был тёплым и сухим", False),  # a month without a number next to it
        ("The council meets in March to vote", False),
    ],
)
def test_dates_are_read_in_the_listed_languages(line: str, dated: bool) -> None:
    info = line_info(Document(line))
    assert bool(info.features[0][DENSE_FEATURES.index("has_date")]) is dated


def test_related_headlines_on_the_articles_topic_go_with_their_wall() -> None:
    # the headlines share the article's words, but none ends with a full stop: under
    # the wall they are not the article going on
    box = [
        "You may also like...",
        "Will the night bus reach the villages north of the river?",
        "Night bus trial carried more riders than planners expected",
        "Council leader Marta Lind defends the transport budget",
        "Opposition asks for a review of the night bus timetable",
    ]
    assert [line for line, _ in removed(body(after=tuple(box)))] == box


def test_the_article_going_on_under_a_wall_ends_with_full_stops() -> None:
    box = ["Related articles", "Night bus trial carried more riders than planners expected"]
    text = "\n\n".join([*ARTICLE[:3], *box, *ARTICLE[3:]])
    kept = paragraphs(clean(text).text)
    assert [p for p in kept if p not in box] == ARTICLE


@pytest.mark.parametrize(
    ("line", "statement"),
    [
        ("The first extended services will run from March.", True),
        ("“We listened.”", True),
        ("村のバスは三月から走る。", True),
        ("Will the night bus reach the villages?", False),
        ("Night bus trial carried more riders than expected", False),
        ("Night bus trial carried more riders than expected, a...", False),
        ("Night bus trial carried more riders than expected…", False),
    ],
)
def test_a_statement_ends_with_a_full_stop(line: str, statement: bool) -> None:
    assert line_info(Document(line)).statement == (statement,)
