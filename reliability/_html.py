"""HTML view of a profile: the article with its evidence highlighted, a legend, the table.

Used by ``ReliabilityProfile._repr_html_``, so a profile shows itself in Jupyter.
Every piece of text that comes from the article or the model (title, body, outlet,
url, byline, evidence kinds, signal names, model name) goes through
:func:`html.escape` with quotes escaped; the only markup is ours, and the only
colours are from the fixed palette below. An article can never inject markup.

Evidence spans may overlap (one phrase can be both a vague attribution and a
hedge): the text is cut at every span boundary, and each piece is marked with the
colour of the first signal covering it, underlined in the colour of a second one,
with every covering signal and kind in its tooltip. No evidence is dropped.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from ._format import score_text

if TYPE_CHECKING:
    from .profile import ReliabilityProfile, SignalScore

#: Background colours for evidence, light enough for dark text; cycled by signal order.
PALETTE = (
    "#fde68a",
    "#bfdbfe",
    "#fecaca",
    "#bbf7d0",
    "#e9d5ff",
    "#fed7aa",
    "#a5f3fc",
    "#fbcfe8",
    "#d9f99d",
    "#c7d2fe",
    "#fef08a",
    "#99f6e4",
    "#fda4af",
    "#ddd6fe",
    "#e5e7eb",
)

_Span = tuple[int, int, str, str]  # start, end, signal, kind


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def signal_colours(names: Iterable[str]) -> dict[str, str]:
    """A colour for each signal: by position in SIGNAL_NAMES, so it is the same everywhere."""
    from .signals import SIGNAL_NAMES

    order = {name: i for i, name in enumerate(SIGNAL_NAMES)}
    out: dict[str, str] = {}
    extra = len(SIGNAL_NAMES)
    for name in names:
        if name not in order:
            order[name] = extra
            extra += 1
        out[name] = PALETTE[order[name] % len(PALETTE)]
    return out


def highlight(text: str, spans: Iterable[_Span], colours: Mapping[str, str]) -> str:
    """``text`` escaped, with every evidence span marked; overlapping spans are all kept.

    The text is cut at each span boundary; a piece covered by one or more spans
    becomes one ``<mark>`` coloured by the first covering signal in ``colours``'
    order (underlined by the second), whose tooltip lists every covering signal and
    kind. Spans outside the text, or of signals without a colour, are ignored.
    """
    valid = sorted(
        {
            (s, e, sig, kind)
            for s, e, sig, kind in spans
            if 0 <= s < e <= len(text) and sig in colours
        },
        key=lambda x: (x[0], x[1], x[2], x[3]),
    )
    if not valid:
        return _e(text)
    rank = {name: i for i, name in enumerate(colours)}
    cuts = sorted({0, len(text), *(s for s, *_ in valid), *(e for _, e, *_ in valid)})
    out: list[str] = []
    active: list[_Span] = []
    nxt = 0
    for left, right in itertools.pairwise(cuts):
        active = [sp for sp in active if sp[1] > left]
        while nxt < len(valid) and valid[nxt][0] == left:
            active.append(valid[nxt])
            nxt += 1
        piece = _e(text[left:right])
        if not active:
            out.append(piece)
            continue
        signals = sorted({sp[2] for sp in active}, key=rank.__getitem__)
        style = f"background:{colours[signals[0]]};color:#111;padding:0 1px;border-radius:2px"
        if len(signals) > 1:
            style += f";box-shadow:inset 0 -3px 0 {colours[signals[1]]}"
        tip = "\n".join(dict.fromkeys(f"{sp[2]}: {sp[3]}" for sp in active))
        out.append(f'<mark style="{style}" title="{_e(tip)}">{piece}</mark>')
    return "".join(out)


def _number(value: float | None, fmt: str) -> str:
    return "—" if value is None else format(value, fmt)


def _table(profile: ReliabilityProfile, colours: Mapping[str, str]) -> str:
    from .signals import DESCRIPTIONS

    ranked: list[SignalScore] = sorted(
        profile.signals.values(), key=lambda s: (-abs(s.contribution), s.name)
    )
    cell = 'style="padding:2px 8px;text-align:right"'
    left = 'style="padding:2px 8px;text-align:left"'
    rows = []
    for s in ranked:
        swatch = (
            f'<span style="display:inline-block;width:0.9em;height:0.9em;'
            f'background:{colours[s.name]};border-radius:2px;margin-right:4px"></span>'
        )
        rows.append(
            f'<tr><td {left} title="{_e(DESCRIPTIONS.get(s.name, ""))}">{swatch}{_e(s.name)}</td>'
            f"<td {cell}>{_number(s.value, '.3g')}</td><td {cell}>{s.weight:+.2f}</td>"
            f"<td {cell}>{s.contribution:+.3f}</td><td {cell}>{s.points:+.2f}</td>"
            f"<td {cell}>{len(s.evidence)}</td></tr>"
        )
    rows.append(
        f"<tr><td {left}><i>base (intercept)</i></td><td {cell}></td><td {cell}></td>"
        f"<td {cell}>{profile.intercept:+.3f}</td><td {cell}>{profile.base:.2f}</td>"
        f"<td {cell}></td></tr>"
    )
    rows.append(
        f"<tr><td {left}><b>score</b></td><td {cell}></td><td {cell}></td>"
        f"<td {cell}><b>{profile.linear:+.3f}</b></td><td {cell}><b>{profile.score:.2f}</b></td>"
        f"<td {cell}></td></tr>"
    )
    head = "".join(
        f"<th {cell if i else left}>{h}</th>"
        for i, h in enumerate(("signal", "value", "weight", "log-odds", "points", "evidence"))
    )
    return (
        '<table style="border-collapse:collapse;font-size:0.9em;margin-top:0.6em">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _legend(counts: Mapping[str, int], colours: Mapping[str, str]) -> str:
    from .signals import DESCRIPTIONS

    if not counts:
        return '<p style="margin:0.4em 0"><i>No evidence spans in this article.</i></p>'
    items = "".join(
        f'<span title="{_e(DESCRIPTIONS.get(name, ""))}" style="display:inline-block;'
        f'margin:0 10px 4px 0;white-space:nowrap"><mark style="background:{colours[name]};'
        f'color:#111;padding:0 4px;border-radius:2px">{_e(name)}</mark> {n}</span>'
        for name, n in counts.items()
    )
    return f'<div style="margin:0.4em 0;font-size:0.9em">{items}</div>'


def profile_html(profile: ReliabilityProfile) -> str:
    """The profile as a self-contained HTML fragment (inline styles only, no script)."""
    colours = signal_colours(profile.signals)
    art = profile.article
    title = art.title or ""
    body_spans: list[_Span] = []
    title_spans: list[_Span] = []
    counts: dict[str, int] = {}
    for name, sig in profile.signals.items():
        for ev in sig.evidence:
            target, spans = (title, title_spans) if ev.field == "title" else (art.text, body_spans)
            if 0 <= ev.start < ev.end <= len(target):
                spans.append((ev.start, ev.end, name, ev.kind))
                counts[name] = counts.get(name, 0) + 1
    heading = highlight(title, title_spans, colours) if title else "<i>(no title)</i>"
    meta = " · ".join(
        f"{label} {_e(value)}"
        for label, value in (("outlet", art.outlet), ("by", art.byline), ("url", art.url))
        if value
    )
    band_colour = {"low": "#b91c1c", "mixed": "#92400e", "high": "#166534"}.get(
        profile.band, "#374151"
    )
    return (
        '<div class="reliability-profile" style="line-height:1.5;max-width:56em">'
        f'<div style="font-size:1.15em;font-weight:600;margin-bottom:0.2em">{heading}</div>'
        + (f'<div style="font-size:0.85em;opacity:0.75">{meta}</div>' if meta else "")
        + f'<div style="margin:0.4em 0"><b>Score {score_text(profile.score)}/100</b> '
        f'<span style="color:{band_colour};font-weight:600">({_e(profile.band)})</span> · '
        f"model {_e(profile.model)} · base {profile.base:.1f} plus the points below</div>"
        + _legend({k: counts[k] for k in profile.signals if k in counts}, colours)
        + '<div style="white-space:pre-wrap;border-left:3px solid #d1d5db;padding:0.3em 0.8em;'
        f'margin:0.4em 0">{highlight(art.text, body_spans, colours)}</div>'
        + _table(profile, colours)
        + '<div style="font-size:0.8em;opacity:0.7;margin-top:0.3em">Hover over a highlight '
        "to see which signal found it. The score describes this text's habits, not whether "
        "it is true.</div></div>"
    )
