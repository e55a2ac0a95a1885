"""Attribution: who is speaking — named sources, anonymous ones, vague ones, and quotes.

Every speech cue (a reporting or cognition verb from ``speech_verbs``, or a
multiword cue such as "according to") is paired with its source, looked for where
English puts it:

* before the cue, as its subject ("Starmer said", "a senior EU diplomat said"),
  across auxiliaries, adverbs and time phrases ("has repeatedly argued", "on
  Thursday said"), across appositives and relative clauses ("the opposition
  leader, Anna Lind, said"; "a senior official, who spoke on condition of
  anonymity, said"; "officials who spoke on condition of anonymity said"), and
  through ", who" to its antecedent ("Rafael Quintero, who said ...");
* after the cue when the subject is inverted after a quote or a clause ("“...,”
  said Keir Starmer"; "the deal is dead, argued Zeynep Kaya"), after "according
  to", and after "by" in a passive ("as reported by The Harbour Ledger").

The source phrase is then classified by its head word; the rules, with examples,
are in ``docs/signals.md`` (section "Attribution"):

* **named** — a proper name ("Starmer", "NATO", "President Macron"); an
  organisation's spokesperson when the phrase names the organisation; an
  institution or document the phrase identifies ("the Interior Ministry", "the
  Hungarian government", "a report by the Kestrel Institute");
* **anonymous** — an unnamed person by role ("a senior EU diplomat", "sources",
  "two people familiar with the matter"), *explained* when the text says why the
  name is withheld (same sentence, or the next one) and *bare* otherwise;
* **vague** — an unspecified group ("critics", "some", "many experts") or an
  agentless passive ("it is widely believed");
* a **reference** back to someone already introduced — a pronoun, a title
  without a name ("the president"), an institution or spokesperson without a
  proper noun ("the ministry", "a spokesperson") — counts as none of these, but
  it does attribute a quote.

Cues are not attributions inside quotation marks (the speaker's own reported
speech), on headline-like lines, inside idioms ("that said", "easier said than
done"), as nouns ("his remarks", "the claims", "reports say"), negated, after a
modal or "to" ("would not say", "declined to say"), or in an agentless passive
("is said to be").

Direct quotes of four words or more are attributed when a cue with a source
shares their sentence, when a speaker and a colon introduce them, or when the
quote is its own sentence right after an attributed one in the same paragraph.

Everything works on the shared :class:`~reliability.document.Document` (tokens,
sentences, quotes, lexicon hits) with bounded walks of a dozen words or so around
each cue: no regular expression runs over the text here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from .. import _lexicon
from ..document import Document, Span
from ..profile import Signal
from ._common import evidence, per_words

SIGNALS = (
    "named_attribution",
    "anonymous_attribution",
    "anonymous_explained",
    "anonymous_bare",
    "vague_attribution",
    "anonymous_share",
    "unattributed_quotes",
)

# Kinds of source. The first four are counted; a reference attributes quotes only.
NAMED = "named"
EXPLAINED = "anonymous_explained"
BARE = "anonymous_bare"
VAGUE = "vague"
REFERENCE = "reference"
_ANON = "anonymous"  # before the reason check splits it into explained / bare
_NONE = ""

_BIG = 1 << 62
#: Fewest words for a quoted passage to count as a direct quote (shorter: scare quotes).
MIN_QUOTE_WORDS = 4
#: Longest line (in words) without final punctuation that is read as a headline.
HEADLINE_WORDS = 20

# --- closed word classes (grammar, not vocabulary) ---------------------------------------

_DEFINITE = frozenset("the this that these those his her their its our my your whose".split())
_INDEFINITE = frozenset("a an another".split())
_QUANT = frozenset(
    """some many several most few both all each every any no numerous multiple various
    other""".split()
)
_NUMBERS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve fifteen twenty
    dozen dozens hundreds thousands""".split()
)
_DETERMINERS = _DEFINITE | _INDEFINITE | _QUANT | _NUMBERS
#: Quantifiers that stand alone as a vague subject ("some say", "many believe").
_VAGUE_QUANT = frozenset("some many most others".split())
_QUANTIFIERS = _VAGUE_QUANT | _QUANT | _NUMBERS
#: Modifiers that make "figures" people rather than numbers ("senior figures").
_PERSON_FIGURES = frozenset(
    """senior leading top key prominent party political public opposition government
    industry establishment military""".split()
)
#: Words that mark an unnamed person outright ("an unnamed official").
_UNNAMED = frozenset("unnamed anonymous unidentified".split())
#: Prepositions that name the organisation behind a source, by kind of head.
_ORG_LINKS = frozenset("for of at from with".split())
_GROUP_LINKS = frozenset("at from with by".split())
_INSTITUTION_LINKS = frozenset("of for at in from".split())
_DOCUMENT_LINKS = frozenset("by from of for at".split())
_PRONOUNS = frozenset(
    """he she they it we i you him her them us me i've we've they've you've i'm we're
    they're you're he's she's it's i'd we'd they'd he'd she'd i'll we'll they'll he'll
    she'll""".split()
)
_NOBODY = frozenset(
    """nobody nothing none someone somebody anyone anybody no-one who'd who's who've who'll
    what's that's there's here's let's""".split()
)
_BE = frozenset("is are was were be been being am".split())
_HAVE = frozenset("has have had having".split())
_DO = frozenset("do does did".split())
_MODALS = frozenset("will would shall should can could may might must ought".split())
_NEG = frozenset("not never cannot".split())
_ADVERBS = frozenset(
    """also previously later repeatedly once recently reportedly publicly privately
    separately further then too already earlier long often always first initially
    subsequently now still again just only simply flatly explicitly openly strongly
    firmly angrily bluntly directly formally officially specifically clearly frequently
    consistently immediately quietly loudly repeatedly even""".split()
)
_TIME = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    tomorrow morning afternoon evening night week weekend month year""".split()
)
_TIME_LEAD = frozenset("on last this next early late earlier later".split())
_STOP = frozenset(
    """and or but nor yet so because since although though while whereas if unless until
    when whenever where wherever whether that which what how why as than however
    therefore thus meanwhile there here who whom""".split()
)
_RELATIVE = frozenset("who whom which".split())
#: Words that open a restrictive relative clause about a person ("an intermediary who'd met").
_WHO = frozenset("who whom who'd who's who've".split())
#: Prepositions that attach a complement to a source ("a spokesperson for ...").
_PREPS = frozenset("of for at with from in to on inside within near by about among under".split())
#: Participles that do the same ("close to", "familiar with", "briefed on").
_LINKS = frozenset("close familiar briefed involved knowledgeable knowledge aware privy".split())
_CONNECT = _PREPS | _LINKS
#: Words that open a parenthetical between a subject and its verb ("Becker, speaking
#: in Vienna, said"; "Lind, however, said").
_PAREN_START = frozenset(
    """who whom whose which speaking writing asked responding addressing interviewed
    reached contacted quoted talking in on at during after before for with from like
    unlike including however though too also meanwhile moreover nonetheless nevertheless
    separately similarly likewise instead then now again in""".split()
)
#: Abbreviations whose period stays inside a name ("Mr. Tanaka", "Lt. Col. Dana").
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj st jr sr rev hon
    pres supt insp det fr mt ft""".split()
)
#: Cues that take the listener, not the speaker, after them ("told Reuters"), and
#: cognition or report verbs that never invert ("believes Smith").
_NO_INVERSION = frozenset(
    """tell tells told telling urge urges urged believe believes believed think thinks
    thought fear fears feared estimate estimates estimated describe describes described
    allege alleges alleged reveal reveals revealed announce announces announced disclose
    discloses disclosed mention mentions mentioned indicate indicates indicated report
    reports reported deny denies denied testify testifies testified agree agrees
    speculate speculates speculated suggest suggests suggested predict predicts predicted
    predicting warning arguing claiming insisting suggesting""".split()
)
#: Cues that are not speech when "to" follows ("agreed to", "continued to", "claims to be").
_TO_NOT_SPEECH = frozenset(
    "agree agrees continue continues continued claim claims claimed claiming add adds added".split()
)
#: A determiner or similar word just before a cue makes it a noun ("the claims").
_NOUN_BEFORE = (
    _DEFINITE
    | _INDEFINITE
    | frozenset(
        "such any no new recent latest further earlier previous initial public private".split()
    )
)
_IRREGULAR_PLURALS = frozenset(
    "people men women spokesmen spokeswomen spokespeople staff police media folks".split()
)
_QUOTE_CHARS = frozenset("\"“”‘’'«»")
_HARD_PUNCT = frozenset(";:")
_SOFT_DELIM = frozenset(",—–()")
_HARD_OR_QUOTE = _HARD_PUNCT | _QUOTE_CHARS
_ANY_DELIM = _SOFT_DELIM | _HARD_OR_QUOTE
_SENTENCE_BREAK = frozenset('.!?\n:"“”')
_CLAUSE_END = _ANY_DELIM | frozenset(".!?")
_APPOSITIVE_END = _SOFT_DELIM | frozenset(".;:")


@cache
def _words(name: str) -> frozenset[str]:
    return _lexicon.load(name).words


@cache
def _verb_forms() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Single-word speech cues, the base forms among them ("say": "says" is listed)
    and the third-person singular forms ("says", "states": "stated" is listed)."""
    forms = _words("speech_verbs")
    base = frozenset(
        f
        for f in forms
        if f + "s" in forms or f + "es" in forms or (f.endswith("y") and f[:-1] + "ies" in forms)
    )
    third = frozenset(
        f
        for f in forms
        if f.endswith("s")
        and f not in base
        and (
            f[:-1] in base
            or f[:-2] in base
            or f[:-3] + "y" in base
            or f[:-1] + "d" in forms
            or f[:-1] + "ed" in forms
        )
    )
    return forms, base, third


@cache
def _common() -> frozenset[str]:
    """Words that are never a name, whatever their case."""
    lex = (
        "role_nouns",
        "spokesperson_nouns",
        "vague_subjects",
        "institution_nouns",
        "document_nouns",
        "person_titles",
        "group_adjectives",
    )
    out: set[str] = set()
    for name in lex:
        out |= _words(name)
    out |= _DETERMINERS | _PRONOUNS | _NOBODY | _BE | _HAVE | _DO | _MODALS | _NEG
    out |= _ADVERBS | _TIME | _STOP | _CONNECT | _PAREN_START | _CALENDAR
    out |= _verb_forms()[0]
    return frozenset(out)


#: Month names are capitalised but are not names ("her March sales"). "May" is left
#: out: it is also a surname ("Theresa May said").
_CALENDAR = frozenset(
    """january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)


#: Verbs that need an object: followed by a preposition they are a participle
#: ("a person described in clause (i)", "the figures mentioned above").
_NEEDS_OBJECT = frozenset(
    """described mentioned revealed disclosed estimated alleged indicated cited""".split()
)
_AFTER_PARTICIPLE = frozenset("in as on at during within above below under for".split())
_FORWARD_ONLY = frozenset(["according to", "in the words of"])
_BELIEF = frozenset("believe believes believed think thinks thought fear fears feared".split())
#: Cue forms that are more often plural nouns ("reports of looting", "claims of fraud").
_NOUNISH = frozenset(
    "reports claims estimates fears comments remarks notes counters tweets".split()
)
_QUESTION = frozenset("ask asks asked".split())
_COMPLAIN = frozenset("complain complains complained joked".split())
#: Where a quantifier can open a clause as its subject ("and some believe").
_CLAUSE_OPENERS = frozenset(
    """and but while though although as so because yet where when that whereas since or
    if""".split()
)


#: Prepositions that never attach a source's complement: they end a phrase.
_OTHER_PREPS = frozenset(
    """into onto over through during against between without towards toward across upon
    via despite after before behind beyond except""".split()
)
_BREAK = _STOP | _BE | _HAVE | _DO | _MODALS | _NEG | _TIME | _OTHER_PREPS
_AUX = _BE | _HAVE | _MODALS | _DO


@dataclass(frozen=True, slots=True)
class _Lex:
    """Every word list the family reads, loaded once per process."""

    roles: frozenset[str]
    spokes: frozenset[str]
    vague: frozenset[str]
    institutions: frozenset[str]
    documents: frozenset[str]
    titles: frozenset[str]
    groups: frozenset[str]
    nouns: frozenset[str]  # heads that can carry a complement
    common: frozenset[str]  # never a name
    role_like: frozenset[str]
    countable: frozenset[str]  # heads that must agree with "say" / "says"
    forms: frozenset[str]
    bases: frozenset[str]
    third: frozenset[str]


@cache
def _lex() -> _Lex:
    forms, bases, third = _verb_forms()
    roles = _words("role_nouns")
    spokes = _words("spokesperson_nouns")
    vague = _words("vague_subjects")
    documents = _words("document_nouns")
    return _Lex(
        roles=roles,
        spokes=spokes,
        vague=vague,
        institutions=_words("institution_nouns"),
        documents=documents,
        titles=_words("person_titles"),
        groups=_words("group_adjectives"),
        nouns=_nouns(),
        common=_common(),
        role_like=roles | spokes,
        countable=roles | vague | documents,
        forms=forms,
        bases=bases,
        third=third,
    )


@cache
def _nouns() -> frozenset[str]:
    """Head nouns that can carry a complement ("a source close to ...")."""
    out: set[str] = set()
    for name in (
        "role_nouns",
        "spokesperson_nouns",
        "vague_subjects",
        "institution_nouns",
        "document_nouns",
        "person_titles",
    ):
        out |= _words(name)
    return frozenset(out)


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: a speech cue and its source.

    ``start``/``end`` cover the source, the cue and anything between them;
    ``cue`` is the speech cue; ``reason`` the anonymity reason, if one was given.
    ``kind`` is one of ``named``, ``anonymous_explained``, ``anonymous_bare``,
    ``vague`` or ``reference``.
    """

    kind: str
    start: int
    end: int
    cue: Span
    reason: Span | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote (quote marks included) and whether a speaker is attributed."""

    start: int
    end: int
    attributed: bool


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the attribution family found in one document."""

    attributions: tuple[Attribution, ...]
    quotes: tuple[Quote, ...]

    def of_kind(self, kind: str) -> tuple[Attribution, ...]:
        """The attributions of one kind, in text order."""
        return tuple(a for a in self.attributions if a.kind == kind)


@dataclass(slots=True)
class _Event:
    """A cue paired with its source while the document is being read."""

    kind: str
    start: int
    end: int
    cue: Span
    sentence: int
    source: int  # start offset of the source phrase (to count a source once)
    last: int = -1  # sentence of the event's last character (a source broken across lines)
    person: bool = False  # a reference to a person (pronoun, title, role), not an institution
    role: bool = False  # a reference by role ("the official"): a reason makes it anonymous
    spokes: bool = False  # named only through the spokesperson rule
    reason: Span | None = None


# --- reading the document -----------------------------------------------------------------


class _Reader:
    """Token-level helpers over one document; built once per analysis."""

    __slots__ = (
        "_cap_mid",
        "_headline",
        "_lower_seen",
        "_sentence_words",
        "cls",
        "doc",
        "lex",
        "n",
        "sentences",
        "starts",
        "text",
        "tokens",
        "words",
    )

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.words = doc.words
        self.tokens = doc.tokens
        self.starts = doc.word_starts
        self.n = len(self.words)
        self.sentences = doc.sentences
        self.lex = _lex()
        self.cls: dict[_Phrase, tuple[str, bool, bool]] = {}
        self._lower_seen: frozenset[str] | None = None
        self._cap_mid: frozenset[str] | None = None
        self._headline: dict[int, bool] = {}
        self._sentence_words: dict[int, tuple[int, int, bool]] = {}

    # -- positions

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence that starts at or before ``pos`` (-1 if none)."""
        return bisect_right(self.sentences, (pos, _BIG)) - 1

    def sentence_words(self, si: int) -> tuple[int, int, bool]:
        """First word index and end (exclusive) of sentence ``si``, and whether it
        sits on a headline-like line (a sentence never spans lines)."""
        got = self._sentence_words.get(si)
        if got is None:
            sent = self.sentences[si]
            first, limit = self.word_range(sent)
            got = (first, limit, self.headline(self.doc.line_at(sent.start)))
            self._sentence_words[si] = got
        return got

    def word_range(self, span: Span) -> tuple[int, int]:
        """First word index and end (exclusive) of the words inside ``span``."""
        return bisect_left(self.starts, span.start), bisect_left(self.starts, span.end)

    def gap(self, j: int) -> str:
        """The text between word ``j`` and word ``j + 1``."""
        return self.text[self.words[j][1] : self.words[j + 1][0]]

    def tight(self, j: int) -> bool:
        """Only spaces between word ``j`` and the next."""
        a = self.words[j][1]
        b = self.words[j + 1][0]
        if b == a + 1:
            return self.text[a] == " "
        g = self.text[a:b]
        return bool(g) and len(g) <= 3 and not g.strip() and "\n" not in g

    def np_gap(self, j: int, *, newline: bool = False) -> bool:
        """Whether words ``j`` and ``j + 1`` can sit in one noun phrase."""
        a = self.words[j][1]
        b = self.words[j + 1][0]
        if b == a + 1 and self.text[a] == " ":
            return True
        g = self.text[a:b]
        if not g or len(g) > 6:
            return newline and self._continues(j, g)
        if not g.strip():
            return "\n" not in g
        core = g.strip(" \t\u00a0")
        if core == "&":
            return True
        if core in ("'", "’") and g[0] == core and self.tokens[j].endswith("s"):
            return "\n" not in g  # a plural possessive: "the Consumers' Association"
        if core == "." or (g.startswith(".") and not g[1:].strip()):
            tok = self.tokens[j]
            if "\n" in g:
                return newline and self._continues(j, g)
            return (len(tok) == 1 and self.cap(j)) or tok in _ABBREVIATIONS
        return False

    def _continues(self, j: int, g: str) -> bool:
        """A line broken inside a name by a scraper: "said a U.S.⏎⏎State Department"."""
        tok = self.tokens[j]
        return (
            g.startswith(".")
            and not g[1:].strip()
            and ((len(tok) == 1 and self.cap(j)) or tok in _ABBREVIATIONS)
            and self.cap(j + 1)
        )

    # -- word shape

    def cap(self, j: int) -> bool:
        """Word ``j`` starts with a capital ("Okafor") or is capitalised after a
        lower-case particle ("al-Hashimi")."""
        s, e = self.words[j]
        ch = self.text[s]
        if ch.isupper():
            return True
        if ch.islower() and "-" in self.tokens[j]:
            rest = self.text[s:e].split("-", 1)[1]
            return bool(rest) and rest[0].isupper()
        return False

    def base(self, j: int) -> str:
        tok = self.tokens[j]
        return tok[:-2] if tok.endswith("'s") else tok

    def is_name(self, j: int, sentence_first: int, *, head: bool = False) -> bool:
        """Whether word ``j`` is (part of) a proper name, not a capitalised common word."""
        if not self.cap(j):
            return False
        base = self.base(j)
        if base in self.lex.common:
            return False
        if j != sentence_first and ":" not in self.gap(j - 1):
            return True  # (after a colon a capital is positional: "SCHIEFFER: Short answer")
        # Sentence-initial: capitalised by position, so look for other evidence.
        if base in self.lower_seen():
            return False
        return (
            head
            or self.tokens[j].endswith("'s")
            or (j + 1 < self.n and self.np_gap(j) and self.cap(j + 1))
            or base in self.cap_mid()
        )

    def ing_link(self, j: int) -> bool:
        """A participle after a source noun: "a woman queuing at the bowser"."""
        t = self.tokens[j]
        return (
            t.endswith("ing")
            and len(t) > 4
            and j > 0
            and not self.cap(j)
            and self.tight(j - 1)
            and (self.base(j - 1) in self.lex.nouns or self.cap(j - 1))
        )

    def links(self, j: int) -> bool:
        """Word ``j`` attaches a complement to the phrase before it."""
        return self.tokens[j] in _CONNECT or self.ing_link(j)

    def can_own(self, j: int) -> bool:
        """Word ``j`` can carry a complement ("source" in "a source close to ...")."""
        t = self.base(j)
        return (
            t in self.lex.nouns
            or t in _LINKS
            or t in _DETERMINERS
            or self.cap(j)
            or self.ing_link(j)
        )

    def is_group(self, j: int) -> bool:
        return self.base(j) in self.lex.groups and self.cap(j)

    def lower_seen(self) -> frozenset[str]:
        """Words that occur in lower case somewhere in the text (so they are common)."""
        if self._lower_seen is None:
            text = self.text
            self._lower_seen = frozenset(
                tok
                for (s, _), tok in zip(self.words, self.tokens, strict=True)
                if text[s].islower()
            )
        return self._lower_seen

    def cap_mid(self) -> frozenset[str]:
        """Capitalised words that occur mid-sentence somewhere (so they are names)."""
        if self._cap_mid is None:
            text = self.text
            out = set()
            for j in range(1, self.n):
                s = self.words[j][0]
                if text[s].isupper():
                    g = self.gap(j - 1)
                    if _SENTENCE_BREAK.isdisjoint(g):
                        out.add(self.base(j))
            self._cap_mid = frozenset(out)
        return self._cap_mid

    def headline(self, line: Span | None) -> bool:
        """A short line without final punctuation: a headline or a label, not prose."""
        if line is None:
            return False
        cached = self._headline.get(line.start)
        if cached is None:
            last = self.text[line.end - 1]
            a, b = self.word_range(line)
            cached = (last.isalnum() or last == "%") and b - a <= HEADLINE_WORDS
            self._headline[line.start] = cached
        return cached


# --- spans of other lexicons --------------------------------------------------------------


class _Spans:
    """Sorted, non-overlapping spans with fast "which one covers this" lookups."""

    __slots__ = ("_ends", "_starts", "spans")

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._starts = [s.start for s in spans]
        self._ends = [s.end for s in spans]

    def covering(self, start: int, end: int) -> Span | None:
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and self.spans[i].end >= end:
            return self.spans[i]
        return None

    def overlapping(self, start: int, end: int) -> bool:
        if not self.spans:
            return False
        i = bisect_left(self._ends, start + 1)
        return i < len(self.spans) and self.spans[i].start < end


def _spans(doc: Document, name: str) -> _Spans:
    return _Spans([Span(h.start, h.end) for h in doc.hits[name]])


# --- noun phrases -------------------------------------------------------------------------


class _Phrase(NamedTuple):
    """A noun phrase: words ``[start, end)``, its core ``[start, core)`` before any
    complement, and whether a restrictive relative clause follows it."""

    start: int
    core: int
    end: int
    relative: bool = False


def _np_left(r: _Reader, k: int, floor: int) -> _Phrase | None:
    """The noun phrase that ends at word ``k`` (not before word ``floor``)."""
    toks = r.tokens
    t = toks[k]
    if t in _VAGUE_QUANT and (k == floor or not r.tight(k - 1) or toks[k - 1] in _CLAUSE_OPENERS):
        return _Phrase(k, k + 1, k + 1)  # "some say", "and many believe"
    if t in _BREAK or t in _CONNECT or t in _DETERMINERS or t in _NOBODY:
        return None
    if t in _PRONOUNS:
        return _Phrase(k, k + 1, k + 1)
    s = k
    size = 1
    all_caps = r.cap(k)  # the phrase so far is a run of capitalised words
    while s - 1 >= floor and size < 12 and r.np_gap(s - 1):
        p = toks[s - 1]
        if p in ("that", "this") and r.cap(s):
            break  # "convinced that Trump thought": a conjunction, not a determiner
        if p in _DETERMINERS:
            s -= 1
            # "the two officials", "one of the officials": keep walking past a number
            # or into a complement; otherwise the determiner opens the phrase.
            if s - 1 >= floor and r.np_gap(s - 1):
                q = toks[s - 1]
                if q in _NUMBERS or q in ("all", "both", "half") or q in _CONNECT:
                    continue
            break
        if p in _CONNECT or r.ing_link(s - 1):
            if (
                s - 2 >= floor
                and r.np_gap(s - 2)
                and (r.can_own(s - 2) or (p in _LINKS and toks[s - 2] in _PREPS))
            ):
                s -= 1
                size += 1
                all_caps = False
                continue
            break
        if p in _BREAK or p in _PRONOUNS or p in _NOBODY:
            break
        capital = r.cap(s - 1)
        if not capital and all_caps and p not in r.lex.nouns:
            break  # a lower-case word before a name is not part of it ("under oath Clinton")
        all_caps = all_caps and capital
        s -= 1
        size += 1
    while s < k and r.links(s):
        s += 1
    core = s + 1
    while core <= k and not r.links(core):
        core += 1
    return _Phrase(s, core, k + 1)


def _np_right(r: _Reader, i: int, limit: int, *, newline: bool = True) -> _Phrase | None:
    """The noun phrase that starts at word ``i`` (ending before word ``limit``, or
    in the next line when a scraper broke the line inside the phrase)."""
    toks = r.tokens
    if i >= r.n or i >= limit:
        return None
    t = toks[i]
    if t in _CONNECT or t in _BREAK or t in _NOBODY:
        return None
    if t in _PRONOUNS and not (t in _DEFINITE and i + 1 < limit and r.np_gap(i)):
        return _Phrase(i, i + 1, i + 1)
    j = i
    core: int | None = None
    while j < r.n and j - i < 14:
        if j > i:
            if j >= limit:
                if not (newline and j == limit and r._continues(j - 1, r.gap(j - 1))):
                    break
                nxt = r.doc.sentences[r.sentence_index(r.words[j][0])]
                limit = bisect_left(r.starts, nxt.end)  # carry on into the next line
            if not r.np_gap(j - 1, newline=newline):
                break
        t = toks[j]
        if t == "and" and j > i and r.cap(j - 1) and j + 1 < r.n and r.cap(j + 1):
            j += 1  # "NFIB President and CEO Juanita Duggan"
            continue
        if t in _BREAK or (t in _PRONOUNS and j > i and toks[j - 1] not in _CONNECT):
            break
        if t in _CONNECT or (j > i and r.ing_link(j)):
            if core is None:
                core = j
        elif (
            j > i
            and t in _DETERMINERS
            and toks[j - 1] not in _CONNECT
            and toks[j - 1] not in _DETERMINERS
        ):
            break
        j += 1
    while j > i and (toks[j - 1] in _CONNECT or toks[j - 1] in _DETERMINERS):
        j -= 1
    if j == i:
        return None
    if core is None or core > j:
        core = j
    # "according to people who have seen the draft": a restrictive clause specifies them
    relative = j < r.n and j < limit and toks[j] in ("who", "whom") and r.tight(j - 1)
    return _Phrase(i, core, j, relative)


def _plural(tok: str) -> bool:
    return tok in _IRREGULAR_PLURALS or (tok.endswith("s") and not tok.endswith("ss"))


# --- what kind of source a phrase is ------------------------------------------------------


def _classify(r: _Reader, ph: _Phrase, first: int) -> tuple[str, bool, bool]:
    """(kind, person, spokes) for a source phrase; ``first`` is the sentence's first word.

    ``person`` marks a reference to a person (pronoun, title, role); ``spokes``
    a phrase named only through the spokesperson rule.
    """
    got = r.cls.get(ph)
    if got is None:
        got = r.cls[ph] = _classify_phrase(r, ph, first)
    return got


def _any_name(r: _Reader, a: int, b: int, first: int, *, groups: bool = True) -> bool:
    """A proper name among words ``a..b-1`` (optionally not counting demonyms)."""
    return any(r.is_name(j, first) and (groups or not r.is_group(j)) for j in range(a, b))


def _any_group(r: _Reader, a: int, b: int) -> bool:
    return any(r.is_group(j) for j in range(a, b))


def _any_cap(r: _Reader, a: int, b: int, first: int) -> bool:
    return any(j != first and r.cap(j) for j in range(a, b))


def _classify_phrase(r: _Reader, ph: _Phrase, first: int) -> tuple[str, bool, bool]:
    lex = r.lex
    toks = r.tokens
    head = ph.core - 1
    if head < ph.start:
        return _NONE, False, False
    ht = r.base(head)
    lead = toks[ph.start]
    if head == ph.start and ht in _PRONOUNS:
        return REFERENCE, True, False
    if ht[:1].isdigit() or any(part in _NUMBERS for part in ht.split("-")):
        return _NONE, False, False  # "Twenty-two states", "75 percent"
    if ph.core < ph.end and toks[ph.core] == "of" and ht in _QUANTIFIERS:
        # a part of a group: "many of the documents", "some of the residents"
        inner = _np_left(r, ph.end - 1, ph.core + 1) or _Phrase(ph.core + 1, ph.end, ph.end)
        kind = _classify(r, inner, first)
        return (REFERENCE, kind[1], False) if kind[0] in (REFERENCE, _NONE) else kind
    if ht in _VAGUE_QUANT and head == ph.start:
        return VAGUE, False, False
    if ht in _NOBODY or ht in _DETERMINERS:
        return _NONE, False, False
    definite = lead in _DEFINITE
    numbered = False
    unnamed = False
    for j in range(ph.start, head):
        t = toks[j]
        if t.endswith("'s") or t in _DEFINITE:
            definite = True  # "Slovenia's interior minister", "all her advisers"
        elif t in _NUMBERS or t[:1].isdigit():
            numbered = True
        elif t in _UNNAMED:
            unnamed = True
    indefinite = lead in _INDEFINITE
    link = toks[ph.core] if ph.core < ph.end else ""
    mods = (ph.start, head)
    comp = (ph.core + 1, ph.end)

    if ht == "figures" and (
        link == "in" or any(toks[j] in _PERSON_FIGURES for j in range(ph.start, head))
    ):
        return _ANON, False, False  # people, not numbers: "senior figures in the party"
    if ht in lex.spokes:
        org = (
            _any_cap(r, *mods, first)
            or _any_name(r, *mods, first)
            or (link in _ORG_LINKS and _any_cap(r, *comp, -1))
        )
        return (NAMED, False, True) if org else (REFERENCE, True, False)
    if ht in ("people", "folks"):
        if definite:
            return REFERENCE, True, False
        if numbered or link or ph.relative or (indefinite and "few" not in toks[ph.start : head]):
            return _ANON, False, False
        return VAGUE, False, False
    if ht in lex.roles:
        if unnamed:
            return _ANON, False, False
        if definite:
            return REFERENCE, True, False
        if not _plural(ht) and not indefinite and not numbered and lead not in _QUANT:
            return _NONE, False, False  # headline style: "minister says"
        return _ANON, False, False
    if ht in lex.vague:
        if definite:
            return REFERENCE, False, False
        if _any_name(r, *mods, first, groups=False) or (
            link in _GROUP_LINKS and _any_name(r, *comp, first)
        ):
            return NAMED, False, False  # "Goldman Sachs analysts", "analysts at Solvang Energy"
        return VAGUE, False, False
    if ht in lex.institutions:
        if (
            _any_name(r, *mods, first)
            or _any_group(r, *mods)
            or (head != first and r.cap(head) and _any_cap(r, *mods, first))
            or (link in _INSTITUTION_LINKS and _any_cap(r, *comp, -1))
        ):
            return NAMED, False, False  # "the Interior Ministry", "Hungary's government"
        return REFERENCE, False, False
    if ht in lex.documents:
        if _any_name(r, *mods, first) or (link in _DOCUMENT_LINKS and _any_name(r, *comp, first)):
            return NAMED, False, False  # "a Reuters report", "a report by the Kestrel Institute"
        return REFERENCE, False, False
    if ht in lex.titles:
        return REFERENCE, True, False  # "the president", "Broward County Sheriff"
    if ht in lex.groups:
        if head > ph.start and r.np_gap(head - 1) and r.is_name(head - 1, first):
            return NAMED, False, False  # a surname that is also a demonym: "Graham Pole"
        return _NONE, False, False
    if ht in _TIME:
        return _NONE, False, False
    if r.is_name(head, first, head=True):
        if indefinite:
            return _NONE, False, False  # "a U.S.", "a Democrat": not one named source
        return NAMED, False, False
    if lead in _DEFINITE:
        if not r.cap(head) and _any_name(r, *mods, first, groups=False):
            return NAMED, False, False  # "the Trump transition team", "the Clinton campaign"
        return REFERENCE, False, False
    return _NONE, False, False


# --- finding the source of a cue ----------------------------------------------------------


class _Flags(NamedTuple):
    """What stands between a subject and its cue."""

    be: bool
    modal: bool
    neg: bool
    to: bool


def _before_verb(r: _Reader, k: int, floor: int) -> tuple[int, _Flags]:
    """Skip auxiliaries, adverbs and time phrases before a cue; report what was seen."""
    toks = r.tokens
    be = modal = neg = to = False
    while k >= floor and r.tight(k):
        t = toks[k]
        if t in _ADVERBS or (
            t.endswith("ly")
            and len(t) > 4
            and not r.cap(k)
            and t not in r.lex.common
            and (k == floor or toks[k - 1] not in _DETERMINERS)
        ):
            k -= 1
        elif t in _BE:
            be = True
            k -= 1
        elif t in _HAVE or t in _DO:
            k -= 1
        elif t in _MODALS:
            modal = True
            k -= 1
        elif t in _NEG or t.endswith("n't"):
            neg = True
            k -= 1
        elif t == "to":
            to = True
            break
        elif t in _TIME:
            k -= 1
            if k >= floor and r.tight(k) and toks[k] in _TIME_LEAD:
                k -= 1
        else:
            break
    return k, _Flags(be, modal, neg, to)


def _backward(
    r: _Reader, h: _lexicon.Hit, k: int, first: int, limit: int, reasons: _Spans
) -> list[_Phrase]:
    """The source of a cue, looked for before it and, failing that, after it."""
    toks = r.tokens
    form = toks[h.first]
    inverts = (form not in _NO_INVERSION and h.last - h.first == 1) or h.entry == "pointed out"
    if k < first:
        return _forward(r, h.last, limit, clean=True) if inverts else []
    g = r.gap(k) if k + 1 < r.n else ""
    if not _QUOTE_CHARS.isdisjoint(g) or r.doc.in_quote(r.words[k][0]):
        # after a quote the subject is inverted as a rule: “...,” says Dr. Kelso of ...
        return _forward(r, h.last, limit, clean=False) if inverts else []
    if not g.strip():
        t = toks[k]
        if t in _RELATIVE:  # "Quintero, who said ...": the source is the antecedent
            j = k - 1
            # only after a comma: "a man who said ..." describes him, it does not quote him
            if j >= first and r.gap(j).strip() == ",":
                ph = _np_left(r, j, first)
                return [ph] if ph is not None else []
            return []
        if t == "that":
            return []
        rel = _relative_head(r, k, first, reasons)
        if rel is not None:
            return [rel]
        ph = _np_left(r, k, first)
        if ph is None:
            return []
        j = ph.start - 1  # a coordinated subject: "Kofi Boateng and Irene Sato said"
        if j - 1 >= first and r.tokens[j] == "and" and r.tight(j):
            if r.tight(j - 1):
                co = _np_left(r, j - 1, first)
                others = [co] if co is not None else []
            elif r.gap(j - 1).strip() == ",":  # "Katarzyna Wójcik, 27, and her partner"
                others = _chain(r, j - 1, first, reasons)
            else:
                others = []
            named = [o for o in others if _classify(r, o, first)[0] == NAMED]
            if named:
                return [ph, *named]
        return [ph]
    if not _SOFT_DELIM.isdisjoint(g) and _HARD_PUNCT.isdisjoint(g):
        if inverts:
            after = _forward(r, h.last, limit, clean=True)
            if after:
                kind, person, _ = _classify(r, after[0], first)
                if kind in (NAMED, _ANON, VAGUE) or person:
                    return after
        return _chain(r, k, first, reasons)
    return []


def _agrees(
    r: _Reader, ph: _Phrase, form: str, bases: frozenset[str], third: frozenset[str]
) -> bool:
    """Whether a present-tense cue agrees in number with its subject."""
    head = ph.core - 1
    if head < ph.start or r.cap(head):
        return True  # names and capitalised heads: "Reuters reports", "Labour say"
    ht = r.tokens[head]
    if form in third:
        return not (ht in _VAGUE_QUANT or ht in _QUANT or ht in _NUMBERS) and not (
            _plural(ht) and ht not in _PRONOUNS and ht not in r.lex.institutions
        )
    if form in bases:
        if ht in ("everyone", "everybody", "someone", "somebody", "he", "she", "it"):
            return False
        return not (ht in r.lex.countable and not _plural(ht) and ht not in ("people", "research"))
    return True


def _parenthetical(r: _Reader, a: int, b: int, reasons: _Spans) -> bool:
    """Whether words ``a..b`` are an aside between a subject and its verb."""
    toks = r.tokens
    t = toks[a]
    if t in _PAREN_START or t in _TIME or (t in _TIME_LEAD and a < b and toks[a + 1] in _TIME):
        return True
    if all(toks[j][:1].isdigit() for j in range(a, b + 1)):
        return True  # an age: "Lucía Fernández, 34, a teacher"
    return reasons.covering(r.words[a][0], r.words[b][1]) is not None


def _np_like(r: _Reader, a: int, b: int) -> bool:
    """Whether words ``a..b`` (an appositive) read as one noun phrase: "an
    epidemiologist at the University of Ghana", "a teacher from Seville"."""
    toks = r.tokens
    if b - a > 11 or not (toks[a] in _DETERMINERS or r.cap(a) or toks[a] in r.lex.nouns):
        return False
    forms = r.lex.forms
    link = -1
    for j in range(a, b + 1):
        t = toks[j]
        if t in ("who", "whose") and j > a:
            return True  # "a recent graduate who was in the programme": the phrase ends here
        if j > a and not r.np_gap(j - 1):
            return False
        if t in _BREAK or t in _PRONOUNS or t in forms:
            return False
        if t == "to" and j < b and not (toks[j + 1] in _DETERMINERS or r.cap(j + 1)):
            return False
        if link < 0 and j > a and t in _CONNECT:
            link = j
    if link < 0:
        return True
    while link <= b and toks[link] in _CONNECT:  # "familiar with", "close to"
        link += 1
    if link > b:
        return False
    # the complement must itself be one phrase: not "a man with a red scarf walked in"
    tail = _np_left(r, b, link)
    return tail is not None and tail.start == link


def _whole(r: _Reader, a: int, b: int) -> _Phrase:
    core = a + 1
    while core <= b and r.tokens[core] not in _CONNECT and r.tokens[core] not in _RELATIVE:
        core += 1
    return _Phrase(a, core, b + 1)


def _segment_start(r: _Reader, end: int, floor: int) -> int:
    st = end
    while st - 1 >= floor:
        g = r.gap(st - 1)
        if not _ANY_DELIM.isdisjoint(g):
            break
        st -= 1
    return st


def _chain(r: _Reader, k: int, floor: int, reasons: _Spans) -> list[_Phrase]:
    """Subject, appositives and asides before ", said": walk comma-separated segments
    leftwards ("the opposition leader, Anna Lind, said"; "a senior official, who
    spoke on condition of anonymity, said")."""
    found: list[_Phrase] = []
    end = k
    for step in range(5):
        if r.doc.in_quote(r.words[end][0]):
            break
        st = _segment_start(r, end, floor)
        if not _parenthetical(r, st, end, reasons):
            ph = _np_left(r, end, st)
            if ph is None:
                break
            if ph.start != st and _np_like(r, st, end):
                ph = _whole(r, st, end)
            if ph.start == st + 1 and r.tokens[st] in ("and", "or"):
                found.append(ph)  # "Katarzyna Wójcik, 27, and her partner said"
            elif ph.start != st:
                # A clause ending in a noun phrase: that phrase is the subject, unless
                # it sits right before the verb ("to hire people, add back hours").
                if step:
                    found.append(ph)
                break
            found.append(ph)
        if st == floor:
            break
        g = r.gap(st - 1)
        if not _HARD_OR_QUOTE.isdisjoint(g) or _SOFT_DELIM.isdisjoint(g):
            break
        end = st - 1
    return found


def _relative_head(r: _Reader, k: int, floor: int, reasons: _Spans) -> _Phrase | None:
    """The antecedent of a restrictive relative clause that ends right before the cue
    ("Officials who spoke on condition of anonymity said")."""
    toks = r.tokens
    if _WHO.isdisjoint(toks[max(floor, k - 19) : k + 1]):
        return None
    forms = r.lex.forms
    j = k
    while j >= floor and k - j < 20:
        t = toks[j]
        if t in _WHO:
            if j - 1 >= floor and r.tight(j - 1):
                ph = _np_left(r, j - 1, floor)
                if ph is not None:
                    return _Phrase(ph.start, ph.core, ph.end, relative=True)
            return None
        if (
            t == "that"
            or t in _BE
            or t in _HAVE
            or t in _MODALS
            or t in _NEG
            or (t in forms and reasons.covering(r.words[j][0], r.words[j][1]) is None)
        ):
            return None
        if j - 1 < floor or (not r.np_gap(j - 1) and not r.tight(j - 1)):
            return None
        j -= 1
    return None


def _forward(
    r: _Reader, i: int, limit: int, *, clean: bool, appositive: bool = True
) -> list[_Phrase]:
    """The source after an inverted cue ("said Keir Starmer, the prime minister")."""
    if i >= r.n or i >= limit or not r.tight(i - 1):
        return []
    ph = _np_right(r, i, limit)
    if ph is None:
        return []
    found = [ph]
    e = ph.end
    if e < r.n:
        g = r.gap(e - 1)
        if clean and e < limit and _CLAUSE_END.isdisjoint(g):
            t = r.tokens[e]
            if not (
                t in _RELATIVE or t in _PREPS or t in _TIME or t in ("during", "after", "before")
            ):
                return []
        if appositive and g.strip() == "," and e < limit:
            app = _np_right(r, e, limit, newline=False)
            if app is not None and (
                app.end >= limit or not _APPOSITIVE_END.isdisjoint(r.gap(app.end - 1))
            ):
                found.append(app)
    return found


# --- the analysis -------------------------------------------------------------------------


def _event(r: _Reader, h: _lexicon.Hit, skip: _Spans, reasons: _Spans) -> _Event | None:
    """The attribution made by one speech cue, if it is one."""
    doc = r.doc
    text = r.text
    toks = r.tokens
    lex = r.lex
    forms, bases, third = lex.forms, lex.bases, lex.third
    entry = h.entry
    multi = h.last - h.first > 1
    form = toks[h.first]
    forward_only = entry in _FORWARD_ONLY
    nxt = h.last
    n = r.n
    # Cheap checks on the words around the cue first (a gap across a sentence or line
    # break is never "tight", so these need no sentence bounds).
    if not forward_only:
        prev = h.first - 1
        if (
            prev >= 0
            and r.tight(prev)
            and (toks[prev] in _NOUN_BEFORE or toks[prev].endswith("'s"))
        ):
            return None  # a noun: "the claims", "Starmer's remarks"
        if nxt < n and r.tight(nxt - 1):
            t = toks[nxt]
            if (t in forms and not multi) or t in _AUX:
                return None  # "reports say", "what he said was"
            if t == "to" and (
                form in _TO_NOT_SPEECH or (nxt + 1 < n and toks[nxt + 1] in ("be", "have"))
            ):
                return None  # "agreed to", "said to be"
            if form in _NEEDS_OBJECT and t in _AFTER_PARTICIPLE:
                return None  # a participle: "a person described in clause (i)"
            if form in _BELIEF and t in ("in", "of", "about", "for"):
                return None  # "believed in her", "thought of it"
            if form in _NOUNISH and t in ("of", "on", "about", "from"):
                return None  # "reports of looting", "estimates of the population"
            if form in _COMPLAIN and t in ("about", "of", "to"):
                return None  # "residents have complained about closures": no words reported
    if doc.in_quote(h.start) or skip.overlapping(h.start, h.end):
        return None
    if reasons.overlapping(h.start, h.end):
        return None  # "who asked not to be named", "who insisted on anonymity"
    si = r.sentence_index(h.start)
    if si < 0:
        return None
    first, limit, headline = r.sentence_words(si)
    if headline:
        return None
    if text[h.start].isupper() and (h.first != first or (form in bases and not forward_only)):
        return None  # "United States", "State Department", a title-case line
    k, flags = _before_verb(r, h.first - 1, first)
    if not forward_only and (flags.neg or flags.modal or flags.to):
        return None
    ing = form.endswith("ing") and not multi
    if ing and not flags.be:
        return None
    passive = flags.be and not ing and entry != "quoted as saying" and not forward_only
    by_agent = nxt < limit and toks[nxt] == "by" and r.tight(nxt - 1) and form not in bases
    phrases: list[_Phrase] = []
    if forward_only:  # "according to NATO, the jets ...": no appositive after it
        phrases = _forward(r, nxt, limit, clean=False, appositive=False)
    elif by_agent:
        phrases = _forward(r, nxt + 1, limit, clean=False, appositive=False)
    elif passive:
        return None  # "is said to be", "were told"
    else:
        phrases = _backward(r, h, k, first, limit, reasons)
        if (
            phrases
            and phrases[-1].end <= h.first
            and not _agrees(r, phrases[-1], form, bases, third)
        ):
            return None  # "in some states", "let everybody tell": a noun, or no subject
    if not phrases:
        return None
    # Named if any phrase is named (an appositive name: "a senior official, Marko
    # Zupan, said"); otherwise the subject, the phrase furthest from the cue.
    best: tuple[_Phrase, tuple[str, bool, bool]] | None = None
    lo = hi = -1
    spokes_only = True
    words = r.words
    for ph in phrases:
        kd = _classify(r, ph, first)
        if kd[0] == _NONE:
            continue
        a, b = words[ph.start][0], words[ph.end - 1][1]
        lo = a if lo < 0 or a < lo else lo
        hi = b if b > hi else hi
        if kd[0] == NAMED:
            spokes_only = spokes_only and kd[2]
            if best is None or best[1][0] != NAMED:
                best = (ph, kd)
        elif best is None or best[1][0] != NAMED:
            best = (ph, kd)
    if best is None:
        return None
    ph0, (kind, person, spokes) = best
    spokes = spokes and spokes_only
    if form in _QUESTION and kind in (_ANON, VAGUE):
        kind = REFERENCE  # "a reporter asked": a question from nobody in particular sources nothing
    start = min(lo, h.start)
    end = max(hi, h.end) if hi > h.end else h.end
    last = r.sentence_index(end - 1)
    role = kind == REFERENCE and r.base(ph0.core - 1) in lex.role_like
    return _Event(kind, start, end, Span(h.start, h.end), si, lo, last, person, role, spokes)


def _reasons_attach(r: _Reader, events: list[_Event], reasons: _Spans) -> None:
    """Give each anonymity reason to the unnamed source it explains (in place)."""
    by_sentence: dict[int, list[_Event]] = {}
    for ev in events:
        for si in range(ev.sentence, max(ev.sentence, ev.last) + 1):
            by_sentence.setdefault(si, []).append(ev)
    for span in reasons.spans:
        if r.doc.in_quote(span.start):
            continue
        si = r.sentence_index(span.start)
        cands = [
            ev
            for ev in by_sentence.get(si, ())
            if ev.kind == _ANON
            or ev.spokes
            or (ev.kind == REFERENCE and ev.role and _distance(ev, span) <= 80)
        ]
        if cands:
            ev = min(cands, key=lambda e: _distance(e, span))
            if ev.reason is not None:
                continue
            if ev.kind == REFERENCE:
                earlier = _last_bare(by_sentence, si)
                if earlier is not None:  # "The official, who spoke on condition ...": named before
                    earlier.reason = span
                    continue
            ev.kind = _ANON
            ev.spokes = False
            ev.reason = span
            continue
        earlier = _last_bare(by_sentence, si)
        if earlier is not None:  # "... an officer said. The officer spoke on condition ..."
            earlier.reason = span


def _last_bare(by_sentence: dict[int, list[_Event]], si: int) -> _Event | None:
    for back in (si - 1, si - 2):
        bare = [ev for ev in by_sentence.get(back, ()) if ev.kind == _ANON and ev.reason is None]
        if bare:
            return bare[-1]
    return None


def _distance(ev: _Event, span: Span) -> int:
    if ev.end <= span.start:
        return span.start - ev.end
    if ev.start >= span.end:
        return ev.start - span.end
    return 0


def _quotes(r: _Reader, events: list[_Event]) -> tuple[Quote, ...]:
    """Direct quotes, each with whether a speaker is attributed."""
    doc = r.doc
    text = r.text
    spoken = {ev.sentence for ev in events if ev.kind != _NONE}
    out: list[Quote] = []
    for q in doc.quotes:
        a, b = r.word_range(q)
        if b - a < MIN_QUOTE_WORDS or r.headline(doc.line_at(q.start)):
            continue
        s0 = r.sentence_index(q.start)
        s1 = r.sentence_index(max(q.start, q.end - 1))
        attributed = any(si in spoken for si in range(s0, s1 + 1))
        if not attributed and s1 + 1 in spoken:
            # “... drugs?” Ramon Alvarez said: the "?" ended the sentence before the cue
            nxt = doc.sentences[s1 + 1]
            attributed = not text[q.end : nxt.start].strip()
        if not attributed and s0 >= 0:
            sent = doc.sentences[s0]
            before = text[sent.start : q.start].rstrip()
            if before.endswith(":"):
                first, _ = r.word_range(sent)
                ph = _np_left_of_colon(r, first, q.start)
                if ph is not None:
                    kind, person, _ = _classify(r, ph, first)
                    attributed = kind in (NAMED, _ANON, VAGUE) or person
            elif not before.strip(" \"“‘'("):
                line = doc.line_at(q.start)
                if line is not None and line.start == sent.start:
                    # a quote that opens a paragraph after "X said:"
                    attributed = text[: line.start].rstrip().endswith(":")
                if not attributed and s0 - 1 in spoken:
                    prev = doc.sentences[s0 - 1]
                    attributed = line is not None and prev.start >= line.start
        out.append(Quote(q.start, q.end, attributed))
    return tuple(out)


def _np_left_of_colon(r: _Reader, first: int, colon_at: int) -> _Phrase | None:
    """The subject that opens a sentence ending in a colon ("Becker put it simply:"):
    the longest opening phrase that reads as a source."""
    ph = _np_right(r, first, bisect_left(r.starts, colon_at), newline=False)
    if ph is None:
        return None
    for end in range(ph.end, ph.start, -1):
        cand = _Phrase(ph.start, min(ph.core, end), end)
        if _classify(r, cand, first)[0] != _NONE:
            return cand
    return None


def analyse(doc: Document) -> Analysis:
    """Find every attribution and direct quote in ``doc``.

    Examples
    --------
    >>> text = "A senior EU diplomat said the talks had failed, Anna Lind said."
    >>> [(a.kind, text[a.start : a.end]) for a in analyse(Document(text)).attributions]
    [('anonymous_bare', 'A senior EU diplomat said'), ('named', 'Anna Lind said')]
    """
    r = _Reader(doc)
    skip = _Spans(
        sorted(
            [Span(h.start, h.end) for h in doc.hits["speech_idioms"]]
            + [Span(h.start, h.end) for h in doc.hits["vague_passives"]],
            key=lambda s: (s.start, -s.end),
        )
    )
    reasons = _spans(doc, "anonymity_reasons")
    events: list[_Event] = []
    sources: set[int] = set()
    for h in doc.hits["speech_verbs"]:
        ev = _event(r, h, skip, reasons)
        if ev is None or ev.source in sources:
            continue
        sources.add(ev.source)
        events.append(ev)
    _reasons_attach(r, events, reasons)
    for h in doc.hits["vague_passives"]:
        if doc.in_quote(h.start) or r.headline(doc.line_at(h.start)):
            continue
        events.append(
            _Event(VAGUE, h.start, h.end, Span(h.start, h.end), r.sentence_index(h.start), h.start)
        )
    quotes = _quotes(r, events)
    out: list[Attribution] = []
    for ev in sorted(events, key=lambda e: e.start):
        kind = ev.kind
        if kind == _NONE:
            continue
        start, end = ev.start, ev.end
        if kind == _ANON:
            kind = BARE if ev.reason is None else EXPLAINED
            rs = ev.reason
            if (
                rs is not None
                and r.sentence_index(rs.start) == ev.sentence
                and (0 <= rs.start - end <= 40 or 0 <= start - rs.end <= 40)
            ):
                start, end = min(start, rs.start), max(end, rs.end)
        out.append(Attribution(kind, start, end, ev.cue, ev.reason))
    # a span widened to its reason may now start before an earlier event: text order again
    out.sort(key=lambda a: (a.start, a.end))
    return Analysis(tuple(out), quotes)


def extract(doc: Document) -> Mapping[str, Signal]:
    """All attribution signals for one document (counts per 1,000 words)."""
    found = analyse(doc)
    named = [evidence(doc, a.start, a.end, NAMED) for a in found.of_kind(NAMED)]
    explained = [evidence(doc, a.start, a.end, EXPLAINED) for a in found.of_kind(EXPLAINED)]
    bare = [evidence(doc, a.start, a.end, BARE) for a in found.of_kind(BARE)]
    vague = [evidence(doc, a.start, a.end, VAGUE) for a in found.of_kind(VAGUE)]
    anonymous = sorted(explained + bare, key=lambda e: e.start)
    unattributed = [
        evidence(doc, q.start, q.end, "quote_unattributed")
        for q in found.quotes
        if not q.attributed
    ]
    words = doc.word_count
    total = len(named) + len(anonymous) + len(vague)
    share = (len(anonymous) + len(vague)) / total if total else None
    n_quotes = len(found.quotes)
    details = {
        "named": len(named),
        "anonymous_explained": len(explained),
        "anonymous_bare": len(bare),
        "vague": len(vague),
        "references": len(found.of_kind(REFERENCE)),
        "quotes": n_quotes,
        "quotes_attributed": n_quotes - len(unattributed),
    }
    return {
        "named_attribution": Signal(per_words(len(named), words), tuple(named), details),
        "anonymous_attribution": Signal(per_words(len(anonymous), words), tuple(anonymous)),
        "anonymous_explained": Signal(per_words(len(explained), words), tuple(explained)),
        "anonymous_bare": Signal(per_words(len(bare), words), tuple(bare)),
        "vague_attribution": Signal(per_words(len(vague), words), tuple(vague)),
        "anonymous_share": Signal(share, (), {"attributions": total}),
        "unattributed_quotes": Signal(
            len(unattributed) / n_quotes if n_quotes else None,
            tuple(unattributed),
            {"quotes": n_quotes, "unattributed": len(unattributed)},
        ),
    }
