"""Fetching articles over HTTP(S) with limits on time, size, redirects and address range."""

from __future__ import annotations

import ipaddress
import re
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from synopsis import __version__

# Ten seconds is what a patient reader waits for a page; news sites that answer
# at all answer in well under that.
DEFAULT_TIMEOUT = 10.0
# The largest article pages (live blogs with inline scripts) are 2-5 MB of HTML;
# ten megabytes leaves room without letting a video file through.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
DEFAULT_USER_AGENT = f"synopsis/{__version__} (+https://github.com/synopsis-news/synopsis)"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Limits for reading URLs (and, for max_bytes, files)."""

    timeout: float = DEFAULT_TIMEOUT  # seconds, for connecting and for each read
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    allow_private: bool = True  # False on servers: refuse loopback/private/link-local hosts
    user_agent: str = DEFAULT_USER_AGENT


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched response body with what the server said about it."""

    url: str  # final URL after redirects
    body: bytes
    content_type: str  # media type only, lower case ("text/html")
    charset: str | None


class FetchError(Exception):
    """A URL could not be fetched; the message is a short user-facing reason."""


# One label of a host name: letters (any script: names are IDNA-encoded when fetched), digits,
# hyphens inside, and underscores, which some real hosts carry although DNS names should not.
HOST_LABEL = re.compile(r"[^\W_](?:[\w-]{0,61}[^\W_])?")
# What starts a URL rather than a path: a scheme of two or more characters (RFC 3986) and "://".
URL_START = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")


def looks_like_url(item: str) -> bool:
    """Whether an input item is meant as a URL (so it is checked as one, not looked for as a file);
    a Windows path "C://x" has a one-letter scheme and stays a path."""
    return URL_START.match(item) is not None


def check_url(url: str) -> None:
    """Raise FetchError with a one-line reason when ``url`` is not an http(s) URL that can be
    fetched as written: the one check every URL passes, typed, posted or redirected to.

    urllib and httpx each let some malformed URLs through to the fetch (httpx takes
    "http://exa mple.com" and a port of 99999, urllib "http://256.1.1.1/") and fail
    there with exceptions of their own, so both parsers are asked, and the host is
    checked here for what neither refuses.
    """
    try:
        parts = urlsplit(url)
        port = parts.port  # raises for a port that is not a number from 0 to 65535
    except ValueError as err:
        reason = str(err).lower()
        raise FetchError("invalid URL: " + ("bad [IPv6] host" if "ipv6" in reason else reason)) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"unsupported url scheme {scheme or 'none'!r}")
    host = parts.hostname
    if not host:
        raise FetchError("invalid URL: no host")
    if any(c.isspace() for c in url):
        raise FetchError("invalid URL: it contains a space")
    if port == 0:
        raise FetchError("invalid URL: port 0")
    if not parts.netloc.endswith("]") and ":" not in host:  # [IPv6] literals were checked by urlsplit
        labels = host.rstrip(".").split(".")
        if all(label.isdigit() for label in labels) or host.startswith("0x"):
            try:
                ipaddress.IPv4Address(host)
            except ValueError:
                raise FetchError(f"invalid URL: {host} is not an IP address") from None
        elif not all(HOST_LABEL.fullmatch(label) for label in labels):
            raise FetchError(f"invalid URL: {host!r} is not a host name")
    try:
        httpx.URL(url).host  # the host is decoded when first asked for
    except (httpx.InvalidURL, ValueError) as err:  # idna's errors for bad international names are ValueErrors
        raise FetchError(f"invalid URL: {str(err).splitlines()[0].lower()}") from None


def is_private_address(text: str) -> bool:
    """Whether an IP address is loopback, private, link-local, reserved, multicast or unspecified."""
    address = ipaddress.ip_address(text.split("%")[0])
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


def check_address(host: str) -> None:
    """Refuse hosts that resolve to loopback, private, link-local or reserved addresses."""
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as err:
        raise FetchError(f"cannot resolve host {host}") from err
    for info in infos:
        if is_private_address(info[4][0]):
            raise FetchError(f"refused: {host} resolves to a private address ({info[4][0].split('%')[0]})")


def check_peer(response: httpx.Response, host: str) -> None:
    """Refuse a response whose connection went to a private address, before its body is read.

    check_address resolves the name before connecting, and the connection resolves
    it again: a name whose DNS answer changes in between (DNS rebinding) would pass
    the first check and reach an internal host. The address actually connected to
    closes that gap.
    """
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer and is_private_address(str(peer[0])):
        raise FetchError(f"refused: {host} connected to a private address ({peer[0]})")


def parse_content_type(header: str | None) -> tuple[str, str | None]:
    """Split a Content-Type header into media type and charset."""
    if not header:
        return "", None
    parts = [p.strip() for p in header.split(";")]
    charset = None
    for part in parts[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value:
            charset = value.strip().strip('"').lower()
    return parts[0].lower(), charset


def fetch_url(url: str, options: FetchOptions | None = None) -> Fetched:
    """Download one URL, following at most max_redirects, aborting past max_bytes."""
    options = options or FetchOptions()
    timeout = httpx.Timeout(options.timeout)
    headers = {"User-Agent": options.user_agent, "Accept": "text/html,application/xhtml+xml,application/xml,application/json,text/plain;q=0.9,*/*;q=0.5"}
    # Redirects are followed by hand so that every hop is checked against the
    # address policy (a public page may redirect to an internal one).
    with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False) as client:
        current = url
        for hop in range(options.max_redirects + 1):
            check_url(current)  # a redirect's location too
            parts = urlsplit(current)
            if not options.allow_private:
                check_address(parts.hostname)
            try:
                with client.stream("GET", current) as response:
                    if not options.allow_private:
                        check_peer(response, parts.hostname)
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"http {response.status_code} redirect without a location")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        reason = response.reason_phrase.lower() if response.reason_phrase else "error"
                        raise FetchError(f"http {response.status_code} {reason}".strip())
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > options.max_bytes:
                        raise FetchError(f"too large: {int(declared)} bytes (limit {options.max_bytes})")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > options.max_bytes:
                            raise FetchError(f"too large: more than {options.max_bytes} bytes")
                    media, charset = parse_content_type(response.headers.get("content-type"))
                    return Fetched(url=str(response.url), body=bytes(body), content_type=media, charset=charset)
            except httpx.TimeoutException as err:
                raise FetchError(f"timed out after {options.timeout:g} s") from err
            except httpx.ConnectError as err:
                raise FetchError(describe_connect_error(err, parts.hostname)) from err
            except httpx.InvalidURL as err:  # pragma: no cover - check_url refuses what httpx would
                raise FetchError(f"invalid URL: {str(err).lower()}") from err
            except httpx.TooManyRedirects as err:  # pragma: no cover - redirects are manual
                raise FetchError("too many redirects") from err
            except httpx.HTTPError as err:
                raise FetchError(f"network error: {str(err).splitlines()[0].lower() or type(err).__name__}") from err
        raise FetchError(f"too many redirects (more than {options.max_redirects})")


def describe_connect_error(err: Exception, host: str) -> str:
    """A short reason for a failed connection: DNS failure or refused connection."""
    text = str(err).lower()
    if "name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text or "name resolution" in text:
        return f"cannot resolve host {host}"
    if "refused" in text:
        return f"connection refused by {host}"
    return f"cannot connect to {host}: {text.splitlines()[0] if text else 'unknown error'}"
