"""The harvester trusts nothing the server says: core.flickr against the hostile modes of the local
Flickr stand-in (tests/flickr_server.py), one attack per test, over real HTTP on 127.0.0.1.

Before: a photo URL ``file:///etc/passwd`` was saved as a photo; other hosts and their
redirects were fetched; ids with ``../`` or NUL reached photos.csv; an answer with an object
where a list belongs was a traceback; HTML, 30 MB or a half file without Content-Length were
kept as photos; an error text quoting the key was shown verbatim.
"""
import csv
import threading
from datetime import datetime

import pytest

from photo_motifs.core import flickr
from photo_motifs.core.feedback import Canceled, CoreFeedback
from photo_motifs.tests.flickr_server import API_KEY, CITY_BBOX, FlickrTestServer, make_city, python_transport

from .test_flickr import FakeClock, jpegs  # noqa: F401  (pytest fixture)


def query():
    return flickr.HarvestQuery(CITY_BBOX, datetime(2008, 1, 1), datetime(2023, 12, 31, 23, 59, 59))


def client(server, clock=None, messages=None, **kw):
    clock = clock or FakeClock()
    fb = CoreFeedback(on_info=messages.append if messages is not None else None,
                      on_warning=messages.append if messages is not None else None)
    return flickr.FlickrClient(API_KEY, python_transport(timeout=5), api_url=server.api_url, clock=clock.clock,
                               wait=clock.wait, feedback=fb, **kw), fb


def skipped(folder):
    with open(folder / flickr.SKIPPED_NAME, encoding="utf-8", newline="") as fh:
        return {r["id"]: r["reason"] for r in csv.DictReader(fh)}


def table_ids(folder):
    with open(folder / flickr.TABLE_NAME, encoding="utf-8", newline="") as fh:
        return [r["id"] for r in csv.DictReader(fh)]


@pytest.fixture
def other(jpegs):  # noqa: F811
    """A second server: another origin that must never be asked for anything."""
    with FlickrTestServer(make_city(5, seed=99), jpegs) as server:
        yield server


def test_photo_urls_outside_flickrs_photo_servers_are_refused(jpegs, other, tmp_path):  # noqa: F811
    city = make_city(12, seed=21)
    ids = [p["id"] for p in city]
    urls = {ids[0]: "file:///etc/passwd", ids[1]: other.base_url + f"/photos/1/{ids[1]}_x_z.jpg",
            ids[2]: "http://127.0.0.2:9/photos/x.jpg", ids[3]: "http://169.254.169.254/latest/meta-data/"}
    with FlickrTestServer(city, jpegs, photo_urls=urls) as server:
        c, fb = client(server)
        res = flickr.harvest(query(), tmp_path, c, feedback=fb)
    assert res.download.downloaded == 8 and res.download.refused == 4
    reasons = skipped(tmp_path)
    assert set(reasons) == set(ids[:4]) and all("was refused" in reasons[i] for i in ids[:4])
    assert "/etc/passwd" in reasons[ids[0]]
    assert not any((tmp_path / "photos").glob(f"{ids[0]}_*"))
    assert other.requests == {} and sum(server.requests.values()) == 8
    assert set(table_ids(tmp_path)) == set(ids[4:])


def test_redirects_to_another_host_are_refused(jpegs, other, tmp_path):  # noqa: F811
    city = make_city(6, seed=22)
    ids = [p["id"] for p in city]
    with FlickrTestServer(city, jpegs, redirects={ids[0]: other.base_url + f"/photos/1/{ids[0]}_x_z.jpg",
                                                  ids[1]: "file:///etc/passwd"}) as server:
        c, fb = client(server)
        res = flickr.harvest(query(), tmp_path, c, feedback=fb)
    reasons = skipped(tmp_path)
    assert res.download.downloaded == 4 and res.download.refused == 2
    assert "A redirect to" in reasons[ids[0]] and "A redirect to file:///etc/passwd" in reasons[ids[1]]
    assert other.requests == {}


@pytest.mark.parametrize("url,ok", [
    ("https://live.staticflickr.com/65535/1_ab_z.jpg", True),
    ("https://farm66.staticflickr.com/65535/1_ab_z.jpg", True),
    ("http://live.staticflickr.com/65535/1_ab_z.jpg", False),  # plain http
    ("https://live.staticflickr.com.evil.example/1_ab_z.jpg", False),
    ("https://evil-staticflickr.com/1_ab_z.jpg", False),
    ("https://live.staticflickr.com:8443/1_ab_z.jpg", False),
    ("https://user@live.staticflickr.com/1_ab_z.jpg", False),
    ("file:///etc/passwd", False),
    ("https://169.254.169.254/latest/meta-data/", False),
])
def test_the_photo_url_rule_on_the_real_endpoint(url, ok):
    assert (flickr.photo_url_problem(url, flickr.FLICKR_REST_URL) is None) is ok


def test_the_key_never_follows_a_redirect_of_the_api(jpegs, other, tmp_path):  # noqa: F811
    with FlickrTestServer(make_city(5), jpegs, api_redirect=other.api_url) as server:
        c, fb = client(server)
        with pytest.raises(flickr.FlickrError, match="was not followed, so your API key was not sent there"):
            flickr.harvest(query(), tmp_path, c, feedback=fb)
        assert server.keys_seen == [API_KEY]
    assert other.keys_seen == []


@pytest.mark.parametrize("mode,words", [
    ("photo_object", "'photos.photo' is dict, not a list"),
    ("total_text", "'photos.total' is not a whole number"),
])
def test_a_malformed_answer_is_a_sentence_and_a_failed_call(jpegs, tmp_path, mode, words):  # noqa: F811
    with FlickrTestServer(make_city(5), jpegs, malformed=mode) as server:
        c, fb = client(server, max_retries=1)
        with pytest.raises(flickr.FlickrError, match="flickr.photos.search failed 2 times .a malformed answer: "
                                                     + words.replace("(", r"\(").replace(")", r"\)")):
            flickr.harvest(query(), tmp_path, c, download_files=False, feedback=fb)
    assert not (tmp_path / flickr.TABLE_NAME).exists()


def test_ids_with_traversal_or_nul_never_reach_the_table(jpegs, tmp_path):  # noqa: F811
    city = make_city(5, seed=23)
    messages = []
    with FlickrTestServer(city, jpegs, malformed="bad_ids") as server:
        c, fb = client(server, messages=messages)
        res = flickr.harvest(query(), tmp_path, c, feedback=fb)
    assert res.photos == 5 and sorted(table_ids(tmp_path)) == sorted(p["id"] for p in city)
    text = (tmp_path / flickr.TABLE_NAME).read_text(encoding="utf-8")
    assert "../" not in text and "\x00" not in text and "cron" not in text
    assert any("3 photo entries of Flickr's answers were left out" in m for m in messages)
    assert sorted(p.name for p in (tmp_path / "photos").iterdir() if not p.name.startswith(".")) == \
        sorted(f"{p['id']}_{p['secret']}_z.jpg" for p in city)


def test_html_and_oversized_downloads_are_no_photos(jpegs, tmp_path):  # noqa: F811
    city = make_city(6, seed=24)
    ids = [p["id"] for p in city]
    with FlickrTestServer(city, jpegs, html={ids[0]}, huge={ids[1]}) as server:
        c, fb = client(server)
        res = flickr.harvest(query(), tmp_path, c, feedback=fb)
    reasons = skipped(tmp_path)
    assert res.download.downloaded == 4
    assert "not an image" in reasons[ids[0]] and "larger than 26,214,400 bytes" in reasons[ids[1]]
    assert not any((tmp_path / "photos").glob(f"{ids[0]}_*")) and not any((tmp_path / "photos").glob(f"{ids[1]}_*"))
    assert server.requests[ids[0]] == 1  # an HTML page is not asked for again


def test_a_cut_download_without_length_is_fetched_again_and_listed_only_when_whole(jpegs, tmp_path):  # noqa: F811
    city = make_city(6, seed=25)
    victim = city[2]
    with FlickrTestServer(city, jpegs, cut_no_length_once={victim["id"]}) as server:
        c, fb = client(server)
        res = flickr.harvest(query(), tmp_path, c, feedback=fb)
        assert res.download.downloaded == 6 and server.requests[victim["id"]] == 2
        path = tmp_path / "photos" / f"{victim['id']}_{victim['secret']}_z.jpg"
        assert path.read_bytes() == server.jpeg_for(victim["id"])
        manifest = (tmp_path / "photos" / flickr.MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
        listed = sorted(line.split(",")[0] for line in manifest)
        assert listed == sorted(p.name for p in (tmp_path / "photos").glob("*.jpg"))
        # a cut file left by an older harvest (no manifest entry) is downloaded again, not "already there"
        path.write_bytes(server.jpeg_for(victim["id"])[:1000])
        (tmp_path / "photos" / flickr.MANIFEST_NAME).write_text(
            "\n".join(line for line in manifest if not line.startswith(path.name)) + "\n", encoding="utf-8")
        c, fb = client(server)
        again = flickr.harvest(query(), tmp_path, c, feedback=fb)
        assert again.download.already == 5 and again.download.downloaded == 1
        assert path.read_bytes() == server.jpeg_for(victim["id"])


def test_server_text_is_shown_without_the_key(jpegs, tmp_path):  # noqa: F811
    with FlickrTestServer(make_city(5), jpegs, echo_key=True) as server:
        c, fb = client(server)
        with pytest.raises(flickr.FlickrError) as info:
            flickr.harvest(query(), tmp_path, c, feedback=fb)
    assert "Insufficient permissions for key [API key removed]" in str(info.value)
    assert API_KEY not in str(info.value)


def test_a_long_retry_after_wait_stops_at_a_cancel(jpegs, tmp_path):  # noqa: F811
    """Retry-After: 3600 and a cancel request: the real wait (0.2 s steps) ends at once."""
    cancel = threading.Event()
    messages = []
    fb = CoreFeedback(is_canceled=cancel.is_set, on_info=messages.append)
    with FlickrTestServer(make_city(5), jpegs, retry_after=3600) as server:
        c = flickr.FlickrClient(API_KEY, python_transport(timeout=5), api_url=server.api_url, feedback=fb)
        outcome = []

        def run():
            try:
                flickr.harvest(query(), tmp_path, c, download_files=False, feedback=fb)
            except Canceled as exc:
                outcome.append(exc)

        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        assert server.api_called.wait(30)
        cancel.set()
        worker.join(30)
    assert not worker.is_alive() and isinstance(outcome[0], Canceled)
    assert any("retrying in 60.0 min" in m for m in messages)


def test_the_api_endpoint_rule_is_in_core():
    with pytest.raises(flickr.FlickrError, match="must be an https:// address"):
        flickr.FlickrClient(API_KEY, python_transport(), api_url="http://flickr.example.org/services/rest/")
