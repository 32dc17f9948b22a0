"""Spanish names for the policy: sections, fields and values, so people read the policy in words, not codes.

Pure data (no Django): the policy page and `pregon policy` use it. Durations read in the policy's own unit
("4 horas hábiles", "3 días hábiles"); roles, ranks and codes by their Spanish names.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pregon.checker.text import MONTHS

SECTION_LABELS: dict[str, str] = {
    "identity": "Identidad institucional",
    "calendar": "Días y horas hábiles",
    "consultation": "Consulta de pertinencia",
    "opening": "Apertura de cuentas",
    "administrators": "Administradores de las cuentas",
    "platforms": "Redes sociales permitidas",
    "moderation": "Comentarios de la ciudadanía",
    "closure": "Baja de cuentas",
    "evaluation": "Evaluación de las cuentas",
    "live_stream": "Transmisiones en vivo",
    "personal_accounts": "Cuentas personales de servidores públicos",
    "incidents": "Incidentes de seguridad",
    "credentials": "Contraseñas",
    "transitional": "Cuentas anteriores a la norma",
    "attention": "Horarios de atención",
    "checker": "Revisión de publicaciones",
}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "identity": {
        "email_domains": "Dominios de correo institucional",
        "personal_email_forbidden": "Prohibido abrir cuentas con correos personales",
        "platform_email_suffix": "Terminación obligatoria del correo por red social",
        "handle_rules": "Reglas para el nombre de usuario",
        "naming_agreed_with_comms": "Nombre de la cuenta acordado con Comunicación Social",
        "published_contacts": "Contactos institucionales publicados",
    },
    "calendar": {
        "country": "País",
        "subdivision": "Estado o departamento (días festivos locales)",
        "timezone": "Zona horaria",
        "office_start": "Inicio del horario de oficina",
        "office_end": "Fin del horario de oficina",
        "workweek": "Días laborables de la semana",
        "electoral_all_business": "En proceso electoral todos los días y horas son hábiles",
        "usual_non_working_days": "Días inhábiles habituales",
    },
    "consultation": {
        "enabled": "Existe la consulta de pertinencia",
        "answered_by": "Quién responde la consulta",
        "deadline": "Plazo para responder",
        "silence_outcome": "Si no hay respuesta en el plazo, la publicación es",
    },
    "opening": {
        "signed_by": "Quién firma la solicitud",
        "decided_by": "Quién autoriza o rechaza la apertura",
        "technical_opinion_required": "Se requiere opinión técnica",
        "technical_opinion_by": "Quién emite la opinión técnica",
        "proposal_fields": "Contenido obligatorio de la propuesta",
        "graphic_identity_provided": "Se entregan los elementos de imagen gráfica al aprobar",
        "decision_deadline": "Plazo para decidir",
        "technical_opinion_deadline": "Plazo para la opinión técnica",
        "report_fields": "Datos que se informan al abrir la cuenta",
        "report_notify": "A quién se informa la apertura",
        "alternate_requires_authorisation_by": "Quién autoriza las cuentas alternas",
        "other_platforms_decided_with": "Con quién se decide abrir cuentas en otras redes",
        "name_and_link_agreed": "Nombre y enlace de la cuenta nueva acordados con Comunicación Social",
    },
    "administrators": {
        "count": "Número de administradores por cuenta",
        "primary_min_rank": "Nivel mínimo del administrador titular",
        "alternate_min_rank": "Nivel mínimo del administrador suplente",
        "require_distinct": "Titular y suplente son personas distintas",
        "require_active_employment": "El administrador debe tener vínculo laboral vigente",
        "comms_admin_platforms": "Redes en las que Comunicación Social también administra",
        "comms_admin_tiers": "Tipo de cuenta en que Comunicación Social también administra",
        "change_notify": "A quién se notifica un cambio de administradores",
        "change_deadline": "Plazo para notificar el cambio",
        "access_only_admins_and_head": "Sólo los administradores y el titular del área tienen acceso",
        "end_role_when_employment_ends": "El rol termina cuando termina el vínculo laboral",
    },
    "platforms": {
        "allowed_main": "Redes permitidas para cuentas principales",
        "allowed_alternate": "Redes permitidas para cuentas alternas",
        "request_verification": "Se solicita la verificación de las cuentas a la red social",
    },
    "moderation": {
        "blocking_allowed": "Se permite bloquear usuarios",
        "block_notify": "A quién se informa un bloqueo",
        "spam_comments_removed": "Se eliminan los comentarios de spam o publicidad",
        "pqrd_routed_to": "Las PQRD se turnan a",
        "pqrd_workweek": "Días de atención de las PQRD",
        "respond_all_comments": "Se responde a todos los comentarios",
        "response_deadline": "Plazo para responder comentarios",
        "personal_data_in_responses_forbidden": "Las respuestas no divulgan datos personales",
    },
    "closure": {
        "content_action": "Contenidos de una cuenta dada de baja",
        "archive_export_required": "Se exige el archivo de la cuenta antes de la baja",
        "notify": "A quién se informa la baja",
        "abandonment_after": "Inactividad que hace una cuenta abandonada",
        "abandonment_tiers": "Cuentas a las que se aplica la inactividad",
        "unattended_alternate_may_close": "Una cuenta alterna desatendida puede cerrarse",
        "temporary_allowed_for": "Cuentas que admiten un cierre temporal",
        "recertification_months": "Reconfirmación periódica de la cuenta, cada (meses)",
        "recertification_deadline": "Plazo para reconfirmar",
    },
    "evaluation": {
        "frequency_months": "Periodicidad de la evaluación (meses)",
        "stats_request_months": "Meses en que se piden las estadísticas",
        "stats_window": "Plazo para entregar las estadísticas",
        "evaluation_deadline": "Plazo para evaluar",
        "correction_deadline": "Plazo para subsanar observaciones",
        "escalation": "Escalamiento si no se atiende",
        "report_to": "Quién recibe el informe",
        "criteria": "Criterios de evaluación",
        "office_hours_apply": "Las comunicaciones se cuentan en horario de oficina",
    },
    "live_stream": {
        "authorisation_required": "Las transmisiones en vivo requieren autorización previa",
        "main_authorised_by": "Quién autoriza en cuentas principales",
        "alternate_authorised_by": "Quién autoriza en cuentas alternas",
        "lead_time": "Anticipación mínima de la solicitud",
    },
    "personal_accounts": {
        "registration_allowed": "Se pueden registrar cuentas personales en el directorio",
        "decided_by": "Quién resuelve el registro",
        "max_levels_below_head": "Niveles jerárquicos por debajo del titular que pueden registrarse",
        "required_fields": "Datos de la solicitud",
        "eligible_positions": "Cargos que pueden solicitarlo",
        "area_administered_counts_as_official": "Una cuenta personal administrada por un área cuenta como oficial",
    },
    "incidents": {
        "notify": "A quién se notifica un incidente",
        "containment": "Plan de contención",
    },
    "credentials": {
        "rotate_on_access_loss": "Se cambian las contraseñas cuando alguien deja de tener acceso",
        "rotation_deadline": "Plazo para cambiar las contraseñas",
        "periodic_rotation": "Cambio periódico de contraseñas",
    },
    "transitional": {
        "preexisting_regularisation": "Las cuentas anteriores a la norma deben regularizarse",
        "regularisation_deadline": "Plazo para regularizar (al vencer se aplica el resultado automáticamente)",
        "outcome": "Resultado si no se regulariza",
    },
    "attention": {
        "publish_attention_hours": "Se publican los horarios de atención",
        "holiday_notice_required": "Se avisa la atención en vacaciones y días inhábiles",
    },
}

CHECKER_CATEGORY_LABELS: dict[str, str] = {
    "personal_data": "Datos personales",
    "reserved_information": "Información reservada o confidencial",
    "style": "Estilo (mayúsculas, emojis, abreviaturas)",
    "spelling": "Ortografía",
    "clarity": "Lenguaje claro",
    "hashtag": "Etiquetas de campañas (hashtags)",
    "link": "Enlaces",
    "spam": "Mensajes repetidos (spam)",
    "respect": "Respeto",
    "relevance": "Pertinencia institucional",
    "personal": "Opiniones o beneficio personal",
    "electoral": "Propaganda en periodo electoral",
}

CHECKER_RULE_LABELS: dict[str, str] = {
    "reserved_information.deliberation": "Deliberación interna aún no decidida",
    "link.press_note_without_link": "Boletín de prensa sin su enlace oficial",
}

CHECKER_OPTION_LABELS: dict[str, str] = {
    "spelling_dictionary": "Diccionario ortográfico",
    "dictionary_dirs": "Carpetas de diccionarios",
}

SEVERITY_LABELS = {"block": "impide publicar", "warn": "advierte", "suggest": "sugiere"}

ROLE_LABELS = {
    "comms": "Comunicación Social",
    "it": "Informática",
    "area_head": "titular del área",
    "account_admin": "administrador de la cuenta",
    "transparency": "Transparencia",
    "committee": "Comité",
    "auditor": "órgano de control",
}
RANK_LABELS = {"superior": "mando superior", "medio": "mando medio", "operativo": "personal operativo"}
TIER_LABELS = {"main": "principales", "alternate": "alternas"}
PLATFORM_LABELS = {
    "x": "X (Twitter)", "twitter": "X (Twitter)", "facebook": "Facebook", "instagram": "Instagram",
    "youtube": "YouTube", "tiktok": "TikTok", "threads": "Threads", "bluesky": "Bluesky", "linkedin": "LinkedIn",
}
WEEKDAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
COUNTRIES = {"MX": "México", "CO": "Colombia"}
SUBDIVISIONS = {"BCN": "Baja California", "SON": "Sonora", "JAL": "Jalisco", "NAR": "Nariño"}
TIMEZONES = {
    "America/Tijuana": "hora de Tijuana", "America/Hermosillo": "hora de Hermosillo",
    "America/Mexico_City": "hora de la Ciudad de México", "America/Bogota": "hora de Bogotá",
}
DICTIONARIES = {"es_MX": "español de México", "es_CO": "español de Colombia", "es_ES": "español de España"}

# Values of specific fields (section.field → code → words).
VALUE_LABELS: dict[str, dict[str, str]] = {
    "consultation.silence_outcome": {"rejected": "no procedente", "approved": "procedente"},
    "closure.content_action": {"delete": "se borran", "preserve": "se conservan (no se permite borrarlos)"},
    "transitional.outcome": {
        "reclassify_personal": "se considera cuenta personal de quien la administra",
        "close": "se da de baja",
    },
    "opening.proposal_fields": {
        "objectives": "objetivos", "scope": "alcances", "coverage_or_benefits": "cobertura social o beneficios",
        "justification": "justificación",
    },
    "opening.report_fields": {
        "name": "nombre", "url": "dirección electrónica", "purpose": "propósitos", "operation": "operación",
        "administrators": "administradores",
    },
    "personal_accounts.required_fields": {
        "name": "nombre del servidor público", "network": "red social", "username": "usuario",
    },
    "evaluation.criteria": {
        "performance": "desempeño de la cuenta", "frequency": "frecuencia de las publicaciones",
        "original_content": "contenidos originales", "new_followers": "seguidores nuevos",
    },
}
CONTAINMENT_LABELS = {
    "recover_access": "recuperar el acceso",
    "rotate_credentials": "cambiar las contraseñas",
    "revoke_sessions": "cerrar las sesiones abiertas",
    "warn_public": "avisar al público",
    "report": "informar lo ocurrido",
}

UNIT_WORDS = {
    "business_days": ("día hábil", "días hábiles"),
    "calendar_days": ("día natural", "días naturales"),
    "business_hours": ("hora hábil", "horas hábiles"),
    "hours": ("hora", "horas"),
}

CHOICE_TEXT = "decisión de la institución"
NO_RULE_TEXT = "sin regla: la norma no lo regula"
NOT_APPLICABLE_TEXT = "no aplica"


def duration_text(amount: int, unit: str) -> str:
    """ "3 días hábiles", "1 día hábil", "4 horas hábiles", "24 horas"."""
    one, many = UNIT_WORDS.get(unit, (unit, unit))
    return f"{amount} {one if amount == 1 else many}"


def section_label(section: str) -> str:
    return SECTION_LABELS.get(section, section)


def field_label(section: str, field: str) -> str:
    return FIELD_LABELS.get(section, {}).get(field, field)


def clause_text(ref: str) -> str:
    return CHOICE_TEXT if ref == "pregon:choice" else ref


def _items(values: Any, words: dict[str, str]) -> str:
    return ", ".join(words.get(str(v), str(v)) for v in values)


def value_text(section: str, field: str, value: Any) -> str:
    """A field's value in words."""
    key = f"{section}.{field}"
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "sí" if value else "no"
    if hasattr(value, "amount") and hasattr(value, "unit"):
        return duration_text(value.amount, value.unit)
    if isinstance(value, dt.time):
        return f"{value.hour}:{value.minute:02d}"
    if key in VALUE_LABELS:
        words = VALUE_LABELS[key]
        if isinstance(value, tuple):
            return _items(value, words) or "—"
        return words.get(str(value), str(value))
    if field in ("workweek", "pqrd_workweek"):
        return ", ".join(WEEKDAYS[d] for d in sorted(value)) if value else "—"
    if field == "stats_request_months":
        return ", ".join(MONTHS[m - 1] for m in value) if value else "—"
    if field == "country":
        return COUNTRIES.get(value, value)
    if field == "subdivision":
        return f"{SUBDIVISIONS[value]} ({value})" if value in SUBDIVISIONS else value
    if field == "timezone":
        return f"{TIMEZONES[value]} ({value})" if value in TIMEZONES else value
    if field in ("primary_min_rank", "alternate_min_rank"):
        return RANK_LABELS.get(value, value)
    if field in ("comms_admin_tiers", "abandonment_tiers", "temporary_allowed_for"):
        return f"cuentas {_items(value, TIER_LABELS)}" if value else "—"
    if field in ("allowed_main", "allowed_alternate", "comms_admin_platforms"):
        return _items(value, PLATFORM_LABELS) if value else "cualquier red registrada" if "allowed" in field else "—"
    if field == "handle_rules":
        return "; ".join(_handle_rule_text(r) for r in value) if value else "—"
    if field == "platform_email_suffix":
        return "; ".join(f"en {PLATFORM_LABELS.get(k, k)}, termina en «{v}»" for k, v in value.items()) or "—"
    if field == "usual_non_working_days":
        return "; ".join(f"{d.day} de {MONTHS[d.month - 1]} ({d.reason})" for d in value) or "—"
    if field == "containment":
        return "; ".join(f"{CONTAINMENT_LABELS.get(s.key, s.key)}: {duration_text(s.deadline.amount, s.deadline.unit)}"
                         for s in value) or "—"
    if field == "escalation":
        return " → ".join(ROLE_LABELS.get(r, r) for r in value) if value else "—"
    if isinstance(value, tuple):
        return _items(value, ROLE_LABELS) if value else "—"
    if isinstance(value, str) and value in ROLE_LABELS and field.endswith(("_by", "_to", "_with")):
        return ROLE_LABELS[value]
    if value == "":
        return "—"
    return str(value)


def _handle_rule_text(rule: Any) -> str:
    platform = PLATFORM_LABELS.get(rule.platform, rule.platform)
    parts = []
    if rule.must_end_with:
        parts.append(f"termina en «{rule.must_end_with}»")
    if rule.must_contain:
        parts.append(f"contiene «{rule.must_contain}»")
    return f"en {platform}, el usuario {' y '.join(parts)}"


def option_text(option: str, value: Any) -> str:
    if option == "spelling_dictionary":
        return f"{DICTIONARIES.get(value, value)} ({value})"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


_DOTTED = re.compile(r"\b([a-z_]+)\.([a-z_]+)\b")
_BARE = re.compile(r"\b([a-z]+(?:_[a-z]+)+)\b")


def humanize(message: str) -> str:
    """A policy core message with its field codes in words: "calendar.office_end" → «Días y horas hábiles: Fin
    del horario de oficina»; a bare code of a known field ("office_start") → «Inicio del horario de oficina»."""

    def dotted(m: re.Match[str]) -> str:
        section, field = m.group(1), m.group(2)
        if section in FIELD_LABELS and field in FIELD_LABELS[section]:
            return f"«{SECTION_LABELS[section]}: {FIELD_LABELS[section][field]}»"
        return m.group(0)

    def bare(m: re.Match[str]) -> str:
        for fields in FIELD_LABELS.values():
            if m.group(1) in fields:
                return f"«{fields[m.group(1)]}»"
        return m.group(0)

    message = re.sub(r"^preset [\w-]+(?: con modificaciones)?: ", "", message).replace("(raíz): ", "")
    message = re.sub(r"\b([a-z_]+):(?=\s)", lambda m: f"{SECTION_LABELS.get(m.group(1), m.group(1))}:", message)
    return _BARE.sub(bare, _DOTTED.sub(dotted, message))
