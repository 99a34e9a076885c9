"""--shard i/N: disjoint slices whose union is the whole suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fixtures.sharding import parse_shard, shard_of

ROOT = Path(__file__).parent.parent


def collected(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "features", "--collect-only", "-q",
         "-p", "no:randomly", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if "::" in line]


def test_shards_partition_the_suite() -> None:
    everything = collected()
    shards = [collected("--shard", f"{i}/3") for i in (1, 2, 3)]
    union = [nodeid for shard in shards for nodeid in shard]
    assert sorted(union) == sorted(everything)
    # Every generated feature's scenarios (the real locales and the pseudo-locales), once.
    scenarios = sum(
        path.read_text(encoding="utf-8").count("\n  Scenario:")
        for path in (ROOT / "features").glob("*/settle_balance.feature")
    )
    assert len(union) == len(set(union)) == scenarios
    assert max(map(len, shards)) - min(map(len, shards)) <= 1


def test_locale_selection_runs_only_that_locale() -> None:
    nodeids = collected("--locale", "nl-NL")
    assert len(nodeids) == 10
    assert all(nodeid.endswith("_nlnl") for nodeid in nodeids)


def test_shard_of_is_round_robin() -> None:
    ids = [f"t{i}" for i in range(7)]
    assert shard_of(ids, 1, 3) == {"t0", "t3", "t6"}
    assert shard_of(ids, 3, 3) == {"t2", "t5"}


@pytest.mark.parametrize("bad", ["0/3", "4/3", "1-3", "x/y", ""])
def test_bad_shard_is_a_usage_error(bad: str) -> None:
    with pytest.raises(pytest.UsageError, match="--shard"):
        parse_shard(bad)
