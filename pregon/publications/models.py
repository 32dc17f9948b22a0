"""The archive of published posts and the retroactive audits run over it."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pregon.core.models import TimeStampedModel

from .choices import Category, ExportFormat, Severity


class PublicationImport(TimeStampedModel):
    """One platform export file imported into an account's archive: who, when, which file and format, counts.

    Written only when the file added at least one post (re-importing the same file changes nothing)."""

    public_id = models.UUIDField(_("identificador público"), default=uuid.uuid4, unique=True, editable=False)
    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.PROTECT, related_name="publication_imports",
        verbose_name=_("institución"),
    )
    account = models.ForeignKey(
        "registry.SocialAccount", on_delete=models.PROTECT, related_name="publication_imports",
        verbose_name=_("cuenta"),
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("importado por"),
    )
    imported_at = models.DateTimeField(_("importado el"), default=timezone.now)
    file_name = models.CharField(_("archivo"), max_length=255)
    file_sha256 = models.CharField(_("huella SHA-256 del archivo"), max_length=64)
    format = models.CharField(_("formato"), max_length=32, choices=ExportFormat.choices)
    encoding = models.CharField(_("codificación"), max_length=64, blank=True)
    rows_read = models.PositiveIntegerField(_("filas leídas"), default=0)
    created_count = models.PositiveIntegerField(_("publicaciones nuevas"), default=0)
    existing_count = models.PositiveIntegerField(_("publicaciones ya archivadas"), default=0)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("importación de publicaciones")
        verbose_name_plural = _("importaciones de publicaciones")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.created_count})"


class Publication(TimeStampedModel):
    """A post published by a registered account, as read from a platform export. Immutable once archived: a
    re-import of the same post (same account and platform post id) is ignored.

    `institution` is the account's, copied so that every institution-scoped read (the spam archive, the audit
    list) filters one indexed column without a join."""

    public_id = models.UUIDField(_("identificador público"), default=uuid.uuid4, unique=True, editable=False)
    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.PROTECT, related_name="publications",
        verbose_name=_("institución"),
    )
    account = models.ForeignKey(
        "registry.SocialAccount", on_delete=models.PROTECT, related_name="publications", verbose_name=_("cuenta"),
    )
    platform_post_id = models.CharField(_("id de la publicación en la plataforma"), max_length=128)
    permalink = models.URLField(_("enlace permanente"), max_length=500, blank=True)
    text = models.TextField(_("texto"), blank=True)
    published_at = models.DateTimeField(_("publicada el"))
    source = models.ForeignKey(
        PublicationImport, on_delete=models.PROTECT, related_name="publications", null=True, blank=True,
        verbose_name=_("importación"),
    )
    imported_at = models.DateTimeField(_("importada el"), default=timezone.now)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("publicación")
        verbose_name_plural = _("publicaciones")
        constraints = [
            models.UniqueConstraint(
                fields=["account", "platform_post_id"],
                name="publications_publication_unique_post_per_account",
                violation_error_message=_("Esa publicación ya está en el archivo de la cuenta."),
            ),
        ]
        indexes = [
            # checking.checker_context_for: the institution's posts inside the spam window (and the audit's archive)
            models.Index(fields=["institution", "published_at"], name="publications_inst_published"),
            # selectors.publication_list / services.audit_account: one account's posts, newest first
            models.Index(fields=["account", "published_at"], name="publications_account_published"),
        ]

    def __str__(self) -> str:
        return f"{self.platform_post_id} ({self.published_at:%Y-%m-%d})"


class AuditRun(TimeStampedModel):
    """One retroactive audit of an account's archive: the checker run over every archived post under the policy
    in force when the audit ran. Its findings are frozen in AuditFinding rows; a later run supersedes it on the
    audit page but never changes it."""

    public_id = models.UUIDField(_("identificador público"), default=uuid.uuid4, unique=True, editable=False)
    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.PROTECT, related_name="audit_runs", verbose_name=_("institución"),
    )
    account = models.ForeignKey(
        "registry.SocialAccount", on_delete=models.PROTECT, related_name="audit_runs", verbose_name=_("cuenta"),
    )
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("ejecutada por"),
    )
    run_at = models.DateTimeField(_("ejecutada el"), default=timezone.now)
    policy_version = models.CharField(_("versión de la política"), max_length=128)
    publications_checked = models.PositiveIntegerField(_("publicaciones revisadas"), default=0)
    findings_count = models.PositiveIntegerField(_("observaciones"), default=0)
    flagged_count = models.PositiveIntegerField(_("publicaciones con observaciones"), default=0)

    class Meta:
        ordering = ["-run_at", "-id"]
        verbose_name = _("auditoría de publicaciones")
        verbose_name_plural = _("auditorías de publicaciones")
        indexes = [
            # selectors.latest_audit_runs: the newest run of each account
            models.Index(fields=["account", "run_at"], name="publications_auditrun_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.account_id} @ {self.run_at:%Y-%m-%d %H:%M}"


class AuditFinding(models.Model):
    """What the checker found in one archived post during an audit, and what the policy says to do about it.

    `recommendation` and `recommendation_clauses` come from the policy (closure.content_action: delete or
    preserve history) and the finding's own clauses."""

    run = models.ForeignKey(AuditRun, on_delete=models.CASCADE, related_name="findings", verbose_name=_("auditoría"))
    publication = models.ForeignKey(
        Publication, on_delete=models.PROTECT, related_name="audit_findings", verbose_name=_("publicación"),
    )
    rule = models.CharField(_("regla"), max_length=64)
    category = models.CharField(_("categoría"), max_length=32, choices=Category.choices)
    severity = models.CharField(_("gravedad"), max_length=8, choices=Severity.choices)
    start = models.PositiveIntegerField(_("inicio"))
    end = models.PositiveIntegerField(_("fin"))
    message = models.TextField(_("mensaje"))
    clauses = models.JSONField(_("cláusulas"), default=list)
    recommendation = models.TextField(_("recomendación"))
    recommendation_clauses = models.JSONField(_("cláusulas de la recomendación"), default=list)

    class Meta:
        ordering = ["id"]
        verbose_name = _("observación de auditoría")
        verbose_name_plural = _("observaciones de auditoría")
        indexes = [
            # selectors.audit_finding_list: one run's findings filtered by category / severity
            models.Index(fields=["run", "category", "severity"], name="publications_finding_filter"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="publications_auditfinding_span_ordered",
                violation_error_message=_("El fin del fragmento no puede ser anterior a su inicio."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule} [{self.severity}]"

    @property
    def excerpt(self) -> str:
        """The offending span of the post (the publication must be loaded)."""
        return self.publication.text[self.start : self.end]
