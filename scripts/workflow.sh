#!/usr/bin/env bash
# The whole Photo Motifs workflow through qgis_process on one folder of photos:
# import -> embeddings -> motifs (clusters, contact sheets) -> folders/tables -> classifier -> map.
#   bash scripts/workflow.sh PHOTO_FOLDER OUTPUT_FOLDER
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
FOLDER="$(cd "$1" && pwd)"; OUT="$2"; mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"
CACHE="$OUT/embeddings_cache.sqlite"
run() { local alg=$1; shift; log "photomotifs:$alg"; qgis_process run "photomotifs:$alg" -- "$@" | grep -vE '^\s*$' | sed 's/^/    /'; }

run importphotos FOLDER="$FOLDER" OUTPUT="$OUT/photos.gpkg" INVALID="$OUT/invalid_photos.csv"
run embed INPUT="$OUT/photos.gpkg" CACHE="$CACHE" OUTPUT="$OUT/photos_embedded.gpkg" VECTORS="$OUT/embeddings.csv"
# one person's near-identical shots within minutes (cluster can then use one photo per burst)
run bursts INPUT="$OUT/photos.gpkg" CACHE="$CACHE" OUTPUT="$OUT/photos_bursts.gpkg"
# automatic number of motifs, at least 4 (a small sample otherwise splits into 2 broad groups)
run cluster INPUT="$OUT/photos.gpkg" CACHE="$CACHE" K_MIN=4 OUTPUT="$OUT/motifs.gpkg" SHEETS="$OUT/contact_sheets" REPORT="$OUT/motifs_run.json"
run exportgroups INPUT="$OUT/motifs.gpkg" GROUP_FIELD=cluster OUTPUT_FOLDER="$OUT/motif_folders"
run train INPUT="$OUT/motifs.gpkg" LABEL_FIELD=cluster CACHE="$CACHE" OUTPUT_FOLDER="$OUT/motif_classifier"
run classify INPUT="$OUT/photos.gpkg" MODEL="$OUT/motif_classifier/signature.json" CACHE="$CACHE" OUTPUT="$OUT/photos_classified.gpkg" CSV="$OUT/classified.csv"
# the thematic map: motifs per hexagon (photo-user-days, dominant motif, diversity, privacy rule)
if [ "${PHOTO_MOTIFS_SAMPLE:-0}" = 1 ]; then
  # the sample's photos have no owner, so each photo counts as a user: a lower threshold and
  # larger cells keep the demonstration readable
  CELL=1500; MIN_USERS=2
  ATTRIBUTION="Photos: Debian package mate-backgrounds. Positions are SYNTHETIC (placed around Tartu for demonstration only)."
else
  CELL="${PHOTO_MOTIFS_CELL:-500}"; MIN_USERS="${PHOTO_MOTIFS_MIN_USERS:-5}"
  ATTRIBUTION="Photos: $(basename "$FOLDER") (name the photo source and its licence here)."
fi
run summarize INPUT="$OUT/motifs.gpkg" CELL_SIZE="$CELL" MIN_USERS="$MIN_USERS" OUTPUT="$OUT/motif_summary.gpkg"
# when each motif is photographed: months, hours (local time), seasons; a heat map per motif
run motiftime INPUT="$OUT/motifs.gpkg" MIN_USERS="$MIN_USERS" OUTPUT="$OUT/motif_time.gpkg" CHART="$OUT/motif_time"
run motifmap SUMMARY="$OUT/motif_summary.gpkg" SHEETS="$OUT/contact_sheets" TITLE="Photo motifs" \
  ATTRIBUTION="$ATTRIBUTION" OUTPUT_PDF="$OUT/motif_map.pdf" OUTPUT_PNG="$OUT/motif_map.png"

cat <<MSG

Results in $OUT:
  photos.gpkg               the photos as points (invalid_photos.csv: files not imported, with reasons);
                            open it and press play in the Temporal Controller: the photos through time
  photos_bursts.gpkg        the photos with their burst (one person's near-identical shots within minutes)
  embeddings.csv            one row per photo, one column per embedding dimension
  motifs.gpkg               photos with their motif cluster (open in QGIS; styled by cluster)
  contact_sheets/           one PNG per motif + overview.png
  motif_folders/            copies of the photos, one folder per motif, + XLSX/CSV table
  motif_classifier/         model.onnx + signature.json (Lobe format), report, model card
  photos_classified.gpkg    photos classified by that model
  motif_summary.gpkg        the thematic map: motifs per hexagon (dominant motif, shares, diversity;
                            cells with too few users suppressed); styles "dominant motif" and "diversity"
  motif_time.gpkg           motifs by month, hour and season; motif_time/: a heat map PNG per motif
  motif_map.pdf / .png      the publishable motif map (legend, scale, top motifs, privacy note)
MSG
