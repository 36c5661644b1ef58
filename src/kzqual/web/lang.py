"""Which language a page is shown in: ``?lang=`` (remembered in a cookie), the cookie, the
browser's Accept-Language, then Kazakh (the state language) by default."""

from __future__ import annotations

from kzqual.i18n import DEFAULT_LANG, LANGS

COOKIE = "kzqual_lang"
COOKIE_MAX_AGE = 365 * 24 * 3600


def valid(lang: str | None) -> str | None:
    lang = (lang or "").strip().lower()
    return lang if lang in LANGS else None


def from_accept_language(header: str | None) -> str | None:
    """The first supported language in an Accept-Language header, by stated preference."""
    if not header:
        return None
    choices: list[tuple[float, int, str]] = []
    for i, part in enumerate(header.split(",")):
        piece = part.strip().split(";")
        tag = piece[0].strip().lower().split("-")[0]
        q = 1.0
        for p in piece[1:]:
            p = p.strip()
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if tag in LANGS and q > 0:
            choices.append((-q, i, tag))
    return sorted(choices)[0][2] if choices else None


def negotiate(query: str | None, cookie: str | None, accept: str | None) -> tuple[str, bool]:
    """(language, whether to (re)set the cookie)."""
    chosen = valid(query)
    if chosen:
        return chosen, chosen != valid(cookie)
    return valid(cookie) or from_accept_language(accept) or DEFAULT_LANG, False
