"""Design-card rules that can be checked mechanically."""
import ast
import re
import sys
from pathlib import Path

import pytest

from . import import_rules

PLUGIN = Path(__file__).resolve().parents[2]
FORBIDDEN = ("qgis", "PyQt5", "PyQt6", "PySide2", "PySide6", "sip")


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


@pytest.mark.parametrize("package", ["core", "models", "api"])
def test_core_and_models_never_import_qgis_or_qt(package):
    offenders = [
        f"{p.relative_to(PLUGIN)} imports {name}"
        for p in (PLUGIN / package).rglob("*.py")
        for name in _imports(p)
        if name in FORBIDDEN
    ]
    assert not offenders, offenders


def test_unit_suite_runs_without_qgis():
    """This suite runs with pytest-qgis disabled: QGIS must not have been imported by core/."""
    import photo_motifs.core.cluster  # noqa: F401
    import photo_motifs.core.embed  # noqa: F401
    import photo_motifs.core.photometa  # noqa: F401
    import photo_motifs.models.registry  # noqa: F401

    assert "qgis.core" not in sys.modules


def test_processing_code_never_uses_iface():
    offenders = [str(p.relative_to(PLUGIN)) for p in (PLUGIN / "processing").rglob("*.py")
                 if "iface" in p.read_text(encoding="utf-8")]
    assert not offenders, offenders


def test_init_has_only_class_factory():
    tree = ast.parse((PLUGIN / "__init__.py").read_text(encoding="utf-8"))
    defs = [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    assert defs == ["classFactory"]
    assert not [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]


def test_metadata_declares_processing_provider():
    from photo_motifs import __about__

    assert __about__.__title__ == "Photo Motifs"
    text = (PLUGIN / "metadata.txt").read_text(encoding="utf-8")
    assert "hasProcessingProvider=yes" in text and "qgisMinimumVersion=3.22" in text


def test_metadata_offers_the_plugin_to_qgis_4():
    """Without a maximum QGIS reads 3.99 and hides the plugin from every QGIS 4 user."""
    text = (PLUGIN / "metadata.txt").read_text(encoding="utf-8")
    assert "qgisMaximumVersion=4.99" in text.splitlines()


QT_BINDINGS = ("PyQt5", "PyQt6", "PySide2", "PySide6", "sip")


@pytest.mark.parametrize("folder", ["processing", "plugin", "tests", "scripts", "bench"])
def test_qt_only_through_qgis_pyqt(folder):
    """QGIS 3 (PyQt5) and QGIS 4 (PyQt6) both provide qgis.PyQt; direct PyQt imports break one of them."""
    offenders = [
        f"{p.relative_to(PLUGIN)} imports {name}"
        for p in (PLUGIN / folder).rglob("*.py")
        for name in _imports(p)
        if name in QT_BINDINGS
    ]
    assert not offenders, offenders


@pytest.mark.parametrize("folder", ["core", "models", "processing", "plugin", "tests", "scripts", "bench"])
def test_no_exec_underscore(folder):
    """PyQt6 has only exec(); PyQt5 >= 5.15 has both."""
    offenders = [str(p.relative_to(PLUGIN)) for p in (PLUGIN / folder).rglob("*.py")
                 if ".exec" + "_(" in p.read_text(encoding="utf-8")]  # split: this file would match itself
    assert not offenders, offenders


def test_imports_run_one_way():
    """plugin -> processing -> models -> core, relative and lazy imports included."""
    assert not import_rules.layer_offences(PLUGIN), import_rules.layer_offences(PLUGIN)


def test_no_private_names_imported_across_modules():
    assert not import_rules.private_offences(PLUGIN), import_rules.private_offences(PLUGIN)


def test_module_graph_has_no_cycle():
    graph = import_rules.module_graph(PLUGIN)
    assert "models.registry" in graph["models.convert"]  # the graph sees "from . import registry"
    assert "core.feedback" in graph["core.cluster"]
    assert not import_rules.cycles(graph)


def test_known_exceptions_are_still_needed():
    """Each KNOWN entry must still occur; remove it from import_rules.KNOWN once it is gone."""
    found = {(i.source, i.target) for p in import_rules.package_files(PLUGIN) for i in import_rules.imports(PLUGIN, p)}
    assert import_rules.KNOWN <= found, import_rules.KNOWN - found


def test_api_sits_beside_processing(tmp_path):
    """api may import models and core; processing, plugin and api never import each other's way up."""
    files = dict(CLEAN)
    files["api/steps.py"] = "from ..models import registry\nfrom ..core.train import x\nfrom . import io\n"
    files["api/io.py"] = "import photo_motifs.core.feedback\n"
    assert import_rules.layer_offences(_tree(tmp_path, files), known=set()) == []
    files["api/steps.py"] += "def f():\n    from ..processing.common import y\n"
    files["processing/common.py"] += "from ..api import steps\n"
    files["plugin/main.py"] += "import photo_motifs.api.io\n"
    files["core/train.py"] += "from ..api.io import z\n"
    offences = import_rules.layer_offences(_tree(tmp_path, files), known=set())
    assert sorted(o.split(" (")[1] for o in offences) == [
        "api may not import processing)", "core may not import api)", "plugin may not import api)",
        "processing may not import api)"], offences


def test_pyogrio_stays_out_of_the_qgis_side():
    """pyogrio bundles its own GDAL: no module QGIS loads may import it; api imports it nowhere
    directly (geopandas loads it only when the API writes a GeoPackage outside QGIS). QGIS's own
    GDAL binding (osgeo, the same libgdal as QGIS) only where QGIS is loaded anyway: processing/
    and plugin/ (e.g. reading an output back before its rename), never in the QGIS-free floors."""
    forbidden = {"core": ("pyogrio", "fiona", "osgeo"), "models": ("pyogrio", "fiona", "osgeo"),
                 "api": ("pyogrio", "fiona", "osgeo"), "processing": ("pyogrio", "fiona"),
                 "plugin": ("pyogrio", "fiona")}
    offenders = [f"{p.relative_to(PLUGIN)} imports {name}"
                 for folder, names in forbidden.items()
                 for p in (PLUGIN / folder).rglob("*.py")
                 for name in _imports(p) if name in names]
    assert not offenders, offenders


def test_importing_the_api_imports_neither_qgis_nor_pyogrio():
    import subprocess

    code = ("import sys; import photo_motifs.api, photo_motifs.api.cli, photo_motifs.api.distributed; "
            "bad = [m for m in ('qgis', 'qgis.core', 'pyogrio', 'osgeo', 'PyQt5') if m in sys.modules]; "
            "assert not bad, bad")
    import photo_motifs

    where = Path(photo_motifs.__file__).parent.parent  # the folder holding the package (not resolved)
    out = subprocess.run([sys.executable, "-c", code], cwd=where, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def _tree(tmp_path, files: dict) -> Path:
    root = tmp_path / "photo_motifs"
    for layer in import_rules.LAYERS:
        (root / layer).mkdir(parents=True, exist_ok=True)
        (root / layer / "__init__.py").write_text("", encoding="utf-8")
    (root / "__about__.py").write_text("__version__ = '0'\n", encoding="utf-8")
    for rel, text in files.items():
        (root / rel).write_text(text, encoding="utf-8")
    return root


CLEAN = {
    "core/feedback.py": "def ensure_feedback(f):\n    return f\n",
    "core/train.py": "from .feedback import ensure_feedback\nfrom ..__about__ import __version__\n",
    "models/registry.py": "from ..core.train import ensure_feedback\nfrom ..core import feedback\n",
    "processing/common.py": "from ..models import registry\nimport photo_motifs.core.train\n",
    "plugin/main.py": "from ..processing.common import registry\n",
}


def test_checker_passes_a_clean_tree(tmp_path):
    root = _tree(tmp_path, CLEAN)
    assert import_rules.layer_offences(root, known=set()) == []
    assert import_rules.private_offences(root) == []
    assert import_rules.cycles(import_rules.module_graph(root)) == []


@pytest.mark.parametrize("rel, line, expected", [
    # a relative reverse import inside a function, as core/classify.py had
    ("core/train.py", "def f():\n    from ..models.registry import x\n",
     "core/train.py:4 imports models.registry (core may not import models)"),
    ("core/train.py", "from ..models import registry\n", "core/train.py:3 imports models.registry"),
    ("core/train.py", "import photo_motifs.processing.common\n", "core/train.py:3 imports processing.common"),
    ("models/registry.py", "from photo_motifs.processing import common\n",
     "models/registry.py:3 imports processing.common"),
    ("processing/common.py", "from ..plugin.main import x\n", "processing/common.py:3 imports plugin.main"),
])
def test_checker_fails_on_a_reverse_import(tmp_path, rel, line, expected):
    files = dict(CLEAN)
    files[rel] = files[rel] + line
    offences = import_rules.layer_offences(_tree(tmp_path, files), known=set())
    assert len(offences) == 1 and offences[0].startswith(expected), offences


def test_checker_fails_on_a_private_import(tmp_path):
    files = dict(CLEAN)
    files["models/registry.py"] += "from ..core.train import _holdout_split\n"
    files["core/train.py"] += "from .feedback import _private\nfrom .train import _own  # its own module: fine\n"
    offences = import_rules.private_offences(_tree(tmp_path, files))
    assert offences == [
        "core/train.py:3 imports the private name _private from core.feedback",
        "models/registry.py:3 imports the private name _holdout_split from core.train",
    ]


def test_checker_finds_a_cycle(tmp_path):
    files = dict(CLEAN)
    files["models/quantize.py"] = "def main():\n    from .registry import x\n"
    files["models/registry.py"] += "def q():\n    from . import quantize\n"
    assert import_rules.cycles(import_rules.module_graph(_tree(tmp_path, files))) == [
        ["models.quantize", "models.registry"]
    ]


# QGIS enums that QGIS 3.30-3.38 moved to scoped Qgis.* enums (or scoped class enums) and QGIS 4
# drops; processing/ and plugin/ take them from processing/qgis_compat.py, which picks the form the
# running QGIS has (or spell the scoped class enum that both 3.22 and 4 accept).
OLD_QGIS_ENUMS = re.compile(
    r"QgsProcessing\.Type[A-Z]\w*|QgsProcessingParameterDefinition\.Flag\w+|QgsWkbTypes\.[A-Z]\w*"
    r"|QgsProcessingParameter(Number|File|Field|DateTime)\.[A-Z]\w*|(?<!Flag\.)\bFastInsert\b|QVariant\.[A-Z]\w*"
    r"|\bQgis\.(Info|Warning|Critical|Success|NoLevel)\b|QgsFeatureRequest\.(Flag\.)?NoGeometry"
    r"|QgsSymbol\.Property\w+|QgsSymbolLayer\.Property[A-Z]\w*|QgsUnitTypes\.(Distance|Layout|Area|Render)\w+"
    r"|QgsProcessingAlgorithm\.(Flag\.)?Flag\w+|QgsMapLayerProxyModel\.(Filter\.)?\w+Layer\b"
    r"|QgsLayoutExporter\.(Success|Canceled|MemoryError|FileError|PrintError|SvgLayerError|IteratorError)\b"
    r"|QgsBlockingNetworkRequest\.(NoError|NetworkError|TimeoutError|ServerExceptionError)\b"
    r"|QgsSimpleMarkerSymbolLayerBase\.[A-Z]\w*"
)


@pytest.mark.parametrize("folder", ["processing", "plugin"])
def test_moved_qgis_enums_come_from_the_shim(folder):
    offenders = [
        f"{p.relative_to(PLUGIN)}:{n}: {m.group(0)}"
        for p in sorted((PLUGIN / folder).rglob("*.py")) if p.name != "qgis_compat.py"
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        for m in [OLD_QGIS_ENUMS.search(line)] if m
    ]
    assert not offenders, offenders


# No function of the product is longer than about a screen: a long one is split into named steps
# (as scikit-learn's fit delegates to private steps). Offenders awaiting their split are listed
# with their length; the list may only shrink (test_long_function_list_is_current).
MAX_FUNCTION_LINES = 100
LONG_FUNCTIONS_TO_SPLIT: set = set()
PRODUCT_FOLDERS = ("core", "models", "processing", "plugin", "api")


def _long_functions():
    found = {}
    for folder in PRODUCT_FOLDERS:
        for p in sorted((PLUGIN / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    lines = node.end_lineno - node.lineno + 1
                    if lines > MAX_FUNCTION_LINES:
                        found[f"{p.relative_to(PLUGIN).as_posix()}:{node.name}"] = lines
    return found


def test_no_function_over_a_screen():
    new = {k: v for k, v in _long_functions().items() if k not in LONG_FUNCTIONS_TO_SPLIT}
    assert not new, f"split these functions into named steps (at most {MAX_FUNCTION_LINES} lines): {new}"


def test_long_function_list_is_current():
    assert not LONG_FUNCTIONS_TO_SPLIT - set(_long_functions()), "remove the split functions from the list"


def test_python_run_by_qgis_task_threads_keeps_its_thread_state():
    """Code that QGIS's QThreadPool threads run (task functions, QRunnables, algorithms) calls
    core.threadstate.keep_thread_state(): pybind11 modules (onnxruntime, onnx, matplotlib) first
    imported there otherwise keep a freed thread state (the crash after a big run)."""
    offenders = []
    for folder in ("plugin", "processing"):
        for p in sorted((PLUGIN / folder).rglob("*.py")):
            text = p.read_text(encoding="utf-8")
            runs_in_pool = "fromFunction(" in text or "(QRunnable)" in text or "def processAlgorithm(" in text
            if runs_in_pool and "keep_thread_state()" not in text:
                offenders.append(str(p.relative_to(PLUGIN)))
    assert not offenders, offenders


# --- Processing keys are constants, in processing/ and plugin/ alike --------------------------------
# A parameter or output key ("INPUT", "OUTPUT_FOLDER"...) or an algorithm id ("photomotifs:train")
# spelled out as a string breaks silently when the algorithm renames it; the dialog, the Motifs panel
# and the menu use the algorithm's constants (``TrainAlgorithm.METHOD``), ``processing.base.algorithm_id``
# and option *values* (``core.options.index_of``). tests/qgis/test_algorithm_contract.py checks the
# algorithms' own modules against the registry; this check reads every file of both folders. (api/
# takes keyword arguments, not Processing keys: its guard is the message check of test_messages.py.)
KEY_TEXT = re.compile(r"^[A-Z][A-Z0-9_]*$")
ALGORITHM_ID_TEXT = re.compile(r"^photomotifs:\w*$")
KEY_FUNCTIONS = ("addOutput", "parameterDefinition", "mark_advanced")


def _is_key(node) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(KEY_TEXT.match(node.value))


def bare_keys(code: str, filename: str = "<code>") -> list:
    """Where ``code`` spells a Processing key or an algorithm id as a string: an upper-case string
    as a dict key, an index, the key of ``.get``/``.pop``/``.setdefault``, a key argument of
    ``parameterAs*``/``addOutput``/``parameterDefinition``/``mark_advanced`` or the name of a
    ``QgsProcessingParameter*``/``QgsProcessingOutput*``; any ``"photomotifs:<name>"`` text.
    Constants themselves (``METHOD = "METHOD"``) are where a key is defined, not used."""
    found = []
    for node in ast.walk(ast.parse(code, filename)):
        hits = []
        if isinstance(node, ast.Dict):
            hits = [k for k in node.keys if k is not None and _is_key(k)]
        elif isinstance(node, ast.Subscript) and _is_key(node.slice):
            hits = [node.slice]
        elif isinstance(node, ast.Call):
            func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if func in ("get", "pop", "setdefault") and isinstance(node.func, ast.Attribute):
                hits = [a for a in node.args[:1] if _is_key(a)]
            elif func.startswith("parameterAs"):
                hits = [a for a in node.args[1:2] if _is_key(a)]
            elif func in KEY_FUNCTIONS:
                hits = [a for a in node.args if _is_key(a)]
            elif func == "P" or func.startswith(("QgsProcessingParameter", "QgsProcessingOutput")):
                hits = [a for a in node.args[:1] if isinstance(a, ast.Constant)]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and ALGORITHM_ID_TEXT.match(node.value):
            hits = [node]
        found += [f"{filename}:{h.lineno}: {h.value!r}" for h in hits]
    return found


@pytest.mark.parametrize("code", [
    'params = {"INPUT": layer.id()}',
    'outputs.get("K")',
    'results["OUTPUT_PDF"]',
    'self.parameterAsInt(parameters, "TOP_K", context)',
    'QgsProcessingParameterNumber("K", "k")',
    'Step("export", "photomotifs:exportgroups", title, params)',
    'registry.algorithmById(f"photomotifs:{name}")',
])
def test_key_checker_finds_spelled_out_keys(code):
    assert bare_keys(code), code


@pytest.mark.parametrize("code", [
    "METHOD = 'METHOD'",
    "params = {A.INPUT: layer.id(), A.MODE: index_of(EXPORT_MODE_OPTIONS, 'copy')}",
    "outputs.get(ClusterAlgorithm.K)",
    'settings["last_summary"]',
    'Step("export", algorithm_id(ExportGroupsAlgorithm), title, params)',
    '"""photomotifs:cluster — Discover motifs"""',
])
def test_key_checker_accepts_constants(code):
    assert not bare_keys(code), code


@pytest.mark.parametrize("folder", ["processing", "plugin"])
def test_processing_keys_are_constants(folder):
    offenders = [hit for p in sorted((PLUGIN / folder).rglob("*.py"))
                 for hit in bare_keys(p.read_text(encoding="utf-8"), str(p.relative_to(PLUGIN)))]
    assert not offenders, offenders


# --- every output through core/safe_write.py --------------------------------------------------------
# A file written straight under its final name is half there when the disk fills or the run is
# cancelled. Outputs are written by a ``fill(temp)`` given to core.safe_write (write_complete,
# replace_complete, publish_folder; a lambda or a nested function named fill*). The functions below
# write files themselves, each for the reason given; a new direct write anywhere else fails here.
RAW_WRITERS = {
    "core/exportgroups.py:_stripped_jpeg": "re-encodes into a memory buffer; write_complete writes the bytes",
    "core/flickr.py:_transfer": "a download into its .part file, which _fetch renames once whole",
    "core/flickr.py:_fetch": "renames a .part download after its length, its image end and an fsync",
    "core/flickr.py:add": "appends a line to the list of complete downloads (a lost line: the file is checked again)",
    "core/linkage_child.py:_in_child": "the distances for the child process, in a TemporaryDirectory: not an output",
    "core/motiftime.py:plot_heatmap": "draws into the name it is given: write_charts gives a temporary one",
    "core/motiftime.py:plot_overview": "draws into the name it is given: write_charts gives a temporary one",
    "core/report.py:plot_confusion": "draws into the model folder's temporary folder (publish_folder)",
    "core/openset.py:save": "unknown.npz into the model folder's temporary folder",
    "core/train.py:save": "head.npz into the model folder's temporary folder",
    "core/safe_cells.py:write_xlsx": "the fill of save_xlsx (zipped in memory, written in one go)",
    "core/table_import.py:personal_salt": "a per-user setting (mode 0600), not an output",
    "core/thumbnails.py:thumbnail": "a cache file (temporary name, then rename; a lost one is made again)",
    "models/classifier_export.py:write_model_files": "fills the temporary folder of train_model/zero-shot models",
    "models/classifier_export.py:write_unknown_file": "fills the temporary folder of train_model",
    "models/clip.py:_write_files": "fills the temporary folder of convert_clip's publish_folder",
    "models/onnx_utils.py:save_atomic": "ONNX files: temporary name, fsync, rename",
    "processing/outputs.py:publish": "moves a sink's files into place after GDAL read them back",
}
WRITE_METHODS = {"write_text", "write_bytes", "savefig", "to_parquet", "to_csv", "to_file", "to_excel", "savez",
                 "savez_compressed", "save"}


def _writes_a_file(call: ast.Call) -> bool:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name in ("open", "fdopen"):
        mode = call.args[1] if len(call.args) > 1 else next((k.value for k in call.keywords if k.arg == "mode"), None)
        return isinstance(mode, ast.Constant) and isinstance(mode.value, str) and any(c in mode.value for c in "wax+")
    if name in ("replace", "rename"):
        return isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "os"
    return name in WRITE_METHODS and isinstance(func, ast.Attribute)


def raw_writes(code: str, filename: str) -> dict:
    """{'<file>:<function>': line} of file writes outside a lambda or a nested ``fill*`` function."""
    tree = ast.parse(code, filename)
    found = {}

    def visit(node, function, in_fill):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Lambda):
                visit(child, function, True)
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                nested_fill = function is not None and child.name.startswith("fill")
                visit(child, function if nested_fill else child.name, in_fill or nested_fill)
            else:
                if isinstance(child, ast.Call) and _writes_a_file(child) and not in_fill:
                    found.setdefault(f"{filename}:{function or '<module>'}", child.lineno)
                visit(child, function, in_fill)

    visit(tree, None, False)
    return found


@pytest.mark.parametrize("code, expected", [
    ('def f(p):\n    p.write_text("x")\n', {"m.py:f": 2}),
    ('def f(p):\n    with open(p, "w") as fh:\n        fh.write("x")\n', {"m.py:f": 2}),
    ("def f(p, tmp):\n    fig.savefig(p)\n    os.replace(tmp, p)\n", {"m.py:f": 2}),
    ('def f(p):\n    replace_complete(p, lambda tmp: tmp.write_text("x"))\n', {}),
    ('def f(p):\n    def fill(tmp):\n        with open(tmp, "wb") as fh:\n            fh.write(b"")\n'
     '    replace_complete(p, fill)\n', {}),
    ('def f(p):\n    with open(p) as fh:\n        return fh.read().replace("a", "b")\n', {}),
])
def test_the_write_check(code, expected):
    assert raw_writes(code, "m.py") == expected


def test_every_output_goes_through_safe_write():
    found = {}
    for folder in ("core", "models", "processing", "api"):
        for p in sorted((PLUGIN / folder).rglob("*.py")):
            if p.name != "safe_write.py":
                found.update(raw_writes(p.read_text(encoding="utf-8"), p.relative_to(PLUGIN).as_posix()))
    unexplained = {k: v for k, v in found.items() if k not in RAW_WRITERS}
    assert not unexplained, f"write these through core.safe_write (a fill given to replace_complete...): {unexplained}"
    assert not set(RAW_WRITERS) - set(found), "remove these from RAW_WRITERS: they no longer write files"
