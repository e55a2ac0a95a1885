"""Plain-text explanation of a profile, for terminals and logs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._format import score_text

if TYPE_CHECKING:
    from .profile import ReliabilityProfile


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3g}"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def explain_text(profile: ReliabilityProfile, *, evidence_per_signal: int = 2) -> str:
    """A table of every signal: value, weight, contribution (log-odds and points), evidence."""
    title = profile.article.title or "(no title)"
    lines = [
        f"{_clip(title, 72)}",
        f"score {score_text(profile.score)}/100 ({profile.band}) · model {profile.model} · "
        f"base {profile.base:.1f} + points",
        "",
        f"{'signal':<22} {'value':>8} {'weight':>7} {'contrib':>8} {'points':>7}  evidence",
        f"{'-' * 22} {'-' * 8} {'-' * 7} {'-' * 8} {'-' * 7}  {'-' * 30}",
    ]
    ranked = sorted(profile.signals.values(), key=lambda s: (-abs(s.contribution), s.name))
    for s in ranked:
        shown = [f"“{_clip(e.text, 40)}”" for e in s.evidence[:evidence_per_signal]]
        more = len(s.evidence) - len(shown)
        if more > 0:
            shown.append(f"+{more} more")
        lines.append(
            f"{s.name:<22} {_fmt(s.value):>8} {s.weight:>7.2f} {s.contribution:>+8.3f} "
            f"{s.points:>+7.2f}  {'; '.join(shown)}"
        )
    lines.append(
        f"{'intercept':<22} {'':>8} {'':>7} {profile.intercept:>+8.3f} {profile.base:>7.2f}"
    )
    return "\n".join(lines)
