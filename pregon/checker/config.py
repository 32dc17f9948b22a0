"""The checker section of a Policy: which rules run, how severe each is, which clauses each enforces,
and the thresholds and word lists the rules use. Loaded from the `[checker]` table of a preset TOML.

```toml
[checker.categories.style]
severity = "warn"
clauses = ["rosarito:9.19"]

[checker.rules."style.all_caps"]      # one rule overriding its category
severity = "suggest"

[checker.options]
spam_window = "14 days"
allowed_link_domains = ["rosarito.gob.mx"]
```

Semantics: a category not listed in `categories` does not run. A listed category runs every rule it
has, with the category's severity (default "warn") and clauses; an entry in `rules` ("<category>.<name>")
overrides `enabled`, `severity` and `clauses` for that one rule (an empty override keeps the category's).
The rules in `OPT_IN_RULES` enforce what only one norm says (e.g. iee-sonora:6.V, no internal deliberation):
they run only where the policy names them in `rules`, never because their category is listed.
Word lists live in `pregon/checker/lexicons/<name>.txt` and are referenced by name (`*_lexicons`);
`*_terms` add inline terms to them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Severity = Literal["block", "warn", "suggest"]
DEFAULT_SEVERITY: Severity = "warn"

CATEGORIES = (
    "personal_data",
    "reserved_information",
    "style",
    "spelling",
    "clarity",
    "hashtag",
    "link",
    "spam",
    "respect",
    "relevance",
    "personal",
    "electoral",
)

# Rules that state what a single norm says, not what the category means everywhere: they run only when the
# policy lists them in `rules` (with the clause that states them). Rule id → the clause that motivates it.
OPT_IN_RULES: dict[str, str] = {
    "reserved_information.deliberation": "iee-sonora:6.V",
    "link.press_note_without_link": "iee-sonora:6.X",
}

RULE_ID_RE = re.compile(r"^[a-z_]+\.[a-z0-9_]+$")
_DURATION_RE = re.compile(r"^\s*(\d+)\s*(days?|d|hours?|h|weeks?|w|minutes?|min)\s*$", re.IGNORECASE)
_DURATION_UNITS = {"d": "days", "h": "hours", "w": "weeks", "m": "minutes"}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RuleSetting(_Frozen):
    """Severity and clauses of a category, or of one rule ("<category>.<name>") overriding its category."""

    enabled: bool = True
    severity: Severity | None = None
    clauses: tuple[str, ...] = ()


class ElectoralPeriod(_Frozen):
    """An electoral campaign or blackout (veda) period during which government propaganda is flagged.

    kind: "campaign" (campaigns running: government propaganda suspended) or "blackout" (veda/reflexión).
    rules: names of the electoral rules active in the period ("achievement", "official_name",
    "vote_call", "party"); empty means all of them.
    """

    name: str
    kind: Literal["campaign", "blackout"]
    starts_on: dt.date
    ends_on: dt.date
    rules: tuple[Literal["achievement", "official_name", "vote_call", "party"], ...] = ()

    @model_validator(mode="after")
    def _ordered(self) -> ElectoralPeriod:
        if self.ends_on < self.starts_on:
            raise ValueError(f"periodo electoral {self.name!r}: ends_on es anterior a starts_on")
        return self


class CampaignSetting(_Frozen):
    """A dissemination campaign declared in the policy (the institution may add more at run time)."""

    hashtag: str
    starts_on: dt.date
    ends_on: dt.date

    @field_validator("hashtag")
    @classmethod
    def _hashtag(cls, value: str) -> str:
        if not re.fullmatch(r"#?\w+", value):
            raise ValueError(f"hashtag inválido {value!r}")
        return value if value.startswith("#") else f"#{value}"


def _lexicon_names(value: tuple[str, ...]) -> tuple[str, ...]:
    from pregon.checker.text import lexicon_exists

    for name in value:
        if not lexicon_exists(name):
            raise ValueError(f"léxico desconocido {name!r}: debe existir pregon/checker/lexicons/{name}.txt")
    return value


class CheckerOptions(_Frozen):
    """Thresholds and word lists. Each option names the rule(s) that read it.

    The defaults are Pregón's detection settings for the rules a policy enables (each cited in its category).
    An option a policy sets cites its source in `clauses` (checked by the Policy, not here: tests and the CLI
    build options freely)."""

    clauses: dict[str, tuple[str, ...]] = Field(default_factory=dict)

    # input limits (engine / CLI): longer texts are refused with a per-line error
    max_text_length: int = Field(default=64_000, gt=0)

    # reserved_information.marker / .deliberation
    reserved_lexicons: tuple[str, ...] = ("reserved",)
    reserved_terms: tuple[str, ...] = ()
    deliberation_lexicons: tuple[str, ...] = ("deliberation",)
    deliberation_terms: tuple[str, ...] = ()
    reserved_exclusion_lexicons: tuple[str, ...] = ("reserved_exclusions",)  # "derechos reservados", …

    # style.*
    caps_max_words: int = Field(default=3, ge=1)  # style.all_caps: longest run of all-capital words allowed
    caps_min_letters: int = Field(default=12, ge=1)  # style.all_caps: ignore runs with fewer letters
    textspeak_lexicons: tuple[str, ...] = ("textspeak",)  # style.textspeak ("xq | porque")
    textspeak_terms: tuple[str, ...] = ()
    max_emoji: int = Field(default=6, ge=0)  # style.emoji_flood: total emoji allowed in a post
    max_emoji_run: int = Field(default=3, ge=1)  # style.emoji_flood: consecutive emoji allowed
    max_exclamations: int = Field(default=2, ge=1)  # style.exclamation_flood: consecutive ! or ¡ allowed
    platform_limits: dict[str, int] = Field(  # style.length: characters per platform (CheckContext.platform)
        default_factory=lambda: {
            "x": 280,
            "twitter": 280,
            "threads": 500,
            "bluesky": 300,
            "instagram": 2200,
            "tiktok": 2200,
            "facebook": 63206,
            "youtube": 5000,
            "linkedin": 3000,
        }
    )

    # spelling.unknown_word
    spelling_dictionary: str = "es_MX"  # Hunspell dictionary name, e.g. es_MX, es_CO
    dictionary_dirs: tuple[str, ...] = ("/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell")
    spelling_allow_words: tuple[str, ...] = ()  # institutional allow-list (officials, places, programmes)
    spelling_allow_lexicons: tuple[str, ...] = ("spelling_allow",)
    max_spelling_suggestions: int = Field(default=3, ge=0)
    spelling_suggest_budget: int = Field(default=5, ge=0)  # Hunspell suggest() calls per post (they are slow)

    # clarity.*
    readability_min_words: int = Field(default=40, ge=1)  # clarity.readability only on texts this long
    readability_index: Literal["inflesz", "fernandez_huerta"] = "inflesz"
    min_inflesz: float = 55.0  # Szigriszt-Pazos below this (INFLESZ "algo difícil" or worse) is flagged
    min_fernandez_huerta: float = 60.0  # Fernández-Huerta below this ("algo difícil" or worse) is flagged
    max_sentence_words: int = Field(default=30, ge=5)  # clarity.long_sentence
    jargon_lexicons: tuple[str, ...] = ("jargon",)  # clarity.jargon ("coadyuvar | ayudar")
    jargon_terms: tuple[str, ...] = ()

    # hashtag.*
    campaigns: tuple[CampaignSetting, ...] = ()  # hashtag.missing_campaign (plus CheckContext.campaigns)
    max_hashtag_length: int = Field(default=40, ge=2)  # hashtag.malformed

    # link.*
    allowed_link_domains: tuple[str, ...] = ()  # link.foreign_domain (plus CheckContext.own_domains)
    shortener_lexicons: tuple[str, ...] = ("shorteners",)  # link.shortener
    shortener_domains: tuple[str, ...] = ()
    press_note_lexicons: tuple[str, ...] = ("press_notes",)  # link.press_note_without_link

    # spam.duplicate
    spam_window: dt.timedelta = dt.timedelta(days=7)  # "7 days", "48 hours" or ISO 8601 "P7D"
    spam_similarity: float = Field(default=90.0, ge=0, le=100)  # rapidfuzz ratio, 0-100
    spam_min_length: int = Field(default=20, ge=1)  # shorter texts ("¡Gracias!") are not compared

    # respect.*
    insult_lexicons: tuple[str, ...] = ("insults",)
    insult_terms: tuple[str, ...] = ()
    discrimination_lexicons: tuple[str, ...] = ("discrimination",)  # "term | group"
    discrimination_terms: tuple[str, ...] = ()

    # personal.* / relevance.*
    personal_opinion_lexicons: tuple[str, ...] = ("personal_opinion",)
    personal_benefit_lexicons: tuple[str, ...] = ("personal_benefit",)
    everyday_chat_lexicons: tuple[str, ...] = ("everyday_chat",)

    # electoral.*
    electoral_periods: tuple[ElectoralPeriod, ...] = ()
    achievement_lexicons: tuple[str, ...] = ("achievements",)
    vote_call_lexicons: tuple[str, ...] = ("vote_calls",)
    party_lexicons: tuple[str, ...] = ("parties_mx", "parties_co")
    party_terms: tuple[str, ...] = ()
    official_names: tuple[str, ...] = ()  # plus CheckContext.official_names

    @field_validator(
        "reserved_lexicons",
        "deliberation_lexicons",
        "reserved_exclusion_lexicons",
        "textspeak_lexicons",
        "spelling_allow_lexicons",
        "jargon_lexicons",
        "shortener_lexicons",
        "press_note_lexicons",
        "insult_lexicons",
        "discrimination_lexicons",
        "personal_opinion_lexicons",
        "personal_benefit_lexicons",
        "everyday_chat_lexicons",
        "achievement_lexicons",
        "vote_call_lexicons",
        "party_lexicons",
    )
    @classmethod
    def _lexicons_exist(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _lexicon_names(value)

    @field_validator("spam_window", mode="before")
    @classmethod
    def _typed_duration(cls, value: Any) -> Any:
        if isinstance(value, (bool, int, float)):
            raise ValueError(  # noqa: TRY004 (pydantic reports ValueError, not TypeError, as a validation error)
                'spam_window necesita unidad: «7 days», «48 hours» o ISO 8601 «P7D»'
            )
        if isinstance(value, str):
            m = _DURATION_RE.match(value)
            if m:
                unit = _DURATION_UNITS[m.group(2)[0].lower()]
                return dt.timedelta(**{unit: int(m.group(1))})
        return value

    @field_validator("allowed_link_domains", "shortener_domains")
    @classmethod
    def _domains(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        out = []
        for d in value:
            d = d.strip().lower().removeprefix("www.")
            if not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", d):
                raise ValueError(f"dominio inválido {d!r}")
            out.append(d)
        return tuple(out)

    @model_validator(mode="after")
    def _clauses_name_options(self) -> CheckerOptions:
        for name, refs in self.clauses.items():
            if name == "clauses" or name not in type(self).model_fields:
                raise ValueError(f"clauses.{name}: no existe la opción {name!r}")
            if not refs:
                raise ValueError(f"clauses.{name}: la lista de cláusulas está vacía")
        return self

    @field_validator("spelling_dictionary")
    @classmethod
    def _dictionary_name(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z]{2,3}_[A-Z]{2}", value):
            raise ValueError(f"diccionario inválido {value!r}: use el nombre Hunspell, p. ej. es_MX o es_CO")
        return value

    @field_validator("platform_limits")
    @classmethod
    def _limits(cls, value: dict[str, int]) -> dict[str, int]:
        for k, v in value.items():
            if v <= 0:
                raise ValueError(f"límite de {k!r} debe ser positivo")
        return value


class CheckerConfig(_Frozen):
    """categories: per-category default; rules: per-rule overrides; options: what the rules read."""

    categories: dict[str, RuleSetting] = Field(default_factory=dict)
    rules: dict[str, RuleSetting] = Field(default_factory=dict)
    options: CheckerOptions = Field(default_factory=CheckerOptions)

    @field_validator("categories")
    @classmethod
    def _known_categories(cls, value: dict[str, RuleSetting]) -> dict[str, RuleSetting]:
        for name in value:
            if name not in CATEGORIES:
                raise ValueError(f"categoría desconocida {name!r}; válidas: {', '.join(CATEGORIES)}")
        return value

    @field_validator("rules")
    @classmethod
    def _known_rules(cls, value: dict[str, RuleSetting]) -> dict[str, RuleSetting]:
        for rule_id in value:
            if not RULE_ID_RE.match(rule_id) or rule_id.split(".", 1)[0] not in CATEGORIES:
                raise ValueError(f"regla desconocida {rule_id!r}: use «<categoría>.<nombre>»")
        return value

    @classmethod
    def all_enabled(cls, severity: Severity = DEFAULT_SEVERITY) -> CheckerConfig:
        """Every category and opt-in rule on, with one severity and no clauses (CLI fallback, benchmarks, tests)."""
        return cls(
            categories={c: RuleSetting(severity=severity) for c in CATEGORIES},
            rules={r: RuleSetting() for r in OPT_IN_RULES},
        )

    def setting_for(self, rule_id: str) -> RuleSetting:
        """The effective setting of one rule: its override over its category; disabled if the category is absent."""
        category = rule_id.split(".", 1)[0]
        cat = self.categories.get(category)
        if cat is None:
            return RuleSetting(enabled=False)
        own = self.rules.get(rule_id)
        if own is None and rule_id in OPT_IN_RULES:
            return RuleSetting(enabled=False)
        if own is None:
            return RuleSetting(enabled=cat.enabled, severity=cat.severity or DEFAULT_SEVERITY, clauses=cat.clauses)
        return RuleSetting(
            enabled=own.enabled,
            severity=own.severity or cat.severity or DEFAULT_SEVERITY,
            clauses=own.clauses or cat.clauses,
        )

    def category_may_run(self, category: str) -> bool:
        """A listed category runs if it is enabled or one of its rules is switched on by an override."""
        cat = self.categories.get(category)
        if cat is None:
            return False
        if cat.enabled:
            return True
        prefix = category + "."
        return any(r.enabled for k, r in self.rules.items() if k.startswith(prefix))
