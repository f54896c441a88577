"""What `accord spark extract` reads: files, folders, globs and listing files expand to local files,
each once; URIs with a scheme go to Spark's Hadoop file systems as given; a name matching nothing is
reported, and nothing at all to read is a usage error. No Spark needed."""

import pytest

from accord.errors import UsageError
from accord.spark.inputs import expand
from tests.web_archives import write_warc


def test_files_folders_globs_and_listings(tmp_path):
    (tmp_path / "shards").mkdir()
    a = write_warc(tmp_path / "shards" / "a.warc.gz", gzip=True)
    b = write_warc(tmp_path / "shards" / "b.warc", gzip=False)
    wire = tmp_path / "wire.jsonl"
    wire.write_text('{"text": "Envoys met in Geneva."}\n')
    listing = tmp_path / "inputs.txt"
    listing.write_text(f"# shards of October\n{a}\n\n{wire}\nhdfs://cluster/cc-news/2025-10/\n")
    found = expand([str(listing), str(tmp_path / "shards"), str(tmp_path / "*.jsonl"), "s3a://bucket/x.warc.gz"])
    assert found.local == [str(a.resolve()), str(wire.resolve()), str(b.resolve())]  # each once, in order
    assert found.remote == ["hdfs://cluster/cc-news/2025-10/", "s3a://bucket/x.warc.gz"]
    assert found.missing == []


def test_a_text_article_is_an_input_not_a_listing(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Envoys met in Geneva on Monday.\n\nThey agreed to meet again.\n")
    assert expand([str(article)]).local == [str(article.resolve())]


def test_names_matching_nothing(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n')
    found = expand([str(tmp_path / "a.jsonl"), str(tmp_path / "gone.warc"), str(tmp_path / "*.warc.gz")])
    assert [f.reason for f in found.missing] == ["no such file or folder", "no files match this pattern"]
    with pytest.raises(UsageError, match="nothing to read"):
        expand([str(tmp_path / "gone.warc")])
