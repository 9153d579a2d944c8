"""Figures for core.flickr: API calls and slices a synthetic city needs, and what that means at
Flickr's real limits (3,600 calls per hour per key).

Runs the harvester against the local Flickr stand-in (tests/flickr_server.py) on 127.0.0.1,
metadata only, then downloads ``--download`` photos to time the file path.

    cd /tmp/pmdev && ~/.local/share/photo_motifs/venv/bin/python -m photo_motifs.bench.flickr_city \
        [--photos 10000 25000 100000] [--download 300]
"""
from __future__ import annotations

import argparse
import math
import tempfile
import time
from datetime import datetime

from ..core import flickr
from ..tests.conftest import SHARED_DATA
from ..tests.flickr_server import API_KEY, CITY_BBOX, FlickrTestServer, make_city, python_transport, small_jpegs


def run(n: int, jpegs, download: int = 0):
    city = make_city(n, seed=n, burst=4200 if n >= 20000 else 0)
    query = flickr.HarvestQuery(CITY_BBOX, datetime(2008, 1, 1), datetime(2023, 12, 31, 23, 59, 59))
    with FlickrTestServer(city, jpegs) as server, tempfile.TemporaryDirectory() as out:
        client = flickr.FlickrClient(API_KEY, python_transport(), api_url=server.api_url)
        started = time.monotonic()
        result = flickr.harvest(query, out, client, download_files=False)
        seconds = time.monotonic() - started
        assert result.photos == n, (result.photos, n)
        dl_seconds = None
        if download:
            small = make_city(download, seed=1)
            with FlickrTestServer(small, jpegs) as dl_server:
                client = flickr.FlickrClient(API_KEY, python_transport(), api_url=dl_server.api_url)
                started = time.monotonic()
                res = flickr.harvest(query, out + "/dl", client)
                dl_seconds = (time.monotonic() - started) / max(1, res.download.downloaded)
    return result, seconds, dl_seconds


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, nargs="+", default=[10000, 25000, 100000])
    parser.add_argument("--download", type=int, default=300)
    args = parser.parse_args(argv)
    jpegs = small_jpegs(SHARED_DATA)
    print("photos  calls  slices  splits  local s  ideal calls  budget hours at 3,600/h")
    for i, n in enumerate(args.photos):
        result, seconds, dl = run(n, jpegs, args.download if i == 0 else 0)
        splits = sum(1 for s in result.slices if s.split)
        ideal = math.ceil(n / flickr.DEFAULT_PER_PAGE)
        print(f"{n:6d}  {result.calls:5d}  {len(result.slices):6d}  {splits:6d}  {seconds:7.1f}  "
              f"{ideal:11d}  {result.calls / 3600:.2f} (no wait below 3,600 calls)")
        if dl is not None:
            print(f"  local download: {dl * 1000:.1f} ms per photo (~17 KB files; not API calls)")


if __name__ == "__main__":
    main()
