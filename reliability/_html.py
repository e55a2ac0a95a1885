"""HTML view of a profile: the article with evidence highlighted, and the table.

Every piece of article text goes through :func:`html.escape`, so an article can
never inject markup into a notebook.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .profile import Evidence, ReliabilityProfile

_COLOURS = (
    "#fde68a",
    "#bfdbfe",
    "#fecaca",
    "#bbf7d0",
    "#e9d5ff",
    "#fed7aa",
    "#a5f3fc",
    "#fbcfe8",
    "#d9f99d",
    "#e5e7eb",
    "#c7d2fe",
)


def _highlight(text: str, spans: list[tuple[Evidence, str, str]]) -> str:
    """Escape ``text`` and wrap non-overlapping evidence spans in <mark>."""
    out: list[str] = []
    pos = 0
    for ev, signal, colour in sorted(spans, key=lambda x: (x[0].start, -x[0].end)):
        if ev.start < pos:
            continue  # overlapping evidence: the first one wins
        out.append(html.escape(text[pos : ev.start]))
        out.append(
            f'<mark style="background:{colour}" title="{html.escape(signal)}: '
            f'{html.escape(ev.kind)}">{html.escape(text[ev.start : ev.end])}</mark>'
        )
        pos = ev.end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def profile_html(profile: ReliabilityProfile) -> str:
    """The profile as a self-contained HTML fragment."""
    colours = {name: _COLOURS[i % len(_COLOURS)] for i, name in enumerate(profile.signals)}
    body_spans: list[tuple[Evidence, str, str]] = []
    title_spans: list[tuple[Evidence, str, str]] = []
    for name, sig in profile.signals.items():
        for ev in sig.evidence:
            (title_spans if ev.field == "title" else body_spans).append((ev, name, colours[name]))
    title = profile.article.title or ""
    rows = "".join(
        f'<tr><td><span style="background:{colours[s.name]}">&nbsp;&nbsp;</span> '
        f"{html.escape(s.name)}</td><td>{'' if s.value is None else f'{s.value:.3g}'}</td>"
        f"<td>{s.weight:.2f}</td><td>{s.contribution:+.3f}</td><td>{s.points:+.2f}</td>"
        f"<td>{len(s.evidence)}</td></tr>"
        for s in sorted(profile.signals.values(), key=lambda s: -abs(s.contribution))
    )
    text_html = _highlight(profile.article.text, body_spans).replace("\n", "<br>\n")
    return (
        '<div class="reliability-profile">'
        f"<h4>{_highlight(title, title_spans)}</h4>"
        f"<p><b>Score {profile.score:.1f}/100</b> ({html.escape(profile.band)}), "
        f"model {html.escape(profile.model)}</p>"
        "<table><thead><tr><th>signal</th><th>value</th><th>weight</th><th>contribution</th>"
        f"<th>points</th><th>evidence</th></tr></thead><tbody>{rows}</tbody></table>"
        f'<div style="white-space:normal;max-width:50em">{text_html}</div>'
        "</div>"
    )
