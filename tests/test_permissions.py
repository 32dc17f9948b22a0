"""Every URL has an access rule (pregon/institutions/permissions.py), and every page behaves as its rule says."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from pregon.institutions.choices import Role
from pregon.institutions.models import Institution, Membership
from pregon.institutions.permissions import NAMESPACE_PERMISSIONS, URL_PERMISSIONS, rule_for
from pregon.procedures.flows.abandonment import abandonment_check
from pregon.procedures.flows.closure import closure_request_create
from pregon.procedures.flows.incident import incident_report
from pregon.procedures.flows.recertification import recertifications_open
from pregon.procedures.flows.regularisation import regularisation_start
from pregon.procedures.spec import all_specs

PASSWORD = "una-contraseña-de-prueba"


def iter_urls(
    patterns: list | None = None, namespace: str = "", prefix: str = ""
) -> Iterator[tuple[str | None, str, URLPattern, str]]:
    """(namespaced name or None, namespace, pattern, full route) for every URL pattern of the project."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for item in patterns:
        if isinstance(item, URLResolver):
            inner = f"{namespace}{item.namespace}:" if item.namespace else namespace
            yield from iter_urls(item.url_patterns, inner, prefix + str(item.pattern))
        elif isinstance(item, URLPattern):
            name = f"{namespace}{item.name}" if item.name else None
            yield name, namespace.rstrip(":"), item, prefix + str(item.pattern)


def test_every_named_url_has_a_permission_rule():
    missing = sorted(name for name, _ns, _p, _r in iter_urls() if name and rule_for(name) is None)
    assert not missing, f"URLs without a rule in pregon/institutions/permissions.py: {missing}"


def test_unnamed_urls_only_inside_namespaces_with_a_rule():
    orphans = [str(p.pattern) for name, ns, p, _r in iter_urls() if name is None and ns.split(":")[0] not in NAMESPACE_PERMISSIONS]
    assert not orphans, f"unnamed URLs outside a namespace rule: {orphans}"


def test_permission_map_has_no_stale_entries():
    names = {name for name, _ns, _p, _r in iter_urls() if name}
    stale = sorted(set(URL_PERMISSIONS) - names)
    assert not stale, f"rules for URLs that no longer exist: {stale}"


def test_public_urls_and_only_those_skip_the_login_requirement():
    for name, _ns, pattern, route in iter_urls():
        if name not in URL_PERMISSIONS:
            continue  # namespace rules (admin, api) are their owners' business
        exempt = getattr(pattern.callback, "login_required", True) is False
        is_public = URL_PERMISSIONS[name].kind == "public"
        assert exempt == is_public, f"{name}: rule {URL_PERMISSIONS[name]} but login_not_required={exempt}"


# --- the matrix -------------------------------------------------------------------------------------------------

def _institution(slug: str) -> Institution:
    return Institution.objects.create(
        slug=slug, name=f"Institución {slug}", short_name=slug, country="MX", subdivision="BCN",
        timezone="America/Tijuana", policy_preset="rosarito",
    )


def _user(username: str, **extra) -> object:
    return get_user_model().objects.create_user(username, f"{username}@example.gob.mx", PASSWORD, **extra)


@pytest.fixture
def world(db):
    """Institution A and B; one user per role in A; one user with every role in B only; a superuser."""
    a, b = _institution("inst-a"), _institution("inst-b")
    in_a = {}
    for role in Role.values:
        in_a[role] = _user(f"a-{role}")
        Membership.objects.create(user=in_a[role], institution=a, role=role)
    outsider = _user("b-all")
    for role in Role.values:
        Membership.objects.create(user=outsider, institution=b, role=role)
    return {"a": a, "b": b, "in_a": in_a, "outsider": outsider, "nobody": _user("no-roles"),
            "superuser": _user("root", is_superuser=True, is_staff=True)}


def _institution_url_names() -> list[str]:
    names = []
    for name, _ns, pattern, route in iter_urls():
        if name in URL_PERMISSIONS and URL_PERMISSIONS[name].kind == "roles":
            params = set(re.findall(r"<(?:\w+:)?(\w+)>", route))
            if params == {"institution"}:
                names.append(name)
    return sorted(names)


INSTITUTION_URLS = _institution_url_names()

# Pages with a roles rule whose URL needs more than the institution (an object id…) cannot be reached by the
# generic matrix below: each needs its own matrix test. Name it here: url name -> "path/to/test_file.py::test".
MATRIX_ELSEWHERE: dict[str, str] = {}
OBJECT_PROCEDURES = ("consultation", "closure", "incident", "abandonment", "recertification", "regularisation")
# Pages whose URL carries an object: driven below by test_object_page_matrix (one builder per URL name; every
# procedure's detail and action pages are derived from its spec, like the pages themselves).
MATRIX_ELSEWHERE.update({name: "tests/test_permissions.py::test_object_page_matrix" for name in (
    "registry:account_detail", "registry:administrator_assign", "registry:administrator_end",
    "institutions:official_end",
    *(spec.url_name(page) for spec in all_specs() if spec.key in OBJECT_PROCEDURES for page in ("detail", "transition")),
)})
# A procedure's downloads are tested with the procedure (the closure's archive: who may fetch it, its hash).
MATRIX_ELSEWHERE.update({spec.url_name("download"): f"pregon/procedures/tests/test_{spec.key}.py"
                         for spec in all_specs() if spec.downloads})
MATRIX_ELSEWHERE.update({spec.url_name(page): "pregon/procedures/tests/test_views_account_procedures.py"
                         for spec in all_specs() if spec.key not in OBJECT_PROCEDURES
                         for page in ("detail", "transition")})
# Pages whose own matrix test is still to be written (the owners of these apps were told). Do not add to this set:
# write the test and move the name to MATRIX_ELSEWHERE.
MATRIX_PENDING: set[str] = set()


def test_the_matrix_covers_every_institution_page():
    roles_rules = {n for n, r in URL_PERMISSIONS.items() if r.kind == "roles"}
    uncovered = sorted(roles_rules - set(INSTITUTION_URLS) - set(MATRIX_ELSEWHERE) - MATRIX_PENDING)
    assert not uncovered, (
        f"pages with a roles rule the generic matrix cannot reach: {uncovered}; write their matrix test and list it "
        "in MATRIX_ELSEWHERE"
    )


@pytest.mark.parametrize("url_name", INSTITUTION_URLS)
def test_institution_page_matrix(client, world, url_name):
    """anonymous -> login; no role in the institution -> 404; a role the rule refuses -> 403; a role it allows
    -> the page (not 403/404). POST-only pages (405 to a GET) are driven with an empty POST."""
    rule = URL_PERMISSIONS[url_name]
    url = reverse(url_name, kwargs={"institution": world["a"].slug})

    client.force_login(world["superuser"])
    method = client.post if client.get(url).status_code == 405 else client.get
    client.logout()

    response = method(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login")), "anonymous -> login"

    for who in ("outsider", "nobody"):
        client.force_login(world[who])
        assert method(url).status_code == 404, f"{who} -> 404"

    for role, user in world["in_a"].items():
        client.force_login(user)
        status = method(url).status_code
        if rule.allows_role(role):
            assert status not in (401, 403, 404, 405), f"role {role} is allowed but got {status}"
        else:
            assert status == 403, f"role {role} is refused by {rule} but got {status}"

    client.force_login(world["superuser"])
    assert method(url).status_code not in (403, 404, 405)
    client.force_login(world["in_a"][Role.COMMS])
    assert method(reverse(url_name, kwargs={"institution": "no-existe"})).status_code == 404


def _parameterless(kind: str) -> list[str]:
    """URL names with this kind of rule that need no URL parameter (others are their owners' tests)."""
    return sorted(
        name for name, _ns, pattern, route in iter_urls()
        if name in URL_PERMISSIONS and URL_PERMISSIONS[name].kind == kind and "<" not in route
    )


@pytest.mark.parametrize("url_name", _parameterless("login"))
def test_login_pages_send_anonymous_users_to_the_login_page(client, db, url_name):
    response = client.get(reverse(url_name))
    if response.status_code == 405:
        response = client.post(reverse(url_name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("url_name", _parameterless("public"))
def test_public_pages_answer_anonymous_users(client, db, url_name):
    response = client.get(reverse(url_name))
    # set_language answers a GET with a redirect to where the user came from, never to the login page.
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert not response.url.startswith(reverse("login"))


def test_admin_is_for_superusers_only(client, world):
    url = reverse("admin:index")
    assert client.get(url).status_code == 302
    client.force_login(world["in_a"][Role.COMMS])
    assert client.get(url).status_code == 302  # to the admin's login: not staff
    client.force_login(world["superuser"])
    assert client.get(url).status_code == 200


def test_roles_in_the_matrix_are_every_role():
    assert set(itertools.chain.from_iterable(r.roles for r in URL_PERMISSIONS.values())) <= set(Role.values)


# --- pages with an object in the URL ----------------------------------------------------------------------------

def _object_world(world):
    """An area, an account with a titular administrator, and one procedure of each kind in institution A."""
    import datetime as dt

    from django.utils import timezone

    from pregon.institutions.models import Area, Official
    from pregon.institutions.policies import clear_policy_cache
    from pregon.procedures.flows.consultation import consultation_create
    from pregon.registry.choices import AdminRole, Kind, Tier
    from pregon.registry.models import Administrator, Platform, SocialAccount
    from tests.browser.scenarios import ensure_platforms

    clear_policy_cache()
    ensure_platforms()
    a = world["a"]
    area = Area.objects.create(institution=a, name="Dirección de Turismo")
    platform = Platform.objects.get(slug="facebook")

    def account(handle, status="active"):
        return SocialAccount.objects.create(status=status,
            institution=a, area=area, platform=platform, handle=handle, display_name=handle, tier=Tier.MAIN,
            url=platform.url_template.replace("{handle}", handle), kind=Kind.OFFICIAL, email=f"{handle}@rosarito.gob.mx",
            opened_on=dt.date(2020, 1, 6), last_activity_on=dt.date(2020, 1, 6),
        )

    main = account("turismo")
    official = Official.objects.create(institution=a, area=area, full_name="Ana Titular", position_title="Directora",
                                       rank="superior", email="ana@rosarito.gob.mx")
    admin = Administrator.objects.create(account=main, official=official, role=AdminRole.PRIMARY,
                                         starts_on=dt.date(2024, 1, 8))
    in_a = world["in_a"]
    consultation = consultation_create(institution=a, actor=in_a[Role.ACCOUNT_ADMIN], text="¿Publico esto?")
    closure = closure_request_create(account=account("cultura"), actor=in_a[Role.AREA_HEAD], motive="Fin")
    incident = incident_report(account=account("deporte"), actor=in_a[Role.COMMS], kind="hijacked",
                                         description="x")
    abandonment_check(now=timezone.now())
    recertifications_open(now=timezone.now())
    regularisation = regularisation_start(account=account("antigua", "pending_regularisation"), actor=in_a[Role.COMMS])
    from pregon.procedures.models import AbandonmentFlag, Recertification

    return {"account": main, "admin": admin, "consultation": consultation, "closure": closure, "incident": incident,
            "abandonment": AbandonmentFlag.objects.filter(institution=a).first(),
            "recertification": Recertification.objects.filter(institution=a, account=main).first(),
            "regularisation": regularisation}


# url name -> (kwargs from the objects, method, POST data). Transitions fire an action a single role may take.
OBJECT_PAGES = {
    "registry:account_detail": (lambda o: {"account": o["account"].public_id}, "get", None),
    "registry:administrator_assign": (lambda o: {"account": o["account"].public_id}, "get", None),
    "registry:administrator_end": (lambda o: {"account": o["account"].public_id, "administrator": o["admin"].public_id},
                                   "post", {"reason": "Renuncia"}),
    # the first allowed role records the departure (302); the next finds it already recorded (302 with a message)
    "institutions:official_end": (lambda o: {"official": o["admin"].official.public_id}, "post",
                                  {"ended_on": "2025-01-10", "reason": "Renuncia"}),
}
# One action per procedure that a single role may take, with its input (form fields are prefixed by the action).
PROCEDURE_ACTIONS = {
    "consultation": ("reject", {"reject-reason": "No procede"}),
    "closure": ("acknowledge", {}),
    "incident": ("dismiss", {"dismiss-reason": "Falsa alarma"}),
    "abandonment": ("dismiss", {"dismiss-reason": "Sí se usa"}),
    "recertification": ("report_changes", {"report_changes-reason": "Cambió el suplente"}),
    "regularisation": ("cancel", {"cancel-reason": "Duplicada"}),
}
for _key, (_action, _data) in PROCEDURE_ACTIONS.items():
    OBJECT_PAGES[f"procedures:{_key}_detail"] = ((lambda k: lambda o: {"public_id": o[k].public_id})(_key), "get", None)
    OBJECT_PAGES[f"procedures:{_key}_transition"] = (
        (lambda k, a: lambda o: {"public_id": o[k].public_id, "action": a})(_key, _action), "post", _data)
# An account administrator sees only the accounts they administer, and so only their procedures: elsewhere the account
# and everything about it does not exist for them (404). What they filed themselves (the consultation) stays theirs.
ACCOUNT_SCOPED = {"registry:account_detail"} | {
    n for n in OBJECT_PAGES if n.startswith("procedures:") and not n.startswith("procedures:consultation")}


def test_every_object_page_of_the_matrix_has_a_builder():
    listed = {n for n, where in MATRIX_ELSEWHERE.items() if where.startswith("tests/test_permissions.py")}
    assert listed == set(OBJECT_PAGES)


@pytest.mark.parametrize("url_name", sorted(OBJECT_PAGES))
def test_object_page_matrix(client, world, url_name):
    """anonymous -> login; no role in the institution -> 404 (and the object under another institution's slug ->
    404); a role the rule refuses -> 403; an allowed role -> the page (GET 200) or, for POSTs, the action done by
    the roles the procedure's table names (302/303) while the others are refused (403) or find it already done
    (409; the registry's pages redirect with a message)."""
    objects = _object_world(world)
    kwargs_of, method, data = OBJECT_PAGES[url_name]
    kwargs = kwargs_of(objects)
    assert all(v is not None for v in kwargs.values()), kwargs
    url = reverse(url_name, kwargs={"institution": world["a"].slug, **kwargs})
    send = (lambda: client.get(url)) if method == "get" else (lambda: client.post(url, data))
    rule = URL_PERMISSIONS[url_name]

    response = send()
    assert response.status_code == 302 and response.url.startswith(reverse("login")), "anonymous -> login"
    for who in ("outsider", "nobody"):
        client.force_login(world[who])
        assert send().status_code == 404, f"{who} -> 404"
    client.force_login(world["outsider"])
    elsewhere = reverse(url_name, kwargs={"institution": world["b"].slug, **kwargs})
    assert (client.get(elsewhere) if method == "get" else client.post(elsewhere, data)).status_code == 404

    done = []
    for role, user in world["in_a"].items():
        client.force_login(user)
        status = send().status_code
        if not rule.allows_role(role):
            assert status == 403, f"role {role} is refused by {rule} but got {status}"
        elif method == "get":
            expected = {404} if role == Role.ACCOUNT_ADMIN and url_name in ACCOUNT_SCOPED else {200}
            assert status in expected, f"role {role} -> {status}"
        elif role == Role.ACCOUNT_ADMIN and url_name in ACCOUNT_SCOPED:
            assert status == 404, f"role {role} -> {status}"
        else:
            assert status in (302, 303, 403, 409), f"role {role} -> {status}"
            if status in (302, 303):
                done.append(role)
    if method == "post":
        assert done, "no allowed role could fire the action"
