"""Harvest geotagged photos of an area from Flickr's REST API (``flickr.photos.search``).

QGIS-free: every HTTP request goes through a *transport* callable passed in by the caller
(Processing passes one built on QGIS's network manager, tests pass a plain one), so this
module opens no socket itself. A transport is called as ``transport(url, data=None,
sink=None)``: with ``data`` (form fields) it POSTs them, else it GETs; with ``sink`` it hands
the body to ``sink(chunk)`` as it arrives instead of returning it. It returns an
:class:`HttpResponse` (status 0 and ``error`` set when no HTTP answer came).

What is sent: the search (area, dates, text, tags, licences, extras, paging) and the API key,
as a POST form to the API endpoint (so the key never appears in a URL or a network log line);
photo files are fetched with a plain GET of their public URL. No photo is ever uploaded.

The ~4,000 cap
--------------
``flickr.photos.search`` returns at most about 4,000 distinct photos per query whatever the
page count (later pages repeat earlier photos). :func:`search` therefore asks page 1 of a
slice (its ``total``), and while a slice is over the cap splits it into equal time windows
(dates have 1-second resolution), and a 1-second slice into four sub-areas, until every slice
is under the cap; then it reads the remaining pages of each slice. Slices are inclusive at
both ends like Flickr's ``min_/max_*_date``, so neighbours are ``[a, m-1]`` and ``[m, b]``;
photos are deduplicated by id anyway (a photo uploaded during the harvest can shift pages).

Limits
------
The API allows 3,600 calls per hour per key: :class:`CallBudget` keeps a sliding one-hour
window and waits (saying so) when it is full. Transient failures (no answer, HTTP 429/5xx,
Flickr error 105/106, a truncated body) are retried with exponential back-off (``Retry-After``
is honoured). Downloads are not API calls and do not count against the budget.

Files are written to ``photos/`` as ``<id>_<secret>_<size>.jpg``; a transfer goes to ``<name>.part`` and is
renamed when complete (its length checked against Content-Length), so a complete file is
never fetched twice and a file interrupted by a crash or a cancel is fetched again.
"""
from __future__ import annotations

import calendar
import csv
import json
import math
import os
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import quote, urljoin, urlsplit

from .feedback import Canceled, CoreFeedback, ensure_feedback
from .messages import Message, msg
from .options import FLICKR_DATE_OPTIONS, values
from .safe_cells import save_csv
from .safe_write import replace_complete, sync_file
from .table_import import pseudonymise

FLICKR_REST_URL = "https://api.flickr.com/services/rest/"
DEFAULT_CAP = 4000
DEFAULT_PER_PAGE = 250
DEFAULT_CALLS_PER_HOUR = 3600
# downloads in a row that got no answer at all (after their retries): the network is gone, stop
MAX_UNANSWERED = 3
# Flickr's photo servers (live.staticflickr.com, farm66.staticflickr.com, ...): the only hosts photos come from
PHOTO_HOST = "staticflickr.com"
REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5
MAX_RETRY_AFTER = 3600.0  # a server's Retry-After is honoured up to an hour (the wait can be cancelled)
# a download bigger than this is no photo of that size (originals: Flickr accepts up to 200 MB)
SIZE_CAP = {"o": 250 * 1024 * 1024}
DEFAULT_SIZE_CAP = 25 * 1024 * 1024
IDLE_TIMEOUT = 60.0  # seconds without a byte: the transfer is given up (and retried)
MANIFEST_NAME = ".complete.csv"  # in photos/: every file whose download was whole

# Flickr licence ids (flickr.photos.licenses.getInfo)
LICENCES = {
    0: "All Rights Reserved",
    1: "CC BY-NC-SA 2.0", 2: "CC BY-NC 2.0", 3: "CC BY-NC-ND 2.0", 4: "CC BY 2.0",
    5: "CC BY-SA 2.0", 6: "CC BY-ND 2.0",
    7: "No known copyright restrictions", 8: "United States Government Work",
    9: "Public Domain Dedication (CC0)", 10: "Public Domain Mark",
    11: "CC BY 4.0", 12: "CC BY-SA 4.0", 13: "CC BY-ND 4.0", 14: "CC BY-NC 4.0",
    15: "CC BY-NC-SA 4.0", 16: "CC BY-NC-ND 4.0",
}
# licence filter -> allowed ids (None: every licence)
LICENCE_FILTERS = {
    "all": None,
    "cc": (1, 2, 3, 4, 5, 6, 9, 11, 12, 13, 14, 15, 16),
    "no_known_restrictions": (7, 8, 9, 10),
}
# size code -> (extras field with the URL, file name suffix, longest side in pixels)
SIZES = {
    "n": ("url_n", "n", 320),
    "z": ("url_z", "z", 640),
    "c": ("url_c", "c", 800),
    "b": ("url_l", "b", 1024),
    "o": ("url_o", "o", None),
}
DATE_KINDS = values(FLICKR_DATE_OPTIONS)
EXTRAS = "owner_name,date_taken,date_upload,geo,license,tags"

# the metadata table (photomotifs:importtable detects these column names)
TABLE_COLUMNS = ["id", "secret", "owner", "ownername", "title", "tags", "datetaken",
                 "datetakengranularity", "dateupload", "latitude", "longitude", "accuracy",
                 "license", "license_name", "url", "filename"]
TABLE_NAME = "photos.csv"
SKIPPED_NAME = "not_downloaded.csv"
SLICES_NAME = "slices.csv"
PHOTOS_DIR = "photos"  # the files, apart from the tables so that importtable sees photos only
README_NAME = "README.txt"

# Flickr error codes that a retry can cure (service temporarily unavailable / overloaded)
TRANSIENT_FLICKR_CODES = {105, 106}
TRANSIENT_HTTP = {0, 408, 429, 500, 502, 503, 504}


class FlickrError(RuntimeError):
    """The harvest cannot go on (refused key, a failing API, ...): the message is a sentence."""


class LocalWriteError(FlickrError):
    """A downloaded file could not be written completely (full disk): the harvest stops."""


class MalformedAnswer(ValueError):
    """An API answer of the wrong shape (a list where an object belongs, an id that is no number)."""


class DownloadRefused(OSError):
    """Raised by the download's sink to stop a transfer (too large): transports abort on OSError."""


@dataclass
class HttpResponse:
    """What a transport returns: HTTP status (0: no answer), body, lower-case headers."""

    status: int
    body: bytes = b""
    headers: dict = field(default_factory=dict)
    error: str = ""
    received: int = 0  # bytes handed to the sink (downloads)


Transport = Callable[..., HttpResponse]


@dataclass
class HarvestQuery:
    """What to search for: area (WGS 84), inclusive dates, text, tags, licences, photo size."""

    bbox: tuple  # (min_lon, min_lat, max_lon, max_lat)
    start: datetime
    end: datetime
    date_kind: str = "taken"
    text: str = ""
    tags: str = ""
    licences: str = "all"
    size: str = "z"

    def validate(self) -> None:
        x0, y0, x1, y1 = (float(v) for v in self.bbox)
        if not (-180 <= x0 < x1 <= 180 and -90 <= y0 < y1 <= 90):
            raise ValueError(f"The area ({x0:.5f}, {y0:.5f}, {x1:.5f}, {y1:.5f}) is not a valid "
                             "longitude/latitude box: choose an extent with some width and height.")
        if self.date_kind not in DATE_KINDS:
            raise ValueError(f"The date kind '{self.date_kind}' is not one of {', '.join(DATE_KINDS)}.")
        if self.end < self.start:
            raise ValueError("The end date is before the start date.")
        if self.licences not in LICENCE_FILTERS:
            raise ValueError(f"The licence filter '{self.licences}' is not one of "
                             f"{', '.join(LICENCE_FILTERS)}.")
        if self.size not in SIZES:
            raise ValueError(f"The photo size '{self.size}' is not one of {', '.join(SIZES)}.")

    def describe(self) -> str:
        x0, y0, x1, y1 = self.bbox
        parts = [f"area {x0:.5f},{y0:.5f},{x1:.5f},{y1:.5f} (WGS 84 lon/lat)",
                 f"{self.date_kind} {self.start:%Y-%m-%d %H:%M:%S} to {self.end:%Y-%m-%d %H:%M:%S}"]
        if self.text:
            parts.append(f"text '{self.text}'")
        if self.tags:
            parts.append(f"tags '{self.tags}'")
        allowed = LICENCE_FILTERS[self.licences]
        parts.append("licences: all" if allowed is None else
                     "licences: " + ", ".join(LICENCES[i] for i in allowed))
        parts.append(f"size {self.size}")
        return "; ".join(parts)


@dataclass
class SliceReport:
    """One slice of the split search: its box, inclusive time window and what it gave."""

    bbox: tuple
    t0: int
    t1: int
    total: int
    pages: int = 0
    split: str = ""  # "" (read), "time xN", "area x4" or "capped"


@dataclass
class SearchResult:
    photos: list  # Flickr photo dicts, one per distinct id, in the order found
    slices: list
    calls: int
    waited: float
    refused: int = 0  # entries left out: an id that is no number, a secret that is not alphanumeric


def _stamp(dt: datetime) -> int:
    """Seconds since the epoch of a naive (or UTC) datetime; Flickr's taken dates have no zone."""
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
    return calendar.timegm(dt.timetuple())


def _taken_text(stamp: int) -> str:
    return datetime.fromtimestamp(stamp, timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def default_wait(feedback: CoreFeedback) -> Callable[[float], None]:
    """A wait of n seconds that wakes up every 0.2 s to notice a cancel (raises Canceled)."""
    event = threading.Event()

    def wait(seconds: float) -> None:
        end = time.monotonic() + seconds
        while True:
            feedback.check()
            left = end - time.monotonic()
            if left <= 0:
                return
            event.wait(min(0.2, left))

    return wait


class CallBudget:
    """At most ``calls_per_hour`` calls in any hour: a sliding window of call times.

    ``clock`` (seconds) and ``wait(seconds)`` are injected so tests run in simulated time.
    """

    def __init__(self, calls_per_hour: int, clock: Callable[[], float], wait: Callable[[float], None],
                 feedback: CoreFeedback, window: float = 3600.0):
        if calls_per_hour < 1:
            raise ValueError("The hourly call budget must be at least 1.")
        self.limit = int(calls_per_hour)
        self.clock, self.wait, self.feedback, self.window = clock, wait, feedback, window
        self.times = deque()
        self.calls = 0
        self.waited = 0.0

    def acquire(self) -> None:
        now = self.clock()
        while self.times and self.times[0] <= now - self.window:
            self.times.popleft()
        if len(self.times) >= self.limit:
            pause = self.times[0] + self.window - now
            self.feedback.info(msg("flickr_budget", self.limit, _duration(pause)))
            self.wait(pause)
            self.waited += pause
            now = self.clock()
            while self.times and self.times[0] <= now - self.window:
                self.times.popleft()
        self.times.append(now)
        self.calls += 1


def _duration(seconds: float) -> str:
    seconds = max(0.0, seconds)
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.1f} min"
    return f"{seconds / 3600:.1f} h"


def check_api_url(api_url: str) -> None:
    """The endpoint the key is sent to: https, or plain http to this computer only (tests)."""
    parts = urlsplit(api_url)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and _is_loopback(parts.hostname):
        return
    raise FlickrError(f"The API endpoint {api_url} is refused: your API key is sent to it, so it must be an "
                      "https:// address (plain http only to this computer, for tests).")


def _is_loopback(host) -> bool:
    return host in ("127.0.0.1", "localhost", "::1")


def _origin(url: str) -> tuple:
    parts = urlsplit(url)
    port = parts.port if parts.port is not None else {"https": 443, "http": 80}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


def photo_url_problem(url: str, api_url: str) -> Optional[str]:
    """None when ``url`` may be fetched as a photo, else why not.

    Photos come from Flickr's photo servers only: ``https://`` on ``staticflickr.com`` or one of
    its subdomains (``live.``, ``farm66.``...), the default port, no user name in the URL. With
    a loopback test endpoint (http://127.0.0.1:port) exactly that origin is allowed instead.
    ``file://``, other hosts (another loopback address, 169.254.169.254...) and plain http are
    refused; every redirect hop is checked by this same rule.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "not a valid URL"
    if parts.username or parts.password:
        return "a URL with a user name"
    api_scheme, api_host, _api_port = _origin(api_url)
    if api_scheme == "http" and _is_loopback(api_host):  # the local test stand-in
        return None if _origin(url) == _origin(api_url) else "not the test server's own address"
    if parts.scheme != "https":
        return f"not https ({parts.scheme or 'no scheme'})"
    host = (parts.hostname or "").lower()
    if not (host == PHOTO_HOST or host.endswith("." + PHOTO_HOST)) or port not in (None, 443):
        return f"not one of Flickr's photo servers ({host or 'no host'})"
    return None


class FlickrClient:
    """Calls of the REST API through a transport, under a call budget, with retries.

    The key goes only to the endpoint's own origin (scheme, host, port): a redirect elsewhere or
    to plain http is not followed. Text from the server reaches the user only through
    :meth:`redact` (the key removed, control characters dropped, length capped).
    """

    def __init__(self, api_key: str, transport: Transport, api_url: str = FLICKR_REST_URL,
                 calls_per_hour: int = DEFAULT_CALLS_PER_HOUR, max_retries: int = 5,
                 backoff: float = 2.0, clock: Optional[Callable[[], float]] = None,
                 wait: Optional[Callable[[float], None]] = None,
                 feedback: Optional[CoreFeedback] = None):
        if not api_key or not api_key.strip():
            raise FlickrError("No Flickr API key: store your key in QGIS's authentication database "
                              "and choose that configuration.")
        check_api_url(api_url)
        self.api_key = api_key.strip()
        self.transport = transport
        self.api_url = api_url
        self.feedback = ensure_feedback(feedback)
        self.clock = clock or time.monotonic
        self.wait = wait or default_wait(self.feedback)
        self.budget = CallBudget(calls_per_hour, self.clock, self.wait, self.feedback)
        self.max_retries = max_retries
        self.backoff = backoff
        self.retries = 0
        self.backoff_waited = 0.0

    def redact(self, text) -> str:
        """Server text fit to show: the API key (plain or URL-encoded) replaced, control
        characters (terminal escapes) dropped, at most 300 characters."""
        text = str(text or "")
        for form in {self.api_key, quote(self.api_key, safe="")}:
            text = re.sub(re.escape(form), "[API key removed]", text, flags=re.IGNORECASE)
        text = "".join(c if c.isprintable() else " " for c in text)
        return text if len(text) <= 300 else text[:299] + "…"

    def _pause(self, attempt: int, response: Optional[HttpResponse], what: str) -> None:
        delay = self.backoff * (2 ** attempt)
        retry_after = (response.headers.get("retry-after") if response is not None else None) or ""
        if retry_after.strip().isdigit():
            delay = max(delay, min(float(retry_after), MAX_RETRY_AFTER))
        what = what if isinstance(what, Message) else self.redact(what)  # a message's values are redacted
        self.feedback.info(msg("flickr_retry", what, _duration(delay), attempt + 2, self.max_retries + 1))
        self.retries += 1
        self.backoff_waited += delay
        self.wait(delay)

    def _post(self, form: dict, method: str) -> HttpResponse:
        """POST the form to the endpoint; redirects followed only within the endpoint's origin."""
        url = self.api_url
        for _hop in range(MAX_REDIRECTS + 1):
            response = self.transport(url, data=form)
            if response.status not in REDIRECTS:
                return response
            target = urljoin(url, response.headers.get("location", ""))
            if _origin(target) != _origin(self.api_url):
                raise FlickrError(f"The Flickr API answered {method} with a redirect to {self.redact(target)}; it "
                                  "was not followed, so your API key was not sent there. The harvest stopped.")
            url = target
        raise FlickrError(f"The Flickr API redirected {method} more than {MAX_REDIRECTS} times; the harvest stopped.")

    def call(self, method: str, validate: Optional[Callable[[dict], None]] = None, **params) -> dict:
        """The JSON answer of an API method; FlickrError when it fails for good.

        ``validate(answer)`` raises :class:`MalformedAnswer` for an answer of the wrong shape: it
        counts as a failed attempt (retried, then a sentence).
        """
        form = {"method": method, "api_key": self.api_key, "format": "json", "nojsoncallback": "1"}
        form.update({k: str(v) for k, v in params.items() if v not in (None, "")})
        for attempt in range(self.max_retries + 1):
            self.feedback.check()
            self.budget.acquire()
            response = self._post(form, method)
            problem = _http_problem(response)
            if problem is None:
                try:
                    answer = json.loads(response.body.decode("utf-8"))
                except (UnicodeDecodeError, ValueError):
                    answer = None
                if not isinstance(answer, dict):
                    problem = "the answer was not Flickr's JSON"
                elif answer.get("stat") == "ok":
                    try:
                        if validate is not None:
                            validate(answer)
                        return answer
                    except MalformedAnswer as exc:
                        problem = f"a malformed answer: {exc}"
                else:
                    code = _int(answer.get("code"))
                    message = self.redact(answer.get("message") or "no message")
                    if code not in TRANSIENT_FLICKR_CODES:
                        raise FlickrError(_flickr_sentence(code, message))
                    problem = f"Flickr error {code} ({message})"
            elif response.status and response.status not in TRANSIENT_HTTP:
                raise FlickrError(f"The Flickr API answered HTTP {response.status} to {method}"
                                  f"{self.redact(_detail(response))}; the harvest stopped.")
            if attempt < self.max_retries:
                self._pause(attempt, response, f"{method}: {problem}")
        raise FlickrError(f"{method} failed {self.max_retries + 1} times ({self.redact(problem)}); the harvest "
                          "stopped. Run it again later: downloaded photos are kept.")

    @property
    def calls(self) -> int:
        return self.budget.calls


def _detail(response: HttpResponse) -> str:
    return f" ({response.error})" if response.error else ""


def _http_problem(response: HttpResponse) -> Optional[str]:
    if response.status == 0:
        return f"no answer ({response.error or 'network error'})"
    if response.status != 200:
        return f"HTTP {response.status}"
    length = response.headers.get("content-length", "")
    got = response.received or len(response.body)
    if length.isdigit() and int(length) != got:
        return f"truncated transfer ({got} of {length} bytes)"
    if response.error:  # the transfer ended abnormally (reset, timeout) after a 200
        return f"an interrupted transfer ({response.error})"
    return None


def _flickr_sentence(code: Optional[int], message: str) -> str:
    if code == 100:
        return (f"Flickr refused the API key (error 100: {message}). Check the key stored in the "
                "chosen authentication configuration: it is the 32-character 'Key', not the "
                "'Secret'.")
    if code == 116:
        return f"Flickr says the API was called in a way it no longer supports (error 116: {message})."
    return f"Flickr answered error {code}: {message}."


def _int(value) -> Optional[int]:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _search_params(query: HarvestQuery, bbox, t0: int, t1: int, per_page: int, page: int) -> dict:
    params = {
        "bbox": ",".join(f"{v:.6f}" for v in bbox),
        "has_geo": 1,
        "extras": EXTRAS + "," + SIZES[query.size][0],
        "per_page": per_page,
        "page": page,
        "content_type": 1,  # photos only
        "media": "photos",
        "text": query.text,
        "tags": query.tags,
        "sort": "date-taken-asc" if query.date_kind == "taken" else "date-posted-asc",
    }
    allowed = LICENCE_FILTERS[query.licences]
    if allowed is not None:
        params["license"] = ",".join(str(i) for i in allowed)
    if query.date_kind == "taken":
        params["min_taken_date"], params["max_taken_date"] = _taken_text(t0), _taken_text(t1)
    else:
        params["min_upload_date"], params["max_upload_date"] = t0, t1
    return params


def search(client: FlickrClient, query: HarvestQuery, per_page: int = DEFAULT_PER_PAGE,
           cap: int = DEFAULT_CAP, feedback: Optional[CoreFeedback] = None) -> SearchResult:
    """Every photo of the query, the query split until each slice is under ``cap``."""
    feedback = ensure_feedback(feedback)
    query.validate()
    waited0 = client.budget.waited
    max_pages = max(1, cap // per_page)
    found = {}
    slices = []
    stack = [(tuple(float(v) for v in query.bbox), _stamp(query.start), _stamp(query.end))]
    expected = None
    refused = []
    while stack:
        feedback.check()
        bbox, t0, t1 = stack.pop()
        first = client.call("flickr.photos.search", validate=validate_search_answer,
                            **_search_params(query, bbox, t0, t1, per_page, 1))
        info = first.get("photos") or {}
        total = _int(info.get("total")) or 0
        if expected is None:
            expected = total
            feedback.info(msg("flickr_total", total))
        report = SliceReport(bbox, t0, t1, total)
        slices.append(report)
        if total > cap:
            parts = _split(bbox, t0, t1, total, cap)
            if parts:
                report.split = f"time x{len(parts)}" if parts[0][0] == bbox else f"area x{len(parts)}"
                feedback.info(msg("flickr_slice_split", _slice_text(bbox, t0, t1, query), total, cap, report.split))
                stack.extend(reversed(parts))
                continue
            report.split = "capped"
            feedback.warning(msg("flickr_slice_capped", _slice_text(bbox, t0, t1, query), total, cap))
        pages = min(_int(info.get("pages")) or 1, max_pages)
        _collect(found, info.get("photo") or [], query, refused)
        for page in range(2, pages + 1):
            answer = client.call("flickr.photos.search", validate=validate_search_answer,
                                 **_search_params(query, bbox, t0, t1, per_page, page))
            _collect(found, (answer.get("photos") or {}).get("photo") or [], query, refused)
        report.pages = pages
        feedback.info(msg("flickr_slice_done", _slice_text(bbox, t0, t1, query), total, pages, len(found),
                          client.calls))
        if expected:
            feedback.progress(min(99.0, 100.0 * len(found) / expected))
    if refused:
        feedback.warning(msg("flickr_refused_entries", len(refused), refused[0]))
    return SearchResult(list(found.values()), slices, client.calls, client.budget.waited - waited0,
                        len(refused))


_ID = re.compile(r"[0-9]{1,20}")
_SECRET = re.compile(r"[0-9A-Za-z]{1,64}")


def validate_search_answer(answer: dict) -> None:
    """Raise :class:`MalformedAnswer` unless ``answer`` has the shape of a search answer:
    ``photos`` an object, ``photos.photo`` a list of objects, paging counts whole numbers."""
    info = answer.get("photos")
    if not isinstance(info, dict):
        raise MalformedAnswer("'photos' is not an object")
    photos = info.get("photo", [])
    if not isinstance(photos, list):
        raise MalformedAnswer(f"'photos.photo' is {type(photos).__name__}, not a list")
    if not all(isinstance(p, dict) for p in photos):
        raise MalformedAnswer("an entry of 'photos.photo' is not an object")
    for key in ("total", "pages", "page"):
        if key in info and _count(info[key]) is None:
            raise MalformedAnswer(f"'photos.{key}' is not a whole number")


def _count(value) -> Optional[int]:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str) and value.isdigit() and len(value) < 19:
        return int(value)
    return None


def entry_problem(photo: dict) -> Optional[str]:
    """None for a photo entry whose id is digits and whose secret is letters and digits (they
    make its file name), else why it is left out (an id such as ``../x`` or one with a NUL)."""
    pid, secret = photo.get("id"), photo.get("secret")
    if not isinstance(pid, (str, int)) or isinstance(pid, bool) or not _ID.fullmatch(str(pid)):
        return "its id is not a number"
    if secret not in (None, "") and not (isinstance(secret, str) and _SECRET.fullmatch(secret)):
        return "its secret is not letters and digits"
    return None


def _collect(found: dict, photos: list, query: HarvestQuery, refused: Optional[list] = None) -> None:
    allowed = LICENCE_FILTERS[query.licences]
    for photo in photos:
        problem = entry_problem(photo) if isinstance(photo, dict) else "it is not an object"
        if problem:
            if refused is not None:
                refused.append(problem)
            continue
        pid = str(photo.get("id"))
        if pid in found:
            continue
        if allowed is not None and _int(photo.get("license")) not in allowed:
            continue  # the API filters too; this guards against a licence changed meanwhile
        if not _located(photo):
            continue  # has_geo=1 asks for located photos only; a 0/0 or empty position is none
        found[pid] = photo


def _located(photo: dict) -> bool:
    try:
        lat, lon = float(photo.get("latitude")), float(photo.get("longitude"))
    except (TypeError, ValueError):
        return False
    return math.isfinite(lat) and math.isfinite(lon) and (lat, lon) != (0.0, 0.0)


def _split(bbox, t0: int, t1: int, total: int, cap: int) -> list:
    """Sub-slices of an over-full slice: equal time windows, or four sub-areas of a 1-s window."""
    span = t1 - t0 + 1
    if span >= 2:
        n = min(span, 16, max(2, math.ceil(total / (0.7 * cap))))
        edges = [t0 + (span * i) // n for i in range(n + 1)]
        return [(bbox, edges[i], edges[i + 1] - 1) for i in range(n) if edges[i + 1] > edges[i]]
    x0, y0, x1, y1 = bbox
    if x1 - x0 < 1e-5 or y1 - y0 < 1e-5:
        return []
    xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
    boxes = [(x0, y0, xm, ym), (xm, y0, x1, ym), (x0, ym, xm, y1), (xm, ym, x1, y1)]
    return [(box, t0, t1) for box in boxes]


def _slice_text(bbox, t0: int, t1: int, query: HarvestQuery) -> Message:
    """A slice in words: its time span, and its area when it is a part of the query's."""
    if tuple(bbox) == tuple(float(v) for v in query.bbox):
        return msg("flickr_slice_span", _taken_text(t0), _taken_text(t1))
    return msg("flickr_slice_span_area", _taken_text(t0), _taken_text(t1), ",".join(f"{v:.5f}" for v in bbox))


# --- files -------------------------------------------------------------------------------------

def file_name(photo: dict, size: str) -> str:
    """``<id>_<secret>_<size>.jpg`` (the secret of the URL, which differs for originals)."""
    url = photo_url(photo, size)
    secret = str(photo.get("secret") or "")
    stem = url.split("?", 1)[0].rsplit("/", 1)[-1].rsplit(".", 1)[0] if url else ""
    bits = stem.split("_")
    if len(bits) >= 2 and bits[0] == str(photo.get("id")) and _SECRET.fullmatch(bits[1]):
        secret = bits[1]
    name = f"{photo.get('id')}_{secret}_{SIZES[size][1]}.jpg"
    return "".join(c for c in name if c.isalnum() or c in "_.-")


def photo_url(photo: dict, size: str) -> str:
    url = photo.get(SIZES[size][0])
    return url if isinstance(url, str) else ""


@dataclass
class DownloadResult:
    downloaded: int = 0
    already: int = 0
    failed: list = field(default_factory=list)  # (photo id, reason sentence)
    bytes: int = 0
    files: dict = field(default_factory=dict)  # photo id -> file name
    refused: int = 0  # photo URLs (or their redirects) outside Flickr's photo servers


class Manifest:
    """``photos/.complete.csv``: the name and size of every file whose download was whole.

    A file is "already there" only when the manifest lists it with its size (or, for a folder
    harvested before manifests, when it passes :func:`image_problem`, and is then listed): a
    transfer cut without a Content-Length is never taken for a finished photo.
    """

    def __init__(self, folder: Path):
        self.path = Path(folder) / MANIFEST_NAME
        self.sizes = {}
        if self.path.is_file():
            with open(self.path, encoding="utf-8", newline="") as fh:
                for row in csv.reader(fh):
                    if len(row) == 2 and row[1].isdigit():
                        self.sizes[row[0]] = int(row[1])

    def whole(self, target: Path) -> bool:
        if not target.is_file():
            return False
        size = target.stat().st_size
        if target.name in self.sizes:
            return self.sizes[target.name] == size
        if size and image_problem(target) is None:
            self.add(target)
            return True
        return False

    def add(self, target: Path) -> None:
        size = target.stat().st_size
        try:
            with open(self.path, "a", encoding="utf-8", newline="") as fh:
                csv.writer(fh).writerow([target.name, size])
        except OSError as exc:
            raise LocalWriteError(f"The list of complete downloads {self.path} could not be written "
                                  f"({exc.strerror or exc}): the disk may be full; the harvest stopped.") from exc
        self.sizes[target.name] = size


def image_problem(path) -> Optional[str]:
    """None when the file is a whole JPEG, PNG, GIF or WebP (its signature and its end marker),
    else what is wrong: an HTML page, an error text or a cut transfer is no photo."""
    with open(path, "rb") as fh:
        head = fh.read(16)
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        fh.seek(max(0, size - 64))
        tail = fh.read()
    if head.startswith(b"\xff\xd8\xff"):
        return None if tail.rstrip(b"\x00\r\n ").endswith(b"\xff\xd9") else "a JPEG cut before its end"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return None if tail.endswith(b"IEND\xaeB`\x82") else "a PNG cut before its end"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return None if tail.endswith(b";") else "a GIF cut before its end"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return None if int.from_bytes(head[4:8], "little") + 8 == size else "a WebP cut before its end"
    return "not an image (" + (repr(head[:12])[2:-1] or "empty") + ")"


def download(client: FlickrClient, photos: list, folder, size: str,
             feedback: Optional[CoreFeedback] = None) -> DownloadResult:
    """Fetch each photo's file into folder unless it is there complete already (see module doc)."""
    feedback = ensure_feedback(feedback)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(folder)
    cap = SIZE_CAP.get(size, DEFAULT_SIZE_CAP)
    result = DownloadResult()
    unanswered = 0
    for n, photo in enumerate(photos, start=1):
        if feedback.canceled():
            raise Canceled(_kept(result, folder))
        pid = str(photo.get("id"))
        url = photo_url(photo, size)
        if not url:
            result.failed.append((pid, f"Flickr offers no '{size}' size of this photo (the "
                                       "owner does not allow it, or the original is smaller)."))
            continue
        refusal = photo_url_problem(url, client.api_url)
        if refusal:
            result.refused += 1
            result.failed.append((pid, f"Its URL {client.redact(url)} was refused ({refusal}): photos are only "
                                       "downloaded over https from Flickr's photo servers."))
            continue
        name = file_name(photo, size)
        target = folder / name
        if manifest.whole(target):
            result.already += 1
            result.files[pid] = name
        else:
            try:
                problem, answered = _fetch(client, url, target, feedback, cap)
                if problem is None:
                    manifest.add(target)
            except Canceled:
                raise Canceled(_kept(result, folder)) from None
            except LocalWriteError as exc:
                raise FlickrError(f"{exc} {_kept(result, folder)}") from None
            unanswered = 0 if answered else unanswered + 1
            if unanswered >= MAX_UNANSWERED:
                raise FlickrError(f"{unanswered} photos in a row got no answer from Flickr's photo servers "
                                  f"({problem}): the network connection may be lost; the harvest stopped. "
                                  + _kept(result, folder))
            if problem:
                result.refused += problem.startswith("A redirect")
                result.failed.append((pid, problem))
            else:
                result.downloaded += 1
                result.bytes += target.stat().st_size
                result.files[pid] = name
        feedback.progress(100.0 * n / max(1, len(photos)))
        if n % 100 == 0:
            feedback.info(msg("flickr_download_progress", n, len(photos), result.downloaded, result.already,
                              len(result.failed)))
    return result


def _kept(result: DownloadResult, folder: Path) -> str:
    return (f"{result.downloaded} photos were downloaded by this run and stay in {folder}; run the "
            "harvest again to download the rest.")


def _transfer(client: FlickrClient, url: str, part: Path, cap: int) -> tuple:
    """One download with its redirects, each hop checked by :func:`photo_url_problem`, into
    ``part``: (response, bytes the transport handed over, None or a reason not to retry)."""
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        state = {"bytes": 0, "too_large": False}
        with open(part, "wb") as fh:
            def sink(chunk, fh=fh, state=state):
                state["bytes"] += len(chunk)
                if state["bytes"] > cap:
                    state["too_large"] = True
                    raise DownloadRefused(f"larger than {cap:,} bytes")
                fh.write(chunk)

            response = client.transport(current, sink=sink)
        if state["too_large"]:
            return response, state, f"The download was stopped: it was larger than {cap:,} bytes, more than a photo " \
                                    "of this size can be."
        if response.status not in REDIRECTS:
            return response, state, None
        target = urljoin(current, response.headers.get("location", ""))
        refusal = photo_url_problem(target, client.api_url)
        if refusal:
            return response, state, f"A redirect to {client.redact(target)} was refused ({refusal}): photos are only " \
                                    "downloaded over https from Flickr's photo servers."
        current = target
    return response, state, f"The download was redirected more than {MAX_REDIRECTS} times."


def _fetch(client: FlickrClient, url: str, target: Path, feedback: CoreFeedback, cap: int = DEFAULT_SIZE_CAP) -> tuple:
    """Download url to target via ``target.part``: (None when done, else the reason it failed;
    False when no attempt got any HTTP answer). A file is renamed into place only when whole:
    HTTP 200, the announced length, a normal end, and an image with its end marker."""
    part = target.with_name(target.name + ".part")
    problem = "no attempt"
    answered = False
    for attempt in range(client.max_retries + 1):
        feedback.check()
        response, state, final = _transfer(client, url, part, cap)
        answered = answered or response.status != 0
        if final:
            part.unlink(missing_ok=True)
            return final, True
        if response.status in (404, 410):
            part.unlink(missing_ok=True)
            return f"The photo is no longer on Flickr (HTTP {response.status} for its file).", True
        size = part.stat().st_size
        handed = response.received or state["bytes"]
        if handed and size != handed:
            # bytes arrived that the file did not take (a full disk): the write error stays
            # inside the transport (a Qt slot, a read loop), so the file size is what tells
            part.unlink(missing_ok=True)
            raise LocalWriteError(f"Only {size} of the {handed} bytes of {target.name} could be "
                                  f"written to {target.parent} ({client.redact(response.error) or 'no reason given'}): "
                                  "the disk may be full or the folder not writable; the harvest stopped.")
        problem = _http_problem(response)
        if problem is None:
            problem = image_problem(part) if size else "an empty file"
            if problem and problem.startswith("not an image"):
                part.unlink(missing_ok=True)
                return f"The server sent {problem}, not the photo.", True
        if problem is None:
            sync_file(part)  # a delayed write error of a full disk shows here, before the file gets its name
            os.replace(part, target)
            return None, True
        problem = client.redact(problem)
        if response.status not in TRANSIENT_HTTP and not problem.startswith(("truncated", "a ", "an ")):
            break
        if attempt < client.max_retries:
            client._pause(attempt, response, msg("flickr_download_of", target.name, problem))
    part.unlink(missing_ok=True)
    return f"The download failed ({problem}).", answered


# --- outputs -----------------------------------------------------------------------------------

def table_rows(photos: list, size: str, files: Optional[dict] = None,
               hash_owner_salt: Optional[str] = None) -> list:
    """Rows of ``TABLE_COLUMNS``; with ``files``, only the photos that have a file."""
    rows = []
    for photo in photos:
        pid = str(photo.get("id"))
        if files is not None and pid not in files:
            continue
        owner = _text(photo.get("owner"))
        owner_name = _text(photo.get("ownername"))
        if hash_owner_salt is not None:
            owner = pseudonymise(owner, hash_owner_salt) if owner else ""
            owner_name = ""
        licence = _int(photo.get("license"))
        rows.append({
            "id": pid,
            "secret": _text(photo.get("secret")),
            "owner": owner,
            "ownername": owner_name,
            "title": _text(photo.get("title")),
            "tags": _text(photo.get("tags")),
            "datetaken": _text(photo.get("datetaken")),
            "datetakengranularity": _text(photo.get("datetakengranularity")),
            "dateupload": _upload_text(photo.get("dateupload")),
            "latitude": _number(photo.get("latitude")),
            "longitude": _number(photo.get("longitude")),
            "accuracy": _int(photo.get("accuracy")),
            "license": "" if licence is None else licence,
            "license_name": LICENCES.get(licence, "") if licence is not None else "",
            "url": photo_url(photo, size),
            "filename": (files or {}).get(pid, ""),
        })
    return rows


def _text(value) -> str:
    """A text cell from an answer's value: strings and numbers only, without NUL and control
    characters (a CSV reader stops at a NUL), at most 2,000 characters."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    text = "".join(c if c.isprintable() or c in "\t" else " " for c in str(value))
    return text[:2000]


def _number(value) -> Optional[float]:
    """Flickr gives coordinates as numbers or as text; the table holds numbers."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _upload_text(value) -> str:
    stamp = _int(value)
    return "" if stamp is None else datetime.fromtimestamp(stamp, timezone.utc).strftime(
        "%Y-%m-%dT%H:%M:%SZ")


def write_csv(path, columns: list, rows: list) -> None:
    """UTF-8 CSV, complete or absent (:func:`safe_cells.save_csv`: a temporary name, every row
    read back, then the rename); text a spreadsheet would run as a formula (titles and tags are
    anyone's text) goes through :func:`safe_cells.csv_cell`."""
    save_csv(path, columns, ([row.get(c) for c in columns] for row in rows))


def licence_counts(photos: list) -> dict:
    counts = {}
    for photo in photos:
        name = LICENCES.get(_int(photo.get("license")), "unknown licence")
        counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


README_TEXT = """Photos harvested from Flickr
============================

Source: Flickr REST API, method flickr.photos.search ({api_url}), run by the QGIS plugin
Photo Motifs (algorithm photomotifs:harvestflickr) on {when} UTC.
Query: {query}
Found: {found} photos with a location ({calls} API calls in {n_slices} slice(s), {waited} waited
for the hourly call budget). {files_line}

Files
-----
{table}: one row per photo {table_rule} (id, owner, owner name, title, tags, date taken and
  its granularity, upload date, latitude, longitude, accuracy, licence, URL, file name).
  Import it with "Import photos from a metadata table (Flickr)" (photomotifs:importtable)
  and the folder {photos_dir}.
{skipped}: photos found but not downloaded, with the reason.
{slices}: how the search was split (each slice under Flickr's ~4,000-photo cap).
{photos_dir}/<id>_<secret>_<size>.jpg: the photo files. A file ending in .part is an interrupted download;
  running the harvest again completes it.
Owner ids: {owners}

Licences of the photos found
----------------------------
{licences}

Terms of use
------------
The photos belong to their owners. The licence of each photo is in the table: respect it
(attribution, non-commercial, no derivatives) for anything you publish, and show no photo
you may not show. Use of the Flickr API is bound by Flickr's API Terms of Use
(https://www.flickr.com/help/terms/api) and the Flickr Community Guidelines: the API is for
non-commercial use unless Flickr agrees otherwise; do not redistribute the photos as a
collection and do not keep them longer than your project needs.

Personal data
-------------
Owner ids and names, tags, titles, dates and positions are personal data in the sense of the
GDPR. Keep them only for your stated research purpose, store them securely, publish
aggregates (maps of motifs, counts per area) rather than individual rows, pseudonymise
owners (the harvest does that by default) and delete the folder when the project ends.
"""


def write_readme(folder, query: HarvestQuery, api_url: str, photos: list, calls: int,
                 n_slices: int, waited: float, downloaded: Optional[DownloadResult],
                 hashed: bool) -> Path:
    if downloaded is None:
        files_line = "Metadata only: no photo file was downloaded."
    else:
        files_line = (f"Files: {downloaded.downloaded} downloaded by this run, {downloaded.already} "
                      f"already there, {len(downloaded.failed)} not downloaded.")
    text = README_TEXT.format(
        api_url=api_url, when=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M"),
        query=query.describe(), found=len(photos), calls=calls, n_slices=n_slices,
        waited=_duration(waited), files_line=files_line, table=TABLE_NAME,
        table_rule="" if downloaded is None else "whose file is in this folder",
        skipped=SKIPPED_NAME, slices=SLICES_NAME, photos_dir=PHOTOS_DIR,
        owners=("replaced by hashes salted with the harvesting user's personal salt (not shared); "
                "owner names left out." if hashed else
                "as Flickr gives them (not pseudonymised)."),
        licences="\n".join(f"{n:7d}  {name}" for name, n in licence_counts(photos).items()) or
        "      0  (no photo)",
    )
    path = Path(folder) / README_NAME
    replace_complete(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return path


@dataclass
class HarvestResult:
    photos: int
    calls: int
    slices: list
    waited: float
    seconds: float
    table: Path
    download: Optional[DownloadResult] = None
    retries: int = 0


def harvest(query: HarvestQuery, folder, client: FlickrClient, download_files: bool = True,
            hash_owner_salt: Optional[str] = None, per_page: int = DEFAULT_PER_PAGE,
            cap: int = DEFAULT_CAP, feedback: Optional[CoreFeedback] = None) -> HarvestResult:
    """Search, download (unless metadata only) and write table, skipped list, slices and README."""
    feedback = ensure_feedback(feedback)
    started = time.monotonic()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    found = search(client, query, per_page=per_page, cap=cap,
                   feedback=feedback.sub(0, 30 if download_files else 95))
    feedback.info(msg("flickr_found", len(found.photos), len(found.slices), found.calls))
    result = None
    if download_files:
        result = download(client, found.photos, folder / PHOTOS_DIR, query.size,
                          feedback=feedback.sub(30, 95))
        feedback.info(msg("flickr_files", result.downloaded, f"{result.bytes / 1e6:.1f}", result.already,
                          len(result.failed)))
        if result.refused:
            feedback.warning(msg("flickr_refused_urls", result.refused, SKIPPED_NAME))
    rows = table_rows(found.photos, query.size, result.files if result else None, hash_owner_salt)
    table = folder / TABLE_NAME
    write_csv(table, TABLE_COLUMNS, rows)
    failed = result.failed if result else []
    write_csv(folder / SKIPPED_NAME, ["id", "reason"], [{"id": i, "reason": r} for i, r in failed])
    write_csv(folder / SLICES_NAME, ["min_lon", "min_lat", "max_lon", "max_lat", "start", "end",
                                     "total", "pages", "split"],
              [dict(zip(["min_lon", "min_lat", "max_lon", "max_lat"], s.bbox, strict=True), start=_taken_text(s.t0),
                    end=_taken_text(s.t1), total=s.total, pages=s.pages, split=s.split)
               for s in found.slices])
    write_readme(folder, query, client.api_url, found.photos, found.calls, len(found.slices),
                 found.waited, result, hash_owner_salt is not None)
    feedback.progress(100)
    return HarvestResult(len(found.photos), found.calls, found.slices, found.waited,
                         time.monotonic() - started, table, result, client.retries)
