"""The Django side of the compliance checker: the institution's data as a CheckContext, one text checked for the
review page and the API, the text split into highlighted segments, and the audit's policy-based recommendation.

The checker itself (pregon.checker) stays pure; this module is the only place that turns database rows into its
CheckContext, so the review page, the API, the audit and anyone else see the same institution data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

from pregon.checker import ArchivedPost, CheckContext, Finding, check
from pregon.checker.engine import config_of
from pregon.core.errors import ApplicationError
from pregon.institutions.choices import EmploymentStatus
from pregon.institutions.models import Area, Institution, Official
from pregon.institutions.policies import policy_for
from pregon.institutions.templatetags.pregon_format import at_handle
from pregon.policy import Policy
from pregon.registry.models import SocialAccount

from .choices import ErrorCode
from .models import Publication

MAX_TEXT_LENGTH = 100_000  # the review page and the API refuse longer texts (the policy's limit may be lower)
ARCHIVE_LIMIT = 5_000  # newest posts of the institution inside the spam window fed to the spam rule
_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


class TextRefused(ApplicationError):
    """The text cannot be checked (empty or too long)."""

    status = 422


def allow_words_of(institution: Institution) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(allow-list words, official names): the words of the names of the institution's active officials and of
    its areas (so the spelling rule does not flag "Ceseña" or "Rosarito"), and the officials' full names (for the
    electoral rule). Two small queries, only the name columns."""
    names = tuple(
        Official.objects.filter(institution=institution, employment_status=EmploymentStatus.ACTIVE)
        .order_by("full_name").values_list("full_name", flat=True)
    )
    areas = tuple(Area.objects.filter(institution=institution).values_list("name", flat=True))
    words: dict[str, None] = {}
    for value in (*names, *areas, institution.name, institution.short_name):
        for word in _WORD_RE.findall(value):
            if len(word) > 1:
                words.setdefault(word, None)
    return tuple(words), names


def archive_for(institution: Institution, now: dt.datetime, window: dt.timedelta) -> tuple[ArchivedPost, ...]:
    """The institution's posts published in [now - window, now], newest first, at most ARCHIVE_LIMIT: one query
    over the (institution, published_at) index, reading only text, date and handle."""
    rows = (
        Publication.objects.filter(institution=institution, published_at__gte=now - window, published_at__lte=now)
        .order_by("-published_at")
        .values_list("text", "published_at", "account__handle")[:ARCHIVE_LIMIT]
    )
    tz = ZoneInfo(institution.timezone)  # the spam message shows the archived post's time: the institution's
    return tuple(
        ArchivedPost(text=text, published_at=at.astimezone(tz), account=at_handle(handle))
        for text, at, handle in rows
        if text
    )


def checker_context_for(
    institution: Institution, account: SocialAccount | None = None, now: dt.datetime | None = None,
    *, policy: Policy | None = None, with_archive: bool = True,
) -> CheckContext:
    """Everything the checker needs to know about the institution besides its policy: own e-mail domains and
    published contacts (policy.identity), officials' and areas' names, the target platform (the account's), the
    instant of publication, and the archive of recent posts for the spam rule (the policy's spam window)."""
    policy = policy or policy_for(institution)
    now = now or timezone.now()
    words, names = allow_words_of(institution)
    archive: tuple[ArchivedPost, ...] = ()
    if with_archive:
        archive = archive_for(institution, now, config_of(policy).options.spam_window)
    return CheckContext(
        own_domains=tuple(policy.identity.email_domains),
        published_contacts=tuple(policy.identity.published_contacts),
        allow_words=words,
        platform=account.platform.slug if account is not None else None,
        now=now,
        archive=archive,
        official_names=names,
    )


def validate_text(text: Any, policy: Policy) -> str:
    """The text, or TextRefused with a Spanish reason (not a string, empty, or longer than the limit)."""
    if not isinstance(text, str):
        raise TextRefused(_("El texto debe ser una cadena de caracteres."), code=ErrorCode.TEXT_EMPTY)
    if not text.strip():
        raise TextRefused(_("Escriba el texto de la publicación."), code=ErrorCode.TEXT_EMPTY)
    limit = min(MAX_TEXT_LENGTH, config_of(policy).options.max_text_length)
    if len(text) > limit:
        raise TextRefused(
            _("El texto tiene %(n)s caracteres; el máximo que se revisa es %(max)s.") % {"n": len(text), "max": limit},
            code=ErrorCode.TEXT_TOO_LONG, extra={"length": len(text), "max_length": limit},
        )
    return text


@dataclass(frozen=True)
class Review:
    """The result of checking one text for a person: findings, the text in segments, the policy version."""

    text: str
    findings: list[Finding]
    segments: list[Segment]
    policy_version: str

    @property
    def blocks(self) -> bool:
        return any(f.severity == "block" for f in self.findings)


@dataclass(frozen=True)
class Segment:
    """A run of the text: plain (`findings` empty) or covered by the findings with these indexes (1-based, as
    listed), with the most severe severity among them (for the highlight's class)."""

    text: str
    findings: tuple[int, ...] = ()
    severity: str = ""


_RANK = {"block": 3, "warn": 2, "suggest": 1}


def segments_of(text: str, findings: list[Finding]) -> list[Segment]:
    """Splits the text at every finding boundary, so overlapping findings are highlighted without nesting tags.
    Findings that cover the whole text (e.g. spam, length) are not highlighted: they would mark everything."""
    length = len(text)
    spans = [
        (max(0, min(f.start, length)), max(0, min(f.end, length)), index, f.severity)
        for index, f in enumerate(findings, start=1)
        if f.end > f.start and not (f.start == 0 and f.end >= len(text.rstrip()))
    ]
    cuts = sorted({0, length, *(s for s, _e, _i, _v in spans), *(e for _s, e, _i, _v in spans)})
    segments: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a == b:
            continue
        covering = [(i, sev) for s, e, i, sev in spans if s <= a and b <= e]
        if covering:
            severity = max((sev for _i, sev in covering), key=lambda s: _RANK.get(s, 0))
            segments.append(Segment(text[a:b], tuple(i for i, _s in covering), severity))
        else:
            segments.append(Segment(text[a:b]))
    return segments


def review_text(
    *, institution: Institution, text: str, account: SocialAccount | None = None, platform: str | None = None,
    now: dt.datetime | None = None,
) -> Review:
    """Checks a draft post against the institution's policy with its data (archive included). Changes nothing."""
    policy = policy_for(institution)
    validate_text(text, policy)
    context = checker_context_for(institution, account, now, policy=policy)
    if platform and account is None:
        context = dataclasses.replace(context, platform=platform)
    findings = check(text, policy, context)
    return Review(text, findings, segments_of(text, findings), policy.version)


# ---------------------------------------------------------------- audit recommendations

# Categories whose findings mean "this should not be online" (the rest are about form: style, spelling…).
REMOVAL_CATEGORIES = frozenset({"personal_data", "reserved_information", "respect", "electoral", "personal"})


@dataclass(frozen=True)
class Recommendation:
    text: str
    clauses: tuple[str, ...]


def _cite(clauses: tuple[str, ...]) -> str:
    return f" ({', '.join(clauses)})" if clauses else ""


def _what(category: str) -> str:
    return {
        "personal_data": _("el dato personal"),
        "reserved_information": _("la información reservada"),
    }.get(category, _("el contenido señalado"))


def recommendation_for(finding: Finding, policy: Policy) -> Recommendation:
    """What the policy says to do about a finding in something already published.

    Whether history may be deleted is `policy.closure.content_action` (with its clauses): where it is "preserve"
    (e.g. pasto:3.17) the post is never deleted, the data is hidden or edited and the correction recorded; where
    it is "delete" the post is removed or edited. Findings about form only (style, spelling, clarity…) ask for a
    correction in future posts. The clauses cited are the finding's plus the content-action clause."""
    closure_clauses = tuple(policy.closure.clauses_for("content_action"))
    finding_clauses = tuple(finding.clauses)
    removal = finding.category in REMOVAL_CATEGORIES or finding.severity == "block"
    if not removal:
        return Recommendation(
            _("No requiere retirar la publicación: corríjala si la plataforma permite editar y evite el problema en "
              "las próximas publicaciones%(c)s.") % {"c": _cite(finding_clauses)},
            finding_clauses,
        )
    what = _what(finding.category)
    if policy.closure.content_action == "preserve":
        clauses = closure_clauses + tuple(c for c in finding_clauses if c not in closure_clauses)
        return Recommendation(
            _("No borre la publicación%(keep)s: oculte o edite %(what)s si la plataforma lo permite y registre la "
              "corrección%(why)s.") % {"keep": _cite(closure_clauses), "what": what, "why": _cite(finding_clauses)},
            clauses,
        )
    clauses = finding_clauses + tuple(c for c in closure_clauses if c not in finding_clauses)
    return Recommendation(
        _("Elimine la publicación o edite %(what)s%(why)s.") % {"what": what, "why": _cite(clauses)},
        clauses,
    )
