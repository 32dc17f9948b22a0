"""The abstract base of every procedure (a request with a life cycle and a transition table)."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from pregon.core.models import TimeStampedModel


class ProcedureModel(TimeStampedModel):
    """A procedure row: belongs to one institution, has a `status` driven only by `procedure_transition()`.

    Concrete models set `workflow_name` (the key of their Workflow in `pregon.procedures.workflows`), redeclare
    `status` with their states' choices and default, and name the field holding the person who started the
    procedure in `owner_field` (the `OWNER` pseudo-role of the workflow table resolves to it).
    """

    workflow_name: ClassVar[str] = ""
    owner_field: ClassVar[str | None] = None

    public_id = models.UUIDField(_("identificador público"), default=uuid.uuid4, unique=True, editable=False)
    institution = models.ForeignKey(
        "institutions.Institution",
        on_delete=models.PROTECT,
        related_name="%(app_label)s_%(class)s_set",
        verbose_name=_("institución"),
    )
    status = models.CharField(_("estado"), max_length=32, db_index=True)
    policy_version = models.CharField(_("versión de la política al iniciar"), max_length=64, blank=True)

    class Meta:
        abstract = True

    @property
    def owner(self) -> Any:
        """The user who started the procedure (None when the model has no owner)."""
        return getattr(self, self.owner_field) if self.owner_field else None

    @property
    def owner_id(self) -> int | None:
        return getattr(self, f"{self.owner_field}_id") if self.owner_field else None
