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
# automatic number of motifs, at least 4 (a small sample otherwise splits into 2 broad groups)
run cluster INPUT="$OUT/photos.gpkg" CACHE="$CACHE" K_MIN=4 OUTPUT="$OUT/motifs.gpkg" SHEETS="$OUT/contact_sheets" REPORT="$OUT/motifs_run.json"
run exportgroups INPUT="$OUT/motifs.gpkg" GROUP_FIELD=cluster OUTPUT_FOLDER="$OUT/motif_folders"
run train INPUT="$OUT/motifs.gpkg" LABEL_FIELD=cluster CACHE="$CACHE" OUTPUT_FOLDER="$OUT/motif_classifier"
run classify INPUT="$OUT/photos.gpkg" MODEL="$OUT/motif_classifier/signature.json" CACHE="$CACHE" OUTPUT="$OUT/photos_classified.gpkg" CSV="$OUT/classified.csv"

cat <<MSG

Results in $OUT:
  photos.gpkg               the photos as points (invalid_photos.csv: files not imported, with reasons)
  embeddings.csv            one row per photo, one column per embedding dimension
  motifs.gpkg               photos with their motif cluster (open in QGIS; styled by cluster)
  contact_sheets/           one PNG per motif + overview.png
  motif_folders/            copies of the photos, one folder per motif, + XLSX/CSV table
  motif_classifier/         model.onnx + signature.json (Lobe format), report, model card
  photos_classified.gpkg    photos classified by that model
MSG
