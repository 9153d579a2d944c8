"""Training a photo classifier head on backbone embeddings (Lobe's job, done offline in QGIS).

The workshop's workflow: users sort photos into class folders (Lobe's dataset format: one
subfolder per class), Lobe trains an image classifier, Lobe Image Tools applies it. Here the
frozen backbone's embeddings (``core.embed``) feed a small head that is trained in seconds:

* ``method='linear'`` (default): L2-normalise each embedding (each block of it separately when
  the features are made of ``blocks``, e.g. the backbone's final features followed by the pooled
  outputs of earlier stages: ``models.registry.classifier_spec``), standardise every feature
  (mean/std of the training rows), multinomial logistic regression. The inverse regularisation
  strength ``C`` is chosen by an inner stratified cross-validation on the training rows only.
* ``method='mlp'``: the same preprocessing, one hidden ReLU layer (scikit-learn's
  MLPClassifier, Adam), the L2 penalty ``alpha`` chosen by the same inner cross-validation.

The logits of the chosen head are then divided by a softmax temperature fitted on the inner
cross-validation's out-of-fold predictions, so that confidences are calibrated (strong
regularisation otherwise gives flat probabilities); predictions are unchanged by it.

``class_weight='balanced'`` weights every photo by ``n / (n_classes * n_class)`` so small
classes count as much as large ones (LogisticRegression's ``class_weight``, MLPClassifier's
``sample_weight``).

Evaluation protocol (:func:`train_classifier`): a stratified hold-out split (``val_fraction``,
default 20 %, drawn with ``seed``) is set aside; the head is fitted on the rest, with
hyperparameters chosen by inner CV on that rest, and scored on the hold-out photos, which gives
the reported accuracy, balanced accuracy, per-class precision/recall/F1, the confusion matrix and
the misclassified photos. Optionally ``cv_folds``-fold stratified cross-validation of the whole
procedure is reported too. Finally the head is **refitted on all photos** (hyperparameters
re-chosen by inner CV on all of them): the exported model has seen every labelled photo, and the
reported figures estimate how well a head trained this way does on photos it has not seen.

Evaluation by group: with ``groups`` (each photo's user, or its burst) the hold-out split, the
cross-validation folds and the inner folds keep every group on one side (scikit-learn's
StratifiedGroupKFold; :func:`split_indices`). A user's photos resemble each other and a burst's
are near-copies: split at random they sit on both sides and the score rewards remembering
photos, not recognising classes. The by-group accuracy is the one to expect on new users'
photos; the accuracy of a random split is measured beside it (``TrainResult.split``).

The fitted head is a :class:`HeadParams`: plain numpy arrays that ``models.classifier_export``
writes as ONNX operators (ReduceL2/Div, Sub/Mul, Gemm, Relu, Softmax) and ``head.npz``.
scikit-learn is imported only inside the training functions: classifying needs numpy only.
"""
from __future__ import annotations

import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .feedback import CoreFeedback, ensure_feedback
from .files import is_image_name, list_files
from .messages import msg
from .openset import DEFAULT_REJECTION, UNKNOWN, fit_unknown, open_set_figures
from .options import FINETUNE, TRAINING_METHOD_OPTIONS, values
from .vecmath import l2_normalise

METHODS = tuple(v for v in values(TRAINING_METHOD_OPTIONS) if v != FINETUNE)  # heads trained on embeddings
# candidate inverse regularisation strengths of the logistic regression (standardised features)
LINEAR_C_GRID = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
# candidate L2 penalties of the MLP, and its hidden layer width
MLP_ALPHA_GRID = (1e-3, 1e-2, 1e-1, 1.0)
MLP_HIDDEN = 256
# candidate softmax temperatures (logits are divided by the one that calibrates best); the floor
# of 0.1 keeps confidences sane when the inner folds happen to be separated perfectly
TEMPERATURE_GRID = tuple(np.round(np.logspace(-1.0, 1.0, 41), 4))
# folds of the inner cross-validation that picks C / alpha (fewer when a class is smaller)
INNER_FOLDS = 3
# smallest class size the training accepts (a class needs a photo to learn from and one to test)
MIN_PER_CLASS = 2


# --------------------------------------------------------------------------- dataset


def collect_folder_dataset(root) -> tuple:
    """Read a Lobe-style dataset: ``root/<class name>/**/<photo>``.

    Returns ``(paths, labels, invalid)``: parallel lists of photo paths (str) and class names
    (the first-level subfolder; photos in deeper folders belong to that class), and ``invalid``
    rows ``(path, reason_code, reason_sentence)`` for files that are left out:
    ``not_image`` (extension of no image format), ``no_class`` (a photo directly in ``root``),
    ``class_too_small`` (its class has fewer than 2 photos, too few to train and test).
    Hidden files and folders are skipped silently. Nothing is opened or written.
    """
    root = Path(root)
    if not root.is_dir():
        raise ValueError(f"The training folder {root} does not exist or is not a folder.")
    paths, labels, invalid = [], [], []
    for path in list_files(root, recursive=True):
        rel = path.relative_to(root)
        if not is_image_name(path.name):
            invalid.append((str(path), "not_image", "The file is not a photo (unknown image file extension)."))
        elif len(rel.parts) < 2:
            invalid.append((
                str(path), "no_class",
                "The photo lies directly in the training folder; put it in a class subfolder to use it.",
            ))
        else:
            paths.append(str(path))
            labels.append(rel.parts[0])
    counts = class_counts(labels)
    small = {c for c, n in counts.items() if n < MIN_PER_CLASS}
    if small:
        keep_paths, keep_labels = [], []
        for p, c in zip(paths, labels):
            if c in small:
                invalid.append((
                    p, "class_too_small",
                    f"The class '{c}' has only {counts[c]} photo; a class needs at least "
                    f"{MIN_PER_CLASS} photos (one to learn from, one to test with).",
                ))
            else:
                keep_paths.append(p)
                keep_labels.append(c)
        paths, labels = keep_paths, keep_labels
    return paths, labels, invalid


def collect_none_of_these(folder) -> tuple:
    """"None of these" example photos: every photo under ``folder`` (subfolders included).

    Returns ``(paths, invalid)``; ``invalid`` rows ``(path, 'not_image', sentence)``.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"The folder of 'none of these' photos {folder} does not exist or is not a folder.")
    paths, invalid = [], []
    for path in list_files(folder, recursive=True):
        if is_image_name(path.name):
            paths.append(str(path))
        else:
            invalid.append((str(path), "not_image", "The file is not a photo (unknown image file extension)."))
    return paths, invalid


def add_none_of_these(paths, labels, none_paths) -> tuple:
    """``(paths, labels)`` with ``none_paths`` added as class ``unknown`` ("none of these").

    A photo given both ways (e.g. the folder of examples is a class subfolder) counts only as
    "none of these".
    """
    none = {str(Path(p).resolve()) for p in none_paths}
    kept = [(p, c) for p, c in zip(paths, labels) if str(Path(p).resolve()) not in none]
    out_paths = [p for p, _c in kept] + [str(p) for p in none_paths]
    return out_paths, [c for _p, c in kept] + [UNKNOWN] * len(none_paths)


def class_counts(labels) -> dict:
    """``{class: number of photos}`` in sorted class order."""
    names, counts = np.unique(np.asarray(list(labels), dtype=object).astype(str), return_counts=True)
    return {str(n): int(c) for n, c in zip(names, counts)}


# --------------------------------------------------------------------------- the head


def normalise_blocks(X: np.ndarray, blocks=None) -> np.ndarray:
    """L2-normalise every row, or each consecutive block of ``blocks`` columns on its own.

    With multi-level features (final features + pooled earlier stages) every block then weighs
    the same, whatever its width and scale.
    """
    X = np.asarray(X, dtype=np.float32)
    if not blocks or len(blocks) < 2:
        return l2_normalise(X)  # float32 (above)
    if int(sum(blocks)) != X.shape[1]:
        raise ValueError(f"The feature blocks {tuple(blocks)} do not add up to {X.shape[1]} values.")
    bounds = np.cumsum([0, *blocks])
    return np.concatenate([l2_normalise(X[:, a:b]) for a, b in zip(bounds[:-1], bounds[1:])], axis=1)


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass
class HeadParams:
    """A fitted classifier head as plain arrays (what the ONNX export and head.npz contain).

    ``probs = softmax(relu(...relu(z @ W0 + b0)...) @ Wk + bk)`` with
    ``z = (x / ||x||_2 - mean) * inv_std``; ReLU between layers only (none for 'linear').
    With ``blocks`` (widths adding up to the input width) each block of ``x`` is divided by its
    own L2 norm (:func:`normalise_blocks`).
    """

    classes: list
    mean: np.ndarray
    inv_std: np.ndarray
    weights: list
    biases: list
    method: str = "linear"
    hyperparameters: dict = field(default_factory=dict)
    blocks: tuple | None = None

    @property
    def input_dim(self) -> int:
        return int(self.mean.shape[0])

    def standardise(self, X) -> np.ndarray:
        return (normalise_blocks(X, self.blocks) - self.mean) * self.inv_std

    def logits(self, X) -> np.ndarray:
        z = self.standardise(X)
        for i, (w, b) in enumerate(zip(self.weights, self.biases)):
            z = z @ w + b
            if i < len(self.weights) - 1:
                z = np.maximum(z, 0.0)
        return z

    def predict_proba(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=np.float32)
        if X.ndim != 2 or X.shape[1] != self.input_dim:
            raise ValueError(
                f"The classifier expects embeddings with {self.input_dim} values, got shape {X.shape}."
            )
        return softmax(self.logits(X)).astype(np.float32)

    def save(self, path) -> Path:
        """Write ``head.npz`` (numpy arrays only; loadable with ``allow_pickle=False``)."""
        path = Path(path)
        arrays = {
            "classes": np.asarray(self.classes, dtype=str),
            "mean": self.mean.astype(np.float32),
            "inv_std": self.inv_std.astype(np.float32),
            "method": np.asarray(self.method),
            "hyperparameters": np.asarray(repr(sorted(self.hyperparameters.items()))),
        }
        if self.blocks:
            arrays["blocks"] = np.asarray(self.blocks, dtype=np.int64)
        for i, (w, b) in enumerate(zip(self.weights, self.biases)):
            arrays[f"w{i}"] = w.astype(np.float32)
            arrays[f"b{i}"] = b.astype(np.float32)
        with open(path, "wb") as fh:
            np.savez(fh, **arrays)
        return path

    @classmethod
    def load(cls, path) -> "HeadParams":
        with np.load(Path(path), allow_pickle=False) as data:
            n_layers = sum(1 for k in data.files if k.startswith("w"))
            return cls(
                classes=[str(c) for c in data["classes"]],
                mean=data["mean"],
                inv_std=data["inv_std"],
                weights=[data[f"w{i}"] for i in range(n_layers)],
                biases=[data[f"b{i}"] for i in range(n_layers)],
                method=str(data["method"]),
                blocks=tuple(int(b) for b in data["blocks"]) if "blocks" in data.files else None,
            )


def _binary_to_two_logits(coef: np.ndarray, intercept: np.ndarray) -> tuple:
    """scikit-learn's binary models output one logit z for the second class: use [0, z]."""
    w = np.concatenate([np.zeros_like(coef), coef], axis=1)
    b = np.concatenate([np.zeros_like(intercept), intercept])
    return w, b


def _sample_weights(y: np.ndarray, n_classes: int, class_weight) -> np.ndarray | None:
    if class_weight != "balanced":
        return None
    counts = np.bincount(y, minlength=n_classes).astype(np.float64)
    return (len(y) / (n_classes * np.maximum(counts[y], 1.0))).astype(np.float64)


class _Fitter:
    """Fits one head with fixed hyperparameters on integer labels ``0..n_classes-1``."""

    def __init__(self, method: str, n_classes: int, class_weight, seed: int):
        self.method = method
        self.n_classes = n_classes
        self.class_weight = class_weight
        self.seed = seed

    def grid(self) -> list:
        if self.method == "linear":
            return [{"C": c} for c in LINEAR_C_GRID]
        return [{"alpha": a} for a in MLP_ALPHA_GRID]

    def fit(self, Z: np.ndarray, y: np.ndarray, params: dict):
        """Fit on standardised features; returns the estimator."""
        from sklearn.exceptions import ConvergenceWarning

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            if self.method == "linear":
                from sklearn.linear_model import LogisticRegression

                est = LogisticRegression(
                    C=params["C"], max_iter=1000, tol=1e-4,
                    class_weight="balanced" if self.class_weight == "balanced" else None,
                )
                est.fit(Z, y)
            else:
                from sklearn.neural_network import MLPClassifier

                est = MLPClassifier(
                    hidden_layer_sizes=(MLP_HIDDEN,), alpha=params["alpha"], max_iter=300,
                    learning_rate_init=1e-3, random_state=self.seed,
                )
                est.fit(Z, y, sample_weight=_sample_weights(y, self.n_classes, self.class_weight))
        return est

    def layers(self, est) -> tuple:
        """(weights, biases) with multi-class softmax logits for every method and class count."""
        if self.method == "linear":
            w, b = est.coef_.T.astype(np.float32), est.intercept_.astype(np.float32)
            weights, biases = [w], [b]
        else:
            weights = [c.astype(np.float32) for c in est.coefs_]
            biases = [c.astype(np.float32) for c in est.intercepts_]
        if weights[-1].shape[1] == 1:
            weights[-1], biases[-1] = _binary_to_two_logits(weights[-1], biases[-1])
        return weights, biases


def _standardiser(Xn: np.ndarray) -> tuple:
    mean = Xn.mean(axis=0)
    std = Xn.std(axis=0)
    inv_std = np.where(std > 1e-8, 1.0 / np.maximum(std, 1e-8), 1.0).astype(np.float32)
    return mean.astype(np.float32), inv_std


def _inner_folds(y: np.ndarray, groups=None) -> int:
    smallest = int(np.bincount(y).min())
    folds = max(2, min(INNER_FOLDS, smallest))
    if groups is not None:
        folds = max(2, min(folds, len(np.unique(group_codes(groups)))))
    return folds


def inner_splits(y: np.ndarray, groups, seed: int) -> list:
    """Folds of the inner cross-validation that picks C / alpha: stratified, and with ``groups``
    (at least two) each group on one side (scikit-learn's StratifiedGroupKFold) with every class in
    each fold's training part; groups too few for that fall back to stratified folds."""
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    folds = _inner_folds(y, groups)
    codes = group_codes(groups) if groups is not None else None
    with warnings.catch_warnings():
        # a class smaller than the fold count is fine: it is simply missing from some folds
        warnings.simplefilter("ignore", UserWarning)
        if codes is not None and len(np.unique(codes)) >= 2:
            splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
            splits = []
            for _tr, te in splitter.split(np.zeros(len(y)), y, codes):
                test = np.zeros(len(y), dtype=bool)
                test[te] = True
                _every_class_in_training(y, codes, test)  # a fold must be able to fit every class
                if test.any():
                    splits.append((np.flatnonzero(~test), np.flatnonzero(test)))
            if splits:
                return splits
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        return list(splitter.split(np.zeros(len(y)), y))


def _fold_log_probs(est, Z: np.ndarray, n_classes: int) -> np.ndarray:
    """Log-probabilities over all classes; a class missing from the fold's training rows gets -inf."""
    out = np.full((len(Z), n_classes), -np.inf)
    out[:, est.classes_] = np.log(np.clip(est.predict_proba(Z), 1e-12, None))
    return out


def _temperature(log_probs: np.ndarray, y: np.ndarray) -> float:
    """Softmax temperature minimising the out-of-fold negative log-likelihood (grid search).

    Strong regularisation (small C) gives flat probabilities: a photo the head gets right with
    0.2 confidence among 12 classes. Dividing the logits by T < 1 restores calibrated
    confidences, which the 'unknown' threshold of classification relies on; the ranking of the
    classes, hence every prediction and accuracy, is unchanged.
    """
    seen = np.isfinite(log_probs[np.arange(len(y)), y])
    if not np.any(seen):
        return 1.0
    lp, yy = log_probs[seen], y[seen]
    best_t, best_nll = 1.0, np.inf
    for t in TEMPERATURE_GRID:
        z = lp / t
        z = z - z.max(axis=1, keepdims=True)
        nll = -np.mean(z[np.arange(len(yy)), yy] - np.log(np.exp(z).sum(axis=1)))
        if nll < best_nll - 1e-9:
            best_t, best_nll = float(t), nll
    return best_t


def _choose_params(fitter: _Fitter, Z: np.ndarray, y: np.ndarray, feedback: CoreFeedback, groups=None) -> tuple:
    """Pick the grid point with the best inner-CV balanced accuracy (ties: stronger penalty).

    Returns ``(params, temperature, scores)``; the temperature is fitted on the chosen grid
    point's out-of-fold predictions (:func:`_temperature`). With ``groups`` the inner folds keep
    each group on one side (:func:`inner_splits`).
    """
    grid = fitter.grid()
    scores = np.zeros(len(grid))
    oof = np.zeros((len(grid), len(y), fitter.n_classes))
    splits = inner_splits(y, groups, fitter.seed)
    for tr, te in splits:
        for g, params in enumerate(grid):
            feedback.check()
            est = fitter.fit(Z[tr], y[tr], params)
            oof[g, te] = _fold_log_probs(est, Z[te], fitter.n_classes)
            scores[g] += _balanced_accuracy(y[te], oof[g, te].argmax(axis=1), fitter.n_classes)
    scores /= len(splits)
    # grids run from strong to weak regularisation: argmax returns the first (strongest) best
    best = int(np.argmax(np.round(scores, 6)))
    named = {str(list(p.values())[0]): float(s) for p, s in zip(grid, scores)}
    return grid[best], _temperature(oof[best], y), named


def fit_head(X, y, classes, method: str = "linear", class_weight="balanced", seed: int = 0,
             feedback: CoreFeedback | None = None, blocks=None, groups=None) -> HeadParams:
    """Standardise, choose C/alpha by inner CV, fit; ``y`` are indices into ``classes``.

    ``blocks``: widths of the feature blocks that are L2-normalised separately (None: one block).
    ``groups``: one group (user, burst) per row; the inner CV then keeps each group on one side.
    """
    # scikit-learn (and the OpenBLAS that scipy loads) must be imported before the limit is
    # set: threadpoolctl only limits libraries that are already loaded.
    import sklearn.linear_model  # noqa: F401
    import sklearn.neural_network  # noqa: F401
    from threadpoolctl import threadpool_limits

    # Multi-threaded BLAS on these small matrices is far slower than one thread on a busy
    # machine (threads wait for each other); one thread per fit.
    with threadpool_limits(limits=1, user_api="blas"):
        return _fit_head(X, y, classes, method, class_weight, seed, ensure_feedback(feedback), blocks, groups)


def _fit_head(X, y, classes, method, class_weight, seed, feedback, blocks=None, groups=None) -> HeadParams:
    X = np.asarray(X, dtype=np.float32)
    y = np.asarray(y)
    blocks = tuple(int(b) for b in blocks) if blocks and len(blocks) > 1 else None
    fitter = _Fitter(method, len(classes), class_weight, seed)
    Xn = normalise_blocks(X, blocks)
    mean, inv_std = _standardiser(Xn)
    Z = (Xn - mean) * inv_std
    params, temperature, scores = _choose_params(fitter, Z, y, feedback, groups)
    est = fitter.fit(Z, y, params)
    weights, biases = fitter.layers(est)
    weights[-1] = weights[-1] / np.float32(temperature)
    biases[-1] = biases[-1] / np.float32(temperature)
    hyper = dict(params, temperature=temperature, inner_cv_folds=_inner_folds(y, groups),
                 inner_cv_balanced_accuracy=scores)
    return HeadParams(list(classes), mean, inv_std, weights, biases, method, hyper, blocks)


# --------------------------------------------------------------------------- evaluation


def _balanced_accuracy(y_true, y_pred, n_classes: int) -> float:
    """Mean recall over the classes present in ``y_true``."""
    recalls = [np.mean(y_pred[y_true == c] == c) for c in range(n_classes) if np.any(y_true == c)]
    return float(np.mean(recalls)) if recalls else 0.0


@dataclass
class Evaluation:
    """Scores of a head on photos it was not fitted on."""

    accuracy: float
    balanced_accuracy: float
    per_class: list  # dicts: class, precision, recall, f1, support
    confusion: np.ndarray  # [true, predicted] counts, classes in TrainResult.classes order
    misclassified: list  # dicts: path, true, predicted, confidence (highest confidence first)
    n: int

    def as_dict(self) -> dict:
        return {
            "n": self.n,
            "accuracy": self.accuracy,
            "balanced_accuracy": self.balanced_accuracy,
            "per_class": self.per_class,
            "confusion_matrix": self.confusion.tolist(),
            "misclassified": self.misclassified,
        }


def evaluate(probs: np.ndarray, y_true: np.ndarray, classes: list, paths=None) -> Evaluation:
    """Accuracy, balanced accuracy, per-class precision/recall/F1, confusion, mistakes."""
    n_classes = len(classes)
    y_true = np.asarray(y_true)
    y_pred = probs.argmax(axis=1)
    conf = probs.max(axis=1)
    cm = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(cm, (y_true, y_pred), 1)
    per_class = []
    for c, name in enumerate(classes):
        tp = cm[c, c]
        predicted, support = cm[:, c].sum(), cm[c, :].sum()
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class.append({
            "class": name, "precision": float(precision), "recall": float(recall),
            "f1": float(f1), "support": int(support),
        })
    wrong = np.flatnonzero(y_pred != y_true)
    wrong = wrong[np.argsort(-conf[wrong], kind="stable")]
    misclassified = [
        {
            "path": str(paths[i]) if paths is not None else "",
            "true": classes[y_true[i]],
            "predicted": classes[y_pred[i]],
            "confidence": float(conf[i]),
        }
        for i in wrong
    ]
    return Evaluation(
        accuracy=float(np.mean(y_pred == y_true)) if len(y_true) else 0.0,
        balanced_accuracy=_balanced_accuracy(y_true, y_pred, n_classes),
        per_class=per_class,
        confusion=cm,
        misclassified=misclassified,
        n=int(len(y_true)),
    )


# --------------------------------------------------------------------------- training


@dataclass
class TrainResult:
    """Everything the report, the model card and the export need."""

    head: HeadParams  # refitted on all photos
    classes: list
    counts: dict  # photos per class (all photos)
    method: str
    evaluation: Evaluation | None  # on the hold-out photos (None when val_fraction == 0)
    cv: dict | None  # k-fold CV summary (None when cv_folds < 2)
    n_train: int
    n_val: int
    seed: int
    val_fraction: float
    class_weight: str | None
    seconds: dict  # phase -> seconds
    warnings: list = field(default_factory=list)
    split: dict = field(default_factory=lambda: {"method": "random"})  # how validation was split
    unknown: object = None  # core.openset.UnknownCalibration of the exported model (None: switched off)
    open_set: dict | None = None  # hold-out figures with 'unknown' (core.openset.open_set_figures)

    def as_dict(self) -> dict:
        return {
            "method": self.method,
            "classes": self.classes,
            "counts": self.counts,
            "n_photos": int(sum(self.counts.values())),
            "n_train": self.n_train,
            "n_validation": self.n_val,
            "validation_fraction": self.val_fraction,
            "seed": self.seed,
            "class_weight": self.class_weight,
            "hyperparameters": self.head.hyperparameters,
            "evaluation": self.evaluation.as_dict() if self.evaluation is not None else None,
            "cross_validation": self.cv,
            "split": self.split,
            "seconds": self.seconds,
            "warnings": self.warnings,
            "unknown": self.unknown.info() if self.unknown is not None else None,
            "open_set_validation": self.open_set,
        }


def check_inputs(X, labels, method: str, val_fraction: float, class_weight) -> tuple:
    """Validate a training set; returns ``(X float32, y class indices, classes, counts)``.

    Raises ValueError with a sentence (unknown method, fewer than 2 classes, a class under
    ``MIN_PER_CLASS`` photos, non-finite embeddings); also used by ``models/finetune.py``.
    """
    if method not in METHODS:
        raise ValueError(f"Unknown training method '{method}'; choose one of {', '.join(METHODS)}.")
    if class_weight not in (None, "balanced"):
        raise ValueError("class_weight must be 'balanced' or None.")
    if not 0.0 <= val_fraction < 1.0:
        raise ValueError("The validation fraction must be at least 0 and below 1.")
    X = np.asarray(X, dtype=np.float32)
    labels = [str(s) for s in labels]
    if X.ndim != 2 or X.shape[0] != len(labels):
        raise ValueError(f"Got {X.shape[0] if X.ndim else 0} embeddings for {len(labels)} labels.")
    if not np.all(np.isfinite(X)):
        raise ValueError("Some embeddings are not finite numbers; recompute them.")
    counts = class_counts(labels)
    if len(counts) < 2:
        raise ValueError("A classifier needs at least 2 classes (class subfolders with photos).")
    small = [c for c, n in counts.items() if n < MIN_PER_CLASS]
    if small:
        raise ValueError(
            f"These classes have fewer than {MIN_PER_CLASS} photos: {', '.join(small)}. "
            "Add photos or remove the classes."
        )
    classes = list(counts)
    y = np.searchsorted(np.asarray(classes), np.asarray(labels))
    return X, y, classes, counts


def holdout_split(y: np.ndarray, val_fraction: float, seed: int) -> tuple:
    """Stratified split; every class keeps a training photo, small classes may have no test."""
    rng = np.random.default_rng(seed)
    train, val = [], []
    n_classes = int(y.max()) + 1
    for c in range(n_classes):
        idx = np.flatnonzero(y == c)
        rng.shuffle(idx)
        # round the class share; a class of >= 2 photos always gives one, never all of them
        k = int(np.floor(len(idx) * val_fraction + 0.5))
        k = min(max(k, 1 if val_fraction > 0 else 0), len(idx) - 1)
        val.extend(idx[:k])
        train.extend(idx[k:])
    return np.sort(np.asarray(train)), np.sort(np.asarray(val, dtype=np.int64))


def cross_validate(X, y, classes, method: str = "linear", folds: int = 5, class_weight="balanced",
                   seed: int = 0, feedback: CoreFeedback | None = None, blocks=None, groups=None) -> dict:
    """Stratified k-fold CV of the whole procedure (inner CV included); summary dict.

    With ``groups`` the folds keep each group (user, burst) on one side (:func:`group_folds`).
    """
    from sklearn.model_selection import StratifiedKFold

    feedback = ensure_feedback(feedback)
    X = np.asarray(X, dtype=np.float32)
    y = np.asarray(y)
    codes = group_codes(groups) if groups is not None else None
    if codes is not None and len(np.unique(codes)) >= 2:
        splits = group_folds(y, codes, folds, seed)
        folds = len(splits)
    else:
        codes = None
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            splits = list(splitter.split(X, y))
    accs, baccs = [], []
    predicted = np.zeros(len(y), dtype=np.int64)
    for k, (tr, te) in enumerate(splits):
        feedback.check()
        head = fit_head(X[tr], y[tr], classes, method, class_weight, seed, feedback, blocks,
                        codes[tr] if codes is not None else None)
        pred = head.predict_proba(X[te]).argmax(axis=1)
        predicted[te] = pred
        accs.append(float(np.mean(pred == y[te])))
        baccs.append(_balanced_accuracy(y[te], pred, len(classes)))
        feedback.progress(100.0 * (k + 1) / len(splits))
    return {
        "folds": folds,
        "accuracy_mean": float(np.mean(accs)),
        "accuracy_std": float(np.std(accs)),
        "balanced_accuracy_mean": float(np.mean(baccs)),
        "fold_accuracies": accs,
        "pooled_accuracy": float(np.mean(predicted == y)),
        "by_group": codes is not None,
    }


# --------------------------------------------------------------------------- evaluation by group
# A user's photos (and a burst's near-duplicates) look alike: split at random, they sit on both
# sides of the split and the head is scored on near-copies of photos it was fitted on. Kept
# together, the score says what a new user's photos will get.


def group_codes(groups) -> np.ndarray:
    """Dense int codes of group labels (users, bursts); a missing one (None, NaN, '') is a group
    of its own, so an unknown user never merges with another."""
    codes, seen = np.zeros(len(groups), dtype=np.int64), {}
    missing = []
    for i, value in enumerate(groups):
        text = None if value is None or (isinstance(value, float) and value != value) else str(value).strip()
        if not text or text in ("NULL", "None"):
            missing.append(i)
            continue
        codes[i] = seen.setdefault(text, len(seen))
    codes[missing] = len(seen) + np.arange(len(missing))
    return codes


def _every_class_in_training(y: np.ndarray, codes: np.ndarray, test: np.ndarray) -> list:
    """Move back into training the test groups of any class left without a training photo
    (``test`` is a boolean mask, changed in place); returns those classes' indices."""
    moved = []
    for c in np.unique(y):
        if not np.any((y == c) & ~test):
            moved.append(int(c))
            test[np.isin(codes, np.unique(codes[(y == c) & test]))] = False
    return moved


def group_folds(y: np.ndarray, codes: np.ndarray, folds: int, seed: int) -> list:
    """(train, test) index pairs of stratified group k-fold (scikit-learn's
    StratifiedGroupKFold); every class keeps a training photo in every fold."""
    from sklearn.model_selection import StratifiedGroupKFold

    folds = int(min(folds, len(np.unique(codes))))
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a class in fewer groups than folds
        tests = [te for _tr, te in splitter.split(np.zeros(len(y)), y, codes)]
    out = []
    for te in tests:
        test = np.zeros(len(y), dtype=bool)
        test[te] = True
        _every_class_in_training(y, codes, test)
        if test.any():
            out.append((np.flatnonzero(~test), np.flatnonzero(test)))
    return out


def group_holdout_split(y: np.ndarray, groups, val_fraction: float, seed: int) -> tuple:
    """``(train, val, moved)``: a hold-out split that keeps every group on one side.

    scikit-learn's StratifiedGroupKFold with ``round(1 / val_fraction)`` folds (at most one per
    group); the validation part is the fold that misses the fewest classes, then whose size is
    closest to ``val_fraction`` of the photos, then whose class shares are closest to the whole
    set's. A class whose photos all fell into validation gets them back in training (``moved``:
    those classes' indices).
    """
    from sklearn.model_selection import StratifiedGroupKFold

    codes = group_codes(groups)
    n_groups = len(np.unique(codes))
    if n_groups < 2:
        raise ValueError("A split by group needs at least two groups.")
    folds = int(min(max(2, round(1.0 / val_fraction)), n_groups))
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        tests = [te for _tr, te in splitter.split(np.zeros(len(y)), y, codes)]
    target = val_fraction * len(y)
    n_classes = int(y.max()) + 1
    shares = np.bincount(y, minlength=n_classes) / len(y)

    def badness(te):
        counts = np.bincount(y[te], minlength=n_classes)
        return (int((counts == 0).sum()), round(abs(len(te) - target) / max(target, 1.0), 1),
                float(np.abs(counts / max(len(te), 1) - shares).sum()))

    test = np.zeros(len(y), dtype=bool)
    test[min(tests, key=badness)] = True
    moved = _every_class_in_training(y, codes, test)
    return np.flatnonzero(~test), np.flatnonzero(test), moved


def split_indices(y: np.ndarray, groups, val_fraction: float, seed: int) -> tuple:
    """``(train, val, split)``: the hold-out split of :func:`train_classifier` (and of
    fine-tuning, which must not see the validation photos). By group when ``groups`` holds at
    least two groups, else stratified at random; ``split`` describes it for the report."""
    codes = group_codes(groups) if groups is not None else None
    if codes is None or len(np.unique(codes)) < 2:
        tr, va = holdout_split(y, val_fraction, seed)
        split = {"method": "random"}
        if codes is not None:
            split["note"] = msg("split_one_group")
        return tr, va, split
    tr, va, moved = group_holdout_split(y, codes, val_fraction, seed)
    if not len(va):
        tr, va = holdout_split(y, val_fraction, seed)
        return tr, va, {"method": "random", "note": msg("split_too_few_groups")}
    split = {"method": "group", "groups": int(len(np.unique(codes))),
             "train_groups": int(len(np.unique(codes[tr]))), "validation_groups": int(len(np.unique(codes[va]))),
             "moved_classes": moved}
    return tr, va, split


def _random_split_score(X, y, classes, method, val_fraction, seed, class_weight, blocks, feedback) -> dict:
    """Accuracy on a stratified random hold-out split, as Lobe's 80/20 split measures it."""
    tr, va = holdout_split(y, val_fraction, seed)
    head = fit_head(X[tr], y[tr], classes, method, class_weight, seed, feedback, blocks)
    ev = evaluate(head.predict_proba(X[va]), y[va], classes)
    return {"accuracy": ev.accuracy, "balanced_accuracy": ev.balanced_accuracy, "n": ev.n}


def none_of_these_labels(labels, none_label=None) -> list:
    """Labels with the "none of these" value ``none_label`` replaced by ``unknown``.

    A class named ``unknown`` always means "none of these": its photos teach the head what
    belongs to no class (they are a class of the head, never reference photos of
    ``core.openset``), and classifying calls photos of it ``unknown``.
    """
    labels = [str(s) for s in labels]
    if none_label is None or str(none_label).strip() == "":
        return labels
    return [UNKNOWN if s == str(none_label) else s for s in labels]


def calibrate_open_set(X, y, classes, unknown_rejection: float, seed: int = 0, blocks=None,
                       feedback: CoreFeedback | None = None, groups=None):
    """The ``unknown`` calibration of a head trained on ``X``/``y`` (None when switched off: 0).
    With ``groups`` (users, bursts) its folds keep a group's photos together, so one user's
    near-duplicates cannot set the threshold too low."""
    if not unknown_rejection:
        return None
    return fit_unknown(X, y, classes, blocks=blocks, target_rejection=unknown_rejection, seed=seed,
                       groups=groups, none_class=UNKNOWN if UNKNOWN in classes else None, feedback=feedback)


def hold_out_open_set(head, X, y, tr, va, classes, unknown_rejection: float, seed: int = 0, blocks=None,
                      feedback: CoreFeedback | None = None, groups=None) -> dict | None:
    """Open-set figures on the hold-out photos: the calibration is fitted on the training part only."""
    calibration = calibrate_open_set(X[tr], y[tr], classes, unknown_rejection, seed, blocks, feedback,
                                     groups[tr] if groups is not None else None)
    if calibration is None or not len(va):
        return None
    figures = open_set_figures(head.predict_proba(X[va]), calibration.scores(X[va]), y[va], classes,
                               calibration.none_class)
    figures["target_rejection"] = float(unknown_rejection)
    return figures


def train_classifier(X, labels, method: str = "linear", val_fraction: float = 0.2, seed: int = 0,
                     cv_folds: int = 0, class_weight="balanced", feedback: CoreFeedback | None = None,
                     paths=None, blocks=None, unknown_rejection: float = DEFAULT_REJECTION,
                     none_label=None, groups=None, group_field: str | None = None) -> TrainResult:
    """Train a head on embeddings ``X`` [N, D] with class names ``labels``; see module docstring.

    ``paths`` (optional, parallel to ``X``) name the photos in the list of misclassified
    validation photos. ``blocks``: widths of the feature blocks L2-normalised separately
    (``spec.classifier_blocks`` of the features' spec; None: the whole vector at once). Bad input
    raises ValueError with a sentence. Results are reproducible for a given ``seed``.
    ``unknown_rejection``: the share of known photos the calibrated ``unknown`` may reject
    (``core.openset``; 0 switches it off); ``none_label``: a label meaning "none of these"
    (:func:`none_of_these_labels`).

    ``groups`` (one user or burst per photo; ``group_field`` names where they came from): the
    hold-out split, the cross-validation folds and the inner folds keep each group on one side,
    and the accuracy of a random split is measured beside it (``TrainResult.split``).
    """
    feedback = ensure_feedback(feedback)
    X, y, classes, counts = check_inputs(X, none_of_these_labels(labels, none_label), method, val_fraction,
                                         class_weight)
    if groups is not None and len(groups) != len(y):
        raise ValueError(f"Got {len(groups)} groups for {len(y)} photos.")
    codes = group_codes(groups) if groups is not None else None
    open_set = None
    notes = []
    seconds = {}
    evaluation = None
    split = {"method": "random"}
    tr, va = np.arange(len(y)), np.zeros(0, dtype=np.int64)
    if val_fraction > 0:
        tr, va, split = split_indices(y, codes, val_fraction, seed)
        notes += _split_notes(split, classes)
        missing = [classes[c] for c in range(len(classes)) if not np.any(y[va] == c)]
        if missing and split["method"] == "group":
            notes.append(msg("split_class_not_validated", ", ".join(missing)))
        elif missing:
            notes.append(msg("split_class_too_small", ", ".join(missing)))
        t0 = time.perf_counter()
        feedback.info(msg("fitting_head", method, len(tr), len(va)))
        head = fit_head(X[tr], y[tr], classes, method, class_weight, seed, feedback, blocks,
                        codes[tr] if split["method"] == "group" else None)
        val_paths = [paths[i] for i in va] if paths is not None else None
        evaluation = evaluate(head.predict_proba(X[va]), y[va], classes, val_paths)
        open_set = hold_out_open_set(head, X, y, tr, va, classes, unknown_rejection, seed, blocks, feedback,
                                     codes if split["method"] == "group" else None)
        if split["method"] == "group":
            split["group_field"] = group_field
            split["random_split"] = _random_split_score(X, y, classes, method, val_fraction, seed, class_weight,
                                                        blocks, feedback)
        seconds["validation"] = time.perf_counter() - t0
    feedback.progress(30.0)
    cv = None
    if cv_folds and cv_folds >= 2:
        t0 = time.perf_counter()
        feedback.info(msg("cross_validation", cv_folds))
        cv = cross_validate(X, y, classes, method, cv_folds, class_weight, seed, feedback.sub(30, 85), blocks,
                            codes)
        seconds["cross_validation"] = time.perf_counter() - t0
    feedback.progress(85.0)
    t0 = time.perf_counter()
    feedback.info(msg("refitting_head", method, len(y)))
    head = fit_head(X, y, classes, method, class_weight, seed, feedback, blocks, codes)
    unknown = calibrate_open_set(X, y, classes, unknown_rejection, seed, blocks, feedback, codes)
    seconds["final_fit"] = time.perf_counter() - t0
    feedback.progress(100.0)
    return TrainResult(
        head=head, classes=classes, counts=counts, method=method, evaluation=evaluation, cv=cv,
        n_train=int(len(tr)), n_val=int(len(va)), seed=seed, val_fraction=float(val_fraction),
        class_weight=class_weight, seconds=seconds, warnings=notes, split=split, unknown=unknown,
        open_set=open_set,
    )


def _split_notes(split: dict, classes: list) -> list:
    if split.get("note"):
        return [split["note"]]
    if split.get("moved_classes"):
        return [msg("split_moved_classes", ", ".join(classes[c] for c in split["moved_classes"]))]
    return []

