"""Generate the labelled corpus of the personal_data rules.

    .venv/bin/python tests/checker_data/make_personal_data_set.py

writes two JSONL files next to this script, one record per line:
  {"id", "family", "institution", "text", "personal_data": bool, "types": [rule names]}
- personal_data_dev.jsonl:     template family "A" (used while developing the detector);
- personal_data_heldout.jsonl: template family "B", phrased independently and used only to report figures;
- personal_data_blind.jsonl:   template family "C", written after tuning on A and B, harder negatives.

Personal values are valid by construction (check digits computed, phones validated with phonenumbers); the
negatives are full of the numbers institutional posts carry (amounts, folios, dates, contracts, postal codes,
emergency and toll-free lines, the institution's own lines, e-mails and office addresses). Deterministic (seeded).
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

import pd_values as V  # noqa: E402

PD_TYPES = ("curp", "rfc", "clave_elector", "nss", "clabe", "card", "phone", "email", "address", "cedula")
MX_ONLY = {"curp", "rfc", "clave_elector", "nss", "clabe"}
CO_ONLY = {"cedula"}

# ------------------------------------------------------------------------------------------------------------------
# Family A
# ------------------------------------------------------------------------------------------------------------------
A_NEG_MX = [
    "📢 El {inst} informa que la convocatoria para el programa de becas cierra el {date}. Consulta requisitos en {url}.",
    "Se autorizó una inversión de {amount} para la pavimentación de 12 calles de la colonia {colonia}, según el {contract}.",
    "Recuerda que puedes pagar tu predial con {amount2} de descuento hasta el {date}. Informes en {inst_phone} o {inst_email}.",
    "En caso de emergencia marca al {emergency}. Para denuncia anónima, {emergency2}.",
    "La Tesorería Municipal atiende en Palacio Municipal, ubicado en {inst_address_mx}, de {time}.",
    "Con fundamento en el {article} del Reglamento, se publica el {folio}.",
    "Se entregaron apoyos a {misc} de {colonia}; la meta es llegar al {misc2} este año. {hashtag}",
    "Aviso de obra: cierre parcial en {street_only} del {date}; se recomienda tomar vías alternas. {hashtag}",
    "Resultados de la sesión de Cabildo: se aprobó el {folio} y el {contract} por {amount}.",
    "Módulo de atención ciudadana en {inst_address_mx}. Horario: {time}. Tel. {inst_phone}.",
    "Para dudas sobre tu trámite escribe a {inst_email} indicando tu {folio}.",
    "El Consejo General aprobó el {article}; la jornada electoral será el {date} con {misc} registrados.",
    "Dirección de Obras Públicas: conmutador {office_phone} ext. {ext}. Atención de lunes a viernes.",
    "Proveedor adjudicado: Constructora del Noroeste S.A. de C.V., RFC {company_rfc}, por {amount}.",
    "Campaña de vacunación antirrábica: {misc}. Acude al centro de salud más cercano. Línea gratuita {tollfree}.",
    "Licitación {contract}: la junta de aclaraciones será el {date} a las {clock}. Bases en {url}.",
    "La Secretaría de Seguridad reporta una reducción del {misc} en robos. Denuncia al {emergency}.",
    "El DIF municipal, con domicilio en {inst_address_mx}, invita a la feria de la salud el {date}.",
    "Oficina de Catastro: {inst_address_mx}. Consulta tu {folio} en línea.",
    "Recibimos {misc} en el buzón ciudadano durante {year}; el {misc2} ya fue atendido.",
]
A_NEG_CO = [
    "La {inst} informa que las inscripciones al programa Jóvenes en Acción van hasta el {date}. Más en {url}.",
    "Con una inversión de {amount_co} avanzan las obras de la Carrera {n1} entre calles {n2} y {n3}. {hashtag}",
    "Si eres víctima de violencia llama a la {emergency_co} o a la Policía {emergency_co2}.",
    "La Secretaría de Hacienda recuerda que el impuesto predial tiene descuento del {misc} hasta el {date}. Informes: {inst_phone}.",
    "Atención al ciudadano en el Centro Administrativo Municipal CAM Anganoy, {inst_address_co}. Horario {time}.",
    "Mediante {article} se adoptó el plan de desarrollo; el proceso {contract} fue adjudicado por {amount_co}.",
    "Se beneficiaron {misc} del corregimiento de Catambuco con mercados y kits escolares. {hashtag}",
    "Escríbenos a {inst_email} o radica tu PQRSD con el {folio}.",
    "Cierre vial en la Calle {n1} por obras de acueducto desde el {date}. Toma desvíos por la Carrera {n2}.",
    "La Personería Municipal atiende en su sede de la {inst_address_co}, teléfono {office_phone} ext. {ext}.",
    "Más de {misc} participaron en la jornada de vacunación. Línea gratuita {emergency_co}.",
    "Avanza el {contract}: {misc2} de ejecución en la vía que conecta a Genoy.",
]
A_POS: dict[str, list[str]] = {
    "curp": ["Felicitamos a {name}, ganador del concurso, CURP {curp}, quien recibirá su premio el {date}.",
             "Lista de beneficiarios: {name}, CURP: {curp}.",
             "Se solicita a {name} ({curp}) acudir por su apoyo a Palacio Municipal."],
    "rfc": ["El pago de {amount} se realizó a {name}, RFC {rfc}, por servicios profesionales.",
            "Proveedor persona física: {name}, R.F.C. {rfc}."],
    "clave_elector": ["Se extravió la credencial de elector de {name}, clave de elector {elector}; si la encuentras entrégala en el módulo.",
                      "Ciudadano registrado como observador: {name}, clave {elector}."],
    "nss": ["Trabajador {name}, NSS {nss}, debe presentarse en Recursos Humanos el {date}.",
            "El número de seguridad social de {name} es {nss}; su alta en el IMSS quedó registrada."],
    "clabe": ["Apoya a la familia de {name}: depósitos a la CLABE {clabe}.",
              "{name} recibirá su beca por transferencia a la cuenta CLABE {clabe}."],
    "card": ["Se encontró una tarjeta a nombre de {name} con número {card}; puede recogerla en Seguridad Pública.",
             "Donativos para {name} a la tarjeta {card}."],
    "phone": ["Informes con {name} al cel. {phone}.",
              "Si tienes información sobre {name}, comunícate con su familia al {phone}.",
              "WhatsApp de la promotora {name}: {phone}.",
              "Para apartar tu lugar llama a {name} al {phone} 📞",
              "Contacto del comité vecinal: {name}, tel. {phone}."],
    "email": ["Envía tus documentos a {name} al correo {email}.",
              "Dudas con el enlace {name}: {email}",
              "Los interesados pueden escribir a {email} antes del {date}."],
    "address": ["Se busca a {name}, con domicilio en {address}. Cualquier información al {emergency}.",
                "La entrega de la despensa será en casa de {name}, {address}.",
                "Reportan fuga de agua frente al domicilio de {name}, {address}.",
                "{name} vive en {address} y necesita apoyo con una silla de ruedas."],
    "cedula": ["Se notifica a {name}, identificado con C.C. {cedula}, que debe presentarse en la Inspección de Tránsito.",
               "Ganadora del sorteo: {name}, cédula {cedula}.",
               "Se cita a {name} con cédula de ciudadanía No. {cedula} para notificación personal."],
}
A_POS_CO_ADDRESS = ["Se busca a {name}, residente en la {address}. Cualquier información a la línea {emergency_co}.",
                    "La entrega del subsidio será en la vivienda de {name}, {address}.",
                    "{name} reside en la {address} y requiere visita de la Secretaría de Salud."]

# ------------------------------------------------------------------------------------------------------------------
# Family B (held-out): independently phrased, different composition (lists, emojis, line breaks).
# ------------------------------------------------------------------------------------------------------------------
B_NEG_MX = [
    "🗓️ Agenda de la semana\n• {date}: sesión ordinaria de Cabildo\n• {date2}: entrega de {misc}\nMás info: {url}",
    "¿Sabías que el {misc} de los hogares ya cuenta con agua potable? Seguimos trabajando. {hashtag}",
    "La obra de drenaje en {street_only} tiene un avance del {misc}. Monto contratado: {amount} ({contract}).",
    "Trámite de licencia de funcionamiento: costo {amount}, tiempo de respuesta {n1} días hábiles, fundamento {article}.",
    "¡Atención! No proporciones tus datos a personas que se hagan pasar por funcionarios. Reporta extorsiones al {emergency}.",
    "Te esperamos en nuestras oficinas de {inst_address_mx}, o llámanos al {inst_phone}. 📍",
    "El Registro Civil tendrá horario extendido de {time}. Consulta el estado de tu trámite con tu {folio}.",
    "Con el {folio} se dio respuesta a la solicitud de información; puedes consultarla en la Plataforma Nacional de Transparencia.",
    "Boletín {n1}/{year}: el Instituto recibió {misc} durante el periodo de registro de candidaturas.",
    "Estas vacaciones maneja con precaución 🚗 Carretera Tijuana-Ensenada km {n1}: trabajos de bacheo. Emergencias {emergency}.",
    "Comprobante fiscal del municipio: RFC {company_rfc}. Solicita tu factura a {inst_email}.",
    "Jornada de esterilización gratuita en la Unidad Deportiva, {inst_address_mx}, {date} de {time}.",
    "Cifra preliminar: {misc} y una participación del {misc2}. Corte de las {clock}.",
    "Centro de atención telefónica: {office_phone}, extensiones {ext} y {ext2}. También en {tollfree}.",
    "El pago de multas se hace en ventanilla o en línea en {url}; tu {folio} aparece en el recibo.",
    "Programa Bienestar: el padrón del {year} suma {misc}. La entrega será del {date} según la letra del apellido.",
]
B_NEG_CO = [
    "📌 Alcaldía al Barrio llega este sábado {date} al polideportivo de la {inst_address_co}. ¡Te esperamos!",
    "Recaudo {year}: {amount_co} por impuesto predial, un {misc} más que el año anterior.",
    "Cualquier emergencia repórtala a la línea {emergency_co}. Para orientación en salud mental, {emergency_co2}.",
    "Convocatoria de estímulos culturales: premios de {amount_co}. Radicado de inscripción {folio}. Cierre {date}.",
    "Gracias a {misc} que participaron en la Minga por el río Pasto. {hashtag}",
    "Contratación directa {contract} publicada en SECOP II; valor {amount_co}.",
    "Nuestra Oficina de Víctimas funciona en la {inst_address_co}. Atención {time}. Tel. {inst_phone}.",
    "Se adelanta mantenimiento en la Avenida Panamericana con Calle {n1}; cierre entre las {clock} y las 6:00 pm.",
    "Resolución {n1} de {year}: se adoptan tarifas de parqueo. Consulta en {url}.",
    "Escríbenos a {inst_email}; respondemos en máximo {n1} días hábiles según el {article}.",
]
B_POS: dict[str, list[str]] = {
    "curp": ["✅ Registro confirmado\nNombre: {name}\nCURP {curp}\nSede: Auditorio municipal",
             "Reconocimiento al mérito deportivo para {name} ({curp}). ¡Felicidades!"],
    "rfc": ["Honorarios asimilados: {name} — RFC {rfc} — importe {amount}.",
            "Factura emitida por {name}, con RFC {rfc}, para el evento del {date}."],
    "clave_elector": ["Encontramos una credencial para votar: {name}, {elector}. Recógela en la comandancia.",
                      "Observadora electoral acreditada: {name} / {elector}"],
    "nss": ["Aviso al personal: {name} (NSS {nss}) causa baja a partir del {date}.",
            "Afiliación al IMSS de {name}, número de afiliación {nss}."],
    "clabe": ["Colecta para los gastos médicos de {name}. Cuenta CLABE: {clabe} 🙏",
              "Reintegro del apoyo a {name}, CLABE interbancaria {clabe}, por {amount}."],
    "card": ["Depósitos para {name} en la tarjeta {card} 🙏",
             "¿Es tuya? Tarjeta bancaria {card} encontrada en la plaza. Pasa a identificarte."],
    "phone": ["👉 Inscripciones con la maestra {name}: {phone}",
              "Rifa a beneficio de {name}. Boletos al {phone} (solo WhatsApp).",
              "Si ves a {name}, avisa a sus familiares: {phone}.",
              "Coordinador de la brigada: {name} · Cel {phone}",
              "Llamar al {phone} y preguntar por {name}."],
    "email": ["Manda tu propuesta a {email} con atención a {name}.",
              "Contacto del jurado: {name} <{email}>",
              "¿Dudas? {name} responde en {email} 📧"],
    "address": ["🚨 Desaparecido: {name}. Fue visto por última vez cerca de su casa en {address}.",
                "Clausura de construcción irregular propiedad de {name}, ubicada en {address}.",
                "El menor {name}, vecino de {address}, ganó el concurso de dibujo."],
    "cedula": ["Beneficiario del subsidio de vivienda: {name}, C.C. {cedula}.",
               "Se publica el edicto para {name}, CC {cedula}, por desconocerse su paradero.",
               "Ganador de la rifa: {name}, documento de identidad {cedula}."],
}
B_POS_CO_ADDRESS = ["🚨 Desaparecida: {name}. Vista por última vez en su vivienda de la {address}.",
                    "Sellamiento del establecimiento de {name}, ubicado en su casa de la {address}.",
                    "El joven {name}, residente en la {address}, recibió la beca."]


# ------------------------------------------------------------------------------------------------------------------
# Family C (blind): written after the detector was tuned on A and B, run once to report unbiased figures.
# Harder negatives: office WhatsApp lines, institution CLABEs, numbers without "$", plates, ISBN, 7-digit counts.
# ------------------------------------------------------------------------------------------------------------------
C_NEG_MX = [
    "Paga tu refrendo vehicular: referencia bancaria en tu formato; monto {amount}. Placas {folio}.",
    "Hoy se realizó la sesión extraordinaria número {n1}; asistieron {misc} y se votaron {n2} dictámenes.",
    "Aportaciones voluntarias a la cuenta del DIF Municipal, CLABE a nombre del Sistema DIF: {inst_clabe}.",
    "WhatsApp oficial de Atención Ciudadana: {office_phone}. No compartas tus datos por otros medios.",
    "Padrón actualizado al {date}: {big_count} registros; {misc}.",
    "El ISBN del informe es 978-607-{n1}{n1}-{n2}{n2}{n2}-3; descárgalo en {url}.",
    "Nuevo horario del Registro Civil, Calle Juárez esquina Obregón, Col. Centro: {time}.",
    "Recolección de basura: ruta {n1} los lunes y jueves en las colonias Reforma, Centro y Lomas; reporta fallas al {inst_phone}.",
    "Se recibieron {big_count} pesos en donativos y {misc} en especie.",
    "Reunión vecinal el {date} a las {clock} en el salón de usos múltiples de la colonia {colonia}.",
]
C_NEG_CO = [
    "La Secretaría de Tránsito informa el pico y placa para vehículos terminados en {n1} y {n2} el {date}.",
    "Pagos por PSE o en la cuenta de ahorros de la Alcaldía; referencia de pago {folio}. Valor {amount_co}.",
    "WhatsApp institucional de la Secretaría de Salud: {office_phone}. Atención de {time}.",
    "Se vacunaron {big_count} personas; la meta departamental es del {misc}.",
    "La Casa de Justicia, ubicada en la {inst_address_co}, atiende conciliaciones gratuitas.",
    "Cámara de Comercio: matrícula mercantil {folio}; NIT 900.{n1}{n1}{n1}.456-7.",
]
C_POS: dict[str, list[str]] = {
    "curp": ["Entrega de útiles: {name}, con CURP {curp}, recoger en dirección escolar.",
             "Error en el padrón corregido — {curp} pertenece a {name}."],
    "rfc": ["Contrato por honorarios firmado con {name} (RFC {rfc}) por {amount}."],
    "clave_elector": ["Foto de la credencial de {name} — clave {elector} — encontrada en el parque."],
    "nss": ["El IMSS confirmó la incapacidad de {name}, afiliada con NSS {nss}."],
    "clabe": ["Para ayudar a {name} con su tratamiento, depositen a la CLABE {clabe}."],
    "card": ["{name} nos pidió difundir su tarjeta para donativos: {card}."],
    "phone": ["Familiares de {name} piden comunicarse al {phone} con cualquier dato.",
              "Vendedor ambulante autorizado: {name}, pedidos al {phone}.",
              "Si reconoces a {name} marca al {phone} (es el número de su hermana).",
              "Responsable del grupo scout: {name}, móvil {phone}."],
    "email": ["La ganadora {name} puede ser contactada por los medios en {email}.",
              "Curriculum de aspirantes a {email} (atención: {name})."],
    "address": ["Incendio en la vivienda de la familia de {name}, en {address}; no hubo lesionados.",
                "Notificación a {name}, propietaria del predio ubicado en {address}."],
    "cedula": ["Resultado del sorteo de vivienda: {name}, identificada con cédula {cedula}.",
               "Comparendo impuesto a {name}, C.C. {cedula}, por mal parqueo."],
}
C_POS_CO_ADDRESS = ["Incendio en la vivienda de la familia de {name}, en la {address}; no hubo lesionados.",
                    "Notificación a {name}, propietaria del predio ubicado en la {address}."]


def _street_only(rng: random.Random) -> str:
    return rng.choice(["calle Hidalgo entre Juárez y Morelos", "Blvd. Benito Juárez", "avenida Reforma, tramo de 2 km",
                       "calle 5 de Mayo y calle 16 de Septiembre", "Callejón Aldama", "Av. Popotla a la altura del km 34"])


def _fill(template: str, rng: random.Random, inst: dict, co: bool) -> tuple[str, list[str]]:
    found: list[str] = []

    def value(name: str) -> str:
        base = re.sub(r"\d$", "", name)
        gens: dict[str, Callable[[], str]] = {
            "inst": lambda: inst["name"],
            "date": lambda: V.date_time(rng),
            "time": lambda: f"{rng.randint(7, 9)}:00 a {rng.randint(14, 17)}:00 horas",
            "clock": lambda: f"{rng.randint(8, 20)}:{rng.choice(['00', '15', '30'])}",
            "url": lambda: V.url(rng, inst),
            "amount": lambda: V.amount_co(rng) if co else V.amount_mx(rng),
            "amount_co": lambda: V.amount_co(rng),
            "contract": lambda: V.contract(rng),
            "folio": lambda: V.folio(rng),
            "article": lambda: V.article(rng),
            "misc": lambda: V.misc_number(rng),
            "hashtag": lambda: rng.choice(["#TransparenciaMunicipal", "#Rosarito2026", "#PastoAvanza", "#Elecciones2027",
                                           "#Sonora", f"#Obra{rng.randint(1, 99)}"]),
            "emergency": lambda: V.emergency(rng, co),
            "emergency_co": lambda: V.emergency(rng, True),
            "tollfree": lambda: rng.choice(["01 800 123 4567", "800 001 2345", "800-737-2233", "01 800 832 2283"]),
            "inst_phone": lambda: V.inst_phone(rng, inst),
            "inst_email": lambda: V.email_institutional(rng, inst),
            "inst_address_mx": lambda: V.address_mx(rng),
            "inst_address_co": lambda: V.address_co(rng).split(",")[0],
            "office_phone": lambda: V.phone_co(rng, mobile=False) if co else V.phone_mx(rng, inst["areas"]),
            "ext": lambda: str(rng.randint(100, 2999)),
            "inst_clabe": lambda: V.clabe(rng),
            "big_count": lambda: str(rng.randint(1_000_000, 9_999_999)) if rng.random() < 0.5 else f"{rng.randint(1_000_000, 99_999_999):,}",
            "company_rfc": lambda: V.rfc_company(rng),
            "name": lambda: (V.FAKE_CO if co else V.FAKE_MX).name(),
            "colonia": lambda: rng.choice(["Centro", "Reforma", "Lucio Blanco", "Ampliación Guadalupe", "El Morro"]),
            "street_only": lambda: _street_only(rng),
            "year": lambda: str(rng.randint(2019, 2026)),
            "n": lambda: str(rng.randint(1, 30)),
            # personal values
            "curp": lambda: V.curp(rng),
            "rfc": lambda: V.rfc_person(rng),
            "elector": lambda: V.clave_elector(rng),
            "nss": lambda: V.nss(rng),
            "clabe": lambda: V.clabe(rng),
            "card": lambda: V.card(rng),
            "phone": lambda: V.phone_co(rng) if co else V.phone_mx(rng, inst["areas"] if rng.random() < 0.5 else None),
            "email": lambda: V.email_personal(rng, co),
            "address": lambda: V.address_co(rng) if co else V.address_mx(rng),
            "cedula": lambda: V.cedula(rng),
        }
        pd_map = {"elector": "clave_elector"}
        if base in ("curp", "rfc", "elector", "nss", "clabe", "card", "phone", "email", "address", "cedula"):
            found.append(pd_map.get(base, base))
        if base == "emergency_co":
            return gens["emergency_co"]()
        return gens[base]()

    text = re.sub(r"\{(\w+)\}", lambda m: value(m.group(1)), template)
    return text, found


def _compose(rng: random.Random, family: str, inst_key: str, positive: bool) -> tuple[str, list[str]]:
    inst = V.INSTITUTIONS[inst_key]
    co = inst["country"] == "CO"
    if family == "A":
        negs = A_NEG_CO if co else A_NEG_MX
        pos, pos_addr_co = A_POS, A_POS_CO_ADDRESS
    elif family == "B":
        negs = B_NEG_CO if co else B_NEG_MX
        pos, pos_addr_co = B_POS, B_POS_CO_ADDRESS
    else:
        negs = (C_NEG_CO + B_NEG_CO[:3]) if co else (C_NEG_MX + B_NEG_MX[:3])
        pos, pos_addr_co = C_POS, C_POS_CO_ADDRESS
    parts: list[str] = []
    types: list[str] = []
    for _ in range(rng.choice([1, 1, 2, 2, 3])):
        t, f = _fill(rng.choice(negs), rng, inst, co)
        parts.append(t)
    if positive:
        allowed = [t for t in PD_TYPES if not (co and t in MX_ONLY) and not (not co and t in CO_ONLY)]
        weights = [4 if t in ("phone", "email", "address") else 1.5 for t in allowed]
        for _ in range(1 if rng.random() < 0.85 else 2):
            kind = rng.choices(allowed, weights)[0]
            tpl_list = pos_addr_co if (co and kind == "address") else pos[kind]
            t, f = _fill(rng.choice(tpl_list), rng, inst, co)
            types.extend(f)
            parts.insert(rng.randint(0, len(parts)), t)
    joiner = " " if family == "A" else rng.choice(["\n", "\n\n", " "])
    return joiner.join(parts), sorted(set(types))


def build(family: str, n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    V.FAKE_MX.seed_instance(seed)
    V.FAKE_CO.seed_instance(seed + 1)
    rows = []
    for i in range(n):
        inst_key = rng.choice(list(V.INSTITUTIONS))
        positive = rng.random() < 0.45
        text, types = _compose(rng, family, inst_key, positive)
        rows.append({"id": f"{family}{i:05d}", "family": family, "institution": inst_key, "text": text,
                     "personal_data": bool(types), "types": types})
    return rows


def context_for(institution: str):  # -> CheckContext (imported lazily so the generator runs without the checker)
    from pregon.checker.types import CheckContext

    inst = V.INSTITUTIONS[institution]
    return CheckContext(own_domains=tuple(inst["own_domains"]), published_contacts=tuple(inst["published_contacts"]))


def main() -> None:
    for family, name, n, seed in (("A", "personal_data_dev.jsonl", 2000, 20260514), ("B", "personal_data_heldout.jsonl", 1000, 777),
                                  ("C", "personal_data_blind.jsonl", 600, 4242)):
        rows = build(family, n, seed)
        with open(HERE / name, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(name, len(rows), sum(r["personal_data"] for r in rows), "positive")


if __name__ == "__main__":
    main()
