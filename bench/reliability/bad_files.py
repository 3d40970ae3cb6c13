"""Bad input files mixed with good ones: every bad file reported, every good one indexed.

Generates `--rounds` copies of each kind of malformed or hostile file (random bytes, truncated
UTF-8, nested JSON, wrong types, CSV quoting, HTML entity bombs, zips renamed .txt, symlink
loops and links out of the folder, FIFOs, devices, YAML tags, aliases and bombs in front
matter, impossible dates, huge integers, lone surrogates, empty files) next to as many good
files, runs the real `trawl index` (a tiny rule-based spaCy pipeline, so the figure is about
the loaders, not NER), and prints how many bad files were reported, how many good documents
were indexed, the seconds and the peak RSS of the run.

    .venv/bin/python bench/reliability/bad_files.py --rounds 12      # 13 kinds x 24 + good
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

#: name -> how to write one bad file (folder, stem, random generator); each must be reported
BAD_KINDS: dict[str, Callable[[Path, str, random.Random], None]] = {}


def kind(name: str):
    def register(write):
        BAD_KINDS[name] = write
        return write
    return register


@kind("random bytes")
def _random_bytes(folder, stem, rng):
    (folder / f"{stem}.txt").write_bytes(b"\x00" + rng.randbytes(rng.randint(10, 5000)))


@kind("truncated UTF-8")
def _truncated(folder, stem, rng):
    (folder / f"{stem}.md").write_bytes("Title\n\nCafé".encode()[:-1] + b"\n")


@kind("nested JSON")
def _nested(folder, stem, rng):
    depth = rng.randint(5_000, 200_000)
    (folder / f"{stem}.json").write_text("[" * depth + "]" * depth)
    (folder / f"{stem}.jsonl").write_text('{"text": "t", "x": ' + "[" * depth + "]" * depth + "}\n")


@kind("wrong types")
def _wrong_types(folder, stem, rng):
    (folder / f"{stem}.jsonl").write_text(rng.choice(['{"text": ["a", "b"]}', '{"title": {"a": 1}, '
                                                      '"text": "x"}', '[1, 2]', '"text"', 'null',
                                                      '{"text": "x", "id": 1.5}']) + "\n")


@kind("CSV quoting")
def _csv(folder, stem, rng):
    (folder / f"{stem}.csv").write_text(rng.choice(['title,text\n"a,"b",c\n', 'title,text\na,b,c\n',
                                                    'name,value\nx,y\n']))


@kind("zip renamed .txt")
def _zip(folder, stem, rng):
    (folder / f"{stem}.txt").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + rng.randbytes(200))


@kind("symlink loop")
def _loop(folder, stem, rng):
    os.symlink(f"{stem}-b.md", folder / f"{stem}-a.md")
    os.symlink(f"{stem}-a.md", folder / f"{stem}-b.md")


@kind("link out of the folder")
def _outside(folder, stem, rng):
    os.symlink(rng.choice(["/etc/passwd", "/dev/zero", "/dev/urandom", "/proc/self/environ"]),
               folder / f"{stem}.txt")


@kind("FIFO")
def _fifo(folder, stem, rng):
    os.mkfifo(folder / f"{stem}.md")


@kind("YAML tags and aliases")
def _yaml(folder, stem, rng):
    front = rng.choice(["x: !!python/object/apply:os.system ['true']", "a: &x [*x]",
                        "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
                        "k: " + "v" * 70_000])
    (folder / f"{stem}.md").write_text(f"---\n{front}\n---\nBody.\n")


@kind("impossible dates")
def _dates(folder, stem, rng):
    day = rng.choice(["0000-01-01", "2024-13-45", "2024-02-30", "99999-01-01", "yesterday-ish"])
    (folder / f"{stem}.md").write_text(f"---\npublished: {day}\n---\nBody.\n")


@kind("huge integers, lone surrogates")
def _python_limits(folder, stem, rng):
    (folder / f"{stem}.jsonl").write_text(rng.choice([
        '{"text": "t", "n": ' + "9" * rng.randint(4_301, 50_000) + "}",
        '{"text": "bad \\ud800 surrogate"}', '{"text": "t", "title": "\\udfff"}']) + "\n")


@kind("empty files")
def _empty(folder, stem, rng):
    suffix = rng.choice([".md", ".txt", ".jsonl", ".csv", ".json", ".html"])
    (folder / f"{stem}{suffix}").write_text(rng.choice(["", "\n\n", "   "]))


def write_good(folder: Path, stem: str, rng: random.Random) -> int:
    """One good file; returns how many documents it holds."""
    choice = rng.randrange(3)
    if choice == 0:
        (folder / f"{stem}.md").write_text(f"---\ntitle: Good {stem}\npublished: 2024-11-30\n---\n"
                                           f"Hayat Tahrir al-Sham entered Aleppo ({stem}).\n")
        return 1
    if choice == 1:
        (folder / f"{stem}.jsonl").write_text("".join(
            f'{{"id": "{stem}-{i}", "title": "Good", "text": "Hama fell ({i})."}}\n' for i in range(3)))
        return 3
    (folder / f"{stem}.csv").write_text(f"id,title,text\n{stem}-1,Good,Aleppo news\n"
                                        f"{stem}-2,Good,Hama news\n")
    return 2


def make_corpus(folder: Path, rounds: int, seed: int = 14) -> tuple[dict[str, str], int]:
    """Write `rounds` files of every bad kind and 2*rounds*kinds good files.

    Returns (bad file stem -> kind, good document count)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    bad: dict[str, str] = {}
    good_docs = 0
    for r in range(rounds):
        for k, (name, write) in enumerate(BAD_KINDS.items()):
            stem = f"bad-{r:03d}-{k:02d}"
            write(folder, stem, rng)
            bad[stem] = name
            for g in range(2):
                good_docs += write_good(folder, f"good-{r:03d}-{k:02d}-{g}", rng)
    return bad, good_docs


def run_index(folder: Path, index_dir: Path, model: Path) -> tuple[subprocess.CompletedProcess, float]:
    """The real `trawl index` in a subprocess; (result, seconds)."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "indexer.cli", "--index", str(index_dir), "index", str(folder),
         "--model", str(model)],
        capture_output=True, text=True, timeout=1800, env={**os.environ, "TQDM_DISABLE": "1"})
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=12)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "indexer"))
    from builder_kit import save_tiny_model, stored_documents

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        bad, good_docs = make_corpus(root / "in", args.rounds)
        model = save_tiny_model(root / "tiny")
        result, seconds = run_index(root / "in", root / "ix", model)
        reported = {Path(line.split(": ")[0].split(" ", 1)[1].split(":")[0]).name.split(".")[0]
                    .removesuffix("-a").removesuffix("-b")
                    for line in result.stderr.splitlines() if line.startswith("skipped ")}
        missed = sorted(stem for stem in bad if stem not in reported)
        stored = stored_documents(root / "ix")
        lost = good_docs - sum(1 for doc_id in stored if "good" in doc_id)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"bad files: {len(bad)} of {len(BAD_KINDS)} kinds, reported {len(bad) - len(missed)}, "
          f"not reported {len(missed)} {missed[:5]}")
    print(f"good documents: {good_docs}, indexed {good_docs - lost}, lost {lost}")
    print(f"trawl index exit status {result.returncode}, {seconds:.1f} s, peak RSS {peak:.0f} MB")
    if result.returncode or "Traceback" in result.stderr:
        print(result.stderr[-2000:])


if __name__ == "__main__":
    main()
