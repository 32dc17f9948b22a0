"""Turns whatever an office pastes (a URL, a bare host/path, an @handle) into one canonical account.

Pure Python: no Django import. The rules of each platform are data (`PlatformRules`, built from a `Platform`
row), so adding a platform is adding a row, never code. `https://x.com/AlcaldiaPasto/`, `twitter.com/alcaldiapasto`
and `@alcaldiapasto` (with X chosen) are the same account: handle `alcaldiapasto`, URL `https://x.com/alcaldiapasto`.

Refusals raise `CanonicalError` with a Spanish message that says what was wrong and what is expected.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

# Sub-domains that only choose a presentation of the same site (desktop, mobile, basic).
PRESENTATION_SUBDOMAINS = ("www.", "m.", "mobile.", "web.", "mbasic.", "touch.", "es-la.", "es.", "en.")
ALLOWED_SCHEMES = ("http", "https")
MAX_INPUT_LENGTH = 2048
_ASCII_HANDLE = set(string.ascii_letters + string.digits)


class CanonicalError(ValueError):
    """The input does not name an account of a registered platform. `message` is Spanish and user-facing."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PlatformRules:
    """How one platform writes account addresses. Every field is plain data (no expressions).

    - `url_template`: the canonical URL, with `{handle}`.
    - `hosts`: the platform's domains, without presentation sub-domains (www., m., mobile. are stripped first).
    - `strip_prefixes`: leading path parts that are not part of the handle (`@`, `c/`, `user/`…): removed.
    - `keep_prefixes`: leading path parts that name a separate namespace and stay in the handle
      (`company/`, `in/` on LinkedIn, `channel/` on YouTube); what follows keeps its case when the namespace is an id.
    - `case_sensitive_prefixes`: kept prefixes whose value is case-sensitive (YouTube channel ids).
    - `default_prefix`: added to a bare handle when the platform needs a namespace (LinkedIn `company/`).
    - `query_handle`: path -> query parameter carrying the handle (Facebook `profile.php?id=`).
    - `handle_chars`: characters allowed besides ASCII letters and digits; `min_length` / `max_length` of the handle.
    - `case_insensitive`: handles are compared (and stored) in lower case.
    - `reserved`: first path segments that are pages of the platform, not accounts (`home`, `groups`, `watch`…).
    """

    slug: str
    name: str
    url_template: str
    hosts: tuple[str, ...]
    strip_prefixes: tuple[str, ...] = ()
    keep_prefixes: tuple[str, ...] = ()
    case_sensitive_prefixes: tuple[str, ...] = ()
    default_prefix: str = ""
    query_handle: Mapping[str, str] = field(default_factory=dict)
    handle_chars: str = ""
    min_length: int = 1
    max_length: int = 30
    case_insensitive: bool = True
    reserved: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> PlatformRules:
        """Builds rules from a dict (a fixture entry or a model row's values); unknown keys are ignored."""
        names = set(cls.__dataclass_fields__)
        values = {k: v for k, v in data.items() if k in names}
        for key in ("hosts", "strip_prefixes", "keep_prefixes", "case_sensitive_prefixes", "reserved"):
            if key in values:
                values[key] = tuple(str(v).lower() if key in ("hosts", "reserved") else str(v) for v in values[key] or ())
        if "query_handle" in values:
            values["query_handle"] = dict(values["query_handle"] or {})
        return cls(**values)


class Canonical(NamedTuple):
    handle: str
    url: str


class Identified(NamedTuple):
    platform: PlatformRules
    handle: str
    url: str


def _clean_input(raw: str) -> str:
    if raw is None:
        raise CanonicalError("Escriba la dirección (URL) o el usuario de la cuenta.")
    text = str(raw).strip().strip("<>\"'").strip()
    if not text:
        raise CanonicalError("Escriba la dirección (URL) o el usuario de la cuenta.")
    if len(text) > MAX_INPUT_LENGTH:
        raise CanonicalError("La dirección es demasiado larga para ser la de una cuenta.")
    if any(ch.isspace() for ch in text):
        raise CanonicalError(f"«{text[:80]}» contiene espacios: una dirección o un usuario no los lleva.")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise CanonicalError("La dirección contiene caracteres de control.")
    return text


def normalize_host(host: str) -> str:
    """Lower case, no port, no trailing dot, no presentation sub-domain (www., m., mobile., …)."""
    host = host.strip().lower().rstrip(".")
    if ":" in host:
        host = host.split(":", 1)[0]
    changed = True
    while changed:
        changed = False
        for prefix in PRESENTATION_SUBDOMAINS:
            if host.startswith(prefix) and host.count(".") >= 2:
                host = host[len(prefix) :]
                changed = True
    return host


def _looks_like_url(text: str, platforms: Iterable[PlatformRules] = ()) -> bool:
    """A scheme, a host with a path ("twitter.com/x"), or a bare known host ("www.facebook.com")."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", text) and not text.startswith("@"):
        return True
    first = text.split("/", 1)[0]
    if "/" in text and "." in first:
        return True
    if text.lower().startswith("www."):
        return True
    host = normalize_host(first)
    return any(host in p.hosts for p in platforms)


def _validate_handle(rules: PlatformRules, handle: str, original: str) -> str:
    if not handle:
        raise CanonicalError(f"«{original[:80]}» no incluye el usuario de la cuenta en {rules.name}.")
    allowed = _ASCII_HANDLE | set(rules.handle_chars)
    bad = sorted({ch for ch in handle if ch not in allowed})
    if bad:
        shown = " ".join(f"«{ch}»" for ch in bad[:5])
        extra = f" y {' '.join(rules.handle_chars)}" if rules.handle_chars else ""
        raise CanonicalError(
            f"El usuario «{handle[:60]}» no es válido en {rules.name}: contiene {shown}; "
            f"sólo se admiten letras sin acento, números{extra}."
        )
    if not (rules.min_length <= len(handle) <= rules.max_length):
        raise CanonicalError(
            f"El usuario «{handle[:60]}» no es válido en {rules.name}: debe tener entre "
            f"{rules.min_length} y {rules.max_length} caracteres (tiene {len(handle)})."
        )
    return handle


def _handle_from_path(rules: PlatformRules, path: str, query: str, fragment: str, original: str) -> str:
    path = unquote(path)
    # Old Twitter links: twitter.com/#!/alcaldiapasto
    if path.strip("/") == "" and fragment.startswith("!/"):
        path = fragment[1:]
    segments = [s for s in path.split("/") if s]
    if not segments:
        raise CanonicalError(
            f"«{original[:80]}» es la página de inicio de {rules.name}, no la de una cuenta: "
            f"pegue la dirección completa del perfil."
        )
    first = segments[0].lower()
    if first in rules.query_handle:
        values = parse_qs(query).get(rules.query_handle[first], [])
        if not values or not values[0].strip():
            raise CanonicalError(f"«{original[:80]}» no indica qué cuenta de {rules.name} es (falta «{rules.query_handle[first]}=»).")
        return _finish(rules, values[0].strip(), original)
    joined = "/".join(segments)
    return _finish(rules, joined, original, from_url=True)


def _finish(rules: PlatformRules, text: str, original: str, from_url: bool = False) -> str:
    """Strips/keeps namespace prefixes, checks reserved pages and the charset, applies case folding."""
    lowered = text.lower()
    if lowered.split("/", 1)[0] in rules.reserved or lowered.lstrip("@").split("/", 1)[0] in rules.reserved:
        raise CanonicalError(
            f"«{original[:80]}» es una página de {rules.name} («{text.split('/', 1)[0]}»), no una cuenta."
        )
    for prefix in rules.keep_prefixes:
        if lowered.startswith(prefix.lower()):
            rest = text[len(prefix) :].split("/", 1)[0]
            rest = rest.split("?", 1)[0]
            _validate_handle(rules, rest, original)
            if not (prefix in rules.case_sensitive_prefixes) and rules.case_insensitive:
                rest = rest.lower()
            return f"{prefix.lower()}{rest}"
    stripped = text[1:] if text.startswith("@") else text
    again = True
    while again:
        again = False
        for prefix in rules.strip_prefixes:
            if stripped.lower().startswith(prefix.lower()):
                stripped = stripped[len(prefix) :]
                again = True
    handle = stripped.split("/", 1)[0] if from_url or "/" in stripped else stripped
    if handle.lower() in rules.reserved:
        raise CanonicalError(f"«{original[:80]}» es una página de {rules.name} («{handle}»), no una cuenta.")
    _validate_handle(rules, handle, original)
    if rules.case_insensitive:
        handle = handle.lower()
    if rules.default_prefix:
        handle = f"{rules.default_prefix}{handle}"
    return handle


def canonical_url(rules: PlatformRules, handle: str) -> str:
    return rules.url_template.format(handle=handle)


def canonicalize(rules: PlatformRules, raw: str) -> Canonical:
    """(handle, canonical URL) of `raw` on this platform: a full URL, a bare host/path, `@handle` or `handle`.

    A URL of another platform, a platform page that is not an account, or an invalid handle is refused.
    """
    text = _clean_input(raw)
    if _looks_like_url(text, [rules]):
        found = _identify_url(text, [rules])
        return Canonical(found.handle, found.url)
    if "/" in text:
        # "c/Nombre" or "company/nombre": a path without host, read against this platform
        handle = _finish(rules, text.strip("/"), text)
    else:
        handle = _finish(rules, text, text)
    return Canonical(handle, canonical_url(rules, handle))


def _identify_url(text: str, platforms: Sequence[PlatformRules]) -> Identified:
    scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):(?!\d)", text)
    if scheme and scheme.group(1).lower() not in ALLOWED_SCHEMES:
        raise CanonicalError(f"«{text[:80]}» no es una dirección web (sólo se admiten http y https).")
    candidate = text if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text) else f"https://{text}"
    try:
        parts = urlsplit(candidate)
        hostname = parts.hostname or ""
    except ValueError:
        raise CanonicalError(f"«{text[:80]}» no es una dirección web válida.") from None
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise CanonicalError(f"«{text[:80]}» no es una dirección web (sólo se admiten http y https).")
    if parts.username or parts.password or "@" in parts.netloc:
        raise CanonicalError(f"«{text[:80]}» tiene credenciales o una «@» antes del dominio; no es la dirección de una cuenta.")
    if not hostname:
        raise CanonicalError(f"«{text[:80]}» no tiene dominio.")
    try:
        hostname.encode("ascii")
    except UnicodeEncodeError:
        raise CanonicalError(
            f"El dominio «{hostname}» contiene caracteres no latinos: podría imitar a una red social."
        ) from None
    host = normalize_host(hostname)
    for rules in platforms:
        if host in rules.hosts:
            handle = _handle_from_path(rules, parts.path, parts.query, parts.fragment, text)
            return Identified(rules, handle, canonical_url(rules, handle))
    known = ", ".join(sorted({p.hosts[0] for p in platforms if p.hosts}))
    raise CanonicalError(
        f"El dominio «{host}» no corresponde a ninguna red social registrada ({known}). "
        f"Si es una red nueva, Comunicación Social puede darla de alta."
    )


def identify(raw: str, platforms: Iterable[PlatformRules], platform: PlatformRules | None = None) -> Identified:
    """(platform, handle, canonical URL) of `raw`.

    A URL identifies its platform by its host. A bare `@handle` or `handle` needs `platform`; when both a URL and a
    chosen platform are given they must agree.
    """
    platforms = list(platforms)
    text = _clean_input(raw)
    if _looks_like_url(text, [*platforms, *([platform] if platform else [])]):
        found = _identify_url(text, platforms if platform is None else [*platforms, platform])
        if platform is not None and found.platform.slug != platform.slug:
            raise CanonicalError(
                f"La dirección «{text[:80]}» es de {found.platform.name}, pero se eligió {platform.name}."
            )
        return found
    if platform is None:
        raise CanonicalError(
            f"«{text[:80]}» es un nombre de usuario: elija la red social, o pegue la dirección completa del perfil."
        )
    handle, url = canonicalize(platform, text)
    return Identified(platform, handle, url)
