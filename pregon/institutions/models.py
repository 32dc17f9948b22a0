"""Institutions, their areas and officials, users' roles in them, policy revisions and calendar data.

Everything else in Pregón is scoped to an Institution. Writes go through `services.py`; reads that depend on
who is asking go through `access.py` / `selectors.py`.
"""

from __future__ import annotations

import uuid
import zoneinfo
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from pregon.core.models import TimeStampedModel

from .choices import AREA_SCOPED_ROLES, Country, EmploymentStatus, Rank, Role

# The ledger's chain of events without an institution is called "system"; no institution may take that slug.
RESERVED_SLUGS = frozenset({"system"})


@lru_cache(maxsize=1)
def _iana_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_timezone(value: str) -> None:
    """Refuses anything that is not an IANA time zone name known to this machine (zoneinfo)."""
    if value not in _iana_zones():
        raise ValidationError(
            _("«%(value)s» no es una zona horaria IANA válida (por ejemplo «America/Tijuana» o «America/Bogota»)."),
            code="invalid_timezone",
            params={"value": value},
        )


def validate_not_reserved_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("El identificador «%(value)s» está reservado."), code="reserved", params={"value": value})


class Institution(TimeStampedModel):
    """A public institution (a municipality, a ministry, an electoral body) that governs its own accounts.

    `slug` is the public identifier used in URLs and as the name of its ledger chain. `policy_preset` is the preset
    the institution follows; the policy in force on a date comes from its PolicyRevision rows (see policies.py).
    """

    slug = models.SlugField(_("identificador"), max_length=64, unique=True, validators=[validate_not_reserved_slug])
    name = models.CharField(_("nombre"), max_length=255)
    short_name = models.CharField(_("nombre corto"), max_length=64)
    country = models.CharField(_("país"), max_length=2, choices=Country.choices)
    subdivision = models.CharField(
        _("entidad federativa / departamento"),
        max_length=8,
        blank=True,
        help_text=_("Código ISO 3166-2 sin el país, p. ej. «BCN» o «DC»."),
    )
    timezone = models.CharField(_("zona horaria"), max_length=64, validators=[validate_timezone])
    policy_preset = models.CharField(_("norma base (preset)"), max_length=64)
    is_active = models.BooleanField(_("activa"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("institución")
        verbose_name_plural = _("instituciones")
        constraints = [
            models.CheckConstraint(
                condition=Q(country__in=Country.values),
                name="institutions_institution_country_valid",
                violation_error_message=_("El país debe ser México (MX) o Colombia (CO)."),
            ),
            models.CheckConstraint(
                condition=~Q(slug__in=sorted(RESERVED_SLUGS)),
                name="institutions_institution_slug_not_reserved",
                violation_error_message=_("Ese identificador está reservado."),
            ),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name


class PolicyRevision(TimeStampedModel):
    """One version of an institution's policy: a preset plus the overrides that differ from it.

    Revisions are never edited: a change is a new revision with a higher `version`. The policy in force on a date
    is the revision with the latest `effective_on` not after that date (highest version on ties), following
    NetBox's ConfigRevision. `content_hash` and `policy_version` are copied from the resolved Policy so a ledger
    event or a deadline can say exactly which rules applied.
    """

    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="policy_revisions", verbose_name=_("institución")
    )
    version = models.PositiveIntegerField(_("versión"))
    preset = models.CharField(_("norma base (preset)"), max_length=64)
    overrides = models.JSONField(_("ajustes"), default=dict, blank=True)
    effective_on = models.DateField(_("vigente desde"))
    content_hash = models.CharField(_("huella del contenido"), max_length=64)
    policy_version = models.CharField(_("versión de la política"), max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrada por"),
    )
    reason = models.TextField(_("motivo"), blank=True)

    class Meta:
        ordering = ["institution", "-version"]
        verbose_name = _("revisión de política")
        verbose_name_plural = _("revisiones de política")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "version"],
                name="institutions_policyrevision_version_unique",
                violation_error_message=_("Ya existe una revisión con ese número de versión."),
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1),
                name="institutions_policyrevision_version_positive",
                violation_error_message=_("La versión empieza en 1."),
            ),
        ]
        indexes = [
            # policy_for(): the latest revision of one institution effective on a given date.
            models.Index(fields=["institution", "effective_on", "version"], name="inst_polrev_effective_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.institution} v{self.version} ({self.preset}, {self.effective_on})"


class Area(TimeStampedModel):
    """An órgano responsable / dirección / dependencia, in a tree under the institution's head area.

    The head (titular's office) has no parent and level 0; `level` is the number of steps below the head and is
    derived from the parent chain by the area services (area_create / area_move), never typed in.
    """

    public_id = models.UUIDField(_("identificador público"), default=uuid.uuid4, unique=True, editable=False)
    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="areas", verbose_name=_("institución")
    )
    name = models.CharField(_("nombre"), max_length=255)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("área superior"),
    )
    level = models.PositiveSmallIntegerField(_("nivel jerárquico"), default=0, editable=False)
    head = models.ForeignKey(
        "Official",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="headed_areas",
        verbose_name=_("titular"),
    )

    class Meta:
        ordering = ["institution", "level", "name"]
        verbose_name = _("área")
        verbose_name_plural = _("áreas")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "name"],
                name="institutions_area_name_unique",
                violation_error_message=_("Ya existe un área con ese nombre en la institución."),
            ),
            models.UniqueConstraint(
                fields=["institution"],
                condition=Q(parent__isnull=True),
                name="institutions_area_one_head",
                violation_error_message=_("La institución ya tiene un área titular; indique el área superior."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("id")),
                name="institutions_area_not_own_parent",
                violation_error_message=_("Un área no puede ser su propia área superior."),
            ),
            models.CheckConstraint(
                condition=Q(parent__isnull=True, level=0) | Q(parent__isnull=False, level__gte=1),
                name="institutions_area_level_matches_parent",
                violation_error_message=_("Sólo el área titular tiene nivel 0."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Official(TimeStampedModel):
    """A public servant of the institution (servidor público), whether or not they have a user account.

    Officials sign requests and administer accounts; when their employment ends (`official_end_employment`),
    the accounts they administer must change hands.
    """

    public_id = models.UUIDField(_("identificador público"), default=uuid.uuid4, unique=True, editable=False)
    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="officials", verbose_name=_("institución")
    )
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="officials", verbose_name=_("área"))
    full_name = models.CharField(_("nombre completo"), max_length=255)
    email = models.EmailField(_("correo institucional"))
    position_title = models.CharField(_("cargo"), max_length=255)
    rank = models.CharField(_("nivel de mando"), max_length=16, choices=Rank.choices)
    employment_status = models.CharField(
        _("situación"), max_length=16, choices=EmploymentStatus.choices, default=EmploymentStatus.ACTIVE
    )
    employment_ended_on = models.DateField(_("fecha de baja"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="officials",
        verbose_name=_("usuario"),
    )

    class Meta:
        ordering = ["institution", "full_name"]
        verbose_name = _("servidor público")
        verbose_name_plural = _("servidores públicos")
        constraints = [
            models.CheckConstraint(
                condition=Q(employment_status=EmploymentStatus.ACTIVE, employment_ended_on__isnull=True)
                | Q(employment_status=EmploymentStatus.ENDED, employment_ended_on__isnull=False),
                name="institutions_official_end_date_matches_status",
                violation_error_message=_("La fecha de baja se registra sólo (y siempre) cuando la persona causa baja."),
            ),
            models.CheckConstraint(
                condition=Q(rank__in=Rank.values),
                name="institutions_official_rank_valid",
                violation_error_message=_("Nivel de mando no válido."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.position_title})"

    @property
    def is_active(self) -> bool:
        return self.employment_status == EmploymentStatus.ACTIVE


class Membership(TimeStampedModel):
    """A user's role in one institution. Roles are per institution; `area` narrows area-scoped roles."""

    public_id = models.UUIDField(_("identificador público"), default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("usuario")
    )
    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("institución")
    )
    role = models.CharField(_("rol"), max_length=32, choices=Role.choices)
    area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("área"),
        help_text=_("Sólo para titulares de área y administradores de cuenta."),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("otorgado por"),
    )

    class Meta:
        ordering = ["institution", "role", "user"]
        verbose_name = _("rol asignado")
        verbose_name_plural = _("roles asignados")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "institution", "role"],
                name="institutions_membership_role_unique",
                violation_error_message=_("La persona ya tiene ese rol en la institución."),
            ),
            models.CheckConstraint(
                condition=Q(role__in=Role.values),
                name="institutions_membership_role_valid",
                violation_error_message=_("Rol no válido."),
            ),
            models.CheckConstraint(
                condition=Q(area__isnull=True) | Q(role__in=sorted(AREA_SCOPED_ROLES)),
                name="institutions_membership_area_only_for_scoped_roles",
                violation_error_message=_("Sólo los titulares de área y administradores de cuenta se limitan a un área."),
            ),
        ]
        indexes = [
            # roles_of() / institutions_visible_to(): every role of one user.
            models.Index(fields=["user", "institution"], name="inst_membership_user_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} ({self.institution})"


class NonWorkingDay(TimeStampedModel):
    """A day the institution declared non-working (annual agreement: Holy Week, 2 November, vacations…)."""

    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="non_working_days", verbose_name=_("institución")
    )
    date = models.DateField(_("fecha"))
    reason = models.CharField(_("motivo"), max_length=255)
    source = models.CharField(_("fuente"), max_length=255, blank=True, help_text=_("p. ej. «acuerdo anual 2026»"))

    class Meta:
        ordering = ["institution", "date"]
        verbose_name = _("día inhábil")
        verbose_name_plural = _("días inhábiles")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "date"],
                name="institutions_nonworkingday_date_unique",
                violation_error_message=_("Ese día ya está declarado inhábil."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.reason}"


class ElectoralPeriod(TimeStampedModel):
    """An electoral process during which, for bodies whose norm says so, every day and hour is a business day."""

    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="electoral_periods", verbose_name=_("institución")
    )
    name = models.CharField(_("nombre"), max_length=255)
    starts_on = models.DateField(_("inicia"))
    ends_on = models.DateField(_("termina"))

    class Meta:
        ordering = ["institution", "starts_on"]
        verbose_name = _("proceso electoral")
        verbose_name_plural = _("procesos electorales")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="institutions_electoralperiod_dates_ordered",
                violation_error_message=_("El proceso electoral no puede terminar antes de empezar."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.starts_on} – {self.ends_on})"
