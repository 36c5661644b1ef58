"""How much work one request may ask for, by who asks (issue 10: one anonymous 2 MiB POST to
``/eligibility/screen`` ran 12 minutes and streamed 177 MB).

Anonymous callers (no valid bearer token) get small bounds; a caller with a role gets the
operator's larger ones.  :func:`has_any_role` is the one place that decides who holds a role: any
staff member (a user's token, the bootstrap ``KZQUAL_TOKEN`` or a web session; checked by
:mod:`kzqual.api.auth`, wrong tokens counted by its rate limit).  The bounds are documented in docs/api.md and docs/security.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from kzqual.api.auth import staff_principal
from kzqual.api.errors import ApiError


@dataclass(frozen=True)
class ScreenBounds:
    max_profiles: int  # non-empty lines of one request body
    max_posts: int  # posts each profile is screened against (the selected posts)
    max_seconds: float  # wall time of the whole answer; then a final error record ends the stream
    anonymous: bool


async def has_any_role(request: Request) -> bool:
    """Whether the caller proved a role.  A wrong or missing token is simply anonymous here: this
    decides bounds, not access."""
    return await staff_principal(request) is not None


async def screen_bounds(request: Request) -> ScreenBounds:
    s = request.app.state.settings
    if await has_any_role(request):
        return ScreenBounds(s.screen_max_profiles, s.screen_max_posts, s.screen_max_seconds, False)
    return ScreenBounds(s.anon_screen_max_profiles, s.anon_screen_max_posts, s.anon_screen_max_seconds, True)


def too_much_work(what: str, bounds: ScreenBounds) -> ApiError:
    """413 ``too_much_work`` before any work starts; says how to get larger bounds."""
    hint = " (anonymous bound; send 'Authorization: Bearer <token>' for larger batches)" if bounds.anonymous else ""
    return ApiError(413, "too_much_work", f"{what}{hint}")
