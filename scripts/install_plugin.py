"""Copy the plugin (this repository) into a QGIS profile's plugin folder as ``photo_motifs``.

The copy is replaced as a whole so removed files do not linger; nothing else is touched.
"""
import argparse
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns(".git", ".ci", "__pycache__", "*.pyc", ".pytest_cache", "*.egg-info")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--plugins-dir", required=True)
    args = parser.parse_args()
    dest = Path(args.plugins_dir) / "photo_motifs"
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = dest.parent / ".photo_motifs.new"
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(REPO, staging, ignore=IGNORE, symlinks=False)
    if dest.is_symlink() or dest.is_file():
        dest.unlink()
    elif dest.exists():
        shutil.rmtree(dest)
    staging.rename(dest)


if __name__ == "__main__":
    main()
