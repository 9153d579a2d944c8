<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
    <context>
        <name>PhotoMotifs</name>
        <message>
            <location filename="../plugin/about.py" />
            <source>installed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>To install what is missing:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>unavailable: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>Maps of what people photograph: import geotagged photos, compute image embeddings, discover motifs by clustering, train and apply photo classifiers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>Offline and private.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>Everything runs on this computer. No photo, embedding or model is uploaded, no model hub or server is contacted, no network connection is made. Pretrained weights come from Python packages installed with the plugin.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>Your photos are only read: exports copy them, nothing is moved, renamed or deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>Image models</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>Converted models are kept in {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>Python packages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../core/messages.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Motif</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <location filename="../processing/alg_import_photos.py" />
            <location filename="../processing/alg_import_table.py" />
            <location filename="../core/options.py" />
            <source>Photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Select photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Merge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Not a motif</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Move</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>name of a new motif</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Split off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Field:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Merge the selected motifs into the largest of them; rename it afterwards (double-click its name).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>The photos of the selected motifs belong to no motif (their original ids are kept, so this can be undone or redone).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Photos selected on the map or in the attribute table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <location filename="../processing/alg_rename_motifs.py" />
            <source>not a motif</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>no motif (unreadable photos)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} photos selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} merged into {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} renamed {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} merged into {}: double-click the name to rename it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{}: not a motif.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} photos moved to {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} is already a motif: choose it under 'to' and press Move.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} photos split off as the new motif {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Photo Motifs — motifs, labels and review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <location filename="../processing/alg_motiftime.py" />
            <source>Motifs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Redo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Save edits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Photo layer:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} has no 'photo' field: choose a photo layer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Undo: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>The edits could not be saved: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Edits saved in {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Lobe's advice: at least {} photos per class to train, about {} for a good model.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>new class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Add class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>photos without a label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>selected photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>all photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Label selected photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Export labelled photos as class folders…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Copies (never moves) every labelled photo into &lt;folder&gt;/&lt;class&gt;/, the layout Lobe, Orange and Teachable Machine read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Label field:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Step through:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>at least {} to train</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>more is better ({})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>good</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>{}   {} — {} photos ({})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Keys: {} · 0 skip · ← back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Add the classes you want to teach, then press Start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>&lt;b&gt;Label:&lt;/b&gt; {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>&lt;b&gt;Motif:&lt;/b&gt; {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Label {} photos as {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>No class has the key {}: add classes first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>{} photos labelled {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Folder for the class folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Copying the labelled photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>{} photos copied into {} class folders in {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>The export did not finish.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>least sure first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>where the class differs from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>photos called 'unknown'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>leave out photos that have a label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Start review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Class field:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>no prediction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>&lt;b&gt;{}:&lt;/b&gt; {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>No class has the key {}: add classes in the Label tab.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>The model gave no class to confirm: press the key of the right class.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Enter: the class is right · keys: {} · 0 skip · ← back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Reviewed {}: {} confirmed, {} corrected (they are labels now).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>The model was right on {:.0%} of the reviewed photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Train from labels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Retrain with the corrections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Label photos of at least two classes (at least {} each, as Lobe advises) to train.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Training in the background: you can go on labelling.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>&lt;b&gt;Hold-out accuracy {}&lt;/b&gt; (previous model: {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>{} corrections were used; before retraining the model was right on {} of the reviewed photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>{} photos have new predictions; model: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/main.py" />
            <source>Photo Motifs: from photos to a map…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Photo viewer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Browse motifs…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/main.py" />
            <source>Motifs, labels and review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/main.py" />
            <source>About, privacy and setup…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/workflows/__init__.py" />
            <source>Photo Motifs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/main.py" />
            <source>Single steps (Processing)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/main.py" />
            <source>&amp;Photo Motifs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>Give a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>A name beginning with {} is run as a formula by spreadsheets; write it without that sign.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>This name is reserved for photos that are not a motif: use 'Not a motif' instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/training.py" />
            <source>The layer {} cannot be edited (read-only file or data source).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>The field {} cannot be added to the layer {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>The field {} holds numbers; name the motifs with 'Rename and merge motifs', which writes them as text.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>Rename motif {} to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>Merge {} into {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>Mark {} as not a motif</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>Mark {} photos as not a motif</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>Move {} photos to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>The style is kept in the project; only GeoPackage files store it with the layer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>Photo Motifs style</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Name suggestions (CLIP model)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>A folder made by 'Add a CLIP model' (image.onnx, text.onnx).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Suggest names…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Double-click a suggestion to give it to the selected motif.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Words to choose from (commas or lines):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Give some words, and a motif whose photos can be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Looking at the {} most typical photos of {} with CLIP…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Name suggestions for {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>No names could be suggested: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>{}  ({:.0%} of the photos' votes, best word for {:.0%} of them)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Names for {}: double-click one to use it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>None of the motif's photos could be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>1  Photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>A folder of photos (with subfolders)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>A metadata table (Flickr) and its photo folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>A photo layer of this project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Tables (*.csv *.xlsx *.gpkg *.txt)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>metadata table (CSV, XLSX)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>folder of the downloaded photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>photo field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Show the photos that could not be mapped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Locate them with a metadata table…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Photos without GPS can still be clustered, classified and exported; a table with their coordinates (e.g. from Flickr) puts them on the map.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Harvest from Flickr…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>{} photos in the layer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>The folder does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Counting the photos…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Counting photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Choose the table and the folder of its photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>The table or the folder does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Reading the table and joining it to the photos…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Joining the table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>The folder cannot be read: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>{} photo files found in the folder and its subfolders.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>The table cannot be used: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>{} table rows, {} photo files: {} rows joined to a photo ({} with a location); {} files are in no row.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>{} photos imported, {} with a location; {} files could not be mapped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>None has a location: they are grouped and classified, but not on the map.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>2  Embeddings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>CLIP: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Image model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Embedding cache (*.sqlite)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>embeddings.sqlite in the project folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <location filename="../processing/alg_bursts.py" />
            <location filename="../processing/alg_cluster.py" />
            <location filename="../processing/alg_embed.py" />
            <source>Embedding cache</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Runs on this computer; nothing is uploaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>3  Motifs or classes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Discover motifs (group photos that look alike)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Classify with a model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Train a model from class folders, then classify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <location filename="../core/options.py" />
            <source>automatic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Leave at 'automatic' to let the photos decide how many motifs there are.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Model (signature.json *.onnx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>A model folder's signature.json (ours or a Lobe ONNX export) or an .onnx file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Labels (*.txt)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>labels file, only for a bare .onnx model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>folder with one subfolder of photos per class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>number of motifs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Draw an arrow in the direction of view where the photo recorded one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photo_stepper.py" />
            <source>Press Start to step through the photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photo_stepper.py" />
            <source>Previous photo (←)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photo_stepper.py" />
            <source>Skip this photo (0 or →)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photo_stepper.py" />
            <source>Done: every photo of this list has had its turn.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photo_stepper.py" />
            <source>No photos to step through.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>No photo path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>The photo cannot be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>{} of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Photo Motifs — photo viewer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Select a photo on the map or in the attribute table.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Previous photo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Next photo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Other photos of this motif</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>All photos of this motif…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Training report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Tip: View › Show Map Tips shows the photo when the mouse rests on a point.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>No photo selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>Class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>unreadable photo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>Taken</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>(no photo path)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Other photos of {} ({})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Motifs — {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Classes — {} — {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>run {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Unknown {}: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>image model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <location filename="../processing/alg_import_photos.py" />
            <source>Choose the folder that holds the photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Choose the metadata table and the folder of the downloaded photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Choose the folder with one subfolder of example photos per class.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>training method</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Choose the model: the signature.json of a model folder, or an .onnx file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Reading the photos' locations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Joining the table to the photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Training the classifier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Discovering motifs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Classifying the photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Choose a project folder: every result of the run is saved there.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Choose where the photos come from and what to do with them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Choose a photo layer of the project.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/report_view.py" />
            <source>Training report — {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/report_view.py" />
            <source>Open the model folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/report_view.py" />
            <source>The report {} does not exist (any more).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/report_view.py" />
            <source>Motif map — {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/report_view.py" />
            <source>The map was written to {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/report_view.py" />
            <source>Open the PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/report_view.py" />
            <source>Open the folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>No motif was found: no photo could be read. Nothing was added to the project.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>No photo was classified ({} could not be read). Nothing was added to the project; the notes are in {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>Run {} — {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>Done: {} motifs among {} photos in “{}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>{} of them hold fewer than {} photos and are probably not motifs (marked “tiny” in the legend): look at them in the motif browser, or run again with fewer motifs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>Done: {} photos classified in “{}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>{} of {} photos have no location: they are in the layer (attribute table, photo viewer, exports) but not on the map.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>{} photos could not be read: grey crosses on the map, the reason in the note field.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>Motif summary — {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>squares</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>hexagons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>Motif summary — {} {} m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/tasks.py" />
            <source>The algorithm {} is not available: is the Photo Motifs provider enabled in the Processing settings?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/tasks.py" />
            <source>Cancelled during “{}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/tasks.py" />
            <source>see the log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/tasks.py" />
            <source>“{}” failed: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/tasks.py" />
            <source>“{}” stopped without a result: the error is in the QGIS message log (Python tab).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/thumbnail_loader.py" />
            <source>The thumbnail cannot be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/thumbnail_loader.py" />
            <source>The photo cannot be read: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/training.py" />
            <source>Training from the labels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/training.py" />
            <source>Classifying the photos with the new model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/training.py" />
            <source>Predictions of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/training.py" />
            <source>Training was cancelled; the layer is unchanged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/training.py" />
            <source>The predictions {} cannot be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Photo Motifs — contact sheets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Open folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Folder with contact sheets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <location filename="../processing/alg_import_photos.py" />
            <location filename="../processing/alg_import_table.py" />
            <location filename="../processing/alg_train.py" />
            <source>The folder {} does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>No contact sheets in this folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Photo Motifs — motifs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Contact sheet (PNG)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Motifs (most photos first)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Choose a layer with motifs (the result of Discover motifs) or classes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>{} ({} photos)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>tiny</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Photo Motifs — motifs of “{}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>{}: {} photos, most typical first. Click a photo to select it on the map.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Photo Motifs — from photos to a map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Project folder (all results are saved here):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Cancel run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>4  Result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Choose the photos and press Run.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>The log of the running step appears here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Export to folders and tables…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Summarize by area…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Motif map (PDF)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Open the project folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>The project folder cannot be written: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Cancelling “{}”…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Step {} of {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Steps finished before: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>No step had finished.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Cancelled. {} Nothing was added to the project; files already written stay in {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>The result layer {} cannot be opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Photos that could not be mapped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>{} — {} photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>most typical first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>The motif layer is complete; {} of {} contact sheets were written to {} before the cancel request (no overview).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>only http and https addresses are requested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>no data for {} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Choose the authentication configuration that holds your Flickr API key (see the help: Settings &gt; Options &gt; Authentication, a 'Basic' configuration with the key as its password).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>QGIS's authentication system is disabled ({}), so the Flickr API key cannot be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>The authentication configuration '{}' could not be read: it does not exist, or QGIS's master password was not given (on the command line, point the environment variable QGIS_AUTH_PASSWORD_FILE at a file holding it).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>The authentication configuration '{}' holds no key: store the Flickr API key as the password of a 'Basic' configuration.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>QGIS cannot read {} as a table.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>photo-user-days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>distinct users</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Motif summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The areas could not be transformed from {} to {}: the map would show them in the wrong place. Run the map again; if it persists, choose a summary in a projected CRS.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>The layer is complete; {} of {} contact sheets were written to {} before the cancel request (no overview).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>The photos could not be transformed from {} to {}: the grid would put them all at 0, 0. Run the summary again; if it persists, choose the grid CRS.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Runs entirely on this computer: no photo, embedding or model is sent anywhere and no network connection is made.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>The motif names are kept in the layer's values; a names table (with notes and colours) is stored only in GeoPackage files.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>Row {row}: the new name '{new}' begins with '{first}', which spreadsheets run as a formula; write it without that sign (an empty new name means 'not a motif').</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>Row {row}: '{new}' is reserved; choose another name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>Row {row} has no old motif; it is skipped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>Row {row}: '{old}' is no motif of this layer; the row is skipped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>Row {row} repeats row {first} ('{old}'); it is used once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>Row {row} gives '{old}' the name '{new}', row {first} gave it '{first_new}': keep one of the two rows.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>No old motif of the mapping is in the layer; its motifs are: {motifs}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>The field holds no motif in any photo: there is nothing to rename.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>Row {row}: the colour '{colour}' is not #RRGGBB; the palette chooses one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>The names '{names}' differ only in upper/lower case: they stay separate motifs, but exported folders merge on Windows and macOS.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>… and {} more rows like these (rows {} to {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>… and {} more like these.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>the file does not open as a layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>{} of {} features read back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Photos: photo layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>A point layer made by 'Read photo folder' or 'Read photo metadata table' (or any layer with a field holding photo paths). Leave empty to use a folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <location filename="../processing/alg_bursts.py" />
            <location filename="../processing/alg_export_groups.py" />
            <source>Field with the photo path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Relative paths are read from the folder of the layer's file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Photos: or a folder of photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Every photo in this folder, when no photo layer is chosen. The photos are only read, never changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <location filename="../processing/alg_import_photos.py" />
            <location filename="../processing/alg_import_table.py" />
            <source>Include subfolders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>The layer has no field '{}'. Choose the field that holds the photo paths (the 'photo' field of layers made by 'Read photo folder').</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <location filename="../processing/alg_import_photos.py" />
            <source>{} is a file; choose the folder that holds the photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Choose a photo layer or a folder of photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>The photo path {} is relative and the layer has no file whose folder it could be relative to; it was not read (never from the working folder).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Image model (backbone)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Own ONNX image model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>CLIP model folder (when chosen above; empty: the last one added)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Used when the image model is 'My own ONNX model'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>The model that looks at the photos. The default suits most collections; SqueezeNet repeats an Orange analysis; the int8 version is faster on recent CPUs; a CLIP model you added recognises far more kinds of scenes but is slower. Motifs and classifiers only compare photos embedded with the same model.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>A folder written by 'Add a CLIP model'. Left empty, the model added last is used.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <location filename="../processing/alg_classify.py" />
            <location filename="../processing/alg_search.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>Embedding cache file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>A SQLite or GeoPackage file; empty: next to the project. Embeddings stored there are reused by every later run.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Choose the ONNX file of your own image model.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Image model: {}; embedding cache: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Embeddings computed before the cancel request are kept in the cache {}, so the next run continues from there; no output layer was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Embeddings: {} from the cache, {} computed, {} photos could not be read ({} s).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <location filename="../processing/alg_classify.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>The feature has no photo path.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>CLIP model folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Empty: the model added last with 'Add a CLIP model'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>CLIP model: {} ({}); embedding cache: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Embeddings: {} from the cache, {} computed, {} photos could not be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_times.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>The photo layer has no field '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_times.py" />
            <location filename="../core/messages.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>{} field: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/photo_times.py" />
            <location filename="../core/messages.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>{} field: {} (detected)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/provider.py" />
            <source>Photo Motifs {} (offline photo embeddings, motifs and classifiers)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>other ({} categories, {} photos)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>unreadable photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>{} ({})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>{} — tiny: probably not a motif</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>all other values</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>unreadable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>Only file layers can store a style.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>The style could not be stored with the layer: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/summary_style.py" />
            <source>{} (other motif)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/summary_style.py" />
            <source>suppressed: fewer than {} users</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/summary_style.py" />
            <source>no motif (only photos outside every motif)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/summary_style.py" />
            <source>Shannon diversity of motifs (graduated)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/summary_style.py" />
            <source>Dominant motif, opacity by its share</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/summary_style.py" />
            <source>The styles could not be stored in the GeoPackage: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/temporal.py" />
            <location filename="../processing/alg_cluster.py" />
            <source>{} ({} photos, {} bursts)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>0 · Whole workflow (models)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>1 · Photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>2 · Embeddings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>3 · Motifs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>4 · Classes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>5 · Maps and exports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The file is not an image in a format Photo Motifs can read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The file cannot be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo's EXIF metadata is damaged and cannot be read, so its location is unknown.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo has no EXIF metadata, so it has no location.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo's EXIF metadata has no GPS position.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo's GPS block has no complete latitude/longitude pair.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo's GPS latitude or longitude is not a number (NaN, infinite or a zero denominator).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo's GPS position is exactly 0°, 0° — a default written by cameras without a satellite fix, not a real location.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo's GPS position is outside the valid range (latitude ±90°, longitude ±180°).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo's GPS position has no N/S or E/W reference, so its hemisphere is unknown; it is rejected rather than guessed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>No photo file in the folder matches this table row.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The row's latitude or longitude is missing or invalid.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>No row of the table refers to this file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The file is not an image format that can be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The image is too large to decode safely.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The file ends before the image data is complete (interrupted copy or download?).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The image data is damaged and cannot be decoded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The file is not a photo (unknown image file extension).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The path names a device, a named pipe or a socket, not a photo file; it was not opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The file is larger than a photo may be; it was not opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo path is relative and the layer has no folder to resolve it against; it was not read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <location filename="../processing/alg_train.py" />
            <source>The photo has no class in the layer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/workflows/__init__.py" />
            <source>Could not read the model {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Add a CLIP model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>clip,openclip,openai,laion,hugging face,image model,text,words,convert,onnx</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Makes a CLIP model you downloaded once usable here: CLIP understands photos and words together, so motifs can be named in words without training ('Motifs from words') and photos found by a sentence ('Find photos by words or by a photo'); as an image model it recognises far more kinds of scenes than the built-in ones. The model is converted on this computer; your photos never leave it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Details: choose a Hugging Face CLIP folder as OpenAI and LAION publish them (for example openai/clip-vit-base-patch32 or laion/CLIP-ViT-B-32-laion2B-s34B-b79K: config.json, model.safetensors, vocab.json, merges.txt) — pick its config.json —, an OpenCLIP weights file (open_clip_pytorch_model.bin) with its architecture name, or OpenAI's ViT-B-32.pt. Nothing is downloaded. The model folder holds the image and text parts as ONNX, the tokenizer, an int8 image part (about twice as fast) and a model card with the speed measured here. A ViT-B/32 model takes about 600 MB and a few minutes to convert; torch and transformers are needed for the conversion only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Downloaded CLIP model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>CLIP models (config.json *.safetensors *.bin *.pt *.pth);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>OpenCLIP architecture</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <location filename="../processing/alg_train.py" />
            <source>Model folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Also write the int8 image part (faster, nearly the same embeddings)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Name of the model (default: the folder or file name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Image part (image.onnx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Values per embedding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Images per second measured here (batches of 16)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Needed for OpenCLIP weights without an open_clip_config.json beside them: open_clip's model name. OpenAI's and LAION-400M's weights need the '-quickgelu' name (ViT-B-32-quickgelu): the wrong one loads silently and changes every result. Ignored for Hugging Face folders, whose config.json says it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>A new or empty folder; an existing model is never overwritten. Empty: the plugin's model folder, where the dialogs find it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>The config.json of a Hugging Face folder, or a weights file (.safetensors, .bin, .pt).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Converted {} in {} s into {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Architecture: {}; activation {}; {} values per embedding; licence: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>ONNX equals the original within {} (image) and {} (text).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Speed here, batches of 16: {} images/s, int8 {} images/s, {} texts/s.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Find photo bursts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>bursts,near-duplicates,series,same scene,users,time,representative</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Finds bursts: one person's series of near-identical photos of one scene, taken within minutes (30 shots of a fountain in two minutes). A burst would otherwise form a motif of its own, make a motif look bigger than it is and flatter a classifier's accuracy. Each photo gets its burst, the burst's size and whether it is the burst's representative (its most typical photo), so motifs can be discovered from one photo per burst.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Details: two photos of the same user, taken at most the given minutes apart (local time as written) and with embeddings at least as similar as the threshold (cosine), are in one burst, and so are photos linked through others; in time order each photo of a burst is within the minutes of the previous one. Embeddings come from the cache as for 'Discover photo motifs'. Distinct photos have a cosine similarity of at most 0.6 in our tests, a cropped and re-encoded copy 0.72 to 0.99: the default 0.9 never joins different scenes; lower it to catch looser series. Photos without a user, a time of day or a readable image are bursts of their own. Without a user field all photos count as one photographer's (a folder from one camera). The user and date fields are detected from the import (owner, taken_at) unless chosen.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <location filename="../processing/alg_export_groups.py" />
            <location filename="../processing/alg_rename_motifs.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Photo layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>User field (empty: detected, e.g. owner)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Date taken field (empty: detected, e.g. taken_at)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Largest gap in a burst (minutes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Similarity in a burst</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Photos with bursts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Bursts of two or more photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Photos in such bursts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Photos of one user taken at most this many minutes apart can be in one burst.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Cosine of the photos' embeddings: 1 = identical. Distinct photos stay below 0.6, cropped or re-encoded copies of one photo reach 0.72 to 0.99 (EfficientNet-Lite0).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../core/messages.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>The photo layer has no date taken field (such as taken_at): bursts need the time of each photo. Choose the field, or import the photos with 'Read photo folder'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../core/messages.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>User</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>  burst {}: {} photos by {}, {} to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>the photographer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Classify photos with a model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>classify,classifier,classes,model,lobe,onnx,labels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Gives every photo a class with a trained model: one made by 'Train a photo classifier', a model exported from Lobe (ONNX), or any ONNX image classifier with its list of class names. Each photo gets its class and how sure the model is. Photos that fit none of the classes (unlike every training photo, as the model learnt when it was trained here) get the class 'unknown'. Optionally copies the photos into one folder per class.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Details: choose the model's signature.json or .onnx (a bare ONNX model needs a labels file, one class per line). Lobe TensorFlow exports are not supported: export ONNX from Lobe instead. Photos are EXIF-oriented, resized to fill the model input and centre-cropped, as Lobe does. Each photo also gets the next best classes. For our own models, embeddings already in the cache are reused. Optionally writes Lobe Image Tools' CSV (File, Label, Confidence) and COPIES (never moves) the photos into one folder per class.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Model (signature.json or .onnx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Labels file for a bare ONNX model (one class per line)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Input size for a bare ONNX model of any size (0 = from the model)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Classes to keep per photo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>Minimum confidence (else 'unknown')</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Call photos that fit none of the classes 'unknown' (models trained here)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>'unknown' above this unknown_score (1 = as calibrated in training)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Reuse cached embeddings (our models)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Classified photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Lobe Image Tools CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Copies, one folder per class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Photos classified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <location filename="../processing/alg_cluster.py" />
            <location filename="../processing/alg_embed.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>Photos that could not be read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>Photos called 'unknown'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>The signature.json (or model.onnx) in the folder written by 'Train a photo classifier' or exported from Lobe as ONNX, or any .onnx classifier.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Lobe Image Tools' table: File, Label, Confidence.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>The photos are copied (never moved) into one subfolder per class.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Photos whose best class has a lower confidence (0–1) get the class 'unknown'. 0 keeps every class.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Models made by 'Train a photo classifier' know how far photos of their classes lie from the training photos. A photo farther away gets the class 'unknown', its distance relative to that threshold in the field unknown_score (above 1 = unknown). Lobe's and other ONNX models have no such calibration: every photo gets one of their classes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>1 uses the threshold calibrated when training. Higher values call fewer photos unknown, lower values more.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>This model has no calibrated 'unknown' (a Lobe or other ONNX model, or one trained without it): every photo gets one of its classes, unless its confidence is below the threshold.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>The model's calibrated 'unknown' is switched off: every photo gets one of its classes, unless its confidence is below the threshold.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Calibrated 'unknown' on: photos with unknown_score above {} (farther from the training photos than {:.0f} % of held-out photos of the known classes when the limit is 1) are called unknown.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>{} of {} photos were called 'unknown': {} unlike every training photo, {} like the 'none of these' examples, {} below the confidence threshold.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source> … and {} more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Model: {} ({}), {} classes: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Embeddings ({}): {} from the cache {}, {} computed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source> … and {} more classes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>Photos per class: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>{} photos could not be read (see classify_note).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Discover photo motifs (clustering)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>cluster,motifs,groups,similar photos,hierarchical,kmeans,hdbscan,orange</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Finds what people photograph: photos that look alike are put into the same motif (C1, C2… by size, largest first), without any labels from you. The result is your photo layer with a motif per photo, ready to map, and contact sheets that show each motif's most typical photos first. The number of motifs is chosen automatically unless you set it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Details: embeddings come from the cache (computed when missing). By default they are normalised, reduced to 64 principal components and grouped by hierarchical clustering (cosine distance, average linkage); the number of motifs is where merging two more groups would join clearly different photos (the elbow of the merge heights, reported in the log). HDBSCAN labels photos that fit no motif 'noise'. Each photo gets its motif's size, its rank by distance to the motif's most typical photo (1 = most typical) and coordinates on a 2-D similarity map. A JSON record keeps every parameter. With the same distance, linkage and cut as Orange (normalisation off), the motifs equal Orange's. Large collections are clustered through k-means centroids, as the log says.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Method</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Distance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>L2-normalise embeddings first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Reduce to this many principal components first (0 = no)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Linkage (hierarchical)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Number of motifs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Automatic: the number where merging two more groups would join clearly different photos. Fixed: exactly K motifs. Height ratio: cut the tree as Orange's Hierarchical Clustering widget does.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>K (fixed number of motifs)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Height ratio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Automatic: smallest K</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Automatic: largest K</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>HDBSCAN: minimum cluster size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <location filename="../processing/alg_train.py" />
            <source>Random seed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Similarity map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Cluster one photo per burst (from 'Find photo bursts')</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Clusters only each burst's representative (burst_first) and gives every photo of the burst its motif, so 30 near-identical shots of one scene by one person weigh as one photo. Motif sizes are then given in bursts and in photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Photos with motifs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <location filename="../processing/alg_motif_map.py" />
            <source>Contact sheets folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>One picture per motif with its photos, most typical first, and an overview of all motifs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Run record (JSON)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Tiny motifs (probably not motifs)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Photos a motif needs not to be tiny</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Only {} photo(s) could be read: clustering needs at least two.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>In a burst: the motif of the burst's representative.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Contact sheets: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>{} motifs found among {} photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>{} of them hold fewer than {} photos and are probably not motifs: {} (flagged in the field cluster_tiny and in the legend).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>{} photos have no location: they are in the layer and the contact sheets, but not on the map.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Details:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Automatic choice of the number of motifs ({}):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>  &lt;- chosen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>{} motifs: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>The photo layer has no bursts (fields burst_id and burst_first): run 'Find photo bursts' on it first, or turn off 'Cluster one photo per burst'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Clustering one photo per burst: {} of {} photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Compute photo embeddings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>embedding,features,vectors,image model,cnn,onnx,orange</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Lets the computer 'look' at every photo once: an image model turns each photo into a list of numbers (an embedding) that describes what it shows. Photos that look alike get similar numbers; discovering motifs and training classifiers build on them. The numbers are remembered in a cache, so the next steps and later runs are fast. Running this step alone is optional: the motif and training steps compute what is missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Details: ONNX Runtime on this computer. The cache is keyed by the photo's content, so renamed or moved photos are recognised. Photos that cannot be read get embed_status 'failed' with the reason. The vectors can be exported as CSV (a path column and one column per dimension, like Orange's Save Data) or .npz. Image models: EfficientNet-Lite0 (default, 1280 values per photo); its int8 version (about 1.6 times faster, nearly the same vectors, cached apart); EfficientNet-Lite2 (larger); SqueezeNet as Orange computes it, to reproduce an Orange analysis; or an ONNX model of your own.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Photos with embedding status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Export the vectors (CSV or NPZ)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Photos with an embedding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Embeddings taken from the cache</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Embeddings computed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Seconds spent embedding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Computing {} embeddings took {} s. On this CPU the int8 version of EfficientNet-Lite0 would take about {} s with the same accuracy in our tests (embeddings at cosine 0.996); its vectors are cached apart from these.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Vectors written to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Export photos by motif or class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>export,folders,copy,xlsx,csv,clusters,classes,motifs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Sorts copies of your photos into one folder per motif or class, and writes the table of photos as a spreadsheet (XLSX and CSV). Use it to browse a motif's photos in any image viewer, to share them, or to hand-correct motifs into training folders. Your original photos stay where they are.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Details: photos are copied (or hard-linked where the file system allows), never moved; existing folders and files are never deleted; name collisions get ' (2)' suffixes and identical files are skipped. Full file names are kept. The tables can include the embedding columns (as Orange's Save Data). Optionally removes EXIF/GPS from the copies for sharing (the originals are untouched).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Group by field (cluster, class…)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Output folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Copy or link the photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>For sharing: copies without EXIF/GPS, tables without location, dates, camera, owners or paths</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Leave out photos without a value (e.g. not labelled yet), as in a Lobe dataset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Write an XLSX table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Write a CSV table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Include embedding columns in the tables</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Photos copied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Photos hard-linked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Photos skipped (an identical file was there)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Photos renamed to avoid a name clash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Photos not exported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Tables written (separated by ;)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <location filename="../processing/alg_rename_motifs.py" />
            <location filename="../processing/alg_train.py" />
            <source>The layer has no field '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Harvest geotagged photos from Flickr</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Harvests the geotagged photos of an area from Flickr with your own Flickr API key, then imports them as a point layer (the same import as 'Read photo metadata table (Flickr CSV/XLSX)'). Files are saved as photos/{id}_{secret}_{size}.jpg next to the metadata table photos.csv (id, owner, owner name, title, tags, date taken and its granularity, upload date, latitude, longitude, accuracy, licence, URL, file name), not_downloaded.csv and a README with the query, the licences and the terms of use. Owner ids are replaced by salted hashes unless you turn that off.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Flickr returns at most about 4,000 photos per query, so the search is split by time, and by area where one second still holds too many, until every slice is under that cap; the totals per slice are logged and saved (slices.csv). The API allows 3,600 calls per hour: each call returns up to 250 photos, and when the hourly budget is used the harvest waits and says so. A file is first written under a temporary .part name, so running the harvest again after a crash or a cancel downloads only what is missing.

The API key: create one at https://www.flickr.com/services/apps/create/ (non-commercial key), then in QGIS Settings &gt; Options &gt; Authentication add a configuration of type 'Basic' named e.g. 'Flickr' with any username and the key as password, and choose it here. The key is read from QGIS's authentication database when the algorithm starts and is never written to the project, the log or the output.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Network use: this is the only Photo Motifs algorithm that connects to the internet, and only when you run it. It sends to api.flickr.com your API key and the search: the area as a longitude/latitude box, the dates, the text and tags, the licence filter, and paging; then it downloads the photo files from Flickr's photo servers by their public URLs. No photo, file or other data of yours is sent. All traffic goes through QGIS's network manager (your proxy and SSL settings).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Harvests the geotagged photos of an area from Flickr with your own API key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Dates are</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>From (inclusive)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>To (inclusive)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Text (title, description, tags)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Tags (any of them)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Licences</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Flickr API key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Photo size to download</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Download the photo files (off: metadata table only)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Replace owner ids by salted hashes and leave out owner names</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Harvested photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Photos not imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>API calls per hour (Flickr allows 3,600 per key)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>API endpoint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Give up a transfer after this many seconds without data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <location filename="../processing/alg_import_table.py" />
            <source>Metadata table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <location filename="../processing/alg_search.py" />
            <source>Photos found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Photos downloaded by this run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Photos already downloaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Photos not downloaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>API calls</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Query slices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <location filename="../processing/alg_import_photos.py" />
            <location filename="../processing/alg_import_table.py" />
            <source>Photos imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <location filename="../processing/alg_import_photos.py" />
            <location filename="../processing/alg_import_table.py" />
            <source>Photos with a location</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Choose a start and an end date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>The API endpoint {} is refused: your API key is sent to it, so it must be an https:// address (plain http only to this computer, for tests).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Owner ids are replaced by hashes with your personal salt (kept in your user folder), so an owner gets the same hash in all your harvests and imports on this computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Query: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>API endpoint: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>{} Files downloaded so far stay in {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Photos downloaded so far stay in {}; no table was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>{} photos found with {} API calls in {} slices ({:.0f} s, {:.0f} s waited for the hourly budget, {} retries).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>the photos were not downloaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>no photo was downloaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>none was asked for.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>No point layer: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Importing the harvested photos (the import of a metadata table).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Read photo folder (EXIF locations)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>import,photos,geotagged,exif,gps,points,folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Puts the photos of a folder on the map: one point per photo where the camera or phone recorded its GPS position, with the date taken, the direction and the camera. Start here with a folder of your own photos. Files that cannot be mapped are listed in a second table with the reason, so nothing disappears silently.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Details: reads JPEG, HEIC/HEIF, AVIF, WebP, PNG, TIFF and DNG headers only, without decoding pixels or changing the files, and makes a 3-D point layer in WGS 84. Each photo gets a content hash (photo_id) that later steps use as its identity. Reasons in the invalid table: not an image, unreadable, no EXIF, no GPS, GPS 0/0, not a number or out of range, missing hemisphere reference. Keep photos without a location to use them for training.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Folder of photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Keep photos without a location (null geometry)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Invalid photos (with reasons)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Photos without GPS are then kept in the layer without a point, for example to use them as training examples.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Every file that could not be put on the map, with the reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Files not imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Read photo metadata table (Flickr CSV/XLSX)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>import,flickr,csv,xlsx,table,photos,metadata,points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Puts downloaded photos on the map from the table that came with them: a Flickr download, a photosearcher CSV or any spreadsheet with coordinates. Each table row is matched with its photo file in a folder, and owners can be replaced by anonymous codes. Rows without a photo and photos without a row are listed with the reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Details: reads CSV, TSV, XLSX or any table QGIS opens. Rows are joined to files by a file-name column or by the id pattern (Flickr files are named &lt;id&gt;.jpg or &lt;id&gt;_&lt;secret&gt;[_size].jpg). The columns for id, latitude, longitude, date taken, owner, title, tags and URL are detected by name unless you name them. Every other column of the table (a category or motif typed in a spreadsheet, the photo id…) is kept with its name and type, so it can be the class field of training or the motif field of a summary; a name that clashes with a field of the import gets the prefix table_. Owner ids become salted hashes: analyses need distinct users, not their names, and columns naming a person (owner names, user names, e-mail) are then left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Folder of the downloaded photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>File name pattern (columns in braces)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Photo id column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>File name column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Latitude column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Longitude column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Date taken column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Owner column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Title column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Tags column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>URL column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Empty: detected from the column names.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Replace owner ids by salted hashes (personal data)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Salt for the owner hashes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Rows and files not imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>How the photo files are named, with table columns in braces: {id} finds Flickr downloads named &lt;id&gt;.jpg or &lt;id&gt;_&lt;secret&gt;.jpg.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Owner ids are personal data: hashes keep users apart for analysis without naming them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>CSV, XLSX or any table QGIS reads, with a row per photo.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Keep it secret; empty: your personal salt, the same in all your imports.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Every row and file that was not imported, with the reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>The table {} does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>{} rows, columns: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Owners are pseudonymised with your personal salt (kept in your user folder): hashes are comparable across all your imports and harvests on this computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Other columns kept in the layer: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>The column '{}' clashes with a field of the import: it is kept as '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Left out because owners are hashed (they name a person): {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Publish a motif map (PDF/PNG)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>print layout,map,pdf,png,publish,legend,motifs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Makes a finished map to print or share from a motif summary: the areas coloured by their dominant motif, with legend, scale bar, north arrow and the typical photos of the top motifs, as PDF and PNG.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Details: the summary comes from 'Summarize motifs by area', the thumbnails from the contact sheets folder of 'Discover photo motifs'. A note gives the privacy threshold used and the attribution of the photo source. The layout comes from the shipped template; give your own .qpt with the same item ids to change it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Motif summary layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The output of 'Summarize motifs by area'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Photo motifs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Attribution of the photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>e.g. Photos: Flickr users, CC BY 2.0 (empty: no attribution line)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Printed under the map as it is; leave empty to print nothing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Background layer (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>A layer of the project drawn under the areas, e.g. an OpenStreetMap layer you already use; nothing is downloaded by this algorithm.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Layout template (.qpt; empty: the shipped one)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Motif map (PDF)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Motif map (PNG)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Motif map: {} (map in {})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The layer has no field {}: choose the output of 'Summarize motifs by area'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The summary {} has no areas: there is nothing to map. Summarise photos that have a location (and a motif) first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The layout template {} is not readable.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>the export was canceled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>there was not enough memory to render the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>the file could not be opened for writing (is the disk full, the folder read-only or the file open elsewhere?)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>the map could not be rendered for printing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>a layer could not be exported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>the atlas could not be prepared</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>the layout exporter failed (code {})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The {} {} could not be completed ({}): nothing was saved under its name. The disk may be full.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The {} {} could not be written: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The PDF {} could not be written: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The PNG {} could not be rendered: there was not enough memory.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The PNG {} could not be written: the disk may be full or the folder read-only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Dominant motif per area by {}; opacity: the dominant motif's share ({} areas; map in {})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Dominant motif</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Privacy: areas with fewer than {} distinct users are hatched; their counts are not published ({} of {} areas). Photos without a user count as one user each.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Top motifs (share of all {})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>{}: dominant in 1 area, {:.0%}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>{}: dominant in {} areas, {:.0%}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>When motifs are photographed (months, hours, seasons)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>time,month,hour,season,winter,night,heat map,chart,temporal,when</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Shows when each motif is photographed: in which months, at which hours of the day and in which seasons, as a table and as a heat map per motif (months by hours) ready for a paper. Winter landscapes, autumn parks or the river at night stand out at a glance.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Details: for every motif and every month (1-12), hour (0-23) and season (DJF, MAM, JJA, SON) the table gives the count by the chosen measure (photo-user-days, distinct users or photos, as in the summary by area), its share of the motif's total and its share of all motifs at that time. Hours are the local time of each photo: the time as the camera wrote it, which the stored UTC offset confirms when there is one; photos without an offset are taken as local time as written. Photos known to the month only count in their month and season, not in the hours. Rows and heat map cells with fewer distinct users than the minimum are left empty (privacy). The chart folder gets one PNG per motif, an overview of all motifs and the heat map numbers as CSV.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Photo layer (with a motif or class field)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../processing/alg_rename_motifs.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Motif or class field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Measure for motif counts and shares</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Southern hemisphere (December-February is summer)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Minimum distinct users per row or cell (fewer: left empty)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Motifs by month, hour and season</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Heat maps folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Photos counted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Empty: cluster, else class.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>One PNG per motif (months by hours, with the motif's months and hours beside it), overview.png with all motifs and heatmap_cells.csv with the numbers behind them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>The photo layer has no motif field (cluster or class): run 'Discover photo motifs' or 'Classify photos with a model' first, or choose the field.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>The photo layer has no date taken field (such as taken_at): choose the field that holds when each photo was taken.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../core/messages.py" />
            <source>No user field (such as owner): every photo counts as a user of its own.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Heat maps: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>  {}: {} ({})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>The photos lie south of the equator: choose 'Southern hemisphere' to name the seasons as they are there (December-February is summer).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} files: {} photos with a location, {} kept without a location, {} invalid.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} table rows, {} files: {} photos imported, {} rows or files listed as invalid.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} of {} distinct photos found in the embedding cache; computing {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} of {} distinct photos found in the embedding cache; computing {} on {} Dask workers in {} partitions.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{}: {} of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Files read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Table rows joined to their photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Photos looked up in the cache</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Photos identified by their content</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Photos embedded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Photos written to the layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Principal components (embeddings read, then added up)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Normalising and reducing the embeddings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Micro-clusters: batches done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Micro-clusters: photos assigned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Merging the micro-clusters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Typical photos and ranks: motifs done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>k-means: numbers of motifs tried</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>HDBSCAN: photos given the motif of their nearest sampled photo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Reducing {} embeddings of {} values to {} principal components.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Measuring the distances between all {} photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Linking the {} photos into a tree ({} linkage).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Still linking the {} photos into a tree ({} s).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Grouping {} photos into {} micro-clusters ({} passes of mini-batch k-means).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Linking the {} micro-clusters into a tree ({} linkage, weighted by their photos).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>k-means for every number of motifs from {} to {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>HDBSCAN on {} photos (minimum motif size {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Finding the most typical photo of each of the {} motifs and ranking their photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>PCA to {} dimensions skipped: the data has only {} (photos or features).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>PCA from {} to {} dimensions keeps {} of the variance.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>PCA from {} to {} dimensions keeps {} of the variance (fitted on {} random photos).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} clusters have more than {} photos: their medoid was chosen among the {} photos nearest the cluster mean, scored on {} random members.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos are more than the {} clustered exactly: grouped them into {} k-means micro-clusters, clustered those hierarchically ({} linkage, micro-clusters weighted by their photo counts) and gave every photo its micro-cluster's cluster. No photo-by-photo distance matrix was built; the linkage matrix is over the micro-clusters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Automatic k for k-means was chosen on {} random photos, then k-means ran on all {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>HDBSCAN with cosine distance ran with Euclidean distance on L2-normalised vectors (same neighbour order).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos are more than the {} clustered exactly: ran HDBSCAN on {} random photos and gave every other photo the cluster (or noise) of its nearest sampled photo.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Automatic k searched {}-{} only: there are {} photos (at least {} photos per cluster on average).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Contact sheet {} of {}: {} ({} photos).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos in {} classes; computing embeddings with {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Fitting the {} head on {} photos, validating on {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{}-fold cross-validation.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Refitting the {} head on all {} photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>These classes are too small to keep a validation photo, so their recall is not measured: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Converting {} to ONNX (once; cached in {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Converted {} in {} s.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Quantising {} to int8 (once; cached in {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Quantised {} in {} s.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Decoding {} photos for fine-tuning.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Fine-tuning the last {} stage(s) of {} on {} photos for at most {} s.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Epoch {}: loss {}, accuracy on augmented training photos {} ({} s of {} s).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Fine-tuned {} steps ({} epochs) in {} s; last epoch loss {}, accuracy on augmented training photos {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Fine-tuned the last {} stage(s) of the backbone for {} s ({} steps, {} epochs) on the {} training photos only; the validation photos were not used, the final head was refitted on all photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Some photos failed only after fine-tuning; the validation split may include photos the fine-tuning saw.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The cross-validation figures reuse the fine-tuned backbone, which saw the training photos of every fold: they are optimistic.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Reading OpenAI's TorchScript weights {} (their code is not run).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Reading the OpenCLIP weights {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The architecture name {} was not used: config.json sets the activation ({}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Activation ({}) and attention heads from open_clip_config.json.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Dimensions read from the weights: image width {}, text width {}, {} + {} attention heads.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Exporting the image tower ({} px) to ONNX.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Exporting the text tower to ONNX.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Writing the int8 image tower.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Hourly budget of {} API calls used: waiting {} before the next call.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{}: retrying in {} (attempt {} of {}; cancel to stop).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Download of {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Flickr reports {} photos for the query.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} to {} in {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Slice {}: {} photos, over the cap of {}: split by {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Slice {} has {} photos in one second and a tiny area: only the first {} can be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Slice {}: {} photos in {} page(s); {} distinct photos so far ({} API calls).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photo entries of Flickr's answers were left out because {} (ids must be numbers and secrets letters and digits).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} of {} photos: {} downloaded, {} already there, {} failed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} distinct photos found in {} slices with {} API calls.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Files: {} downloaded ({} MB), {} already complete, {} not downloaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photo URLs (or their redirects) pointed outside Flickr's photo servers or to plain http and were refused; see {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} of {} photos are in {} bursts of two or more photos (largest: {} photos); every other photo is a burst of its own.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>No user field: all photos count as one photographer's.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no user: each is a burst of its own.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no time of day: each is a burst of its own.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos could not be read: each is a burst of its own.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} of {} photos have a motif and a month; {} motifs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Hours are local times: {} photos carry their UTC offset, {} have none and are taken as local time as written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have UTC times (marked Z) without their local offset: their hours are UTC, not local.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos with a motif have no readable month and were left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have a date but no time of day: they count in their month and season, not in the hours.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no motif and were left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no user: each counts as a user of its own.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} rows have fewer than {} distinct users: their counts and shares are empty (suppressed).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Confidence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>No date field: a user's photos count as one photo-user-day per area.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Areas and output CRS: {} ({})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The grid CRS counts in {}: cells of {} of them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Summarising on {} Dask workers, {} partitions.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The areas overlap: the photos are summarised on this machine, where a photo counts in every area that holds it (on Dask partitions each photo meets one area).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Grid cells of {} m are smaller than {} m (allowed on request): cells that small can locate single photographers. Do not publish this grid.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} areas had invalid outlines (self-crossing or touching rings, such as a bow-tie) and were repaired with make_valid before counting; their geometry in the output is unchanged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The areas overlap ({} pairs share ground, e.g. areas {} and {}): each area counts every photo inside it, so {} photos count in more than one area and the areas' totals add up to more than the photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no user: each counts as a user of its own (so the minimum-users rule is weaker where they are).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no readable date (missing, or impossible such as 2020-02-30): a user's undated photos count as one photo-user-day per area.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no motif: they count as photos, users and photo-user-days but in no motif.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no location and were left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos lie outside every area and were left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} of {} grid cells with photos have fewer than {} distinct users: they were left out of the grid (not drawn), so no cell points at where a few people took photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} of {} areas with photos have fewer than {} distinct users: their counts and shares are NULL (suppressed), their geometry is kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Trained a {} classifier on {} photos in {} classes ({}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Validation ({} photos not used for fitting): accuracy {}, balanced accuracy {}, {} misclassified.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Weakest class: {} (recall {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{}-fold cross-validation: accuracy {} ± {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{}-fold cross-validation by user: accuracy {} ± {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{}-fold cross-validation by burst: accuracy {} ± {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{}-fold cross-validation by group: accuracy {} ± {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The exported model was refitted on all {} photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>, field {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Accuracy by user (the {} validation photos come from {} users whose photos were not used for fitting{}): {}, balanced accuracy {}, {} misclassified.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Accuracy by burst (the {} validation photos come from {} bursts whose photos were not used for fitting{}): {}, balanced accuracy {}, {} misclassified.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Accuracy by group (the {} validation photos come from {} groups whose photos were not used for fitting{}): {}, balanced accuracy {}, {} misclassified.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Random split, as Lobe's 80/20 split draws it: accuracy {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores {} points higher because the same users' photos, near-duplicates among them, sit on both sides of it; expect the by-user figure on new users' photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores {} points lower, by the chance of which photos it held out; the by-user figure is the one to expect on new users' photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores about the same ({} points): in this collection the users' own photos do not inflate it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores {} points higher because the same bursts' photos, near-duplicates among them, sit on both sides of it; expect the by-burst figure on new bursts' photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores {} points lower, by the chance of which photos it held out; the by-burst figure is the one to expect on new bursts' photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores about the same ({} points): in this collection the bursts' own photos do not inflate it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores {} points higher because the same groups' photos, near-duplicates among them, sit on both sides of it; expect the by-group figure on new groups' photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores {} points lower, by the chance of which photos it held out; the by-group figure is the one to expect on new groups' photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores about the same ({} points): in this collection the groups' own photos do not inflate it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>All photos belong to one group, so the split is random.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The groups are too few to keep any of them for validation without losing a class from training, so the split is random.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>No photo of these classes is among the groups held out for validation, so their recall is not measured: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>All photos of these classes belong to groups that fell into validation, so they were kept for training and their recall is not measured: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} into {} folders under {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} copied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} hard-linked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} symbolic links</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} re-encoded without metadata</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} already there (identical)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} renamed to avoid a name clash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} not exported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Hard links were not possible here (another drive or file system): made symbolic links instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos could not be linked at all and were copied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Hard-linked photos share their bytes with the originals: editing one edits the other.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>For sharing, the tables leave out the {} columns that could locate, date or identify a photo, its camera or its owner: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>EfficientNet-Lite0 (ImageNet, 1280-d)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>EfficientNet-Lite2 (ImageNet, 1280-d, slower, more accurate)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>SqueezeNet as in Orange Image Analytics (local embedder, 1000-d)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>EfficientNet-Lite0 int8 (fast: ~1.6x quicker, embeddings 0.996 cosine to fp32; CPUs with VNNI)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>My own ONNX model (file below)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>A CLIP model folder (below; 'Add a CLIP model' converts one)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>A CLIP model folder, int8 image tower (faster)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>hierarchical</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>k-means</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>HDBSCAN (leaves 'noise')</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>cosine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Euclidean</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>average</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Ward</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>complete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>single</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>fixed (K)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>height ratio (Orange)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>PCA</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>t-SNE</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>linear (logistic regression)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>small neural network (MLP)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>fine-tune (slow, optimise)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>hard link where possible (else copy)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Date taken</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Date uploaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>All licences</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Creative Commons only (incl. CC0)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>No known copyright restrictions or public domain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Medium, 640 px (z)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Small, 320 px (n)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Medium, 800 px (c)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Large, 1024 px (b)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Original (o; not offered for every photo)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Photo-user-days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Distinct users</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Hexagons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Squares</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>All seasons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>December–February (DJF: winter in the north, summer in the south)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>March–May (MAM: spring in the north, autumn in the south)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>June–August (JJA: summer in the north, winter in the south)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>September–November (SON: autumn in the north, spring in the south)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>The run had finished writing its outputs when the cancel request came.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Photo Motifs met an unexpected error ({}: {}); please report it with the message log (Photo Motifs tab).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Reading or writing {} failed: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>A file operation failed: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>The embedding cache could not be read or written ({}): the disk may be full, the folder read-only or the file damaged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Canceled by the user.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Not saved (the run ended before it was complete; no partial file is left): {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>The algorithm does not implement process().</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Rename and merge motifs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>rename,merge,names,motifs,clusters,curate,legend,not a motif</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Gives the motifs names instead of C1, C2…: from a table with the columns old and new, motifs are renamed, several old motifs with the same new name are merged, and an empty new name marks photos as 'not a motif'. The map legend, summaries, exports and the printed map then use the names.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Details: the table is a CSV (comma, semicolon or tab) or XLSX file; optional columns note and colour (#RRGGBB) are stored with the names. The original ids stay in the field &lt;field&gt;_id (e.g. cluster_id), so the step can be redone: an old value is looked up among the current names first, then among the original ids (a row naming an original id takes those photos back out of a merge). The mapping is applied at once, not in a chain. The style is rebuilt with the counts of the new motifs; renamed motifs keep their colours, a merged motif takes the colour of its largest part. A GeoPackage output also gets a motif_names table (id, name, note, colour, photos). Unknown old values and repeated rows are reported and skipped; names that a spreadsheet would run as a formula, and two different names for one motif, stop the run with a sentence.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Mapping table (old,new)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Photos with named motifs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Sheets under the new names</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Motifs after renaming</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Photos whose motif changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Photos marked 'not a motif'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>A CSV or XLSX table. First row: old,new (optional: note, colour). One row per motif to change, e.g. C10,flowers — C27,architecture — C28,architecture — C3, (empty: not a motif).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>One contact sheet per named motif, titled with its name, most typical photos first, and an overview.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>The original ids are kept in {}: old values are looked up among the current names, then among those ids.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>{} → {} ({} photos)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>{} motifs before, {} after; {} photos changed, {} marked 'not a motif'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Find photos by words or by a photo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>clip,search,find,query,sentence,similar,photo,retrieval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Finds the photos that best match a sentence ('a frozen lake with skaters', 'graffiti under a bridge') or that look most like a photo you choose, using a CLIP model you added. The best matches are written to a new layer with their similarity, and selected on the photo layer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Details: similarity is the cosine between the photo's and the query's CLIP embeddings (higher is closer; CLIP's text-to-photo values are small, around 0.2-0.35 for good matches). With both a sentence and a photo the query is their average. The query photo itself is left out of the results. Embeddings come from the cache, so searching a collection embedded once takes milliseconds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Find photos showing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>…or photos like this one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Number of photos to find</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>Use the int8 image part (faster)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Similarity of the best match</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>A sentence, in any language CLIP was trained on; English works best.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Give a sentence to search for, or a photo to find look-alikes of.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>The query photo {} cannot be read: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Ranked {} photos in {} ms.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>The query photo itself was left out ({} copies in the layer).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>{} photos selected on the layer {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Summarize motifs by area (grid or polygons)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>summary,areas,grid,hexagons,districts,dominant motif,diversity,privacy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Turns the photo points into a map of areas: for each district you give, or for each cell of a hexagon or square grid, how many people photographed there, which motif dominates and how varied the motifs are. Areas with too few photographers are left empty, to protect their privacy.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Details: only grid cells holding photos are written. Per area: photos, distinct users and photo-user-days (one per user per day: a prolific uploader counts once a day, not once per photo); for each motif its count and share by the chosen measure; the dominant motif with its share and its margin over the second (ties go to the motif more common over the whole layer, then by name); Shannon diversity and its evenness; optionally the mean classifier confidence. Privacy: a polygon area with fewer distinct users than the minimum keeps its geometry, but every count and share is empty and 'suppressed' is true; such grid cells are left out altogether, and grid cells are at least 100 m wide unless you allow smaller ones knowingly. Photos without a user count as one user each; impossible dates (2020-02-30) count as undated. Overlapping areas (a district inside its city) each count every photo inside them; invalid polygons are repaired before counting; the log says so. The user and date fields are detected from the import (owner, taken_at) unless chosen. The grid is built in metres in the local UTM zone of the photos unless you choose a projected CRS; the output is in the grid's CRS, or in the polygon layer's CRS. The output GeoPackage stores two styles: dominant motif (default; colours as on the photo layer, opacity by dominant share) and diversity.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Classifier confidence field (optional: mean per area)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Areas (empty: a grid)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Grid cells</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Grid cell size (m)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Projected CRS of the grid (empty: local UTM zone)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Minimum users per area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Season (only photos taken then)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Allow grid cells under 100 m (they can locate single photographers: not for publishing)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Areas written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Areas suppressed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>CRS of the output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Points with a motif or class field, e.g. the result of 'Discover photo motifs'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Your districts as polygons; empty: a grid of hexagons or squares (advanced settings) over the photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>The side of a square or the width of a hexagon, in metres.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>An area photographed by fewer distinct users keeps its shape on the map, but its counts and shares are not published.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>The grid CRS {} is in degrees: choose a projected CRS in metres.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>The grid CRS counts in {}: cells of {:.6g} of them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Reading the photo layer column by column.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>{} areas written ({} suppressed), measure: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>A season needs the date taken field (such as taken_at): choose it, or all seasons.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Season {}: {} of {} photos were taken then.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>The photo layer has no located photos to summarise.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Train a photo classifier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>train,classifier,classes,model,lobe,examples,machine learning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Teaches the computer your own categories from examples, as Lobe does: give a folder with one subfolder of example photos per class (for example 'forest', 'street', 'lake'), or a photo layer whose field already holds a class (such as curated motifs). The result is a model folder that 'Classify photos with a model' applies to any photos, and a report that says honestly how often the model is right.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Details: embeddings come from the cache (computed when missing); a linear classifier (default) or a small neural network is trained on them, with class weights against imbalance and regularisation chosen by cross-validation. A stratified 80/20 split with a fixed seed, by user when the layer has an owner field (no person's photos on both sides; the accuracy of a random split is shown beside it), gives the evaluation (accuracy, balanced accuracy, per-class precision, recall and F1, confusion matrix, misclassified photos with a contact sheet); then the model is refitted on all photos. 'Fine-tune' (needs torch) first adapts the last stages of EfficientNet-Lite to the training photos within the time budget. The model folder holds model.onnx, signature.json in Lobe's format, the labels, the report and a model card. The model also learns when a photo fits none of the classes: from the training photos alone it measures how far photos of the known classes lie from the others, and 'Classify photos' calls a photo farther than that 'unknown'. 'None of these' example photos (food, selfies, screenshots...) teach it more about what to leave out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Training photos (class folders)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>…or a photo layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Class field of the layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Photo path field of the layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Keep together in the evaluation: user or burst field (empty: detected)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Classifier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Fine-tune: time budget in seconds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Share of photos kept for validation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Also run k-fold cross-validation (0 = no)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Weight classes against imbalance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Model name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Validation accuracy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Validation balanced accuracy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Accuracy of a random split (when validated by user)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Validation accuracy of the known classes with 'unknown'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Expected share of photos of the known classes called 'unknown'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Classes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Photos left out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Model file (model.onnx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Evaluation report (report.md)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Lobe's layout: one subfolder per class, named after the class, with example photos (a few dozen per class is a good start).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Linear: seconds, a good default. Neural network: sometimes better with many photos. Fine-tune: minutes to hours, adapts the image model itself.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>The validation photos and the cross-validation folds keep each user's photos (and each burst's) on one side, so the accuracy is what a new user's photos will get. Empty: the owner field when the layer has one, else burst_id. Class folders have no users.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Calibrated 'unknown': share of photos of the known classes that may be called unknown (0 = every photo gets a class)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>'None of these' photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Class that means 'none of these' (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Photos farther from the training photos than nearly all photos of the known classes are called 'unknown' when classifying. The threshold is chosen on training photos held out in turn, so that this share of photos of your classes is called unknown (0.03 = 3 %). Higher catches more unrelated photos and loses more of your classes' photos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Photos that belong to none of your classes (food, selfies, screenshots...), in any subfolders. They teach the model what to call 'unknown'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>A class value (a subfolder or a value of the class field) whose photos belong to none of the classes. A class named 'unknown' always does.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>No calibrated 'unknown' (switched off): every photo will get one of the classes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Calibrated 'unknown': a photo farther from the training photos than {:.0f} % of held-out photos of the known classes is called unknown (k = {}, threshold {:.4f}); expected share of photos of the known classes called unknown: {:.1f} %.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Validation with 'unknown': accuracy on the known classes {:.1f} % ({:.1f} % when every photo must get a class); {:.1f} % of their validation photos were called unknown.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>'None of these' examples: {} photos; {:.1f} % of their validation photos were called unknown.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Evaluation by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>No user or burst field: the validation photos are drawn at random, so near-duplicates of one person's photos may sit on both sides and flatter the accuracy.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Choose a folder of class subfolders or a photo layer with a class field.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Canceled while reading the layer; no model was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>{}, field {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Accuracy on photos of {} users not used for fitting: {}; on a random split: {} ({} points).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>A random split puts near-duplicates of the same people's photos on both sides and looks better than the model will do on new users' photos: the by-user figure is the honest one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Training needs photos of at least two classes; found {} class(es) in {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Left out: {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Seconds: {}; embeddings from the cache: {} ({})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Motifs from words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>clip,zero-shot,words,classes,names,prompts,unknown,classify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Sorts photos into classes you only name in words — 'church', 'graffiti', 'river at night', 'winter park' — without any example photos, using a CLIP model you added. Photos that fit none of the classes are marked 'unknown'. Each photo gets its class, how sure the model is and the next best classes; the result can also be saved as a model for 'Classify photos'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Details: write one class per line, or name a text file. A line 'graffiti: street art on a wall; a wall with graffiti' gives a class its own sentences; otherwise the name is put into each template ('a photo of a {}.' and five more, averaged as CLIP does). 'Unknown': a photo is unknown when generic sentences ('a photo of something') or a kind of photo you list as belonging to no class (for example selfie, food, screenshot) match it better than every class, or when its confidence is below the threshold. other_margin says by how much the best class beat the best of those (negative: unknown). Embeddings are cached as for every image model. Write class names and sentences in English: CLIP learnt mostly from English text.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Classes (one per line)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Templates, one per line with {} for the class (empty: CLIP's 'a photo of a {}.' family)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Kinds of photos that belong to no class (one per line, e.g. selfie, food): such photos become 'unknown'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Photos that generic sentences ('a photo of something') describe better than every class are 'unknown'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Photos with classes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Save as a model too</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Photos with a class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>0 = only the rule of the other sentences.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>One name (or 'name: sentence; sentence') per line, or a text file. For example:
church
river at night
graffiti: street art on a wall; a wall with graffiti
At least two classes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>A model folder (model.onnx, signature.json) that 'Classify photos' and Lobe's loaders run; photos the other sentences match get the class 'unknown (…)' there.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Name at least two classes, one per line.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>{} classes from {} sentences; 'other' entries: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Model for 'Classify photos' written to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Motifs from words ({})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>{} photos imported ({} with a location), {} files listed in the invalid table with their reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>  {}: {} — {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>The output '{}' cannot be created: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>The output '{}' cannot be written: {} is a file, not a folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>The output '{}' cannot be written: the folder {} is read-only. Choose another place.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>Writing the output '{}' failed {} ({}): the disk may be full or the file not writable. {} features had been written; the output is incomplete and must not be used.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>no reason given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>at feature {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>while saving the last features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>The output '{}' ({}) could not be completed: {}. The disk may be full. Nothing was saved under its name; the temporary file was removed.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
