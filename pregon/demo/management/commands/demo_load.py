"""`manage.py demo_load` / `pregon demo`: the five seed institutions with areas, officials and one user per role.

Idempotent: every row is looked up by its natural key (institution slug, area name, official e-mail, username,
user + institution + role) and created through the institutions services only when missing, so a second run
changes nothing and writes no ledger event. Existing rows are never modified.

Passwords: with PREGON_DEMO=1 (settings.DEMO) new demo users get the published demo password. Otherwise the
command refuses to set a known password: new users get an unusable one, to be set with `manage.py changepassword`.

Then each app's own demo data, in the order they depend on: the registry's accounts, the lifecycle and account
procedures, the publications archive. This command composes every app, so it lives in `pregon.demo`, at the top.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.core.management.base import BaseCommand
from django.db import transaction

from pregon.institutions import services
from pregon.institutions.choices import Rank, Role
from pregon.institutions.models import Area, Institution, Membership, Official
from pregon.procedures.spec import all_specs
from pregon.publications.demo import publications_demo_load
from pregon.registry.demo import registry_demo_load

DEMO_PASSWORD = "pregon-demo-2026"


@dataclass(frozen=True)
class AreaSeed:
    name: str
    parent: str | None  # None: the head area


@dataclass(frozen=True)
class OfficialSeed:
    full_name: str
    email_local: str
    position_title: str
    area: str
    rank: str
    role: str | None = None  # the demo user for this role is this official


@dataclass(frozen=True)
class InstitutionSeed:
    slug: str
    name: str
    short_name: str
    country: str
    subdivision: str
    timezone: str
    preset: str
    domain: str
    areas: list[AreaSeed]
    officials: list[OfficialSeed]
    # role -> area name, for the area-scoped roles of the demo users
    scoped_area: dict[str, str] = field(default_factory=dict)


S, M, O = Rank.SUPERIOR, Rank.MEDIO, Rank.OPERATIVO

SEEDS: list[InstitutionSeed] = [
    InstitutionSeed(
        slug="rosarito",
        name="H. Ayuntamiento de Playas de Rosarito",
        short_name="Rosarito",
        country="MX",
        subdivision="BCN",
        timezone="America/Tijuana",
        preset="rosarito",
        domain="rosarito.gob.mx",
        areas=[
            AreaSeed("Presidencia Municipal", None),
            AreaSeed("Dirección de Comunicación Social", "Presidencia Municipal"),
            AreaSeed("Departamento de Redes Sociales", "Dirección de Comunicación Social"),
            AreaSeed("Dirección de Informática", "Presidencia Municipal"),
            AreaSeed("Departamento de Soporte Técnico", "Dirección de Informática"),
            AreaSeed("Dirección de Turismo", "Presidencia Municipal"),
            AreaSeed("Departamento de Promoción Turística", "Dirección de Turismo"),
            AreaSeed("Dirección de Normatividad Administrativa", "Presidencia Municipal"),
            AreaSeed("Unidad de Transparencia", "Presidencia Municipal"),
            AreaSeed("Sindicatura Procuradora", "Presidencia Municipal"),
        ],
        officials=[
            OfficialSeed("Araceli Moreno Quintero", "presidencia", "Presidenta Municipal", "Presidencia Municipal", S),
            OfficialSeed("Rodrigo Félix Valenzuela", "comunicacion", "Director de Comunicación Social",
                         "Dirección de Comunicación Social", S, Role.COMMS),
            OfficialSeed("Karla Ibarra Soto", "informatica", "Directora de Informática", "Dirección de Informática",
                         M, Role.IT),
            OfficialSeed("Héctor Lugo Aispuro", "turismo", "Director de Turismo", "Dirección de Turismo", M,
                         Role.AREA_HEAD),
            OfficialSeed("Mariana Ceseña Ruiz", "promocion.turistica", "Jefa del Departamento de Promoción Turística",
                         "Departamento de Promoción Turística", M, Role.ACCOUNT_ADMIN),
            OfficialSeed("Luis Armenta Ochoa", "transparencia", "Titular de la Unidad de Transparencia",
                         "Unidad de Transparencia", M, Role.TRANSPARENCY),
            OfficialSeed("Patricia Valdez Núñez", "normatividad", "Directora de Normatividad Administrativa",
                         "Dirección de Normatividad Administrativa", M, Role.COMMITTEE),
            OfficialSeed("Jorge Castro Meza", "sindicatura", "Síndico Procurador", "Sindicatura Procuradora", S,
                         Role.AUDITOR),
            OfficialSeed("Daniela Ortiz Peña", "redes", "Analista de Redes Sociales", "Departamento de Redes Sociales", O),
        ],
        scoped_area={Role.AREA_HEAD: "Dirección de Turismo", Role.ACCOUNT_ADMIN: "Dirección de Turismo"},
    ),
    InstitutionSeed(
        slug="iee-sonora",
        name="Instituto Estatal Electoral y de Participación Ciudadana de Sonora",
        short_name="IEE Sonora",
        country="MX",
        subdivision="SON",
        timezone="America/Hermosillo",
        preset="iee-sonora",
        domain="ieesonora.org.mx",
        areas=[
            AreaSeed("Presidencia del Consejo General", None),
            AreaSeed("Secretaría Ejecutiva", "Presidencia del Consejo General"),
            AreaSeed("Subdirección de Comunicación Social", "Secretaría Ejecutiva"),
            AreaSeed("Subdirección de Informática", "Secretaría Ejecutiva"),
            AreaSeed("Unidad de Transparencia", "Secretaría Ejecutiva"),
            AreaSeed("Dirección Ejecutiva de Educación Cívica y Capacitación", "Secretaría Ejecutiva"),
            AreaSeed("Departamento de Educación Cívica", "Dirección Ejecutiva de Educación Cívica y Capacitación"),
            AreaSeed("Órgano Interno de Control", "Presidencia del Consejo General"),
        ],
        officials=[
            OfficialSeed("Lucía Esquer Moreno", "presidencia", "Consejera Presidenta",
                         "Presidencia del Consejo General", S, Role.COMMITTEE),
            OfficialSeed("Ernesto Encinas Romo", "secretaria.ejecutiva", "Secretario Ejecutivo",
                         "Secretaría Ejecutiva", S),
            OfficialSeed("Lorena Durazo Aguilar", "comunicacion", "Subdirectora de Comunicación Social",
                         "Subdirección de Comunicación Social", M, Role.COMMS),
            OfficialSeed("Omar Bojórquez Leyva", "informatica", "Subdirector de Informática",
                         "Subdirección de Informática", M, Role.IT),
            OfficialSeed("Claudia Yocupicio Ramos", "educacion.civica",
                         "Directora Ejecutiva de Educación Cívica y Capacitación",
                         "Dirección Ejecutiva de Educación Cívica y Capacitación", S, Role.AREA_HEAD),
            OfficialSeed("Iván Molina Cota", "redes.civica", "Coordinador de Educación Cívica",
                         "Departamento de Educación Cívica", M, Role.ACCOUNT_ADMIN),
            OfficialSeed("Adriana Navarro Félix", "transparencia", "Titular de la Unidad de Transparencia",
                         "Unidad de Transparencia", M, Role.TRANSPARENCY),
            OfficialSeed("Francisco Urías Gámez", "control.interno", "Titular del Órgano Interno de Control",
                         "Órgano Interno de Control", S, Role.AUDITOR),
        ],
        scoped_area={
            Role.AREA_HEAD: "Dirección Ejecutiva de Educación Cívica y Capacitación",
            Role.ACCOUNT_ADMIN: "Dirección Ejecutiva de Educación Cívica y Capacitación",
        },
    ),
    InstitutionSeed(
        slug="ine",
        name="Instituto Nacional Electoral",
        short_name="INE",
        country="MX",
        subdivision="",
        timezone="America/Mexico_City",
        preset="ine",
        domain="ine.mx",
        areas=[
            AreaSeed("Presidencia del Consejo General", None),
            AreaSeed("Coordinación Nacional de Comunicación Social", "Presidencia del Consejo General"),
            AreaSeed("Subdirección de Medios Alternativos de Comunicación Social",
                     "Coordinación Nacional de Comunicación Social"),
            AreaSeed("Secretaría Ejecutiva", "Presidencia del Consejo General"),
            AreaSeed("Unidad Técnica de Servicios de Informática", "Secretaría Ejecutiva"),
            AreaSeed("Unidad Técnica de Transparencia y Protección de Datos Personales", "Secretaría Ejecutiva"),
            AreaSeed("Dirección Ejecutiva de Capacitación Electoral y Educación Cívica", "Secretaría Ejecutiva"),
            AreaSeed("Dirección de Difusión y Campañas Institucionales",
                     "Dirección Ejecutiva de Capacitación Electoral y Educación Cívica"),
            AreaSeed("Órgano Interno de Control", "Presidencia del Consejo General"),
        ],
        officials=[
            OfficialSeed("Rebeca Solís Arriaga", "presidencia", "Consejera Presidenta",
                         "Presidencia del Consejo General", S),
            OfficialSeed("Manuel Zertuche Ibarra", "comunicacion", "Coordinador Nacional de Comunicación Social",
                         "Coordinación Nacional de Comunicación Social", S, Role.COMMS),
            OfficialSeed("Itzel Ramírez Cano", "medios.alternativos",
                         "Subdirectora de Medios Alternativos de Comunicación Social",
                         "Subdirección de Medios Alternativos de Comunicación Social", M),
            OfficialSeed("Sergio Pacheco Lara", "unicom", "Coordinador General de la Unidad Técnica de Servicios de "
                         "Informática", "Unidad Técnica de Servicios de Informática", S, Role.IT),
            OfficialSeed("Alma Delia Reyes Ortega", "deceyec", "Directora Ejecutiva de Capacitación Electoral y "
                         "Educación Cívica", "Dirección Ejecutiva de Capacitación Electoral y Educación Cívica", S,
                         Role.AREA_HEAD),
            OfficialSeed("Tomás Aguirre Delgado", "difusion", "Director de Difusión y Campañas Institucionales",
                         "Dirección de Difusión y Campañas Institucionales", M, Role.ACCOUNT_ADMIN),
            OfficialSeed("Beatriz Gallardo Ruiz", "transparencia", "Directora de la Unidad Técnica de Transparencia",
                         "Unidad Técnica de Transparencia y Protección de Datos Personales", M, Role.TRANSPARENCY),
            OfficialSeed("Roberto Medina Falcón", "secretaria.ejecutiva", "Secretario Ejecutivo",
                         "Secretaría Ejecutiva", S, Role.COMMITTEE),
            OfficialSeed("Elena Vázquez Trejo", "oic", "Titular del Órgano Interno de Control",
                         "Órgano Interno de Control", S, Role.AUDITOR),
        ],
        scoped_area={
            Role.AREA_HEAD: "Dirección Ejecutiva de Capacitación Electoral y Educación Cívica",
            Role.ACCOUNT_ADMIN: "Dirección de Difusión y Campañas Institucionales",
        },
    ),
    InstitutionSeed(
        slug="pasto",
        name="Alcaldía de Pasto",
        short_name="Pasto",
        country="CO",
        subdivision="NAR",
        timezone="America/Bogota",
        preset="pasto",
        domain="pasto.gov.co",
        areas=[
            AreaSeed("Despacho del Alcalde", None),
            AreaSeed("Oficina de Comunicación Social", "Despacho del Alcalde"),
            AreaSeed("Secretaría General", "Despacho del Alcalde"),
            AreaSeed("Subsecretaría de Sistemas de Información", "Secretaría General"),
            AreaSeed("Unidad de Correspondencia", "Secretaría General"),
            AreaSeed("Secretaría de Cultura", "Despacho del Alcalde"),
            AreaSeed("Oficina de Control Interno", "Despacho del Alcalde"),
        ],
        officials=[
            OfficialSeed("Nicolás Benavides Erazo", "despacho", "Alcalde", "Despacho del Alcalde", S),
            OfficialSeed("Valentina Burbano Ortiz", "comunicaciones", "Jefa de la Oficina de Comunicación Social",
                         "Oficina de Comunicación Social", S, Role.COMMS),
            OfficialSeed("Andrés Guerrero Narváez", "sistemas", "Subsecretario de Sistemas de Información",
                         "Subsecretaría de Sistemas de Información", M, Role.IT),
            OfficialSeed("Camila Rosero Muñoz", "cultura", "Secretaria de Cultura", "Secretaría de Cultura", S,
                         Role.AREA_HEAD),
            OfficialSeed("Julián Chamorro Bravo", "redes.cultura", "Profesional Universitario de Cultura",
                         "Secretaría de Cultura", O, Role.ACCOUNT_ADMIN),
            OfficialSeed("Diana Insuasty Paz", "correspondencia", "Coordinadora de la Unidad de Correspondencia",
                         "Unidad de Correspondencia", M, Role.TRANSPARENCY),
            OfficialSeed("Felipe Delgado Cerón", "secretaria.general", "Secretario General", "Secretaría General", S,
                         Role.COMMITTEE),
            OfficialSeed("Sandra Ordóñez Luna", "control.interno", "Jefa de la Oficina de Control Interno",
                         "Oficina de Control Interno", S, Role.AUDITOR),
        ],
        scoped_area={Role.AREA_HEAD: "Secretaría de Cultura", Role.ACCOUNT_ADMIN: "Secretaría de Cultura"},
    ),
    InstitutionSeed(
        slug="guadalajara",
        name="H. Ayuntamiento de Guadalajara",
        short_name="Guadalajara",
        country="MX",
        subdivision="JAL",
        timezone="America/Mexico_City",
        preset="guadalajara",
        domain="guadalajara.gob.mx",
        areas=[
            AreaSeed("Presidencia Municipal", None),
            AreaSeed("Coordinación General de Comunicación Social", "Presidencia Municipal"),
            AreaSeed("Dirección de Comunicación Social", "Coordinación General de Comunicación Social"),
            AreaSeed("Dirección de Transparencia y Buenas Prácticas", "Presidencia Municipal"),
            AreaSeed("Dirección de Innovación Gubernamental", "Presidencia Municipal"),
            AreaSeed("Coordinación General de Desarrollo Económico", "Presidencia Municipal"),
            AreaSeed("Dirección de Promoción Económica", "Coordinación General de Desarrollo Económico"),
            AreaSeed("Contraloría Ciudadana", "Presidencia Municipal"),
        ],
        officials=[
            OfficialSeed("Teresa Padilla Anaya", "presidencia", "Presidenta Municipal",
                         "Presidencia Municipal", S),
            OfficialSeed("Arturo Gómez Partida", "comunicacion", "Director de Comunicación Social",
                         "Dirección de Comunicación Social", M, Role.COMMS),
            OfficialSeed("Paola Jiménez Ureña", "innovacion", "Directora de Innovación Gubernamental",
                         "Dirección de Innovación Gubernamental", M, Role.IT),
            OfficialSeed("Ricardo Lomelí Sánchez", "desarrollo.economico",
                         "Coordinador General de Desarrollo Económico",
                         "Coordinación General de Desarrollo Económico", S, Role.AREA_HEAD),
            OfficialSeed("Fernanda Orozco Villaseñor", "promocion.economica", "Jefa de Promoción Económica",
                         "Dirección de Promoción Económica", O, Role.ACCOUNT_ADMIN),
            OfficialSeed("Gabriel Ruvalcaba Torres", "transparencia",
                         "Director de Transparencia y Buenas Prácticas",
                         "Dirección de Transparencia y Buenas Prácticas", M, Role.TRANSPARENCY),
            OfficialSeed("Mónica Cervantes Aceves", "coordinacion.comunicacion",
                         "Coordinadora General de Comunicación Social",
                         "Coordinación General de Comunicación Social", S, Role.COMMITTEE),
            OfficialSeed("Alejandro Haro Macías", "contraloria", "Contralor Ciudadano", "Contraloría Ciudadana", S,
                         Role.AUDITOR),
        ],
        scoped_area={
            Role.AREA_HEAD: "Coordinación General de Desarrollo Económico",
            Role.ACCOUNT_ADMIN: "Dirección de Promoción Económica",
        },
    ),
]

# A user with roles in two institutions, to show the institution switcher.
MULTI_USERNAME = "enlace.multi"
MULTI_ROLES = [("rosarito", Role.COMMS), ("guadalajara", Role.TRANSPARENCY)]
SUPERUSER_USERNAME = "admin"


@dataclass
class Login:
    username: str
    role: str
    institution: str
    password: str


class Command(BaseCommand):
    help = "Carga las cinco instituciones de demostración con áreas, servidores públicos y un usuario por rol (idempotente)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.demo = bool(getattr(settings, "DEMO", False))
        # One hash for every new demo user: hashing 40 times with PBKDF2 would take tens of seconds.
        self.demo_hash = make_password(DEMO_PASSWORD) if self.demo else None
        self.logins: list[Login] = []
        self.created = 0
        self._checked: dict[str, bool] = {}
        with transaction.atomic():
            for seed in SEEDS:
                self._load_institution(seed)
            self._load_multi_user()
            self._load_superuser()
            self.created += registry_demo_load()  # the registry's demo accounts
            for spec in all_specs():  # each procedure's own demo (pending openings, an incident, a closed account)
                if spec.demo is not None:
                    self.created += spec.demo()
            self.created += publications_demo_load()  # published posts and their audit
        self._report()

    # ---------------------------------------------------------------- loading

    def _user(self, username: str, *, first_name: str = "", last_name: str = "", email: str = "",
              is_superuser: bool = False) -> tuple[Any, str]:
        """The user called `username`, created when missing; returns it with the password text to print."""
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=first_name, last_name=last_name, email=email,
                        is_superuser=is_superuser, is_staff=is_superuser)
            if self.demo:
                user.password = self.demo_hash
            else:
                user.set_unusable_password()
            user.save()
            self.created += 1
        elif self.demo and not user.has_usable_password():
            # Loaded earlier without PREGON_DEMO; now the demo password is wanted.
            user.password = self.demo_hash
            user.save(update_fields=["password"])
        if user.has_usable_password():
            password = DEMO_PASSWORD if self.demo and self._is_demo_password(user.password) else "(la suya)"
        else:
            password = f"(sin contraseña: manage.py changepassword {username})"
        return user, password

    def _is_demo_password(self, encoded: str) -> bool:
        """Whether a stored hash is the demo password; demo users share a hash, so this hashes once per run."""
        if encoded not in self._checked:
            self._checked[encoded] = check_password(DEMO_PASSWORD, encoded)
        return self._checked[encoded]

    def _load_institution(self, seed: InstitutionSeed) -> None:
        institution = Institution.objects.filter(slug=seed.slug).first()
        if institution is None:
            institution = services.institution_create(
                actor=None, slug=seed.slug, name=seed.name, short_name=seed.short_name, country=seed.country,
                subdivision=seed.subdivision, timezone=seed.timezone, policy_preset=seed.preset,
                reason="Datos de demostración",
            )
            self.created += 1
        areas: dict[str, Area] = {a.name: a for a in Area.objects.filter(institution=institution)}
        for area_seed in seed.areas:  # parents come before their children in SEEDS
            if area_seed.name not in areas:
                parent = areas[area_seed.parent] if area_seed.parent else None
                areas[area_seed.name] = services.area_create(
                    actor=None, institution=institution, name=area_seed.name, parent=parent
                )
                self.created += 1
        for official_seed in seed.officials:
            email = f"{official_seed.email_local}@{seed.domain}"
            user = None
            password = ""
            if official_seed.role is not None:
                first, _sep, last = official_seed.full_name.partition(" ")
                user, password = self._user(f"{seed.slug}.{official_seed.role}", first_name=first, last_name=last,
                                            email=email)
            if not Official.objects.filter(institution=institution, email=email).exists():
                services.official_create(
                    actor=None, institution=institution, area=areas[official_seed.area],
                    full_name=official_seed.full_name, email=email, position_title=official_seed.position_title,
                    rank=official_seed.rank, user=user,
                )
                self.created += 1
            if user is not None:  # an official with a role has a user
                area_name = seed.scoped_area.get(official_seed.role)
                self._grant(user, institution, official_seed.role, areas[area_name] if area_name else None)
                self.logins.append(Login(user.username, Role(official_seed.role).label, seed.short_name, password))

    def _grant(self, user: Any, institution: Institution, role: str, area: Area | None) -> None:
        if not Membership.objects.filter(user=user, institution=institution, role=role).exists():
            services.membership_grant(actor=None, user=user, institution=institution, role=role, area=area,
                                      reason="Datos de demostración")
            self.created += 1

    def _load_multi_user(self) -> None:
        user, password = self._user(MULTI_USERNAME, first_name="Itzel", last_name="Enlace Robles",
                                    email="enlace.multi@example.gob.mx")
        for slug, role in MULTI_ROLES:
            institution = Institution.objects.get(slug=slug)
            self._grant(user, institution, role, None)
            self.logins.append(Login(user.username, Role(role).label, institution.short_name, password))

    def _load_superuser(self) -> None:
        user, password = self._user(SUPERUSER_USERNAME, first_name="Administración", last_name="del sistema",
                                    email="admin@example.gob.mx", is_superuser=True)
        self.logins.append(Login(user.username, "superusuario (/admin/)", "todas", password))

    # ---------------------------------------------------------------- report

    def _report(self) -> None:
        out = self.stdout
        if self.created:
            out.write(self.style.SUCCESS(f"Datos de demostración: {self.created} registros nuevos."))
        else:
            out.write("Datos de demostración: ya estaban cargados; no se cambió nada.")
        if not self.demo:
            out.write(self.style.WARNING(
                "PREGON_DEMO no está activo: no se asignó la contraseña de demostración. Los usuarios nuevos "
                "tienen una contraseña inutilizable; asígnela con `manage.py changepassword USUARIO`."
            ))
        width_user = max(len(login.username) for login in self.logins)
        width_role = max(len(str(login.role)) for login in self.logins)
        width_inst = max(len(login.institution) for login in self.logins)
        out.write("")
        out.write(f"{'usuario'.ljust(width_user)}  {'rol'.ljust(width_role)}  {'institución'.ljust(width_inst)}  contraseña")
        for login in self.logins:
            out.write(f"{login.username.ljust(width_user)}  {str(login.role).ljust(width_role)}  "
                      f"{login.institution.ljust(width_inst)}  {login.password}")
