"""Benchmark whole ``qnc`` processes against the stack floor and check-jsonschema.

    python benchmarks/run.py [--runs 7] [--quick] [--check] [--workdir DIR] [--seed S]
                             [--qnc PATH] [--no-reads] [--refresh] [--refresh-ref]

Any Python >= 3.11 can run it: it installs what it times (see ``benchmarks/venvs.py``).

1. installs qnc from this repository, not editable, in ``benchmarks/.venv-qnc`` (again
   when ``src/`` or ``pyproject.toml`` changed), and check-jsonschema alone in
   ``benchmarks/.venv-ref``; pip compiles the ``.pyc`` of both. ``--qnc PATH`` times an
   existing ``qnc`` instead. The import floors and the stack floor
   (``benchmarks/stack_floor.py``) run with qnc's Python;
2. generates the corpora with ``benchmarks/generate.py`` in a temporary folder:
   1x10, 10x10, 100x10 and 500x10 (audits x NCs per audit);
3. exports qnc's own JSON schemas (``model_json_schema(mode="validation",
   by_alias=True)`` of ``qnc.model.records.Audit`` and ``NonConformity``) and checks that
   check-jsonschema, and the stack floor, reject broken files;
4. reports, for every command, whether the modules it imports have an up-to-date
   ``.pyc``, before and after the warm-up run (PYTHONDONTWRITEBYTECODE is unset for the
   timed processes, so the warm-up writes any that are missing, for every side alike);
5. times every command after one warm-up, ``--runs`` times, the commands of a corpus
   interleaved round by round (in reverse order every other round), and prints
   medians, paired ratios (the median of each round's ratio), max RSS and the targets.
   On the small corpus it also times the other commands that only read (``READS``),
   each against ``qnc check`` on the same folder.

The exit status is 0 even when a target fails (this is a measurement), 1 with
``--check`` when a target fails, 2 when the benchmark itself cannot run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (benchmarks/generate.py, stdlib only)
import venvs  # noqa: E402  (benchmarks/venvs.py, stdlib only)
from venvs import BenchError, log  # noqa: E402

TODAY = generate.TODAY.isoformat()
STACK_FLOOR = HERE / "stack_floor.py"
FLOOR_CODE = "import typer, pydantic, ruamel.yaml, rich"
# The floor plus the smallest Pydantic model. ``import pydantic`` is lazy: it loads
# almost none of the validation machinery, which a first BaseModel subclass pulls in
# (schema generation, pydantic.types, annotated_types, the plugin loader and
# importlib.metadata). Any tool that validates with Pydantic models pays this.
MODEL_CODE = f"{FLOOR_CODE}\nfrom pydantic import BaseModel\nclass One(BaseModel):\n    x: int\n"
# The smallest Typer program with one command taking a list of paths and a flag, as
# qnc check does. Typer 0.29 converts every parameter through a Pydantic TypeAdapter
# (typer/_adapters.py), so this loads much of Pydantic too.
TYPER_CODE = (
    "import sys, typer\n"
    "app = typer.Typer()\n"
    "@app.command()\n"
    "def check(paths: list[str] = typer.Argument(None), strict: bool = False) -> None:\n"
    "    pass\n"
    "sys.argv = ['bare', '.', '--strict']\n"
    "app()\n"
)

# (label, audits, NCs per audit); the last one is skipped by --quick.
CORPORA = [("1x10", 1, 10), ("10x10", 10, 10), ("100x10", 100, 10), ("500x10", 500, 10)]
SMALL, PORTFOLIO, LARGE = "1x10", "100x10", "500x10"

FLOOR, MODEL, TYPER = "import floor", "floor + 1 Pydantic model", "bare Typer app"
STACK, REF = "stack floor", "check-jsonschema"
CHECK, STATUS = "qnc check", "qnc status --format json"
COMMANDS = (FLOOR, MODEL, TYPER, STACK, REF, CHECK, STATUS)
# The other commands that only read, timed on the small corpus against qnc check on the
# same folder. The Word plan, the calendar and the Excel export are left out: each loads
# its file format's library (python-docx, icalendar, openpyxl), which only it uses.
READS = {
    "qnc status (table)": ["status", "."],
    "qnc historique": ["historique", "."],
    "qnc plan (Markdown)": ["plan", "."],
    "qnc relances": ["relances", "."],
    "qnc export (CSV)": ["export", "."],
    "qnc indicateurs": ["indicateurs"],
}
READ_LIMIT = 1.1
REFERENCES = (FLOOR, MODEL, TYPER)
"""Programs that do no work on the corpus: what the libraries cost before any file."""
LINEAR_TOLERANCE = 1.3
"""Linear when the cost of one more NC file between 1,000 and 5,000 files is at most
1.3 x its cost between 100 and 1,000 files (a quadratic cost would give about 6 x)."""
RSS_LIMIT_MB = 200.0


# ----------------------------------------------------------------------- environments


def version_of(exe: Path | str, *args: str) -> str:
    """The last word printed by ``exe args`` (``qnc 0.1.0`` -> ``0.1.0``), else ``?``."""
    done = subprocess.run([str(exe), *args], capture_output=True, text=True)
    words = (done.stdout or done.stderr).split()
    return words[-1] if done.returncode == 0 and words else "?"


# ------------------------------------------------------------------------ JSON schemas

_EXPORT = """
import json
from qnc.model.records import Audit, NonConformity
print(json.dumps({
    "audit": Audit.model_json_schema(mode="validation", by_alias=True),
    "nc": NonConformity.model_json_schema(mode="validation", by_alias=True),
}))
"""

# Durations (``30 jours``, ``3 mois``) are strings in the files. qnc's models now say so
# in their JSON schema (the same schema as ``qnc schema``); older versions showed the
# parsed ``Duration`` dataclass, an object, which check-jsonschema would have rejected in
# every ``regles:`` entry, so such a ``$defs.Duration`` is still replaced by this string
# pattern. Dates are exported as is: check-jsonschema's YAML loader hands ``2026-09-14``
# over as a string, and its "date" format check (on by default) validates it.
DURATION_SCHEMA = {
    "type": "string",
    "pattern": r"^ *[0-9]{1,4} *(jours?|days?|semaines?|weeks?|mois|months?|ans?|years?) *$",
}


def export_schemas(python: str, out: Path) -> tuple[Path, Path]:
    done = subprocess.run([python, "-c", _EXPORT], capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"cannot export qnc's JSON schemas with {python}:\n{done.stderr}")
    schemas = json.loads(done.stdout)
    if "Duration" in schemas["audit"].get("$defs", {}):
        schemas["audit"]["$defs"]["Duration"] = DURATION_SCHEMA
    paths = out / "audit.schema.json", out / "nc.schema.json"
    for path, key in zip(paths, ("audit", "nc"), strict=True):
        path.write_text(json.dumps(schemas[key], indent=2, ensure_ascii=False), encoding="utf-8")
    return paths


def prove_reference_validates(cjs: Path, schemas: tuple[Path, Path], corpus: Path,
                              work: Path, env: dict[str, str]) -> None:  # fmt: skip
    """check-jsonschema must reject what qnc's schema forbids, so that its 'ok' means it."""
    audit_schema, nc_schema = schemas
    audit = next(corpus.glob("*/*/audit.yaml")).read_text(encoding="utf-8")
    nc = sorted(corpus.glob("*/*/nc/NC-01.yaml"))[0].read_text(encoding="utf-8")
    broken = {
        "bad-duration.yaml": (audit_schema, audit, "alerte: 14 jours", "alerte: 14 jourz"),
        "bad-key.yaml": (audit_schema, audit, "  auditeur:", "  auditrice:"),
        "bad-date.yaml": (nc_schema, nc, r"echeance: \d{4}-\d\d-\d\d", "echeance: 2026-02-30"),
        "bad-enum.yaml": (nc_schema, nc, r"gravite: m\w+", "gravite: majeur"),
    }
    for name, (schema, original, pattern, replacement) in broken.items():
        text = re.sub(pattern, replacement, original, count=1)
        if text == original:
            raise BenchError(f"cannot build {name}: '{pattern}' not found in a generated file")
        (work / name).write_text(text, encoding="utf-8")
        done = subprocess.run(
            [str(cjs), "--schemafile", str(schema), str(work / name)],
            capture_output=True,
            text=True,
            env=env,
        )
        if done.returncode != 1:
            raise BenchError(
                f"check-jsonschema accepted the broken file {name}: the reference "
                f"does not validate what it should\n{done.stdout}{done.stderr}"
            )


def prove_stack_floor_validates(python: str, corpus: Path, work: Path,
                                env: dict[str, str]) -> None:  # fmt: skip
    """The stack floor must reject a file its model forbids: it validates, not just parses."""
    nc = sorted(corpus.glob("*/*/nc/NC-01.yaml"))[0].read_text(encoding="utf-8")
    text = re.sub(r"(?m)^indicateur: \d+$", "indicateur: onze", nc, count=1)
    if text == nc:
        raise BenchError("cannot build a broken file for the stack floor: no 'indicateur: N'")
    (work / "bad-indicator.yaml").write_text(text, encoding="utf-8")
    done = subprocess.run(
        [python, str(STACK_FLOOR), "check", str(work / "bad-indicator.yaml")],
        capture_output=True,
        text=True,
        env=env,
    )
    if done.returncode != 1 or "indicateur" not in done.stderr:
        raise BenchError(
            f"the stack floor accepted a broken file: it does not validate what it "
            f"should\n{done.stdout}{done.stderr}"
        )


# --------------------------------------------------------------------------- timing


@dataclass
class Proc:
    argv: list[str]
    cwd: Path
    env: dict[str, str]


@dataclass
class Sample:
    seconds: float
    rss_kb: int


@dataclass
class Measure:
    samples: list[Sample] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def rss_mb(self) -> float:
        return max(s.rss_kb for s in self.samples) / 1024

    def per(self, other: Measure) -> float:
        """How many times ``other`` this takes: the median of the ratios of the two
        commands' times in each round (paired runs, seconds apart), so that a slower
        stretch of a shared machine weighs on both sides of a ratio alike."""
        pairs = zip(self.samples, other.samples, strict=True)
        return statistics.median(mine.seconds / theirs.seconds for mine, theirs in pairs)


# Each timed command is started by this small wrapper rather than by run.py itself.
# subprocess starts children with vfork, so a child's peak RSS (ru_maxrss) begins at its
# parent's resident size: run.py, which reads large outputs, would inflate it. The
# wrapper (python -I -S, about 10 MB) keeps that bias below any Python CLI's size, and
# times each process itself, so its own start-up is not counted.
_WRAPPER = """
import json, os, subprocess, sys, time
argvs, out, report = json.load(sys.stdin), sys.argv[1], []
for i, argv in enumerate(argvs):
    with open(f"{out}/{i}.out", "wb") as o, open(f"{out}/{i}.err", "wb") as e:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=o, stderr=e)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    report.append([seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status)])
sys.stdout.write(json.dumps(report))
"""


def run_once(procs: Sequence[Proc], out: Path) -> tuple[Sample, list[tuple[int, str, str]]]:
    """Run the processes one after the other: wall times summed, the largest max RSS."""
    cwd, env = procs[0].cwd, procs[0].env
    if any(p.cwd != cwd or p.env != env for p in procs):
        raise BenchError("the processes of one command must share their folder and environment")
    for old in out.glob("*.out"):
        old.unlink()
    argvs = json.dumps([p.argv for p in procs])  # on stdin: one argument is limited to 128 KB
    wrapper = [sys.executable, "-I", "-S", "-c", _WRAPPER, str(out)]
    done = subprocess.run(wrapper, input=argvs, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"the timing wrapper failed:\n{done.stderr}")
    report = json.loads(done.stdout)
    results = [
        (
            code,
            (out / f"{i}.out").read_text(encoding="utf-8", errors="replace"),
            (out / f"{i}.err").read_text(encoding="utf-8", errors="replace"),
        )
        for i, (_, _, code) in enumerate(report)
    ]
    seconds = sum(r[0] for r in report)
    rss_kb = max(r[1] for r in report)  # kilobytes on Linux
    return Sample(seconds, rss_kb), results


def chunks(prefix: list[str], files: list[str], env: dict[str, str]) -> list[list[str]]:
    """``prefix + files``, split only if one command line would exceed the system limit."""
    budget = os.sysconf("SC_ARG_MAX") - sum(len(k) + len(v) + 2 for k, v in env.items()) - 65536
    used = sum(len(a) + 1 + 8 for a in prefix)
    out: list[list[str]] = [list(prefix)]
    for name in files:
        cost = len(name.encode()) + 1 + 8  # the string and its pointer
        if used + cost > budget and len(out[-1]) > len(prefix):
            out.append(list(prefix))
            used = sum(len(a) + 1 + 8 for a in prefix)
        out[-1].append(name)
        used += cost
    return out


@dataclass
class Corpus:
    label: str
    audits: int
    ncs: int
    path: Path

    @property
    def nc_files(self) -> int:
        return self.audits * self.ncs

    @property
    def files(self) -> int:
        return self.audits * (self.ncs + 1)


def commands(
    corpus: Corpus,
    qnc: Path,
    python: str,
    cjs: Path,
    schemas: tuple[Path, Path],
    qnc_env: dict[str, str],
    ref_env: dict[str, str],
    reads: bool = True,
) -> dict[str, list[Proc]]:
    root = corpus.path
    audit_files = sorted(str(p.relative_to(root)) for p in root.glob("*/*/audit.yaml"))
    nc_files = sorted(str(p.relative_to(root)) for p in root.glob("*/*/nc/*.yaml"))
    if len(audit_files) != corpus.audits or len(nc_files) != corpus.nc_files:
        raise BenchError(f"corpus {corpus.label}: unexpected files in {root}")
    audit_schema, nc_schema = schemas
    ref = [
        Proc(argv, root, ref_env)
        for schema, files in ((nc_schema, nc_files), (audit_schema, audit_files))
        for argv in chunks([str(cjs), "--schemafile", str(schema)], files, ref_env)
    ]
    reads = {
        label: [Proc([str(qnc), *args, "--today", TODAY], root, qnc_env)]
        for label, args in READS.items()
        if reads and corpus.label == SMALL
    }
    return {
        FLOOR: [Proc([python, "-c", FLOOR_CODE], root, qnc_env)],
        MODEL: [Proc([python, "-c", MODEL_CODE], root, qnc_env)],
        TYPER: [Proc([python, "-c", TYPER_CODE], root, qnc_env)],
        STACK: [Proc([python, str(STACK_FLOOR), "check", ".", "--today", TODAY], root, qnc_env)],
        REF: ref,
        CHECK: [Proc([str(qnc), "check", ".", "--today", TODAY], root, qnc_env)],
        STATUS: [
            Proc([str(qnc), "status", ".", "--format", "json", "--today", TODAY], root, qnc_env)
        ],
        **reads,
    }


def verify(command: str, corpus: Corpus, results: list[tuple[int, str, str]]) -> None:
    """The warm-up run must be a successful run doing the whole job."""
    for code, stdout, stderr in results:
        if code != 0:
            raise BenchError(f"{command} on {corpus.label} exited {code}:\n{stdout}{stderr}")
    if command == REF and not all("ok -- validation done" in out for _, out, _ in results):
        raise BenchError(f"check-jsonschema on {corpus.label} did not report success: {results}")
    if command in (CHECK, STACK):
        _, stdout, stderr = results[0]
        if not stdout.startswith(f"{corpus.files} ") or stderr.strip():
            raise BenchError(
                f"{command} on {corpus.label} did not check {corpus.files} files "
                f"without any problem:\n{stdout}{stderr}"
            )
    if command == STATUS:
        data = json.loads(results[0][1])
        ncs = sum(len(a["non_conformites"]) for a in data["audits"])
        if len(data["audits"]) != corpus.audits or ncs != corpus.nc_files:
            raise BenchError(
                f"qnc status on {corpus.label}: {len(data['audits'])} audits, "
                f"{ncs} NCs in the JSON, expected {corpus.audits} and "
                f"{corpus.nc_files}"
            )


def warm_up(corpus: Corpus, procs: dict[str, list[Proc]], scratch: Path) -> None:
    """One run of every command, checked and not recorded: file cache, missing .pyc."""
    for command, group in procs.items():
        _, results = run_once(group, scratch)
        verify(command, corpus, results)


def probe(procs: dict[str, list[Proc]], scratch: Path) -> dict[str, venvs.Compiled]:
    """The .pyc state of the modules each command imports (its first process)."""
    return {
        command: venvs.probe_pyc(group[0].argv, group[0].cwd, group[0].env, scratch / "pyc.json")
        for command, group in procs.items()
    }


def measure(corpus: Corpus, procs: dict[str, list[Proc]], runs: int,
            scratch: Path) -> dict[str, Measure]:  # fmt: skip
    measures = {command: Measure() for command in procs}
    for n in range(1, runs + 1):
        log(f"  {corpus.label}: run {n}/{runs}")
        # Interleaved, and in reverse order every other round: drift hits every command
        # alike, and no command always runs right after the same one.
        order = list(procs.items()) if n % 2 else list(reversed(procs.items()))
        for command, group in order:
            sample, results = run_once(group, scratch)
            if any(code != 0 for code, _, _ in results):
                verify(command, corpus, results)
            measures[command].samples.append(sample)
    return measures


# --------------------------------------------------------------------------- report


@dataclass
class Target:
    corpus: str
    command: str
    text: str
    ok: bool | None  # None: not measured


def evaluate(results: dict[str, dict[str, Measure]]) -> list[Target]:
    targets: list[Target] = []

    def ratio_target(corpus: str, command: str, versus: str, limit: float) -> None:
        if corpus not in results:
            return
        m = results[corpus]
        ratio = m[command].per(m[versus])
        name = {REF: "cjs", STACK: "stack", CHECK: "qnc check"}[versus]
        targets.append(Target(corpus, command, f"<= {limit:g} x {name}", ratio <= limit))

    ratio_target(SMALL, CHECK, STACK, 1.1)
    ratio_target(PORTFOLIO, CHECK, REF, 0.3)
    ratio_target(PORTFOLIO, STATUS, REF, 0.4)
    for command in READS:
        if command in results.get(SMALL, {}):
            ratio_target(SMALL, command, CHECK, READ_LIMIT)
    for command in (CHECK, STATUS):
        if LARGE in results:
            rss = results[LARGE][command].rss_mb
            targets.append(Target(LARGE, command, f"RSS < {RSS_LIMIT_MB:g} MB", rss < RSS_LIMIT_MB))
            slope = slopes(results, command)
            ok = slope is not None and slope[1] <= LINEAR_TOLERANCE * slope[0]
            targets.append(Target(LARGE, command, "linear", ok))
        else:
            targets.append(Target(LARGE, command, "RSS, linear", None))
    return targets


def slopes(results: dict[str, dict[str, Measure]], command: str) -> tuple[float, float] | None:
    """Seconds per extra NC file: 100 -> 1,000 files, and 1,000 -> 5,000 files."""
    if not all(c in results for c in ("10x10", PORTFOLIO, LARGE)):
        return None
    t = {c: results[c][command].median for c in ("10x10", PORTFOLIO, LARGE)}
    return (t[PORTFOLIO] - t["10x10"]) / 900, (t[LARGE] - t[PORTFOLIO]) / 4000


def table(corpora: list[Corpus], results: dict[str, dict[str, Measure]],
          targets: list[Target]) -> str:  # fmt: skip
    head = (
        "corpus",
        "files",
        "command",
        "median s",
        "x cjs",
        "x stack",
        "x check",
        "max RSS MB",
        "target",
        "result",
    )
    rows = [head]
    for corpus in corpora:
        m = results[corpus.label]
        for command in m:
            mine = [t for t in targets if t.corpus == corpus.label and t.command == command]
            verdicts = [t for t in mine if t.ok is not None]
            result = (
                "-"
                if not verdicts
                else "PASS"
                if all(t.ok for t in verdicts)
                else "FAIL (" + ", ".join(t.text for t in verdicts if not t.ok) + ")"
            )
            rows.append(
                (
                    f"{corpus.label} ({corpus.nc_files} NC)",
                    "-" if command in REFERENCES else str(corpus.files),
                    command,
                    f"{m[command].median:.3f}",
                    f"{m[command].per(m[REF]):.2f}",
                    f"{m[command].per(m[STACK]):.2f}",
                    f"{m[command].per(m[CHECK]):.2f}",
                    f"{m[command].rss_mb:.0f}",
                    ", ".join(t.text for t in mine) or "-",
                    result,
                )
            )
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    right = {1, 3, 4, 5, 6, 7}
    lines = []
    for n, row in enumerate(rows):
        cells = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith(("model name", "Hardware", "Processor")):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


# --------------------------------------------------------------------------- main


def existing_qnc(path: Path) -> Path:
    if not (path.is_file() and os.access(path, os.X_OK)):
        raise BenchError(f"--qnc {path}: not an executable file (give the path of a qnc script)")
    return path.absolute()


def installation(qnc: Path, given: bool, side: venvs.Described, ref: venvs.Described) -> list[str]:
    """How each side was installed, for the lines above the table."""
    was = os.environ.get("PYTHONDONTWRITEBYTECODE")
    if given:
        where = "an installation given with --qnc"
        if side.origin and "site-packages" not in Path(side.origin).parts:
            where += f", imported from a source tree ({Path(side.origin).parent}: editable)"
    else:
        digest = (venvs.QNC_VENV / venvs.STAMP).read_text(encoding="ascii")[:12]
        qnc = qnc.relative_to(venvs.ROOT)
        where = (
            "pip install of this repository (not editable, .pyc compiled by pip), "
            f"sources sha256 {digest}"
        )
    return [
        f"Installation (PYTHONDONTWRITEBYTECODE unset for every timed process"
        f"{'; it was ' + repr(was) + ' here' if was is not None else ''}):",
        f"  qnc: {qnc}, {where}; Python {side.version}; {side.libraries()}",
        f"  floors and stack floor: the same Python ({side.python}) and libraries",
        f"  check-jsonschema: {venvs.REF_VENV.relative_to(venvs.ROOT)}, pip install "
        f"check-jsonschema (.pyc compiled by pip); Python {ref.version}; {ref.libraries()}",
    ]


def compiled_lines(
    before: dict[str, venvs.Compiled], after: dict[str, venvs.Compiled]
) -> list[str]:
    width = max(len(c) for c in COMMANDS)
    lines = [".pyc of the modules each command imports from .py files (as installed -> as timed):"]
    for command in COMMANDS:
        was, now = before[command], after[command]
        shown = (
            now.summary()
            if was.summary() == now.summary()
            else f"{was.summary()} -> {now.summary()}"
        )
        lines.append(f"  {command:{width}}  {shown}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Time qnc against the stack floor and check-jsonschema on generated "
        "audit folders."
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=None,
        help="timed runs per command after one warm-up (default 7, 3 with --quick)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="3 runs and no 5,000-file corpus: a fast look"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated corpora")
    parser.add_argument(
        "--workdir",
        type=Path,
        help="generate the corpora here and keep them (default: a temporary "
        "folder, removed at the end)",
    )
    parser.add_argument(
        "--qnc",
        type=Path,
        help="time this existing qnc script (e.g. venv/bin/qnc of a dev install) instead of "
        "benchmarks/.venv-qnc; the floors then run with its Python",
    )
    parser.add_argument(
        "--no-reads",
        action="store_true",
        help="leave out the other read-only commands (READS), e.g. for an older qnc "
        "given with --qnc that lacks some of them",
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="recreate benchmarks/.venv-qnc and benchmarks/.venv-ref",
    )
    parser.add_argument(
        "--refresh-ref",
        action="store_true",
        help="recreate benchmarks/.venv-ref (check-jsonschema) only",
    )
    args = parser.parse_args(argv)
    runs = args.runs if args.runs is not None else (3 if args.quick else 7)
    if runs < 1:
        parser.error("--runs must be at least 1")
    chosen = [c for c in CORPORA if not (args.quick and c[0] == LARGE)]

    try:
        qnc = existing_qnc(args.qnc) if args.qnc else venvs.qnc_venv(args.refresh)
        python = venvs.python_of(qnc)
        cjs = venvs.reference_venv(args.refresh or args.refresh_ref)
        qnc_env, ref_env = venvs.clean_env(qnc.parent), venvs.clean_env(cjs.parent)
        side = venvs.describe(python, "qnc", "qnc", *venvs.LIBRARIES)
        ref = venvs.describe(venvs.python_of(cjs), "check_jsonschema", "check-jsonschema")
        with tempfile.TemporaryDirectory(prefix="qnc-bench-") as tmp:
            work = args.workdir.resolve() if args.workdir else Path(tmp)
            scratch = Path(tmp) / "scratch"
            scratch.mkdir()
            corpora = []
            for label, audits, ncs in chosen:
                path = work / f"corpus-{label}"
                if path.exists():
                    shutil.rmtree(path)
                generate.generate(path, audits, ncs, seed=args.seed)
                corpora.append(Corpus(label, audits, ncs, path))
            log(f"corpora generated in {work}")
            schemas = export_schemas(python, scratch)
            prove_reference_validates(cjs, schemas, corpora[0].path, scratch, ref_env)
            prove_stack_floor_validates(python, corpora[0].path, scratch, qnc_env)
            results: dict[str, dict[str, Measure]] = {}
            before: dict[str, venvs.Compiled] = {}
            after: dict[str, venvs.Compiled] = {}
            for corpus in corpora:
                procs = commands(
                    corpus, qnc, python, cjs, schemas, qnc_env, ref_env, reads=not args.no_reads
                )
                if not before:
                    before = probe(procs, scratch)
                    warn_uncompiled(before, "as installed")
                warm_up(corpus, procs, scratch)
                if not after:
                    after = probe(procs, scratch)
                    warn_uncompiled(after, "when timed")
                results[corpus.label] = measure(corpus, procs, runs, scratch)
    except (BenchError, OSError) as exc:
        log(f"benchmark error: {exc}")
        return 2

    targets = evaluate(results)
    print(
        f"qnc benchmark: medians of {runs} runs after one warm-up; wall time of whole "
        f"processes; qnc run with --today {TODAY}"
    )
    for line in installation(qnc, args.qnc is not None, side, ref):
        print(line)
    for line in compiled_lines(before, after):
        print(line)
    print(
        "check-jsonschema (cjs) time = NC files against the NC schema + audit files against "
        "the audit schema, one process each"
    )
    print(
        f"stack floor = python benchmarks/{STACK_FLOOR.name} check . --today {TODAY}: a bare "
        "Typer app (two commands) that C-parses every file with ruamel and validates it "
        "with one Pydantic model; x cjs, x stack, x check = the median of the ratios of "
        "the two times in each round (paired runs)"
    )
    print(
        "references doing no work on the files: import floor = "
        f"python -c {FLOOR_CODE!r}; floor + 1 Pydantic model = the floor, then one "
        "BaseModel with one field; bare Typer app = one command, a list argument, a flag"
    )
    print()
    print(table(corpora, results, targets))
    print()
    print(
        "Linearity (seconds per extra NC file; linear if 1,000->5,000 <= "
        f"{LINEAR_TOLERANCE:g} x 100->1,000):"
    )
    for command in (REF, STACK, CHECK, STATUS):
        slope = slopes(results, command)
        if slope is None:
            print(f"  {command}: not measured (needs the 5,000-file corpus; not with --quick)")
        else:
            print(
                f"  {command}: {slope[0] * 1000:.3f} ms/file (100->1,000), "
                f"{slope[1] * 1000:.3f} ms/file (1,000->5,000), "
                f"ratio {slope[1] / slope[0]:.2f}"
            )
    print()
    print("Targets:")
    for target in targets:
        verdict = "not measured" if target.ok is None else "PASS" if target.ok else "FAIL"
        print(f"  {target.corpus:7} {target.command:25} {target.text:18} {verdict}")
    failed = [t for t in targets if t.ok is False]
    print()
    print(
        f"Machine: {cpu_model()}, {os.cpu_count()} cores, Python {side.version} "
        f"({python}), qnc {version_of(qnc, '--version')}, "
        f"check-jsonschema {version_of(cjs, '--version')}; "
        f"{datetime.now().astimezone():%Y-%m-%d %H:%M %Z}"
    )
    return 1 if args.check and failed else 0


def warn_uncompiled(compiled: dict[str, venvs.Compiled], when: str) -> None:
    lacking = {c: p for c, p in compiled.items() if p.without}
    for command, state in lacking.items():
        log(f"WARNING: {command} {when}: {state.summary()}")
    if lacking and when == "as installed":
        log("  the warm-up run writes them where it can (PYTHONDONTWRITEBYTECODE is unset)")
    if lacking and when == "when timed":
        log(
            "WARNING: these modules are compiled again on every timed run (their folder is "
            "not writable?): the sides are not compared like with like"
        )


if __name__ == "__main__":
    sys.exit(main())
