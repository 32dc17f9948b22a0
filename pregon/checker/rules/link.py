"""link: links outside the institution's allow-list (rosarito:9.5, iee-sonora:6.VI), URL shorteners, and press
notes published without the link to their official location (iee-sonora:6.IX-X)."""

from __future__ import annotations

from functools import lru_cache

from pregon.checker.config import CheckerOptions
from pregon.checker.text import entries_for, matcher, prepare, quote
from pregon.checker.types import CheckContext, Hit


def host_of(url: str) -> str:
    """Lower-case host of a URL or bare domain, without scheme, www., port, user or path."""
    u = url.strip()
    if "://" in u:
        u = u.split("://", 1)[1]
    for sep in "/?#":
        u = u.split(sep, 1)[0]
    u = u.rsplit("@", 1)[-1].split(":", 1)[0].lower().rstrip(".")
    return u.removeprefix("www.")


def _under(host: str, domains: tuple[str, ...] | frozenset[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


@lru_cache(maxsize=64)
def _shorteners(lexicons: tuple[str, ...], extra: tuple[str, ...]) -> frozenset[str]:
    return frozenset([e.term.lower() for e in entries_for(lexicons)] + [d.lower() for d in extra])


def detect(text: str, ctx: CheckContext, options: CheckerOptions) -> list[Hit]:
    p = prepare(text)
    allowed = tuple(d.lower().removeprefix("www.") for d in (*options.allowed_link_domains, *ctx.own_domains))
    shorteners = _shorteners(options.shortener_lexicons, options.shortener_domains)
    hits: list[Hit] = []
    official_link = False
    for s, e in p.urls:
        host = host_of(text[s:e])
        if not host:
            continue
        if _under(host, shorteners):
            hits.append(
                Hit(
                    "link.shortener",
                    s,
                    e,
                    f"«{quote(text, s, e)}» es un acortador de enlaces que oculta el destino: publique el enlace "
                    "completo a la fuente oficial.",
                )
            )
        elif allowed and not _under(host, allowed):
            hits.append(
                Hit(
                    "link.foreign_domain",
                    s,
                    e,
                    f"El enlace a «{host}» está fuera de los dominios de la institución ({', '.join(allowed)}): "
                    "publíquelo solo si se vincula directamente con sus fines y programas; si no, enlace a la fuente "
                    "oficial.",
                )
            )
        elif not allowed or _under(host, allowed):
            official_link = True
    if not official_link:
        for s, e, _ in matcher(options.press_note_lexicons).finditer(text, p.folded):
            where = f" ({', '.join(allowed)})" if allowed else ""
            hits.append(
                Hit(
                    "link.press_note_without_link",
                    s,
                    e,
                    f"«{quote(text, s, e)}»: al difundir un boletín o comunicado, redacte un mensaje propio y agregue el "
                    f"enlace a su ubicación oficial en internet{where}.",
                )
            )
            break
    return hits
