"""Sizes in messages: one unit (MiB, 2**20 bytes) wherever accord names a size, so a 20 MiB limit is
"20 MiB" and never "21.0 MB"."""

import pytest

from accord.config import DEFAULT_MAX_BYTES
from accord.model import Failure
from accord.readers.sources import iter_raw_inputs
from accord.sizes import MIB, byte_size, sizes_apart


@pytest.mark.parametrize(
    "n, text",
    [
        (20 * MIB, "20 MiB"),
        (DEFAULT_MAX_BYTES, "20 MiB"),
        (int(1.5 * MIB), "1.5 MiB"),
        (25 * MIB + 1, "25 MiB"),
        (MIB, "1 MiB"),
        (MIB - 1, "1,048,575 bytes"),
        (2_000, "2,000 bytes"),
        (1, "1 byte"),
    ],
)
def test_byte_size(n, text):
    assert byte_size(n) == text


def test_sizes_that_read_alike_are_given_in_bytes():
    assert sizes_apart(20 * MIB + 1, 20 * MIB) == ("20,971,521 bytes", "20,971,520 bytes")
    assert sizes_apart(25 * MIB, 20 * MIB) == ("25 MiB", "20 MiB")


def test_the_default_limit_is_named_in_mib(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (DEFAULT_MAX_BYTES + 1))
    (failure,) = iter_raw_inputs([str(big)], DEFAULT_MAX_BYTES)
    assert isinstance(failure, Failure)
    assert "over the size limit of 20,971,520 bytes" in failure.reason
    assert "MB" not in failure.reason


def test_a_file_well_over_the_limit_is_named_in_mib(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (3 * MIB))
    (failure,) = iter_raw_inputs([str(big)], 2 * MIB)
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("file is 3 MiB, over the size limit of 2 MiB")
