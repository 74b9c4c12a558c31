"""The web app's outer guard, as plain ASGI middleware: Host check, cross-site check, body cap, security headers.

Plain ASGI rather than ``@app.middleware("http")`` because the body cap has
to sit between the server and the app's ``receive``: a request body is
counted as it streams in, chunked or not, and refused with 413 as soon as it
passes the cap, instead of after the whole body has been read into memory.
Every response that passes through (the guard's own 400/403/413 included)
gets the security headers; the app's 500 handler adds them itself, because
Starlette answers a crash outside all user middleware.
"""
from __future__ import annotations

import ipaddress
import json
from urllib.parse import urlsplit

__all__ = ["LOOPBACK_HOSTS", "UNSAFE_METHODS", "Guard", "allowed_hosts_for", "host_name", "is_loopback_name",
           "security_headers"]

#: Host names a loopback-bound app answers to ("testserver" is Starlette's test client);
#: any loopback IP literal (127.0.0.0/8, ::1) is answered as well.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]", "testserver"})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: Applied to any response that does not set its own policy (JSON, errors, downloads).
DEFAULT_CSP = "default-src 'none'"


def security_headers(csp: str | None) -> dict[str, str]:
    """The headers every response carries; with ``csp``, its Content-Security-Policy (framing always refused)."""
    # same-origin, not no-referrer: with no-referrer browsers send "Origin: null"
    # on the app's own form posts, which the cross-site guard must refuse.
    headers = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"}
    if csp:
        headers["Content-Security-Policy"] = csp + "; frame-ancestors 'none'"
    return headers


def host_name(header: str | None) -> str:
    """The name part of a Host header: ``localhost:8000`` → ``localhost``, ``[::1]:80`` → ``[::1]``."""
    header = (header or "").strip().lower()
    if header.startswith("["):
        return header.split("]", 1)[0] + "]"
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def is_loopback_name(name: str) -> bool:
    """True for ``localhost`` and loopback IP literals (``127.0.0.2``, ``[::1]``); never for other names."""
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts_for(bind: str) -> frozenset[str] | None:
    """Host names to answer when serving on ``bind``: loopback names for any loopback address, None (any) otherwise."""
    if is_loopback_name(bind.lower()):
        return LOOPBACK_HOSTS | {bind.lower(), f"[{bind.lower()}]"}
    return None


class _TooLarge(Exception):
    """Raised into the app from ``receive`` when the body passes the cap."""


class Guard:
    """ASGI middleware: refuse foreign hosts (400), cross-site writes (403), bodies over ``max_body`` (413)."""

    def __init__(self, app, allowed_hosts: frozenset[str] | None, max_body: int):
        self.app = app
        self.allowed_hosts = allowed_hosts
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_security_headers(send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", ())}
        refusal = self._refusal(scope["method"], headers)
        if refusal:
            await _json(send, *refusal)
            return
        await self._capped(scope, receive, send)

    def _refusal(self, method: str, headers: dict[str, str]) -> tuple[int, str] | None:
        name = host_name(headers.get("host"))
        if self.allowed_hosts is not None and name not in self.allowed_hosts and not is_loopback_name(name):
            return 400, "unknown host"
        if method not in UNSAFE_METHODS:
            return None
        origin = headers.get("origin")
        # Browsers send Origin with every POST; "null" comes from sandboxed
        # frames and local files, which must not drive the app either.
        if headers.get("sec-fetch-site") == "cross-site" or (
            origin is not None and (origin == "null" or urlsplit(origin).netloc != headers.get("host"))
        ):
            return 403, "cross-site request refused"
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            return 413, f"request larger than {self.max_body} bytes"
        return None

    async def _capped(self, scope, receive, send):
        state = {"read": 0, "over": False, "started": False}

        async def limited_receive():
            message = await receive()
            if message["type"] == "http.request":
                state["read"] += len(message.get("body", b""))
                if state["read"] > self.max_body:
                    state["over"] = True
                    raise _TooLarge
            return message

        async def tracked_send(message):
            if state["over"] and not state["started"]:
                return  # whatever the app answers to the cut body is replaced by the 413 below
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracked_send)
        except Exception:
            if not state["over"]:
                raise
        if state["over"] and not state["started"]:
            await _json(send, 413, f"request larger than {self.max_body} bytes")


def _with_security_headers(send):
    async def wrapped(message):
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", ())}
            extra = [(k.lower().encode("latin-1"), v.encode("latin-1"))
                     for k, v in security_headers(DEFAULT_CSP).items() if k.lower().encode("latin-1") not in present]
            message = {**message, "headers": [*message.get("headers", ()), *extra]}
        await send(message)

    return wrapped


async def _json(send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
