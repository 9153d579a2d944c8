"""core.flickr against the local Flickr stand-in (tests/flickr_server.py) over real HTTP."""
import csv
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime
from pathlib import Path

import pytest

from photo_motifs.core import flickr
from photo_motifs.core.feedback import CoreFeedback
from photo_motifs.core.table_import import join_table, read_table
from photo_motifs.tests.flickr_server import (
    API_KEY,
    CITY_BBOX,
    FlickrTestServer,
    make_city,
    python_transport,
    small_jpegs,
)


class FakeClock:
    """Simulated time: waiting advances it at once (no test ever sleeps for the budget)."""

    def __init__(self):
        self.now = 0.0
        self.waits = []

    def clock(self):
        return self.now

    def wait(self, seconds):
        self.waits.append(seconds)
        self.now += seconds


def query(**kw):
    base = dict(bbox=CITY_BBOX, start=datetime(2008, 1, 1), end=datetime(2023, 12, 31, 23, 59, 59))
    base.update(kw)
    return flickr.HarvestQuery(**base)


def client_for(server, clock, messages=None, key=API_KEY, calls_per_hour=3600):
    fb = CoreFeedback(on_info=(messages.append if messages is not None else None))
    return flickr.FlickrClient(key, python_transport(), api_url=server.api_url,
                               calls_per_hour=calls_per_hour, clock=clock.clock, wait=clock.wait,
                               feedback=fb), fb


@pytest.fixture(scope="module")
def jpegs(shared_data):
    found = small_jpegs(shared_data)
    if not found:
        pytest.skip("no small JPEG in the shared test data")
    return found


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_city_of_25000_comes_back_complete_each_photo_once(jpegs, tmp_path):
    city = make_city(25000, seed=3, burst=4200)
    clock, messages = FakeClock(), []
    with FlickrTestServer(city, jpegs, rate_limit_every=41) as server:
        client, fb = client_for(server, clock, messages)
        result = flickr.harvest(query(), tmp_path, client, download_files=False, feedback=fb)
        assert server.rate_limited > 0 and client.retries >= server.rate_limited
    rows = read_rows(tmp_path / flickr.TABLE_NAME)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) == 25000
    assert set(ids) == {p["id"] for p in city}
    # every slice that was read is under the cap; the one-second burst needed an area split
    read = [s for s in result.slices if not s.split]
    assert read and all(s.total <= 4000 for s in read)
    assert any(s.split.startswith("area") for s in result.slices)
    assert not any(s.split == "capped" for s in result.slices)
    assert sum(s.total for s in read) >= 25000
    assert result.calls == client.calls == server.api_calls
    assert any("Hourly budget" in m for m in messages) is False  # 3,600/h is not reached here
    slices = read_rows(tmp_path / flickr.SLICES_NAME)
    assert len(slices) == len(result.slices)
    readme = (tmp_path / flickr.README_NAME).read_text(encoding="utf-8")
    assert "25000 photos" in readme and "Terms of use" in readme and "Personal data" in readme


def test_hourly_budget_waits_and_says_so(jpegs, tmp_path):
    city = make_city(3000, seed=4)
    clock, messages = FakeClock(), []
    with FlickrTestServer(city, jpegs) as server:
        client, fb = client_for(server, clock, messages, calls_per_hour=5)
        result = flickr.harvest(query(), tmp_path, client, download_files=False, feedback=fb)
    assert result.photos == 3000 and result.calls == 12  # 3000 / 250 pages
    # 12 calls at 5 per hour: two full hours waited, announced each time
    assert len(clock.waits) == 2 and sum(clock.waits) == pytest.approx(7200, abs=1)
    waits = [m for m in messages if m.startswith("Hourly budget of 5 API calls used: waiting")]
    assert len(waits) == 2 and result.waited == pytest.approx(7200, abs=1)


def test_wrong_key_is_a_sentence(jpegs, tmp_path):
    with FlickrTestServer(make_city(50), jpegs) as server:
        client, fb = client_for(server, FakeClock(), key="not-my-key")
        with pytest.raises(flickr.FlickrError, match="Flickr refused the API key .error 100"):
            flickr.harvest(query(), tmp_path, client, download_files=False, feedback=fb)
    assert not (tmp_path / flickr.TABLE_NAME).exists()


def test_missing_key_is_a_sentence():
    with pytest.raises(flickr.FlickrError, match="No Flickr API key"):
        flickr.FlickrClient("  ", python_transport())


def test_failing_api_stops_after_retries(jpegs, tmp_path):
    clock = FakeClock()
    with FlickrTestServer(make_city(50), jpegs, rate_limit_every=1) as server:
        client, fb = client_for(server, clock)
        with pytest.raises(flickr.FlickrError, match="failed 6 times .HTTP 429"):
            flickr.harvest(query(), tmp_path, client, download_files=False, feedback=fb)
    assert server.api_calls == 6
    assert clock.waits == [2, 4, 8, 16, 32]  # back-off doubles (Retry-After 1 s is shorter)


@pytest.mark.parametrize("licences", ["cc", "no_known_restrictions"])
def test_licence_filter(jpegs, tmp_path, licences):
    city = make_city(2000, seed=5)
    allowed = {str(i) for i in flickr.LICENCE_FILTERS[licences]}
    with FlickrTestServer(city, jpegs) as server:
        client, fb = client_for(server, FakeClock())
        flickr.harvest(query(licences=licences), tmp_path, client, download_files=False, feedback=fb)
    rows = read_rows(tmp_path / flickr.TABLE_NAME)
    assert rows and {r["license"] for r in rows} <= allowed
    assert {r["id"] for r in rows} == {p["id"] for p in city if p["license"] in allowed}
    assert all(r["license_name"] == flickr.LICENCES[int(r["license"])] for r in rows)


def test_split_by_upload_date_and_text(jpegs, tmp_path):
    city = make_city(6000, seed=6)
    with FlickrTestServer(city, jpegs) as server:
        client, fb = client_for(server, FakeClock())
        res = flickr.harvest(query(date_kind="upload", start=datetime(2000, 1, 1), end=datetime(2030, 1, 1)),
                             tmp_path, client, download_files=False, feedback=fb)
        assert res.photos == 6000 and any(s.split.startswith("time") for s in res.slices)
        client, fb = client_for(server, FakeClock())
        res = flickr.harvest(query(tags="river"), tmp_path / "t", client, download_files=False, feedback=fb)
    assert res.photos == sum("river" in p["tags"].split() for p in city)


def test_download_table_imports_without_invalid_rows(jpegs, tmp_path):
    city = make_city(300, seed=7)
    gone, truncated = city[10]["id"], {city[20]["id"], city[30]["id"]}
    clock = FakeClock()
    with FlickrTestServer(city, jpegs, gone={gone}, truncate_once=truncated) as server:
        client, fb = client_for(server, clock)
        res = flickr.harvest(query(), tmp_path, client, hash_owner_salt="salt", feedback=fb)
        assert res.download.downloaded == 299 and res.download.failed[0][0] == gone
        assert all(server.requests[i] == 2 and server.downloads[i] == 1 for i in truncated)
        # a second run finds every file complete and downloads nothing
        before = sum(server.requests.values())
        client, fb = client_for(server, FakeClock())
        again = flickr.harvest(query(), tmp_path, client, hash_owner_salt="salt", feedback=fb)
        assert again.download.downloaded == 0 and again.download.already == 299
        assert sum(server.requests.values()) == before + 1  # only the vanished photo is tried again
    photos = tmp_path / flickr.PHOTOS_DIR
    files = sorted(p.name for p in photos.glob("*.jpg"))
    assert len(files) == 299 and not list(photos.glob("*.part"))
    photo = next(p for p in city if p["id"] == city[0]["id"])
    assert f"{photo['id']}_{photo['secret']}_z.jpg" in files
    skipped = read_rows(tmp_path / flickr.SKIPPED_NAME)
    assert [r["id"] for r in skipped] == [gone] and "no longer on Flickr" in skipped[0]["reason"]
    rows = read_rows(tmp_path / flickr.TABLE_NAME)
    assert all(r["owner"].startswith("u_") and not r["ownername"] for r in rows)
    # the table as photomotifs:importtable reads it
    _columns, table = read_table(tmp_path / flickr.TABLE_NAME)
    records, invalid = join_table(table, photos)
    assert invalid == [] and len(records) == 299
    assert all(r.latitude is not None and r.longitude is not None for r in records)
    by_id = {p["id"]: p for p in city}
    for rec, row in zip(records, table, strict=True):
        assert rec.latitude == pytest.approx(by_id[row["id"]]["latitude"])


RUNNER = textwrap.dedent("""
    import sys
    from datetime import datetime
    from photo_motifs.core import flickr
    from photo_motifs.tests.flickr_server import python_transport, CITY_BBOX
    api_url, key, folder = sys.argv[1:4]
    q = flickr.HarvestQuery(CITY_BBOX, datetime(2008, 1, 1), datetime(2023, 12, 31, 23, 59, 59))
    client = flickr.FlickrClient(key, python_transport(timeout=300), api_url=api_url)
    flickr.harvest(q, folder, client)
""")


def test_resume_after_kill_mid_download(jpegs, tmp_path):
    city = make_city(300, seed=8)
    order = sorted(city, key=lambda p: (p["datetaken"], p["id"]))
    stall = order[150]["id"]  # downloads go in date order: the 151st hangs half-way
    out = tmp_path / "out"
    photos = out / flickr.PHOTOS_DIR
    with FlickrTestServer(city, jpegs, stall={stall}) as server:
        package_parent = Path(flickr.__file__).resolve().parents[2]
        env = dict(os.environ, PYTHONPATH=str(package_parent))
        proc = subprocess.Popen([sys.executable, "-c", RUNNER, server.api_url, API_KEY, str(out)], env=env)
        try:
            deadline = time.monotonic() + 120
            part = None
            while time.monotonic() < deadline and part is None:
                stalled = photos / f"{stall}_{order[150]['secret']}_z.jpg.part"
                part = stalled if stalled.is_file() and stalled.stat().st_size > 0 else None
                if proc.poll() is not None:
                    break
                time.sleep(0.05)  # polling the other process's files, not a timed wait
            assert part is not None, "the harvest never reached the stalled download"
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(30)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert part.name.startswith(stall) and part.exists()
        complete = {p.name.split("_")[0] for p in photos.glob("*.jpg")}
        assert len(complete) == 150 and stall not in complete
        server.stall = set()
        client, fb = client_for(server, FakeClock())
        res = flickr.harvest(query(), out, client, feedback=fb)
    assert res.download.already == 150 and res.download.downloaded == 150
    assert all(server.requests[i] == 1 for i in complete)  # no complete file fetched twice
    assert server.requests[stall] == 2 and server.downloads[stall] == 1
    assert not list(photos.glob("*.part"))
    assert {p.name.split("_")[0] for p in photos.glob("*.jpg")} == {p["id"] for p in city}
    assert (photos / part.name[:-5]).read_bytes() == server.jpeg_for(stall)


def test_cancel_between_downloads_keeps_complete_files(jpegs, tmp_path):
    from photo_motifs.core.feedback import Canceled

    city = make_city(120, seed=9)
    photos = tmp_path / flickr.PHOTOS_DIR
    fb = CoreFeedback(is_canceled=lambda: photos.is_dir() and len(list(photos.glob("*.jpg"))) >= 30)
    with FlickrTestServer(city, jpegs) as server:
        clock = FakeClock()
        client = flickr.FlickrClient(API_KEY, python_transport(), api_url=server.api_url,
                                     clock=clock.clock, wait=clock.wait, feedback=fb)
        with pytest.raises(Canceled, match="30 photos were downloaded by this run and stay in"):
            flickr.harvest(query(), tmp_path, client, feedback=fb)
        assert len(list(photos.glob("*.jpg"))) == 30 and not (tmp_path / flickr.TABLE_NAME).exists()
        client, fb2 = client_for(server, FakeClock())
        res = flickr.harvest(query(), tmp_path, client, feedback=fb2)
    assert res.download.already == 30 and res.download.downloaded == 90


def test_photos_without_a_position_are_left_out():
    found = {}
    flickr._collect(found, [{"id": "1", "latitude": 0, "longitude": 0},
                            {"id": "2", "latitude": "58.1", "longitude": "26.5"},
                            {"id": "3", "latitude": "", "longitude": ""}, {"id": "4"}], query())
    assert list(found) == ["2"]


def test_query_validation_sentences():
    with pytest.raises(ValueError, match="not a valid longitude/latitude box"):
        query(bbox=(26.8, 58.3, 26.7, 58.4)).validate()
    with pytest.raises(ValueError, match="end date is before the start date"):
        query(start=datetime(2020, 1, 1), end=datetime(2019, 1, 1)).validate()


def test_table_cells_never_run_as_formulas(tmp_path):
    photo = {"id": "1", "secret": "ab", "owner": "1@N00", "title": "=HYPERLINK(\"http://x\")",
             "tags": "+tag", "latitude": "-33.5", "longitude": -70.25, "license": "4"}
    flickr.write_csv(tmp_path / "t.csv", flickr.TABLE_COLUMNS, flickr.table_rows([photo], "z"))
    row = read_rows(tmp_path / "t.csv")[0]
    assert row["title"] == "'=HYPERLINK(\"http://x\")" and row["tags"] == "'+tag"
    assert row["latitude"] == "-33.5" and row["longitude"] == "-70.25"  # numbers keep their sign


def test_a_full_disk_during_a_download_leaves_no_file_that_looks_complete(jpegs, tmp_path):
    """The disk fills up half-way through a photo: the sink's write error stays inside the
    transport (as in a Qt slot), yet no truncated file gets a photo's name and the harvest stops."""
    import errno

    city = make_city(40, seed=12)
    victim = sorted(city, key=lambda p: (p["datetaken"], p["id"]))[5]
    inner = python_transport()

    def transport(url, data=None, sink=None):
        if sink is None or f"/{victim['id']}_" not in url:
            return inner(url, data=data, sink=sink)

        def full_disk(chunk):
            sink(chunk[: len(chunk) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

        return inner(url, data=data, sink=full_disk)

    with FlickrTestServer(city, jpegs) as server:
        clock = FakeClock()
        client = flickr.FlickrClient(API_KEY, transport, api_url=server.api_url, clock=clock.clock,
                                     wait=clock.wait)
        with pytest.raises(flickr.FlickrError, match="disk may be full.*5 photos were downloaded"):
            flickr.harvest(query(), tmp_path, client)
    photos = tmp_path / flickr.PHOTOS_DIR
    assert not list(photos.glob(f"{victim['id']}_*"))  # neither a truncated .jpg nor a .part
    assert len(list(photos.glob("*.jpg"))) == 5
    assert all(p.read_bytes() == server.jpeg_for(p.name.split("_")[0]) for p in photos.glob("*.jpg"))


def test_a_lost_network_stops_the_downloads_instead_of_failing_every_photo(jpegs, tmp_path):
    """After the search, the photo servers stop answering: the harvest stops with a sentence
    after a few photos (each retried) instead of grinding through every photo's back-off."""
    city = make_city(60, seed=13)
    inner, gets = python_transport(), []

    def transport(url, data=None, sink=None):
        if sink is not None:
            gets.append(url)
            if len(gets) > 10:  # the cable is pulled after ten downloads
                return flickr.HttpResponse(0, error="Network unreachable")
        return inner(url, data=data, sink=sink)

    with FlickrTestServer(city, jpegs) as server:
        clock = FakeClock()
        client = flickr.FlickrClient(API_KEY, transport, api_url=server.api_url, clock=clock.clock,
                                     wait=clock.wait, max_retries=2)
        with pytest.raises(flickr.FlickrError, match="3 photos in a row got no answer.*10 photos were downloaded"):
            flickr.harvest(query(), tmp_path, client)
    assert len(gets) == 10 + 3 * 3  # three photos, each tried three times, then the stop
    assert len(list((tmp_path / flickr.PHOTOS_DIR).glob("*.jpg"))) == 10
    assert not list((tmp_path / flickr.PHOTOS_DIR).glob("*.part"))
