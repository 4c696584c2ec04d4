"""Sources and metadata: bad input is a clear error naming the file, the line and the fix."""

import shutil

import pytest

from sahel_events.ingest import read_article, source_files
from sahel_events.yamlio import InputError

META = """title: Synthetic title
publisher: Synthetic publisher
url: https://example.org/synthetic
published: 2023-10-13
language: en
license: public-domain
"""


def write_source(folder, name="synthetic-article", meta=META, text="A synthetic sentence about a town.\n"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    if meta is not None:
        (folder / f"{name}.yaml").write_text(meta, encoding="utf-8")
    return folder / f"{name}.txt"


def test_good_source(tmp_path):
    article = read_article(write_source(tmp_path))
    assert article.article_id == "synthetic-article"
    assert article.meta["published_precision"] == "day"
    assert article.meta["published_certainty"] == "exact"


def test_missing_required_field_names_file_and_field(tmp_path):
    path = write_source(tmp_path, meta=META.replace("publisher: Synthetic publisher\n", ""))
    with pytest.raises(InputError) as err:
        read_article(path)
    assert "synthetic-article.yaml" in str(err.value)
    assert "publisher" in str(err.value)


def test_invalid_date_names_line(tmp_path):
    path = write_source(tmp_path, meta=META.replace("2023-10-13", "13/10/2023"))
    with pytest.raises(InputError) as err:
        read_article(path)
    assert "synthetic-article.yaml:4" in str(err.value)
    assert "YYYY-MM-DD" in str(err.value)


def test_misspelt_field_is_caught(tmp_path):
    path = write_source(tmp_path, meta=META + "publised_certainty: estimated\n")
    with pytest.raises(InputError, match="did you mean `published_certainty`"):
        read_article(path)


def test_missing_metadata_file(tmp_path):
    with pytest.raises(InputError, match="no metadata"):
        read_article(write_source(tmp_path, meta=None))


def test_empty_binary_and_non_utf8_sources(tmp_path):
    with pytest.raises(InputError, match="empty"):
        read_article(write_source(tmp_path, "empty", text=""))
    path = write_source(tmp_path, "binary")
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(InputError, match="binary"):
        read_article(path)
    path = write_source(tmp_path, "latin")
    path.write_bytes("Une phrase synthétique.".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        read_article(path)


def test_bad_article_id(tmp_path):
    with pytest.raises(InputError, match="not a valid article id"):
        read_article(write_source(tmp_path, "Bad_Name"))


def test_duplicate_ids(tmp_path):
    write_source(tmp_path, "same-id")
    shutil.copy(tmp_path / "same-id.txt", tmp_path / "same-id.html")
    with pytest.raises(InputError, match="share the article id"):
        source_files(tmp_path)


def test_yaml_aliases_rejected(tmp_path):
    meta = META + "byline: &a Synthetic\nlicense_note: *a\n"
    with pytest.raises(InputError, match="aliases"):
        read_article(write_source(tmp_path, meta=meta))


def test_window_must_contain_date(tmp_path):
    path = write_source(tmp_path, meta=META + "published_window: [2023-10-14, 2023-10-16]\n")
    with pytest.raises(InputError, match="within `published_window`"):
        read_article(path)
