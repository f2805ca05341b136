"""`saidwhat ingest --workers/--scheduler`: the options, their errors, one real run."""

from __future__ import annotations

from scale_corpus import write_corpus

from saidwhat.scale import client as scale_client


def test_option_conflicts_are_usage_errors(run, tmp_path):
    folder = tmp_path / "c"
    write_corpus(folder, 1)
    for args, message in (
        (["--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"], "not both"),
        (["--workers", "2", "--jobs", "2"], "--jobs is for one machine"),
        (["--batch-size", "4"], "--batch-size goes with --workers"),
    ):
        result = run("ingest", str(folder), *args)
        assert result.exit_code == 2, result.output
        assert "saidwhat: error: " in result.stderr and message in result.stderr
        assert "Traceback" not in result.output


def test_unreachable_scheduler_is_one_line(run, tmp_path, monkeypatch):
    monkeypatch.setattr(scale_client, "CONNECT_TIMEOUT_S", 1)
    folder = tmp_path / "c"
    write_corpus(folder, 1)
    result = run("ingest", str(folder), "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("saidwhat: error:")]
    assert lines == [lines[0]] and "tcp://127.0.0.1:9: cannot reach the Dask scheduler" in lines[0]


def test_ingest_with_one_worker(run, tmp_path):
    folder = tmp_path / "c"
    write_corpus(folder, 3)
    (folder / "broken.txt").write_bytes(b"\x00\x01 binary")
    result = run("ingest", str(folder), "--workers", "1", "--batch-size", "2")
    assert result.exit_code == 1  # the broken file; the rest is stored
    assert f"saidwhat: error: {folder}/broken.txt: looks like a binary file" in result.stderr
    assert "4 documents read, 3 stored" not in result.stdout  # the broken file is not a document
    assert "3 documents read, 3 stored" in result.stdout and "1 errors" in result.stdout
    stats = run("stats", "--format", "json")
    assert '"documents": 3' in stats.stdout


def test_ingest_on_a_running_cluster(run, tmp_path):
    """`dask scheduler` and `dask worker` as a user starts them; `--scheduler ADDRESS` uses them."""
    import json
    import subprocess
    import sys
    import time

    dask = [sys.executable, "-m", "dask"]
    info = tmp_path / "scheduler.json"
    common = ["--dashboard-address", ":0"]
    procs = [
        subprocess.Popen(
            [*dask, "scheduler", "--port", "0", "--scheduler-file", str(info), *common],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        for _ in range(600):  # the scheduler writes its address when it is up
            if info.exists() and info.stat().st_size:
                break
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        procs.append(
            subprocess.Popen(
                [*dask, "worker", "--scheduler-file", str(info), "--nthreads", "1", *common],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        folder = tmp_path / "c"
        write_corpus(folder, 3, seed=4)
        result = run("ingest", str(folder), "--scheduler", address, "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)[0]["stored"] == 3
    finally:
        for p in reversed(procs):
            p.terminate()
            p.wait(timeout=60)
