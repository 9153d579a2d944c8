"""Plugin metadata read from metadata.txt (single source of truth)."""
import configparser
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
_parser = configparser.ConfigParser()
_parser.read(PLUGIN_DIR / "metadata.txt", encoding="utf-8")
_general = _parser["general"]

__title__ = _general.get("name")
__version__ = _general.get("version")
__summary__ = _general.get("description")
__uri_tracker__ = _general.get("tracker")
PROVIDER_ID = "photomotifs"
