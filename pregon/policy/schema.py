"""The typed Policy: every parameter in which the five norms differ, each with the clause(s) it comes from.

A preset TOML fills one Policy. Each section is a frozen pydantic model that refuses unknown keys.
Every value a preset sets must cite where it comes from in the section's `clauses` table:
a clause of the norm (`rosarito:9.7`), or `pregon:choice` where the norm is silent and the
preset chose a value an institution may override.

No default invents a rule. A field's schema default is either its "no rule" value (nothing required,
nobody told, no term: `False`, `None`, `()`), or the field is declared with `rule_default(...)`: its
default states a rule, so a policy in which the field applies must cite it (a clause or `pregon:choice`)
and loading fails otherwise. A field listed in a section's `SWITCHED_BY` applies only while the field
that switches it on is set (e.g. `consultation.answered_by` only while `consultation.enabled`).
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pregon.checker.config import CheckerConfig

Role = Literal["comms", "it", "area_head", "account_admin", "transparency", "committee", "auditor"]
Rank = Literal["superior", "medio", "operativo"]
DurationUnit = Literal["business_days", "calendar_days", "business_hours", "hours"]

CLAUSE_RE = re.compile(r"^[a-z][a-z0-9-]*:\S.*$")
POLICY_CHOICE = "pregon:choice"
RANK_ORDER = {"operativo": 0, "medio": 1, "superior": 2}

_UNIT_ALIASES = {
    "business_days": "business_days",
    "business_day": "business_days",
    "dias_habiles": "business_days",
    "calendar_days": "calendar_days",
    "days": "calendar_days",
    "day": "calendar_days",
    "business_hours": "business_hours",
    "business_hour": "business_hours",
    "hours": "hours",
    "hour": "hours",
}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


RULE_DEFAULT = "pregon_rule_default"


def rule_default(default: Any = ..., **kwargs: Any) -> Any:
    """A field whose default states a rule (there is no neutral value): where it applies it must be cited."""
    return Field(default, json_schema_extra={RULE_DEFAULT: True}, **kwargs)


def is_rule_default(model: type[BaseModel], field: str) -> bool:
    extra = model.model_fields[field].json_schema_extra
    return isinstance(extra, dict) and bool(extra.get(RULE_DEFAULT))


def is_no_rule(value: Any) -> bool:
    """The neutral value of a field: nothing required, nobody told, no term."""
    return value is None or value is False or value == "" or value == () or value == {}


class Duration(_Frozen):
    """A typed term: "3 business_days", "5 calendar_days", "4 business_hours", "24 hours"."""

    amount: int = Field(ge=0)
    unit: DurationUnit

    @model_validator(mode="before")
    @classmethod
    def _parse_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            parts = value.strip().split()
            if len(parts) != 2 or not parts[0].isdigit():
                raise ValueError(f"duración inválida {value!r}: use «N unidad», p. ej. «3 business_days»")
            unit = _UNIT_ALIASES.get(parts[1].lower())
            if unit is None:
                raise ValueError(f"unidad desconocida {parts[1]!r}: use business_days, calendar_days, business_hours u hours")
            return {"amount": int(parts[0]), "unit": unit}
        return value

    def __str__(self) -> str:
        return f"{self.amount} {self.unit}"

    @property
    def is_business(self) -> bool:
        return self.unit in ("business_days", "business_hours")


class Section(_Frozen):
    """Base of every policy section: `clauses` maps each field the preset sets to its sources.

    SWITCHED_BY maps a field to the field that switches it on: while that one holds no rule, the field does not
    apply (it is not shown as a rule and need not be cited). NEUTRAL gives the "no rule" value of a field whose
    neutral value is not False/None/empty (the lowest rank is no minimum; blocking is allowed unless forbidden)."""

    SWITCHED_BY: ClassVar[dict[str, str]] = {}
    NEUTRAL: ClassVar[dict[str, Any]] = {}

    clauses: dict[str, tuple[str, ...]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _every_set_field_cites_a_clause(self) -> Section:
        fields = set(type(self).model_fields) - {"clauses"}
        for name, refs in self.clauses.items():
            if name not in fields:
                raise ValueError(f"clauses.{name}: no existe el campo {name!r} en esta sección")
            if not refs:
                raise ValueError(f"clauses.{name}: la lista de cláusulas está vacía")
            for ref in refs:
                if not CLAUSE_RE.match(ref):
                    raise ValueError(f"clauses.{name}: cláusula mal escrita {ref!r} (use «norma:número», p. ej. rosarito:9.7)")
        missing = sorted((self.model_fields_set - {"clauses"}) - set(self.clauses))
        if missing:
            raise ValueError(f"sin cláusula de origen para: {', '.join(missing)} (cite la norma o {POLICY_CHOICE})")
        return self

    def clauses_for(self, field: str) -> tuple[str, ...]:
        return self.clauses.get(field, ())

    def holds_no_rule(self, field: str) -> bool:
        """Whether the field's value is its neutral ("no rule") value."""
        value = getattr(self, field)
        if field in self.NEUTRAL:
            return value == self.NEUTRAL[field]
        return not is_rule_default(type(self), field) and is_no_rule(value)

    def applies(self, field: str) -> bool:
        """Whether the field is in force: false when the field that switches it on holds no rule."""
        switch = self.SWITCHED_BY.get(field)
        return switch is None or (self.applies(switch) and not self.holds_no_rule(switch))

    def uncited_rules(self) -> list[str]:
        """Fields that apply, state a rule and cite nothing (a preset with any of them is refused)."""
        out = []
        for name in type(self).model_fields:
            if name == "clauses" or name in self.clauses or not self.applies(name):
                continue
            if not self.holds_no_rule(name):
                out.append(name)
        return out


class Meta(_Frozen):
    """Identifies the preset: which norm, which institution, which version."""

    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str = Field(min_length=1)
    title: str
    institution: str
    country: Literal["MX", "CO"]
    document: str = ""


class HandleRule(_Frozen):
    """A naming rule for handles on one platform (plain text matching, no expressions)."""

    platform: str
    must_contain: str = ""
    must_end_with: str = ""


class Identity(Section):
    """Institutional e-mail domains and handle rules the registry validates openings against."""

    email_domains: tuple[str, ...] = ()
    personal_email_forbidden: bool = False
    platform_email_suffix: dict[str, str] = Field(default_factory=dict)
    handle_rules: tuple[HandleRule, ...] = ()
    naming_agreed_with_comms: bool = False
    published_contacts: tuple[str, ...] = ()

    @field_validator("email_domains")
    @classmethod
    def _domains_lowercase(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for domain in value:
            if not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", domain):
                raise ValueError(f"dominio inválido {domain!r}")
        return value


class UsualNonWorkingDay(_Frozen):
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    reason: str


class CalendarSection(Section):
    """Business days and hours: country/subdivision holidays, office hours, electoral periods."""

    country: Literal["MX", "CO"]
    subdivision: str | None = None
    timezone: str
    office_start: dt.time = rule_default(dt.time(9, 0))
    office_end: dt.time = rule_default(dt.time(18, 0))
    workweek: tuple[int, ...] = rule_default((0, 1, 2, 3, 4))
    electoral_all_business: bool = False
    usual_non_working_days: tuple[UsualNonWorkingDay, ...] = ()

    @field_validator("timezone")
    @classmethod
    def _timezone_exists(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"la zona horaria {value!r} no existe") from exc
        return value

    @model_validator(mode="after")
    def _office_hours_ordered(self) -> CalendarSection:
        if self.office_end <= self.office_start:
            raise ValueError("office_end debe ser posterior a office_start")
        if not self.workweek or any(d < 0 or d > 6 for d in self.workweek):
            raise ValueError("workweek: días de 0 (lunes) a 6 (domingo)")
        return self


class Consultation(Section):
    """Consulta de pertinencia: an administrator in doubt asks Communications before publishing."""

    SWITCHED_BY: ClassVar[dict[str, str]] = {"answered_by": "enabled", "deadline": "enabled", "silence_outcome": "enabled"}

    enabled: bool = False
    answered_by: Role = rule_default("comms")
    deadline: Duration | None = None
    silence_outcome: Literal["rejected", "approved"] = rule_default("rejected")


class Opening(Section):
    """Opening an account: who signs, who gives the technical opinion, who decides, what is reported."""

    SWITCHED_BY: ClassVar[dict[str, str]] = {
        "technical_opinion_by": "technical_opinion_required",
        "technical_opinion_deadline": "technical_opinion_required",
    }

    signed_by: Role = rule_default("area_head")
    decided_by: Role = rule_default("comms")
    technical_opinion_required: bool = False
    technical_opinion_by: Role | None = None
    proposal_fields: tuple[str, ...] = rule_default(("objectives", "justification"))
    graphic_identity_provided: bool = False
    decision_deadline: Duration | None = None
    technical_opinion_deadline: Duration | None = None
    report_fields: tuple[str, ...] = rule_default(("name", "url", "purpose", "operation", "administrators"))
    report_notify: tuple[Role, ...] = rule_default(("comms",))
    alternate_requires_authorisation_by: Role | None = None
    other_platforms_decided_with: Role | None = None
    # The new account's name and link are agreed with the decider when authorising, and the report must match
    # them (pasto:3.12).
    name_and_link_agreed: bool = False

    @model_validator(mode="after")
    def _opinion_has_author(self) -> Opening:
        if self.technical_opinion_required and not self.technical_opinion_by:
            raise ValueError("technical_opinion_by es obligatorio cuando technical_opinion_required es verdadero")
        return self


class Administrators(Section):
    """Who may administer an account: how many, which ranks, which employment link.

    `count` None: the norm fixes no number (no minimum beyond a titular, no cap). "operativo" is the lowest rank,
    so it is no minimum."""

    SWITCHED_BY: ClassVar[dict[str, str]] = {"comms_admin_tiers": "comms_admin_platforms"}
    NEUTRAL: ClassVar[dict[str, Any]] = {"primary_min_rank": "operativo", "alternate_min_rank": "operativo"}

    count: int | None = Field(default=None, ge=1, le=5)
    primary_min_rank: Rank = "operativo"
    alternate_min_rank: Rank = "operativo"
    require_distinct: bool = False
    require_active_employment: bool = False
    comms_admin_platforms: tuple[str, ...] = ()
    comms_admin_tiers: tuple[Literal["main", "alternate"], ...] = ()
    change_notify: tuple[Role, ...] = ()
    change_deadline: Duration | None = None
    access_only_admins_and_head: bool = False
    end_role_when_employment_ends: bool = False




class Platforms(Section):
    """Which platforms each tier may use (empty = any registered platform)."""

    allowed_main: tuple[str, ...] = ()
    allowed_alternate: tuple[str, ...] = ()
    request_verification: bool = False


class Moderation(Section):
    """How citizens' comments are handled: blocking, whom to notify, PQRD routing, response terms.

    `blocking_allowed` True is the neutral value: where no norm forbids it, blocking is allowed."""

    SWITCHED_BY: ClassVar[dict[str, str]] = {"pqrd_workweek": "pqrd_routed_to"}
    NEUTRAL: ClassVar[dict[str, Any]] = {"blocking_allowed": True}

    blocking_allowed: bool = True
    block_notify: tuple[Role, ...] = ()
    spam_comments_removed: bool = False
    pqrd_routed_to: str = ""
    pqrd_workweek: tuple[int, ...] = ()
    respond_all_comments: bool = False
    response_deadline: Duration | None = None
    personal_data_in_responses_forbidden: bool = False


class Closure(Section):
    """Closing an account: what happens to its content, whom to notify, when an account is abandoned.

    `content_action` has no neutral value (a closure deletes or preserves): every policy cites it.
    `temporary_allowed_for`: the tiers whose accounts may also be closed temporarily (suspended and later
    reopened) instead of definitively (pasto:3.20: alternate accounts only). `abandonment_tiers`: the tiers an
    inactivity flag (`abandonment_after`) applies to."""

    SWITCHED_BY: ClassVar[dict[str, str]] = {
        "abandonment_tiers": "abandonment_after",
        "recertification_deadline": "recertification_months",
    }

    content_action: Literal["delete", "preserve"] = rule_default("delete")
    archive_export_required: bool = False
    notify: tuple[Role, ...] = ()
    abandonment_after: Duration | None = None
    abandonment_tiers: tuple[Literal["main", "alternate"], ...] = rule_default(("main", "alternate"))
    unattended_alternate_may_close: bool = False
    temporary_allowed_for: tuple[Literal["main", "alternate"], ...] = ()
    recertification_months: int | None = Field(default=None, ge=1, le=24)
    recertification_deadline: Duration | None = rule_default(Duration(amount=15, unit="business_days"))

    @model_validator(mode="after")
    def _recertification_has_a_term(self) -> Closure:
        if self.recertification_months is not None and self.recertification_deadline is None:
            raise ValueError("recertification_deadline es obligatorio cuando recertification_months está definido")
        return self


class Evaluation(Section):
    """Semester evaluation: statistics window, evaluation and correction terms, escalation ladder."""

    frequency_months: int | None = Field(default=None, ge=1, le=12)
    stats_request_months: tuple[int, ...] = ()
    stats_window: Duration | None = None
    evaluation_deadline: Duration | None = None
    correction_deadline: Duration | None = None
    escalation: tuple[Role, ...] = ()
    report_to: Role | None = None
    criteria: tuple[str, ...] = ()
    office_hours_apply: bool = False


class LiveStream(Section):
    """Prior authorisation of live streams."""

    SWITCHED_BY: ClassVar[dict[str, str]] = {
        "main_authorised_by": "authorisation_required",
        "alternate_authorised_by": "authorisation_required",
        "lead_time": "authorisation_required",
    }

    authorisation_required: bool = False
    main_authorised_by: Role = rule_default("comms")
    alternate_authorised_by: Role = rule_default("area_head")
    lead_time: Duration | None = None


class PersonalAccounts(Section):
    """Registration of public servants' personal accounts in the directory (never official)."""

    SWITCHED_BY: ClassVar[dict[str, str]] = {
        "decided_by": "registration_allowed",
        "max_levels_below_head": "registration_allowed",
        "required_fields": "registration_allowed",
        "eligible_positions": "registration_allowed",
    }

    registration_allowed: bool = False
    decided_by: Role = rule_default("transparency")
    max_levels_below_head: int | None = Field(default=None, ge=0, le=20)
    required_fields: tuple[str, ...] = rule_default(("name", "network", "username"))
    eligible_positions: tuple[str, ...] = ()
    area_administered_counts_as_official: bool = False


class ContainmentStep(_Frozen):
    key: Literal["recover_access", "rotate_credentials", "revoke_sessions", "warn_public", "report"]
    deadline: Duration


class Incidents(Section):
    """Hijacked account, unauthorised operator, lost credentials: whom to notify and the containment plan."""

    notify: tuple[Role, ...] = ()
    containment: tuple[ContainmentStep, ...] = ()


class Credentials(Section):
    """Credential rotation. Pregón never stores a social-network password."""

    SWITCHED_BY: ClassVar[dict[str, str]] = {"rotation_deadline": "rotate_on_access_loss"}

    rotate_on_access_loss: bool = False
    rotation_deadline: Duration | None = None
    periodic_rotation: Duration | None = None


class Transitional(Section):
    """Accounts that existed before the norm: regularise by the deadline or become personal.

    When `regularisation_deadline` passes without regularisation, `outcome` is applied automatically (the tick):
    both the term and that automatic effect are what the preset cites for `regularisation_deadline`."""

    SWITCHED_BY: ClassVar[dict[str, str]] = {
        "regularisation_deadline": "preexisting_regularisation",
        "outcome": "preexisting_regularisation",
    }

    preexisting_regularisation: bool = False
    regularisation_deadline: Duration | None = None
    outcome: Literal["reclassify_personal", "close"] = rule_default("reclassify_personal")


class Attention(Section):
    """Informing the public of attention hours and holiday monitoring."""

    publish_attention_hours: bool = False
    holiday_notice_required: bool = False


class Policy(_Frozen):
    """The effective policy of an institution: a preset plus its overrides."""

    meta: Meta
    identity: Identity = Field(default_factory=Identity)
    calendar: CalendarSection
    consultation: Consultation = Field(default_factory=Consultation)
    opening: Opening = Field(default_factory=Opening)
    administrators: Administrators = Field(default_factory=Administrators)
    platforms: Platforms = Field(default_factory=Platforms)
    moderation: Moderation = Field(default_factory=Moderation)
    closure: Closure = Field(default_factory=Closure)
    evaluation: Evaluation = Field(default_factory=Evaluation)
    live_stream: LiveStream = Field(default_factory=LiveStream)
    personal_accounts: PersonalAccounts = Field(default_factory=PersonalAccounts)
    incidents: Incidents = Field(default_factory=Incidents)
    credentials: Credentials = Field(default_factory=Credentials)
    transitional: Transitional = Field(default_factory=Transitional)
    attention: Attention = Field(default_factory=Attention)
    checker: CheckerConfig = Field(default_factory=CheckerConfig)

    @model_validator(mode="after")
    def _no_uncited_rule(self) -> Policy:
        """No schema default may apply a rule that nothing cites; nor may the checker run an uncited category."""
        problems = []
        for name in SECTION_NAMES:
            for field in getattr(self, name).uncited_rules():
                problems.append(f"{name}.{field}")
        for category, setting in self.checker.categories.items():
            if setting.enabled and not setting.clauses:
                problems.append(f"checker.categories.{category}")
        for rule_id, setting in self.checker.rules.items():
            if setting.enabled and not (setting.clauses or self.checker.setting_for(rule_id).clauses):
                problems.append(f"checker.rules.{rule_id}")
        options = self.checker.options
        for option in sorted(options.model_fields_set - {"clauses"} - set(options.clauses)):
            problems.append(f"checker.options.{option}")
        if problems:
            raise ValueError(
                f"regla sin cláusula de origen: {', '.join(problems)} "
                f"(cite la norma o {POLICY_CHOICE}, o deje el valor «sin regla»)"
            )
        return self

    @property
    def version(self) -> str:
        """`<preset>@<version>`, plus the content hash prefix when overrides changed anything."""
        return f"{self.meta.name}@{self.meta.version}#{self.content_hash[:12]}"

    @property
    def content_hash(self) -> str:
        import hashlib
        import json

        payload = json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


SECTION_NAMES = tuple(name for name in Policy.model_fields if name not in ("meta", "checker"))
