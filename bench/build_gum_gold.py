"""Gold entity files from the GUM corpus, for `bench/eval_facets.py` and the shared scorer.

    python bench/build_gum_gold.py GUM_GIT_DIR OUT_DIR [--rev REV]

GUM (github.com/amir-zeldes/gum, CC BY licences per document) annotates every mention of
every entity type, with a Wikipedia link on named ones, in the `Entity=` brackets of its
`dep/*.conllu` files. GUM_GIT_DIR is a clone or bare mirror of that repository (read with
`git show`, so no work tree is needed); nothing is downloaded. One JSON line per document,
written to OUT_DIR/gum_<genre>.jsonl (and gentle_<genre>.jsonl for the GENTLE test corpus
that lives in the same folder):

    {"id", "title": "", "text", "entities": [{"start", "end", "text", "type", "wikipedia"?}]}

The text is the sentences' `# text =` lines, joined by a space within a paragraph and by a
blank line between paragraphs (`# newpar`), so headings stay in the text as paragraphs of
their own. Offsets are character offsets into it. `GUM_reddit_*` documents are skipped: the
repository ships their text blanked out. The scorer reads these files in its `gum` mode (a
path holding "gum"): recall counts linked mentions, precision any mention of the facet's types.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path

#: one bracket of an `Entity=` value: an opening "(gid-type-...-link" (maybe closed at once,
#: ")"), or a closing "gid)"
_BRACKET = re.compile(r"\((\d+)-([^()]*)(\))?|(\d+)\)")
#: the field of an opening bracket that holds the Wikipedia link, when it has one
_LINK_FIELD = 6


def git(git_dir: str, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True,
                          capture_output=True).stdout.decode("utf-8")


def misc(column: str) -> dict[str, str]:
    """The MISC column as a dict ("SpaceAfter=No|Entity=(1-person...)")."""
    return {} if column == "_" else dict(kv.partition("=")[::2] for kv in column.split("|"))


def sentences(conllu: str) -> list[tuple[bool, str, list[tuple[int, int, str]]]]:
    """(opens a paragraph, text, words as (start, end, Entity value) within the text)."""
    out = []
    for block in conllu.strip("\n").split("\n\n"):
        lines = block.split("\n")
        text = next(line[len("# text = "):] for line in lines if line.startswith("# text = "))
        newpar = any(line.startswith("# newpar") and not line.startswith("# newpar_block")
                     for line in lines)
        rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
        out.append((newpar, text, _words(text, rows)))
    return out


def _words(text: str, rows: list[list[str]]) -> list[tuple[int, int, str]]:
    """Each word's offsets in the sentence text: tokens follow one another with a space
    unless SpaceAfter=No; a multi-word token's words spell its surface form."""
    words, at, inside = [], 0, 0
    for cols in rows:
        if "." in cols[0]:
            continue  # an empty node: no surface text
        if "-" in cols[0]:
            first, last = map(int, cols[0].split("-"))
            inside, token_at = last - first + 1, at
            at = _after(text, at + len(cols[1]), cols[9])
            continue
        if inside:  # a word of a multi-word token
            words.append((token_at, token_at + len(cols[1]), misc(cols[9]).get("Entity", "")))
            token_at += len(cols[1])
            inside -= 1
            continue
        words.append((at, at + len(cols[1]), misc(cols[9]).get("Entity", "")))
        at = _after(text, at + len(cols[1]), cols[9])
    return words


def _after(text: str, end: int, misc_column: str) -> int:
    return end + (1 if misc(misc_column).get("SpaceAfter") != "No" and end < len(text) else 0)


def convert(doc_id: str, conllu: str) -> dict:
    """One document's text and entity mentions."""
    text, words = "", []
    for number, (newpar, sentence, sentence_words) in enumerate(sentences(conllu)):
        if number:
            text += "\n\n" if newpar else " "
        words += [(len(text) + start, len(text) + end, ent) for start, end, ent in sentence_words]
        text += sentence
    entities = [dict(e, text=text[e["start"]:e["end"]]) for e in _mentions(doc_id, words)]
    entities.sort(key=lambda e: (e["start"], -e["end"], e["type"]))
    return {"id": doc_id, "title": "", "text": text,
            "entities": [{k: e[k] for k in ("start", "end", "text", "type", "wikipedia") if k in e}
                         for e in entities]}


def _mentions(doc_id: str, words: list[tuple[int, int, str]]) -> list[dict]:
    """Mentions from the brackets: opened at a word's start, closed at a later word's end."""
    open_by_group: dict[str, list[dict]] = defaultdict(list)
    mentions = []
    for start, end, value in words:
        for match in _BRACKET.finditer(value):
            group = match.group(1) or match.group(4)
            if match.group(1):
                fields = match.group(2).split("-")
                mention = {"start": start, "end": end, "type": fields[0]}
                if len(fields) > _LINK_FIELD and fields[_LINK_FIELD]:
                    mention["wikipedia"] = urllib.parse.unquote(fields[_LINK_FIELD])
                mentions.append(mention)
                if not match.group(3):
                    open_by_group[group].append(mention)
            else:
                open_by_group[group].pop()["end"] = end
    if any(open_by_group.values()):
        raise ValueError(f"{doc_id}: unclosed entity brackets")
    return mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("git_dir")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--rev", default="HEAD")
    args = parser.parse_args()
    commit = git(args.git_dir, "rev-parse", args.rev).strip()
    names = sorted(n for n in git(args.git_dir, "ls-tree", "-r", "--name-only", commit,
                                  "dep/").split("\n") if n.endswith(".conllu"))
    files: dict[str, list[dict]] = defaultdict(list)
    for name in names:
        doc_id = Path(name).stem
        if not doc_id.startswith("GUM_reddit_"):
            corpus, genre = doc_id.split("_")[:2]
            files[f"{corpus.lower()}_{genre}.jsonl"].append(
                convert(doc_id, git(args.git_dir, "show", f"{commit}:{name}")))
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for file_name, docs in sorted(files.items()):
        docs.sort(key=lambda d: d["id"])
        (args.out_dir / file_name).write_text(
            "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        linked = Counter(bool(e.get("wikipedia")) for d in docs for e in d["entities"])
        print(f"{file_name:28} {len(docs):3} documents {sum(linked.values()):6} mentions "
              f"{linked[True]:5} linked")
    print(f"GUM commit {commit}")


if __name__ == "__main__":
    main()
