#!/usr/bin/env python3
"""Lists the links and file paths in README.md and docs/*.md that name no file of the repository.

Checked: markdown links [text](target) that are not URLs or anchors (resolved against the file's folder),
backticked spans that look like paths (with a slash, no spaces), bare paths that start with a top-level folder
of the repository (docs/, src/, bench/, ...) or leave it (../, shared/, /work/), and document names (X.md) that
no file of the repository has. Paths that only exist after a
build or at run time (target/, out/, ~/...) are skipped. Exit status 1 when something is missing.

    python3 .ci/check-doc-links.py            # from the repository root
"""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = [ROOT / "README.md"] + sorted((ROOT / "docs").glob("*.md"))
TOP = ("docs/", "src/", "bench/", "datasets/", "packaging/", "assets/", ".ci/", "../", "shared/", "/work/")
# made by a build, a run or the user, or a name in a format rather than a file of ours
SKIP = ("target/", "lib/", "out/", "sweep/", "~/", "/tmp/", "http", "runs/", "build/")

LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
TICK = re.compile(r"`([^`\s]+)`")
BARE = re.compile(r"(?<![\w/`.\[(-])((?:\.\./|/work/|\.ci/|docs/|src/|bench/|datasets/|packaging/|assets/|shared/)[\w./*-]*[\w/*])")
# files of other repositories that a document names as such (the authors' code a recipe was read from)
OTHERS = {("docs/paper-recipes-notes.md", t) for t in
          ("liyu95/NN_decision_boundary", "src/utils.py", "src/main.py", "src/model_graph.py",
           "src/blob_three_class.ipynb", "main.py")}
# a document named without its folder (PAPERS.md) must still be one of ours
MD_NAME = re.compile(r"(?<![\w/.-])([\w-]+\.md)\b")
FILES_IN_REPO = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                               check=True).stdout.split()
MD_NAMES = {Path(f).name for f in FILES_IN_REPO if f.endswith(".md")}


def kind_name(target: str) -> bool:
    """A bare document name that candidates() already found missing."""
    return "/" not in target and target.endswith(".md")


def exists(md: Path, target: str) -> bool:
    target = target.split("#", 1)[0].rstrip(".,;:")
    if not target:
        return True
    if kind_name(target):
        return False
    if target.startswith("/"):
        return False  # an absolute path is outside the repository
    for base in (md.parent, ROOT):
        matches = list(base.glob(target.rstrip("/"))) if "*" in target else [base / target]
        for p in matches:
            p = p.resolve()
            if p.exists() and (p == ROOT or ROOT in p.parents):
                return True
    # a path named from inside its folder (claims/claims.json for src/main/resources/.../claims/claims.json)
    return not target.startswith(("..", "shared/")) and any(f.endswith("/" + target.rstrip("/"))
                                                                 or f == target.rstrip("/") or f.startswith(target.rstrip("/") + "/") for f in FILES_IN_REPO)


def candidates(line: str):
    for m in LINK.finditer(line):
        t = m.group(1)
        if not re.match(r"^(https?:|mailto:|#)", t):
            yield "link", t
    for m in TICK.finditer(line):
        t = m.group(1)
        # a bare file name (metrics.csv, final.json) names a kind of file, not one of ours
        if t.startswith(TOP) or ("/" in t.rstrip("/") and re.fullmatch(r"[\w./*-]+", t)
                                 and t.split("/")[0].lower() != t.split("/")[0].upper()):
            yield "path", t
    for m in BARE.finditer(line):
        yield "bare", m.group(1)
    for m in MD_NAME.finditer(line):
        if m.group(1) not in MD_NAMES:
            yield "name", m.group(1)


def main() -> int:
    missing = 0
    for md in FILES:
        in_code = False
        for no, line in enumerate(md.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("```"):
                in_code = not in_code
                continue
            if in_code:
                continue
            for kind, t in candidates(line):
                if t.startswith(SKIP) or "<" in t or re.match(r"^[A-Z]+/", t) \
                        or (str(md.relative_to(ROOT)), t) in OTHERS:
                    continue
                if not exists(md, t):
                    missing += 1
                    print(f"{md.relative_to(ROOT)}:{no}: {kind} {t}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
