"""Fault injection: nothing lost, nothing destroyed, one line per error, whatever happens.

Concurrent merges in separate processes; a crash (os._exit, as kill -9) at every rename of a
merge and of the leaderboard; the disk filling up (an injected ENOSPC) at every write; a
read-only data folder; symlinks, FIFOs and inputs given as outputs. Faults are injected in
a subprocess that wraps the command line, so the package itself carries no test hooks.
"""
import hashlib
import json
import os
import random
import shutil
import stat
import subprocess
import sys
import textwrap
import threading

import pytest

from conftest import FIXTURES, ROOT, read_jsonl, run_cli

CORPUS = FIXTURES / "errors" / "corpus"
WORDS = ("harbour lantern orchard copper meadow quarry ferry signal granary viaduct tannery kiln "
         "ledger pasture beacon cistern foundry mill wharf spire cannery dovecote weir forge").split()
VERBS = ("reopened closed flooded expanded shrank reported sold bought rebuilt painted fenced moved").split()


def batch(path, doc, seed):
    """A contributed, doubly annotated batch of claims that no other batch resembles."""
    rng = random.Random(seed)
    rows = []
    for pos in range(4):
        words = rng.sample(WORDS, 5)
        text = (f"The {words[0]} near the {words[1]} {rng.choice(VERBS)} after {rng.randint(2, 97)} "
                f"{words[2]}s and a {words[3]} {doc}{pos} were counted by the {words[4]} office.")
        rows.append({"id": f"{doc}-{pos:02d}", "doc_id": doc, "position": pos, "text": text, "label": "claim",
                     "source": None, "cue": None, "phenomena": ["headline"] if pos == 0 else [],
                     "annotations": [{"annotator": "ann-a", "label": "claim"}, {"annotator": "ann-b", "label": "claim"}],
                     "origin": "contributed", "topic": "transport", "genre": "wire"})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


def snapshot(folder):
    """Every file of the folder with its bytes' hash (hidden files too: staged leftovers count)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def ids(folder):
    return sorted(r["id"] for name in ("train", "validation", "test") for r in read_jsonl(folder / f"{name}.jsonl"))


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(CORPUS, folder)
    return folder


WRAPPER = textwrap.dedent("""
    import errno, os, sys
    kind, nth = sys.argv[1], int(sys.argv[2])
    calls = [0]
    if kind == "crash":  # die like kill -9 just before the nth rename
        real = os.replace
        def replace(a, b, *args, **kw):
            calls[0] += 1
            if calls[0] == nth:
                os._exit(137)
            return real(a, b, *args, **kw)
        os.replace = replace
    elif kind == "enospc":  # the disk is full at the nth write to a file
        real = os.fdopen
        def fdopen(fd, *args, **kw):
            f = real(fd, *args, **kw)
            calls[0] += 1
            if calls[0] == nth:
                def write(*a, **k):
                    raise OSError(errno.ENOSPC, "No space left on device", getattr(f, "name", None))
                f.write = write
            return f
        os.fdopen = fdopen
    from gainsay.cli import main
    sys.exit(main(sys.argv[3:]))
""")


def faulty(tmp_path, kind, nth, *args):
    script = tmp_path / "faulty.py"
    script.write_text(WRAPPER)
    return subprocess.run([sys.executable, str(script), kind, str(nth), *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "GAINSAY_CACHE": str(tmp_path / "cache")}, timeout=300)


# ---- data safety ----------------------------------------------------------------------

def test_concurrent_merges_land_exactly_once(tmp_path):
    """Two merges of different batches at once, in separate processes, many times."""
    trials = 8
    for t in range(trials):
        folder = tmp_path / f"data{t}"
        shutil.copytree(CORPUS, folder)
        a, b = tmp_path / f"a{t}.jsonl", tmp_path / f"b{t}.jsonl"
        rows = batch(a, f"alpha{t}", t) + batch(b, f"beta{t}", 100 + t)
        before = ids(folder)
        procs = [subprocess.Popen([sys.executable, "-m", "gainsay", "merge", str(x), "--data", str(folder)], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for x in (a, b)]
        outs = [p.communicate(timeout=300) for p in procs]
        codes = [p.returncode for p in procs]
        assert codes == [0, 0], outs
        assert ids(folder) == sorted(before + [r["id"] for r in rows]), f"trial {t}: a record was lost or doubled"
        assert run_cli("validate", folder).returncode == 0
        assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no staging file left


def test_a_second_writer_waits_and_says_so(data):
    """While one command holds the data folder's lock, another waits (saying so) and then runs."""
    import fcntl

    fd = os.open(data, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    proc = subprocess.Popen([sys.executable, "-m", "gainsay", "stats", "--write", "--data", str(data)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    threading.Event().wait(1.5)
    assert proc.poll() is None  # still waiting
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "another gainsay command is changing this folder; waiting for it to finish" in err


def test_lock_timeout_is_a_clear_refusal(data, monkeypatch):
    import fcntl

    from gainsay.corpus import transaction
    from gainsay.problems import GainsayError

    fd = os.open(data, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        before = snapshot(data)
        script = ("import sys; from gainsay.corpus import transaction; transaction.WAIT_SECONDS = 0.5; "
                  "from gainsay.cli import main; sys.exit(main(sys.argv[1:]))")
        r = subprocess.run([sys.executable, "-c", script, "stats", "--write", "--data", str(data)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == 1, r.stderr
        assert f"{data}: another gainsay command has been changing this folder for 0 s; nothing was written" in r.stderr
        assert snapshot(data) == before
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def test_a_crash_at_any_step_of_a_merge_leaves_it_undone_or_done(tmp_path):
    base = tmp_path / "base"
    shutil.copytree(CORPUS, base)
    new = batch(tmp_path / "batch.jsonl", "gamma", 7)
    done = tmp_path / "done"
    shutil.copytree(CORPUS, done)
    assert run_cli("merge", tmp_path / "batch.jsonl", "--data", done).returncode == 0
    original, merged = snapshot(base), snapshot(done)
    assert original != merged
    cases = 0
    for nth in range(1, 8):  # every rename the merge makes, and one past the last
        folder = tmp_path / f"crash{nth}"
        shutil.copytree(CORPUS, folder)
        r = faulty(tmp_path, "crash", nth, "merge", tmp_path / "batch.jsonl", "--data", folder)
        assert "Traceback" not in r.stderr
        crashed = r.returncode == 137
        # the next command to read the folder completes an interrupted commit first
        assert run_cli("validate", folder).returncode == 0
        state = snapshot(folder)
        assert state in (original, merged), f"crash before rename {nth}: the corpus is between two states"
        if crashed and state == merged:
            assert ids(folder) == sorted(ids(base) + [r["id"] for r in new])
        cases += 1
    assert cases == 7


@pytest.mark.parametrize("nth", range(1, 7))
def test_disk_full_at_any_write_of_a_merge_changes_nothing(tmp_path, data, nth):
    batch(tmp_path / "batch.jsonl", "delta", 11)
    before = snapshot(data)
    r = faulty(tmp_path, "enospc", nth, "merge", tmp_path / "batch.jsonl", "--data", data)
    assert "Traceback" not in r.stderr
    if r.returncode != 0:
        assert "No space left on device" in r.stderr
        assert snapshot(data) == before
    else:  # this run made fewer writes than nth: it merged normally
        assert len(ids(data)) == len(read_jsonl(CORPUS / "train.jsonl")) + len(read_jsonl(CORPUS / "validation.jsonl")) \
            + len(read_jsonl(CORPUS / "test.jsonl")) + 4


def test_a_crash_while_publishing_the_leaderboard_leaves_all_three_files_old_or_new(tmp_path, checkout):
    from gainsay.eval import leaderboard

    rows = leaderboard.read_rows(checkout / "eval" / "leaderboard.json")
    leaderboard.write(rows, checkout, 1, 1)  # all three files present before the crash
    names = ("LEADERBOARD.md", "README.md", "eval/leaderboard.json")
    for nth in range(1, 5):
        root = tmp_path / f"root{nth}"
        shutil.copytree(checkout, root)
        before = {n: (root / n).read_bytes() for n in names}
        script = tmp_path / "publish.py"
        script.write_text(textwrap.dedent(f"""
            import os, sys
            from pathlib import Path
            real, calls = os.replace, [0]
            def replace(a, b, *args, **kw):
                calls[0] += 1
                if calls[0] == {nth}:
                    os._exit(137)
                return real(a, b, *args, **kw)
            os.replace = replace
            from gainsay.eval import leaderboard
            rows = leaderboard.read_rows(Path(sys.argv[1]) / "eval" / "leaderboard.json")
            rows = [r for r in rows if r["system"] != "majority"]  # a visible change
            leaderboard.write(rows, Path(sys.argv[1]), 1, 1)
        """))
        subprocess.run([sys.executable, str(script), str(root)], cwd=ROOT, capture_output=True, timeout=120)
        leaderboard.read_rows(root / "eval" / "leaderboard.json")
        from gainsay.corpus.transaction import recover

        recover(root)
        after = {n: (root / n).read_bytes() for n in names}
        changed = {n for n in names if after[n] != before[n]}
        assert changed in (set(), set(names)), f"crash at rename {nth}: only {sorted(changed)} changed"
        assert "| majority |" not in after["LEADERBOARD.md"].decode() or not changed


@pytest.fixture
def small_disk(tmp_path):
    """A private tmpfs of 512 KiB (mounted in the test's own folder), or a skip where mounting
    is not allowed."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k,nr_inodes=1000", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_read_only_data_folder_is_a_clear_error(tmp_path, small_disk):
    """merge and stats --write on a read-only file system refuse with one line and leave the
    corpus as it was; an output there is refused before any work (U16)."""
    data = small_disk / "data"
    shutil.copytree(CORPUS, data)
    batch(tmp_path / "batch.jsonl", "epsilon", 13)
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True).returncode == 0
    before = snapshot(data)
    for args in (["merge", tmp_path / "batch.jsonl", "--data", data], ["stats", "--write", "--data", data]):
        r = run_cli(*args)
        assert r.returncode == 1, r.stderr
        assert "Traceback" not in r.stderr and "Read-only file system" in r.stderr
        assert snapshot(data) == before
    out = data / "pred.jsonl"
    r = run_cli("predict", "--model", "rules", "--input", tmp_path / "batch.jsonl", "--out", out)
    assert r.returncode == 2 and f"{out}: the folder {data} is not writable" in r.stderr


def test_a_really_full_disk_leaves_the_corpus_as_it_was(tmp_path, small_disk):
    data = small_disk / "data"
    shutil.copytree(CORPUS, data)
    batch(tmp_path / "batch.jsonl", "zeta", 17)
    with open(small_disk / "filler", "wb", buffering=0) as f:  # leave less room than the merge needs
        try:
            while True:
                f.write(b"x" * 4096)
                f.flush()
        except OSError:
            pass
    before = snapshot(data)
    r = run_cli("merge", tmp_path / "batch.jsonl", "--data", data)
    assert r.returncode == 1 and "No space left on device" in r.stderr and "Traceback" not in r.stderr
    assert snapshot(data) == before


# ---- output safety --------------------------------------------------------------------

def test_outputs_write_through_symlinks(tmp_path):
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "The ministry denied the report."}\n')
    r = run_cli("predict", "--model", "rules", "--input", src, "--out", link)
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and read_jsonl(real) == [{"id": "a", "label": "denial"}]


def test_a_fifo_output_is_written_as_a_stream(tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Rain is forecast."}\n')
    got = {}
    reader = threading.Thread(target=lambda: got.setdefault("text", fifo.read_text()))
    reader.start()
    r = run_cli("predict", "--model", "rules", "--input", src, "--out", fifo)
    reader.join(30)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still a FIFO, not replaced by a file
    assert json.loads(got["text"]) == {"id": "a", "label": "claim"}


def test_a_private_device_node_output_stays_a_device(tmp_path):
    """A character device made in a temporary folder (never the machine's own /dev)."""
    dev = tmp_path / "null"
    try:
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("mknod needs privileges")
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Rain is forecast."}\n')
    r = run_cli("predict", "--model", "rules", "--input", src, "--out", dev)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISCHR(dev.lstat().st_mode)


def test_dash_writes_to_standard_output(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Rain is forecast."}\n')
    r = run_cli("predict", "--model", "rules", "--input", src, "--out", "-")
    assert r.returncode == 0 and json.loads(r.stdout) == {"id": "a", "label": "claim"}


@pytest.mark.parametrize("args", [
    ["predict", "--model", "rules", "--input", "{x}", "--out", "{x}"],
    ["segment", "{x}", "--doc-id", "d", "--out", "{x}"],
    ["score", "--gold", "{x}", "--pred", "{y}", "--json", "{x}"],
    ["score", "--gold", "{x}", "--pred", "{y}", "--markdown", "{link}"],
])
def test_an_output_that_is_also_an_input_is_refused_before_any_work(tmp_path, args):
    x, y = tmp_path / "x.jsonl", tmp_path / "y.jsonl"
    x.write_text('{"id": "a", "text": "Rain.", "label": "claim"}\n')
    y.write_text('{"id": "a", "label": "claim"}\n')
    (tmp_path / "link").symlink_to(x)
    before = x.read_bytes()
    r = run_cli(*[a.format(x=x, y=y, link=tmp_path / "link") for a in args])
    assert r.returncode == 2 and "is also an input" in r.stderr
    assert x.read_bytes() == before


def test_nothing_is_written_when_a_later_output_would_fail(tmp_path):
    gold, pred = FIXTURES / "predictions" / "gold.jsonl", FIXTURES / "predictions" / "valid.jsonl"
    r = run_cli("score", "--gold", gold, "--pred", pred, "--json", tmp_path / "r.json", "--markdown", tmp_path / "r.md",
                "--plot", tmp_path / "cm.txt")
    assert r.returncode == 2
    assert not (tmp_path / "r.json").exists() and not (tmp_path / "r.md").exists()


# ---- housekeeping -----------------------------------------------------------------------

def test_make_clean_removes_no_tracked_file():
    recipe = subprocess.run(["make", "-n", "clean"], cwd=ROOT, capture_output=True, text=True).stdout
    removed = [w for line in recipe.splitlines() if line.startswith("rm ") for w in line.split()[2:] if not w.startswith("#")]
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.splitlines()
    if not tracked:
        pytest.skip("not a git checkout")
    for path in removed:
        if path.startswith("#"):
            break
        assert not any(t == path or t.startswith(path.rstrip("/") + "/") for t in tracked), path


def test_dash_reads_standard_input():
    r = subprocess.run([sys.executable, "-m", "gainsay", "predict", "--model", "rules", "--input", "-", "--out", "-"],
                       input='{"id": "a", "text": "The ministry denied it."}\n', capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and json.loads(r.stdout) == {"id": "a", "label": "denial"}
