<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="et">
    <context>
        <name>PhotoMotifs</name>
        <message>
            <location filename="../plugin/about.py" />
            <source>installed</source>
            <translation>paigaldatud</translation>
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>missing</source>
            <translation>puudu</translation>
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>To install what is missing:</source>
            <translation>Puuduva paigaldamiseks:</translation>
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>unavailable: {}</source>
            <translation>pole saadaval: {}</translation>
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>Maps of what people photograph: import geotagged photos, compute image embeddings, discover motifs by clustering, train and apply photo classifiers.</source>
            <translation>Kaardid sellest, mida inimesed pildistavad: geomärgistatud fotode import, piltide vektoresituste arvutamine, motiivide leidmine klasterdamisega, fotoklassifikaatorite treenimine ja kasutamine.</translation>
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>Offline and private.</source>
            <translation>Võrguta ja privaatne.</translation>
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>Everything runs on this computer. No photo, embedding or model is uploaded, no model hub or server is contacted, no network connection is made. Pretrained weights come from Python packages installed with the plugin.</source>
            <translation>Kõik töötab selles arvutis. Ühtegi fotot, vektoresitust ega mudelit ei laadita üles, ühegi mudelivaramu ega serveriga ei võeta ühendust, võrguühendust ei looda. Eeltreenitud kaalud tulevad koos pluginaga paigaldatud Pythoni pakettidest.</translation>
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>Your photos are only read: exports copy them, nothing is moved, renamed or deleted.</source>
            <translation>Sinu fotosid ainult loetakse: eksport teeb neist koopiad, midagi ei teisaldata, nimetata ümber ega kustutata.</translation>
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>Image models</source>
            <translation>Pildimudelid</translation>
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>Converted models are kept in {}.</source>
            <translation>Teisendatud mudeleid hoitakse kaustas {}.</translation>
        </message>
        <message>
            <location filename="../plugin/about.py" />
            <source>Python packages</source>
            <translation>Pythoni paketid</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Close</source>
            <translation>Sulge</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../core/messages.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Motif</source>
            <translation>Motiiv</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <location filename="../processing/alg_import_photos.py" />
            <location filename="../processing/alg_import_table.py" />
            <location filename="../core/options.py" />
            <source>Photos</source>
            <translation>Fotod</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Note</source>
            <translation>Märkus</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Select photos</source>
            <translation>Vali fotod</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Merge</source>
            <translation>Ühenda</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Not a motif</source>
            <translation>Pole motiiv</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Move</source>
            <translation>Teisalda</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>name of a new motif</source>
            <translation>uue motiivi nimi</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Split off</source>
            <translation>Eralda</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Field:</source>
            <translation>Väli:</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Merge the selected motifs into the largest of them; rename it afterwards (double-click its name).</source>
            <translation>Ühendab valitud motiivid neist suurimaga; nimeta see seejärel ümber (topeltklõps nimel).</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>The photos of the selected motifs belong to no motif (their original ids are kept, so this can be undone or redone).</source>
            <translation>Valitud motiivide fotod ei kuulu ühtegi motiivi (nende algsed tunnused jäävad alles, nii et seda saab tagasi võtta või uuesti teha).</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>to</source>
            <translation>motiivi</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Photos selected on the map or in the attribute table</source>
            <translation>Kaardil või atribuuditabelis valitud fotod</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <location filename="../processing/alg_rename_motifs.py" />
            <source>not a motif</source>
            <translation>pole motiiv</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>no motif (unreadable photos)</source>
            <translation>motiivita (loetamatud fotod)</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} photos selected</source>
            <translation>{} fotot valitud</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} merged into {}.</source>
            <translation>{} ühendati motiiviga {}.</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} renamed {}.</source>
            <translation>{} nimetati ümber: {}.</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} merged into {}: double-click the name to rename it.</source>
            <translation>{} ühendati motiiviga {}: ümbernimetamiseks tee nimel topeltklõps.</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{}: not a motif.</source>
            <translation>{}: pole motiiv.</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} photos moved to {}.</source>
            <translation>{} fotot teisaldati motiivi {}.</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} is already a motif: choose it under 'to' and press Move.</source>
            <translation>{} on juba motiiv: vali see loendist „motiivi” ja vajuta „Teisalda”.</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} photos split off as the new motif {}.</source>
            <translation>{} fotot eraldati uueks motiiviks {}.</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Photo Motifs — motifs, labels and review</source>
            <translation>Photo Motifs — motiivid, märgendid ja ülevaatus</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <location filename="../processing/alg_motiftime.py" />
            <source>Motifs</source>
            <translation>Motiivid</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Label</source>
            <translation>Märgenda</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Review</source>
            <translation>Ülevaatus</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Undo</source>
            <translation>Võta tagasi</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Redo</source>
            <translation>Tee uuesti</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Save edits</source>
            <translation>Salvesta muudatused</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Photo layer:</source>
            <translation>Fotokiht:</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>{} has no 'photo' field: choose a photo layer.</source>
            <translation>Kihil {} pole välja „photo”: vali fotokiht.</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Undo: {}</source>
            <translation>Võta tagasi: {}</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>The edits could not be saved: {}</source>
            <translation>Muudatusi ei õnnestunud salvestada: {}</translation>
        </message>
        <message>
            <location filename="../plugin/curation_dock.py" />
            <source>Edits saved in {}.</source>
            <translation>Muudatused salvestati kihti {}.</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Lobe's advice: at least {} photos per class to train, about {} for a good model.</source>
            <translation>Lobe'i soovitus: treenimiseks vähemalt {} fotot klassi kohta, hea mudeli jaoks umbes {}.</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>new class</source>
            <translation>uus klass</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Add class</source>
            <translation>Lisa klass</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>photos without a label</source>
            <translation>märgendita fotod</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>selected photos</source>
            <translation>valitud fotod</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>all photos</source>
            <translation>kõik fotod</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Start</source>
            <translation>Alusta</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Label selected photos</source>
            <translation>Märgenda valitud fotod</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Export labelled photos as class folders…</source>
            <translation>Ekspordi märgendatud fotod klassikaustadesse…</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Copies (never moves) every labelled photo into &lt;folder&gt;/&lt;class&gt;/, the layout Lobe, Orange and Teachable Machine read.</source>
            <translation>Kopeerib (ei teisalda kunagi) iga märgendatud foto kausta &lt;kaust&gt;/&lt;klass&gt;/ — seda paigutust loevad Lobe, Orange ja Teachable Machine.</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Label field:</source>
            <translation>Märgendi väli:</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Step through:</source>
            <translation>Sammu läbi:</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>at least {} to train</source>
            <translation>treenimiseks vähemalt {}</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>more is better ({})</source>
            <translation>rohkem on parem ({})</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>good</source>
            <translation>hea</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>{}   {} — {} photos ({})</source>
            <translation>{}   {} — {} fotot ({})</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Keys: {} · 0 skip · ← back</source>
            <translation>Klahvid: {} · 0 jäta vahele · ← tagasi</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Add the classes you want to teach, then press Start.</source>
            <translation>Lisa klassid, mida tahad õpetada, ja vajuta „Alusta”.</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>&lt;b&gt;Label:&lt;/b&gt; {}</source>
            <translation>&lt;b&gt;Märgend:&lt;/b&gt; {}</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>&lt;b&gt;Motif:&lt;/b&gt; {}</source>
            <translation>&lt;b&gt;Motiiv:&lt;/b&gt; {}</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Label {} photos as {}</source>
            <translation>Märgenda {} fotot klassiga {}</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>No class has the key {}: add classes first.</source>
            <translation>Klahvil {} pole klassi: lisa esmalt klassid.</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>{} photos labelled {}.</source>
            <translation>{} fotot märgendati klassiga {}.</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Folder for the class folders</source>
            <translation>Kaust klassikaustade jaoks</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Copying the labelled photos</source>
            <translation>Märgendatud fotode kopeerimine</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>{} photos copied into {} class folders in {}.</source>
            <translation>{} fotot kopeeriti {} klassikausta asukohas {}.</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>The export did not finish.</source>
            <translation>Eksport ei lõppenud.</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>least sure first</source>
            <translation>kõige ebakindlamad eespool</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>where the class differs from</source>
            <translation>kus klass erineb väljast</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>photos called 'unknown'</source>
            <translation>fotod klassiga „unknown”</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>leave out photos that have a label</source>
            <translation>jäta välja märgendiga fotod</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Start review</source>
            <translation>Alusta ülevaatust</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Class field:</source>
            <translation>Klassi väli:</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>no prediction</source>
            <translation>ennustus puudub</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>&lt;b&gt;{}:&lt;/b&gt; {}</source>
            <translation>&lt;b&gt;{}:&lt;/b&gt; {}</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>No class has the key {}: add classes in the Label tab.</source>
            <translation>Klahvil {} pole klassi: lisa klassid sakil „Märgenda”.</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>The model gave no class to confirm: press the key of the right class.</source>
            <translation>Mudel ei andnud klassi, mida kinnitada: vajuta õige klassi klahvi.</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Enter: the class is right · keys: {} · 0 skip · ← back</source>
            <translation>Enter: klass on õige · klahvid: {} · 0 jäta vahele · ← tagasi</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Reviewed {}: {} confirmed, {} corrected (they are labels now).</source>
            <translation>Üle vaadatud {}: {} kinnitatud, {} parandatud (need on nüüd märgendid).</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>The model was right on {:.0%} of the reviewed photos.</source>
            <translation>Mudel oli õige {:.0%} üle vaadatud fotodest.</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Train from labels</source>
            <translation>Treeni märgenditest</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Cancel</source>
            <translation>Katkesta</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Retrain with the corrections</source>
            <translation>Treeni parandustega uuesti</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Label photos of at least two classes (at least {} each, as Lobe advises) to train.</source>
            <translation>Treenimiseks märgenda vähemalt kahe klassi fotosid (Lobe'i soovitusel igaühest vähemalt {}).</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>Training in the background: you can go on labelling.</source>
            <translation>Treenimine käib taustal: võid märgendamist jätkata.</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>&lt;b&gt;Hold-out accuracy {}&lt;/b&gt; (previous model: {}).</source>
            <translation>&lt;b&gt;Valideerimise täpsus {}&lt;/b&gt; (eelmine mudel: {}).</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>{} corrections were used; before retraining the model was right on {} of the reviewed photos.</source>
            <translation>Kasutati {} parandust; enne uut treenimist oli mudel õige {} üle vaadatud fotodest.</translation>
        </message>
        <message>
            <location filename="../plugin/label_review.py" />
            <source>{} photos have new predictions; model: {}</source>
            <translation>{} fotol on uued ennustused; mudel: {}</translation>
        </message>
        <message>
            <location filename="../plugin/main.py" />
            <source>Photo Motifs: from photos to a map…</source>
            <translation>Photo Motifs: fotodest kaardini…</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Photo viewer</source>
            <translation>Fotovaatur</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Browse motifs…</source>
            <translation>Sirvi motiive…</translation>
        </message>
        <message>
            <location filename="../plugin/main.py" />
            <source>Motifs, labels and review</source>
            <translation>Motiivid, märgendid ja ülevaatus</translation>
        </message>
        <message>
            <location filename="../plugin/main.py" />
            <source>About, privacy and setup…</source>
            <translation>Teave, privaatsus ja paigaldus…</translation>
        </message>
        <message>
            <location filename="../processing/workflows/__init__.py" />
            <source>Photo Motifs</source>
            <translation>Photo Motifs</translation>
        </message>
        <message>
            <location filename="../plugin/main.py" />
            <source>Single steps (Processing)</source>
            <translation>Üksikud sammud (töötlemine)</translation>
        </message>
        <message>
            <location filename="../plugin/main.py" />
            <source>&amp;Photo Motifs</source>
            <translation>&amp;Photo Motifs</translation>
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>Give a name.</source>
            <translation>Anna nimi.</translation>
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>A name beginning with {} is run as a formula by spreadsheets; write it without that sign.</source>
            <translation>Märgiga {} algavat nime käivitavad tabelarvutusprogrammid valemina; kirjuta see ilma selle märgita.</translation>
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>This name is reserved for photos that are not a motif: use 'Not a motif' instead.</source>
            <translation>See nimi on reserveeritud fotodele, mis pole motiiv: kasuta selle asemel nuppu „Pole motiiv”.</translation>
        </message>
        <message>
            <location filename="../plugin/training.py" />
            <source>The layer {} cannot be edited (read-only file or data source).</source>
            <translation>Kihti {} ei saa muuta (kirjutuskaitstud fail või andmeallikas).</translation>
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>The field {} cannot be added to the layer {}.</source>
            <translation>Välja {} ei saa kihile {} lisada.</translation>
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>The field {} holds numbers; name the motifs with 'Rename and merge motifs', which writes them as text.</source>
            <translation>Väljas {} on arvud; nimeta motiivid tööriistaga „Nimeta ja ühenda motiive”, mis kirjutab need tekstina.</translation>
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>Rename motif {} to {}</source>
            <translation>Nimeta motiiv {} ümber: {}</translation>
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>Merge {} into {}</source>
            <translation>Ühenda {} motiiviga {}</translation>
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>Mark {} as not a motif</source>
            <translation>Märgi {}: pole motiiv</translation>
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>Mark {} photos as not a motif</source>
            <translation>Märgi {} fotot: pole motiiv</translation>
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>Move {} photos to {}</source>
            <translation>Teisalda {} fotot motiivi {}</translation>
        </message>
        <message>
            <location filename="../plugin/motif_edits.py" />
            <source>The style is kept in the project; only GeoPackage files store it with the layer.</source>
            <translation>Stiil jääb projekti; kihiga koos salvestavad stiili ainult GeoPackage-failid.</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>Photo Motifs style</source>
            <translation>Photo Motifsi stiil</translation>
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Name suggestions (CLIP model)</source>
            <translation>Nimesoovitused (CLIP-mudel)</translation>
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>A folder made by 'Add a CLIP model' (image.onnx, text.onnx).</source>
            <translation>Kaust, mille tegi tööriist „Lisa CLIP-mudel” (image.onnx, text.onnx).</translation>
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Suggest names…</source>
            <translation>Soovita nimesid…</translation>
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Double-click a suggestion to give it to the selected motif.</source>
            <translation>Topeltklõps soovitusel annab selle nime valitud motiivile.</translation>
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Words to choose from (commas or lines):</source>
            <translation>Sõnad, mille seast valida (komade või ridadena):</translation>
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Give some words, and a motif whose photos can be read.</source>
            <translation>Anna mõned sõnad ja motiiv, mille fotosid saab lugeda.</translation>
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Looking at the {} most typical photos of {} with CLIP…</source>
            <translation>Vaatan CLIP-iga {} kõige tüüpilisemat fotot motiivist {}…</translation>
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Name suggestions for {}</source>
            <translation>Nimesoovitused motiivile {}</translation>
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>No names could be suggested: {}</source>
            <translation>Nimesid ei õnnestunud soovitada: {}</translation>
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>cancelled</source>
            <translation>katkestatud</translation>
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>{}  ({:.0%} of the photos' votes, best word for {:.0%} of them)</source>
            <translation>{}  ({:.0%} fotode häältest, parim sõna {:.0%} fotole)</translation>
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>Names for {}: double-click one to use it.</source>
            <translation>Nimed motiivile {}: kasutamiseks tee topeltklõps.</translation>
        </message>
        <message>
            <location filename="../plugin/name_suggestions.py" />
            <source>None of the motif's photos could be read.</source>
            <translation>Ühtegi motiivi fotot ei õnnestunud lugeda.</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>1  Photos</source>
            <translation>1  Fotod</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>A folder of photos (with subfolders)</source>
            <translation>Fotode kaust (koos alamkaustadega)</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>A metadata table (Flickr) and its photo folder</source>
            <translation>Metaandmete tabel (Flickr) ja selle fotokaust</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>A photo layer of this project</source>
            <translation>Selle projekti fotokiht</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Tables (*.csv *.xlsx *.gpkg *.txt)</source>
            <translation>Tabelid (*.csv *.xlsx *.gpkg *.txt)</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>metadata table (CSV, XLSX)</source>
            <translation>metaandmete tabel (CSV, XLSX)</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>folder of the downloaded photos</source>
            <translation>allalaaditud fotode kaust</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>photo field</source>
            <translation>fotoväli</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Show the photos that could not be mapped</source>
            <translation>Näita fotosid, mida ei saanud kaardile panna</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Locate them with a metadata table…</source>
            <translation>Paiguta need metaandmete tabeliga…</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Photos without GPS can still be clustered, classified and exported; a table with their coordinates (e.g. from Flickr) puts them on the map.</source>
            <translation>GPS-ita fotosid saab ikkagi rühmitada, klassifitseerida ja eksportida; nende koordinaatidega tabel (nt Flickrist) paneb need kaardile.</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Harvest from Flickr…</source>
            <translation>Kogu Flickrist…</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>{} photos in the layer.</source>
            <translation>Kihis on {} fotot.</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>The folder does not exist.</source>
            <translation>Kausta ei ole olemas.</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Counting the photos…</source>
            <translation>Loendan fotosid…</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Counting photos</source>
            <translation>Fotode loendamine</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Choose the table and the folder of its photos.</source>
            <translation>Vali tabel ja selle fotode kaust.</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>The table or the folder does not exist.</source>
            <translation>Tabelit või kausta pole olemas.</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Reading the table and joining it to the photos…</source>
            <translation>Loen tabelit ja seon selle fotodega…</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Joining the table</source>
            <translation>Tabeli sidumine</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>The folder cannot be read: {}</source>
            <translation>Kausta ei saa lugeda: {}</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>{} photo files found in the folder and its subfolders.</source>
            <translation>Kaustast ja selle alamkaustadest leiti {} fotofaili.</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>The table cannot be used: {}</source>
            <translation>Tabelit ei saa kasutada: {}</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>{} table rows, {} photo files: {} rows joined to a photo ({} with a location); {} files are in no row.</source>
            <translation>{} tabelirida, {} fotofaili: {} rida seotud fotoga ({} asukohaga); {} faili pole üheski reas.</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>{} photos imported, {} with a location; {} files could not be mapped.</source>
            <translation>{} fotot imporditud, {} asukohaga; {} faili ei saanud kaardile panna.</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>None has a location: they are grouped and classified, but not on the map.</source>
            <translation>Ühelgi pole asukohta: need rühmitatakse ja klassifitseeritakse, kuid kaardile ei jõua.</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>2  Embeddings</source>
            <translation>2  Vektoresitused</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>CLIP: {}</source>
            <translation>CLIP: {}</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Image model</source>
            <translation>Pildimudel</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Embedding cache (*.sqlite)</source>
            <translation>Vektoresituste vahemälu (*.sqlite)</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>embeddings.sqlite in the project folder</source>
            <translation>embeddings.sqlite projekti kaustas</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <location filename="../processing/alg_bursts.py" />
            <location filename="../processing/alg_cluster.py" />
            <location filename="../processing/alg_embed.py" />
            <source>Embedding cache</source>
            <translation>Vektoresituste vahemälu</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Runs on this computer; nothing is uploaded.</source>
            <translation>Töötab selles arvutis; midagi ei laadita üles.</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>3  Motifs or classes</source>
            <translation>3  Motiivid või klassid</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Discover motifs (group photos that look alike)</source>
            <translation>Leia motiivid (rühmita sarnase välimusega fotod)</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Classify with a model</source>
            <translation>Klassifitseeri mudeliga</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Train a model from class folders, then classify</source>
            <translation>Treeni klassikaustadest mudel, seejärel klassifitseeri</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <location filename="../core/options.py" />
            <source>automatic</source>
            <translation>automaatne</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Leave at 'automatic' to let the photos decide how many motifs there are.</source>
            <translation>Jäta väärtuseks „automaatne”, et fotod ise otsustaksid, mitu motiivi on.</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Model (signature.json *.onnx)</source>
            <translation>Mudel (signature.json *.onnx)</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>A model folder's signature.json (ours or a Lobe ONNX export) or an .onnx file</source>
            <translation>Mudelikausta signature.json (meie oma või Lobe'i ONNX-eksport) või .onnx-fail</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Labels (*.txt)</source>
            <translation>Sildid (*.txt)</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>labels file, only for a bare .onnx model</source>
            <translation>siltide fail, ainult pelgalt .onnx-mudeli jaoks</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>folder with one subfolder of photos per class</source>
            <translation>kaust, milles on iga klassi jaoks fotode alamkaust</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>number of motifs</source>
            <translation>motiivide arv</translation>
        </message>
        <message>
            <location filename="../plugin/pages.py" />
            <source>Draw an arrow in the direction of view where the photo recorded one</source>
            <translation>Joonista vaatesuunas nool, kui foto on suuna salvestanud</translation>
        </message>
        <message>
            <location filename="../plugin/photo_stepper.py" />
            <source>Press Start to step through the photos.</source>
            <translation>Fotode läbisammumiseks vajuta „Alusta”.</translation>
        </message>
        <message>
            <location filename="../plugin/photo_stepper.py" />
            <source>Previous photo (←)</source>
            <translation>Eelmine foto (←)</translation>
        </message>
        <message>
            <location filename="../plugin/photo_stepper.py" />
            <source>Skip this photo (0 or →)</source>
            <translation>Jäta see foto vahele (0 või →)</translation>
        </message>
        <message>
            <location filename="../plugin/photo_stepper.py" />
            <source>Done: every photo of this list has had its turn.</source>
            <translation>Valmis: selle loendi iga foto on läbi vaadatud.</translation>
        </message>
        <message>
            <location filename="../plugin/photo_stepper.py" />
            <source>No photos to step through.</source>
            <translation>Pole fotosid, mida läbi sammuda.</translation>
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>No photo path</source>
            <translation>Foto failitee puudub</translation>
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Loading…</source>
            <translation>Laadin…</translation>
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>The photo cannot be read.</source>
            <translation>Fotot ei saa lugeda.</translation>
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>{} of {}</source>
            <translation>{} / {}</translation>
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Photo Motifs — photo viewer</source>
            <translation>Photo Motifs — fotovaatur</translation>
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Select a photo on the map or in the attribute table.</source>
            <translation>Vali foto kaardil või atribuuditabelis.</translation>
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Previous photo</source>
            <translation>Eelmine foto</translation>
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Next photo</source>
            <translation>Järgmine foto</translation>
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Other photos of this motif</source>
            <translation>Selle motiivi teised fotod</translation>
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>All photos of this motif…</source>
            <translation>Selle motiivi kõik fotod…</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Training report</source>
            <translation>Treeningu aruanne</translation>
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Tip: View › Show Map Tips shows the photo when the mouse rests on a point.</source>
            <translation>Vihje: Vaade › Näita kaardivihjeid näitab fotot, kui hiir peatub punktil.</translation>
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>No photo selected</source>
            <translation>Ühtegi fotot pole valitud</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>Class</source>
            <translation>Klass</translation>
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>unreadable photo</source>
            <translation>loetamatu foto</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>Taken</source>
            <translation>Pildistatud</translation>
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>(no photo path)</source>
            <translation>(foto failitee puudub)</translation>
        </message>
        <message>
            <location filename="../plugin/photodock.py" />
            <source>Other photos of {} ({})</source>
            <translation>Motiivi {} teised fotod ({})</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Motifs — {}</source>
            <translation>Motiivid — {}</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Classes — {} — {}</source>
            <translation>Klassid — {} — {}</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>run {}</source>
            <translation>käivitus {}</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Unknown {}: {}.</source>
            <translation>Tundmatu {}: {}.</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>image model</source>
            <translation>pildimudel</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <location filename="../processing/alg_import_photos.py" />
            <source>Choose the folder that holds the photos.</source>
            <translation>Vali kaust, milles fotod on.</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Choose the metadata table and the folder of the downloaded photos.</source>
            <translation>Vali metaandmete tabel ja allalaaditud fotode kaust.</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Choose the folder with one subfolder of example photos per class.</source>
            <translation>Vali kaust, milles on iga klassi jaoks üks näidisfotode alamkaust.</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>training method</source>
            <translation>treenimismeetod</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Choose the model: the signature.json of a model folder, or an .onnx file.</source>
            <translation>Vali mudel: mudelikausta signature.json või .onnx-fail.</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Reading the photos' locations</source>
            <translation>Loen fotode asukohti</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Joining the table to the photos</source>
            <translation>Seon tabelit fotodega</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Training the classifier</source>
            <translation>Treenin klassifikaatorit</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Discovering motifs</source>
            <translation>Otsin motiive</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Classifying the photos</source>
            <translation>Klassifitseerin fotosid</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Choose a project folder: every result of the run is saved there.</source>
            <translation>Vali projekti kaust: kõik käivituse tulemused salvestatakse sinna.</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Choose where the photos come from and what to do with them.</source>
            <translation>Vali, kust fotod tulevad ja mida nendega teha.</translation>
        </message>
        <message>
            <location filename="../plugin/plan.py" />
            <source>Choose a photo layer of the project.</source>
            <translation>Vali projekti fotokiht.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>photos</source>
            <translation>fotode</translation>
        </message>
        <message>
            <location filename="../plugin/report_view.py" />
            <source>Training report — {}</source>
            <translation>Treeningu aruanne — {}</translation>
        </message>
        <message>
            <location filename="../plugin/report_view.py" />
            <source>Open the model folder</source>
            <translation>Ava mudeli kaust</translation>
        </message>
        <message>
            <location filename="../plugin/report_view.py" />
            <source>The report {} does not exist (any more).</source>
            <translation>Aruannet {} pole (enam) olemas.</translation>
        </message>
        <message>
            <location filename="../plugin/report_view.py" />
            <source>Motif map — {}</source>
            <translation>Motiivikaart — {}</translation>
        </message>
        <message>
            <location filename="../plugin/report_view.py" />
            <source>The map was written to {}.</source>
            <translation>Kaart kirjutati faili {}.</translation>
        </message>
        <message>
            <location filename="../plugin/report_view.py" />
            <source>Open the PDF</source>
            <translation>Ava PDF</translation>
        </message>
        <message>
            <location filename="../plugin/report_view.py" />
            <source>Open the folder</source>
            <translation>Ava kaust</translation>
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>No motif was found: no photo could be read. Nothing was added to the project.</source>
            <translation>Ühtegi motiivi ei leitud: ühtegi fotot ei saanud lugeda. Projekti ei lisatud midagi.</translation>
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>No photo was classified ({} could not be read). Nothing was added to the project; the notes are in {}.</source>
            <translation>Ühtegi fotot ei klassifitseeritud ({} ei saanud lugeda). Projekti ei lisatud midagi; märkused on failis {}.</translation>
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>Run {} — {}</source>
            <translation>Käivitus {} — {}</translation>
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>Done: {} motifs among {} photos in “{}”.</source>
            <translation>Valmis: {} motiivi {} foto seas kihis „{}”.</translation>
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>{} of them hold fewer than {} photos and are probably not motifs (marked “tiny” in the legend): look at them in the motif browser, or run again with fewer motifs.</source>
            <translation>Neist {} sisaldab vähem kui {} fotot ja pole tõenäoliselt motiivid (legendis märgitud „pisike”): vaata neid motiivisirvijas või käivita uuesti väiksema motiivide arvuga.</translation>
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>Done: {} photos classified in “{}”.</source>
            <translation>Valmis: {} fotot klassifitseeritud kihis „{}”.</translation>
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>{} of {} photos have no location: they are in the layer (attribute table, photo viewer, exports) but not on the map.</source>
            <translation>{} fotol {}-st pole asukohta: need on kihis (atribuuditabel, fotovaatur, ekspordid), kuid mitte kaardil.</translation>
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>{} photos could not be read: grey crosses on the map, the reason in the note field.</source>
            <translation>{} fotot ei saanud lugeda: kaardil hallid ristid, põhjus märkuse väljal.</translation>
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>Details</source>
            <translation>Üksikasjad</translation>
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>Motif summary — {}</source>
            <translation>Motiivide kokkuvõte — {}</translation>
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>squares</source>
            <translation>ruudud</translation>
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>hexagons</source>
            <translation>kuusnurgad</translation>
        </message>
        <message>
            <location filename="../plugin/results.py" />
            <source>Motif summary — {} {} m</source>
            <translation>Motiivide kokkuvõte — {} {} m</translation>
        </message>
        <message>
            <location filename="../plugin/tasks.py" />
            <source>The algorithm {} is not available: is the Photo Motifs provider enabled in the Processing settings?</source>
            <translation>Algoritm {} pole saadaval: kas Photo Motifsi pakkuja on töötlemise seadetes lubatud?</translation>
        </message>
        <message>
            <location filename="../plugin/tasks.py" />
            <source>Cancelled during “{}”.</source>
            <translation>Katkestati sammu „{}” ajal.</translation>
        </message>
        <message>
            <location filename="../plugin/tasks.py" />
            <source>see the log</source>
            <translation>vt logi</translation>
        </message>
        <message>
            <location filename="../plugin/tasks.py" />
            <source>“{}” failed: {}</source>
            <translation>„{}” ebaõnnestus: {}</translation>
        </message>
        <message>
            <location filename="../plugin/tasks.py" />
            <source>“{}” stopped without a result: the error is in the QGIS message log (Python tab).</source>
            <translation>„{}” peatus ilma tulemuseta: viga on QGIS-i teatelogis (Pythoni kaart).</translation>
        </message>
        <message>
            <location filename="../plugin/thumbnail_loader.py" />
            <source>The thumbnail cannot be read.</source>
            <translation>Pisipilti ei saa lugeda.</translation>
        </message>
        <message>
            <location filename="../plugin/thumbnail_loader.py" />
            <source>The photo cannot be read: {}</source>
            <translation>Fotot ei saa lugeda: {}</translation>
        </message>
        <message>
            <location filename="../plugin/training.py" />
            <source>Training from the labels</source>
            <translation>Märgenditest treenimine</translation>
        </message>
        <message>
            <location filename="../plugin/training.py" />
            <source>Classifying the photos with the new model</source>
            <translation>Fotode klassifitseerimine uue mudeliga</translation>
        </message>
        <message>
            <location filename="../plugin/training.py" />
            <source>Predictions of {}</source>
            <translation>Mudeli {} ennustused</translation>
        </message>
        <message>
            <location filename="../plugin/training.py" />
            <source>Training was cancelled; the layer is unchanged.</source>
            <translation>Treenimine katkestati; kiht on muutmata.</translation>
        </message>
        <message>
            <location filename="../plugin/training.py" />
            <source>The predictions {} cannot be read.</source>
            <translation>Ennustusi {} ei saa lugeda.</translation>
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Photo Motifs — contact sheets</source>
            <translation>Photo Motifs — kontaktlehed</translation>
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Open folder…</source>
            <translation>Ava kaust…</translation>
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Folder with contact sheets</source>
            <translation>Kontaktlehtede kaust</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <location filename="../processing/alg_import_photos.py" />
            <location filename="../processing/alg_import_table.py" />
            <location filename="../processing/alg_train.py" />
            <source>The folder {} does not exist.</source>
            <translation>Kausta {} ei ole olemas.</translation>
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>No contact sheets in this folder.</source>
            <translation>Selles kaustas pole kontaktlehti.</translation>
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Photo Motifs — motifs</source>
            <translation>Photo Motifs — motiivid</translation>
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Contact sheet (PNG)…</source>
            <translation>Kontaktleht (PNG)…</translation>
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Motifs (most photos first)</source>
            <translation>Motiivid (kõige rohkemate fotodega eespool)</translation>
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Choose a layer with motifs (the result of Discover motifs) or classes.</source>
            <translation>Vali kiht motiivide (motiivide leidmise tulemus) või klassidega.</translation>
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>{} ({} photos)</source>
            <translation>{} ({} fotot)</translation>
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>tiny</source>
            <translation>pisike</translation>
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>Photo Motifs — motifs of “{}”</source>
            <translation>Photo Motifs — kihi „{}” motiivid</translation>
        </message>
        <message>
            <location filename="../plugin/viewer.py" />
            <source>{}: {} photos, most typical first. Click a photo to select it on the map.</source>
            <translation>{}: {} fotot, kõige tüüpilisemad eespool. Klõpsa fotol, et see kaardil valida.</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Photo Motifs — from photos to a map</source>
            <translation>Photo Motifs — fotodest kaardini</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Project folder (all results are saved here):</source>
            <translation>Projekti kaust (kõik tulemused salvestatakse siia):</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Run</source>
            <translation>Käivita</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Cancel run</source>
            <translation>Katkesta käivitus</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>4  Result</source>
            <translation>4  Tulemus</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Choose the photos and press Run.</source>
            <translation>Vali fotod ja vajuta „Käivita”.</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>The log of the running step appears here.</source>
            <translation>Käimasoleva sammu logi ilmub siia.</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Export to folders and tables…</source>
            <translation>Ekspordi kaustadesse ja tabelitesse…</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Summarize by area…</source>
            <translation>Koonda alade kaupa…</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Motif map (PDF)…</source>
            <translation>Motiivikaart (PDF)…</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Open the project folder</source>
            <translation>Ava projekti kaust</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>The project folder cannot be written: {}</source>
            <translation>Projekti kausta ei saa kirjutada: {}</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Cancelling “{}”…</source>
            <translation>Katkestan sammu „{}”…</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Step {} of {}: {}</source>
            <translation>Samm {} / {}: {}</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Steps finished before: {}.</source>
            <translation>Enne lõpetatud sammud: {}.</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>No step had finished.</source>
            <translation>Ükski samm polnud lõpetanud.</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Cancelled. {} Nothing was added to the project; files already written stay in {}.</source>
            <translation>Katkestatud. {} Projekti ei lisatud midagi; juba kirjutatud failid jäävad kausta {}.</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>The result layer {} cannot be opened.</source>
            <translation>Tulemuskihti {} ei saa avada.</translation>
        </message>
        <message>
            <location filename="../plugin/workflow.py" />
            <source>Photos that could not be mapped</source>
            <translation>Fotod, mida ei saanud kaardile panna</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>{} — {} photos</source>
            <translation>{} — {} fotot</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>most typical first</source>
            <translation>kõige tüüpilisemad eespool</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>The motif layer is complete; {} of {} contact sheets were written to {} before the cancel request (no overview).</source>
            <translation>Motiivide kiht on valmis; enne katkestamist kirjutati {} kontaktlehte {}-st kausta {} (ülevaateta).</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>only http and https addresses are requested</source>
            <translation>päringuid tehakse ainult http- ja https-aadressidele</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>no data for {} s</source>
            <translation>{} s jooksul ei tulnud andmeid</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Choose the authentication configuration that holds your Flickr API key (see the help: Settings &gt; Options &gt; Authentication, a 'Basic' configuration with the key as its password).</source>
            <translation>Vali autentimisseadistus, milles on sinu Flickri API-võti (vt abi: Seaded &gt; Valikud &gt; Autentimine, „Basic” seadistus, mille paroolina on võti).</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>QGIS's authentication system is disabled ({}), so the Flickr API key cannot be read.</source>
            <translation>QGIS-i autentimissüsteem on välja lülitatud ({}), seega ei saa Flickri API-võtit lugeda.</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>The authentication configuration '{}' could not be read: it does not exist, or QGIS's master password was not given (on the command line, point the environment variable QGIS_AUTH_PASSWORD_FILE at a file holding it).</source>
            <translation>Autentimisseadistust „{}” ei õnnestunud lugeda: seda pole olemas või QGIS-i ülemparooli ei antud (käsureal suuna keskkonnamuutuja QGIS_AUTH_PASSWORD_FILE failile, milles see on).</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>The authentication configuration '{}' holds no key: store the Flickr API key as the password of a 'Basic' configuration.</source>
            <translation>Autentimisseadistuses „{}” pole võtit: salvesta Flickri API-võti „Basic” seadistuse paroolina.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>QGIS cannot read {} as a table.</source>
            <translation>QGIS ei suuda faili {} tabelina lugeda.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>photo-user-days</source>
            <translation>foto-kasutaja-päevade</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>distinct users</source>
            <translation>erinevate kasutajate</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Motif summary</source>
            <translation>Motiivide kokkuvõte</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The areas could not be transformed from {} to {}: the map would show them in the wrong place. Run the map again; if it persists, choose a summary in a projected CRS.</source>
            <translation>Alasid ei saanud teisendada koordinaatsüsteemist {} süsteemi {}: kaart näitaks neid vales kohas. Käivita kaart uuesti; kui viga püsib, vali projitseeritud koordinaatsüsteemis kokkuvõte.</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>The layer is complete; {} of {} contact sheets were written to {} before the cancel request (no overview).</source>
            <translation>Kiht on valmis; enne katkestamist kirjutati {} kontaktlehte {}-st kausta {} (ülevaadet pole).</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>The photos could not be transformed from {} to {}: the grid would put them all at 0, 0. Run the summary again; if it persists, choose the grid CRS.</source>
            <translation>Fotosid ei saanud teisendada koordinaatsüsteemist {} süsteemi {}: ruudustik paneks need kõik punkti 0, 0. Käivita kokkuvõte uuesti; kui viga püsib, vali ruudustiku koordinaatsüsteem.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Runs entirely on this computer: no photo, embedding or model is sent anywhere and no network connection is made.</source>
            <translation>Töötab täielikult selles arvutis: ühtegi fotot, vektoresitust ega mudelit ei saadeta kuhugi ja võrguühendust ei looda.</translation>
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>The motif names are kept in the layer's values; a names table (with notes and colours) is stored only in GeoPackage files.</source>
            <translation>Motiivide nimed on kihi väärtustes; nimede tabel (märkuste ja värvidega) salvestatakse ainult GeoPackage-failidesse.</translation>
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>Row {row}: the new name '{new}' begins with '{first}', which spreadsheets run as a formula; write it without that sign (an empty new name means 'not a motif').</source>
            <translation>Rida {row}: uus nimi „{new}” algab märgiga „{first}”, mida tabelarvutusprogrammid käivitavad valemina; kirjuta see ilma selle märgita (tühi uus nimi tähendab „pole motiiv”).</translation>
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>Row {row}: '{new}' is reserved; choose another name.</source>
            <translation>Rida {row}: „{new}” on reserveeritud; vali muu nimi.</translation>
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>Row {row} has no old motif; it is skipped.</source>
            <translation>Real {row} pole vana motiivi; see jäetakse vahele.</translation>
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>Row {row}: '{old}' is no motif of this layer; the row is skipped.</source>
            <translation>Rida {row}: „{old}” pole selle kihi motiiv; rida jäetakse vahele.</translation>
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>Row {row} repeats row {first} ('{old}'); it is used once.</source>
            <translation>Rida {row} kordab rida {first} („{old}”); seda kasutatakse üks kord.</translation>
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>Row {row} gives '{old}' the name '{new}', row {first} gave it '{first_new}': keep one of the two rows.</source>
            <translation>Rida {row} annab motiivile „{old}” nime „{new}”, rida {first} andis talle nime „{first_new}”: jäta alles üks neist ridadest.</translation>
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>No old motif of the mapping is in the layer; its motifs are: {motifs}.</source>
            <translation>Ühtegi vastavustabeli vana motiivi pole kihis; kihi motiivid on: {motifs}.</translation>
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>The field holds no motif in any photo: there is nothing to rename.</source>
            <translation>Väljal pole ühelgi fotol motiivi: ümber nimetada pole midagi.</translation>
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>Row {row}: the colour '{colour}' is not #RRGGBB; the palette chooses one.</source>
            <translation>Rida {row}: värv „{colour}” pole kujul #RRGGBB; värvi valib palett.</translation>
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>The names '{names}' differ only in upper/lower case: they stay separate motifs, but exported folders merge on Windows and macOS.</source>
            <translation>Nimed „{names}” erinevad ainult suur- ja väiketähtede poolest: need jäävad eraldi motiivideks, kuid eksporditud kaustad liituvad Windowsis ja macOS-is.</translation>
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>… and {} more rows like these (rows {} to {}).</source>
            <translation>… ja veel {} sellist rida (read {}–{}).</translation>
        </message>
        <message>
            <location filename="../processing/motif_names.py" />
            <source>… and {} more like these.</source>
            <translation>… ja veel {} samasugust.</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>the file does not open as a layer</source>
            <translation>faili ei saa kihina avada</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>{} of {} features read back</source>
            <translation>tagasi loeti {} objekti {}-st</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Photos: photo layer</source>
            <translation>Fotod: fotokiht</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>A point layer made by 'Read photo folder' or 'Read photo metadata table' (or any layer with a field holding photo paths). Leave empty to use a folder.</source>
            <translation>Tööriistaga „Loe fotokaust” või „Loe fotode metaandmete tabel” tehtud punktikiht (või mis tahes kiht, mille väljas on fotode failiteed). Jäta tühjaks, et kasutada kausta.</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <location filename="../processing/alg_bursts.py" />
            <location filename="../processing/alg_export_groups.py" />
            <source>Field with the photo path</source>
            <translation>Fotode failitee väli</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Relative paths are read from the folder of the layer's file.</source>
            <translation>Suhtelisi failiteid loetakse kihi faili kaustast.</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Photos: or a folder of photos</source>
            <translation>Fotod: või fotode kaust</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Every photo in this folder, when no photo layer is chosen. The photos are only read, never changed.</source>
            <translation>Kõik selle kausta fotod, kui fotokihti pole valitud. Fotosid ainult loetakse, neid ei muudeta kunagi.</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <location filename="../processing/alg_import_photos.py" />
            <location filename="../processing/alg_import_table.py" />
            <source>Include subfolders</source>
            <translation>Kaasa alamkaustad</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>The layer has no field '{}'. Choose the field that holds the photo paths (the 'photo' field of layers made by 'Read photo folder').</source>
            <translation>Kihil pole välja „{}”. Vali väli, milles on fotode failiteed (tööriistaga „Loe fotokaust” tehtud kihtidel väli „photo”).</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <location filename="../processing/alg_import_photos.py" />
            <source>{} is a file; choose the folder that holds the photos.</source>
            <translation>{} on fail; vali kaust, milles fotod on.</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Choose a photo layer or a folder of photos.</source>
            <translation>Vali fotokiht või fotode kaust.</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>The photo path {} is relative and the layer has no file whose folder it could be relative to; it was not read (never from the working folder).</source>
            <translation>Foto asukoht {} on suhteline ja kihil pole faili, mille kausta suhtes seda lugeda; fotot ei loetud (töökaustast ei loeta kunagi).</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Image model (backbone)</source>
            <translation>Pildimudel (põhivõrk)</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Own ONNX image model</source>
            <translation>Oma ONNX-pildimudel</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>CLIP model folder (when chosen above; empty: the last one added)</source>
            <translation>CLIP-mudeli kaust (kui see on ülal valitud; tühi: viimati lisatud mudel)</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Used when the image model is 'My own ONNX model'.</source>
            <translation>Kasutatakse, kui pildimudel on „Minu oma ONNX-mudel”.</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>The model that looks at the photos. The default suits most collections; SqueezeNet repeats an Orange analysis; the int8 version is faster on recent CPUs; a CLIP model you added recognises far more kinds of scenes but is slower. Motifs and classifiers only compare photos embedded with the same model.</source>
            <translation>Mudel, mis fotosid „vaatab”. Vaikimisi mudel sobib enamikule kogudele; SqueezeNet kordab Orange'i analüüsi; int8-versioon on uuematel protsessoritel kiirem; sinu lisatud CLIP-mudel tunneb ära palju rohkem eri stseene, kuid on aeglasem. Motiivid ja klassifikaatorid võrdlevad ainult sama mudeliga arvutatud vektoresitusi.</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>A folder written by 'Add a CLIP model'. Left empty, the model added last is used.</source>
            <translation>Kaust, mille kirjutas „Lisa CLIP-mudel”. Tühjaks jättes kasutatakse viimati lisatud mudelit.</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <location filename="../processing/alg_classify.py" />
            <location filename="../processing/alg_search.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>Embedding cache file</source>
            <translation>Vektoresituste vahemälu</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>A SQLite or GeoPackage file; empty: next to the project. Embeddings stored there are reused by every later run.</source>
            <translation>SQLite- või GeoPackage-fail; tühi: projekti kõrval. Sinna salvestatud vektoresitusi kasutab iga järgmine käivitus.</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Choose the ONNX file of your own image model.</source>
            <translation>Vali oma pildimudeli ONNX-fail.</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Image model: {}; embedding cache: {}</source>
            <translation>Pildimudel: {}; vektoresituste vahemälu: {}</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Embeddings computed before the cancel request are kept in the cache {}, so the next run continues from there; no output layer was written.</source>
            <translation>Enne katkestamist arvutatud vektoresitused jäävad vahemällu {}, nii et järgmine käivitus jätkab sealt; väljundkihti ei kirjutatud.</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Embeddings: {} from the cache, {} computed, {} photos could not be read ({} s).</source>
            <translation>Vektoresitused: {} vahemälust, {} arvutatud, {} fotot ei õnnestunud lugeda ({} s).</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <location filename="../processing/alg_classify.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>The feature has no photo path.</source>
            <translation>Nähtusel pole foto failiteed.</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>CLIP model folder</source>
            <translation>CLIP-mudeli kaust</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Empty: the model added last with 'Add a CLIP model'.</source>
            <translation>Tühi: viimati tööriistaga „Lisa CLIP-mudel” lisatud mudel.</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>CLIP model: {} ({}); embedding cache: {}</source>
            <translation>CLIP-mudel: {} ({}); vektoresituste vahemälu: {}</translation>
        </message>
        <message>
            <location filename="../processing/photo_sources.py" />
            <source>Embeddings: {} from the cache, {} computed, {} photos could not be read.</source>
            <translation>Vektoresitused: {} vahemälust, {} arvutatud, {} fotot ei õnnestunud lugeda.</translation>
        </message>
        <message>
            <location filename="../processing/photo_times.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>The photo layer has no field '{}'.</source>
            <translation>Fotokihil pole välja „{}”.</translation>
        </message>
        <message>
            <location filename="../processing/photo_times.py" />
            <location filename="../core/messages.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>{} field: {}</source>
            <translation>{} väli: {}</translation>
        </message>
        <message>
            <location filename="../processing/photo_times.py" />
            <location filename="../core/messages.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>{} field: {} (detected)</source>
            <translation>{} väli: {} (tuvastatud)</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" />
            <source>Photo Motifs {} (offline photo embeddings, motifs and classifiers)</source>
            <translation>Photo Motifs {} (fotode vektoresitused, motiivid ja klassifikaatorid võrguta)</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>other ({} categories, {} photos)</source>
            <translation>muud ({} kategooriat, {} fotot)</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>unreadable photos</source>
            <translation>loetamatud fotod</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>{} ({})</source>
            <translation>{} ({})</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>{} — tiny: probably not a motif</source>
            <translation>{} — pisike: tõenäoliselt pole motiiv</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>all other values</source>
            <translation>kõik muud väärtused</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>unreadable</source>
            <translation>loetamatu</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>Only file layers can store a style.</source>
            <translation>Stiili saab salvestada ainult failipõhisesse kihti.</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" />
            <source>The style could not be stored with the layer: {}</source>
            <translation>Stiili ei õnnestunud kihiga koos salvestada: {}</translation>
        </message>
        <message>
            <location filename="../processing/summary_style.py" />
            <source>{} (other motif)</source>
            <translation>{} (muu motiiv)</translation>
        </message>
        <message>
            <location filename="../processing/summary_style.py" />
            <source>suppressed: fewer than {} users</source>
            <translation>varjatud: vähem kui {} kasutajat</translation>
        </message>
        <message>
            <location filename="../processing/summary_style.py" />
            <source>no motif (only photos outside every motif)</source>
            <translation>motiivita (ainult motiividesse mittekuuluvad fotod)</translation>
        </message>
        <message>
            <location filename="../processing/summary_style.py" />
            <source>Shannon diversity of motifs (graduated)</source>
            <translation>Motiivide Shannoni mitmekesisus (astmeline)</translation>
        </message>
        <message>
            <location filename="../processing/summary_style.py" />
            <source>Dominant motif, opacity by its share</source>
            <translation>Valdav motiiv, läbipaistmatus selle osakaalu järgi</translation>
        </message>
        <message>
            <location filename="../processing/summary_style.py" />
            <source>The styles could not be stored in the GeoPackage: {}</source>
            <translation>Stiile ei õnnestunud GeoPackage-faili salvestada: {}</translation>
        </message>
        <message>
            <location filename="../processing/temporal.py" />
            <location filename="../processing/alg_cluster.py" />
            <source>{} ({} photos, {} bursts)</source>
            <translation>{} ({} fotot, {} sarivõtet)</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>0 · Whole workflow (models)</source>
            <translation>0 · Kogu töövoog (mudelid)</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>1 · Photos</source>
            <translation>1 · Fotod</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>2 · Embeddings</source>
            <translation>2 · Vektoresitused</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>3 · Motifs</source>
            <translation>3 · Motiivid</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>4 · Classes</source>
            <translation>4 · Klassid</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>5 · Maps and exports</source>
            <translation>5 · Kaardid ja eksport</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The file is not an image in a format Photo Motifs can read.</source>
            <translation>Fail ei ole pilt vormingus, mida Photo Motifs lugeda oskab.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The file cannot be read.</source>
            <translation>Faili ei saa lugeda.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo's EXIF metadata is damaged and cannot be read, so its location is unknown.</source>
            <translation>Foto EXIF-metaandmed on rikutud ja loetamatud, seega pole selle asukoht teada.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo has no EXIF metadata, so it has no location.</source>
            <translation>Fotol pole EXIF-metaandmeid, seega pole sel asukohta.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo's EXIF metadata has no GPS position.</source>
            <translation>Foto EXIF-metaandmetes pole GPS-asukohta.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo's GPS block has no complete latitude/longitude pair.</source>
            <translation>Foto GPS-plokis pole täielikku laiuse ja pikkuse paari.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo's GPS latitude or longitude is not a number (NaN, infinite or a zero denominator).</source>
            <translation>Foto GPS-laius või -pikkus ei ole arv (NaN, lõpmatus või nulliga jagamine).</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo's GPS position is exactly 0°, 0° — a default written by cameras without a satellite fix, not a real location.</source>
            <translation>Foto GPS-asukoht on täpselt 0°, 0° — see on satelliidisignaalita kaamera vaikeväärtus, mitte tegelik asukoht.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo's GPS position is outside the valid range (latitude ±90°, longitude ±180°).</source>
            <translation>Foto GPS-asukoht on väljaspool lubatud vahemikku (laius ±90°, pikkus ±180°).</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo's GPS position has no N/S or E/W reference, so its hemisphere is unknown; it is rejected rather than guessed.</source>
            <translation>Foto GPS-asukohal puudub N/S- või E/W-viide, seega pole poolkera teada; asukohta ei oletata, vaid see jäetakse välja.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>No photo file in the folder matches this table row.</source>
            <translation>Kaustas pole selle tabelireaga sobivat fotofaili.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The row's latitude or longitude is missing or invalid.</source>
            <translation>Rea laius või pikkus puudub või on vigane.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>No row of the table refers to this file.</source>
            <translation>Ükski tabeli rida ei viita sellele failile.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The file is not an image format that can be read.</source>
            <translation>Fail ei ole loetavas pildivormingus.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The image is too large to decode safely.</source>
            <translation>Pilt on turvaliseks dekodeerimiseks liiga suur.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The file ends before the image data is complete (interrupted copy or download?).</source>
            <translation>Fail lõpeb enne, kui pildiandmed on täielikud (katkenud kopeerimine või allalaadimine?).</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The image data is damaged and cannot be decoded.</source>
            <translation>Pildiandmed on rikutud ja neid ei saa dekodeerida.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The file is not a photo (unknown image file extension).</source>
            <translation>Fail ei ole foto (tundmatu pildifaili laiend).</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The path names a device, a named pipe or a socket, not a photo file; it was not opened.</source>
            <translation>Asukoht osutab seadmele, nimega torule või soklile, mitte fotofailile; seda ei avatud.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The file is larger than a photo may be; it was not opened.</source>
            <translation>Fail on suurem, kui foto olla võib; seda ei avatud.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <source>The photo path is relative and the layer has no folder to resolve it against; it was not read.</source>
            <translation>Foto asukoht on suhteline ja kihil pole kausta, mille suhtes seda lugeda; fotot ei loetud.</translation>
        </message>
        <message>
            <location filename="../processing/translation.py" />
            <location filename="../processing/alg_train.py" />
            <source>The photo has no class in the layer.</source>
            <translation>Fotol pole kihis klassi.</translation>
        </message>
        <message>
            <location filename="../processing/workflows/__init__.py" />
            <source>Could not read the model {}</source>
            <translation>Mudelit {} ei õnnestunud lugeda</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Add a CLIP model</source>
            <translation>Lisa CLIP-mudel</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>clip,openclip,openai,laion,hugging face,image model,text,words,convert,onnx</source>
            <translation>clip,openclip,openai,laion,hugging face,pildimudel,tekst,sõnad,teisenda,image model,text,words,convert,onnx</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Makes a CLIP model you downloaded once usable here: CLIP understands photos and words together, so motifs can be named in words without training ('Motifs from words') and photos found by a sentence ('Find photos by words or by a photo'); as an image model it recognises far more kinds of scenes than the built-in ones. The model is converted on this computer; your photos never leave it.</source>
            <translation>Teeb ühe korra alla laaditud CLIP-mudeli siin kasutatavaks: CLIP mõistab fotosid ja sõnu koos, nii et motiive saab ilma treenimiseta sõnadega nimetada („Motiivid sõnadest”) ja fotosid lause järgi leida („Leia fotod sõnade või foto järgi”); pildimudelina tunneb see ära palju rohkem eri stseene kui sisseehitatud mudelid. Mudel teisendatakse selles arvutis; sinu fotod ei lahku sellest kunagi.</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Details: choose a Hugging Face CLIP folder as OpenAI and LAION publish them (for example openai/clip-vit-base-patch32 or laion/CLIP-ViT-B-32-laion2B-s34B-b79K: config.json, model.safetensors, vocab.json, merges.txt) — pick its config.json —, an OpenCLIP weights file (open_clip_pytorch_model.bin) with its architecture name, or OpenAI's ViT-B-32.pt. Nothing is downloaded. The model folder holds the image and text parts as ONNX, the tokenizer, an int8 image part (about twice as fast) and a model card with the speed measured here. A ViT-B/32 model takes about 600 MB and a few minutes to convert; torch and transformers are needed for the conversion only.</source>
            <translation>Üksikasjad: vali Hugging Face'i CLIP-kaust, nagu OpenAI ja LAION neid avaldavad (näiteks openai/clip-vit-base-patch32 või laion/CLIP-ViT-B-32-laion2B-s34B-b79K: config.json, model.safetensors, vocab.json, merges.txt) — vali selle config.json —, OpenCLIP-i kaalude fail (open_clip_pytorch_model.bin) koos arhitektuuri nimega või OpenAI ViT-B-32.pt. Midagi ei laadita alla. Mudelikaustas on pildi- ja tekstiosa ONNX-ina, sõnestaja, int8-pildiosa (umbes kaks korda kiirem) ja mudelikaart siin mõõdetud kiirusega. ViT-B/32 mudel võtab umbes 600 MB ja selle teisendamine mõne minuti; torch ja transformers on vajalikud ainult teisendamiseks.</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Downloaded CLIP model</source>
            <translation>Alla laaditud CLIP-mudel</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>CLIP models (config.json *.safetensors *.bin *.pt *.pth);;All files (*)</source>
            <translation>CLIP-mudelid (config.json *.safetensors *.bin *.pt *.pth);;Kõik failid (*)</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>OpenCLIP architecture</source>
            <translation>OpenCLIP-i arhitektuur</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <location filename="../processing/alg_train.py" />
            <source>Model folder</source>
            <translation>Mudelikaust</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Also write the int8 image part (faster, nearly the same embeddings)</source>
            <translation>Kirjuta ka int8-pildiosa (kiirem, peaaegu samad vektoresitused)</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Name of the model (default: the folder or file name)</source>
            <translation>Mudeli nimi (vaikimisi kausta või faili nimi)</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Image part (image.onnx)</source>
            <translation>Pildiosa (image.onnx)</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Values per embedding</source>
            <translation>Väärtusi vektoresituse kohta</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Images per second measured here (batches of 16)</source>
            <translation>Siin mõõdetud pilte sekundis (16-kaupa)</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Needed for OpenCLIP weights without an open_clip_config.json beside them: open_clip's model name. OpenAI's and LAION-400M's weights need the '-quickgelu' name (ViT-B-32-quickgelu): the wrong one loads silently and changes every result. Ignored for Hugging Face folders, whose config.json says it.</source>
            <translation>Vajalik OpenCLIP-i kaaludele, mille kõrval pole faili open_clip_config.json: open_clip'i mudeli nimi. OpenAI ja LAION-400M kaalud vajavad nime lõpuga „-quickgelu” (ViT-B-32-quickgelu): vale nimi laadib vaikselt ja muudab iga tulemust. Hugging Face'i kaustade puhul ei kasutata, sest nende config.json ütleb selle ise.</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>A new or empty folder; an existing model is never overwritten. Empty: the plugin's model folder, where the dialogs find it.</source>
            <translation>Uus või tühi kaust; olemasolevat mudelit ei kirjutata kunagi üle. Tühi: pistikprogrammi mudelikaust, kust dialoogid selle leiavad.</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>The config.json of a Hugging Face folder, or a weights file (.safetensors, .bin, .pt).</source>
            <translation>Hugging Face'i kausta config.json või kaalude fail (.safetensors, .bin, .pt).</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Converted {} in {} s into {}</source>
            <translation>Mudel {} teisendati {} s-ga kausta {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Architecture: {}; activation {}; {} values per embedding; licence: {}</source>
            <translation>Arhitektuur: {}; aktivatsioon {}; {} väärtust vektoresituse kohta; litsents: {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>ONNX equals the original within {} (image) and {} (text).</source>
            <translation>ONNX võrdub originaaliga täpsusega {} (pilt) ja {} (tekst).</translation>
        </message>
        <message>
            <location filename="../processing/alg_addclip.py" />
            <source>Speed here, batches of 16: {} images/s, int8 {} images/s, {} texts/s.</source>
            <translation>Kiirus siin, 16-kaupa: {} pilti/s, int8 {} pilti/s, {} teksti/s.</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Find photo bursts</source>
            <translation>Leia sarivõtted</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>bursts,near-duplicates,series,same scene,users,time,representative</source>
            <translation>sarivõtted,peaaegu duplikaadid,seeria,sama vaade,kasutajad,aeg,esindaja</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Finds bursts: one person's series of near-identical photos of one scene, taken within minutes (30 shots of a fountain in two minutes). A burst would otherwise form a motif of its own, make a motif look bigger than it is and flatter a classifier's accuracy. Each photo gets its burst, the burst's size and whether it is the burst's representative (its most typical photo), so motifs can be discovered from one photo per burst.</source>
            <translation>Leiab sarivõtted: ühe inimese minutite jooksul tehtud peaaegu ühesugused fotod ühest vaatest (30 võtet purskkaevust kahe minutiga). Muidu moodustaks sarivõte omaette motiivi, näitaks motiivi suuremana, kui see on, ja ilustaks klassifikaatori täpsust. Iga foto saab oma sarivõtte, selle suuruse ja märke, kas ta on sarivõtte esindaja (selle kõige tüüpilisem foto), nii et motiive saab leida üheainsa foto põhjal sarivõtte kohta.</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Details: two photos of the same user, taken at most the given minutes apart (local time as written) and with embeddings at least as similar as the threshold (cosine), are in one burst, and so are photos linked through others; in time order each photo of a burst is within the minutes of the previous one. Embeddings come from the cache as for 'Discover photo motifs'. Distinct photos have a cosine similarity of at most 0.6 in our tests, a cropped and re-encoded copy 0.72 to 0.99: the default 0.9 never joins different scenes; lower it to catch looser series. Photos without a user, a time of day or a readable image are bursts of their own. Without a user field all photos count as one photographer's (a folder from one camera). The user and date fields are detected from the import (owner, taken_at) unless chosen.</source>
            <translation>Üksikasjad: sama kasutaja kaks fotot, mis on tehtud kuni antud minutite kaugusel (kohalik aeg, nagu kirjutatud) ja mille vektoresitused on vähemalt lävendi võrra sarnased (koosinus), on samas sarivõttes, ja nii ka teiste kaudu seotud fotod; ajalises järjekorras on iga sarivõtte foto eelmisest kuni antud minutite kaugusel. Vektoresitused tulevad vahemälust nagu tööriistas „Leia fotomotiivid”. Erinevate fotode koosinussarnasus on meie testides kuni 0,6, kärbitud ja uuesti kodeeritud koopial 0,72 kuni 0,99: vaikimisi 0,9 ei ühenda kunagi eri vaateid; langeta seda, et leida lõdvemaid seeriaid. Kasutaja, kellaaja või loetava pildita fotod on omaette sarivõtted. Kasutajaväljata loetakse kõik fotod ühe pildistaja omaks (kaust ühest kaamerast). Kasutaja- ja kuupäevaväli tuvastatakse impordi järgi (owner, taken_at), kui neid ei valita.</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <location filename="../processing/alg_export_groups.py" />
            <location filename="../processing/alg_rename_motifs.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Photo layer</source>
            <translation>Fotokiht</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>User field (empty: detected, e.g. owner)</source>
            <translation>Kasutaja väli (tühi: tuvastatakse, nt owner)</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Date taken field (empty: detected, e.g. taken_at)</source>
            <translation>Pildistamise aja väli (tühi: tuvastatakse, nt taken_at)</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Largest gap in a burst (minutes)</source>
            <translation>Suurim vahe sarivõttes (minutit)</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Similarity in a burst</source>
            <translation>Sarnasus sarivõttes</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Photos with bursts</source>
            <translation>Fotod sarivõtetega</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Bursts of two or more photos</source>
            <translation>Kahe või enama fotoga sarivõtted</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Photos in such bursts</source>
            <translation>Fotosid sellistes sarivõtetes</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Photos of one user taken at most this many minutes apart can be in one burst.</source>
            <translation>Ühe kasutaja fotod, mis on tehtud kuni nii mitme minuti vahega, võivad kuuluda ühte sarivõttesse.</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>Cosine of the photos' embeddings: 1 = identical. Distinct photos stay below 0.6, cropped or re-encoded copies of one photo reach 0.72 to 0.99 (EfficientNet-Lite0).</source>
            <translation>Fotode vektoresituste koosinus: 1 = identne. Erinevad fotod jäävad alla 0,6, ühe foto kärbitud või uuesti kodeeritud koopiad jõuavad 0,72 kuni 0,99-ni (EfficientNet-Lite0).</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../core/messages.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Date</source>
            <translation>Kuupäev</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>The photo layer has no date taken field (such as taken_at): bursts need the time of each photo. Choose the field, or import the photos with 'Read photo folder'.</source>
            <translation>Fotokihil pole pildistamise aja välja (nt taken_at): sarivõtete leidmiseks on vaja iga foto aega. Vali väli või impordi fotod tööriistaga „Loe fotokaust”.</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../core/messages.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>User</source>
            <translation>Kasutaja</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>  burst {}: {} photos by {}, {} to {}</source>
            <translation>  sarivõte {}: {} fotot, pildistaja {}, {} kuni {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_bursts.py" />
            <source>the photographer</source>
            <translation>pildistaja</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Classify photos with a model</source>
            <translation>Klassifitseeri fotod mudeliga</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>classify,classifier,classes,model,lobe,onnx,labels</source>
            <translation>klassifitseeri,klassifikaator,klassid,mudel,sildid,classify,classifier,classes,model,lobe,onnx,labels</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Gives every photo a class with a trained model: one made by 'Train a photo classifier', a model exported from Lobe (ONNX), or any ONNX image classifier with its list of class names. Each photo gets its class and how sure the model is. Photos that fit none of the classes (unlike every training photo, as the model learnt when it was trained here) get the class 'unknown'. Optionally copies the photos into one folder per class.</source>
            <translation>Annab treenitud mudeliga igale fotole klassi: mudeliga, mis on tehtud tööriistaga „Treeni fotoklassifikaator”, Lobe'ist eksporditud mudeliga (ONNX) või mis tahes ONNX-pildiklassifikaatoriga koos klassinimede loendiga. Iga foto saab oma klassi ja selle, kui kindel mudel on. Fotod, mis ei sobi ühtegi klassi (erinevad kõigist treeningfotodest, nagu mudel siin treenides õppis), saavad klassi „unknown” (teadmata). Soovi korral kopeerib fotod eraldi kausta iga klassi jaoks.</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Details: choose the model's signature.json or .onnx (a bare ONNX model needs a labels file, one class per line). Lobe TensorFlow exports are not supported: export ONNX from Lobe instead. Photos are EXIF-oriented, resized to fill the model input and centre-cropped, as Lobe does. Each photo also gets the next best classes. For our own models, embeddings already in the cache are reused. Optionally writes Lobe Image Tools' CSV (File, Label, Confidence) and COPIES (never moves) the photos into one folder per class.</source>
            <translation>Üksikasjad: vali mudeli signature.json või .onnx (pelgalt ONNX-mudel vajab siltide faili, üks klass rea kohta). Lobe TensorFlow' eksporte ei toetata: ekspordi Lobe'ist hoopis ONNX. Fotod pööratakse EXIF-i järgi õigetpidi, nende suurus muudetakse mudeli sisendi täitmiseks ja need kärbitakse keskelt, nagu teeb Lobe. Iga foto saab ka järgmised parimad klassid. Meie oma mudelite puhul kasutatakse vahemälus juba olevaid vektoresitusi uuesti. Soovi korral kirjutab Lobe'i Image Toolsi CSV (File, Label, Confidence) ja KOPEERIB (ei teisalda kunagi) fotod eraldi kausta iga klassi jaoks.</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Model (signature.json or .onnx)</source>
            <translation>Mudel (signature.json või .onnx)</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Labels file for a bare ONNX model (one class per line)</source>
            <translation>Siltide fail pelgalt ONNX-mudeli jaoks (üks klass rea kohta)</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Input size for a bare ONNX model of any size (0 = from the model)</source>
            <translation>Sisendi suurus mis tahes suurusega pelgalt ONNX-mudeli jaoks (0 = mudelist)</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Classes to keep per photo</source>
            <translation>Foto kohta säilitatavad klassid</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>Minimum confidence (else 'unknown')</source>
            <translation>Väikseim kindlus (muidu „unknown”)</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Call photos that fit none of the classes 'unknown' (models trained here)</source>
            <translation>Märgi ühtegi klassi mittesobivad fotod „unknown” (teadmata) (siin treenitud mudelid)</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>'unknown' above this unknown_score (1 = as calibrated in training)</source>
            <translation>„unknown” (teadmata), kui unknown_score on sellest suurem (1 = nagu treenimisel kalibreeritud)</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Reuse cached embeddings (our models)</source>
            <translation>Kasuta vahemälus olevaid vektoresitusi (meie mudelid)</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Classified photos</source>
            <translation>Klassifitseeritud fotod</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Lobe Image Tools CSV</source>
            <translation>Lobe Image Toolsi CSV</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Copies, one folder per class</source>
            <translation>Koopiad, kaust klassi kohta</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Photos classified</source>
            <translation>Klassifitseeritud fotosid</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <location filename="../processing/alg_cluster.py" />
            <location filename="../processing/alg_embed.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>Photos that could not be read</source>
            <translation>Fotod, mida ei õnnestunud lugeda</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>Photos called 'unknown'</source>
            <translation>Fotosid, mis märgiti „unknown” (teadmata)</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>The signature.json (or model.onnx) in the folder written by 'Train a photo classifier' or exported from Lobe as ONNX, or any .onnx classifier.</source>
            <translation>Tööriista „Treeni fotoklassifikaator” kirjutatud või Lobe'ist ONNX-ina eksporditud kausta signature.json (või model.onnx) või mis tahes .onnx-klassifikaator.</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Lobe Image Tools' table: File, Label, Confidence.</source>
            <translation>Lobe Image Toolsi tabel: File, Label, Confidence.</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>The photos are copied (never moved) into one subfolder per class.</source>
            <translation>Fotod kopeeritakse (ei teisaldata kunagi) klassi kohta ühte alamkausta.</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Photos whose best class has a lower confidence (0–1) get the class 'unknown'. 0 keeps every class.</source>
            <translation>Fotod, mille parima klassi kindlus (0–1) on sellest väiksem, saavad klassi „unknown” (teadmata). 0 säilitab kõik klassid.</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Models made by 'Train a photo classifier' know how far photos of their classes lie from the training photos. A photo farther away gets the class 'unknown', its distance relative to that threshold in the field unknown_score (above 1 = unknown). Lobe's and other ONNX models have no such calibration: every photo gets one of their classes.</source>
            <translation>Tööriistaga „Treeni fotoklassifikaator” tehtud mudelid teavad, kui kaugel nende klasside fotod treeningfotodest asuvad. Kaugemal asuv foto saab klassi „unknown” (teadmata) ja väljale unknown_score tema kauguse selle läve suhtes (üle 1 = teadmata). Lobe'i ja teistel ONNX-mudelitel sellist kalibreeringut pole: iga foto saab ühe nende klassidest.</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>1 uses the threshold calibrated when training. Higher values call fewer photos unknown, lower values more.</source>
            <translation>1 kasutab treenimisel kalibreeritud läve. Suurema väärtusega märgitakse teadmatuks vähem fotosid, väiksemaga rohkem.</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>This model has no calibrated 'unknown' (a Lobe or other ONNX model, or one trained without it): every photo gets one of its classes, unless its confidence is below the threshold.</source>
            <translation>Sellel mudelil pole kalibreeritud „unknown”-klassi (Lobe'i või muu ONNX-mudel või ilma selleta treenitud mudel): iga foto saab ühe mudeli klassidest, kui tema kindlus pole alla läve.</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>The model's calibrated 'unknown' is switched off: every photo gets one of its classes, unless its confidence is below the threshold.</source>
            <translation>Mudeli kalibreeritud „unknown” on välja lülitatud: iga foto saab ühe mudeli klassidest, kui tema kindlus pole alla läve.</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Calibrated 'unknown' on: photos with unknown_score above {} (farther from the training photos than {:.0f} % of held-out photos of the known classes when the limit is 1) are called unknown.</source>
            <translation>Kalibreeritud „unknown” on sees: fotod, mille unknown_score on üle {} (piiri 1 korral treeningfotodest kaugemal kui {:.0f} % teadaolevate klasside kõrvalehoitud fotodest), märgitakse teadmatuks.</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>{} of {} photos were called 'unknown': {} unlike every training photo, {} like the 'none of these' examples, {} below the confidence threshold.</source>
            <translation>{} fotot {}-st märgiti „unknown” (teadmata): {} erinevad kõigist treeningfotodest, {} sarnanevad „mitte ükski neist” näidetega, {} jäid alla kindluse läve.</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source> … and {} more</source>
            <translation> … ja veel {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Model: {} ({}), {} classes: {}</source>
            <translation>Mudel: {} ({}), {} klassi: {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>Embeddings ({}): {} from the cache {}, {} computed.</source>
            <translation>Vektoresitused ({}): {} vahemälust {}, {} arvutatud.</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source> … and {} more classes</source>
            <translation> … ja veel {} klassi</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>Photos per class: {}</source>
            <translation>Fotosid klassi kohta: {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_classify.py" />
            <source>{} photos could not be read (see classify_note).</source>
            <translation>{} fotot ei õnnestunud lugeda (vt välja classify_note).</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Discover photo motifs (clustering)</source>
            <translation>Leia fotomotiivid (klasterdamine)</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>cluster,motifs,groups,similar photos,hierarchical,kmeans,hdbscan,orange</source>
            <translation>klaster,klasterdamine,motiivid,rühmad,sarnased fotod,hierarhiline,cluster,motifs,groups,kmeans,hdbscan,orange</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Finds what people photograph: photos that look alike are put into the same motif (C1, C2… by size, largest first), without any labels from you. The result is your photo layer with a motif per photo, ready to map, and contact sheets that show each motif's most typical photos first. The number of motifs is chosen automatically unless you set it.</source>
            <translation>Leiab, mida inimesed pildistavad: sarnase välimusega fotod pannakse samasse motiivi (C1, C2… suuruse järgi, suurim esimesena), ilma et peaksid ise midagi märgistama. Tulemuseks on sinu fotokiht, kus igal fotol on motiiv ja mida saab kohe kaardile panna, ning kontaktlehed, millel on iga motiivi kõige tüüpilisemad fotod eespool. Motiivide arv valitakse automaatselt, kui sa seda ise ei määra.</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Details: embeddings come from the cache (computed when missing). By default they are normalised, reduced to 64 principal components and grouped by hierarchical clustering (cosine distance, average linkage); the number of motifs is where merging two more groups would join clearly different photos (the elbow of the merge heights, reported in the log). HDBSCAN labels photos that fit no motif 'noise'. Each photo gets its motif's size, its rank by distance to the motif's most typical photo (1 = most typical) and coordinates on a 2-D similarity map. A JSON record keeps every parameter. With the same distance, linkage and cut as Orange (normalisation off), the motifs equal Orange's. Large collections are clustered through k-means centroids, as the log says.</source>
            <translation>Üksikasjad: vektoresitused tulevad vahemälust (puuduvad arvutatakse). Vaikimisi need normaliseeritakse, taandatakse 64 peakomponendile ja rühmitatakse hierarhilise klasterdamisega (koosinuskaugus, keskmine sidumine); motiivide arv on koht, kus kahe järgmise rühma ühendamine liidaks selgelt erinevad fotod (ühendamiskõrguste küünarnukk, mis kirjutatakse logisse). HDBSCAN märgib fotod, mis ühtegi motiivi ei sobi, sildiga „noise” (müra). Iga foto saab oma motiivi suuruse, järjekohanumbri kauguse järgi motiivi kõige tüüpilisemast fotost (1 = kõige tüüpilisem) ja koordinaadid kahemõõtmelisel sarnasuskaardil. JSON-kirje säilitab kõik parameetrid. Sama kauguse, sidumise ja lõikega kui Orange'is (normaliseerimine välja lülitatud) on motiivid samad mis Orange'is. Suured kogud klasterdatakse k-keskmiste tsentroidide kaudu, nagu logi ütleb.</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Method</source>
            <translation>Meetod</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Distance</source>
            <translation>Kaugus</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>L2-normalise embeddings first</source>
            <translation>Normaliseeri vektoresitused enne (L2)</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Reduce to this many principal components first (0 = no)</source>
            <translation>Taanda enne nii mitmele peakomponendile (0 = ei)</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Linkage (hierarchical)</source>
            <translation>Sidumisviis (hierarhiline)</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Number of motifs</source>
            <translation>Motiivide arv</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Automatic: the number where merging two more groups would join clearly different photos. Fixed: exactly K motifs. Height ratio: cut the tree as Orange's Hierarchical Clustering widget does.</source>
            <translation>Automaatne: arv, mille juures kahe järgmise rühma ühendamine liidaks selgelt erinevad fotod. Fikseeritud: täpselt K motiivi. Kõrguse suhe: puu lõigatakse nagu Orange'i vidinas Hierarchical Clustering.</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>K (fixed number of motifs)</source>
            <translation>K (fikseeritud motiivide arv)</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Height ratio</source>
            <translation>Kõrguse suhe</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Automatic: smallest K</source>
            <translation>Automaatne: väikseim K</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Automatic: largest K</source>
            <translation>Automaatne: suurim K</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>HDBSCAN: minimum cluster size</source>
            <translation>HDBSCAN: klastri vähim suurus</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <location filename="../processing/alg_train.py" />
            <source>Random seed</source>
            <translation>Juhuarvude seeme</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Similarity map</source>
            <translation>Sarnasuskaart</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Cluster one photo per burst (from 'Find photo bursts')</source>
            <translation>Klasterda üks foto sarivõtte kohta (tööriistast „Leia sarivõtted”)</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Clusters only each burst's representative (burst_first) and gives every photo of the burst its motif, so 30 near-identical shots of one scene by one person weigh as one photo. Motif sizes are then given in bursts and in photos.</source>
            <translation>Klasterdab ainult iga sarivõtte esindaja (burst_first) ja annab selle motiivi sarivõtte igale fotole, nii et ühe inimese 30 peaaegu ühesugust võtet ühest vaatest kaaluvad nagu üks foto. Motiivide suurused antakse siis sarivõtetes ja fotodes.</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Photos with motifs</source>
            <translation>Fotod koos motiividega</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <location filename="../processing/alg_motif_map.py" />
            <source>Contact sheets folder</source>
            <translation>Kontaktlehtede kaust</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>One picture per motif with its photos, most typical first, and an overview of all motifs.</source>
            <translation>Iga motiivi kohta üks pilt selle fotodega, kõige tüüpilisemad eespool, ning kõigi motiivide ülevaade.</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Run record (JSON)</source>
            <translation>Käivituse kirje (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Tiny motifs (probably not motifs)</source>
            <translation>Pisikesed motiivid (tõenäoliselt pole motiivid)</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Photos a motif needs not to be tiny</source>
            <translation>Fotode arv, millest väiksem motiiv on pisike</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Only {} photo(s) could be read: clustering needs at least two.</source>
            <translation>Lugeda õnnestus ainult {} foto(t): klasterdamiseks on vaja vähemalt kahte.</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>In a burst: the motif of the burst's representative.</source>
            <translation>Sarivõttes: sarivõtte esindaja motiiv.</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Contact sheets: {}</source>
            <translation>Kontaktlehed: {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>{} motifs found among {} photos.</source>
            <translation>{} foto seast leiti {} motiivi.</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>{} of them hold fewer than {} photos and are probably not motifs: {} (flagged in the field cluster_tiny and in the legend).</source>
            <translation>Neist {} sisaldab vähem kui {} fotot ja pole tõenäoliselt motiivid: {} (märgitud väljal cluster_tiny ja legendis).</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>{} photos have no location: they are in the layer and the contact sheets, but not on the map.</source>
            <translation>{} fotol pole asukohta: need on kihis ja kontaktlehtedel, kuid mitte kaardil.</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Details:</source>
            <translation>Üksikasjad:</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Automatic choice of the number of motifs ({}):</source>
            <translation>Motiivide arvu automaatne valik ({}):</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>  &lt;- chosen</source>
            <translation>  &lt;- valitud</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>{} motifs: {}</source>
            <translation>{} motiivi: {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>The photo layer has no bursts (fields burst_id and burst_first): run 'Find photo bursts' on it first, or turn off 'Cluster one photo per burst'.</source>
            <translation>Fotokihil pole sarivõtteid (väljad burst_id ja burst_first): käivita sellel enne „Leia sarivõtted” või lülita välja „Klasterda üks foto sarivõtte kohta”.</translation>
        </message>
        <message>
            <location filename="../processing/alg_cluster.py" />
            <source>Clustering one photo per burst: {} of {} photos.</source>
            <translation>Klasterdan ühe foto sarivõtte kohta: {} fotot {}-st.</translation>
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Compute photo embeddings</source>
            <translation>Arvuta fotode vektoresitused</translation>
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>embedding,features,vectors,image model,cnn,onnx,orange</source>
            <translation>vektoresitus,tunnused,vektorid,pildimudel,embedding,features,vectors,image model,cnn,onnx,orange</translation>
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Lets the computer 'look' at every photo once: an image model turns each photo into a list of numbers (an embedding) that describes what it shows. Photos that look alike get similar numbers; discovering motifs and training classifiers build on them. The numbers are remembered in a cache, so the next steps and later runs are fast. Running this step alone is optional: the motif and training steps compute what is missing.</source>
            <translation>Laseb arvutil igat fotot üks kord „vaadata”: pildimudel muudab iga foto arvude loendiks (vektoresituseks), mis kirjeldab, mida fotol on näha. Sarnase välimusega fotod saavad sarnased arvud; neile tuginevad motiivide leidmine ja klassifikaatorite treenimine. Arvud jäetakse vahemällu meelde, nii et järgmised sammud ja hilisemad käivitused on kiired. Selle sammu eraldi käivitamine pole kohustuslik: motiivide ja treenimise sammud arvutavad puuduva ise.</translation>
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Details: ONNX Runtime on this computer. The cache is keyed by the photo's content, so renamed or moved photos are recognised. Photos that cannot be read get embed_status 'failed' with the reason. The vectors can be exported as CSV (a path column and one column per dimension, like Orange's Save Data) or .npz. Image models: EfficientNet-Lite0 (default, 1280 values per photo); its int8 version (about 1.6 times faster, nearly the same vectors, cached apart); EfficientNet-Lite2 (larger); SqueezeNet as Orange computes it, to reproduce an Orange analysis; or an ONNX model of your own.</source>
            <translation>Üksikasjad: ONNX Runtime selles arvutis. Vahemälu võti on foto sisu, seega tuntakse ümbernimetatud või teisaldatud fotod ära. Loetamatud fotod saavad embed_status väärtuse „failed” koos põhjusega. Vektoreid saab eksportida CSV-na (failitee veerg ja iga mõõtme jaoks üks veerg, nagu Orange'i Save Data) või .npz-na. Pildimudelid: EfficientNet-Lite0 (vaikimisi, 1280 väärtust foto kohta); selle int8-versioon (umbes 1,6 korda kiirem, peaaegu samad vektorid, vahemälus eraldi); EfficientNet-Lite2 (suurem); SqueezeNet nii, nagu Orange seda arvutab, et Orange'i analüüsi korrata; või sinu oma ONNX-mudel.</translation>
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Photos with embedding status</source>
            <translation>Fotod koos vektoresituse olekuga</translation>
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Export the vectors (CSV or NPZ)</source>
            <translation>Ekspordi vektorid (CSV või NPZ)</translation>
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Photos with an embedding</source>
            <translation>Vektoresitusega fotod</translation>
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Embeddings taken from the cache</source>
            <translation>Vahemälust võetud vektoresitused</translation>
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Embeddings computed</source>
            <translation>Arvutatud vektoresitused</translation>
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Seconds spent embedding</source>
            <translation>Vektoresituste arvutamise aeg sekundites</translation>
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Computing {} embeddings took {} s. On this CPU the int8 version of EfficientNet-Lite0 would take about {} s with the same accuracy in our tests (embeddings at cosine 0.996); its vectors are cached apart from these.</source>
            <translation>{} vektoresituse arvutamine võttis {} s. Selle protsessoriga kuluks EfficientNet-Lite0 int8-versioonil umbes {} s ja meie testides on täpsus sama (vektoresituste koosinus 0,996); selle vektoreid hoitakse vahemälus nendest eraldi.</translation>
        </message>
        <message>
            <location filename="../processing/alg_embed.py" />
            <source>Vectors written to {}</source>
            <translation>Vektorid kirjutati faili {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Export photos by motif or class</source>
            <translation>Ekspordi fotod motiivide või klasside kaupa</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>export,folders,copy,xlsx,csv,clusters,classes,motifs</source>
            <translation>eksport,kaustad,kopeeri,klastrid,klassid,motiivid,export,folders,copy,xlsx,csv,clusters,classes,motifs</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Sorts copies of your photos into one folder per motif or class, and writes the table of photos as a spreadsheet (XLSX and CSV). Use it to browse a motif's photos in any image viewer, to share them, or to hand-correct motifs into training folders. Your original photos stay where they are.</source>
            <translation>Sorteerib sinu fotode koopiad eraldi kaustadesse iga motiivi või klassi jaoks ja kirjutab fotode tabeli arvutustabelina (XLSX ja CSV). Nii saad motiivi fotosid sirvida mis tahes pildivaaturis, neid jagada või motiive käsitsi parandades treeningkaustadeks teha. Sinu originaalfotod jäävad oma kohale.</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Details: photos are copied (or hard-linked where the file system allows), never moved; existing folders and files are never deleted; name collisions get ' (2)' suffixes and identical files are skipped. Full file names are kept. The tables can include the embedding columns (as Orange's Save Data). Optionally removes EXIF/GPS from the copies for sharing (the originals are untouched).</source>
            <translation>Üksikasjad: fotod kopeeritakse (või luuakse kõvalingid, kui failisüsteem seda lubab), neid ei teisaldata kunagi; olemasolevaid kaustu ja faile ei kustutata kunagi; nimekonflikti korral lisatakse järelliide „ (2)” ja identsed failid jäetakse vahele. Failinimed säilivad täielikult. Tabelitesse saab lisada vektoresituste veerud (nagu Orange'i Save Data). Soovi korral eemaldab koopiatest jagamiseks EXIF-i/GPS-i (originaale ei puudutata).</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Group by field (cluster, class…)</source>
            <translation>Rühmita välja järgi (klaster, klass…)</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Output folder</source>
            <translation>Väljundkaust</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Copy or link the photos</source>
            <translation>Kopeeri või lingi fotod</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>For sharing: copies without EXIF/GPS, tables without location, dates, camera, owners or paths</source>
            <translation>Jagamiseks: koopiad ilma EXIF/GPS-ita, tabelid ilma asukoha, kuupäevade, kaamera, omanike ja failiteedeta</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Leave out photos without a value (e.g. not labelled yet), as in a Lobe dataset</source>
            <translation>Jäta välja väärtuseta fotod (nt veel märgendamata), nagu Lobe'i andmestikus</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Write an XLSX table</source>
            <translation>Kirjuta XLSX-tabel</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Write a CSV table</source>
            <translation>Kirjuta CSV-tabel</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Include embedding columns in the tables</source>
            <translation>Lisa tabelitesse vektoresituste veerud</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Photos copied</source>
            <translation>Kopeeritud fotosid</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Photos hard-linked</source>
            <translation>Kõvalingitud fotosid</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Photos skipped (an identical file was there)</source>
            <translation>Vahele jäetud fotosid (identne fail oli juba olemas)</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Photos renamed to avoid a name clash</source>
            <translation>Nimekonflikti vältimiseks ümber nimetatud fotosid</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Photos not exported</source>
            <translation>Eksportimata fotosid</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Folders</source>
            <translation>Kaustu</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <source>Tables written (separated by ;)</source>
            <translation>Kirjutatud tabelid (eraldajaks ;)</translation>
        </message>
        <message>
            <location filename="../processing/alg_export_groups.py" />
            <location filename="../processing/alg_rename_motifs.py" />
            <location filename="../processing/alg_train.py" />
            <source>The layer has no field '{}'.</source>
            <translation>Kihil pole välja „{}”.</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Harvest geotagged photos from Flickr</source>
            <translation>Kogu Flickrist geomärgistatud fotod</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Harvests the geotagged photos of an area from Flickr with your own Flickr API key, then imports them as a point layer (the same import as 'Read photo metadata table (Flickr CSV/XLSX)'). Files are saved as photos/{id}_{secret}_{size}.jpg next to the metadata table photos.csv (id, owner, owner name, title, tags, date taken and its granularity, upload date, latitude, longitude, accuracy, licence, URL, file name), not_downloaded.csv and a README with the query, the licences and the terms of use. Owner ids are replaced by salted hashes unless you turn that off.</source>
            <translation>Kogub sinu enda Flickri API-võtmega Flickrist ala geomärgistatud fotod ja impordib need punktikihina (sama import nagu „Loe fotode metaandmete tabel (Flickr CSV/XLSX)”). Failid salvestatakse nimega photos/{id}_{secret}_{size}.jpg metaandmete tabeli photos.csv kõrvale (id, omanik, omaniku nimi, pealkiri, sildid, pildistamise aeg ja selle täpsus, üleslaadimise aeg, laius, pikkus, asukoha täpsus, litsents, URL, failinimi), lisaks not_downloaded.csv ja README päringu, litsentside ja kasutustingimustega. Omanike id-d asendatakse soolatud räsidega, kui sa seda välja ei lülita.</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Flickr returns at most about 4,000 photos per query, so the search is split by time, and by area where one second still holds too many, until every slice is under that cap; the totals per slice are logged and saved (slices.csv). The API allows 3,600 calls per hour: each call returns up to 250 photos, and when the hourly budget is used the harvest waits and says so. A file is first written under a temporary .part name, so running the harvest again after a crash or a cancel downloads only what is missing.

The API key: create one at https://www.flickr.com/services/apps/create/ (non-commercial key), then in QGIS Settings &gt; Options &gt; Authentication add a configuration of type 'Basic' named e.g. 'Flickr' with any username and the key as password, and choose it here. The key is read from QGIS's authentication database when the algorithm starts and is never written to the project, the log or the output.</source>
            <translation>Flickr tagastab ühe päringu kohta kuni umbes 4000 fotot, seega jagatakse otsing aja järgi ja, kui ühes sekundis on ikka liiga palju, ka ala järgi, kuni iga lõik jääb alla selle piiri; lõikude kaupa summad kirjutatakse logisse ja salvestatakse (slices.csv). API lubab 3600 päringut tunnis: iga päring tagastab kuni 250 fotot ja kui tunnilimiit on täis, kogumine ootab ja ütleb seda. Fail kirjutatakse esmalt ajutise .part-nimega, nii et kogumise uuesti käivitamine pärast krahhi või katkestamist laadib alla ainult puuduva.

API-võti: loo see aadressil https://www.flickr.com/services/apps/create/ (mitteäriline võti), seejärel lisa QGIS-is menüüs Seaded &gt; Valikud &gt; Autentimine tüüpi „Basic” seadistus, näiteks nimega „Flickr”, suvalise kasutajanime ja võtmega paroolina, ning vali see siin. Võti loetakse QGIS-i autentimisandmebaasist algoritmi käivitumisel ja seda ei kirjutata kunagi projekti, logisse ega väljundisse.</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Network use: this is the only Photo Motifs algorithm that connects to the internet, and only when you run it. It sends to api.flickr.com your API key and the search: the area as a longitude/latitude box, the dates, the text and tags, the licence filter, and paging; then it downloads the photo files from Flickr's photo servers by their public URLs. No photo, file or other data of yours is sent. All traffic goes through QGIS's network manager (your proxy and SSL settings).</source>
            <translation>Võrgu kasutamine: see on Photo Motifsi ainus algoritm, mis loob internetiühenduse, ja ainult siis, kui sa selle käivitad. See saadab aadressile api.flickr.com sinu API-võtme ja otsingu: ala pikkuse-laiuse ristkülikuna, kuupäevad, teksti ja sildid, litsentsifiltri ja lehekülgede info; seejärel laadib alla fotofailid Flickri fotoserveritest nende avalike URL-ide kaudu. Ühtegi sinu fotot, faili ega muid andmeid ei saadeta. Kogu liiklus käib läbi QGIS-i võrguhalduri (sinu puhverserveri ja SSL-i seaded).</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Harvests the geotagged photos of an area from Flickr with your own API key.</source>
            <translation>Kogub sinu enda API-võtmega Flickrist ala geomärgistatud fotod.</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Area</source>
            <translation>Ala</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Dates are</source>
            <translation>Kuupäevad on</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>From (inclusive)</source>
            <translation>Alates (kaasa arvatud)</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>To (inclusive)</source>
            <translation>Kuni (kaasa arvatud)</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Text (title, description, tags)</source>
            <translation>Tekst (pealkiri, kirjeldus, sildid)</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Tags (any of them)</source>
            <translation>Sildid (ükskõik milline)</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Licences</source>
            <translation>Litsentsid</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Flickr API key</source>
            <translation>Flickri API-võti</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Photo size to download</source>
            <translation>Allalaaditava foto suurus</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Download the photo files (off: metadata table only)</source>
            <translation>Laadi fotofailid alla (väljas: ainult metaandmete tabel)</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Replace owner ids by salted hashes and leave out owner names</source>
            <translation>Asenda omanike id-d soolatud räsidega ja jäta omanike nimed välja</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Harvested photos</source>
            <translation>Kogutud fotod</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Photos not imported</source>
            <translation>Importimata fotosid</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>API calls per hour (Flickr allows 3,600 per key)</source>
            <translation>API-päringuid tunnis (Flickr lubab võtme kohta 3600)</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>API endpoint</source>
            <translation>API lõpp-punkt</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Give up a transfer after this many seconds without data</source>
            <translation>Katkesta ülekanne, kui nii mitu sekundit ei tule andmeid</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <location filename="../processing/alg_import_table.py" />
            <source>Metadata table</source>
            <translation>Metaandmete tabel</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <location filename="../processing/alg_search.py" />
            <source>Photos found</source>
            <translation>Leitud fotosid</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Photos downloaded by this run</source>
            <translation>Selle käivitusega allalaaditud fotosid</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Photos already downloaded</source>
            <translation>Juba allalaaditud fotosid</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Photos not downloaded</source>
            <translation>Allalaadimata fotosid</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>API calls</source>
            <translation>API-päringud</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Query slices</source>
            <translation>Päringu lõigud</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <location filename="../processing/alg_import_photos.py" />
            <location filename="../processing/alg_import_table.py" />
            <source>Photos imported</source>
            <translation>Imporditud fotosid</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <location filename="../processing/alg_import_photos.py" />
            <location filename="../processing/alg_import_table.py" />
            <source>Photos with a location</source>
            <translation>Asukohaga fotosid</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Choose a start and an end date.</source>
            <translation>Vali algus- ja lõppkuupäev.</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>The API endpoint {} is refused: your API key is sent to it, so it must be an https:// address (plain http only to this computer, for tests).</source>
            <translation>API lõpp-punkt {} lükati tagasi: sinna saadetakse sinu API-võti, seega peab see olema https://-aadress (lihtne http ainult selle arvuti jaoks, testimiseks).</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Owner ids are replaced by hashes with your personal salt (kept in your user folder), so an owner gets the same hash in all your harvests and imports on this computer.</source>
            <translation>Omanike id-d asendatakse sinu isikliku soolaga räsidega (hoitakse sinu kasutajakaustas), nii et omanik saab kõigis sinu kogumistes ja importides selles arvutis sama räsi.</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Query: {}</source>
            <translation>Päring: {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>API endpoint: {}</source>
            <translation>API lõpp-punkt: {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>{} Files downloaded so far stay in {}.</source>
            <translation>{} Seni allalaaditud failid jäävad kausta {}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Photos downloaded so far stay in {}; no table was written.</source>
            <translation>Seni alla laaditud fotod jäävad kausta {}; tabelit ei kirjutatud.</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>{} photos found with {} API calls in {} slices ({:.0f} s, {:.0f} s waited for the hourly budget, {} retries).</source>
            <translation>Leiti {} fotot {} API-päringuga {} lõigus ({:.0f} s, tunnilimiidi ootamiseks {:.0f} s, {} kordust).</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>the photos were not downloaded.</source>
            <translation>fotosid ei laaditud alla.</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>no photo was downloaded.</source>
            <translation>ühtegi fotot ei laaditud alla.</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>none was asked for.</source>
            <translation>ühtegi ei küsitud.</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>No point layer: {}</source>
            <translation>Punktikihti pole: {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_harvest_flickr.py" />
            <source>Importing the harvested photos (the import of a metadata table).</source>
            <translation>Impordin kogutud fotod (metaandmete tabeli import).</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Read photo folder (EXIF locations)</source>
            <translation>Loe fotokaust (EXIF-i asukohad)</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>import,photos,geotagged,exif,gps,points,folder</source>
            <translation>import,fotod,geomärgistatud,punktid,kaust,photos,geotagged,exif,gps,points,folder</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Puts the photos of a folder on the map: one point per photo where the camera or phone recorded its GPS position, with the date taken, the direction and the camera. Start here with a folder of your own photos. Files that cannot be mapped are listed in a second table with the reason, so nothing disappears silently.</source>
            <translation>Paneb kausta fotod kaardile: iga foto kohta üks punkt seal, kus kaamera või telefon salvestas GPS-asukoha, koos pildistamise aja, suuna ja kaameraga. Alusta siit oma fotode kaustaga. Failid, mida ei saa kaardile panna, loetletakse põhjusega teises tabelis, nii et midagi ei kao vaikselt.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Details: reads JPEG, HEIC/HEIF, AVIF, WebP, PNG, TIFF and DNG headers only, without decoding pixels or changing the files, and makes a 3-D point layer in WGS 84. Each photo gets a content hash (photo_id) that later steps use as its identity. Reasons in the invalid table: not an image, unreadable, no EXIF, no GPS, GPS 0/0, not a number or out of range, missing hemisphere reference. Keep photos without a location to use them for training.</source>
            <translation>Üksikasjad: loeb ainult JPEG-, HEIC/HEIF-, AVIF-, WebP-, PNG-, TIFF- ja DNG-failide päiseid, pikslit dekodeerimata ega faile muutmata, ja teeb WGS 84 koordinaatides kolmemõõtmelise punktikihi. Iga foto saab sisuräsi (photo_id), mida järgmised sammud kasutavad selle tunnusena. Põhjused vigaste failide tabelis: pole pilt, loetamatu, EXIF puudub, GPS puudub, GPS 0/0, pole arv või on vahemikust väljas, poolkera viide puudub. Jäta asukohata fotod alles, et kasutada neid treenimiseks.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Folder of photos</source>
            <translation>Fotode kaust</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Keep photos without a location (null geometry)</source>
            <translation>Jäta alles asukohata fotod (tühi ruumikuju)</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Invalid photos (with reasons)</source>
            <translation>Vigased fotod (koos põhjustega)</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Photos without GPS are then kept in the layer without a point, for example to use them as training examples.</source>
            <translation>GPS-ita fotod jäävad siis kihti ilma punktita, näiteks et kasutada neid treeningnäidetena.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Every file that could not be put on the map, with the reason.</source>
            <translation>Kõik failid, mida ei saanud kaardile panna, koos põhjusega.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>Files not imported</source>
            <translation>Importimata faile</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Read photo metadata table (Flickr CSV/XLSX)</source>
            <translation>Loe fotode metaandmete tabel (Flickr CSV/XLSX)</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>import,flickr,csv,xlsx,table,photos,metadata,points</source>
            <translation>import,tabel,fotod,metaandmed,punktid,flickr,csv,xlsx,table,photos,metadata,points</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Puts downloaded photos on the map from the table that came with them: a Flickr download, a photosearcher CSV or any spreadsheet with coordinates. Each table row is matched with its photo file in a folder, and owners can be replaced by anonymous codes. Rows without a photo and photos without a row are listed with the reason.</source>
            <translation>Paneb allalaaditud fotod kaardile nendega kaasa tulnud tabeli põhjal: Flickri allalaadimine, photosearcheri CSV või mis tahes koordinaatidega arvutustabel. Iga tabelirida seotakse kaustas oleva fotofailiga ja omanikud saab asendada anonüümsete koodidega. Fotota read ja reata fotod loetletakse koos põhjusega.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Details: reads CSV, TSV, XLSX or any table QGIS opens. Rows are joined to files by a file-name column or by the id pattern (Flickr files are named &lt;id&gt;.jpg or &lt;id&gt;_&lt;secret&gt;[_size].jpg). The columns for id, latitude, longitude, date taken, owner, title, tags and URL are detected by name unless you name them. Every other column of the table (a category or motif typed in a spreadsheet, the photo id…) is kept with its name and type, so it can be the class field of training or the motif field of a summary; a name that clashes with a field of the import gets the prefix table_. Owner ids become salted hashes: analyses need distinct users, not their names, and columns naming a person (owner names, user names, e-mail) are then left out.</source>
            <translation>Üksikasjad: loeb CSV-, TSV-, XLSX- või mis tahes tabelit, mida QGIS avab. Read seotakse failidega failinime veeru või id-mustri järgi (Flickri failide nimed on &lt;id&gt;.jpg või &lt;id&gt;_&lt;secret&gt;[_size].jpg). Id, laiuse, pikkuse, pildistamise aja, omaniku, pealkirja, siltide ja URL-i veerud tuvastatakse nime järgi, kui sa neid ise ei nimeta. Tabeli kõik muud veerud (tabelarvutuses sisestatud kategooria või motiiv, foto id…) jäävad alles oma nime ja tüübiga, nii et neid saab kasutada treenimise klassiväljana või kokkuvõtte motiiviväljana; importimise väljaga kattuv nimi saab eesliite table_. Omanike id-d asendatakse soolatud räsidega: analüüsiks on vaja eristada kasutajaid, mitte teada nende nimesid, ja isikut nimetavad veerud (omanike nimed, kasutajanimed, e-post) jäetakse siis välja.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Folder of the downloaded photos</source>
            <translation>Allalaaditud fotode kaust</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>File name pattern (columns in braces)</source>
            <translation>Failinime muster (veerud looksulgudes)</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Photo id column</source>
            <translation>Foto ID veerg</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>File name column</source>
            <translation>Failinime veerg</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Latitude column</source>
            <translation>Laiuskraadi veerg</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Longitude column</source>
            <translation>Pikkuskraadi veerg</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Date taken column</source>
            <translation>Pildistamiskuupäeva veerg</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Owner column</source>
            <translation>Omaniku veerg</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Title column</source>
            <translation>Pealkirja veerg</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Tags column</source>
            <translation>Siltide veerg</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>URL column</source>
            <translation>URL-i veerg</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Empty: detected from the column names.</source>
            <translation>Tühi: tuvastatakse veergude nimede järgi.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Replace owner ids by salted hashes (personal data)</source>
            <translation>Asenda omanike id-d soolatud räsidega (isikuandmed)</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Salt for the owner hashes</source>
            <translation>Omanike räside sool</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Rows and files not imported</source>
            <translation>Importimata ridu ja faile</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>How the photo files are named, with table columns in braces: {id} finds Flickr downloads named &lt;id&gt;.jpg or &lt;id&gt;_&lt;secret&gt;.jpg.</source>
            <translation>Kuidas fotofailid on nimetatud, tabeli veerud looksulgudes: {id} leiab Flickri allalaadimised nimega &lt;id&gt;.jpg või &lt;id&gt;_&lt;secret&gt;.jpg.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Owner ids are personal data: hashes keep users apart for analysis without naming them.</source>
            <translation>Omanike id-d on isikuandmed: räsid hoiavad kasutajad analüüsiks lahus, ilma neid nimetamata.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>CSV, XLSX or any table QGIS reads, with a row per photo.</source>
            <translation>CSV, XLSX või mis tahes QGIS-i loetav tabel, rida foto kohta.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Keep it secret; empty: your personal salt, the same in all your imports.</source>
            <translation>Hoia see saladuses; tühi: sinu isiklik sool, sama kõigis sinu importides.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Every row and file that was not imported, with the reason.</source>
            <translation>Iga rida ja fail, mida ei imporditud, koos põhjusega.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>The table {} does not exist.</source>
            <translation>Tabelit {} ei ole olemas.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>{} rows, columns: {}</source>
            <translation>{} rida, veerud: {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Owners are pseudonymised with your personal salt (kept in your user folder): hashes are comparable across all your imports and harvests on this computer.</source>
            <translation>Omanikud pseudonüümitakse sinu isikliku soolaga (hoitakse sinu kasutajakaustas): räsid on võrreldavad kõigis sinu importides ja kogumistes selles arvutis.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Other columns kept in the layer: {}.</source>
            <translation>Kihti jäid tabeli muud veerud: {}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>The column '{}' clashes with a field of the import: it is kept as '{}'.</source>
            <translation>Veerg „{}” kattub importimise väljaga: see jääb alles nimega „{}”.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_table.py" />
            <source>Left out because owners are hashed (they name a person): {}.</source>
            <translation>Jäeti välja, sest omanikud räsitakse (need nimetavad isikut): {}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Publish a motif map (PDF/PNG)</source>
            <translation>Avalda motiivikaart (PDF/PNG)</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>print layout,map,pdf,png,publish,legend,motifs</source>
            <translation>trükipaigutus,kaart,avalda,legend,motiivid,print layout,map,pdf,png,publish,legend,motifs</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Makes a finished map to print or share from a motif summary: the areas coloured by their dominant motif, with legend, scale bar, north arrow and the typical photos of the top motifs, as PDF and PNG.</source>
            <translation>Teeb motiivide kokkuvõttest valmis kaardi trükkimiseks või jagamiseks: alad on värvitud valdava motiivi järgi, koos legendi, mõõtkava, põhjanoole ja peamiste motiivide tüüpiliste fotodega, PDF- ja PNG-vormingus.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Details: the summary comes from 'Summarize motifs by area', the thumbnails from the contact sheets folder of 'Discover photo motifs'. A note gives the privacy threshold used and the attribution of the photo source. The layout comes from the shipped template; give your own .qpt with the same item ids to change it.</source>
            <translation>Üksikasjad: kokkuvõte tuleb tööriistast „Koonda motiivid alade kaupa”, pisipildid tööriista „Leia fotomotiivid” kontaktlehtede kaustast. Märkus annab kasutatud privaatsuslävendi ja fotoallika viite. Paigutus tuleb kaasasolevast mallist; selle muutmiseks anna oma .qpt samade elementide id-dega.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Motif summary layer</source>
            <translation>Motiivide kokkuvõtte kiht</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The output of 'Summarize motifs by area'.</source>
            <translation>Tööriista „Koonda motiivid alade kaupa” väljund.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Title</source>
            <translation>Pealkiri</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Photo motifs</source>
            <translation>Fotomotiivid</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Attribution of the photos</source>
            <translation>Fotode viide</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>e.g. Photos: Flickr users, CC BY 2.0 (empty: no attribution line)</source>
            <translation>nt Fotod: Flickri kasutajad, CC BY 2.0 (tühi: viitereal puudub)</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Printed under the map as it is; leave empty to print nothing.</source>
            <translation>Trükitakse kaardi alla nii, nagu on kirjutatud; jäta tühjaks, et midagi ei trükitaks.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Background layer (optional)</source>
            <translation>Taustakiht (valikuline)</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>A layer of the project drawn under the areas, e.g. an OpenStreetMap layer you already use; nothing is downloaded by this algorithm.</source>
            <translation>Projekti kiht, mis joonistatakse alade alla, nt juba kasutatav OpenStreetMapi kiht; see algoritm ei laadi midagi alla.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Layout template (.qpt; empty: the shipped one)</source>
            <translation>Paigutuse mall (.qpt; tühi: kaasasolev)</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Motif map (PDF)</source>
            <translation>Motiivikaart (PDF)</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Motif map (PNG)</source>
            <translation>Motiivikaart (PNG)</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Motif map: {} (map in {})</source>
            <translation>Motiivikaart: {} (kaart koordinaatsüsteemis {})</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The layer has no field {}: choose the output of 'Summarize motifs by area'.</source>
            <translation>Kihil pole välja {}: vali tööriista „Koonda motiivid alade kaupa” väljund.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The summary {} has no areas: there is nothing to map. Summarise photos that have a location (and a motif) first.</source>
            <translation>Kokkuvõttes {} pole ühtegi ala: pole midagi kaardistada. Koonda enne asukoha (ja motiiviga) fotod.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The layout template {} is not readable.</source>
            <translation>Paigutuse malli {} ei saa lugeda.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>the export was canceled</source>
            <translation>eksport katkestati</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>there was not enough memory to render the map</source>
            <translation>kaardi joonistamiseks ei jätkunud mälu</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>the file could not be opened for writing (is the disk full, the folder read-only or the file open elsewhere?)</source>
            <translation>faili ei õnnestunud kirjutamiseks avada (kas ketas on täis, kaust kirjutuskaitstud või fail mujal avatud?)</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>the map could not be rendered for printing</source>
            <translation>kaarti ei õnnestunud trükiks joonistada</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>a layer could not be exported</source>
            <translation>üht kihti ei õnnestunud eksportida</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>the atlas could not be prepared</source>
            <translation>atlast ei õnnestunud ette valmistada</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>the layout exporter failed (code {})</source>
            <translation>küljenduse eksport ebaõnnestus (kood {})</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The {} {} could not be completed ({}): nothing was saved under its name. The disk may be full.</source>
            <translation>Väljundit {} {} ei õnnestunud lõpetada ({}): selle nime all ei salvestatud midagi. Ketas võib olla täis.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The {} {} could not be written: {}.</source>
            <translation>Väljundit {} {} ei õnnestunud kirjutada: {}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The PDF {} could not be written: {}.</source>
            <translation>PDF-faili {} ei õnnestunud kirjutada: {}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The PNG {} could not be rendered: there was not enough memory.</source>
            <translation>PNG-faili {} ei õnnestunud joonistada: mälu ei jätkunud.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>The PNG {} could not be written: the disk may be full or the folder read-only.</source>
            <translation>PNG-faili {} ei õnnestunud kirjutada: ketas võib olla täis või kaust kirjutuskaitstud.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Dominant motif per area by {}; opacity: the dominant motif's share ({} areas; map in {})</source>
            <translation>Valdav motiiv ala kohta {} järgi; läbipaistmatus: valdava motiivi osakaal ({} ala; kaart koordinaatsüsteemis {})</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Dominant motif</source>
            <translation>Valdav motiiv</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Privacy: areas with fewer than {} distinct users are hatched; their counts are not published ({} of {} areas). Photos without a user count as one user each.</source>
            <translation>Privaatsus: alad, kus on vähem kui {} erinevat kasutajat, on viirutatud; nende arve ei avaldata ({} ala {}-st). Kasutajata fotod loetakse igaüks eraldi kasutajaks.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>Top motifs (share of all {})</source>
            <translation>Peamised motiivid (osakaal {} koguarvust)</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>{}: dominant in 1 area, {:.0%}</source>
            <translation>{}: valdav 1 alal, {:.0%}</translation>
        </message>
        <message>
            <location filename="../processing/alg_motif_map.py" />
            <source>{}: dominant in {} areas, {:.0%}</source>
            <translation>{}: valdav {} alal, {:.0%}</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>When motifs are photographed (months, hours, seasons)</source>
            <translation>Millal motiive pildistatakse (kuud, tunnid, aastaajad)</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>time,month,hour,season,winter,night,heat map,chart,temporal,when</source>
            <translation>aeg,kuu,tund,aastaaeg,talv,öö,soojuskaart,diagramm,ajaline,millal</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Shows when each motif is photographed: in which months, at which hours of the day and in which seasons, as a table and as a heat map per motif (months by hours) ready for a paper. Winter landscapes, autumn parks or the river at night stand out at a glance.</source>
            <translation>Näitab, millal iga motiivi pildistatakse: millistel kuudel, mis kellaaegadel ja millistel aastaaegadel, tabelina ja iga motiivi soojuskaardina (kuud tundide kaupa), mis sobib otse artiklisse. Talvised maastikud, sügisesed pargid või öine jõgi torkavad kohe silma.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Details: for every motif and every month (1-12), hour (0-23) and season (DJF, MAM, JJA, SON) the table gives the count by the chosen measure (photo-user-days, distinct users or photos, as in the summary by area), its share of the motif's total and its share of all motifs at that time. Hours are the local time of each photo: the time as the camera wrote it, which the stored UTC offset confirms when there is one; photos without an offset are taken as local time as written. Photos known to the month only count in their month and season, not in the hours. Rows and heat map cells with fewer distinct users than the minimum are left empty (privacy). The chart folder gets one PNG per motif, an overview of all motifs and the heat map numbers as CSV.</source>
            <translation>Üksikasjad: iga motiivi ning iga kuu (1–12), tunni (0–23) ja aastaaja (DJF, MAM, JJA, SON) kohta annab tabel arvu valitud mõõdu järgi (foto-kasutaja-päevad, erinevad kasutajad või fotod, nagu alade kokkuvõttes), selle osakaalu motiivi kogusummast ja osakaalu kõigist motiividest sel ajal. Tunnid on iga foto kohalik aeg: aeg, nagu kaamera selle kirjutas, mida salvestatud UTC nihe kinnitab, kui see on olemas; nihketa fotode aega loetakse kohalikuks, nagu kirjutatud. Ainult kuu täpsusega fotod loetakse oma kuusse ja aastaaega, mitte tundidesse. Read ja soojuskaardi lahtrid, kus on vähem erinevaid kasutajaid kui miinimum, jäetakse tühjaks (privaatsus). Diagrammide kausta tuleb iga motiivi kohta üks PNG, kõigi motiivide ülevaade ja soojuskaartide arvud CSV-na.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Photo layer (with a motif or class field)</source>
            <translation>Fotokiht (motiivi või klassi väljaga)</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../processing/alg_rename_motifs.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Motif or class field</source>
            <translation>Motiivi või klassi väli</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Measure for motif counts and shares</source>
            <translation>Motiivide arvude ja osakaalude mõõt</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Southern hemisphere (December-February is summer)</source>
            <translation>Lõunapoolkera (detsember–veebruar on suvi)</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Minimum distinct users per row or cell (fewer: left empty)</source>
            <translation>Erinevate kasutajate vähim arv rea või lahtri kohta (vähem: jäetakse tühjaks)</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Motifs by month, hour and season</source>
            <translation>Motiivid kuu, tunni ja aastaaja kaupa</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Heat maps folder</source>
            <translation>Soojuskaartide kaust</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Photos counted</source>
            <translation>Loetud fotosid</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Empty: cluster, else class.</source>
            <translation>Tühi: cluster, muidu class.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>One PNG per motif (months by hours, with the motif's months and hours beside it), overview.png with all motifs and heatmap_cells.csv with the numbers behind them.</source>
            <translation>Iga motiivi kohta üks PNG (kuud tundide kaupa, kõrval motiivi kuud ja tunnid), overview.png kõigi motiividega ja heatmap_cells.csv nende taga olevate arvudega.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>The photo layer has no motif field (cluster or class): run 'Discover photo motifs' or 'Classify photos with a model' first, or choose the field.</source>
            <translation>Fotokihil pole motiivivälja (cluster või class): käivita enne „Leia fotomotiivid” või „Klassifitseeri fotod mudeliga” või vali väli.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>The photo layer has no date taken field (such as taken_at): choose the field that holds when each photo was taken.</source>
            <translation>Fotokihil pole pildistamise aja välja (nt taken_at): vali väli, milles on iga foto pildistamise aeg.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <location filename="../core/messages.py" />
            <source>No user field (such as owner): every photo counts as a user of its own.</source>
            <translation>Kasutajavälja (nt owner) pole: iga foto loetakse eraldi kasutajaks.</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>Heat maps: {}</source>
            <translation>Soojuskaardid: {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>  {}: {} ({})</source>
            <translation>  {}: {} ({})</translation>
        </message>
        <message>
            <location filename="../processing/alg_motiftime.py" />
            <source>The photos lie south of the equator: choose 'Southern hemisphere' to name the seasons as they are there (December-February is summer).</source>
            <translation>Fotod asuvad ekvaatorist lõuna pool: vali „Lõunapoolkera”, et aastaajad oleksid nimetatud nii, nagu need seal on (detsember–veebruar on suvi).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} files: {} photos with a location, {} kept without a location, {} invalid.</source>
            <translation>{} faili: {} asukohaga fotot, {} asukohata alles jäetud, {} vigast.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} table rows, {} files: {} photos imported, {} rows or files listed as invalid.</source>
            <translation>{} tabelirida, {} faili: {} fotot imporditud, {} rida või faili on vigaste loendis.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} of {} distinct photos found in the embedding cache; computing {}.</source>
            <translation>{1} erinevast fotost {0} leiti vektoresituste vahemälust; arvutan {2}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} of {} distinct photos found in the embedding cache; computing {} on {} Dask workers in {} partitions.</source>
            <translation>Vektoresituste vahemälust leiti {} erinevat fotot {}-st; arvutan {} fotot {} Dask-töötajal {} osas.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{}: {} of {}</source>
            <translation>{}: {}/{}</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Files read</source>
            <translation>Loetud failid</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Table rows joined to their photos</source>
            <translation>Fotodega seotud tabeliread</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Photos looked up in the cache</source>
            <translation>Vahemälust otsitud fotod</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Photos identified by their content</source>
            <translation>Sisuräsiga tuvastatud fotod</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Photos embedded</source>
            <translation>Arvutatud vektoresitustega fotod</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Photos written to the layer</source>
            <translation>Kihti kirjutatud fotod</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Principal components (embeddings read, then added up)</source>
            <translation>Peakomponendid (vektoresitused loetud, seejärel liidetud)</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Normalising and reducing the embeddings</source>
            <translation>Vektoresituste normeerimine ja taandamine</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Micro-clusters: batches done</source>
            <translation>Mikroklastrid: partiisid tehtud</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Micro-clusters: photos assigned</source>
            <translation>Mikroklastrid: fotosid määratud</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Merging the micro-clusters</source>
            <translation>Mikroklastrite ühendamine</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Typical photos and ranks: motifs done</source>
            <translation>Tüüpilised fotod ja järjestus: motiive tehtud</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>k-means: numbers of motifs tried</source>
            <translation>k-keskmised: proovitud motiivide arve</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>HDBSCAN: photos given the motif of their nearest sampled photo</source>
            <translation>HDBSCAN: fotodele antud lähima valimifoto motiiv</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Reducing {} embeddings of {} values to {} principal components.</source>
            <translation>Taandan {} vektoresitust {} väärtuselt {} peakomponendile.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Measuring the distances between all {} photos.</source>
            <translation>Mõõdan kõigi {} foto omavahelisi kaugusi.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Linking the {} photos into a tree ({} linkage).</source>
            <translation>Ühendan {} fotot puuks ({} seos).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Still linking the {} photos into a tree ({} s).</source>
            <translation>Ühendan endiselt {} fotot puuks ({} s).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Grouping {} photos into {} micro-clusters ({} passes of mini-batch k-means).</source>
            <translation>Rühmitan {} fotot {} mikroklastriks ({} läbimist mini-batch k-keskmiste meetodiga).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Linking the {} micro-clusters into a tree ({} linkage, weighted by their photos).</source>
            <translation>Ühendan {} mikroklastrit puuks ({} seos, kaalutud nende fotode arvuga).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>k-means for every number of motifs from {} to {}.</source>
            <translation>k-keskmised iga motiivide arvu jaoks vahemikus {}–{}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>HDBSCAN on {} photos (minimum motif size {}).</source>
            <translation>HDBSCAN {} fotol (motiivi vähim suurus {}).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Finding the most typical photo of each of the {} motifs and ranking their photos.</source>
            <translation>Leian iga {} motiivi kõige tüüpilisema foto ja järjestan motiivide fotod.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>PCA to {} dimensions skipped: the data has only {} (photos or features).</source>
            <translation>PCA {} mõõtmele jäeti vahele: andmetel on ainult {} (fotot või tunnust).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>PCA from {} to {} dimensions keeps {} of the variance.</source>
            <translation>PCA {} mõõtmelt {} mõõtmele säilitab {} hajuvusest.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>PCA from {} to {} dimensions keeps {} of the variance (fitted on {} random photos).</source>
            <translation>PCA {} mõõtmelt {} mõõtmele säilitab {} hajuvusest (sobitatud {} juhuslikul fotol).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} clusters have more than {} photos: their medoid was chosen among the {} photos nearest the cluster mean, scored on {} random members.</source>
            <translation>{} klastris on üle {} foto: nende medoid valiti klastri keskmisele lähima {} foto seast, hinnatuna {} juhusliku liikme põhjal.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos are more than the {} clustered exactly: grouped them into {} k-means micro-clusters, clustered those hierarchically ({} linkage, micro-clusters weighted by their photo counts) and gave every photo its micro-cluster's cluster. No photo-by-photo distance matrix was built; the linkage matrix is over the micro-clusters.</source>
            <translation>{} fotot on rohkem kui täpselt klasterdatavad {}: need rühmitati {} k-keskmiste mikroklastriks, mis klasterdati hierarhiliselt ({} sidumine, mikroklastrid kaalutud nende fotode arvuga), ja iga foto sai oma mikroklastri klastri. Fotode vahelist kaugusmaatriksit ei koostatud; sidumismaatriks on mikroklastrite kohta.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Automatic k for k-means was chosen on {} random photos, then k-means ran on all {}.</source>
            <translation>k-keskmiste automaatne k valiti {} juhusliku foto põhjal, seejärel jooksis k-keskmiste meetod kõigil {} fotol.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>HDBSCAN with cosine distance ran with Euclidean distance on L2-normalised vectors (same neighbour order).</source>
            <translation>HDBSCAN koosinuskaugusega jooksis eukleidilise kaugusega L2-normaliseeritud vektoritel (sama naabrite järjestus).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos are more than the {} clustered exactly: ran HDBSCAN on {} random photos and gave every other photo the cluster (or noise) of its nearest sampled photo.</source>
            <translation>{} fotot on rohkem kui täpselt klasterdatavad {}: HDBSCAN jooksis {} juhuslikul fotol ja iga teine foto sai oma lähima valimifoto klastri (või müra).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Automatic k searched {}-{} only: there are {} photos (at least {} photos per cluster on average).</source>
            <translation>Automaatne k otsiti ainult vahemikust {}–{}: fotosid on {} (keskmiselt vähemalt {} fotot klastri kohta).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Contact sheet {} of {}: {} ({} photos).</source>
            <translation>Kontaktleht {}/{}: {} ({} fotot).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos in {} classes; computing embeddings with {}.</source>
            <translation>{} fotot {} klassis; arvutan vektoresitused mudeliga {}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Fitting the {} head on {} photos, validating on {}.</source>
            <translation>Treenin klassifikaatorit ({}) {} fotol, valideerin {} fotol.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{}-fold cross-validation.</source>
            <translation>{}-kordne ristvalideerimine.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Refitting the {} head on all {} photos.</source>
            <translation>Treenin klassifikaatori ({}) uuesti kõigil {} fotol.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>These classes are too small to keep a validation photo, so their recall is not measured: {}.</source>
            <translation>Need klassid on liiga väikesed, et valideerimiseks fotot kõrvale jätta, seega nende saagist ei mõõdeta: {}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Converting {} to ONNX (once; cached in {}).</source>
            <translation>Teisendan mudeli {} ONNX-vormingusse (üks kord; hoitakse kaustas {}).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Converted {} in {} s.</source>
            <translation>Mudel {} teisendati ({} s).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Quantising {} to int8 (once; cached in {}).</source>
            <translation>Kvantiseerin mudeli {} int8-ks (üks kord; hoitakse kaustas {}).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Quantised {} in {} s.</source>
            <translation>Mudel {} kvantiseeriti ({} s).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Decoding {} photos for fine-tuning.</source>
            <translation>Dekodeerin {} fotot peenhäälestuseks.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Fine-tuning the last {} stage(s) of {} on {} photos for at most {} s.</source>
            <translation>Peenhäälestan mudeli {1} viimast {0} astet {2} fotol, kuni {3} s.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Epoch {}: loss {}, accuracy on augmented training photos {} ({} s of {} s).</source>
            <translation>Epohh {}: kadu {}, täpsus teisendatud treeningfotodel {} ({} s / {} s).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Fine-tuned {} steps ({} epochs) in {} s; last epoch loss {}, accuracy on augmented training photos {}.</source>
            <translation>Peenhäälestatud {} sammu ({} epohhi) {} s jooksul; viimase epohhi kadu {}, täpsus teisendatud treeningfotodel {}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Fine-tuned the last {} stage(s) of the backbone for {} s ({} steps, {} epochs) on the {} training photos only; the validation photos were not used, the final head was refitted on all photos.</source>
            <translation>Põhimudeli {} viimast astet peenhäälestati {} s ({} sammu, {} epohhi) ainult {} treeningfotol; valideerimisfotosid ei kasutatud, lõplik pea sobitati uuesti kõigil fotodel.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Some photos failed only after fine-tuning; the validation split may include photos the fine-tuning saw.</source>
            <translation>Mõned fotod ebaõnnestusid alles pärast peenhäälestust; valideerimisosas võib olla fotosid, mida peenhäälestus nägi.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The cross-validation figures reuse the fine-tuned backbone, which saw the training photos of every fold: they are optimistic.</source>
            <translation>Ristvalideerimise näitajad kasutavad peenhäälestatud põhimudelit, mis nägi iga osa treeningfotosid: need on optimistlikud.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Reading OpenAI's TorchScript weights {} (their code is not run).</source>
            <translation>Loen OpenAI TorchScripti kaalusid {} (nende koodi ei käivitata).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Reading the OpenCLIP weights {}.</source>
            <translation>Loen OpenCLIP-i kaalusid {}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The architecture name {} was not used: config.json sets the activation ({}).</source>
            <translation>Arhitektuuri nime {} ei kasutatud: config.json määrab aktivatsiooni ({}).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Activation ({}) and attention heads from open_clip_config.json.</source>
            <translation>Aktivatsioon ({}) ja tähelepanupead failist open_clip_config.json.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Dimensions read from the weights: image width {}, text width {}, {} + {} attention heads.</source>
            <translation>Mõõtmed loeti kaaludest: pildiosa laius {}, tekstiosa laius {}, {} + {} tähelepanupead.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Exporting the image tower ({} px) to ONNX.</source>
            <translation>Ekspordin pildiosa ({} px) ONNX-iks.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Exporting the text tower to ONNX.</source>
            <translation>Ekspordin tekstiosa ONNX-iks.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Writing the int8 image tower.</source>
            <translation>Kirjutan int8-pildiosa.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Hourly budget of {} API calls used: waiting {} before the next call.</source>
            <translation>Tunni {} API-päringu limiit on täis: ootan {} enne järgmist päringut.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{}: retrying in {} (attempt {} of {}; cancel to stop).</source>
            <translation>{}: uus katse {} pärast (katse {}/{}; peatamiseks tühista).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Download of {}: {}</source>
            <translation>Faili {} allalaadimine: {}</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Flickr reports {} photos for the query.</source>
            <translation>Flickri andmetel on päringule {} fotot.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} to {}</source>
            <translation>{} kuni {}</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} to {} in {}</source>
            <translation>{} kuni {} alal {}</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Slice {}: {} photos, over the cap of {}: split by {}.</source>
            <translation>Lõik {}: {} fotot, üle ülempiiri {}: jagatud viisil {}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Slice {} has {} photos in one second and a tiny area: only the first {} can be read.</source>
            <translation>Lõigus {} on {} fotot ühes sekundis ja väga väikesel alal: lugeda saab ainult esimesed {}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Slice {}: {} photos in {} page(s); {} distinct photos so far ({} API calls).</source>
            <translation>Lõik {}: {} fotot {} leheküljel; seni {} erinevat fotot ({} API-päringut).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photo entries of Flickr's answers were left out because {} (ids must be numbers and secrets letters and digits).</source>
            <translation>Flickri vastustest jäeti välja {} fotokirjet, sest {} (id-d peavad olema numbrid ja saladused tähed ja numbrid).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} of {} photos: {} downloaded, {} already there, {} failed.</source>
            <translation>{} fotot {}-st: {} alla laaditud, {} juba olemas, {} ebaõnnestus.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} distinct photos found in {} slices with {} API calls.</source>
            <translation>Leiti {} erinevat fotot {} lõigus {} API-päringuga.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Files: {} downloaded ({} MB), {} already complete, {} not downloaded.</source>
            <translation>Failid: {} alla laaditud ({} MB), {} juba täielikud, {} jäi alla laadimata.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photo URLs (or their redirects) pointed outside Flickr's photo servers or to plain http and were refused; see {}.</source>
            <translation>{} foto URL-i (või nende ümbersuunamist) osutas väljapoole Flickri fotoservereid või lihtsale http-le ja lükati tagasi; vt {}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} of {} photos are in {} bursts of two or more photos (largest: {} photos); every other photo is a burst of its own.</source>
            <translation>{1} fotost {0} on {2} sarivõttes, milles on kaks või enam fotot (suurimas {3} fotot); iga teine foto on omaette sarivõte.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>No user field: all photos count as one photographer's.</source>
            <translation>Kasutajavälja pole: kõik fotod loetakse ühe pildistaja omaks.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no user: each is a burst of its own.</source>
            <translation>{} fotol pole kasutajat: igaüks on omaette sarivõte.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no time of day: each is a burst of its own.</source>
            <translation>{} fotol pole kellaaega: igaüks on omaette sarivõte.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos could not be read: each is a burst of its own.</source>
            <translation>{} fotot ei õnnestunud lugeda: igaüks on omaette sarivõte.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} of {} photos have a motif and a month; {} motifs.</source>
            <translation>{1} fotost {0} on motiiv ja kuu; {2} motiivi.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Hours are local times: {} photos carry their UTC offset, {} have none and are taken as local time as written.</source>
            <translation>Tunnid on kohalikud ajad: {} fotol on UTC nihe kaasas, {} fotol seda pole ja nende aega loetakse kohalikuks, nagu kirjutatud.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have UTC times (marked Z) without their local offset: their hours are UTC, not local.</source>
            <translation>{} fotol on UTC aeg (märgiga Z) ilma kohaliku nihketa: nende tunnid on UTC järgi, mitte kohalikud.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos with a motif have no readable month and were left out.</source>
            <translation>{} motiiviga fotol pole loetavat kuud ja need jäeti välja.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have a date but no time of day: they count in their month and season, not in the hours.</source>
            <translation>{} fotol on kuupäev, kuid pole kellaaega: need loetakse oma kuusse ja aastaaega, mitte tundidesse.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no motif and were left out.</source>
            <translation>{} fotol pole motiivi ja need jäeti välja.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no user: each counts as a user of its own.</source>
            <translation>{} fotol pole kasutajat: iga neist loetakse eraldi kasutajaks.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} rows have fewer than {} distinct users: their counts and shares are empty (suppressed).</source>
            <translation>{} real on vähem kui {} erinevat kasutajat: nende arvud ja osakaalud on tühjad (varjatud).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Confidence</source>
            <translation>Kindlus</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>No date field: a user's photos count as one photo-user-day per area.</source>
            <translation>Kuupäevavälja pole: kasutaja fotod loetakse ala kohta üheks foto-kasutaja-päevaks.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <location filename="../processing/alg_summarize.py" />
            <source>Areas and output CRS: {} ({})</source>
            <translation>Alad ja väljundi koordinaatsüsteem: {} ({})</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The grid CRS counts in {}: cells of {} of them.</source>
            <translation>Ruudustiku koordinaatsüsteemi ühik on {}: lahtrid on {} sellist ühikut.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Summarising on {} Dask workers, {} partitions.</source>
            <translation>Teen kokkuvõtet {} Dask-töötajal, {} osas.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The areas overlap: the photos are summarised on this machine, where a photo counts in every area that holds it (on Dask partitions each photo meets one area).</source>
            <translation>Alad kattuvad: fotod võetakse kokku selles masinas, kus foto loetakse igasse alasse, mis teda sisaldab (Dask'i partitsioonidel kohtab iga foto vaid üht ala).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Grid cells of {} m are smaller than {} m (allowed on request): cells that small can locate single photographers. Do not publish this grid.</source>
            <translation>{} m ruudustiku lahtrid on väiksemad kui {} m (soovi korral lubatud): nii väikesed lahtrid võivad paljastada üksikute pildistajate asukoha. Ära seda ruudustikku avalda.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} areas had invalid outlines (self-crossing or touching rings, such as a bow-tie) and were repaired with make_valid before counting; their geometry in the output is unchanged.</source>
            <translation>{} alal olid vigased piirjooned (iseennast lõikuvad või puutuvad rõngad, näiteks liblikakujuline) ja need parandati enne loendamist make_valid'iga; nende ruumikuju väljundis on muutmata.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The areas overlap ({} pairs share ground, e.g. areas {} and {}): each area counts every photo inside it, so {} photos count in more than one area and the areas' totals add up to more than the photos.</source>
            <translation>Alad kattuvad ({} paaril on ühist maad, nt alad {} ja {}): iga ala loeb kõik oma fotod, seega {} fotot loetakse rohkem kui ühes alas ja alade kogusummad annavad kokku rohkem kui fotosid on.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no user: each counts as a user of its own (so the minimum-users rule is weaker where they are).</source>
            <translation>{} fotol pole kasutajat: iga neist loetakse eraldi kasutajaks (seega on kasutajate miinimumi reegel seal nõrgem).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no readable date (missing, or impossible such as 2020-02-30): a user's undated photos count as one photo-user-day per area.</source>
            <translation>{} fotol pole loetavat kuupäeva (puudub või on võimatu, nt 2020-02-30): kasutaja kuupäevata fotod loetakse ala kohta üheks foto-kasutaja-päevaks.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no motif: they count as photos, users and photo-user-days but in no motif.</source>
            <translation>{} fotol pole motiivi: need loetakse fotode, kasutajate ja foto-kasutaja-päevade hulka, kuid mitte ühegi motiivi alla.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos have no location and were left out.</source>
            <translation>{} fotol pole asukohta ja need jäeti välja.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos lie outside every area and were left out.</source>
            <translation>{} fotot asub väljaspool kõiki alasid ja need jäeti välja.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} of {} grid cells with photos have fewer than {} distinct users: they were left out of the grid (not drawn), so no cell points at where a few people took photos.</source>
            <translation>{} fotodega ruudustiku lahtris {}-st on vähem kui {} erinevat kasutajat: need jäeti ruudustikust välja (ei joonistata), nii et ükski lahter ei osuta kohale, kus pildistasid vaid mõned inimesed.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} of {} areas with photos have fewer than {} distinct users: their counts and shares are NULL (suppressed), their geometry is kept.</source>
            <translation>{} fotodega alal {}-st on vähem kui {} erinevat kasutajat: nende arvud ja osakaalud on NULL (varjatud), ruumikuju säilib.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Trained a {} classifier on {} photos in {} classes ({}).</source>
            <translation>Treeniti klassifikaator ({}) {} fotol {} klassis ({}).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Validation ({} photos not used for fitting): accuracy {}, balanced accuracy {}, {} misclassified.</source>
            <translation>Valideerimine ({} fotot, mida sobitamiseks ei kasutatud): täpsus {}, tasakaalustatud täpsus {}, {} valesti klassifitseeritud.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Weakest class: {} (recall {}).</source>
            <translation>Nõrgim klass: {} (saagis {}).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{}-fold cross-validation: accuracy {} ± {}.</source>
            <translation>{}-kordne ristvalideerimine: täpsus {} ± {}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{}-fold cross-validation by user: accuracy {} ± {}.</source>
            <translation>{}-kordne ristvalideerimine kasutajate kaupa: täpsus {} ± {}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{}-fold cross-validation by burst: accuracy {} ± {}.</source>
            <translation>{}-kordne ristvalideerimine sarivõtete kaupa: täpsus {} ± {}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{}-fold cross-validation by group: accuracy {} ± {}.</source>
            <translation>{}-kordne ristvalideerimine rühmade kaupa: täpsus {} ± {}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The exported model was refitted on all {} photos.</source>
            <translation>Eksporditud mudel sobitati uuesti kõigil {} fotol.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>, field {}</source>
            <translation>, väli {}</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Accuracy by user (the {} validation photos come from {} users whose photos were not used for fitting{}): {}, balanced accuracy {}, {} misclassified.</source>
            <translation>Täpsus kasutajate kaupa ({} valideerimisfotot on {} kasutajalt, kelle fotosid sobitamiseks ei kasutatud{}): {}, tasakaalustatud täpsus {}, {} valesti klassifitseeritud.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Accuracy by burst (the {} validation photos come from {} bursts whose photos were not used for fitting{}): {}, balanced accuracy {}, {} misclassified.</source>
            <translation>Täpsus sarivõtete kaupa ({} valideerimisfotot on {} sarivõttest, mille fotosid sobitamiseks ei kasutatud{}): {}, tasakaalustatud täpsus {}, {} valesti klassifitseeritud.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Accuracy by group (the {} validation photos come from {} groups whose photos were not used for fitting{}): {}, balanced accuracy {}, {} misclassified.</source>
            <translation>Täpsus rühmade kaupa ({} valideerimisfotot on {} rühmast, mille fotosid sobitamiseks ei kasutatud{}): {}, tasakaalustatud täpsus {}, {} valesti klassifitseeritud.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Random split, as Lobe's 80/20 split draws it: accuracy {}.</source>
            <translation>Juhuslik jaotus, nagu Lobe'i 80/20 jaotus selle loosib: täpsus {}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores {} points higher because the same users' photos, near-duplicates among them, sit on both sides of it; expect the by-user figure on new users' photos.</source>
            <translation>Juhuslik jaotus annab {} punkti rohkem, sest samade kasutajate fotod, nende seas peaaegu duplikaadid, on jaotuse mõlemal pool; uute kasutajate fotodel oota kasutajate kaupa mõõdetud tulemust.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores {} points lower, by the chance of which photos it held out; the by-user figure is the one to expect on new users' photos.</source>
            <translation>Juhuslik jaotus annab {} punkti vähem, juhuse tõttu, milliseid fotosid see kõrvale jättis; uute kasutajate fotodel oota kasutajate kaupa mõõdetud tulemust.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores about the same ({} points): in this collection the users' own photos do not inflate it.</source>
            <translation>Juhuslik jaotus annab umbes sama tulemuse ({} punkti): selles kogus ei paisuta kasutajate endi fotod seda.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores {} points higher because the same bursts' photos, near-duplicates among them, sit on both sides of it; expect the by-burst figure on new bursts' photos.</source>
            <translation>Juhuslik jaotus annab {} punkti rohkem, sest samade sarivõtete fotod, nende seas peaaegu duplikaadid, on jaotuse mõlemal pool; uute sarivõtete fotodel oota sarivõtete kaupa mõõdetud tulemust.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores {} points lower, by the chance of which photos it held out; the by-burst figure is the one to expect on new bursts' photos.</source>
            <translation>Juhuslik jaotus annab {} punkti vähem, juhuse tõttu, milliseid fotosid see kõrvale jättis; uute sarivõtete fotodel oota sarivõtete kaupa mõõdetud tulemust.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores about the same ({} points): in this collection the bursts' own photos do not inflate it.</source>
            <translation>Juhuslik jaotus annab umbes sama tulemuse ({} punkti): selles kogus ei paisuta sarivõtete endi fotod seda.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores {} points higher because the same groups' photos, near-duplicates among them, sit on both sides of it; expect the by-group figure on new groups' photos.</source>
            <translation>Juhuslik jaotus annab {} punkti rohkem, sest samade rühmade fotod, nende seas peaaegu duplikaadid, on jaotuse mõlemal pool; uute rühmade fotodel oota rühmade kaupa mõõdetud tulemust.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores {} points lower, by the chance of which photos it held out; the by-group figure is the one to expect on new groups' photos.</source>
            <translation>Juhuslik jaotus annab {} punkti vähem, juhuse tõttu, milliseid fotosid see kõrvale jättis; uute rühmade fotodel oota rühmade kaupa mõõdetud tulemust.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The random split scores about the same ({} points): in this collection the groups' own photos do not inflate it.</source>
            <translation>Juhuslik jaotus annab umbes sama tulemuse ({} punkti): selles kogus ei paisuta rühmade endi fotod seda.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>All photos belong to one group, so the split is random.</source>
            <translation>Kõik fotod kuuluvad ühte rühma, seega on jaotus juhuslik.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>The groups are too few to keep any of them for validation without losing a class from training, so the split is random.</source>
            <translation>Rühmi on liiga vähe, et mõnda neist valideerimiseks kõrvale jätta ilma mõnda klassi treenimisest kaotamata, seega on jaotus juhuslik.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>No photo of these classes is among the groups held out for validation, so their recall is not measured: {}.</source>
            <translation>Valideerimiseks kõrvale jäetud rühmades pole ühtegi nende klasside fotot, seega nende saagist ei mõõdeta: {}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>All photos of these classes belong to groups that fell into validation, so they were kept for training and their recall is not measured: {}.</source>
            <translation>Nende klasside kõik fotod kuuluvad rühmadesse, mis sattusid valideerimisse, seega jäeti need treenimiseks ja nende saagist ei mõõdeta: {}.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} into {} folders under {}.</source>
            <translation>{} ({} kausta kaustas {}).</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} copied</source>
            <translation>{} kopeeritud</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} hard-linked</source>
            <translation>{} kõvalingitud</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} symbolic links</source>
            <translation>{} sümbolinki</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} re-encoded without metadata</source>
            <translation>{} salvestatud uuesti ilma metaandmeteta</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} already there (identical)</source>
            <translation>{} juba olemas (identsed)</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} renamed to avoid a name clash</source>
            <translation>{} nimetatud nimekonflikti vältimiseks ümber</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} not exported</source>
            <translation>{} eksportimata</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Hard links were not possible here (another drive or file system): made symbolic links instead.</source>
            <translation>Kõvalingid polnud siin võimalikud (teine ketas või failisüsteem): selle asemel loodi sümbolingid.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>{} photos could not be linked at all and were copied.</source>
            <translation>{} fotot ei õnnestunud üldse linkida ja need kopeeriti.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>Hard-linked photos share their bytes with the originals: editing one edits the other.</source>
            <translation>Kõvalingitud fotod jagavad baite originaalidega: ühe muutmine muudab ka teist.</translation>
        </message>
        <message>
            <location filename="../core/messages.py" />
            <source>For sharing, the tables leave out the {} columns that could locate, date or identify a photo, its camera or its owner: {}.</source>
            <translation>Jagamiseks jäetakse tabelitest välja {} veergu, mis võiksid foto, selle kaamera või omaniku asukoha, aja või isiku välja anda: {}.</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>EfficientNet-Lite0 (ImageNet, 1280-d)</source>
            <translation>EfficientNet-Lite0 (ImageNet, 1280 väärtust)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>EfficientNet-Lite2 (ImageNet, 1280-d, slower, more accurate)</source>
            <translation>EfficientNet-Lite2 (ImageNet, 1280 väärtust, aeglasem, täpsem)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>SqueezeNet as in Orange Image Analytics (local embedder, 1000-d)</source>
            <translation>SqueezeNet nagu Orange Image Analyticsis (kohalik vektoresituste arvutaja, 1000 väärtust)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>EfficientNet-Lite0 int8 (fast: ~1.6x quicker, embeddings 0.996 cosine to fp32; CPUs with VNNI)</source>
            <translation>EfficientNet-Lite0 int8 (kiire: ~1,6 korda kiirem, vektoresitused fp32-ga koosinusega 0,996; VNNI-ga protsessorid)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>My own ONNX model (file below)</source>
            <translation>Minu oma ONNX-mudel (fail allpool)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>A CLIP model folder (below; 'Add a CLIP model' converts one)</source>
            <translation>CLIP-mudeli kaust (allpool; „Lisa CLIP-mudel” teisendab mudeli)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>A CLIP model folder, int8 image tower (faster)</source>
            <translation>CLIP-mudeli kaust, int8-pildiosa (kiirem)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>hierarchical</source>
            <translation>hierarhiline</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>k-means</source>
            <translation>k-keskmised</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>HDBSCAN (leaves 'noise')</source>
            <translation>HDBSCAN (jätab „noise” ehk müra)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>cosine</source>
            <translation>koosinus</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Euclidean</source>
            <translation>eukleidiline</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>average</source>
            <translation>keskmine</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Ward</source>
            <translation>Ward</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>complete</source>
            <translation>täielik</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>single</source>
            <translation>üksik</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>fixed (K)</source>
            <translation>fikseeritud (K)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>height ratio (Orange)</source>
            <translation>kõrguse suhe (Orange)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>PCA</source>
            <translation>PCA</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>t-SNE</source>
            <translation>t-SNE</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>none</source>
            <translation>puudub</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>linear (logistic regression)</source>
            <translation>lineaarne (logistiline regressioon)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>small neural network (MLP)</source>
            <translation>väike närvivõrk (MLP)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>fine-tune (slow, optimise)</source>
            <translation>peenhäälestus (aeglane, optimeeri)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>copy</source>
            <translation>kopeeri</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>hard link where possible (else copy)</source>
            <translation>kõvalink, kui võimalik (muidu kopeeri)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Date taken</source>
            <translation>Pildistamise aeg</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Date uploaded</source>
            <translation>Üleslaadimise aeg</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>All licences</source>
            <translation>Kõik litsentsid</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Creative Commons only (incl. CC0)</source>
            <translation>Ainult Creative Commons (k.a CC0)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>No known copyright restrictions or public domain</source>
            <translation>Teadaolevate autoriõiguse piiranguteta või avalik omand</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Medium, 640 px (z)</source>
            <translation>Keskmine, 640 px (z)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Small, 320 px (n)</source>
            <translation>Väike, 320 px (n)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Medium, 800 px (c)</source>
            <translation>Keskmine, 800 px (c)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Large, 1024 px (b)</source>
            <translation>Suur, 1024 px (b)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Original (o; not offered for every photo)</source>
            <translation>Originaal (o; pole iga foto puhul saadaval)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Photo-user-days</source>
            <translation>Foto-kasutaja-päevad</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Distinct users</source>
            <translation>Erinevad kasutajad</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Hexagons</source>
            <translation>Kuusnurgad</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>Squares</source>
            <translation>Ruudud</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>All seasons</source>
            <translation>Kõik aastaajad</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>December–February (DJF: winter in the north, summer in the south)</source>
            <translation>Detsember–veebruar (DJF: põhjas talv, lõunas suvi)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>March–May (MAM: spring in the north, autumn in the south)</source>
            <translation>Märts–mai (MAM: põhjas kevad, lõunas sügis)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>June–August (JJA: summer in the north, winter in the south)</source>
            <translation>Juuni–august (JJA: põhjas suvi, lõunas talv)</translation>
        </message>
        <message>
            <location filename="../core/options.py" />
            <source>September–November (SON: autumn in the north, spring in the south)</source>
            <translation>September–november (SON: põhjas sügis, lõunas kevad)</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>The run had finished writing its outputs when the cancel request came.</source>
            <translation>Käivitus oli väljundid juba kirjutanud, kui katkestamise soov tuli.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Photo Motifs met an unexpected error ({}: {}); please report it with the message log (Photo Motifs tab).</source>
            <translation>Photo Motifs sattus ootamatu vea otsa ({}: {}); palun teata sellest koos teatelogiga (vahekaart Photo Motifs).</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Reading or writing {} failed: {}.</source>
            <translation>Faili {} lugemine või kirjutamine ebaõnnestus: {}.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>A file operation failed: {}.</source>
            <translation>Failitoiming ebaõnnestus: {}.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>The embedding cache could not be read or written ({}): the disk may be full, the folder read-only or the file damaged.</source>
            <translation>Vektoresituste vahemälu ei õnnestunud lugeda ega kirjutada ({}): ketas võib olla täis, kaust kirjutuskaitstud või fail rikutud.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Canceled by the user.</source>
            <translation>Kasutaja katkestas.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Not saved (the run ended before it was complete; no partial file is left): {}.</source>
            <translation>Salvestamata (töö lõppes enne valmimist; poolikut faili alles ei jäänud): {}.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>The algorithm does not implement process().</source>
            <translation>Algoritmil puudub meetod process().</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Rename and merge motifs</source>
            <translation>Nimeta ja ühenda motiive</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>rename,merge,names,motifs,clusters,curate,legend,not a motif</source>
            <translation>nimeta ümber,ühenda,nimed,motiivid,klastrid,kureeri,legend,pole motiiv</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Gives the motifs names instead of C1, C2…: from a table with the columns old and new, motifs are renamed, several old motifs with the same new name are merged, and an empty new name marks photos as 'not a motif'. The map legend, summaries, exports and the printed map then use the names.</source>
            <translation>Annab motiividele nimed C1, C2… asemel: tabeli järgi, milles on veerud old ja new, nimetatakse motiivid ümber, sama uue nimega vanad motiivid ühendatakse ja tühi uus nimi märgib fotod „pole motiiv”. Kaardi legend, kokkuvõtted, ekspordid ja trükitud kaart kasutavad seejärel neid nimesid.</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Details: the table is a CSV (comma, semicolon or tab) or XLSX file; optional columns note and colour (#RRGGBB) are stored with the names. The original ids stay in the field &lt;field&gt;_id (e.g. cluster_id), so the step can be redone: an old value is looked up among the current names first, then among the original ids (a row naming an original id takes those photos back out of a merge). The mapping is applied at once, not in a chain. The style is rebuilt with the counts of the new motifs; renamed motifs keep their colours, a merged motif takes the colour of its largest part. A GeoPackage output also gets a motif_names table (id, name, note, colour, photos). Unknown old values and repeated rows are reported and skipped; names that a spreadsheet would run as a formula, and two different names for one motif, stop the run with a sentence.</source>
            <translation>Üksikasjad: tabel on CSV- (koma, semikoolon või tabulaator) või XLSX-fail; valikulised veerud note ja colour (#RRGGBB) salvestatakse koos nimedega. Algsed tunnused jäävad välja &lt;väli&gt;_id (nt cluster_id), nii et sammu saab uuesti teha: vana väärtust otsitakse esmalt praeguste nimede, seejärel algsete tunnuste seast (algset tunnust nimetav rida võtab need fotod ühendusest tagasi välja). Vastavus rakendatakse korraga, mitte ahelana. Stiil ehitatakse uute motiivide arvudega uuesti; ümber nimetatud motiivid säilitavad oma värvi, ühendatud motiiv saab oma suurima osa värvi. GeoPackage-väljund saab ka tabeli motif_names (id, name, note, colour, photos). Tundmatutest vanadest väärtustest ja korduvatest ridadest antakse teada ja need jäetakse vahele; nimed, mida tabelarvutus käivitaks valemina, ja ühe motiivi kaks erinevat nime peatavad töö lausega.</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Mapping table (old,new)</source>
            <translation>Vastavustabel (old,new)</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Photos with named motifs</source>
            <translation>Nimega motiividega fotod</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Sheets under the new names</source>
            <translation>Lehed uute nimedega</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Motifs after renaming</source>
            <translation>Motiive pärast ümbernimetamist</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Photos whose motif changed</source>
            <translation>Fotod, mille motiiv muutus</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>Photos marked 'not a motif'</source>
            <translation>Fotod märkega „pole motiiv”</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>A CSV or XLSX table. First row: old,new (optional: note, colour). One row per motif to change, e.g. C10,flowers — C27,architecture — C28,architecture — C3, (empty: not a motif).</source>
            <translation>CSV- või XLSX-tabel. Esimene rida: old,new (valikuliselt: note, colour). Üks rida iga muudetava motiivi kohta, nt C10,lilled — C27,arhitektuur — C28,arhitektuur — C3, (tühi: pole motiiv).</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>One contact sheet per named motif, titled with its name, most typical photos first, and an overview.</source>
            <translation>Üks kontaktleht iga nimega motiivi kohta, pealkirjaks selle nimi, kõige tüüpilisemad fotod eespool, ja ülevaade.</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>The original ids are kept in {}: old values are looked up among the current names, then among those ids.</source>
            <translation>Algsed tunnused on väljas {}: vanu väärtusi otsitakse praeguste nimede, seejärel nende tunnuste seast.</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>{} → {} ({} photos)</source>
            <translation>{} → {} ({} fotot)</translation>
        </message>
        <message>
            <location filename="../processing/alg_rename_motifs.py" />
            <source>{} motifs before, {} after; {} photos changed, {} marked 'not a motif'.</source>
            <translation>{} motiivi enne, {} pärast; muutus {} fotot, {} märgiti „pole motiiv”.</translation>
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Find photos by words or by a photo</source>
            <translation>Leia fotod sõnade või foto järgi</translation>
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>clip,search,find,query,sentence,similar,photo,retrieval</source>
            <translation>clip,otsing,leia,päring,lause,sarnane,foto,search,find,query,sentence,similar,photo,retrieval</translation>
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Finds the photos that best match a sentence ('a frozen lake with skaters', 'graffiti under a bridge') or that look most like a photo you choose, using a CLIP model you added. The best matches are written to a new layer with their similarity, and selected on the photo layer.</source>
            <translation>Leiab sinu lisatud CLIP-mudeliga fotod, mis sobivad kõige paremini lausega („jäätunud järv uisutajatega”, „grafiti silla all”) või on kõige sarnasemad sinu valitud fotoga. Parimad vasted kirjutatakse koos sarnasusega uuele kihile ja valitakse fotokihil.</translation>
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Details: similarity is the cosine between the photo's and the query's CLIP embeddings (higher is closer; CLIP's text-to-photo values are small, around 0.2-0.35 for good matches). With both a sentence and a photo the query is their average. The query photo itself is left out of the results. Embeddings come from the cache, so searching a collection embedded once takes milliseconds.</source>
            <translation>Üksikasjad: sarnasus on foto ja päringu CLIP-vektoresituste koosinus (suurem on lähem; CLIP-i teksti ja foto väärtused on väikesed, heade vastete puhul umbes 0,2–0,35). Kui on antud nii lause kui foto, on päring nende keskmine. Päringufoto ise jäetakse tulemustest välja. Vektoresitused tulevad vahemälust, nii et ühe korra töödeldud kogust otsimine võtab millisekundeid.</translation>
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Find photos showing</source>
            <translation>Leia fotod, millel on</translation>
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>…or photos like this one</source>
            <translation>…või sellesarnased fotod</translation>
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Number of photos to find</source>
            <translation>Leitavate fotode arv</translation>
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <location filename="../processing/alg_zeroshot.py" />
            <source>Use the int8 image part (faster)</source>
            <translation>Kasuta int8-pildiosa (kiirem)</translation>
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Similarity of the best match</source>
            <translation>Parima vaste sarnasus</translation>
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>A sentence, in any language CLIP was trained on; English works best.</source>
            <translation>Lause mis tahes keeles, millel CLIP on treenitud; inglise keel töötab kõige paremini.</translation>
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Give a sentence to search for, or a photo to find look-alikes of.</source>
            <translation>Anna otsitav lause või foto, mille sarnaseid leida.</translation>
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>The query photo {} cannot be read: {}</source>
            <translation>Päringufotot {} ei õnnestu lugeda: {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>Ranked {} photos in {} ms.</source>
            <translation>{} fotot järjestati {} ms-ga.</translation>
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>The query photo itself was left out ({} copies in the layer).</source>
            <translation>Päringufoto ise jäeti välja ({} koopiat kihis).</translation>
        </message>
        <message>
            <location filename="../processing/alg_search.py" />
            <source>{} photos selected on the layer {}.</source>
            <translation>{} fotot valiti kihil {}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Summarize motifs by area (grid or polygons)</source>
            <translation>Koonda motiivid alade kaupa (ruudustik või polügoonid)</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>summary,areas,grid,hexagons,districts,dominant motif,diversity,privacy</source>
            <translation>kokkuvõte,alad,ruudustik,kuusnurgad,linnaosad,valdav motiiv,mitmekesisus,privaatsus,summary,areas,grid,hexagons,districts,dominant motif,diversity,privacy</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Turns the photo points into a map of areas: for each district you give, or for each cell of a hexagon or square grid, how many people photographed there, which motif dominates and how varied the motifs are. Areas with too few photographers are left empty, to protect their privacy.</source>
            <translation>Muudab fotopunktid alade kaardiks: iga sinu antud linnaosa või kuusnurk- või ruutruudustiku lahtri kohta, kui palju inimesi seal pildistas, milline motiiv on valdav ja kui mitmekesised motiivid on. Liiga väheste pildistajatega alad jäetakse nende privaatsuse kaitseks tühjaks.</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Details: only grid cells holding photos are written. Per area: photos, distinct users and photo-user-days (one per user per day: a prolific uploader counts once a day, not once per photo); for each motif its count and share by the chosen measure; the dominant motif with its share and its margin over the second (ties go to the motif more common over the whole layer, then by name); Shannon diversity and its evenness; optionally the mean classifier confidence. Privacy: a polygon area with fewer distinct users than the minimum keeps its geometry, but every count and share is empty and 'suppressed' is true; such grid cells are left out altogether, and grid cells are at least 100 m wide unless you allow smaller ones knowingly. Photos without a user count as one user each; impossible dates (2020-02-30) count as undated. Overlapping areas (a district inside its city) each count every photo inside them; invalid polygons are repaired before counting; the log says so. The user and date fields are detected from the import (owner, taken_at) unless chosen. The grid is built in metres in the local UTM zone of the photos unless you choose a projected CRS; the output is in the grid's CRS, or in the polygon layer's CRS. The output GeoPackage stores two styles: dominant motif (default; colours as on the photo layer, opacity by dominant share) and diversity.</source>
            <translation>Üksikasjad: kirjutatakse ainult fotodega ruudustiku lahtrid. Ala kohta: fotod, erinevad kasutajad ja foto-kasutaja-päevad (üks kasutaja kohta päevas: viljakas üleslaadija loeb ühe korra päevas, mitte iga foto eest); iga motiivi arv ja osakaal valitud mõõdu järgi; valdav motiiv koos osakaalu ja edumaaga teise ees (viigi korral võidab kogu kihis sagedasem motiiv, seejärel nimi); Shannoni mitmekesisus ja selle ühtlus; soovi korral klassifikaatori keskmine kindlus. Privaatsus: polügoonala, kus erinevaid kasutajaid on vähem kui miinimum, säilitab ruumikuju, kuid kõik arvud ja osakaalud on tühjad ja „suppressed” on tõene; sellised ruudustiku lahtrid jäetakse hoopis välja ning lahtrid on vähemalt 100 m laiad, kui sa teadlikult väiksemaid ei luba. Kasutajata fotod loetakse igaüks eraldi kasutajaks; võimatud kuupäevad (2020-02-30) loetakse kuupäevata. Kattuvad alad (linnaosa oma linna sees) loevad kumbki kõik oma fotod; vigased polügoonid parandatakse enne loendamist; logi ütleb seda. Kasutaja- ja kuupäevaväli tuvastatakse impordi järgi (owner, taken_at), kui neid ei valita. Ruudustik ehitatakse meetrites fotode kohalikus UTM-tsoonis, kui sa ei vali projektsiooniga koordinaatsüsteemi; väljund on ruudustiku või polügoonikihi koordinaatsüsteemis. Väljundi GeoPackage salvestab kaks stiili: valdav motiiv (vaikimisi; värvid nagu fotokihil, läbipaistmatus valdava osakaalu järgi) ja mitmekesisus.</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Classifier confidence field (optional: mean per area)</source>
            <translation>Klassifikaatori kindluse väli (valikuline: keskmine ala kohta)</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Areas (empty: a grid)</source>
            <translation>Alad (tühi: ruudustik)</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Grid cells</source>
            <translation>Ruudustiku lahtrid</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Grid cell size (m)</source>
            <translation>Lahtri suurus (m)</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Projected CRS of the grid (empty: local UTM zone)</source>
            <translation>Ruudustiku projektsiooniga koordinaatsüsteem (tühi: kohalik UTM-tsoon)</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Minimum users per area</source>
            <translation>Vähim kasutajaid ala kohta</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Season (only photos taken then)</source>
            <translation>Aastaaeg (ainult siis tehtud fotod)</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Allow grid cells under 100 m (they can locate single photographers: not for publishing)</source>
            <translation>Luba alla 100 m ruudustiku lahtreid (need võivad üksikuid pildistajaid paigutada: mitte avaldamiseks)</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Areas written</source>
            <translation>Kirjutatud alasid</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Areas suppressed</source>
            <translation>Varjatud alasid</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>CRS of the output</source>
            <translation>Väljundi koordinaatsüsteem</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Points with a motif or class field, e.g. the result of 'Discover photo motifs'.</source>
            <translation>Punktid motiivi- või klassiväljaga, nt tööriista „Leia fotomotiivid” tulemus.</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Your districts as polygons; empty: a grid of hexagons or squares (advanced settings) over the photos.</source>
            <translation>Sinu linnaosad polügoonidena; tühi: fotode kohale kuusnurk- või ruutruudustik (täpsemad seaded).</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>The side of a square or the width of a hexagon, in metres.</source>
            <translation>Ruudu külg või kuusnurga laius meetrites.</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>An area photographed by fewer distinct users keeps its shape on the map, but its counts and shares are not published.</source>
            <translation>Ala, mida pildistas vähem eri kasutajaid, jääb kaardile oma kujuga, kuid selle arve ja osakaale ei avaldata.</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>The grid CRS {} is in degrees: choose a projected CRS in metres.</source>
            <translation>Ruudustiku koordinaatsüsteem {} on kraadides: vali meetrites projektsiooniga koordinaatsüsteem.</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>The grid CRS counts in {}: cells of {:.6g} of them.</source>
            <translation>Ruudustiku koordinaatsüsteemi ühik on {}: lahtri suurus {:.6g} ühikut.</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Reading the photo layer column by column.</source>
            <translation>Loen fotokihti veerukaupa.</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>{} areas written ({} suppressed), measure: {}.</source>
            <translation>{} ala kirjutatud ({} varjatud), mõõt: {}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>A season needs the date taken field (such as taken_at): choose it, or all seasons.</source>
            <translation>Aastaaja jaoks on vaja pildistamise aja välja (nt taken_at): vali see või kõik aastaajad.</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>Season {}: {} of {} photos were taken then.</source>
            <translation>Aastaaeg {0}: {2} fotost {1} on tehtud siis.</translation>
        </message>
        <message>
            <location filename="../processing/alg_summarize.py" />
            <source>The photo layer has no located photos to summarise.</source>
            <translation>Fotokihis pole asukohaga fotosid, mida kokku võtta.</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Train a photo classifier</source>
            <translation>Treeni fotoklassifikaator</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>train,classifier,classes,model,lobe,examples,machine learning</source>
            <translation>treeni,klassifikaator,klassid,mudel,näited,masinõpe,train,classifier,classes,model,lobe,examples,machine learning</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Teaches the computer your own categories from examples, as Lobe does: give a folder with one subfolder of example photos per class (for example 'forest', 'street', 'lake'), or a photo layer whose field already holds a class (such as curated motifs). The result is a model folder that 'Classify photos with a model' applies to any photos, and a report that says honestly how often the model is right.</source>
            <translation>Õpetab arvutile sinu enda kategooriad näidete põhjal, nagu Lobe: anna kaust, milles on iga klassi jaoks üks näidisfotode alamkaust (näiteks „mets”, „tänav”, „järv”), või fotokiht, mille väljas on klass juba olemas (näiteks üle vaadatud motiivid). Tulemuseks on mudelikaust, mida tööriist „Klassifitseeri fotod mudeliga” rakendab mis tahes fotodele, ja aruanne, mis ütleb ausalt, kui sageli mudel õigesti vastab.</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Details: embeddings come from the cache (computed when missing); a linear classifier (default) or a small neural network is trained on them, with class weights against imbalance and regularisation chosen by cross-validation. A stratified 80/20 split with a fixed seed, by user when the layer has an owner field (no person's photos on both sides; the accuracy of a random split is shown beside it), gives the evaluation (accuracy, balanced accuracy, per-class precision, recall and F1, confusion matrix, misclassified photos with a contact sheet); then the model is refitted on all photos. 'Fine-tune' (needs torch) first adapts the last stages of EfficientNet-Lite to the training photos within the time budget. The model folder holds model.onnx, signature.json in Lobe's format, the labels, the report and a model card. The model also learns when a photo fits none of the classes: from the training photos alone it measures how far photos of the known classes lie from the others, and 'Classify photos' calls a photo farther than that 'unknown'. 'None of these' example photos (food, selfies, screenshots...) teach it more about what to leave out.</source>
            <translation>Üksikasjad: vektoresitused tulevad vahemälust (puuduvad arvutatakse); nende peal treenitakse lineaarne klassifikaator (vaikimisi) või väike närvivõrk, klasside kaaludega tasakaalustamatuse vastu ja ristvalideerimisega valitud regulariseerimisega. Kihistatud 80/20 jaotus fikseeritud seemnega, kasutajate kaupa, kui kihil on omaniku väli (ühegi inimese fotod pole mõlemal pool; juhusliku jaotuse täpsus näidatakse kõrval), annab hinnangu (täpsus, tasakaalustatud täpsus, klassipõhine täpsus, saagis ja F1, segadusmaatriks, valesti klassifitseeritud fotod kontaktlehel); seejärel treenitakse mudel uuesti kõigil fotodel. „Peenhäälestus” (vajab torchi) kohandab enne EfficientNet-Lite'i viimased astmed ajalimiidi piires treeningfotodele. Mudelikaustas on model.onnx, Lobe'i vormingus signature.json, sildid, aruanne ja mudelikaart. Mudel õpib ka ära tundma, millal foto ei sobi ühtegi klassi: ainult treeningfotode põhjal mõõdab ta, kui kaugel on teadaolevate klasside fotod teistest, ning „Klassifitseeri fotod” märgib sellest kaugemal oleva foto „unknown” (teadmata). „Mitte ükski neist” näidisfotod (toit, selfid, ekraanipildid...) õpetavad talle lisaks, mida välja jätta.</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Training photos (class folders)</source>
            <translation>Treeningfotod (klasside kaustad)</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>…or a photo layer</source>
            <translation>…või fotokiht</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Class field of the layer</source>
            <translation>Kihi klassiväli</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Photo path field of the layer</source>
            <translation>Kihi fotode failitee väli</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Keep together in the evaluation: user or burst field (empty: detected)</source>
            <translation>Hoia hindamisel koos: kasutaja- või sarivõtteväli (tühi: tuvastatakse)</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Classifier</source>
            <translation>Klassifikaator</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Fine-tune: time budget in seconds</source>
            <translation>Peenhäälestus: ajalimiit sekundites</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Share of photos kept for validation</source>
            <translation>Valideerimiseks hoitavate fotode osa</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Also run k-fold cross-validation (0 = no)</source>
            <translation>Tee ka k-kordne ristvalideerimine (0 = ei)</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Weight classes against imbalance</source>
            <translation>Kaalu klasse tasakaalustamatuse vastu</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Model name</source>
            <translation>Mudeli nimi</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Validation accuracy</source>
            <translation>Valideerimise täpsus</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Validation balanced accuracy</source>
            <translation>Valideerimise tasakaalustatud täpsus</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Accuracy of a random split (when validated by user)</source>
            <translation>Juhusliku jaotuse täpsus (kui valideeritakse kasutajate kaupa)</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Validation accuracy of the known classes with 'unknown'</source>
            <translation>Teadaolevate klasside valideerimise täpsus koos „unknown”-klassiga</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Expected share of photos of the known classes called 'unknown'</source>
            <translation>Teadaolevate klasside fotode eeldatav osa, mis märgitakse „unknown” (teadmata)</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Classes</source>
            <translation>Klassid</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Photos left out</source>
            <translation>Välja jäetud fotosid</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Model file (model.onnx)</source>
            <translation>Mudelifail (model.onnx)</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Evaluation report (report.md)</source>
            <translation>Hindamisaruanne (report.md)</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Lobe's layout: one subfolder per class, named after the class, with example photos (a few dozen per class is a good start).</source>
            <translation>Lobe'i ülesehitus: iga klassi jaoks klassi järgi nimetatud alamkaust näidisfotodega (paarkümmend fotot klassi kohta on hea algus).</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Linear: seconds, a good default. Neural network: sometimes better with many photos. Fine-tune: minutes to hours, adapts the image model itself.</source>
            <translation>Lineaarne: sekundid, hea vaikevalik. Närvivõrk: paljude fotode korral mõnikord parem. Peenhäälestus: minutitest tundideni, kohandab pildimudelit ennast.</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>The validation photos and the cross-validation folds keep each user's photos (and each burst's) on one side, so the accuracy is what a new user's photos will get. Empty: the owner field when the layer has one, else burst_id. Class folders have no users.</source>
            <translation>Valideerimisfotod ja ristvalideerimise osad hoiavad iga kasutaja (ja iga sarivõtte) fotod ühel pool, nii et täpsus on see, mida saavad uue kasutaja fotod. Tühi: owner-väli, kui kihil see on, muidu burst_id. Klassikaustades kasutajaid pole.</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Calibrated 'unknown': share of photos of the known classes that may be called unknown (0 = every photo gets a class)</source>
            <translation>Kalibreeritud „unknown”: teadaolevate klasside fotode osa, mille võib märkida teadmatuks (0 = iga foto saab klassi)</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>'None of these' photos</source>
            <translation>„Mitte ükski neist” fotod</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Class that means 'none of these' (optional)</source>
            <translation>Klass, mis tähendab „mitte ükski neist” (valikuline)</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Photos farther from the training photos than nearly all photos of the known classes are called 'unknown' when classifying. The threshold is chosen on training photos held out in turn, so that this share of photos of your classes is called unknown (0.03 = 3 %). Higher catches more unrelated photos and loses more of your classes' photos.</source>
            <translation>Fotod, mis on treeningfotodest kaugemal kui peaaegu kõik teadaolevate klasside fotod, märgitakse klassifitseerimisel „unknown” (teadmata). Lävi valitakse kordamööda kõrvale hoitud treeningfotode põhjal nii, et see osa sinu klasside fotodest märgitakse teadmatuks (0,03 = 3 %). Suurem väärtus püüab kinni rohkem kõrvalisi fotosid ja kaotab rohkem sinu klasside fotosid.</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Photos that belong to none of your classes (food, selfies, screenshots...), in any subfolders. They teach the model what to call 'unknown'.</source>
            <translation>Fotod, mis ei kuulu ühtegi sinu klassi (toit, selfid, ekraanipildid...), mis tahes alamkaustades. Need õpetavad mudelile, mida märkida „unknown” (teadmata).</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>A class value (a subfolder or a value of the class field) whose photos belong to none of the classes. A class named 'unknown' always does.</source>
            <translation>Klassi väärtus (alamkaust või klassivälja väärtus), mille fotod ei kuulu ühtegi klassi. Klass nimega „unknown” tähendab seda alati.</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>No calibrated 'unknown' (switched off): every photo will get one of the classes.</source>
            <translation>Kalibreeritud „unknown” puudub (välja lülitatud): iga foto saab ühe klassidest.</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Calibrated 'unknown': a photo farther from the training photos than {:.0f} % of held-out photos of the known classes is called unknown (k = {}, threshold {:.4f}); expected share of photos of the known classes called unknown: {:.1f} %.</source>
            <translation>Kalibreeritud „unknown”: foto, mis on treeningfotodest kaugemal kui {:.0f} % teadaolevate klasside kõrvalehoitud fotodest, märgitakse teadmatuks (k = {}, lävi {:.4f}); teadaolevate klasside fotode eeldatav osa, mis märgitakse teadmatuks: {:.1f} %.</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Validation with 'unknown': accuracy on the known classes {:.1f} % ({:.1f} % when every photo must get a class); {:.1f} % of their validation photos were called unknown.</source>
            <translation>Valideerimine koos „unknown”-klassiga: teadaolevate klasside täpsus {:.1f} % ({:.1f} %, kui iga foto peab saama klassi); {:.1f} % nende valideerimisfotodest märgiti teadmatuks.</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>'None of these' examples: {} photos; {:.1f} % of their validation photos were called unknown.</source>
            <translation>„Mitte ükski neist” näited: {} fotot; {:.1f} % nende valideerimisfotodest märgiti teadmatuks.</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Evaluation by</source>
            <translation>Hindamine välja järgi</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>No user or burst field: the validation photos are drawn at random, so near-duplicates of one person's photos may sit on both sides and flatter the accuracy.</source>
            <translation>Kasutaja- ega sarivõttevälja pole: valideerimisfotod valitakse juhuslikult, nii et ühe inimese fotode peaaegu duplikaadid võivad sattuda mõlemale poole ja täpsust ilustada.</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Choose a folder of class subfolders or a photo layer with a class field.</source>
            <translation>Vali klasside alamkaustadega kaust või klassiväljaga fotokiht.</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Canceled while reading the layer; no model was written.</source>
            <translation>Katkestati kihi lugemise ajal; mudelit ei kirjutatud.</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>{}, field {}</source>
            <translation>{}, väli {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Accuracy on photos of {} users not used for fitting: {}; on a random split: {} ({} points).</source>
            <translation>Täpsus {} kasutaja fotodel, mida sobitamiseks ei kasutatud: {}; juhusliku jaotuse korral: {} ({} punkti).</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>A random split puts near-duplicates of the same people's photos on both sides and looks better than the model will do on new users' photos: the by-user figure is the honest one.</source>
            <translation>Juhuslik jaotus paneb samade inimeste fotode peaaegu duplikaadid mõlemale poole ja näib parem, kui mudel uute kasutajate fotodel hakkama saab: aus arv on kasutajate kaupa saadud täpsus.</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Training needs photos of at least two classes; found {} class(es) in {}.</source>
            <translation>Treenimiseks on vaja vähemalt kahe klassi fotosid; allikas {1} leiti {0} klass(i).</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Left out: {}: {}</source>
            <translation>Välja jäetud: {}: {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_train.py" />
            <source>Seconds: {}; embeddings from the cache: {} ({})</source>
            <translation>Sekundid: {}; vektoresitusi vahemälust: {} ({})</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Motifs from words</source>
            <translation>Motiivid sõnadest</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>clip,zero-shot,words,classes,names,prompts,unknown,classify</source>
            <translation>clip,zero-shot,sõnad,klassid,nimed,laused,teadmata,klassifitseeri,words,classes,names,prompts,unknown,classify</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Sorts photos into classes you only name in words — 'church', 'graffiti', 'river at night', 'winter park' — without any example photos, using a CLIP model you added. Photos that fit none of the classes are marked 'unknown'. Each photo gets its class, how sure the model is and the next best classes; the result can also be saved as a model for 'Classify photos'.</source>
            <translation>Jagab fotod klassidesse, mida sa ainult sõnadega nimetad — „kirik”, „grafiti”, „jõgi öösel”, „talvine park” —, ilma ühegi näidisfotota, kasutades sinu lisatud CLIP-mudelit. Fotod, mis ei sobi ühtegi klassi, märgitakse „unknown” (teadmata). Iga foto saab oma klassi, mudeli kindluse ja järgmised parimad klassid; tulemuse saab salvestada ka mudelina tööriista „Klassifitseeri fotod mudeliga” jaoks.</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Details: write one class per line, or name a text file. A line 'graffiti: street art on a wall; a wall with graffiti' gives a class its own sentences; otherwise the name is put into each template ('a photo of a {}.' and five more, averaged as CLIP does). 'Unknown': a photo is unknown when generic sentences ('a photo of something') or a kind of photo you list as belonging to no class (for example selfie, food, screenshot) match it better than every class, or when its confidence is below the threshold. other_margin says by how much the best class beat the best of those (negative: unknown). Embeddings are cached as for every image model. Write class names and sentences in English: CLIP learnt mostly from English text.</source>
            <translation>Üksikasjad: kirjuta üks klass rea kohta või anna tekstifail. Rida „graffiti: street art on a wall; a wall with graffiti” annab klassile oma laused; muidu pannakse nimi igasse malli („a photo of a {}.” ja veel viis, keskmistatud nagu CLIP-is). „Unknown” (teadmata): foto on teadmata, kui üldised laused („a photo of something”) või sinu loetletud klassi mittekuuluvad fotoliigid (näiteks selfie, toit, ekraanipilt) sobivad sellega paremini kui ükski klass või kui selle kindlus on lävest väiksem. other_margin näitab, kui palju parim klass neist parimat edestas (negatiivne: teadmata). Vektoresitused hoitakse vahemälus nagu iga pildimudeli puhul. Klasside nimed ja laused kirjuta inglise keeles: CLIP on treenitud peamiselt ingliskeelsetel tekstidel.</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Classes (one per line)</source>
            <translation>Klassid (üks rea kohta)</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Templates, one per line with {} for the class (empty: CLIP's 'a photo of a {}.' family)</source>
            <translation>Mallid, üks rea kohta, klassi kohal {} (tühi: CLIP-i mallipere „a photo of a {}.”)</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Kinds of photos that belong to no class (one per line, e.g. selfie, food): such photos become 'unknown'</source>
            <translation>Fotoliigid, mis ei kuulu ühtegi klassi (üks rea kohta, nt selfie, food): sellised fotod saavad „unknown” (teadmata)</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Photos that generic sentences ('a photo of something') describe better than every class are 'unknown'</source>
            <translation>Fotod, mida üldised laused („a photo of something”) kirjeldavad paremini kui ükski klass, on „unknown” (teadmata)</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Photos with classes</source>
            <translation>Klassidega fotod</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Save as a model too</source>
            <translation>Salvesta ka mudelina</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Photos with a class</source>
            <translation>Klassiga fotod</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>0 = only the rule of the other sentences.</source>
            <translation>0 = ainult teiste lausete reegel.</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>One name (or 'name: sentence; sentence') per line, or a text file. For example:
church
river at night
graffiti: street art on a wall; a wall with graffiti
At least two classes.</source>
            <translation>Üks nimi (või „nimi: lause; lause”) rea kohta või tekstifail. Näiteks:
church
river at night
graffiti: street art on a wall; a wall with graffiti
Vähemalt kaks klassi.</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>A model folder (model.onnx, signature.json) that 'Classify photos' and Lobe's loaders run; photos the other sentences match get the class 'unknown (…)' there.</source>
            <translation>Mudelikaust (model.onnx, signature.json), mida „Klassifitseeri fotod mudeliga” ja Lobe'i laadurid käitavad; fotod, millele sobivad muud laused, saavad seal klassi „unknown (…)”.</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Name at least two classes, one per line.</source>
            <translation>Nimeta vähemalt kaks klassi, üks rea kohta.</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>{} classes from {} sentences; 'other' entries: {}</source>
            <translation>{} klassi {} lausest; „muud” kirjed: {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Model for 'Classify photos' written to {}</source>
            <translation>Mudel tööriista „Klassifitseeri fotod mudeliga” jaoks kirjutati kausta {}</translation>
        </message>
        <message>
            <location filename="../processing/alg_zeroshot.py" />
            <source>Motifs from words ({})</source>
            <translation>Motiivid sõnadest ({})</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>{} photos imported ({} with a location), {} files listed in the invalid table with their reason.</source>
            <translation>{} fotot imporditud ({} asukohaga), {} faili on koos põhjusega vigaste failide tabelis.</translation>
        </message>
        <message>
            <location filename="../processing/alg_import_photos.py" />
            <source>  {}: {} — {}</source>
            <translation>  {}: {} — {}</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>The output '{}' cannot be created: {}</source>
            <translation>Väljundit „{}” ei saa luua: {}</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>The output '{}' cannot be written: {} is a file, not a folder.</source>
            <translation>Väljundit „{}” ei saa kirjutada: {} on fail, mitte kaust.</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>The output '{}' cannot be written: the folder {} is read-only. Choose another place.</source>
            <translation>Väljundit „{}” ei saa kirjutada: kaust {} on kirjutuskaitstud. Vali muu koht.</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>Writing the output '{}' failed {} ({}): the disk may be full or the file not writable. {} features had been written; the output is incomplete and must not be used.</source>
            <translation>Väljundi „{}” kirjutamine ebaõnnestus {} ({}): ketas võib olla täis või fail kirjutuskaitstud. Kirjutatud oli {} nähtust; väljund on poolik ja seda ei tohi kasutada.</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>no reason given</source>
            <translation>põhjust ei antud</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>at feature {}</source>
            <translation>nähtuse {} juures</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>while saving the last features</source>
            <translation>viimaste nähtuste salvestamisel</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" />
            <source>The output '{}' ({}) could not be completed: {}. The disk may be full. Nothing was saved under its name; the temporary file was removed.</source>
            <translation>Väljundit '{}' ({}) ei õnnestunud lõpetada: {}. Ketas võib olla täis. Selle nime all ei salvestatud midagi; ajutine fail eemaldati.</translation>
        </message>
        <message>
            <source>Largest gap between photos of a burst (minutes)</source>
            <translation type="vanished">Suurim vahe sarivõtte fotode vahel (minutit)</translation>
        </message>
        <message>
            <source>Similarity of photos in a burst (cosine of the embeddings)</source>
            <translation type="vanished">Sarivõtte fotode sarnasus (vektoresituste koosinus)</translation>
        </message>
        <message>
            <source>1 = identical. Distinct photos stay below 0.6, cropped or re-encoded copies of one photo reach 0.72 to 0.99 (EfficientNet-Lite0).</source>
            <translation type="vanished">1 = identne. Erinevad fotod jäävad alla 0,6, ühe foto kärbitud või uuesti kodeeritud koopiad jõuavad 0,72 kuni 0,99-ni (EfficientNet-Lite0).</translation>
        </message>
        <message>
            <source>Motif or class field (empty: cluster, else class)</source>
            <translation type="vanished">Motiivi või klassi väli (tühi: cluster, muidu class)</translation>
        </message>
        <message>
            <source>Heat maps folder (PNG per motif)</source>
            <translation type="vanished">Soojuskaartide kaust (PNG motiivi kohta)</translation>
        </message>
        <message>
            <source>Browse contact sheets…</source>
            <translation type="vanished">Sirvi kontaktlehti…</translation>
        </message>
        <message>
            <source>Contact sheet of this motif…</source>
            <translation type="vanished">Selle motiivi kontaktleht…</translation>
        </message>
        <message>
            <source>linear (seconds)</source>
            <translation type="vanished">lineaarne (sekundid)</translation>
        </message>
        <message>
            <source>small neural network</source>
            <translation type="vanished">väike närvivõrk</translation>
        </message>
        <message>
            <source>fine-tune (slow)</source>
            <translation type="vanished">peenhäälestus (aeglane)</translation>
        </message>
        <message>
            <source>Contact sheets…</source>
            <translation type="vanished">Kontaktlehed…</translation>
        </message>
        <message>
            <source>Photo classes ({})</source>
            <translation type="vanished">Fotode klassid ({})</translation>
        </message>
        <message>
            <source>Done: {} motifs in “{}”.</source>
            <translation type="vanished">Valmis: {} motiivi kihis „{}”.</translation>
        </message>
        <message>
            <source>Own ONNX image model (when chosen above)</source>
            <translation type="vanished">Oma ONNX-pildimudel (kui see on ülal valitud)</translation>
        </message>
        <message>
            <source>Embedding cache (SQLite or GeoPackage file; default next to the project)</source>
            <translation type="vanished">Vektoresituste vahemälu (SQLite- või GeoPackage-fail; vaikimisi projekti kõrval)</translation>
        </message>
        <message>
            <source>CLIP model folder (empty: the model added last with 'Add a CLIP model')</source>
            <translation type="vanished">CLIP-mudeli kaust (tühi: viimati tööriistaga „Lisa CLIP-mudel” lisatud mudel)</translation>
        </message>
        <message>
            <source>Downloaded CLIP model: config.json of a Hugging Face folder, or a weights file (.safetensors, .bin, .pt)</source>
            <translation type="vanished">Alla laaditud CLIP-mudel: Hugging Face'i kausta config.json või kaalude fail (.safetensors, .bin, .pt)</translation>
        </message>
        <message>
            <source>Architecture of an OpenCLIP file (e.g. ViT-B-32, ViT-B-32-quickgelu)</source>
            <translation type="vanished">OpenCLIP-i faili arhitektuur (nt ViT-B-32, ViT-B-32-quickgelu)</translation>
        </message>
        <message>
            <source>Model folder (empty: the plugin's model folder, where the dialogs find it)</source>
            <translation type="vanished">Mudelikaust (tühi: lisandmooduli mudelikaust, kust dialoogid selle leiavad)</translation>
        </message>
        <message>
            <source>A new or empty folder; an existing model is never overwritten.</source>
            <translation type="vanished">Uus või tühi kaust; olemasolevat mudelit ei kirjutata kunagi üle.</translation>
        </message>
        <message>
            <source>Model: signature.json or model.onnx of a model folder (ours or a Lobe ONNX export), or any .onnx classifier</source>
            <translation type="vanished">Mudel: mudelikausta signature.json või model.onnx (meie oma või Lobe'i ONNX-eksport) või mis tahes .onnx-klassifikaator</translation>
        </message>
        <message>
            <source>Below this confidence the class is 'unknown'</source>
            <translation type="vanished">Sellest väiksema kindluse korral on klass „unknown” (teadmata)</translation>
        </message>
        <message>
            <source>Image Tools CSV (File, Label, Confidence)</source>
            <translation type="vanished">Image Toolsi CSV (File, Label, Confidence)</translation>
        </message>
        <message>
            <source>Copy the photos into one folder per class</source>
            <translation type="vanished">Kopeeri fotod eraldi kausta iga klassi jaoks</translation>
        </message>
        <message>
            <source>The signature.json (or model.onnx) in the folder written by 'Train a photo classifier' or exported from Lobe as ONNX.</source>
            <translation type="vanished">Fail signature.json (või model.onnx) kaustas, mille kirjutas „Treeni fotoklassifikaator” või mis on Lobe'ist ONNX-ina eksporditud.</translation>
        </message>
        <message>
            <source>Distance (hierarchical; Ward needs Euclidean)</source>
            <translation type="vanished">Kaugus (hierarhiline; Wardi meetod vajab eukleidilist)</translation>
        </message>
        <message>
            <source>Similarity map (points in embedding space)</source>
            <translation type="vanished">Sarnasuskaart (punktid vektoresituste ruumis)</translation>
        </message>
        <message>
            <source>Text in title, description or tags</source>
            <translation type="vanished">Tekst pealkirjas, kirjelduses või siltides</translation>
        </message>
        <message>
            <source>Tags, comma-separated, any of them</source>
            <translation type="vanished">Sildid, komadega eraldatud, ükskõik milline neist</translation>
        </message>
        <message>
            <source>Flickr API key (authentication configuration)</source>
            <translation type="vanished">Flickri API-võti (autentimisseadistus)</translation>
        </message>
        <message>
            <source>Photos not imported (with reasons)</source>
            <translation type="vanished">Importimata fotod (koos põhjustega)</translation>
        </message>
        <message>
            <source>Metadata table (CSV, XLSX or any table QGIS reads)</source>
            <translation type="vanished">Metaandmete tabel (CSV, XLSX või mis tahes tabel, mida QGIS loeb)</translation>
        </message>
        <message>
            <source>Photo id column (empty: detected)</source>
            <translation type="vanished">Foto id veerg (tühi: tuvastatakse)</translation>
        </message>
        <message>
            <source>File name column (empty: detected)</source>
            <translation type="vanished">Failinime veerg (tühi: tuvastatakse)</translation>
        </message>
        <message>
            <source>Latitude column (empty: detected)</source>
            <translation type="vanished">Laiuse veerg (tühi: tuvastatakse)</translation>
        </message>
        <message>
            <source>Longitude column (empty: detected)</source>
            <translation type="vanished">Pikkuse veerg (tühi: tuvastatakse)</translation>
        </message>
        <message>
            <source>Date taken column (empty: detected)</source>
            <translation type="vanished">Pildistamise aja veerg (tühi: tuvastatakse)</translation>
        </message>
        <message>
            <source>Owner column (empty: detected)</source>
            <translation type="vanished">Omaniku veerg (tühi: tuvastatakse)</translation>
        </message>
        <message>
            <source>Title column (empty: detected)</source>
            <translation type="vanished">Pealkirja veerg (tühi: tuvastatakse)</translation>
        </message>
        <message>
            <source>Tags column (empty: detected)</source>
            <translation type="vanished">Siltide veerg (tühi: tuvastatakse)</translation>
        </message>
        <message>
            <source>URL column (empty: detected)</source>
            <translation type="vanished">URL-i veerg (tühi: tuvastatakse)</translation>
        </message>
        <message>
            <source>Salt for the owner hashes (keep it secret; empty: your personal salt)</source>
            <translation type="vanished">Omanike räside sool (hoia saladuses; tühi: sinu isiklik sool)</translation>
        </message>
        <message>
            <source>Invalid rows and files (with reasons)</source>
            <translation type="vanished">Vigased read ja failid (koos põhjustega)</translation>
        </message>
        <message>
            <source>Motif summary (output of 'Summarize motifs by area')</source>
            <translation type="vanished">Motiivide kokkuvõte (tööriista „Koonda motiivid alade kaupa” väljund)</translation>
        </message>
        <message>
            <source>Contact sheets folder (from 'Discover photo motifs')</source>
            <translation type="vanished">Kontaktlehtede kaust (tööriistast „Leia fotomotiivid”)</translation>
        </message>
        <message>
            <source>Attribution of the photo source</source>
            <translation type="vanished">Fotoallika viide</translation>
        </message>
        <message>
            <source>Photos: their owners, from the photo source named here.</source>
            <translation type="vanished">Fotod: nende omanikud, siin nimetatud fotoallikast.</translation>
        </message>
        <message>
            <source>Motif map: {}</source>
            <translation type="vanished">Motiivikaart: {}</translation>
        </message>
        <message>
            <source>Dominant motif per area by {}; opacity: the dominant motif's share ({} areas, CRS {})</source>
            <translation type="vanished">Valdav motiiv ala kohta {} järgi; läbipaistmatus: valdava motiivi osakaal ({} ala, koordinaatsüsteem {})</translation>
        </message>
        <message>
            <source>Mapping table (CSV or XLSX with columns old,new)</source>
            <translation type="vanished">Vastavustabel (CSV või XLSX veergudega old,new)</translation>
        </message>
        <message>
            <source>Contact sheets under the new names</source>
            <translation type="vanished">Kontaktlehed uute nimedega</translation>
        </message>
        <message>
            <source>First row: old,new (optional: note, colour). One row per motif to change, e.g. C10,flowers — C27,architecture — C28,architecture — C3, (empty: not a motif).</source>
            <translation type="vanished">Esimene rida: old,new (valikuliselt: note, colour). Üks rida iga muudetava motiivi kohta, nt C10,lilled — C27,arhitektuur — C28,arhitektuur — C3, (tühi: pole motiiv).</translation>
        </message>
        <message>
            <source>Find photos showing (a sentence)</source>
            <translation type="vanished">Leia fotod, millel on (lause)</translation>
        </message>
        <message>
            <source>Or photos that look like this photo</source>
            <translation type="vanished">Või fotod, mis näevad välja nagu see foto</translation>
        </message>
        <message>
            <source>Any language CLIP was trained on; English works best.</source>
            <translation type="vanished">Mis tahes keel, millel CLIP on treenitud; inglise keel töötab kõige paremini.</translation>
        </message>
        <message>
            <source>Photo layer (points with a motif or class field)</source>
            <translation type="vanished">Fotokiht (punktid motiivi või klassi väljaga)</translation>
        </message>
        <message>
            <source>Areas: polygon layer (empty: generate a grid)</source>
            <translation type="vanished">Alad: polügoonikiht (tühi: loo ruudustik)</translation>
        </message>
        <message>
            <source>Grid cell size in metres (square side, hexagon width)</source>
            <translation type="vanished">Ruudustiku lahtri suurus meetrites (ruudu külg, kuusnurga laius)</translation>
        </message>
        <message>
            <source>Minimum distinct users per area (fewer: counts suppressed)</source>
            <translation type="vanished">Erinevate kasutajate vähim arv ala kohta (vähem: arvud varjatakse)</translation>
        </message>
        <message>
            <source>Training photos: folder with one subfolder per class</source>
            <translation type="vanished">Treeningfotod: kaust, milles on iga klassi jaoks alamkaust</translation>
        </message>
        <message>
            <source>'None of these' example photos (optional folder)</source>
            <translation type="vanished">„Mitte ükski neist” näidisfotod (valikuline kaust)</translation>
        </message>
        <message>
            <source>Classes: one name (or 'name: sentence; sentence') per line, or a text file</source>
            <translation type="vanished">Klassid: üks nimi (või „nimi: lause; lause”) rea kohta või tekstifail</translation>
        </message>
        <message>
            <source>Below this confidence a photo is 'unknown' (0 = only the rule of the other sentences)</source>
            <translation type="vanished">Sellest väiksema kindluse korral on foto „unknown” (teadmata) (0 = ainult muude lausete reegel)</translation>
        </message>
        <message>
            <source>Also save as a model for 'Classify photos'</source>
            <translation type="vanished">Salvesta ka mudelina tööriista „Klassifitseeri fotod mudeliga” jaoks</translation>
        </message>
        <message>
            <source>For example:
church
river at night
graffiti: street art on a wall; a wall with graffiti
At least two classes.</source>
            <translation type="vanished">Näiteks:
church
river at night
graffiti: street art on a wall; a wall with graffiti
Vähemalt kaks klassi.</translation>
        </message>
        <message>
            <source>Remove EXIF/GPS from the copies (for sharing)</source>
            <translation type="vanished">Eemalda koopiatest EXIF/GPS (jagamiseks)</translation>
        </message>
        <message>
            <source>The PDF {} could not be written: {}</source>
            <translation type="vanished">PDF-faili {} ei õnnestunud kirjutada: {}</translation>
        </message>
        <message>
            <source>The PNG {} could not be written.</source>
            <translation type="vanished">PNG-faili {} ei õnnestunud kirjutada.</translation>
        </message>
        <message>
            <source>Incomplete output left behind (delete it or run again): {}.</source>
            <translation type="vanished">Alles jäi poolik väljund (kustuta see või käivita uuesti): {}.</translation>
        </message>
        <message>
            <source>Details: only grid cells holding photos are written. Per area: photos, distinct users and photo-user-days (one per user per day: a prolific uploader counts once a day, not once per photo); for each motif its count and share by the chosen measure; the dominant motif with its share and its margin over the second (ties go to the motif more common over the whole layer, then by name); Shannon diversity and its evenness; optionally the mean classifier confidence. Areas with fewer distinct users than the minimum keep their geometry, but every count and share is empty and 'suppressed' is true. Photos without a user count as one user each. The user and date fields are detected from the import (owner, taken_at) unless chosen. The grid is built in metres in the local UTM zone of the photos unless you choose a projected CRS; the output is in the grid's CRS, or in the polygon layer's CRS. The output GeoPackage stores two styles: dominant motif (default; colours as on the photo layer, opacity by dominant share) and diversity.</source>
            <translation type="vanished">Üksikasjad: kirjutatakse ainult fotodega ruudustiku lahtrid. Ala kohta: fotod, erinevad kasutajad ja foto-kasutaja-päevad (üks kasutaja kohta päevas: viljakas üleslaadija loeb ühe korra päevas, mitte iga foto eest); iga motiivi arv ja osakaal valitud mõõdu järgi; valdav motiiv koos osakaalu ja edumaaga teise ees (viigi korral võidab kogu kihis sagedasem motiiv, seejärel nimi); Shannoni mitmekesisus ja selle ühtlus; soovi korral klassifikaatori keskmine kindlus. Alad, kus erinevaid kasutajaid on vähem kui miinimum, säilitavad ruumikuju, kuid kõik arvud ja osakaalud on tühjad ja „suppressed” on tõene. Kasutajata fotod loetakse igaüks eraldi kasutajaks. Kasutaja- ja kuupäevaväli tuvastatakse impordi järgi (owner, taken_at), kui neid ei valita. Ruudustik ehitatakse meetrites fotode kohalikus UTM-tsoonis, kui sa ei vali projektsiooniga koordinaatsüsteemi; väljund on ruudustiku või polügoonikihi koordinaatsüsteemis. Väljundi GeoPackage salvestab kaks stiili: valdav motiiv (vaikimisi; värvid nagu fotokihil, läbipaistmatus valdava osakaalu järgi) ja mitmekesisus.</translation>
        </message>
        <message>
            <source>Details: embeddings come from the cache (computed when missing); a linear classifier (default) or a small neural network is trained on them, with class weights against imbalance and regularisation chosen by cross-validation. A stratified 80/20 split with a fixed seed gives the evaluation (accuracy, balanced accuracy, per-class precision, recall and F1, confusion matrix, misclassified photos with a contact sheet); then the model is refitted on all photos. 'Fine-tune' (needs torch) first adapts the last stages of EfficientNet-Lite to the training photos within the time budget. The model folder holds model.onnx, signature.json in Lobe's format, the labels, the report and a model card. The model also learns when a photo fits none of the classes: from the training photos alone it measures how far photos of the known classes lie from the others, and 'Classify photos' calls a photo farther than that 'unknown'. 'None of these' example photos (food, selfies, screenshots...) teach it more about what to leave out.</source>
            <translation type="vanished">Üksikasjad: vektoresitused tulevad vahemälust (puuduvad arvutatakse); nende peal treenitakse lineaarne klassifikaator (vaikimisi) või väike närvivõrk, klasside kaaludega tasakaalustamatuse vastu ja ristvalideerimisega valitud regulariseerimisega. Kihistatud 80/20 jaotus fikseeritud seemnega annab hinnangu (täpsus, tasakaalustatud täpsus, klassipõhine täpsus, saagis ja F1, segadusmaatriks, valesti klassifitseeritud fotod kontaktlehel); seejärel treenitakse mudel uuesti kõigil fotodel. „Peenhäälestus” (vajab torchi) kohandab enne EfficientNet-Lite'i viimased astmed ajalimiidi piires treeningfotodele. Mudelikaustas on model.onnx, Lobe'i vormingus signature.json, sildid, aruanne ja mudelikaart. Mudel õpib ka ära tundma, millal foto ei sobi ühtegi klassi: ainult treeningfotode põhjal mõõdab ta, kui kaugel on teadaolevate klasside fotod teistest, ning „Klassifitseeri fotod” märgib sellest kaugemal oleva foto „unknown” (teadmata). „Mitte ükski neist” näidisfotod (toit, selfid, ekraanipildid...) õpetavad talle lisaks, mida välja jätta.</translation>
        </message>
        <message>
            <source>Details: reads CSV, TSV, XLSX or any table QGIS opens. Rows are joined to files by a file-name column or by the id pattern (Flickr files are named &lt;id&gt;.jpg or &lt;id&gt;_&lt;secret&gt;[_size].jpg). The columns for id, latitude, longitude, date taken, owner, title, tags and URL are detected by name unless you name them. Owner ids become salted hashes: analyses need distinct users, not their names.</source>
            <translation type="vanished">Üksikasjad: loeb CSV-, TSV-, XLSX- või mis tahes tabelit, mida QGIS avab. Read seotakse failidega failinime veeru või id-mustri järgi (Flickri failide nimed on &lt;id&gt;.jpg või &lt;id&gt;_&lt;secret&gt;[_size].jpg). Id, laiuse, pikkuse, pildistamise aja, omaniku, pealkirja, siltide ja URL-i veerud tuvastatakse nime järgi, kui sa neid ise ei nimeta. Omanike id-d asendatakse soolatud räsidega: analüüsiks on vaja eristada kasutajaid, mitte teada nende nimesid.</translation>
        </message>
        <message>
            <source>The model that looks at the photos. The default suits most collections; SqueezeNet repeats an Orange analysis; the int8 version is faster on recent CPUs. Motifs and classifiers only compare photos embedded with the same model.</source>
            <translation type="vanished">Mudel, mis fotosid „vaatab”. Vaikimisi mudel sobib enamikule kogudele; SqueezeNet kordab Orange'i analüüsi; int8-versioon on uuematel protsessoritel kiirem. Motiivid ja klassifikaatorid võrdlevad ainult sama mudeliga arvutatud vektoresitusi.</translation>
        </message>
        <message>
            <source>Gives every photo a class with a trained model: one made by 'Train a photo classifier', a model exported from Lobe (ONNX), or any ONNX image classifier with its list of class names. Each photo gets its class and how sure the model is; photos the model is unsure about can be marked 'unknown'. Optionally copies the photos into one folder per class.</source>
            <translation type="vanished">Annab treenitud mudeliga igale fotole klassi: mudeliga, mis on tehtud tööriistaga „Treeni fotoklassifikaator”, Lobe'ist eksporditud mudeliga (ONNX) või mis tahes ONNX-pildiklassifikaatoriga koos klassinimede loendiga. Iga foto saab oma klassi ja selle, kui kindel mudel on; fotod, milles mudel pole kindel, võib märkida „unknown” (teadmata). Soovi korral kopeerib fotod eraldi kausta iga klassi jaoks.</translation>
        </message>
        <message>
            <source>Details: embeddings come from the cache (computed when missing); a linear classifier (default) or a small neural network is trained on them, with class weights against imbalance and regularisation chosen by cross-validation. A stratified 80/20 split with a fixed seed gives the evaluation (accuracy, balanced accuracy, per-class precision, recall and F1, confusion matrix, misclassified photos with a contact sheet); then the model is refitted on all photos. 'Fine-tune' (needs torch) first adapts the last stages of EfficientNet-Lite to the training photos within the time budget. The model folder holds model.onnx, signature.json in Lobe's format, the labels, the report and a model card.</source>
            <translation type="vanished">Üksikasjad: vektoresitused tulevad vahemälust (puuduvad arvutatakse); nende peal treenitakse lineaarne klassifikaator (vaikimisi) või väike närvivõrk, klasside kaaludega tasakaalustamatuse vastu ja ristvalideerimisega valitud regulariseerimisega. Kihistatud 80/20 jaotus fikseeritud seemnega annab hinnangu (täpsus, tasakaalustatud täpsus, klassipõhine täpsus, saagis ja F1, segadusmaatriks, valesti klassifitseeritud fotod kontaktlehel); seejärel treenitakse mudel uuesti kõigil fotodel. „Peenhäälestus” (vajab torchi) kohandab enne EfficientNet-Lite'i viimased astmed ajalimiidi piires treeningfotodele. Mudelikaustas on model.onnx, Lobe'i vormingus signature.json, sildid, aruanne ja mudelikaart.</translation>
        </message>
        <message>
            <source>Salt for the owner hashes (keep it secret; empty: a new random salt)</source>
            <translation type="vanished">Omanike räside sool (hoia saladuses; tühi: uus juhuslik sool)</translation>
        </message>
        <message>
            <source>Owners are pseudonymised with a new random salt: hashes are comparable within this output only. Give a salt to compare across imports.</source>
            <translation type="vanished">Omanikud pseudonüümitakse uue juhusliku soolaga: räsid on võrreldavad ainult selle väljundi piires. Eri importide võrdlemiseks anna sool ette.</translation>
        </message>
        <message>
            <source>Read photo folder (EXIF locations)…</source>
            <translation type="vanished">Loe fotokaust (EXIF-i asukohad)…</translation>
        </message>
        <message>
            <source>Read photo metadata table (Flickr CSV/XLSX)…</source>
            <translation type="vanished">Loe fotode metaandmete tabel (Flickr CSV/XLSX)…</translation>
        </message>
        <message>
            <source>Compute photo embeddings…</source>
            <translation type="vanished">Arvuta fotode vektoresitused…</translation>
        </message>
        <message>
            <source>Discover photo motifs (clustering)…</source>
            <translation type="vanished">Leia fotomotiivid (klasterdamine)…</translation>
        </message>
        <message>
            <source>Export photos by motif or class…</source>
            <translation type="vanished">Ekspordi fotod motiivide või klasside kaupa…</translation>
        </message>
        <message>
            <source>Train a photo classifier…</source>
            <translation type="vanished">Treeni fotoklassifikaator…</translation>
        </message>
        <message>
            <source>Classify photos with a model…</source>
            <translation type="vanished">Klassifitseeri fotod mudeliga…</translation>
        </message>
        <message>
            <source>The photo layer has no motif field (cluster or class): run Discover motifs or Classify photos first, or choose the field.</source>
            <translation type="vanished">Fotokihil pole motiivivälja (cluster või class): käivita enne motiivide leidmine või fotode klassifitseerimine või vali väli.</translation>
        </message>
        <message>
            <source>Model: {} ({}), classes: {}</source>
            <translation type="vanished">Mudel: {} ({}), klassid: {}</translation>
        </message>
        <message>
            <source>Canceled: partial results were discarded.</source>
            <translation type="vanished">Katkestatud: osalised tulemused jäeti kõrvale.</translation>
        </message>
        <message>
            <source>Details: embeddings come from the cache (computed when missing); a linear classifier (default) or a small neural network is trained on them, with class weights against imbalance and regularisation chosen by cross-validation. A stratified 80/20 split with a fixed seed, by user when the layer has an owner field (no person's photos on both sides; the accuracy of a random split is shown beside it), gives the evaluation (accuracy, balanced accuracy, per-class precision, recall and F1, confusion matrix, misclassified photos with a contact sheet); then the model is refitted on all photos. 'Fine-tune' (needs torch) first adapts the last stages of EfficientNet-Lite to the training photos within the time budget. The model folder holds model.onnx, signature.json in Lobe's format, the labels, the report and a model card.</source>
            <translation type="vanished">Üksikasjad: vektoresitused tulevad vahemälust (puuduvad arvutatakse); nende peal treenitakse lineaarne klassifikaator (vaikimisi) või väike närvivõrk, klasside kaaludega tasakaalustamatuse vastu ja ristvalideerimisega valitud regulariseerimisega. Kihistatud 80/20 jaotus fikseeritud seemnega, kasutajate kaupa, kui kihil on omaniku väli (ühegi inimese fotod pole mõlemal pool; juhusliku jaotuse täpsus näidatakse kõrval), annab hinnangu (täpsus, tasakaalustatud täpsus, klassipõhine täpsus, saagis ja F1, segadusmaatriks, valesti klassifitseeritud fotod kontaktlehel); seejärel treenitakse mudel uuesti kõigil fotodel. „Peenhäälestus” (vajab torchi) kohandab enne EfficientNet-Lite'i viimased astmed ajalimiidi piires treeningfotodele. Mudelikaustas on model.onnx, Lobe'i vormingus signature.json, sildid, aruanne ja mudelikaart.</translation>
        </message>
        <message>
            <source>Similarity within a burst</source>
            <translation type="vanished">Sarnasus sarivõtte sees</translation>
        </message>
        <message>
            <source>Photos of one user taken at most this many minutes apart, and similar enough, are linked into a burst.</source>
            <translation type="vanished">Ühe kasutaja fotod, mis on tehtud kuni nii mitme minuti vahega ja on piisavalt sarnased, seotakse sarivõtteks.</translation>
        </message>
        <message>
            <source>Cosine of the two photos' embeddings: 1 = identical. Distinct photos stay below 0.6, cropped or re-encoded copies of one photo reach 0.72 to 0.99 (EfficientNet-Lite0).</source>
            <translation type="vanished">Kahe foto vektoresituste koosinus: 1 = identne. Erinevad fotod jäävad alla 0,6, ühe foto kärbitud või uuesti kodeeritud koopiad jõuavad 0,72 kuni 0,99-ni (EfficientNet-Lite0).</translation>
        </message>
        <message>
            <source>Empty: the field cluster if the layer has one, else class, motif or label.</source>
            <translation type="vanished">Tühi: väli cluster, kui kihil see on, muidu class, motif või label.</translation>
        </message>
    </context>
</TS>
