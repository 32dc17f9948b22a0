"""Access rules: 404 for institutions the user cannot see, 403 for a missing role, auditors read only."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from pregon.institutions import access, selectors
from pregon.institutions.choices import Role
from pregon.institutions.models import Institution
from pregon.institutions.tests.factories import AreaFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_institutions_visible_to_lists_only_institutions_where_the_user_has_a_role(
    comms_a: Any, admin_b: Any, institution_a: Institution, institution_b: Institution
) -> None:
    assert list(access.institutions_visible_to(comms_a)) == [institution_a]
    assert list(access.institutions_visible_to(admin_b)) == [institution_b]
    superuser = UserFactory(is_superuser=True)
    assert set(access.institutions_visible_to(superuser)) == {institution_a, institution_b}


def test_anonymous_sees_no_institution(institution_a: Institution) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert not access.institutions_visible_to(AnonymousUser()).exists()
    assert access.roles_of(AnonymousUser(), institution_a) == set()


def test_user_with_roles_only_in_b_gets_404_for_a(admin_b: Any, institution_a: Institution) -> None:
    with pytest.raises(Http404):
        access.institution_for_user_or_404(admin_b, "rosarito")
    with pytest.raises(Http404):
        access.require_role(admin_b, institution_a)
    # an unknown slug looks exactly the same
    with pytest.raises(Http404):
        access.institution_for_user_or_404(admin_b, "no-existe")


def test_right_institution_without_the_role_gets_403(admin_a: Any, institution_a: Institution) -> None:
    assert access.institution_for_user_or_404(admin_a, "rosarito") == institution_a
    with pytest.raises(PermissionDenied):
        access.require_role(admin_a, institution_a, Role.COMMS)
    assert access.require_role(admin_a, institution_a, Role.ACCOUNT_ADMIN, write=True) == {Role.ACCOUNT_ADMIN}


def test_auditor_reads_everything_and_changes_nothing(auditor_a: Any, institution_a: Institution) -> None:
    assert access.require_role(auditor_a, institution_a, Role.COMMS) == {Role.AUDITOR}
    with pytest.raises(PermissionDenied, match="consulta"):
        access.require_role(auditor_a, institution_a, Role.COMMS, write=True)
    with pytest.raises(PermissionDenied):
        access.require_role(auditor_a, institution_a, write=True)
    assert not access.can_write(auditor_a, institution_a)
    assert not access.can_write(auditor_a, institution_a, Role.AUDITOR)
    assert access.can_read(auditor_a, institution_a, Role.COMMS)


def test_can_write_needs_the_role(comms_a: Any, admin_a: Any, institution_a: Institution) -> None:
    assert access.can_write(comms_a, institution_a, Role.COMMS)
    assert not access.can_write(admin_a, institution_a, Role.COMMS)
    assert access.can_write(UserFactory(is_superuser=True), institution_a, Role.COMMS)


def test_area_scoped_membership_limits_area_ids(institution_a: Institution) -> None:
    area = AreaFactory(institution=institution_a)
    user = UserFactory()
    MembershipFactory(user=user, institution=institution_a, role=Role.AREA_HEAD, area=area)
    assert access.area_ids_of(user, institution_a, Role.AREA_HEAD) == {area.pk}
    assert access.area_ids_of(user, institution_a, Role.ACCOUNT_ADMIN) == set()


def test_selectors_return_nothing_for_an_institution_the_actor_cannot_see(
    admin_b: Any, comms_a: Any, institution_a: Institution
) -> None:
    AreaFactory(institution=institution_a)
    assert not selectors.area_list_visible_to(admin_b, institution_a).exists()
    assert selectors.area_list_visible_to(comms_a, institution_a).count() == 2  # head + the area
    assert not selectors.membership_list_visible_to(admin_b, institution_a).exists()


def test_members_see_only_their_own_memberships_unless_comms_it_or_auditor(
    comms_a: Any, admin_a: Any, auditor_a: Any, institution_a: Institution
) -> None:
    assert [m.user for m in selectors.membership_list_visible_to(admin_a, institution_a)] == [admin_a]
    assert selectors.membership_list_visible_to(comms_a, institution_a).count() == 3
    assert selectors.membership_list_visible_to(auditor_a, institution_a).count() == 3


@pytest.mark.urls("pregon.institutions.tests.urls_access")
@pytest.mark.parametrize(
    ("persona", "url", "status"),
    [
        ("anonymous", "/i/rosarito/leer/", 302),  # LoginRequiredMiddleware sends them to log in
        ("admin_b", "/i/rosarito/leer/", 404),  # wrong institution: does not exist for them
        ("admin_b", "/i/no-existe/leer/", 404),
        ("admin_a", "/i/rosarito/leer/", 403),  # right institution, no role
        ("comms_a", "/i/rosarito/leer/", 200),
        ("auditor_a", "/i/rosarito/leer/", 200),  # auditors read
        ("auditor_a", "/i/rosarito/escribir/", 403),  # … and never write
        ("comms_a", "/i/rosarito/escribir/", 200),
    ],
)
def test_institution_view_permission_matrix(
    persona: str, url: str, status: int, client: Any, request: pytest.FixtureRequest, institution_a: Institution
) -> None:
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    response = client.get(url)
    assert response.status_code == status
    if status == 200:
        assert response.content.decode().endswith("rosarito")
