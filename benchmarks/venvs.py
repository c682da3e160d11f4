"""The environments that ``benchmarks/run.py`` times, installed the same way for every side.

Each side lives in its own virtual environment made with ``python -m venv`` and filled
by ``pip install`` (not editable), so pip compiles the ``.pyc`` of every package at
install time, as a user's ``pip install`` or ``pipx install`` does:

- ``benchmarks/.venv-qnc``: ``pip install <repository>``; rebuilt when the sha256 of
  ``src/`` and ``pyproject.toml`` changes. The import floors and the stack floor run
  with its Python, so they load the very same typer, pydantic and ruamel.yaml;
- ``benchmarks/.venv-ref``: ``pip install check-jsonschema``, the reference.

An editable install is not timed by default: with ``PYTHONDONTWRITEBYTECODE=1`` (set in
some environments) its modules are compiled again on every run. :func:`probe_pyc`
reports, for the modules a command really imports, how many have an up-to-date ``.pyc``.

Standard library only.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QNC_VENV = HERE / ".venv-qnc"
REF_VENV = HERE / ".venv-ref"
STAMP = "qnc-source.sha256"
"""File of ``.venv-qnc`` holding the digest of the sources it was installed from."""
LIBRARIES = ("typer", "pydantic", "pydantic-core", "ruamel.yaml", "ruamel.yaml.clib")


class BenchError(Exception):
    """The benchmark cannot run (setup failed, or a command did not succeed)."""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def clean_env(bin_dir: Path) -> dict[str, str]:
    """The environment of a timed process: its venv first on PATH, no colour, no date.

    ``PYTHONDONTWRITEBYTECODE`` is removed so that the warm-up run writes any ``.pyc``
    still missing, for every side alike (the pip installs have them all already).
    """
    env = dict(os.environ)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["NO_COLOR"] = "1"
    for name in ("QNC_TODAY", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "PYTHONHOME"):
        env.pop(name, None)
    return env


# ----------------------------------------------------------------------- installation


def source_digest() -> str:
    """sha256 of qnc's sources: every file of ``src/`` (caches left out) and pyproject."""
    digest = hashlib.sha256()
    files = [p for p in sorted((ROOT / "src").rglob("*")) if p.is_file()]
    files.append(ROOT / "pyproject.toml")
    for path in files:
        if "__pycache__" in path.parts or path.suffix in {".pyc", ".pyo"}:
            continue
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _install(venv: Path, requirement: str) -> None:
    if venv.exists():
        shutil.rmtree(venv)
    log(f"creating {venv.relative_to(ROOT)} with pip install {requirement} ...")
    env = clean_env(Path(sys.executable).parent)
    steps = [
        [sys.executable, "-m", "venv", str(venv)],
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", requirement],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, env=env)
        if done.returncode != 0:
            raise BenchError(f"{' '.join(step)} failed:\n{done.stdout}{done.stderr}")


def _runs(exe: Path) -> bool:
    if not exe.is_file():
        return False
    done = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    return done.returncode == 0


def qnc_venv(refresh: bool) -> Path:
    """``qnc`` installed from this repository (not editable) in ``.venv-qnc``."""
    exe, stamp = QNC_VENV / "bin" / "qnc", QNC_VENV / STAMP
    digest = source_digest()
    fresh = stamp.is_file() and stamp.read_text(encoding="ascii").strip() == digest
    if refresh or not fresh or not _runs(exe):
        _install(QNC_VENV, str(ROOT))
        if not _runs(exe):
            raise BenchError(f"{exe} does not run after installation")
        stamp.write_text(digest + "\n", encoding="ascii")
    return exe


def reference_venv(refresh: bool) -> Path:
    """``check-jsonschema`` alone in ``.venv-ref``, as ``pipx install`` would give it."""
    exe = REF_VENV / "bin" / "check-jsonschema"
    if refresh or not _runs(exe):
        _install(REF_VENV, "check-jsonschema")
        if not _runs(exe):
            raise BenchError(f"{exe} does not run after installation")
    return exe


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


_DESCRIBE = """
import json, platform, sys
from importlib import metadata
def version(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
origin = None
if sys.argv[1]:
    import importlib.util
    spec = importlib.util.find_spec(sys.argv[1])
    origin = spec.origin if spec else None
print(json.dumps({"python": platform.python_version(), "origin": origin,
                  "versions": {n: version(n) for n in sys.argv[2:]}}))
"""


@dataclass
class Described:
    python: str
    version: str
    origin: str | None
    versions: dict[str, str | None]

    def libraries(self) -> str:
        return ", ".join(f"{name} {v}" for name, v in self.versions.items() if v)


def describe(python: str, module: str, *dists: str) -> Described:
    """The Python version, where ``module`` is imported from, and the versions of ``dists``."""
    done = subprocess.run([python, "-c", _DESCRIBE, module, *dists], capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"cannot describe the environment of {python}:\n{done.stderr}")
    data = json.loads(done.stdout)
    return Described(python, data["python"], data["origin"], data["versions"])


# ------------------------------------------------------------------------ .pyc probe

# Runs a command in-process (a script with its arguments, or ``-c CODE``), then checks,
# for every module it imported from a .py file, that the .pyc beside it matches the
# source (magic number, and the mtime and size that the import system itself compares).
# Run with PYTHONDONTWRITEBYTECODE=1 so that the probe never writes the .pyc it checks.
_PROBE = r"""
import json, os, runpy, sys
from importlib.util import MAGIC_NUMBER
out, target = sys.argv[1], sys.argv[2:]
sys.argv = ["-c"] if target[0] == "-c" else target
try:
    if target[0] == "-c":
        exec(compile(target[1], "<string>", "exec"), {"__name__": "__main__"})
    else:
        runpy.run_path(target[0], run_name="__main__")
except SystemExit:
    pass
def fresh(origin, cached):
    try:
        with open(cached, "rb") as f:
            head = f.read(16)
        st = os.stat(origin)
    except OSError:
        return False
    if head[:4] != MAGIC_NUMBER:
        return False
    if int.from_bytes(head[4:8], "little"):  # hash-based .pyc: trusted as written
        return True
    return (int.from_bytes(head[8:12], "little") == int(st.st_mtime) & 0xFFFFFFFF
            and int.from_bytes(head[12:16], "little") == st.st_size & 0xFFFFFFFF)
report = {}
for name, module in list(sys.modules.items()):
    spec = getattr(module, "__spec__", None)
    origin, cached = getattr(spec, "origin", None), getattr(spec, "cached", None)
    if not (isinstance(origin, str) and origin.endswith(".py") and cached):
        continue
    top = name.partition(".")[0]
    group = report.setdefault("stdlib" if top in sys.stdlib_module_names else top, [0, []])
    group[0] += 1
    if not fresh(origin, cached):
        group[1].append(name)
with open(out, "w", encoding="utf-8") as f:
    json.dump(report, f)
"""


@dataclass
class Compiled:
    """Modules a command imported from .py files, by top-level package or ``stdlib``."""

    imported: dict[str, int]
    missing: dict[str, list[str]]  # modules without an up-to-date .pyc

    @property
    def total(self) -> int:
        return sum(self.imported.values())

    @property
    def without(self) -> int:
        return sum(len(m) for m in self.missing.values())

    def summary(self) -> str:
        if not self.without:
            return f"all {self.total} with an up-to-date .pyc"
        lacking = ", ".join(f"{top} {len(names)}" for top, names in sorted(self.missing.items()))
        return f"{self.without} of {self.total} WITHOUT an up-to-date .pyc ({lacking})"


def probe_pyc(argv: list[str], cwd: Path, env: dict[str, str], out: Path) -> Compiled:
    """Run ``argv`` in-process under the probe and report its modules' .pyc."""
    if Path(argv[0]).name.startswith("python"):
        python, target = argv[0], argv[1:]
    else:
        python, target = python_of(Path(argv[0])), argv
    env = {**env, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [python, "-c", _PROBE, str(out), *target],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not out.is_file():
        raise BenchError(f"the .pyc probe failed on {' '.join(argv)}:\n{done.stderr}")
    report = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    return Compiled(
        {top: n for top, (n, _) in report.items()},
        {top: names for top, (_, names) in report.items() if names},
    )
