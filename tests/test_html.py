"""The HTML view of a profile: evidence highlighted, legend, table, and nothing injectable."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from reliability import Evidence, ReliabilityProfile, score
from reliability._html import highlight, profile_html, signal_colours

from .conftest import golden

ALLOWED_TAGS = {"div", "span", "mark", "b", "i", "table", "thead", "tbody", "tr", "th", "td"}
ALLOWED_ATTRS = {"class", "style", "title"}

HOSTILE_TEXT = (
    'Critics say the <script>alert("x")</script> plan failed. '
    "</mark></div><img src=x onerror=alert(1)> "
    "\" onmouseover=\"alert(2)\" ' onfocus='alert(3)' & more, "
    "Sources say <b>bold</b> claims &amp; entities like &lt; are text."
)
HOSTILE_TITLE = '<img src=x onerror="alert(4)"> Shocking truth </mark>!'
HOSTILE_KIND = '"><script>alert(5)</script><mark title="'


class Collector(HTMLParser):
    """Every tag with its attributes, and the text inside the article body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.depth = 0
        self.body_depth: int | None = None
        self.body: list[str] = []
        self.marked: list[str] = []
        self.in_mark = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.depth += 1
        style = dict(attrs).get("style") or ""
        if tag == "div" and "pre-wrap" in style:
            self.body_depth = self.depth
        if tag == "mark" and self.body_depth is not None:
            self.in_mark += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self.in_mark:
            self.in_mark -= 1
        if self.body_depth == self.depth and tag == "div":
            self.body_depth = None
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.body_depth is not None:
            self.body.append(data)
            if self.in_mark:
                self.marked.append(data)


def hostile_profile() -> ReliabilityProfile:
    p = score(
        {
            "title": HOSTILE_TITLE,
            "text": HOSTILE_TEXT,
            "outlet": "<b>Evil & Co</b>",
            "url": 'javascript:alert(6)//"><script>',
            "byline": "</div><script>alert(7)</script>",
        }
    )
    text = p.article.text
    start = text.index("</mark>")
    planted = Evidence(start, start + len("</mark>"), "</mark>", HOSTILE_KIND)
    hedging = p.signals["hedging"]
    signals = dict(p.signals)
    signals["hedging"] = dataclasses.replace(hedging, evidence=(*hedging.evidence, planted))
    return dataclasses.replace(p, signals=signals, model='<svg onload="alert(8)">', band="<i>")


def test_hostile_input_cannot_inject_markup() -> None:
    page = hostile_profile()._repr_html_()
    parser = Collector()
    parser.feed(page)
    parser.close()
    tags = {tag for tag, _ in parser.tags}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    for tag, attrs in parser.tags:
        assert set(attrs) <= ALLOWED_ATTRS, (tag, attrs)
        style = attrs.get("style") or ""
        assert "javascript" not in style
        assert "url(" not in style
        assert "expression" not in style
    assert "<script" not in page
    assert "<img" not in page
    assert "<svg" not in page
    # the body's text comes back exactly, hostile characters and all
    assert "".join(parser.body) == HOSTILE_TEXT
    # the planted evidence is highlighted, its hostile kind only in a tooltip
    assert "</mark>" in parser.marked
    tips = [a.get("title") or "" for t, a in parser.tags if t == "mark"]
    assert any(HOSTILE_KIND in tip for tip in tips)


def test_hostile_title_and_metadata_are_text() -> None:
    page_text: list[str] = []

    class AllText(HTMLParser):
        def handle_data(self, data: str) -> None:
            page_text.append(data)

    every = AllText(convert_charrefs=True)
    every.feed(hostile_profile()._repr_html_())
    joined = "".join(page_text)
    assert "Shocking truth </mark>!" in joined
    assert "<b>Evil & Co</b>" in joined
    assert "</div><script>alert(7)</script>" in joined
    assert '<svg onload="alert(8)">' in joined


def test_every_evidence_span_is_highlighted_with_its_signal_colour() -> None:
    title, _, body = golden("leaky_tail.txt").partition("\n")
    p = score({"title": title, "text": body})
    page = p._repr_html_()
    parser = Collector()
    parser.feed(page)
    assert "".join(parser.body) == p.article.text
    marked = "".join(parser.marked)
    colours = signal_colours(p.signals)
    for name, sig in p.signals.items():
        for ev in sig.evidence:
            if ev.field == "text":
                assert ev.text in marked or all(w in marked for w in ev.text.split())
            assert colours[name] in page
    # legend: each signal with evidence, with its count
    for name, sig in p.signals.items():
        if sig.evidence:
            assert f">{name}</mark> {len(sig.evidence)}</span>" in page


def test_the_table_has_a_row_per_signal_and_adds_up() -> None:
    p = score(golden("careful.txt"))
    page = p._repr_html_()
    rows = page.count("<tr>")
    assert rows == 1 + len(p.signals) + 2  # header, signals, base, score
    assert f"<b>{p.score:.2f}</b>" in page
    assert f"{p.base:.2f}" in page


def test_overlapping_spans_keep_every_signal() -> None:
    text = "Critics say it may well fail."
    colours = {"vague_attribution": "#111111", "hedging": "#222222"}
    spans = [(0, 11, "vague_attribution", "vague"), (9, 18, "hedging", "may")]
    out = highlight(text, spans, colours)
    parser = Collector()
    parser.feed(f'<div style="white-space:pre-wrap">{out}</div>')
    assert "".join(parser.body) == text
    marks = [a for t, a in parser.tags if t == "mark"]
    assert len(marks) == 3  # "Critics s", "ay", " it may w" ... cut at every boundary
    both = [
        m
        for m in marks
        if "vague_attribution" in (m["title"] or "") and "hedging" in (m["title"] or "")
    ]
    assert len(both) == 1
    assert "#111111" in (both[0]["style"] or "")
    assert "#222222" in (both[0]["style"] or "")
    assert "".join(parser.marked) == text[0:18]


def test_spans_outside_the_text_are_ignored() -> None:
    out = highlight("short", [(2, 99, "hedging", "x"), (3, 3, "hedging", "y")], {"hedging": "#fff"})
    assert out == "short"


def test_profile_without_title_or_evidence_still_renders() -> None:
    p = score("The council met on Monday and approved the budget.")
    empty = {name: dataclasses.replace(s, evidence=()) for name, s in p.signals.items()}
    page = profile_html(dataclasses.replace(p, signals=empty))
    assert "(no title)" in page
    assert "No evidence spans" in page


@given(
    text=st.text(alphabet=st.sampled_from(list("ab <>&\"'/=\n;#x")), max_size=60),
    raw_spans=st.lists(
        st.tuples(
            st.integers(-3, 65),
            st.integers(-3, 65),
            st.sampled_from(["s1", "s2", "s3"]),
            st.text(alphabet=st.sampled_from(list("k<>\"'&")), max_size=6),
        ),
        max_size=8,
    ),
)
@settings(max_examples=150, deadline=None)
def test_highlight_returns_the_exact_text_with_only_marks(
    text: str, raw_spans: list[tuple[int, int, str, str]]
) -> None:
    colours = {"s1": "#111111", "s2": "#222222", "s3": "#333333"}
    out = highlight(text, raw_spans, colours)
    parser = Collector()
    parser.feed(f'<div style="white-space:pre-wrap">{out}</div>')
    parser.close()
    assert "".join(parser.body) == text
    assert {tag for tag, _ in parser.tags} <= {"div", "mark"}
    # every character inside a valid span is inside a mark, and nothing else is
    covered = {i for s, e, _, _ in raw_spans if 0 <= s < e <= len(text) for i in range(s, e)}
    assert len("".join(parser.marked)) == len(covered)


def test_title_evidence_is_highlighted_in_the_heading() -> None:
    p = score({"title": "You Won't Believe This Shocking Secret!", "text": "The council met."})
    title_evidence = [e for s in p.signals.values() for e in s.evidence if e.field == "title"]
    assert title_evidence
    heading = p._repr_html_().split("<b>Score", 1)[0]
    parser = Collector()
    parser.feed(f'<div style="white-space:pre-wrap">{heading}</div>')
    marked = "".join(parser.marked)
    for ev in title_evidence:
        assert ev.text in marked or all(w in marked for w in ev.text.split())
