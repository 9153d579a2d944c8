"""The harvester through QGIS's network manager (the product's transport) against the hostile modes
of the local Flickr stand-in, and Ctrl-C/SIGTERM under qgis_process during a long Retry-After.

Before: Qt read ``file:///etc/passwd`` and the harvest saved it as a photo; another host and a
redirect to it were fetched; QgsBlockingNetworkRequest re-posted the form (with the key) to
wherever the API redirected; HTML, 30 MB and a half file without Content-Length were photos;
a silent transfer waited for Qt's own 60 s timeout; Ctrl-C was ignored while the harvest waited
for a Retry-After of an hour, and SIGTERM killed qgis_process without a word.
"""
import csv
import os
import signal
import subprocess
import time

import pytest

from photo_motifs.tests.fault_helpers import temporary_leftovers
from photo_motifs.tests.flickr_server import API_KEY, FlickrTestServer, make_city

from .test_harvest_flickr import authcfgs, cli_args, cli_env, errors_of, jpegs, run_params  # noqa: F401


def _skipped(folder):
    with open(folder / "not_downloaded.csv", encoding="utf-8", newline="") as fh:
        return {r["id"]: r["reason"] for r in csv.DictReader(fh)}


def test_hostile_photo_servers_get_nothing_and_give_nothing(run_alg, authcfgs, jpegs, tmp_path):  # noqa: F811
    city = make_city(14, seed=31)
    order = [p["id"] for p in sorted(city, key=lambda p: (p["datetaken"], p["id"]))]
    out = tmp_path / "harvest"
    with FlickrTestServer(make_city(3, seed=98), jpegs) as other:
        hostile = dict(
            photo_urls={order[0]: "file:///etc/passwd", order[1]: other.base_url + f"/photos/1/{order[1]}_a_z.jpg"},
            redirects={order[2]: other.base_url + f"/photos/1/{order[2]}_a_z.jpg"},
            html={order[3]}, huge={order[4]}, cut_no_length_once={order[5]}, stall_once={order[6]})
        with FlickrTestServer(city, jpegs, **hostile) as server:
            res = run_alg("photomotifs:harvestflickr", run_params(
                server, authcfgs["good"], out, OUTPUT=str(tmp_path / "photos.gpkg"), IDLE_TIMEOUT=1))
            whole = {pid: server.jpeg_for(pid) for pid in order[5:7]}
        assert other.requests == {}  # neither asked directly nor through the redirect
    assert res["DOWNLOADED"] == 9 and res["NOT_DOWNLOADED"] == 5 and res["IMPORTED"] == 9
    reasons = _skipped(out)
    assert set(reasons) == set(order[:5])
    assert all("refused" in reasons[i] for i in order[:3]), reasons
    assert "not an image" in reasons[order[3]] and "larger than" in reasons[order[4]]
    names = {p.name.split("_")[0]: p for p in (out / "photos").glob("*.jpg")}
    assert set(names) == set(order[5:])
    for pid, data in whole.items():  # the cut and the stalled transfer were fetched again, whole
        assert names[pid].read_bytes() == data
    passwd = open("/etc/passwd", "rb").read()
    assert all(p.read_bytes() != passwd for p in names.values())
    assert temporary_leftovers(out) == []


def test_the_key_is_never_sent_to_where_the_api_redirects(provider, authcfgs, jpegs, tmp_path):  # noqa: F811
    with FlickrTestServer(make_city(3, seed=97), jpegs) as other:
        with FlickrTestServer(make_city(20), jpegs, api_redirect=other.api_url) as server:
            text = errors_of(run_params(server, authcfgs["good"], tmp_path))
            assert server.keys_seen == [API_KEY]
        assert other.keys_seen == []
    assert "was not followed, so your API key was not sent there" in text and API_KEY not in text


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_stops_a_harvest_waiting_for_retry_after(cli_env, authcfgs, jpegs, tmp_path, sig):  # noqa: F811
    """A 429 with Retry-After: 3600; Ctrl-C (or SIGTERM) during the wait ends qgis_process at once,
    non-zero, with a sentence, and no temporary file."""
    with FlickrTestServer(make_city(20), jpegs, retry_after=3600) as server:
        with open(tmp_path / "log.txt", "w+") as log:
            args = [a for a in cli_args(server, authcfgs["good"], tmp_path / "out") if a != "--json"]
            proc = subprocess.Popen(args, env=cli_env, stdout=log, stderr=subprocess.STDOUT)
            try:
                assert server.api_called.wait(120), "the harvest never called the API"
                signalled = time.monotonic()
                proc.send_signal(sig)
                status = proc.wait(timeout=30)  # before: the hour-long wait went on (Ctrl-C unheard)
                print(f"\nqgis_process ended {time.monotonic() - signalled:.2f} s after {sig.name}")
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait(30)
            log.seek(0)
            text = log.read()
    assert status not in (0, -sig), text[-2000:]
    assert "Canceled" in text and "retrying in 60.0 min" in text and "no table was written" in text, text[-2000:]
    assert API_KEY not in text
    assert not (tmp_path / "out" / "photos.csv").exists()
    assert temporary_leftovers(tmp_path) == []
    assert os.path.isdir(tmp_path / "out")  # the folder it made stays, empty of tables
