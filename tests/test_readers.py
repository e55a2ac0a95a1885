"""Reading files, folders and stdin into records: ids, formats, the outlet rule, bad inputs."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reliability.article import MAX_CHARS
from reliability.readers import (
    MAX_BYTES,
    ReadOptions,
    Record,
    format_of,
    iter_records,
    load,
    resolve,
    safe_id,
)

BODY = "The port reopened on Monday, harbour master Ines Ruiz said."


def records(*paths: Path | str, **options: object) -> list[Record]:
    return list(iter_records(list(paths), ReadOptions(**options)))  # type: ignore[arg-type]


def only(path: Path, **options: object) -> Record:
    found = records(path, **options)
    assert len(found) == 1, found
    return found[0]


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def deferred(*paths: Path | str, **options: object) -> list[Record]:
    opts = ReadOptions(**options)  # type: ignore[arg-type]
    return list(iter_records(list(paths), opts, defer=True))


# --- plain text and markdown ---------------------------------------------------------


def test_txt_first_line_is_the_title(tmp_path: Path) -> None:
    rec = only(write(tmp_path / "a.txt", f"Port reopens after strike\n\n{BODY}\n"))
    assert rec.id == str(tmp_path / "a.txt")
    assert rec.article is not None
    assert rec.article.title == "Port reopens after strike"
    assert rec.article.text.strip() == BODY


def test_txt_first_line_that_is_a_sentence_is_text(tmp_path: Path) -> None:
    rec = only(write(tmp_path / "a.txt", f"{BODY}\nMore text follows here.\n"))
    assert rec.article is not None
    assert rec.article.title is None
    assert rec.article.text.startswith(BODY)


def test_markdown_heading_marks_are_dropped_from_the_title(tmp_path: Path) -> None:
    rec = only(write(tmp_path / "a.md", f"# Port reopens\n\n{BODY}\n"))
    assert rec.article is not None
    assert rec.article.title == "Port reopens"


def test_title_only_file_is_one_line_of_text(tmp_path: Path) -> None:
    rec = only(write(tmp_path / "a.txt", "Port reopens after strike\n"))
    assert rec.article is not None
    assert (rec.article.title, rec.article.text.strip()) == (None, "Port reopens after strike")


def test_empty_file_is_an_empty_article_not_a_crash(tmp_path: Path) -> None:
    rec = only(write(tmp_path / "a.txt", ""))
    assert rec.article is not None
    assert rec.article.text == ""


# --- encodings and binary data --------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = f"Café prices rise\n{BODY} “Quoted,” she said."
    raw = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # with a BOM, as Windows tools write it
        raw = "\ufeff".encode(encoding) + raw
    rec = only(write(tmp_path / "a.txt", raw))
    assert rec.article is not None, rec.error
    assert rec.article.title == "Café prices rise"
    assert "“Quoted,” she said." in rec.article.text


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    rec = only(write(tmp_path / "a.txt", b"Headline\nText " * 2000 + b"\x00 more"))
    assert rec.error is not None
    assert "NUL byte at byte 28,000" in rec.error  # 14 bytes x 2000


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    rec = only(write(tmp_path / "photo.txt", png))
    assert rec.error is not None
    assert "binary" in rec.error


def test_undecodable_bytes_are_an_error(tmp_path: Path) -> None:
    # 0x81 is neither valid UTF-8 here nor defined in Windows-1252.
    rec = only(write(tmp_path / "a.txt", b"Headline\nSome text \x81 here."))
    assert rec.error is not None
    assert "Windows-1252" in rec.error


def test_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    rec = only(write(tmp_path / "a.txt", "x" * 5000), max_bytes=4096)
    assert rec.error == "file too large (over 4,096 bytes)"


def test_fifty_megabyte_article_is_refused_with_its_length(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = ("The council met again. " * 40 + "\n").encode()
    with path.open("wb") as f:
        for _ in range(50_000_000 // len(line) + 1):
            f.write(line)
    rec = only(path)
    assert rec.error is not None
    # refused by its size on disk, before it is read into memory
    assert rec.error == f"file too large (over {MAX_BYTES:,} bytes)"


def test_single_ten_megabyte_line_is_refused_with_its_length(tmp_path: Path) -> None:
    text = "The council met, a spokesperson said, and " * 240_000  # ~10 MB, no line break
    rec = only(write(tmp_path / "long.txt", text))
    assert rec.article is None
    assert rec.error == f"text too long: {len(text):,} characters (the limit is {MAX_CHARS:,})"


def test_single_long_line_under_the_limit_is_one_article(tmp_path: Path) -> None:
    text = "The council met, a spokesperson said, and " * 24_000  # ~1 MB, no line break
    rec = only(write(tmp_path / "long.txt", text))
    assert rec.article is not None
    assert rec.article.title is None
    assert len(rec.article.text) == len(text)


# --- JSON --------------------------------------------------------------------------


def test_json_object_and_list(tmp_path: Path) -> None:
    write(tmp_path / "one.json", json.dumps({"title": "T", "text": BODY}))
    write(tmp_path / "many.json", json.dumps([{"text": BODY}, 3, {"title": "no text"}, {}]))
    got = records(tmp_path)
    ids = [r.id.removeprefix(str(tmp_path) + "/") for r in got]
    assert ids == ["many.json#1", "many.json#2", "many.json#3", "many.json#4", "one.json"]
    assert got[0].article is not None
    assert got[1].error == "record 2: expected a JSON object, found a number"
    assert got[2].error is not None
    assert "record 3: the mapping has no article text" in got[2].error
    assert got[2].title == "no text"  # kept for the error row
    assert got[3].error is not None
    assert got[4].article is not None
    assert got[4].article.title == "T"


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ('{"text": "a",', "malformed JSON: Expecting property name enclosed in double quotes"),
        ("[" * 100_000 + "]" * 100_000, "malformed JSON: nested too deeply"),
        ('"just a string"', "expected a JSON object or a list of objects, found a string"),
        ("[]", "empty JSON list: no articles"),
        ("", "malformed JSON: Expecting value (line 1, column 1)"),
    ],
)
def test_bad_json_files(tmp_path: Path, content: str, error: str) -> None:
    rec = only(write(tmp_path / "a.json", content))
    assert rec.error is not None
    assert rec.error.startswith(error)


def test_huge_json_list_streams_its_records(tmp_path: Path) -> None:
    items = [{"title": f"Item {i}", "text": f"{BODY} {i}"} for i in range(5_000)]
    got = records(write(tmp_path / "big.json", json.dumps(items)))
    assert len(got) == 5_000
    assert got[-1].id.endswith("big.json#5000")
    assert all(r.article is not None for r in got)


# --- JSON Lines ------------------------------------------------------------------------


def test_jsonl_malformed_line_in_the_middle(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": BODY, "title": "one"}),
        "",
        '{"text": "broken',
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "title only"}),
        json.dumps({"text": 42}),
        json.dumps({"text": BODY, "title": "last"}),
    ]
    got = records(write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n"))
    assert [r.id.rsplit(":", 1)[1] for r in got] == ["1", "3", "4", "5", "6", "7"]
    assert got[0].article is not None
    assert got[-1].article is not None
    assert got[1].error is not None
    assert got[1].error.startswith("line 3: malformed JSON: Unterminated string")
    assert got[2].error == "line 4: expected a JSON object, found a list"
    assert got[3].error is not None
    assert got[3].error.startswith("line 5: the mapping has no article text")
    assert got[4].error == "line 6: field 'text' must be a string, not int"


def test_jsonl_long_line_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    long = json.dumps({"text": "x" * 5000})
    body = "\n".join([json.dumps({"text": BODY}), long, json.dumps({"text": BODY})]) + "\n"
    got = records(write(tmp_path / "f.jsonl", body), max_bytes=1000)
    assert [r.error for r in got] == [None, "line 2: line longer than 1,000 bytes", None]


def test_jsonl_bad_encoding_and_nul_are_per_line(tmp_path: Path) -> None:
    raw = b'{"text": "caf\xe9 ok"}\n{"text": "a\x00b"}\n{"text": "fine"}\n'
    got = records(write(tmp_path / "f.jsonl", raw))
    assert got[0].article is not None
    assert got[0].article.text == "café ok"  # Windows-1252, line by line
    assert got[1].error == "line 2: NUL byte: binary data, not text"
    assert got[2].article is not None


def test_jsonl_utf16(tmp_path: Path) -> None:
    text = json.dumps({"text": "uno"}) + "\n" + json.dumps({"text": "dos"}) + "\n"
    got = records(write(tmp_path / "f.jsonl", text.encode("utf-16")))
    assert [r.article.text for r in got if r.article] == ["uno", "dos"]


def test_empty_jsonl_is_reported(tmp_path: Path) -> None:
    rec = only(write(tmp_path / "f.jsonl", "\n\n"))
    assert rec.error == "no JSON lines: the file is empty"


# --- CSV -----------------------------------------------------------------------------


def test_csv_embedded_newlines_quotes_and_errors(tmp_path: Path) -> None:
    content = (
        "\ufeffTitle,Text,Outlet,URL\n"
        '"Port, reopened","First paragraph.\n\nSecond, with ""quotes"".",,https://www.harbour.example/a\n'
        "Short,Only one line,gazette,\n"
        "Too,many,cells,here,extra\n"
        "\n"
        "No text,,gazette,\n"
    )
    got = records(write(tmp_path / "a.csv", content))
    assert [r.id.rsplit("#", 1)[1] for r in got] == ["1", "2", "3", "4"]
    first = got[0].article
    assert first is not None
    assert first.title == "Port, reopened"
    assert first.text == 'First paragraph.\n\nSecond, with "quotes".'
    assert first.outlet == "harbour.example"  # no outlet cell: the URL's domain
    assert got[1].article is not None
    assert got[1].article.outlet == "gazette"
    assert got[2].error == "record 3: 5 cells, but the header has 4"
    assert got[3].article is not None
    assert got[3].article.text == ""  # an empty text cell is an empty article


def test_csv_columns_can_be_mapped(tmp_path: Path) -> None:
    content = "headline_txt,story,site,text\nA title,The body.,paper,ignored\n"
    path = write(tmp_path / "a.csv", content)
    rec = only(path, columns={"text": "story", "title": "headline_txt", "outlet": "site"})
    assert rec.article is not None
    assert (rec.article.title, rec.article.text, rec.article.outlet) == (
        "A title",
        "The body.",
        "paper",
    )


@pytest.mark.parametrize(
    ("content", "columns", "error"),
    [
        ("headline,story\nA,B\n", {}, "no text column (columns: headline, story)"),
        ("title,text\nA,B\n", {"text": "story"}, "column story not found"),
        ("", {}, "empty CSV file"),
        ("title,text\n", {}, "no records: the CSV file has a header only"),
    ],
)
def test_csv_file_level_errors(
    tmp_path: Path, content: str, columns: dict[str, str], error: str
) -> None:
    rec = only(write(tmp_path / "a.csv", content), columns=columns)
    assert rec.error is not None
    assert rec.error.startswith(error)


def test_csv_with_binary_tail_keeps_the_records_before(tmp_path: Path) -> None:
    raw = b"title,text\nA,First.\nB,Second.\nC,Bro\x00ken\nD,Never read.\n"
    got = records(write(tmp_path / "a.csv", raw))
    assert [r.article.text for r in got if r.article] == ["First.", "Second."]
    assert got[-1].id == str(tmp_path / "a.csv")
    assert (
        got[-1].error == "line 4: NUL byte: binary data, not text; stopped reading after record 2"
    )


def test_csv_cell_larger_than_the_csv_module_default(tmp_path: Path) -> None:
    big = "word " * 60_000  # 300,000 characters: over csv's default 131,072 field limit
    rec = only(write(tmp_path / "a.csv", f"title,text\nBig,{big}\n"))
    assert rec.article is not None
    assert len(rec.article.text) == len(big)


def test_tsv(tmp_path: Path) -> None:
    rec = only(write(tmp_path / "a.tsv", "title\ttext\nA, with comma\tThe body.\n"))
    assert rec.article is not None
    assert rec.article.title == "A, with comma"


# --- HTML ----------------------------------------------------------------------------

PAGE = """<!doctype html><html><head>
<title>Ferry timetable changes | Coast Times</title>
<meta property="og:site_name" content="Coast Times">
<link rel="canonical" href="https://www.coast-times.example/news/ferry">
<script>var s = "<p>script text must not appear</p>"; document.write(s);</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Ferry timetable changes</h1>
<p>The island ferry will run every 40 minutes instead of every hour from May, the operator
said on Tuesday, after passenger numbers rose by 18&nbsp;percent last year.</p>
<p>&ldquo;We have the boats and the crews,&rdquo; said operations manager Liam Byrne &mdash;
adding that the late sailing would stay at 22:10.</p>
<p>Fares will not change, the regional transport office confirmed in a statement.</p>
</article>
<footer>&copy; 2026 Coast Times</footer>
</body></html>"""


def test_html_is_extracted_in_resolve(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    rec = only(write(tmp_path / "news" / "ferry.html", PAGE))
    assert rec.markup is not None  # extraction waits for resolve (it runs in a worker)
    art = resolve(rec)
    assert art.title == "Ferry timetable changes"
    assert art.outlet == "Coast Times"  # the page names its site
    assert art.url == "https://www.coast-times.example/news/ferry"
    assert "“We have the boats and the crews,” said operations manager Liam Byrne" in art.text
    assert "script text" not in art.text
    assert "color" not in art.text
    assert not art.text.startswith("Ferry timetable changes")  # headline not repeated
    assert "&" not in art.text


def test_html_outlet_falls_back_to_url_then_folder(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    no_site = PAGE.replace('<meta property="og:site_name" content="Coast Times">', "")
    page = write(tmp_path / "news" / "a.html", no_site)
    assert resolve(only(page)).outlet == "coast-times.example"
    bare = no_site.replace(
        '<link rel="canonical" href="https://www.coast-times.example/news/ferry">', ""
    )
    page = write(tmp_path / "news" / "b.htm", bare)
    assert resolve(only(page)).outlet == "news"
    assert resolve(only(page, outlet="forced")).outlet == "forced"


def test_html_without_main_text(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    rec = only(write(tmp_path / "a.html", "<html><body><script>x=1</script></body></html>"))
    with pytest.raises(ValueError, match="no main text found in the HTML"):
        resolve(rec)


def test_html_without_the_extra_says_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails
    rec = only(write(tmp_path / "a.html", PAGE))
    with pytest.raises(ValueError, match=r"the html extra \(pip install '\.\[html\]'"):
        resolve(rec)


# --- folders, ids and the outlet rule ----------------------------------------------------


def test_folder_walk_order_filters_and_hidden_files(tmp_path: Path) -> None:
    for rel in ["b.txt", "a/z.md", "a/b/c.json", "C.txt", "skip.log", ".hidden.txt", ".git/x.txt"]:
        write(tmp_path / rel, json.dumps({"text": BODY}) if rel.endswith(".json") else BODY)
    ids = [r.id.removeprefix(str(tmp_path) + "/") for r in records(tmp_path)]
    assert ids == ["C.txt", "a/b/c.json", "a/z.md", "b.txt"]  # sorted, depth-first


def test_include_and_exclude(tmp_path: Path) -> None:
    for rel in ["keep/a.txt", "keep/b.md", "drafts/c.txt", "keep/drafts/d.txt", "e.json"]:
        write(tmp_path / rel, BODY if not rel.endswith("json") else json.dumps({"text": BODY}))

    def ids(**options: object) -> list[str]:
        return [r.id.removeprefix(str(tmp_path) + "/") for r in records(tmp_path, **options)]

    assert ids(include=("*.txt",)) == ["drafts/c.txt", "keep/a.txt", "keep/drafts/d.txt"]
    assert ids(exclude=("drafts",)) == ["e.json", "keep/a.txt", "keep/b.md"]
    assert ids(exclude=("drafts/*",)) == ["e.json", "keep/a.txt", "keep/b.md", "keep/drafts/d.txt"]
    assert ids(include=("keep/*",), exclude=("*.md",)) == ["keep/a.txt", "keep/drafts/d.txt"]


def test_explicit_file_with_unknown_suffix_is_read_as_text(tmp_path: Path) -> None:
    rec = only(write(tmp_path / "notes.log", f"Headline\n{BODY}"))
    assert rec.article is not None
    assert rec.article.title == "Headline"


def test_outlet_rule(tmp_path: Path) -> None:
    write(
        tmp_path / "gazette" / "f.jsonl",
        "\n".join(
            json.dumps(d)
            for d in [
                {"text": BODY, "outlet": "Record Outlet", "url": "https://www.url.example/x"},
                {"text": BODY, "url": "https://www.url.example/x"},
                {"text": BODY, "outlet": "  ", "url": "https://other.example/x"},
                {"text": BODY},
            ]
        ),
    )
    outlets = [r.article.outlet for r in records(tmp_path) if r.article]
    assert outlets == ["Record Outlet", "url.example", "other.example", "gazette"]
    outlets = [r.article.outlet for r in records(tmp_path, folder_outlet=False) if r.article]
    assert outlets == ["Record Outlet", "url.example", "other.example", None]
    outlets = [r.article.outlet for r in records(tmp_path, outlet="Mine") if r.article]
    assert outlets == ["Mine"] * 4


def test_error_records_carry_the_folder_outlet(tmp_path: Path) -> None:
    rec = only(write(tmp_path / "gazette" / "bad.json", "{"))
    assert (rec.outlet, rec.error is not None) == ("gazette", True)


def test_missing_path_broken_link_and_fifo(tmp_path: Path) -> None:
    (tmp_path / "dead.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    write(tmp_path / "ok.txt", BODY)
    got = records(tmp_path, tmp_path / "missing.txt")
    assert [(Path(r.id).name, r.error) for r in got] == [
        ("dead.txt", "broken symbolic link"),
        ("ok.txt", None),
        ("pipe.txt", "not a regular file"),
        ("missing.txt", "no such file or folder"),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    write(tmp_path / "locked" / "a.txt", BODY)
    write(tmp_path / "secret.txt", BODY)
    (tmp_path / "secret.txt").chmod(0)
    (tmp_path / "locked").chmod(0)
    try:
        got = records(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
        (tmp_path / "secret.txt").chmod(0o644)
    assert [r.error for r in got] == [
        "cannot list folder: Permission denied",
        "cannot read: Permission denied",
    ]


def test_ignored_output_files_are_never_read(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "scores.csv", "id,text\nx,y\n")
    write(tmp_path / "scores.csv.partial", "id,text\nx,y\n")
    ignore = frozenset({str(tmp_path / "scores.csv"), str(tmp_path / "scores.csv.partial")})
    assert [Path(r.id).name for r in records(tmp_path, ignore=ignore)] == ["a.txt"]


def test_ids_escape_control_characters(tmp_path: Path) -> None:
    name = "line\nbreak.txt"
    write(tmp_path / name, BODY)
    rec = only(tmp_path)
    assert rec.id.endswith("line\\x0abreak.txt")
    assert rec.id == safe_id(str(tmp_path / name))
    assert rec.id.isprintable()


# --- standard input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "ids", "title"),
    [
        (b'{"text": "one"}\n{"text": "two"}\n', ["<stdin>:1", "<stdin>:2"], None),
        (b'{\n  "title": "T",\n  "text": "one"\n}\n', ["<stdin>"], "T"),
        (b'[{"text": "one", "title": "T"}]', ["<stdin>#1"], "T"),
        (b"Headline here\nThe text, said Bo.\n", ["<stdin>"], "Headline here"),
    ],
)
def test_stdin_is_sniffed(data: bytes, ids: list[str], title: str | None) -> None:
    got = list(iter_records(["-"], stdin=io.BytesIO(data)))
    assert [r.id for r in got] == ids
    assert got[0].article is not None
    assert got[0].article.title == title


def test_stdin_html_and_explicit_csv() -> None:
    got = list(iter_records(["-"], stdin=io.BytesIO(PAGE.encode())))
    assert got[0].markup is not None
    opts = ReadOptions(stdin_format="csv")
    got = list(iter_records(["-"], opts, stdin=io.BytesIO(b"title,text\nA,B\nC,D\n")))
    assert [r.id for r in got] == ["<stdin>#1", "<stdin>#2"]


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError, match="cannot map body"):
        ReadOptions(columns={"body": "x"})
    with pytest.raises(ValueError, match="unknown stdin format"):
        ReadOptions(stdin_format="xml")


def test_format_of() -> None:
    assert [format_of(n) for n in ["a.TXT", "b.ndjson", "c.htm", "d.tsv", "e.pdf"]] == [
        "txt",
        "jsonl",
        "html",
        "tsv",
        None,
    ]


# --- never raise, whatever the bytes -----------------------------------------------------


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(lambda t: t.encode("utf-8")),
        st.text(alphabet='{}[]",:\n\\ ta1', max_size=200).map(str.encode),
    ),
    suffix=st.sampled_from([".txt", ".md", ".json", ".jsonl", ".csv", ".tsv", ".html"]),
)
def test_any_bytes_give_records_never_an_exception(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    got = records(path)
    assert got, "every file gives at least one record (an article or an error)"
    for rec in got:
        assert rec.id.startswith(str(path))
        assert rec.id.isprintable()
        if rec.error is not None:
            assert rec.error.strip()


# --- deferred reading (the batch's workers read the files) ----------------------------


def _awkward_folder(root: Path) -> list[Path]:
    """One of every kind of file a folder walk meets, good and bad."""
    made = [
        write(root / "times" / "a.txt", f"Port reopens after strike\n\n{BODY}\n"),
        write(root / "times" / "b.md", f"# Port reopens\n\n{BODY}\n"),
        write(root / "times" / "c.txt", b""),
        write(root / "times" / "d.txt", b"\x00\x01\x02binary"),
        write(root / "times" / "e.txt", b"caf\xe9 au lait, the owner said."),
        write(root / "times" / "f.txt", "\ufeff" + BODY),
        write(root / "times" / "g.txt", BODY.encode("utf-16")),
        write(root / "times" / "h.txt", "x" * 300),
        write(root / "gazette" / "page.html", PAGE),
        write(root / "gazette" / "list.json", json.dumps([{"text": BODY}, {"text": ""}])),
        write(root / "gazette" / "feed.jsonl", json.dumps({"text": BODY}) + "\n{bad\n"),
    ]
    (root / "gazette" / "dead.txt").symlink_to(root / "nowhere.txt")
    os.mkfifo(root / "gazette" / "pipe.md")
    return made


@pytest.mark.parametrize(
    "options",
    [{}, {"outlet": "Forced"}, {"folder_outlet": False}, {"max_bytes": 200}],
    ids=["default", "forced-outlet", "no-folder-outlet", "small-limit"],
)
def test_deferred_records_load_to_what_reading_gives(
    tmp_path: Path, options: dict[str, object]
) -> None:
    made = _awkward_folder(tmp_path)
    eager = records(tmp_path, made[0], tmp_path / "missing.txt", **options)
    lazy = deferred(tmp_path, made[0], tmp_path / "missing.txt", **options)
    # one-article files wait; lists, feeds and errors found by the walk do not
    assert sorted(Path(r.id).name for r in lazy if r.pending is not None) == [
        "a.txt", "a.txt", "b.md", "c.txt", "d.txt", "e.txt", "f.txt", "g.txt", "h.txt",
        "page.html",
    ]  # fmt: skip
    assert [load(r) for r in lazy] == eager
    assert [load(r) for r in eager] == eager  # nothing pending: unchanged


def test_a_file_that_changes_after_the_walk_is_read_as_it_is_then(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", BODY)
    (rec,) = deferred(tmp_path)
    path.write_bytes(b"\x00binary now")
    assert load(rec).error == "NUL byte at byte 0: binary data, not text"
    path.unlink()
    loaded = load(rec)
    assert loaded.id == rec.id
    assert str(loaded.error).startswith("cannot read:")
