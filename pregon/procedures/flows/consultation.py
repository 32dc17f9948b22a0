"""Consultation of pertinence (rosarito:9.7, iee-sonora:6.VIII): an account administrator asks Communications
whether a text may be published; silence past the policy's term is the policy's outcome (*no procedente* in
rosarito:9.7). The transition table is ``CONSULTATION`` in ``pregon/procedures/workflows.py``; this module declares
its input, pages and API."""

from __future__ import annotations

import uuid as _uuid
from typing import Annotated, Any

from django.utils.translation import gettext_lazy as _
from pydantic import Field

from pregon.policy import Policy

from ..inputs import UI, Input
from ..models import Consultation
from ..spec import Create, ProcedureSpec, by_account, register_spec


class ConsultationIn(Input):
    account: Annotated[_uuid.UUID | None, UI(_("Cuenta"), ref="account",
                                             help=_("La cuenta en la que se publicaría el contenido."))] = None
    text: Annotated[str, Field(min_length=1, max_length=10000), UI(_("Texto a publicar"), widget="textarea")]
    question: Annotated[str, Field(max_length=4000), UI(
        _("Duda"), widget="textarea", help=_("Explique qué le hace dudar sobre la pertinencia de publicarlo."))] = ""


def _create(*, institution: Any, actor: Any, **data: Any) -> Any:
    from ..services import consultation_create

    return consultation_create(institution=institution, actor=actor, **data)


def _preview(institution: Any, policy: Policy, data: dict[str, Any]) -> dict[str, Any]:
    from ..services import checker_findings

    return {"findings": checker_findings(data["text"], policy, institution=institution, account=data.get("account"))}


def _context(institution: Any, policy: Policy) -> dict[str, Any]:
    return {"deadline": policy.consultation.deadline}


CONSULTATION_SPEC = register_spec(ProcedureSpec(
    key="consultation", model=Consultation, segment="consultas", api_segment="consultations",
    title=_("Consulta de pertinencia"), title_plural=_("Consultas de pertinencia"),
    columns=((_("Cuenta"), "account_label"), (_("Consulta de"), "asked_by")),
    create=Create(ConsultationIn, _create, roles=("account_admin",), panel="procedures/partials/_consultation_create.html",
                  context=_context, preview=_preview, success=_("Consulta enviada a Comunicación Social."),
                  button=_("Enviar consulta")),
    readers=("comms", "account_admin", "area_head"),
    # one about an account follows the account; one without yet is read by Communications, area heads and the auditor
    scope=by_account(without_account=frozenset({"comms", "area_head", "auditor"})),
    panel="procedures/partials/_consultation_fields.html",
    select_related=("asked_by", "decided_by", "account__platform"),
))
