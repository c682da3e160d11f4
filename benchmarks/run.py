"""Benchmark whole ``qnc`` processes against check-jsonschema on the same audit files.

    python benchmarks/run.py [--runs 7] [--quick] [--check] [--workdir DIR] [--seed S]

Run it with the interpreter of the environment where qnc is installed (for a dev
install: ``/path/to/venv/bin/python benchmarks/run.py``). It:

1. finds ``qnc`` next to ``sys.executable`` (else on PATH) and runs every qnc process,
   and the import floor, with the Python of that environment;
2. generates the corpora with ``benchmarks/generate.py`` in a temporary folder:
   1x10, 10x10, 100x10 and 500x10 (audits x NCs per audit);
3. creates once, and caches in ``benchmarks/.venv-ref/``, a virtual environment holding
   only ``check-jsonschema`` (what ``pipx install check-jsonschema`` gives a user);
4. exports qnc's own JSON schemas (``model_json_schema(mode="validation",
   by_alias=True)`` of ``qnc.model.records.Audit`` and ``NonConformity``) and checks that
   check-jsonschema accepts every generated file and rejects broken ones;
5. times every command after one warm-up, ``--runs`` times, the commands of a corpus
   interleaved round by round, and prints medians, ratios, max RSS and the targets.

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

REF_VENV = HERE / ".venv-ref"
TODAY = generate.TODAY.isoformat()
FLOOR_CODE = "import typer, pydantic, ruamel.yaml, rich"
# The floor plus the smallest Pydantic model. ``import pydantic`` is lazy: it loads
# almost none of the validation machinery, which a first BaseModel subclass pulls in
# (schema generation, pydantic.types, annotated_types, the plugin loader and
# importlib.metadata). Any tool that validates with Pydantic models pays this.
MODEL_CODE = f"{FLOOR_CODE}\nfrom pydantic import BaseModel\nclass One(BaseModel):\n    x: int\n"
# The smallest Typer program with one command taking a list of paths and a flag, as
# qnc check does. Typer 0.29 converts every parameter through a Pydantic TypeAdapter
# (typer/_adapters.py), so this is what any Typer CLI costs before doing anything.
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
REF, CHECK, STATUS = "check-jsonschema", "qnc check", "qnc status --format json"
COMMANDS = (FLOOR, MODEL, TYPER, REF, CHECK, STATUS)
REFERENCES = (FLOOR, MODEL, TYPER)
"""Programs that do no work on the corpus: what the libraries cost before qnc runs."""
LINEAR_TOLERANCE = 1.3
"""Linear when the cost of one more NC file between 1,000 and 5,000 files is at most
1.3 x its cost between 100 and 1,000 files (a quadratic cost would give about 6 x)."""
RSS_LIMIT_MB = 200.0


class BenchError(Exception):
    """The benchmark cannot run (setup failed, or a command did not succeed)."""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------- environments


def find_qnc() -> Path:
    beside = Path(sys.executable).parent / "qnc"
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("qnc")
    if found:
        return Path(found)
    raise BenchError(
        f"qnc is neither next to {sys.executable} nor on PATH: run this "
        "script with the Python of the environment where qnc is installed"
    )


def python_of(script: Path) -> str:
    """The interpreter a console script runs with (its shebang), else ``sys.executable``."""
    try:
        first = script.read_bytes().split(b"\n", 1)[0].decode()
    except (OSError, UnicodeDecodeError):
        return sys.executable
    if first.startswith("#!"):
        candidate = first[2:].strip().split()[0]
        if Path(candidate).name.startswith("python") and Path(candidate).is_file():
            return candidate
    return sys.executable


def env_with(bin_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["NO_COLOR"] = "1"
    env.pop("QNC_TODAY", None)
    env.pop("PYTHONPATH", None)
    return env


def reference_venv(refresh: bool) -> Path:
    """``check-jsonschema`` alone in its own venv, as ``pipx install`` would give it."""
    exe = REF_VENV / "bin" / "check-jsonschema"
    if refresh and REF_VENV.exists():
        shutil.rmtree(REF_VENV)
    if exe.is_file() and _runs(exe):
        return exe
    if REF_VENV.exists():
        shutil.rmtree(REF_VENV)
    log(f"creating {REF_VENV.relative_to(HERE.parent)} with check-jsonschema (once)...")
    steps = [
        [sys.executable, "-m", "venv", str(REF_VENV)],
        [str(REF_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "check-jsonschema"],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True)
        if done.returncode != 0:
            raise BenchError(f"{' '.join(step)} failed:\n{done.stdout}{done.stderr}")
    if not _runs(exe):
        raise BenchError(f"{exe} does not run after installation")
    return exe


def _runs(exe: Path) -> bool:
    done = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    return done.returncode == 0


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
    return {
        FLOOR: [Proc([python, "-c", FLOOR_CODE], root, qnc_env)],
        MODEL: [Proc([python, "-c", MODEL_CODE], root, qnc_env)],
        TYPER: [Proc([python, "-c", TYPER_CODE], root, qnc_env)],
        REF: ref,
        CHECK: [Proc([str(qnc), "check", ".", "--today", TODAY], root, qnc_env)],
        STATUS: [
            Proc([str(qnc), "status", ".", "--format", "json", "--today", TODAY], root, qnc_env)
        ],
    }


def verify(command: str, corpus: Corpus, results: list[tuple[int, str, str]]) -> None:
    """The warm-up run must be a successful run doing the whole job."""
    for code, stdout, stderr in results:
        if code != 0:
            raise BenchError(f"{command} on {corpus.label} exited {code}:\n{stdout}{stderr}")
    if command == REF and not all("ok -- validation done" in out for _, out, _ in results):
        raise BenchError(f"check-jsonschema on {corpus.label} did not report success: {results}")
    if command == CHECK:
        _, stdout, stderr = results[0]
        if not stdout.startswith(f"{corpus.files} ") or stderr.strip():
            raise BenchError(
                f"qnc check on {corpus.label} did not check {corpus.files} files "
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


def measure(corpus: Corpus, procs: dict[str, list[Proc]], runs: int,
            scratch: Path) -> dict[str, Measure]:  # fmt: skip
    for command, group in procs.items():  # warm-up (file cache, .pyc), not recorded
        _, results = run_once(group, scratch)
        verify(command, corpus, results)
    measures = {command: Measure() for command in procs}
    for n in range(1, runs + 1):
        log(f"  {corpus.label}: run {n}/{runs}")
        for command, group in procs.items():  # interleaved: drift hits every command alike
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
        ratio = m[command].median / m[versus].median
        name = "cjs" if versus == REF else "floor"
        targets.append(Target(corpus, command, f"<= {limit:g} x {name}", ratio <= limit))

    ratio_target(SMALL, CHECK, REF, 0.8)
    ratio_target(SMALL, CHECK, FLOOR, 1.3)
    ratio_target(PORTFOLIO, CHECK, REF, 0.35)
    ratio_target(PORTFOLIO, STATUS, REF, 0.5)
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
        "x floor",
        "max RSS MB",
        "target",
        "result",
    )
    rows = [head]
    for corpus in corpora:
        m = results[corpus.label]
        for command in COMMANDS:
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
                    f"{m[command].median / m[REF].median:.2f}",
                    f"{m[command].median / m[FLOOR].median:.2f}",
                    f"{m[command].rss_mb:.0f}",
                    ", ".join(t.text for t in mine) or "-",
                    result,
                )
            )
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    right = {1, 3, 4, 5, 6}
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Time qnc against check-jsonschema on generated audit folders."
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
        "--refresh-ref",
        action="store_true",
        help="recreate benchmarks/.venv-ref (check-jsonschema)",
    )
    args = parser.parse_args(argv)
    runs = args.runs if args.runs is not None else (3 if args.quick else 7)
    if runs < 1:
        parser.error("--runs must be at least 1")
    chosen = [c for c in CORPORA if not (args.quick and c[0] == LARGE)]

    try:
        qnc = find_qnc()
        python = python_of(qnc)
        qnc_env, cjs = env_with(qnc.parent), reference_venv(args.refresh_ref)
        ref_env = env_with(cjs.parent)
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
            results = {}
            for corpus in corpora:
                procs = commands(corpus, qnc, python, cjs, schemas, qnc_env, ref_env)
                results[corpus.label] = measure(corpus, procs, runs, scratch)
    except (BenchError, OSError) as exc:
        log(f"benchmark error: {exc}")
        return 2

    targets = evaluate(results)
    print(
        f"qnc benchmark: medians of {runs} runs after one warm-up; wall time of whole "
        f"processes; qnc run with --today {TODAY}"
    )
    print(
        "check-jsonschema (cjs) time = NC files against the NC schema + audit files against "
        "the audit schema, one process each"
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
    for command in (REF, CHECK, STATUS):
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
    cores = os.cpu_count()
    version = version_of(python, "-c", "import platform; print(platform.python_version())")
    print(
        f"Machine: {cpu_model()}, {cores} cores, Python {version} "
        f"({python}), qnc {version_of(qnc, '--version')}, "
        f"check-jsonschema {version_of(cjs, '--version')}; "
        f"{datetime.now().astimezone():%Y-%m-%d %H:%M %Z}"
    )
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
