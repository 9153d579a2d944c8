"""photomotifs:harvestflickr in real QGIS against the local Flickr stand-in (tests/flickr_server.py).

The key sits in QGIS's authentication database of the test profile (a master password is set
for the test); qgis_process gets a copy of that database and the master password through
QGIS_AUTH_DB_DIR_PATH and QGIS_AUTH_PASSWORD_FILE, as a user would on the command line.
"""
import csv
import hashlib
import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from photo_motifs.tests.flickr_server import API_KEY, CITY_BBOX, FlickrTestServer, make_city, small_jpegs

from .conftest import QGIS_PROCESS, read_layer

MASTER = "photo-motifs-test-master"
EXTENT = "{},{},{},{} [EPSG:4326]".format(CITY_BBOX[0], CITY_BBOX[2], CITY_BBOX[1], CITY_BBOX[3])


@pytest.fixture(scope="module")
def jpegs(shared_data):
    found = small_jpegs(shared_data)
    if not found:
        pytest.skip("no small JPEG in the shared test data")
    return found


def _store_key(name, key):
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    assert not manager.isDisabled(), manager.disabledMessage()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword(MASTER, True)
    config = QgsAuthMethodConfig("Basic")
    config.setName(name)
    config.setConfig("username", "flickr")
    config.setConfig("password", key)
    assert manager.storeAuthenticationConfig(config)
    return config.id()


@pytest.fixture(scope="module")
def authcfgs(qgis_app, qgis_processing):
    return {"good": _store_key("Flickr test key", API_KEY), "wrong": _store_key("Wrong key", "f" * 32)}


@pytest.fixture(scope="module")
def cli_env(authcfgs, tmp_path_factory):
    """Environment for qgis_process: the installed plugin and a copy of the test auth database."""
    from qgis.core import QgsApplication

    plugins = Path.home() / ".local/share/QGIS/QGIS3/profiles/default/python/plugins/photo_motifs"
    if not os.path.exists(QGIS_PROCESS) or not plugins.is_dir():
        pytest.skip("qgis_process.bin or the installed plugin is missing (run scripts/setup.sh)")
    auth_dir = tmp_path_factory.mktemp("auth")
    shutil.copy(QgsApplication.qgisAuthDatabaseFilePath(), auth_dir / "qgis-auth.db")
    password = auth_dir / "master.txt"
    password.write_text(MASTER + "\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_AUTH_DB_DIR_PATH=str(auth_dir),
               QGIS_AUTH_PASSWORD_FILE=str(password))
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    return env


def cli_args(server, authcfg, out, **extra):
    params = dict(EXTENT=EXTENT, START_DATE="2008-01-01", END_DATE="2023-12-31", AUTHCFG=authcfg,
                  OUTPUT_FOLDER=out, API_URL=server.api_url)
    params.update(extra)
    return [QGIS_PROCESS, "--json", "run", "photomotifs:harvestflickr", "--"] + \
        [f"{k}={v}" for k, v in params.items()]


def cli_results(proc):
    assert proc.returncode == 0, f"{proc.stderr[-3000:]}\n{proc.stdout[-3000:]}"
    return json.loads(proc.stdout[proc.stdout.index("{"):])["results"]


def table_ids(folder):
    with open(Path(folder) / "photos.csv", encoding="utf-8", newline="") as fh:
        return [row["id"] for row in csv.DictReader(fh)]


def run_params(server, authcfg, out, **extra):
    params = {"EXTENT": EXTENT, "START_DATE": "2008-01-01", "END_DATE": "2023-12-31", "AUTHCFG": authcfg,
              "OUTPUT_FOLDER": str(out), "API_URL": server.api_url}
    params.update(extra)
    return params


def test_harvest_downloads_and_imports_every_photo(run_alg, authcfgs, jpegs, tmp_path):
    city = make_city(300, seed=11)
    gone, truncated = city[5]["id"], city[6]["id"]
    out = tmp_path / "harvest"
    with FlickrTestServer(city, jpegs, gone={gone}, truncate_once={truncated}, rate_limit_every=2) as server:
        res = run_alg("photomotifs:harvestflickr", run_params(
            server, authcfgs["good"], out, OUTPUT=str(tmp_path / "photos.gpkg")))
        assert server.rate_limited >= 1 and server.requests[truncated] == 2
        # the separate import algorithm reads the table without a single invalid row
        imp = run_alg("photomotifs:importtable", {
            "TABLE": res["TABLE"], "FOLDER": str(out / "photos"), "OUTPUT": "TEMPORARY_OUTPUT",
            "INVALID": "TEMPORARY_OUTPUT"})
        again = run_alg("photomotifs:harvestflickr", run_params(server, authcfgs["good"], out, DOWNLOAD=False))
    assert res["FOUND"] == 300 and res["DOWNLOADED"] == 299 and res["NOT_DOWNLOADED"] == 1
    assert res["IMPORTED"] == 299 and res["LOCATED"] == 299 and res["INVALID_COUNT"] == 0
    layer = read_layer(res["OUTPUT"])
    assert len(layer) == 299 and all(r["geometry"] is not None for r in layer)
    by_id = {p["id"]: p for p in city}
    for row in layer:
        source = by_id[row["photo"].rsplit("/", 1)[-1].split("_")[0]]
        point = row["geometry"].constGet()
        assert point.x() == pytest.approx(source["longitude"]) and point.y() == pytest.approx(source["latitude"])
        assert row["owner"].startswith("u_")
    assert again["FOUND"] == 300 and again["IMPORTED"] == 0  # metadata only: no layer
    assert imp["IMPORTED"] == 299 and imp["LOCATED"] == 299 and imp["INVALID_COUNT"] == 0
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "flickr.photos.search" in readme and "Terms of use" in readme
    assert API_KEY not in readme and all(API_KEY not in p.read_text(encoding="utf-8")
                                         for p in out.glob("*.csv"))


def errors_of(params):
    """The error sentences a run reports (the key is read before the run, in prepareAlgorithm)."""
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject

    import processing

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.errors = []

        def reportError(self, error, fatal_error=False):
            self.errors.append(error)

    feedback, context = Feedback(), QgsProcessingContext()
    context.setProject(QgsProject.instance())
    with pytest.raises(QgsProcessingException) as err:
        processing.run("photomotifs:harvestflickr", params, context=context, feedback=feedback)
    return " ".join(feedback.errors + [str(err.value)])


def test_wrong_or_missing_key_is_a_sentence(provider, authcfgs, jpegs, tmp_path):
    with FlickrTestServer(make_city(20), jpegs) as server:
        assert "Flickr refused the API key (error 100" in errors_of(run_params(server, authcfgs["wrong"], tmp_path))
        assert "authentication configuration that holds" in errors_of(run_params(server, "", tmp_path))
        assert "'nosuch1' could not be read" in errors_of(run_params(server, "nosuch1", tmp_path))
        assert server.api_calls == 1  # only the wrong key reached the API


def test_cli_city_of_25000_complete(cli_env, authcfgs, jpegs, tmp_path):
    city = make_city(25000, seed=12, burst=4200)
    with FlickrTestServer(city, jpegs, rate_limit_every=50) as server:
        started = time.monotonic()
        proc = subprocess.run(cli_args(server, authcfgs["good"], tmp_path, DOWNLOAD="false"), env=cli_env,
                              capture_output=True, text=True, timeout=600)
        seconds = time.monotonic() - started
        res = cli_results(proc)
        calls = server.api_calls
    ids = table_ids(tmp_path)
    assert res["FOUND"] == 25000 and len(ids) == len(set(ids)) == 25000
    assert set(ids) == {p["id"] for p in city}
    assert res["API_CALLS"] == calls and res["SLICES"] > 10
    print(f"\nsynthetic city: 25000 photos, {calls} API calls, {res['SLICES']} slices, {seconds:.1f} s")


def test_cli_wrong_key_exits_non_zero(cli_env, authcfgs, jpegs, tmp_path):
    with FlickrTestServer(make_city(20), jpegs) as server:
        proc = subprocess.run(cli_args(server, authcfgs["wrong"], tmp_path), env=cli_env,
                              capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert "Flickr refused the API key (error 100" in proc.stdout + proc.stderr
    assert "f" * 32 not in proc.stdout + proc.stderr  # the key is never printed


def test_cli_resume_after_kill(cli_env, authcfgs, jpegs, tmp_path):
    city = make_city(300, seed=13)
    order = sorted(city, key=lambda p: (p["datetaken"], p["id"]))
    stall = order[150]
    out = tmp_path / "out"
    part = out / "photos" / f"{stall['id']}_{stall['secret']}_z.jpg.part"
    with FlickrTestServer(city, jpegs, stall={stall["id"]}) as server:
        proc = subprocess.Popen(cli_args(server, authcfgs["good"], out), env=cli_env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline and proc.poll() is None:
                if part.is_file() and part.stat().st_size > 0:
                    break
                time.sleep(0.05)  # polling the other process's files, not a timed wait
            assert part.is_file() and part.stat().st_size > 0, "the harvest never reached the stalled file"
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(30)
        finally:
            if proc.poll() is None:
                proc.kill()
        complete = {p.name.split("_")[0] for p in (out / "photos").glob("*.jpg")}
        assert len(complete) == 150 and stall["id"] not in complete
        server.stall = set()
        res = cli_results(subprocess.run(
            cli_args(server, authcfgs["good"], out, OUTPUT=out / "photos.gpkg"), env=cli_env,
            capture_output=True, text=True, timeout=600))
        assert all(server.requests[i] == 1 for i in complete)  # no complete file fetched again
        assert server.requests[stall["id"]] == 2 and server.downloads[stall["id"]] == 1
    assert res["ALREADY"] == 150 and res["DOWNLOADED"] == 150 and not part.exists()
    assert res["IMPORTED"] == 300 and res["LOCATED"] == 300 and res["INVALID_COUNT"] == 0
    assert sorted(table_ids(out)) == sorted(p["id"] for p in city)
    rows = read_layer(out / "photos.gpkg")
    assert len(rows) == 300 and all(r["geometry"] is not None for r in rows)
    # and the table through qgis_process importtable: every photo located, no invalid row
    imp = cli_results(subprocess.run(
        [QGIS_PROCESS, "--json", "run", "photomotifs:importtable", "--", f"TABLE={out / 'photos.csv'}",
         f"FOLDER={out / 'photos'}", f"OUTPUT={out / 'imported.gpkg'}", f"INVALID={out / 'invalid.csv'}"],
        env=cli_env, capture_output=True, text=True, timeout=600))
    assert imp["IMPORTED"] == 300 and imp["LOCATED"] == 300 and imp["INVALID_COUNT"] == 0


def test_cancel_aborts_a_hanging_download(provider, authcfgs, jpegs, tmp_path):
    """Cancel while a transfer hangs: QGIS's reply is aborted, the .part stays, complete files stay."""
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject
    from qgis.PyQt.QtCore import QTimer

    import processing

    city = make_city(60, seed=14)
    stall = sorted(city, key=lambda p: (p["datetaken"], p["id"]))[30]
    part = tmp_path / "photos" / f"{stall['id']}_{stall['secret']}_z.jpg.part"
    feedback, context = QgsProcessingFeedback(), QgsProcessingContext()
    context.setProject(QgsProject.instance())
    timer = QTimer()
    timer.timeout.connect(lambda: feedback.cancel() if part.is_file() and part.stat().st_size else None)
    timer.start(50)
    started = time.monotonic()
    with FlickrTestServer(city, jpegs, stall={stall["id"]}) as server:
        with pytest.raises(QgsProcessingException):  # a canceled run is no success
            processing.run("photomotifs:harvestflickr", run_params(server, authcfgs["good"], tmp_path),
                           context=context, feedback=feedback)
        timer.stop()
    assert feedback.isCanceled() and time.monotonic() - started < 60
    assert part.is_file() and len(list((tmp_path / "photos").glob("*.jpg"))) == 30
    assert not (tmp_path / "photos.csv").exists()


def test_an_area_without_photos_is_no_failure(run_alg, authcfgs, jpegs, tmp_path):
    with FlickrTestServer(make_city(50), jpegs) as server:
        res = run_alg("photomotifs:harvestflickr", run_params(
            server, authcfgs["good"], tmp_path, EXTENT="10.0,10.1,50.0,50.1 [EPSG:4326]",
            OUTPUT=str(tmp_path / "none.gpkg")))
    assert res["FOUND"] == 0 and res["IMPORTED"] == 0 and res["OUTPUT"] is None
    assert table_ids(tmp_path) == [] and "Found: 0 photos" in (tmp_path / "README.txt").read_text(encoding="utf-8")


def test_a_full_disk_stops_the_harvest_with_a_sentence(provider, authcfgs, jpegs, tmp_path):
    """Photos into a 200 KB disk: the write error inside QGIS's network reply (a Qt slot) stops
    the run with a sentence, and no truncated photo keeps a name that looks complete."""
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject

    import processing
    from photo_motifs.tests.fault_helpers import small_disk

    disk = tmp_path / "disk"
    disk.mkdir()
    with small_disk(disk, "200k") as mounted:
        if not mounted:
            pytest.skip("needs root to mount a small tmpfs")  # CI runs as root: a skip fails CI
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        with FlickrTestServer(make_city(60, seed=15), jpegs) as server:
            with pytest.raises(QgsProcessingException, match="disk may be full|No space left"):
                processing.run("photomotifs:harvestflickr", run_params(server, authcfgs["good"], disk),
                               context=context, feedback=QgsProcessingFeedback())
            photos = disk / "photos"
            complete = sorted(photos.glob("*.jpg"))
            assert complete, "the disk was full before the first photo"
            for path in complete:
                assert path.read_bytes() == server.jpeg_for(path.name.split("_")[0]), path.name


def test_owner_hashes_match_across_harvests_and_imports(run_alg, authcfgs, jpegs, tmp_path):
    """One owner, one hash in every harvest and import of this user (personal salt, not per run)."""
    city = make_city(40, seed=13)
    with FlickrTestServer(city, jpegs) as server:
        for name in ("a", "b"):
            run_alg("photomotifs:harvestflickr", run_params(server, authcfgs["good"], tmp_path / name, DOWNLOAD=False))

    def owners(folder):
        with open(folder / "photos.csv", encoding="utf-8", newline="") as fh:
            return {row["id"]: row["owner"] for row in csv.DictReader(fh)}

    first, second = owners(tmp_path / "a"), owners(tmp_path / "b")
    assert first == second and len(first) == 40
    # the documented scheme (README, Personal data): "u_" + 16 hex digits of sha256(salt + owner id),
    # with the salt file of this user's data folder, computed here with hashlib alone
    salt = (Path(os.environ.get("PHOTO_MOTIFS_HOME") or Path.home() / ".local/share/photo_motifs")
            / "owner_salt").read_text(encoding="utf-8").strip()
    assert all(first[p["id"]] == "u_" + hashlib.sha256((salt + p["owner"]).encode()).hexdigest()[:16]
               for p in city)
    assert all(p["owner"] not in first.values() for p in city)


def test_an_api_endpoint_that_is_not_https_is_refused(provider, authcfgs, jpegs, tmp_path):
    params = run_params(type("S", (), {"api_url": "http://flickr.example.org/services/rest/"}),
                        authcfgs["good"], tmp_path)
    assert "must be an https:// address" in errors_of(params)
    assert not any(tmp_path.iterdir())
