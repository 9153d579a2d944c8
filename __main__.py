"""``python -m photo_motifs``: the command line (api/cli.py), without QGIS."""
import sys

from .api.cli import main

sys.exit(main())
