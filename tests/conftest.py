"""Shared pytest fixtures for Photo Motifs (unit and QGIS suites)."""
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PLUGIN_DIR = Path(__file__).resolve().parent.parent


def _shared_data() -> Path:
    env = os.environ.get("PHOTO_MOTIFS_SHARED_DATA")
    if env:
        return Path(env)
    return PLUGIN_DIR.parent / "shared" / "data"


SHARED_DATA = _shared_data()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not (SHARED_DATA / "geotagged").is_dir():
        pytest.skip(f"shared test data not found at {SHARED_DATA} (set PHOTO_MOTIFS_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def geotagged_dir(shared_data) -> Path:
    return shared_data / "geotagged"


@pytest.fixture(scope="session")
def labeled_dir(shared_data) -> Path:
    d = shared_data / "labeled"
    if not d.is_dir():
        pytest.skip(f"labelled photos not found at {d}")
    return d
