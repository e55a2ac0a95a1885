from __future__ import annotations

import json
from pathlib import Path

import pytest

from reliability import Article, EmptyArticleError, score, to_article
from reliability.article import decode_bytes, domain_of, split_title


def test_str_is_text_never_a_path(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("should not be read", encoding="utf-8")
    art = to_article(str(tmp_path / "notes.txt"))
    assert art.text == str(tmp_path / "notes.txt")


def test_mapping_aliases_and_outlet_from_url() -> None:
    art = to_article(
        {
            "headline": "A",
            "body": "B text.",
            "link": "https://www.Example.org/x",
            "author": ["Ann", "Bo"],
        }
    )
    assert (art.title, art.text, art.outlet, art.byline) == (
        "A",
        "B text.",
        "example.org",
        "Ann, Bo",
    )


def test_mapping_without_text_names_the_keys() -> None:
    with pytest.raises(ValueError, match="keys present: title"):
        to_article({"title": "x"})


def test_mapping_with_non_string_field() -> None:
    with pytest.raises(TypeError, match="'text' must be a string"):
        to_article({"text": 42})


@pytest.mark.parametrize("bad", [42, 3.5, None, ["text"], b"bytes"])
def test_unsupported_types_raise_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        to_article(bad)


def test_article_normalises_line_endings_and_bom() -> None:
    art = Article(text="\ufeffone\r\ntwo\rthree")
    assert art.text == "one\ntwo\nthree"


def test_path_reads_title_from_first_line(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Council votes on budget\n\nThe council voted.\n", encoding="utf-8")
    art = to_article(f)
    assert art.title == "Council votes on budget"
    assert art.text.strip() == "The council voted."


def test_path_json(tmp_path: Path) -> None:
    f = tmp_path / "a.json"
    f.write_text(json.dumps({"title": "T", "text": "Body."}), encoding="utf-8")
    assert to_article(f).title == "T"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("A headline\nBody text here.", "A headline"),
        ("A sentence that ends with a period.\nMore text.", None),
        ("Only one line", None),
        ("Is this a question?\nBody.", "Is this a question?"),
    ],
)
def test_split_title(text: str, title: str | None) -> None:
    assert split_title(text)[0] == title


def test_decode_bytes() -> None:
    assert decode_bytes("café".encode()) == "café"
    assert decode_bytes("café".encode("utf-16")) == "café"
    assert decode_bytes("café".encode("cp1252")) == "café"
    with pytest.raises(ValueError, match="binary"):
        decode_bytes(b"\x00\x01\x02binary")


def test_domain_of() -> None:
    assert domain_of("http://www.bbc.co.uk/news") == "bbc.co.uk"
    assert domain_of("example.com/path") == "example.com"
    assert domain_of("") is None


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n"])
def test_empty_text_is_a_clear_error(text: str) -> None:
    with pytest.raises(EmptyArticleError, match="empty"):
        score(text)


def test_path_reads_like_the_command_line(tmp_path: Path) -> None:
    md = tmp_path / "b.md"
    md.write_text("# Council approves budget\n\nThe council voted.\n", encoding="utf-8")
    assert to_article(md).title == "Council approves budget"  # as `reliability score` reads it
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"title": "T", "text": "Body."}) + "\n", encoding="utf-8")
    assert to_article(one).title == "T"


def test_path_with_several_articles_or_an_unknown_type_is_refused(tmp_path: Path) -> None:
    many = tmp_path / "many.jsonl"
    many.write_text('{"text": "One."}\n{"text": "Two."}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="more than one article"):
        to_article(many)
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"PK\x03\x04")
    with pytest.raises(ValueError, match=r"unknown file type '\.docx'"):
        to_article(odd)


def test_nul_byte_anywhere_is_binary() -> None:
    raw = b"The council met. " * 1000 + b"\x00tail"
    with pytest.raises(ValueError, match="NUL byte at byte 17,000"):
        decode_bytes(raw)
