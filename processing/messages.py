"""Run summaries of core/ in the user's language."""
from __future__ import annotations

from .translation import tr


def export_summary(report) -> str:
    """core.exportgroups.ExportReport.summary() in the user's language."""
    parts = [tr("{} copied").format(report.copied)]
    if report.hardlinked:
        parts.append(tr("{} hard-linked").format(report.hardlinked))
    if report.symlinked:
        parts.append(tr("{} symbolic links").format(report.symlinked))
    if report.stripped:
        parts.append(tr("{} re-encoded without metadata").format(report.stripped))
    if report.skipped_identical:
        parts.append(tr("{} already there (identical)").format(report.skipped_identical))
    if report.renamed:
        parts.append(tr("{} renamed to avoid a name clash").format(report.renamed))
    if report.failed:
        parts.append(tr("{} not exported").format(report.failed))
    return tr("{} into {} folders under {}.").format(", ".join(parts), len(report.groups), report.out_dir)
