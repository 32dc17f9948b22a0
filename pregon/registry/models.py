"""The account registry: platforms (data), official social-media accounts, their administrators, other access.

Writes go through `services.py` (policy checks, one ledger event each); reads that depend on who is asking go
through `selectors.py`. Closed accounts are never deleted: they stay in the registry with status `closed`.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from pregon.core.models import TimeStampedModel

from .canonical import PlatformRules
from .choices import AccountStatus, AdminRole, Kind, Tier, Verification


def _validate_url_template(value: str) -> None:
    if "{handle}" not in value or not value.startswith("https://"):
        raise ValidationError(_("La plantilla debe empezar por https:// y contener {handle}."), code="invalid_template")


def _validate_str_list(value: object) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError(_("Debe ser una lista de textos."), code="invalid_list")


def _validate_str_map(value: object) -> None:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValidationError(_("Debe ser un objeto de textos (ruta → parámetro)."), code="invalid_map")


class Platform(TimeStampedModel):
    """A social network and the rules that turn any pasted URL or handle into one canonical account.

    Rules are data (see `canonical.PlatformRules` for the meaning of each field), loaded from
    `fixtures/platforms.json` by a data migration; adding a platform is adding a row in the admin.
    """

    slug = models.SlugField(_("identificador"), max_length=32, unique=True)
    name = models.CharField(_("nombre"), max_length=64)
    url_template = models.CharField(_("plantilla de URL canónica"), max_length=200, validators=[_validate_url_template])
    hosts = models.JSONField(_("dominios"), default=list, validators=[_validate_str_list])
    strip_prefixes = models.JSONField(_("prefijos de ruta que se quitan"), default=list, blank=True, validators=[_validate_str_list])
    keep_prefixes = models.JSONField(_("prefijos de ruta que se conservan"), default=list, blank=True, validators=[_validate_str_list])
    case_sensitive_prefixes = models.JSONField(
        _("prefijos con mayúsculas significativas"), default=list, blank=True, validators=[_validate_str_list]
    )
    default_prefix = models.CharField(_("prefijo por omisión"), max_length=32, blank=True)
    query_handle = models.JSONField(_("usuario en la consulta"), default=dict, blank=True, validators=[_validate_str_map])
    handle_chars = models.CharField(_("caracteres admitidos además de letras y números"), max_length=16, blank=True)
    min_length = models.PositiveSmallIntegerField(_("longitud mínima"), default=1)
    max_length = models.PositiveSmallIntegerField(_("longitud máxima"), default=30)
    case_insensitive = models.BooleanField(_("sin distinción de mayúsculas"), default=True)
    reserved = models.JSONField(_("rutas reservadas"), default=list, blank=True, validators=[_validate_str_list])
    is_active = models.BooleanField(_("activa"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("orden"), default=100)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("red social")
        verbose_name_plural = _("redes sociales")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_length__gte=1) & Q(max_length__gte=F("min_length")),
                name="registry_platform_lengths_ordered",
                violation_error_message=_("La longitud máxima debe ser mayor o igual que la mínima (y ésta al menos 1)."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def rules(self) -> PlatformRules:
        return PlatformRules.from_mapping(
            {name: getattr(self, name) for name in PlatformRules.__dataclass_fields__}
        )


class SocialAccount(TimeStampedModel):
    """An institutional social-media account (or a registered personal account of a public servant).

    `handle` and `url` are canonical (see canonical.py). `platform_account_id` is the platform's persistent id when
    known: a handle can be renamed and then re-registered by an impostor, the id cannot. Status changes only through
    `services.account_set_status` / `account_close`; a closed account keeps its row.
    """

    public_id = models.UUIDField(_("identificador público"), default=uuid.uuid4, unique=True, editable=False)
    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.PROTECT, related_name="social_accounts", verbose_name=_("institución")
    )
    area = models.ForeignKey(
        "institutions.Area", on_delete=models.PROTECT, related_name="social_accounts", verbose_name=_("área responsable")
    )
    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="accounts", verbose_name=_("red social"))
    handle = models.CharField(_("usuario"), max_length=255)
    url = models.URLField(_("URL canónica"), max_length=500)
    platform_account_id = models.CharField(_("id persistente en la plataforma"), max_length=128, blank=True)
    display_name = models.CharField(_("nombre visible"), max_length=255)
    tier = models.CharField(_("tipo"), max_length=16, choices=Tier.choices, default=Tier.MAIN)
    kind = models.CharField(_("clase"), max_length=24, choices=Kind.choices, default=Kind.OFFICIAL)
    status = models.CharField(
        _("situación"), max_length=32, choices=AccountStatus.choices, default=AccountStatus.ACTIVE, db_index=True
    )
    email = models.EmailField(_("correo institucional de registro"), blank=True)
    verification = models.CharField(
        _("insignia de verificación"), max_length=16, choices=Verification.choices, default=Verification.NOT_REQUESTED
    )
    attention_hours = models.CharField(_("horario de atención"), max_length=255, blank=True)
    holiday_notice = models.TextField(_("aviso de días inhábiles y vacaciones"), blank=True)
    opened_on = models.DateField(_("fecha de apertura"), null=True, blank=True)
    last_activity_on = models.DateField(_("última actividad conocida"), null=True, blank=True)
    closed_on = models.DateField(_("fecha de cierre"), null=True, blank=True)
    purpose = models.TextField(_("propósito"), blank=True)

    class Meta:
        ordering = ["institution", "platform__sort_order", "handle"]
        verbose_name = _("cuenta")
        verbose_name_plural = _("cuentas")
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "handle"],
                condition=~Q(status=AccountStatus.CLOSED),
                name="registry_socialaccount_handle_unique_open",
                violation_error_message=_("Ya hay una cuenta registrada (no cerrada) con ese usuario en esa red."),
            ),
            models.UniqueConstraint(
                fields=["platform", "platform_account_id"],
                condition=~Q(platform_account_id=""),
                name="registry_socialaccount_platform_id_unique",
                violation_error_message=_("Ya hay una cuenta registrada con ese id persistente en esa red."),
            ),
            models.CheckConstraint(
                condition=Q(tier__in=Tier.values),
                name="registry_socialaccount_tier_valid",
                violation_error_message=_("Tipo de cuenta no válido."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=Kind.values),
                name="registry_socialaccount_kind_valid",
                violation_error_message=_("Clase de cuenta no válida."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=AccountStatus.values),
                name="registry_socialaccount_status_valid",
                violation_error_message=_("Situación de cuenta no válida."),
            ),
            models.CheckConstraint(
                condition=Q(status=AccountStatus.CLOSED, closed_on__isnull=False)
                | (~Q(status=AccountStatus.CLOSED) & Q(closed_on__isnull=True)),
                name="registry_socialaccount_closed_on_matches_status",
                violation_error_message=_("La fecha de cierre se registra sólo (y siempre) en una cuenta cerrada."),
            ),
        ]
        indexes = [
            # Inventory page: one institution's accounts filtered by status.
            models.Index(fields=["institution", "status"], name="registry_account_inst_status"),
            # Abandonment checks: accounts without recent activity.
            models.Index(fields=["institution", "last_activity_on"], name="registry_account_activity"),
            # Inventory page and API list in their default order (filters.SORTS[""]): the database reads a page's
            # keys in order from this index, without sorting the institution's accounts.
            models.Index(fields=["institution", "platform", "tier", "handle", "id"], name="registry_account_inventory"),
        ]

    def __str__(self) -> str:
        return f"{self.platform.name}: {self.handle}" if self.platform_id else self.handle

    @property
    def is_closed(self) -> bool:
        return self.status == AccountStatus.CLOSED


class AdministratorQuerySet(models.QuerySet["Administrator"]):
    def active_on(self, on: dt.date) -> AdministratorQuerySet:
        """Assignments in force on `on`: started, and not ended on or before that day."""
        return self.filter(starts_on__lte=on).filter(Q(ends_on__isnull=True) | Q(ends_on__gt=on))


class Administrator(TimeStampedModel):
    """An official designated administrator (titular / suplente) of an account, from `starts_on` until `ends_on`.

    `ends_on` is the day the assignment ended: the official is no longer an administrator on or after it.
    The policy's invariants (how many, minimum rank, distinct people, employment) are enforced by
    `services.administrator_assign` and reported by `services.administrators_validate`.
    """

    public_id = models.UUIDField(_("identificador público"), default=uuid.uuid4, unique=True, editable=False)
    account = models.ForeignKey(SocialAccount, on_delete=models.PROTECT, related_name="administrators", verbose_name=_("cuenta"))
    official = models.ForeignKey(
        "institutions.Official", on_delete=models.PROTECT, related_name="administered_accounts", verbose_name=_("servidor público")
    )
    role = models.CharField(_("función"), max_length=16, choices=AdminRole.choices)
    starts_on = models.DateField(_("desde"))
    ends_on = models.DateField(_("terminó el"), null=True, blank=True)
    end_reason = models.CharField(_("motivo del término"), max_length=255, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("designado por")
    )

    objects = AdministratorQuerySet.as_manager()

    class Meta:
        ordering = ["account", "role", "-starts_on"]
        verbose_name = _("administrador de cuenta")
        verbose_name_plural = _("administradores de cuenta")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="registry_administrator_dates_ordered",
                violation_error_message=_("La asignación no puede terminar antes de empezar."),
            ),
            models.CheckConstraint(
                condition=Q(role__in=AdminRole.values),
                name="registry_administrator_role_valid",
                violation_error_message=_("Función de administrador no válida."),
            ),
            models.UniqueConstraint(
                fields=["account", "official"],
                condition=Q(ends_on__isnull=True),
                name="registry_administrator_one_open_per_official",
                violation_error_message=_("Esa persona ya administra la cuenta."),
            ),
            models.UniqueConstraint(
                fields=["account"],
                condition=Q(ends_on__isnull=True, role=AdminRole.PRIMARY),
                name="registry_administrator_one_open_primary",
                violation_error_message=_("La cuenta ya tiene administrador titular; termine su asignación primero."),
            ),
        ]
        indexes = [
            # Account page and validation: the open assignments of one account.
            models.Index(fields=["account", "ends_on"], name="registry_admin_account_open"),
        ]

    def __str__(self) -> str:
        return f"{self.official.full_name} — {self.get_role_display()}"

    def is_active_on(self, on: dt.date) -> bool:
        return self.starts_on <= on and (self.ends_on is None or self.ends_on > on)

    @property
    def is_active(self) -> bool:
        return self.is_active_on(dt.date.today())


class AccessGrant(TimeStampedModel):
    """Someone other than the designated administrators who is recorded as having access to an account
    (a password shared with an assistant, an agency, a former administrator). The access review lists each one
    as a finding where the policy says only administrators and the area head may have access (rosarito:7)."""

    public_id = models.UUIDField(_("identificador público"), default=uuid.uuid4, unique=True, editable=False)
    account = models.ForeignKey(SocialAccount, on_delete=models.PROTECT, related_name="access_grants", verbose_name=_("cuenta"))
    official = models.ForeignKey(
        "institutions.Official", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("servidor público")
    )
    person_name = models.CharField(_("persona"), max_length=255, blank=True)
    reason = models.CharField(_("motivo del acceso"), max_length=255)
    granted_on = models.DateField(_("desde"))
    revoked_on = models.DateField(_("revocado el"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("registrado por")
    )

    class Meta:
        ordering = ["account", "-granted_on"]
        verbose_name = _("acceso registrado")
        verbose_name_plural = _("accesos registrados")
        constraints = [
            models.CheckConstraint(
                condition=Q(official__isnull=False) | ~Q(person_name=""),
                name="registry_accessgrant_has_person",
                violation_error_message=_("Indique el servidor público o el nombre de la persona."),
            ),
            models.CheckConstraint(
                condition=Q(revoked_on__isnull=True) | Q(revoked_on__gte=F("granted_on")),
                name="registry_accessgrant_dates_ordered",
                violation_error_message=_("El acceso no puede revocarse antes de otorgarse."),
            ),
        ]

    def __str__(self) -> str:
        return self.official.full_name if self.official_id else self.person_name
