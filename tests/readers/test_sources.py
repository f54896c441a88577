from accord.model import Failure
from accord.readers.sources import iter_raw_inputs


def test_folders_are_read_recursively_in_order_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "b" / "c.txt").write_text("C")
    (tmp_path / ".git" / "config").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    got = [r.origin for r in iter_raw_inputs([str(tmp_path)], 1000)]
    assert got == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.txt")]


def test_globs_and_missing_paths(tmp_path):
    (tmp_path / "x1.txt").write_text("1")
    (tmp_path / "x2.txt").write_text("2")
    got = list(iter_raw_inputs([str(tmp_path / "x*.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "z*.txt")], 1000))
    assert [g.stem for g in got[:2]] == ["x1", "x2"]
    assert isinstance(got[2], Failure) and "no such file" in got[2].reason
    assert isinstance(got[3], Failure) and "no files match" in got[3].reason


def test_size_limit_names_the_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2_000_001)
    (failure,) = iter_raw_inputs([str(big)], 2_000_000)
    assert isinstance(failure, Failure)
    assert "over the size limit of 2,000,000 bytes" in failure.reason and "ACCORD_MAX_BYTES" in failure.reason
