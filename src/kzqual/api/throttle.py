"""Failed sign-ins and wrong tokens, counted per client address and per user name.

After ``limit`` failures within ``window`` seconds a key is blocked until the oldest of them is
``window`` seconds old: every request it makes with credentials (even the right ones) is answered
429 with ``Retry-After`` and no token is checked — so guessing costs a minute per five tries
instead of running at the server's full speed.  In memory, per server process (docs/security.md).
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from kzqual.api.errors import ApiError


class Throttle:
    def __init__(self, limit: int = 5, window: float = 60.0, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = 100_000) -> None:
        self.limit, self.window, self.clock, self.max_keys = limit, window, clock, max_keys
        self._fails: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float] | None:
        times = self._fails.get(key)
        if times is None:
            return None
        while times and times[0] <= now - self.window:
            times.popleft()
        if not times:
            del self._fails[key]
            return None
        return times

    def retry_after(self, *keys: str | None) -> int | None:
        """Seconds until every key given may try again; None if none is blocked."""
        now = self.clock()
        waits = []
        with self._lock:
            for key in keys:
                times = self._recent(key, now) if key else None
                if times is not None and len(times) >= self.limit:
                    waits.append(times[-self.limit] + self.window - now)
        return max(1, math.ceil(max(waits))) if waits else None

    def fail(self, *keys: str | None) -> None:
        now = self.clock()
        with self._lock:
            if len(self._fails) >= self.max_keys:  # a flood of addresses: forget the oldest keys
                for key in list(self._fails)[: self.max_keys // 10]:
                    del self._fails[key]
            for key in keys:
                if key:
                    self._fails.setdefault(key, deque(maxlen=self.limit * 4)).append(now)

    def check(self, *keys: str | None) -> None:
        wait = self.retry_after(*keys)
        if wait is not None:
            raise ApiError(429, "too_many_attempts",
                           f"too many failed sign-ins or wrong tokens; try again in {wait} s",
                           headers={"Retry-After": str(wait)})
