"""Shared value types of the compliance checker. Pure Python: no Django import anywhere in pregon.checker."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Hit:
    """What a detector found, before the policy decides severity and clauses.

    `rule` is the stable id "<category>.<name>" (e.g. "personal_data.curp"); start/end are
    character offsets into the text given to check(); message is Spanish and says what to do.
    """

    rule: str
    start: int
    end: int
    message: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a post, as shown to the user and written in the JSONL contract."""

    rule: str
    category: str
    severity: str  # "block" | "warn" | "suggest"
    start: int
    end: int
    message: str
    clauses: tuple[str, ...]

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "clauses": list(self.clauses),
        }


@dataclass(frozen=True, slots=True)
class Campaign:
    """A dissemination campaign running between two dates whose hashtag posts must carry."""

    hashtag: str
    starts_on: dt.date
    ends_on: dt.date


@dataclass(frozen=True, slots=True)
class ArchivedPost:
    """A post already published by one of the institution's accounts (for the spam rule)."""

    text: str
    published_at: dt.datetime
    account: str = ""


@dataclass(frozen=True, slots=True)
class CheckContext:
    """Institution data the checker needs besides the policy. All fields are optional.

    own_domains: the institution's e-mail/web domains (addresses there are not personal data).
    published_contacts: published phone numbers and e-mail addresses of the institution's services.
    allow_words: institutional allow-list for spelling (officials, places, programmes).
    platform: the target platform key ("x", "facebook", …) for length limits.
    now: the instant of publication (campaigns, electoral periods, spam window).
    archive: recent posts of the institution's accounts.
    """

    own_domains: tuple[str, ...] = ()
    published_contacts: tuple[str, ...] = ()
    allow_words: tuple[str, ...] = ()
    platform: str | None = None
    now: dt.datetime | None = None
    campaigns: tuple[Campaign, ...] = ()
    archive: tuple[ArchivedPost, ...] = field(default=())
    official_names: tuple[str, ...] = ()
