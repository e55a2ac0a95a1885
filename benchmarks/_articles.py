"""Generated news articles for benchmarks: seeded, varied, with realistic proportions.

Real news copy is mostly plain statements; about one sentence in six attributes a claim,
one in ten carries a direct quote, some give figures, a few hedge. The generator mixes
sentence shapes in those proportions over a vocabulary of a few thousand combinations,
so that per-word caches and lexicon look-ups see something like real text, not one
sentence repeated. Every article is written from a seed: the same seed, the same text.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

#: Ten sentences of plain reporting with a few cues among them (a named and an
#: anonymous source, a quote, a hedge, a vague attribution): the fixed sentence mix the
#: family benchmarks (attribution, tone, boilerplate) draw their articles from.
REPORTING = [
    "The minister said the plan would be put to parliament in the spring.",
    "Officials said the talks had made progress but that no deal had been reached.",
    "“We are not there yet,” said Anna Berg, the union's chief negotiator.",
    "Critics argue the proposal could cost more than the government admits.",
    "A senior official, who spoke on condition of anonymity, said the budget was not final.",
    "Cargo volumes fell by 61 percent last week, according to the statistics office.",
    "The company may face fines, though it is unclear when a decision will come.",
    "In a dramatic turn, the council reversed its decision on Monday.",
    "Residents have complained about road closures in previous years.",
    "The report will be published on the commission's website next month.",
]


def paragraphs(rng: random.Random, words: int, sentences: Sequence[str]) -> list[str]:
    """Paragraphs of two to four sentences drawn from ``sentences``, about ``words`` words."""
    out: list[str] = []
    count = 0
    while count < words:
        para = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 4)))
        out.append(para)
        count += len(para.split())
    return out


def _pool(words: str, sep: str = "|") -> list[str]:
    """Entries of a ``sep``-separated list, whitespace (line breaks too) folded."""
    return [" ".join(w.split()) for w in words.split(sep) if w]


FIRST = """Anna Maria Jonas Lena Tomas Ines Marek Sofia Pieter Yusuf Keiko Rosa Dmitri Aisha
Lars Chiara Omar Greta Pablo Nadia Felix Hanna Ivan Leila Noor Emil Clara Rafael Mina
Oskar""".split()
LAST = """Berg Okafor Lindqvist Haddad Almeida Kovac Zupan Raman Eriksen Sorensen Mikkelsen
Fischer Novak Costa Moreau Jansen Ruiz Nakamura Petrov Silva Weber Horvat Brandt Keller
Ahmed Nilsson Rossi Dubois Varga Meyer""".split()
ROLES = _pool("""finance minister|interior minister|city councillor|chief executive|union
negotiator|harbour master|health commissioner|mayor|senior economist|party leader|school
principal|police chief|court spokesperson|trade envoy|board chair""")
ORGS = _pool("""the Port Authority|the city council|the health ministry|the central bank|the
transport agency|the water utility|the regional court|the teachers' union|the statistics
office|the fire service|the housing board|the energy regulator""")
PLACES = _pool("""Marlow|Eastbay|Kestrel Bay|Lowmoor|Tern Valley|the harbour district|the old
town|the northern suburbs|the river port|the airport""")
NOUNS = _pool("""budget|plan|strike|contract|report|inquiry|project|tax|subsidy|ferry
service|bridge|hospital|school|rail line|housing scheme|water supply|power grid|court
case|election|ceasefire|trade deal|audit|pension reform|bus network|flood barrier""")
VERBS = _pool("""approved|rejected|delayed|announced|reviewed|expanded|cut|postponed|funded|
suspended|extended|criticised|defended|published|revised""")
ADJ = _pool("""new|revised|long-awaited|disputed|costly|regional|temporary|national|draft|
final|interim|annual""")
TIME = _pool("""on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|last week|this month|
in March|in the spring|after a long debate|late on Sunday|earlier this year""")
SPEECH = _pool("said|told reporters|said in a statement|wrote in a letter|added|noted|confirmed")
HEDGE = _pool("could|may|might|is likely to|appears to|is expected to")
OUTCOMES = _pool("""take effect next year|cost more than planned|need parliamentary approval|be
challenged in court|go to a public vote|save several million euros|reduce waiting
times|affect thousands of residents""")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _sentence(rng: random.Random) -> str:
    shape = rng.random()
    org, noun, adj = rng.choice(ORGS), rng.choice(NOUNS), rng.choice(ADJ)
    verb, time, place = rng.choice(VERBS), rng.choice(TIME), rng.choice(PLACES)
    lead = org[0].upper() + org[1:]
    if shape < 0.45:  # plain statement
        return rng.choice(
            [
                f"{lead} {verb} the {adj} {noun} {time}.",
                f"The {noun} in {place} was {verb} {time}, the third change this year.",
                f"Work on the {adj} {noun} began in {place} {time} and is due to end in 2027.",
                f"Residents of {place} have waited years for the {noun}.",
                f"The decision follows months of talks between {org} and local groups.",
            ]
        )
    if shape < 0.60:  # attributed statement
        role = rng.choice(ROLES)
        return rng.choice(
            [
                f"The {noun} will {rng.choice(OUTCOMES)}, {role} {_name(rng)} "
                f"{rng.choice(SPEECH)}.",
                f"{_name(rng)}, the {role}, {rng.choice(SPEECH)} the {noun} was on schedule.",
                f"According to {org}, the {noun} will {rng.choice(OUTCOMES)}.",
                f"Officials said the {adj} {noun} had been {verb} {time}.",
            ]
        )
    if shape < 0.70:  # direct quote
        return (
            f"“We have {verb} the {noun} because the numbers did not add up,” said "
            f"{_name(rng)}, the {rng.choice(ROLES)}."
        )
    if shape < 0.85:  # figures
        n, pct = rng.randint(2, 950), rng.randint(2, 60)
        return rng.choice(
            [
                f"The {noun} will cost {n} million euros, {pct} percent more than first planned.",
                f"About {n * 10} people in {place} are affected, according to {org}.",
                f"Figures published {time} show a rise of {pct} percent since 2021.",
            ]
        )
    if shape < 0.93:  # hedged
        return f"The {adj} {noun} {rng.choice(HEDGE)} {rng.choice(OUTCOMES)}."
    return rng.choice(
        [
            f"Critics argue the {noun} was rushed.",
            f"A senior official, who spoke on condition of anonymity, said the {noun} would "
            f"be {verb}.",
            f"It was not clear when the {noun} would be {verb}.",
            f"The {noun} is the largest of its kind in the region.",
        ]
    )


def article(words: int, seed: int) -> dict[str, str]:
    """A generated article of about ``words`` words: title, paragraphs of 1-3 sentences."""
    rng = random.Random(seed)
    paras: list[str] = []
    count = 0
    while count < words:
        para = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
        paras.append(para)
        count += len(para.split())
    noun = rng.choice(NOUNS)
    title = (
        f"{rng.choice(ORGS)[4:].capitalize()} {rng.choice(VERBS)} {noun} in {rng.choice(PLACES)}"
    )
    return {"title": title, "text": "\n\n".join(paras), "outlet": "example.org"}
