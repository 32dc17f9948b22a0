"""Demo accounts for the five seed institutions, loaded through the registry services (so each one passes its
policy and leaves its ledger events). Idempotent: an account already registered (same platform and handle, in any
status) is left alone, and administrators are only assigned to accounts that have none.

Called at the end of `manage.py demo_load` (after the institutions, areas and officials exist). Pasto's four main
accounts are exactly those its norm lists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction

from pregon.institutions import services as institution_services
from pregon.institutions.choices import Rank
from pregon.institutions.models import Area, Institution, Official

from . import services
from .choices import AccountStatus, AdminRole, Kind, Tier, Verification
from .models import Administrator, Platform, SocialAccount


@dataclass(frozen=True)
class AccountSeed:
    url: str
    display_name: str
    area: str
    email: str
    admins: tuple[tuple[str, str], ...] = ()  # (official e-mail local part, role)
    tier: str = Tier.MAIN
    kind: str = Kind.OFFICIAL
    verification: str = Verification.NOT_REQUESTED
    attention_hours: str = ""
    holiday_notice: str = ""
    opened_on: dt.date | None = None
    close_reason: str = ""
    access_grants: tuple[tuple[str, str], ...] = ()  # (person name, reason)


@dataclass(frozen=True)
class ExtraOfficial:
    area: str
    parent: str
    full_name: str
    email_local: str
    position_title: str
    rank: str


@dataclass
class InstitutionAccounts:
    slug: str
    domain: str
    accounts: list[AccountSeed]
    extra: list[ExtraOfficial] = field(default_factory=list)


P, A = AdminRole.PRIMARY, AdminRole.ALTERNATE
ROSARITO_HOURS = "Lunes a viernes de 8:00 a 15:00 (hora del Pacífico)"
ROSARITO_NOTICE = "En días inhábiles y vacaciones la cuenta se monitorea de 10:00 a 12:00; las solicitudes se atienden el siguiente día hábil."

DEMO: list[InstitutionAccounts] = [
    InstitutionAccounts(
        "pasto", "pasto.gov.co",
        [
            # pasto: the four main accounts, exactly as the norm lists them
            AccountSeed("www.facebook.com/alcaldiapasto", "Alcaldía de Pasto", "Oficina de Comunicación Social",
                        "redes@pasto.gov.co", (("comunicaciones", P),), opened_on=dt.date(2016, 1, 4)),
            AccountSeed("www.twitter.com/alcaldiapasto", "Alcaldía de Pasto", "Oficina de Comunicación Social",
                        "redes@pasto.gov.co", (("comunicaciones", P),), opened_on=dt.date(2016, 1, 4)),
            AccountSeed("www.instagram.com/alcaldiapasto", "Alcaldía de Pasto", "Oficina de Comunicación Social",
                        "redes@pasto.gov.co", (("comunicaciones", P),), opened_on=dt.date(2017, 3, 1)),
            AccountSeed("www.youtube.com/c/MunicipiodePastoalcaldia/", "Municipio de Pasto Alcaldía",
                        "Oficina de Comunicación Social", "redes@pasto.gov.co", (("comunicaciones", P),),
                        opened_on=dt.date(2016, 6, 1)),
            # alternates (pasto:3.10, 3.11): Facebook with a Communications user as administrator
            AccountSeed("https://www.facebook.com/TransitoPasto", "Secretaría de Tránsito y Transporte de Pasto",
                        "Secretaría de Tránsito y Transporte", "transito@pasto.gov.co",
                        (("transito.redes", P), ("comunicaciones", A)), tier=Tier.ALTERNATE),
            AccountSeed("https://x.com/CulturaPasto", "Cultura Pasto", "Secretaría de Cultura", "cultura@pasto.gov.co",
                        (("redes.cultura", P),), tier=Tier.ALTERNATE),
            # an alternate Facebook account still lacking its Communications administrator: flagged (pasto:3.11)
            AccountSeed("https://www.facebook.com/CulturaPasto", "Cultura Pasto", "Secretaría de Cultura",
                        "cultura@pasto.gov.co", (("redes.cultura", P),), tier=Tier.ALTERNATE),
            # a closed alternate account: kept in the registry as closed
            AccountSeed("https://x.com/CarnavalPasto19", "Carnaval de Negros y Blancos 2019", "Secretaría de Cultura",
                        "cultura@pasto.gov.co", (("redes.cultura", P),), tier=Tier.ALTERNATE,
                        close_reason="Cuenta de un evento concluido; desatendida (pasto:3.20)."),
        ],
        [ExtraOfficial("Secretaría de Tránsito y Transporte", "Despacho del Alcalde", "Mauricio Enríquez Paz",
                       "transito.redes", "Profesional de Comunicaciones de Tránsito", Rank.OPERATIVO)],
    ),
    InstitutionAccounts(
        "rosarito", "rosarito.gob.mx",
        [
            AccountSeed("https://www.facebook.com/GobiernoDeRosarito", "Gobierno de Playas de Rosarito",
                        "Dirección de Comunicación Social", "redes@rosarito.gob.mx",
                        (("comunicacion", P), ("redes", A)), attention_hours=ROSARITO_HOURS,
                        holiday_notice=ROSARITO_NOTICE, opened_on=dt.date(2015, 2, 2)),
            AccountSeed("https://x.com/GobRosarito", "Gobierno de Rosarito", "Dirección de Comunicación Social",
                        "redes@rosarito.gob.mx", (("comunicacion", P), ("redes", A)), attention_hours=ROSARITO_HOURS,
                        holiday_notice=ROSARITO_NOTICE),
            AccountSeed("https://www.instagram.com/rosaritoturismo/", "Turismo Rosarito", "Dirección de Turismo",
                        "turismo@rosarito.gob.mx", (("turismo", P), ("promocion.turistica", A)),
                        attention_hours=ROSARITO_HOURS, holiday_notice=ROSARITO_NOTICE,
                        access_grants=(("Agencia Creativa del Pacífico, S.A. de C.V.", "contrato de diseño 2026"),)),
            AccountSeed("https://www.facebook.com/RosaritoTurismoOficial", "Turismo Rosarito (antigua)",
                        "Dirección de Turismo", "turismo@rosarito.gob.mx", (("turismo", P), ("promocion.turistica", A)),
                        close_reason="Duplicaba la cuenta de Instagram; contenidos borrados (rosarito:10.8)."),
        ],
    ),
    InstitutionAccounts(
        "iee-sonora", "ieesonora.org.mx",
        [
            AccountSeed("https://x.com/IEESonora", "IEE Sonora", "Subdirección de Comunicación Social",
                        "comunicacion@ieesonora.org.mx", (("comunicacion", P), ("redes.civica", A)),
                        verification=Verification.VERIFIED, attention_hours="Lunes a viernes de 8:00 a 15:00",
                        holiday_notice="En proceso electoral todos los días son hábiles."),
            AccountSeed("https://www.facebook.com/IEESonoraMx", "Instituto Estatal Electoral de Sonora",
                        "Subdirección de Comunicación Social", "comunicacion@ieesonora.org.mx",
                        (("comunicacion", P), ("redes.civica", A)), verification=Verification.REQUESTED,
                        attention_hours="Lunes a viernes de 8:00 a 15:00"),
            AccountSeed("https://www.youtube.com/@IEESonoraEducacionCivica", "Educación Cívica IEE Sonora",
                        "Dirección Ejecutiva de Educación Cívica y Capacitación", "educacion.civica@ieesonora.org.mx",
                        (("educacion.civica", P), ("redes.civica", A)), attention_hours="Lunes a viernes de 8:00 a 15:00"),
        ],
    ),
    InstitutionAccounts(
        "ine", "ine.mx",
        [
            AccountSeed("https://x.com/INEMexico", "INE México", "Coordinación Nacional de Comunicación Social",
                        "redes.sociales@ine.mx", (("medios.alternativos", P),), verification=Verification.VERIFIED),
            AccountSeed("https://www.facebook.com/INEMexico", "INE México", "Coordinación Nacional de Comunicación Social",
                        "redes.sociales@ine.mx", (("medios.alternativos", P),), verification=Verification.VERIFIED),
            AccountSeed("https://www.youtube.com/@INEMexico", "INE México", "Subdirección de Medios Alternativos de Comunicación Social",
                        "redes.sociales@ine.mx", (("medios.alternativos", P),)),
            AccountSeed("https://www.tiktok.com/@inemexico", "INE México", "Dirección de Difusión y Campañas Institucionales",
                        "difusion@ine.mx", (("difusion", P),)),
        ],
    ),
    InstitutionAccounts(
        "guadalajara", "guadalajara.gob.mx",
        [
            AccountSeed("https://www.facebook.com/GobiernoGDL", "Gobierno de Guadalajara",
                        "Dirección de Comunicación Social", "comunicacion@guadalajara.gob.mx", (("comunicacion", P),)),
            AccountSeed("https://x.com/GuadalajaraGob", "Gobierno de Guadalajara", "Dirección de Comunicación Social",
                        "comunicacion@guadalajara.gob.mx", (("comunicacion", P),)),
            # guadalajara:5ª / 7ª B: a public servant's personal account registered in the directory (never official)
            AccountSeed("https://x.com/RLomeliGDL", "Ricardo Lomelí Sánchez", "Coordinación General de Desarrollo Económico",
                        "", (), kind=Kind.PERSONAL_SERVANT),
        ],
    ),
]


def _official(institution: Institution, domain: str, local: str) -> Official | None:
    return Official.objects.filter(institution=institution, email=f"{local}@{domain}").first()


def _ensure_extra(institution: Institution, domain: str, extra: ExtraOfficial) -> None:
    area = Area.objects.filter(institution=institution, name=extra.area).first()
    if area is None:
        parent = Area.objects.filter(institution=institution, name=extra.parent).first()
        area = institution_services.area_create(actor=None, institution=institution, name=extra.area, parent=parent)
    if _official(institution, domain, extra.email_local) is None:
        institution_services.official_create(
            actor=None, institution=institution, area=area, full_name=extra.full_name,
            email=f"{extra.email_local}@{domain}", position_title=extra.position_title, rank=extra.rank,
        )


def registry_demo_load() -> int:
    """Loads the demo accounts; returns how many rows it created (0 on a second run)."""
    created = 0
    platforms = list(Platform.objects.filter(is_active=True))
    with transaction.atomic():
        for seed in DEMO:
            institution = Institution.objects.filter(slug=seed.slug).first()
            if institution is None:
                continue
            for extra in seed.extra:
                _ensure_extra(institution, seed.domain, extra)
            for item in seed.accounts:
                platform, handle, _url = services.account_identify(item.url, platforms=platforms)
                account = SocialAccount.objects.filter(institution=institution, platform=platform, handle=handle).first()
                if account is None:
                    area = Area.objects.get(institution=institution, name=item.area)
                    account = services.account_register(
                        actor=None, institution=institution, area=area, url=item.url, display_name=item.display_name,
                        tier=item.tier, kind=item.kind, email=item.email, verification=item.verification,
                        attention_hours=item.attention_hours, holiday_notice=item.holiday_notice,
                        opened_on=item.opened_on, reason="Datos de demostración",
                    )
                    created += 1
                if not Administrator.objects.filter(account=account).exists():
                    for local, role in item.admins:
                        official = _official(institution, seed.domain, local)
                        if official is not None:
                            services.administrator_assign(actor=None, account=account, official=official, role=role,
                                                          starts_on=item.opened_on, reason="Datos de demostración")
                            created += 1
                    for person, reason in item.access_grants:
                        services.access_grant_record(actor=None, account=account, person_name=person, reason=reason)
                        created += 1
                if item.close_reason and account.status != AccountStatus.CLOSED:
                    services.account_close(actor=None, account=account, reason=item.close_reason)
    return created
