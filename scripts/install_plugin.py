"""Copy the plugin (this repository) into a QGIS profile's plugin folder as ``photo_motifs``.

The copy is replaced as a whole so removed files do not linger; nothing else is touched.
Translations are compiled on the way: ``i18n/photo_motifs_<lang>.ts`` -> ``.qm`` in the copy
(lrelease, Debian's qttools5-dev-tools); the .qm files are build products, not in git.
"""
import argparse
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns(".git", ".ci", "__pycache__", "*.pyc", ".pytest_cache", "*.egg-info")
LRELEASE = ("lrelease", "/usr/lib/qt5/bin/lrelease", "/usr/lib/x86_64-linux-gnu/qt5/bin/lrelease")


def compile_translations(i18n_dir: Path) -> list:
    """Compile every language's .ts in i18n_dir into a .qm beside it; returns the .qm paths."""
    sources = sorted(i18n_dir.glob("photo_motifs_*.ts"))
    tool = next((t for t in LRELEASE if shutil.which(t)), None)
    if tool is None:
        if sources:
            print("lrelease is missing (Debian package qttools5-dev-tools): the plugin stays in English.",
                  file=sys.stderr)
        return []
    out = []
    for ts in sources:
        qm = ts.with_suffix(".qm")
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


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
    compile_translations(staging / "i18n")
    if dest.is_symlink() or dest.is_file():
        dest.unlink()
    elif dest.exists():
        shutil.rmtree(dest)
    staging.rename(dest)


if __name__ == "__main__":
    main()
