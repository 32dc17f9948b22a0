"""Checker API under /api/v1/checker/ — a thin adapter over `checking.review_text` (errors: ApplicationError).

    POST /check   {"institution": slug, "text": "…", "account": uuid|null, "platform": "x"|null}
                  -> {"findings": [{rule, category, severity, start, end, message, clauses}], "policy_version"}

Session authentication (with CSRF). The user needs a role in the institution (404 otherwise) allowed by the rule
of the "Revisar publicación" page (403 otherwise); the account, when given, must be one the user sees (404).
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from pregon.core.errors import NotFound
from pregon.institutions.access import institution_for_user_or_404, require_role
from pregon.institutions.permissions import URL_PERMISSIONS

from . import selectors
from .checking import review_text
from .choices import ErrorCode
from .schemas import CheckFindingOut, CheckIn, CheckOut

router = Router(tags=["checker"])


@router.post("/check", response=CheckOut)
def check(request: HttpRequest, payload: CheckIn) -> CheckOut:
    institution = institution_for_user_or_404(request.user, payload.institution)
    require_role(request.user, institution, *sorted(URL_PERMISSIONS["publications:review"].roles))
    account = None
    if payload.account is not None:
        account = selectors.account_get(selectors.accounts_for_review(request.user, institution), payload.account)
        if account is None:
            raise NotFound("No se encontró la cuenta.", code=ErrorCode.ACCOUNT_NOT_FOUND)
    result = review_text(institution=institution, text=payload.text, account=account, platform=payload.platform)
    return CheckOut(
        findings=[CheckFindingOut(**f.as_dict()) for f in result.findings], policy_version=result.policy_version
    )
