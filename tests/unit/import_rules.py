"""The package's import rules, checked from the source text (used by test_architecture.py).

Layers, lowest first: ``core`` (QGIS-free logic) < ``models`` (backbones, ONNX export) <
``processing`` (Processing algorithms) < ``plugin`` (GUI). A module may import its own layer
and the layers below it, never one above; the top-level ``__about__`` is open to every layer.
``api`` (the Python API and command line) sits beside ``processing``, as another face over
``core`` and ``models``: it may import ``models`` and ``core``, never ``processing`` or ``plugin``,
and nothing else imports it (the top-level ``__main__`` runs its command line).
Every import counts: absolute (``photo_motifs.core.x``) and relative (``from ..models import
x``, ``from .x import y``), at module level or inside a function. Names starting with one
underscore are private to their module: importing them from another module is an offence.
The module graph (every import edge between the package's own modules) must have no cycle.

Rules apply to the package code (``core``, ``models``, ``processing``, ``plugin``, ``api``), not to
``tests``, ``bench`` or ``scripts``, which may reach into any layer.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "photo_motifs"
LAYERS = ("core", "models", "processing", "plugin", "api")  # the first four lowest first; api beside processing
# which layers each layer may import
ALLOWED = {
    "core": {"core"},
    "models": {"core", "models"},
    "processing": {"core", "models", "processing"},
    "plugin": {"core", "models", "processing", "plugin"},
    "api": {"core", "models", "api"},
}
OPEN_TO_ALL = {"__about__"}

# Known offences awaiting a change in flight, as (importing file, imported module). Each entry
# says why; remove it when the reason is gone.
KNOWN: set = set()


@dataclass(frozen=True)
class Import:
    source: str  # importing file, relative to the package root ("core/classify.py")
    line: int
    target: str  # imported module, dotted, relative to the package ("models.lobe")
    names: tuple  # names imported from it ("load_model",); () for "import x"


def module_name(root: Path, path: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _is_module(root: Path, dotted: str) -> bool:
    base = root.joinpath(*dotted.split(".")) if dotted else root
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def imports(root: Path, path: Path):
    """Every import of the package's own modules in ``path``, resolved to package-relative names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = module_name(root, path)
    package = own.split(".") if path.name == "__init__.py" else own.split(".")[:-1]
    src = path.relative_to(root).as_posix()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == PACKAGE or alias.name.startswith(PACKAGE + "."):
                    yield Import(src, node.lineno, alias.name[len(PACKAGE) + 1:], ())
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if node.level - 1 > len(package):
                    continue  # beyond the package root: not ours
                base = package[:len(package) - (node.level - 1)]
                dotted = ".".join(base + (node.module.split(".") if node.module else []))
            elif node.module and (node.module == PACKAGE or node.module.startswith(PACKAGE + ".")):
                dotted = node.module[len(PACKAGE) + 1:]
            else:
                continue
            modules = [n.name for n in node.names if _is_module(root, f"{dotted}.{n.name}".strip("."))]
            names = tuple(n.name for n in node.names if n.name not in modules)
            for m in modules:  # "from ..core import deps": an import of the module core.deps
                yield Import(src, node.lineno, f"{dotted}.{m}".strip("."), ())
            if names or not modules:
                yield Import(src, node.lineno, dotted, names)


def package_files(root: Path):
    for layer in LAYERS:
        yield from sorted((root / layer).rglob("*.py"))


def layer_of(dotted: str) -> str | None:
    head = dotted.split(".")[0]
    return head if head in LAYERS else None


def layer_offences(root: Path, known=KNOWN) -> list:
    """Sentences for imports that go up the layers (e.g. core importing models)."""
    out = []
    for path in package_files(root):
        for imp in imports(root, path):
            src_layer, dst_layer = layer_of(imp.source.replace("/", ".")), layer_of(imp.target)
            if imp.target.split(".")[0] in OPEN_TO_ALL or dst_layer is None:
                continue
            if dst_layer not in ALLOWED[src_layer] and (imp.source, imp.target) not in known:
                out.append(f"{imp.source}:{imp.line} imports {imp.target} ({src_layer} may not import {dst_layer})")
    return out


def private_offences(root: Path) -> list:
    """Sentences for ``from other_module import _private`` between two different modules."""
    out = []
    for path in package_files(root):
        own = module_name(root, path)
        for imp in imports(root, path):
            if imp.target == own:
                continue
            for name in imp.names:
                if name.startswith("_") and not name.startswith("__"):
                    out.append(f"{imp.source}:{imp.line} imports the private name {name} from {imp.target}")
    return out


def module_graph(root: Path) -> dict:
    """{module: {imported modules}} over the package's own modules (lazy imports included)."""
    graph = {}
    for path in package_files(root):
        own = module_name(root, path)
        edges = graph.setdefault(own, set())
        for imp in imports(root, path):
            if imp.target != own and _is_module(root, imp.target):
                edges.add(imp.target)
    return graph


def cycles(graph: dict) -> list:
    """Every strongly connected group of two or more modules (Tarjan), as sorted lists."""
    index, low, on_stack, stack, out = {}, {}, set(), [], []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out
