"""Same input, same output: across processes started fresh (spawn), and in any order."""

from __future__ import annotations

import json
import multiprocessing as mp

from reliability import score

from ..conftest import golden

TEXTS = [golden("leaky_tail.txt"), golden("careful.txt"), "Officials said it may rain. ‘Quote’"]


def _profiles(texts: list[str]) -> list[str]:
    return [json.dumps(score(t).to_dict(), sort_keys=True) for t in texts]


def test_spawned_workers_give_identical_profiles() -> None:
    here = _profiles(TEXTS)
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as pool:
        there = pool.map(_profiles, [TEXTS, list(reversed(TEXTS))])
    assert there[0] == here
    assert there[1] == list(reversed(here))


def test_order_of_scoring_does_not_matter() -> None:
    forward = _profiles(TEXTS)
    backward = _profiles(list(reversed(TEXTS)))
    assert forward == list(reversed(backward))
