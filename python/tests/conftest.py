"""Shared fixtures: the repository's budget-dev samples and the CLI binary to compare with."""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "samples").glob("*.pdf"))


def cli_binary() -> Path:
    """The release CLI (`cargo test --release` builds it; TABLELIFT_BIN overrides)."""
    path = Path(os.environ.get("TABLELIFT_BIN", REPO / "target" / "release" / "tablelift"))
    if not path.is_file():
        pytest.fail(f"no tablelift binary at {path}: run `cargo build --release` first (or set TABLELIFT_BIN)")
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(cli_binary()), *args], capture_output=True, check=False)


def cli_document(pdf: Path) -> dict:
    """The CLI's document JSON of one PDF (written to stdout), parsed without any Decimal."""
    out = run_cli("extract", "-q", str(pdf))
    assert out.returncode == 0, out.stderr.decode()
    return json.loads(out.stdout)


def cli_facts(inputs, tmp: Path) -> list:
    """The CLI's facts NDJSON over `inputs`, one dict per line (values as strings)."""
    facts = tmp / "facts.ndjson"
    out = run_cli("extract", "-q", "-j", "2", "-o", str(tmp / "out"), "--facts", str(facts), *map(str, inputs))
    assert out.returncode in (0, 1), out.stderr.decode()
    return [json.loads(line) for line in facts.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="session")
def samples():
    assert len(SAMPLES) >= 12, f"budget-dev samples missing from {REPO / 'samples'}"
    return SAMPLES


def pytest_sessionfinish(session, exitstatus):
    """With TABLELIFT_NO_SKIP=1 (set by .ci/run), a skipped test fails the run: in CI every
    optional dependency is installed, so a skip means something is not being tested."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("TABLELIFT_NO_SKIP") == "1" and skipped and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
