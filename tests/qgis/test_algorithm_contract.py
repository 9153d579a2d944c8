"""Every algorithm of the provider keeps the Processing contract the model builder relies on.

* every key an algorithm can return is declared as an output (a parameter's automatic output
  or ``addOutput``), found by reading each algorithm module's return statements; real runs are
  checked as well, in ``conftest.run_alg``;
* every parameter and output key is a constant of the algorithm (no bare strings in the code);
* ``canExecute()`` names a missing package before a run, and a headless run still raises it.
"""
import ast
import inspect
import sys

import pytest


def _algorithms(provider):
    """Our Python algorithms (the shipped .model3 workflows are data, checked in test_summarize)."""
    from qgis.core import QgsProcessingModelAlgorithm

    return sorted((a for a in provider.algorithms() if not isinstance(a, QgsProcessingModelAlgorithm)),
                  key=lambda a: a.name())


def _declared(alg):
    return {o.name() for o in alg.outputDefinitions()}


RETURNING = ("processAlgorithm", "process", "write_photo_outputs")  # functions that build the results


def _body_nodes(func):
    """The nodes of a function's own body (nested functions, such as field-value callbacks, left out)."""
    nested = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
    stack = [n for n in func.body if not isinstance(n, nested)]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, nested):
                stack.append(child)


def _returned_key_nodes(module):
    """AST nodes of the keys the module's results-building functions return.

    In ``process``/``processAlgorithm`` (and the shared ``write_photo_outputs``): every
    ``return {...}``, every dict literal assigned to ``results`` and every ``results[KEY] = ...``.
    """
    tree = ast.parse(inspect.getsource(module))
    funcs = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name in RETURNING]
    keys = []
    for node in (n for f in funcs for n in _body_nodes(f)):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Dict):
            keys += [k for k in node.value.keys if k is not None]
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id == "results" and isinstance(node.value, ast.Dict):
                    keys += [k for k in node.value.keys if k is not None]
                if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) \
                        and target.value.id == "results":
                    keys.append(target.slice)
    return keys


def _key_value(node, alg, module):
    """The string a key expression stands for: self.X, a module constant, or a literal."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in ("self", "alg"):
        return getattr(alg, node.attr)
    if isinstance(node, ast.Name):
        return getattr(module, node.id)
    if isinstance(node, ast.Constant):
        return node.value
    raise AssertionError(f"{module.__name__}: cannot read the key {ast.unparse(node)}")


def _own_code_modules(alg):
    """The algorithm's module and the modules of processing helpers it returns results from."""
    module = sys.modules[type(alg).__module__]
    modules = [module]
    for name in ("write_photo_outputs",):  # importtable returns the dict built by importphotos' helper
        helper = getattr(module, name, None)
        if helper is not None and sys.modules[helper.__module__] not in modules:
            modules.append(sys.modules[helper.__module__])
    return modules


def test_every_returned_key_is_declared(provider):
    checked = 0
    for alg in _algorithms(provider):
        declared = _declared(alg)
        for module in _own_code_modules(alg):
            nodes = _returned_key_nodes(module)
            if module is sys.modules[type(alg).__module__] and alg.name() != "importtable":
                assert nodes, f"{alg.name()}: no returned keys found in {module.__name__}"
            for node in nodes:
                key = _key_value(node, alg, module)
                assert key in declared, f"{alg.name()} returns {key!r} but declares only {sorted(declared)}"
                checked += 1
    assert checked >= 30


def test_keys_are_constants_not_bare_strings(provider):
    """parameterAs*/addOutput/results use constants: a bare "KEY" string appears only where it is defined."""
    from photo_motifs.processing import base, outputs, params, photo_sources

    for module in {sys.modules[type(a).__module__] for a in _algorithms(provider)} | {base, outputs, params,
                                                                                     photo_sources}:
        tree = ast.parse(inspect.getsource(module))
        defined = set()
        for node in ast.walk(tree):  # NAME = "NAME" (class or module constants)
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                defined.add(id(node.value))
        offenders = []
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if func.startswith("parameterAs") or func in ("addOutput", "parameterDefinition", "mark_advanced"):
                args = node.args[1:2] if func.startswith("parameterAs") else node.args
                offenders += [ast.unparse(a) for a in args
                              if isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value.isupper()]
            if func.startswith("QgsProcessingParameter") or func.startswith("QgsProcessingOutput") or func == "P":
                first = node.args[:1]
                offenders += [ast.unparse(a) for a in first if isinstance(a, ast.Constant)]
        assert not offenders, f"{module.__name__} uses bare keys {offenders}"


def test_parameters_declared_once_per_algorithm(provider):
    for alg in _algorithms(provider):
        names = [p.name() for p in alg.parameterDefinitions()]
        assert len(names) == len(set(names)), alg.name()
        module = sys.modules[type(alg).__module__]
        for name in names:  # a constant of the algorithm, its module or processing.photo_sources names it
            assert _has_constant(type(alg), name) or _has_constant(module, name) or _common_constant(name), \
                f"{alg.name()}: parameter {name} has no constant"


def _has_constant(owner, name):
    return any(getattr(owner, attr, None) == name for attr in dir(owner) if attr.isupper())


def _common_constant(name):
    from photo_motifs.processing import photo_sources

    return _has_constant(photo_sources, name)


def test_enum_options_come_from_core(provider):
    """The enum parameters show core.options' labels in core.options' order (indices keep their meaning)."""
    from qgis.core import QgsApplication

    from photo_motifs.core import options

    registry = QgsApplication.processingRegistry()
    expected = {
        ("cluster", "METHOD"): options.CLUSTER_METHOD_OPTIONS,
        ("cluster", "METRIC"): options.METRIC_OPTIONS,
        ("cluster", "LINKAGE"): options.LINKAGE_OPTIONS,
        ("cluster", "CUT"): options.CUT_OPTIONS,
        ("cluster", "PROJECTION"): options.PROJECTION_OPTIONS,
        ("train", "METHOD"): options.TRAINING_METHOD_OPTIONS,
        ("exportgroups", "MODE"): options.EXPORT_MODE_OPTIONS,
    }
    for (name, key), opts in expected.items():
        param = registry.algorithmById(f"photomotifs:{name}").parameterDefinition(key)
        assert param.options() == [label for label, _value in opts], (name, key)
    # the values core validates are the values the dialog offers
    from photo_motifs.core import cluster, exportgroups, projection, train

    assert set(cluster.METHODS) == set(options.values(options.CLUSTER_METHOD_OPTIONS))
    assert set(cluster.CUTS) == {"auto", "k", "height_ratio"}
    assert set(projection.METHODS) | {options.PROJECTION_NONE} == set(options.values(options.PROJECTION_OPTIONS))
    assert set(train.METHODS) | {options.FINETUNE} == set(options.values(options.TRAINING_METHOD_OPTIONS))
    assert set(exportgroups.MODES) == {"copy", "link"}


def test_can_execute_names_a_missing_package(provider, run_alg, tmp_path, monkeypatch):
    """A capability whose package is really absent: the dialog is told before the run, headless runs raise."""
    import importlib.util

    from qgis.core import QgsApplication, QgsProcessingException

    from photo_motifs.core import deps

    for alg in _algorithms(provider):
        assert alg.canExecute() == (True, ""), alg.name()
    absent = "photo_motifs_absent_package"
    assert importlib.util.find_spec(absent) is None
    monkeypatch.setitem(deps.PACKAGES, absent, "photo-motifs-absent-package")
    monkeypatch.setitem(deps.NEEDS, "import", deps.NEEDS["import"] + [absent])
    alg = QgsApplication.processingRegistry().algorithmById("photomotifs:importphotos")
    ok, message = alg.canExecute()
    assert ok is False
    assert "photo-motifs-absent-package" in message and "pip install" in message
    assert QgsApplication.processingRegistry().algorithmById("photomotifs:embed").canExecute()[0]
    # headless runs do not ask canExecute(): processAlgorithm raises the same sentence
    with pytest.raises(QgsProcessingException) as err:
        run_alg("photomotifs:importphotos", {"FOLDER": str(tmp_path), "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "photo-motifs-absent-package" in str(err.value)


def test_qgis_compat_picks_the_enums_this_qgis_has():
    """On QGIS 3.22 the class enums, on 3.36+/4 the scoped Qgis ones; the same values either way."""
    from qgis.core import Qgis, QgsFeatureSink, QgsField, QgsProcessing, QgsWkbTypes

    from photo_motifs.processing import qgis_compat as q

    if not hasattr(Qgis, "ProcessingSourceType"):
        assert q.SOURCE_VECTOR == QgsProcessing.TypeVector
        assert q.WKB_POINTZ == QgsWkbTypes.PointZ
    assert q.FAST_INSERT == QgsFeatureSink.FastInsert
    if Qgis.QGIS_VERSION_INT < 33800:  # QgsField takes QVariant types before 3.38
        from qgis.PyQt.QtCore import QVariant

        assert QgsField("x", q.FIELD_TYPES["int"]).type() == QVariant.LongLong
        assert QgsField("x", q.FIELD_TYPES["str"]).type() == QVariant.String
    assert QgsField("x", q.FIELD_TYPES["str"]).type() == QgsField("y", q.FIELD_TYPES["datetime"]).type()
    assert len({QgsField("x", t).type() for t in q.FIELD_TYPES.values()}) == 4
    with pytest.raises(AttributeError, match="Qgis.NoSuchEnum.Member"):
        q.first_of((Qgis, "NoSuchEnum.Member"))
