"""Round-two independent personal_data set: long Facebook posts, X threads, replies, press releases, alt-texts,
lists, flattened tables, transparency notices, convocatorias, job ads; Mexico and Colombia.

    .venv/bin/python tests/checker_data/personal_data_round2_make.py   # writes personal_data_round2.jsonl

Written without looking at the detector or the earlier corpora. Every identifier is generated valid (stdnum
CURP/RFC check digits, Luhn NSS and cards, CLABE weights 3-7-1 with real bank codes, claves de elector with a valid
state and date). Each frame belongs to one half by a hash of its text (a = fixing, b = held out); filler paragraphs
come from a per-half pool so that half b shares no clean text with half a.

Labels follow README.md's guide. Decisions specific to this set (also in each row's note):
- A social-media handle alone (@juanperez) is NOT personal data: it is a public alias on the platform where the post
  is published and no rule covers it. Rows with handles are labelled by the other data they contain.
- Masked values (664 *** **67, **** 1234, CURP terminación …09) and "[TESTADO]" markers are not personal data.
- A public servant's institutional e-mail or office line is not personal; their private cell or gmail is.
- The Tesorería's CLABE / account for payments is institutional; a person's CLABE for a donation or refund is not.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import string
from pathlib import Path

from stdnum.mx import curp as _curp
from stdnum.mx import rfc as _rfc

OUT = Path(__file__).with_name("personal_data_round2.jsonl")
R = random.Random(20260315)

CONS = "BCDFGHJKLMNPQRSTVWXZ"
VOW = "AEIOU"
STATES = "AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS".split()
BANKS = ["002", "012", "014", "021", "030", "036", "044", "058", "072", "127", "137", "646"]
LADAS = ["664", "662", "33", "55", "81", "686", "656", "644", "612"]
FIRST = ["María", "José", "Guadalupe", "Juan", "Ana", "Luis", "Carmen", "Jorge", "Rosa", "Miguel", "Lucía", "Pedro",
         "Diana", "Andrés", "Paola", "Camilo", "Yuliana", "Brayan", "Leidy", "Óscar"]
LAST = ["García", "Hernández", "López", "Martínez", "Ramírez", "Gómez", "Cárdenas", "Ortiz", "Zambrano", "Benavides",
        "Rosero", "Muñoz", "Delgado", "Villota", "Insuasty", "Meza"]
COLS = ["Col. Lomas de Rosarito", "Col. Reforma", "Fracc. Playas de Rosarito", "Col. Constitución", "Col. Ampliación Ejido Mazatlán",
        "colonia Obrera", "Col. Centro", "Fracc. Las Gaviotas", "colonia Independencia"]
BARRIOS = ["barrio Las Cuadras", "barrio Tamasagra", "barrio Lorenzo de Aldana", "barrio Obrero", "barrio Pandiaco",
           "barrio El Tejar", "barrio San Vicente"]
STREETS_MX = ["Calle Sauce", "Av. Las Palmas", "Privada Álamos", "Calle Pino Suárez", "Blvd. Popotla", "Calle Encino",
              "Andador Coral", "Calle Mar de Cortés", "Av. del Pacífico"]


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return str((10 - total % 10) % 10)


def digits(n: int, first: str = "123456789") -> str:
    return R.choice(first) + "".join(R.choice(string.digits) for _ in range(n - 1))


def date6() -> str:
    return f"{R.randint(50, 99):02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}"


def _name4(k: int) -> str:
    while True:
        s = R.choice(CONS) + R.choice(VOW) + "".join(R.choice(CONS + VOW) for _ in range(k - 2))
        if s not in {"PUTO", "CACA", "PEDO", "BUEY", "MEAR", "KULO", "CULO", "MAMO", "PENE"}:
            return s


def curp() -> str:
    while True:
        base = _name4(4) + date6() + R.choice("HM") + R.choice(STATES) + "".join(R.choice(CONS) for _ in range(3)) + "0"
        v = base + _curp.calc_check_digit(base + "0")
        if _curp.is_valid(v):
            return v.lower() if R.random() < 0.1 else v


def rfc() -> str:
    while True:
        base = _name4(4) + date6() + R.choice(CONS) + R.choice("0123456789ABC")
        v = base + _rfc.calc_check_digit(base)
        if _rfc.is_valid(v, validate_check_digits=True):
            return R.choice([v, v, v, f"{v[:4]}-{v[4:10]}-{v[10:]}", f"{v[:4]} {v[4:10]} {v[10:]}"])


def rfc_moral() -> str:
    while True:
        base = _name4(3) + date6() + R.choice(CONS) + R.choice("0123456789")
        v = base + _rfc.calc_check_digit(base)
        if _rfc.is_valid(v, validate_check_digits=True):
            return v


def elector() -> str:
    return (_name4(6) + date6() + f"{R.randint(1, 32):02d}" + R.choice("HM") + digits(3, "0123456789"))


def nss() -> str:
    body = f"{R.randint(1, 99):02d}{R.randint(90, 99):02d}{R.randint(60, 99):02d}{digits(4, '0123456789')}"
    v = body + luhn_digit(body)
    return R.choice([v, v, f"{v[:2]}-{v[2:4]}-{v[4:6]}-{v[6:10]}-{v[10]}", f"{v[:4]} {v[4:6]} {v[6:10]} {v[10]}"])


def clabe() -> str:
    body = R.choice(BANKS) + digits(3, "0123456789") + digits(11, "0123456789")
    s = sum(int(c) * w for c, w in zip(body, [3, 7, 1] * 6)) % 10
    v = body + str((10 - s) % 10)
    return R.choice([v, v, f"{v[:3]} {v[3:6]} {v[6:17]} {v[17]}", f"{v[:4]} {v[4:8]} {v[8:12]} {v[12:16]} {v[16:]}"])


def card() -> str:
    kind = R.choice(["visa", "visa", "mc", "amex"])
    if kind == "amex":
        body = R.choice(["34", "37"]) + digits(12, "0123456789")
        v = body + luhn_digit(body)
        return R.choice([v, f"{v[:4]} {v[4:10]} {v[10:]}"])
    body = ("4" if kind == "visa" else R.choice(["51", "52", "53", "54", "55"])) + digits(15 - (1 if kind == "visa" else 2), "0123456789")
    v = body + luhn_digit(body)
    return R.choice([v, " ".join(v[i:i + 4] for i in range(0, 16, 4)), "-".join(v[i:i + 4] for i in range(0, 16, 4))])


def cel_mx_raw() -> str:
    lada = R.choice(LADAS)
    return lada + digits(10 - len(lada), "123456789")


def fmt_mx(n: str, wild: bool = True) -> str:
    lada = n[:2] if n[:2] in ("33", "55", "81") else n[:3]
    rest = n[len(lada):]
    a, b = rest[:-4], rest[-4:]
    opts = [f"{lada} {a} {b}", f"({lada}) {a}-{b}", f"{lada}-{a}-{b[:2]}-{b[2:]}", f"{lada}.{a}.{b}", n,
            f"{lada} {a} {b[:2]} {b[2:]}", f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8:]}"]
    if wild:
        opts += [f"+52 1 {lada} {a} {b}", f"+52 {lada} {a} {b}", f"+521{n}", f"044 {lada} {a} {b}", f"045 {lada} {a}{b}",
                 f"+52 ({lada}) {a} {b}", f"52{n}"]
    return R.choice(opts)


def cel_mx() -> str:
    return fmt_mx(cel_mx_raw())


def tel_office_mx() -> str:
    return fmt_mx(cel_mx_raw(), False)


def cel_co() -> str:
    n = "3" + R.choice(["00", "01", "04", "10", "12", "13", "14", "15", "16", "17", "20", "21", "23", "50", "05"]) + digits(7, "123456789")
    return R.choice([f"{n[:3]} {n[3:6]} {n[6:]}", n, f"+57 {n[:3]} {n[3:6]} {n[6:]}", f"+57 {n}", f"(+57) {n[:3]}-{n[3:6]}-{n[6:]}",
                     f"{n[:3]}-{n[3:]}", f"{n[:3]} {n[3:6]} {n[6:8]} {n[8:]}"])


def fijo_co() -> str:
    area = R.choice(["601", "602", "604", "605", "607"])
    n = digits(7, "2345678")
    return R.choice([f"({area}) {n}", f"{area} {n[:3]} {n[3:]}", f"+57 {area} {n}", f"{area}{n}", f"({area}) {n[:3]}-{n[3:]}"])


def cedula() -> str:
    n = R.choice([digits(10, "1"), digits(8, "123456789"), digits(7, "123456789")])
    if len(n) == 10:
        dotted = f"{n[0]}.{n[1:4]}.{n[4:7]}.{n[7:]}"
    elif len(n) == 8:
        dotted = f"{n[:2]}.{n[2:5]}.{n[5:]}"
    else:
        dotted = f"{n[0]}.{n[1:4]}.{n[4:]}"
    return R.choice([n, dotted, dotted])


def nit() -> str:
    n = "9" + digits(8, "0123456789")
    return R.choice([f"{n[:3]}.{n[3:6]}.{n[6:]}-{R.randint(0, 9)}", f"{n}-{R.randint(0, 9)}", n])


def _user() -> str:
    f = R.choice(FIRST).lower().translate(str.maketrans("áéíóú", "aeiou"))
    l = R.choice(LAST).lower().translate(str.maketrans("áéíóúñ", "aeioun"))
    return R.choice([f"{f}.{l}", f"{f}{l}{R.randint(1, 99)}", f"{f}_{l}", f"{f[0]}{l}{R.randint(70, 99)}", f"{l}.{f}"])


def email() -> str:
    return f"{_user()}@{R.choice(['gmail.com', 'hotmail.com', 'yahoo.com.mx', 'outlook.es', 'hotmail.es', 'live.com.mx', 'icloud.com', 'yahoo.es'])}"


def email_obf() -> str:
    u = _user()
    d, t = R.choice([("gmail", "com"), ("hotmail", "com"), ("outlook", "es"), ("yahoo", "com")])
    return R.choice([f"{u} [arroba] {d} [punto] {t}", f"{u}(at){d}.{t}", f"{u} arroba {d} punto {t}", f"{u} @ {d} . {t}",
                     f"{u}@{d} .{t}", f"{u} (arroba) {d}.{t}", f"{u}[at]{d}[dot]{t}"])


def email_inst() -> str:
    box = R.choice(["transparencia", "recursoshumanos", "reclutamiento", "contraloria", "bienestar", "cultura", "proteccion.civil",
                    "atencion.ciudadana", "oficialia", "juventud", "dif", "catastro"])
    dom = R.choice(["rosarito.gob.mx", "rosarito.gob.mx", "bajacalifornia.gob.mx", "jalisco.gob.mx", "sonora.gob.mx",
                    "pasto.gov.co", "narino.gov.co", "ieesonora.org.mx", "ine.mx", "udenar.edu.co", "cespt.gob.mx"])
    return f"{box}@{dom}"


def email_servant() -> str:
    f = R.choice(FIRST).lower().translate(str.maketrans("áéíóú", "aeiou"))
    l = R.choice(LAST).lower().translate(str.maketrans("áéíóúñ", "aeioun"))
    return f"{f}.{l}@{R.choice(['rosarito.gob.mx', 'pasto.gov.co', 'sonora.gob.mx', 'jalisco.gob.mx'])}"


def addr_mx() -> str:
    st = R.choice(STREETS_MX)
    num = R.choice([str(R.randint(10, 2999)), f"#{R.randint(10, 999)}", f"{R.randint(10, 999)}-B", f"No. {R.randint(10, 999)}",
                    f"{R.randint(10, 999)} int. {R.randint(1, 12)}"])
    return R.choice([f"{st} {num}, {R.choice(COLS)}", f"{st} {num} {R.choice(COLS)}", f"Mz {R.randint(1, 40)} Lt {R.randint(1, 60)}, {R.choice(COLS)}",
                     f"{st} {num}, {R.choice(COLS)}, C.P. 227{R.randint(10, 99)}"])


def addr_co() -> str:
    a, b, c = R.randint(1, 40), R.randint(1, 40), R.randint(1, 99)
    suf = R.choice(["", "", "A", "B", "C"])
    return R.choice([f"Cra. {a}{suf} # {b}-{c:02d}, {R.choice(BARRIOS)}", f"Cl. {a} No. {b}-{c:02d} {R.choice(BARRIOS)}",
                     f"Calle {a}{suf} #{b}-{c:02d}", f"Mz {R.randint(1, 20)} Cs {R.randint(1, 40)} {R.choice(BARRIOS)}",
                     f"Carrera {a} N° {b}-{c:02d} apto {R.randint(101, 504)}", f"Av. Panamericana # {b}-{c:02d}, {R.choice(BARRIOS)}",
                     f"Kr {a} # {b}-{c:02d}, {R.choice(BARRIOS)}"])


def handle() -> str:
    return "@" + _user().replace(".", "_")[:15]


GEN = {
    "CURP": curp, "RFC": rfc, "RFCM": rfc_moral, "ELECTOR": elector, "NSS": nss, "CLABE": clabe, "CARD": card,
    "CELMX": cel_mx, "TELMX": tel_office_mx, "CELCO": cel_co, "FIJOCO": fijo_co, "CC": cedula, "NIT": nit,
    "EMAIL": email, "EMAILOBF": email_obf, "EMAILINST": email_inst, "EMAILSRV": email_servant,
    "ADDRMX": addr_mx, "ADDRCO": addr_co, "HANDLE": handle,
    "NAME": lambda: f"{R.choice(FIRST)} {R.choice(LAST)}", "FIRST": lambda: R.choice(FIRST),
    "COL": lambda: R.choice(COLS), "BARRIO": lambda: R.choice(BARRIOS),
    "FOLIO10": lambda: digits(10, "123456789"), "EXP": lambda: f"{R.randint(100, 9999)}/{R.choice([2024, 2025, 2026])}",
    "LIC": lambda: f"LA-{R.randint(10, 99)}-{digits(3, '0123456789')}-{digits(9, '0123456789')}-N-{R.randint(1, 99)}-2026",
    "CATASTRAL": lambda: R.choice([f"RT-{digits(3, '0123456789')}-{digits(3, '0123456789')}", f"{digits(3)}-{digits(3, '0123456789')}-{digits(3, '0123456789')}-{digits(3, '0123456789')}",
                                   digits(12, "0123456789")]),
    "PREDIAL": lambda: R.choice([digits(10, "123456789"), f"{digits(2)}-{digits(4, '0123456789')}-{digits(4, '0123456789')}"]),
    "PLACA": lambda: R.choice([f"BCR-{R.randint(10, 99)}-{R.randint(10, 99)}", f"{''.join(R.choice(CONS) for _ in range(3))}{R.randint(100, 999)}",
                               f"AGX-{R.randint(100, 999)}-A"]),
    "EAN": lambda: (lambda b: b + str((10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(b)) % 10) % 10))("750" + digits(9, "0123456789")),
    "ISBN": lambda: f"978-607-{R.randint(10, 99)}-{R.randint(1000, 9999)}-{R.randint(0, 9)}",
    "FECHA8": lambda: f"2026{R.randint(1, 12):02d}{R.randint(1, 28):02d}",
    "MONTO": lambda: R.choice(["1500000", "2350000", "18500000", "450000", "12000000", "3250000"]),
    "COORD": lambda: R.choice([f"32.{digits(4, '0123456789')}, -117.{digits(4, '0123456789')}", f"1.{digits(4, '0123456789')}, -77.{digits(4, '0123456789')}",
                               f"29.{digits(6, '0123456789')} -110.{digits(6, '0123456789')}"]),
    "HORARIO": lambda: R.choice(["08:00-15:00", "8:00 a 15:00 hrs", "de 9:00 a 14:00", "07:30 – 13:30", "8 a.m. - 4 p.m."]),
    "RADICADO": lambda: f"2026{digits(10, '0123456789')}",
    "MATRICULA": lambda: f"240-{digits(6, '123456789')}",
    "N": lambda: str(R.randint(2, 480)),
}


class Filler(dict):
    def __missing__(self, key: str) -> str:
        base = key
        while base not in GEN and base != "FILL" and base[-1:].isdigit():
            base = base[:-1]
        if base == "FILL":
            v = R.choice(self["_pool"]).format_map(self)
        else:
            v = GEN[base]()
        self[key] = v
        return v


# ------------------------------------------------------------------------------------------------ filler paragraphs
# Clean, number-rich paragraphs (labelled not personal); pool per half.
FILL_A = [
    "📊 En 2025 se atendieron 12,480 reportes ciudadanos, 37% más que en 2024; la meta para 2026 es de 15,000.",
    "🗓️ Horario de atención: lunes a viernes {HORARIO}. Sábados de 9:00 a 13:00 hrs.",
    "La inversión total es de ${MONTO} pesos, con recursos del Fondo de Aportaciones para la Infraestructura Social (FAIS) 2026.",
    "Folio de la convocatoria: {FOLIO10}. Fecha límite: 20260430.",
    "Ubicación de la obra: {COORD}. Avance físico: 68%.",
    "Clave catastral del predio municipal: {CATASTRAL}; superficie 1,250.35 m².",
    "Licitación pública nacional {LIC}; apertura de propuestas el 15/05/2026 a las 10:00 hrs.",
    "👉 Consulta el padrón en rosarito.gob.mx/transparencia, apartado fracción XXVII del artículo 81.",
    "El programa beneficia a 3,450 familias de 27 colonias; se entregaron 1,200 paquetes y 480 tinacos.",
    "Código de barras del formato: {EAN}. Precio: $0.00 (gratuito).",
    "Total recaudado: 4587200 pesos en el primer bimestre; 2,315 contribuyentes pagaron en línea.",
]
FILL_B = [
    "📌 Resultados del trimestre: 8,912 atenciones, 2,101 servicios de bacheo y 640 luminarias reparadas.",
    "⏰ Atendemos de {HORARIO} en días hábiles, excepto el 1 y 5 de mayo.",
    "Monto autorizado: {MONTO} pesos (Acuerdo de Cabildo 045/2026, sesión del 12 de marzo).",
    "Número de expediente: {EXP}; oficio de respuesta {FOLIO10}.",
    "Georreferencia del punto de vacunación: {COORD}.",
    "Publicación: ISBN {ISBN}, tiraje de 2,000 ejemplares, 248 páginas.",
    "Radicado de la solicitud: {RADICADO}. Tiempo de respuesta: 15 días hábiles (Ley 1755 de 2015).",
    "Se pavimentaron 4.8 km en 12 tramos; 92% de avance al corte del {FECHA8}.",
    "Cuenta predial de ejemplo en el instructivo: {PREDIAL} (los datos no corresponden a ningún contribuyente).",
    "Matrícula inmobiliaria del lote municipal: {MATRICULA}; avalúo comercial $2.350.000.000 COP.",
    "Placas de las unidades nuevas: {PLACA}, {PLACA2} y {PLACA3}; 14 patrullas en total.",
]

# ------------------------------------------------------------------------------------------------------- frames
# (personal, types, note, template). Types use the rule names of personal_data.py.
P, N = True, False
FRAMES: list[tuple[bool, list[str], str, str]] = [
    # --- missing persons / pets (long FB) ---
    (P, ["phone"], "family phone in missing-person post", "🚨 #SeBusca 🚨\n\n{NAME}, de 16 años, salió de su domicilio en la {COL} el pasado martes y no ha regresado. Vestía sudadera gris y tenis blancos.\n\nSi tienes cualquier información, comunícate con su mamá al {CELMX} o al 911. 🙏\n\n#Rosarito #AlertaAmber"),
    (P, ["phone"], "family cell, CO", "⚠️ DESAPARECIDO ⚠️\n{NAME}, 72 años, padece Alzheimer. Fue visto por última vez en el {BARRIO} de Pasto.\n\nCualquier información a su hija {FIRST}: {CELCO}. También a la Línea 123.\n\n¡Compartir no cuesta nada! 🙏💙"),
    (P, ["phone", "address"], "owner phone and home address, lost pet", "🐶 ¿Lo has visto? Se extravió 'Canelo' cerca de su casa en {ADDRMX}. Su familia ofrece recompensa. Tel. de la dueña: {CELMX}.\n\nEl Centro de Control Animal apoya la difusión. 🐾"),
    (P, ["phone"], "pet owner phone via WhatsApp", "Mascota encontrada 🐱 en la unidad deportiva. Quien la rescató, {FIRST}, la tiene en resguardo: WhatsApp {CELMX}.\n\nCentro de Bienestar Animal Rosarito"),
    (P, ["address"], "missing person's home address", "ACTUALIZACIÓN 🔴 La Fiscalía informa que {NAME} fue vista por última vez en su domicilio ubicado en {ADDRMX}. Si tienes información, llama al 089 (denuncia anónima)."),
    (P, ["phone"], "phone split across line break", "🔎 Buscamos a la familia de {NAME}, hospitalizado en el HGR.\nSu sobrino pide comunicarse al\n{CELMX}\nGracias por compartir."),
    # --- replies to citizens ---
    (P, ["phone"], "reply repeating citizen's phone", "@{FIRST} buenas tardes, ya canalizamos su reporte de fuga. Un técnico le llamará al {CELMX} que nos proporcionó. Folio {FOLIO10}."),
    (P, ["email"], "reply repeating citizen's gmail", "Hola {FIRST}, gracias por escribirnos. Le enviaremos la respuesta a {EMAIL} en un plazo de 5 días hábiles. Saludos 🙂"),
    (P, ["address"], "reply with citizen's home address", "Estimado vecino, su reporte de luminaria frente a su domicilio en {ADDRMX} quedó registrado con el folio {FOLIO10}. ¡Gracias!"),
    (P, ["cedula"], "reply exposing cédula, CO", "Buen día señora {FIRST}. Verificamos la solicitud a nombre de la cédula {CC}; el subsidio será consignado la próxima semana. #AlcaldíaDePasto"),
    (P, ["phone"], "reply CO cell", "{HANDLE} Hola, la Secretaría de Tránsito ya tiene su caso. Lo contactaremos al {CELCO}, número que registró en la PQRS {RADICADO}."),
    (N, [], "reply with only the handle and folio", "{HANDLE} Hola, gracias por tu mensaje. Tu reporte quedó con folio {FOLIO10}; te escribimos por DM para darle seguimiento. 🙌"),
    (N, [], "reply pointing to institutional line with ext.", "Hola {FIRST}, para dudas de predial comunícate al {TELMX} ext. {N} de Tesorería, {HORARIO}."),
    (N, [], "reply with radicado only, CO", "Señor {FIRST}, su PQRS quedó radicada con el número {RADICADO}. Puede consultarla en www.pasto.gov.co/pqrs con ese radicado."),
    (N, [], "reply handle + institutional e-mail", "{HANDLE} con gusto. Envía tus documentos a {EMAILINST} y en el asunto escribe tu folio. ✅"),
    # --- X threads ---
    (P, ["curp"], "thread exposing CURP of a beneficiary", "🧵 1/3 Entrega de becas #Rosarito. Hoy recibió la suya {NAME} (CURP {CURP}) en la Esc. Sec. #45. #Educación"),
    (N, [], "thread about CURP requirement", "🧵2/4 Requisitos p/ la beca: copia de CURP, comprobante de domicilio (no mayor a 3 meses) y acta de nacimiento. Registro: 20260315 al 20260331. #BecasBC"),
    (N, [], "thread with folio and fechas", "3/3 Consulta tu folio (10 dígitos, ej. {FOLIO10}) en la pág. oficial. Pagos: {FECHA8}. #Bienestar"),
    (P, ["phone"], "X post, seller phone in a tianguis note", "Feria del emprendedor 🛍️ Doña {FIRST} vende tamales, pedidos al {CELMX}. #ConsumeLocal #Rosarito"),
    (N, [], "X post with coordinates and hashtags", "📍 Punto de acopio: {COORD}. Abierto {HORARIO}. #Tijuana #Rosarito #ApoyoBC"),
    (P, ["email"], "X post obfuscated gmail", "RT p/ ayudar 🙏 Familia de {FIRST} pide apoyo, info: {EMAILOBF} #Pasto"),
    (N, [], "X thread with ticket counts", "1/2 Hoy se registraron 1500000 visitas al portal y 23,412 trámites. Gracias 🙌 #GobiernoDigital"),
    (N, [], "X post with plates of patrols", "🚓 Nuevas patrullas con placas {PLACA} y {PLACA2} ya recorren la zona centro. #SeguridadRosarito"),
    (P, ["phone"], "X post 044 cel", "Si encuentras a 'Firulais' 🐕 avisa a su dueño al {CELMX}. ¡Gracias! #PerritoPerdido"),
    # --- press releases pasted ---
    (N, [], "press release with office phone and address", "COMUNICADO 045/2026\n\nRosarito, B.C., a 14 de marzo de 2026.- La Dirección de Protección Civil informa que el Centro de Operaciones de Emergencia se ubica en Blvd. Benito Juárez 2000, Col. Centro. Teléfono de la Dirección: {TELMX}.\n\n{FILL}\n\n-o0o-"),
    (N, [], "press release with licitación and amounts", "BOLETÍN DE PRENSA\n\nSe adjudicó la {LIC} por ${MONTO} a la empresa Constructora del Pacífico S.A. de C.V., RFC {RFCM}.\n\n{FILL}"),
    (P, ["address"], "press release exposing victim's home", "COMUNICADO. La Policía Municipal atendió un reporte en el domicilio de la señora {NAME}, ubicado en {ADDRMX}, donde se detuvo a un masculino.\n\n{FILL}"),
    (N, [], "press release with NIT of contractor, CO", "BOLETÍN 112. La Alcaldía de Pasto firmó el contrato de obra 2026-0345 con el Consorcio Vías de Nariño, NIT {NIT}, por $3.450.000.000.\n\n{FILL}"),
    (P, ["cedula"], "press release with detainee's cédula", "COMUNICADO. La Policía capturó a alias 'El Mono', identificado con C.C. {CC}, por hurto calificado en el {BARRIO}.\n\n{FILL}"),
    (N, [], "press release with dates as 8 digits and folios", "NOTA INFORMATIVA\nFecha de emisión: {FECHA8}. Oficio {FOLIO10}. Exp. {EXP}.\n\n{FILL}\n\nDirección de Comunicación Social"),
    # --- alt texts ---
    (N, [], "alt-text of infographic with numbers", "Texto alternativo: Infografía con fondo azul. Título 'Predial 2026'. Descuento 15% en enero, 10% en febrero, 5% en marzo. Paga en línea o en cajas de Tesorería, {HORARIO}. Logotipo del XXV Ayuntamiento."),
    (P, ["phone"], "alt-text of flyer with private seller phone", "Descripción de la imagen: cartel de la feria con foto de un puesto de artesanías. Texto: 'Artesanías Lupita, pedidos {CELMX}'."),
    (N, [], "alt-text with office phone", "[Imagen: tarjeta de contacto de la Coordinación de Atención Ciudadana, tel. {TELMX} ext. {N}, correo {EMAILINST}]"),
    (P, ["curp"], "alt-text of ID shown in image", "ALT: Fotografía de una credencial con los datos visibles: nombre {NAME}, CURP {CURP}, domicilio en Rosarito."),
    (N, [], "alt-text table of results", "Alt: tabla con 3 columnas (Colonia | Familias | Monto). Reforma | 320 | 1500000. Centro | 210 | 980000. Lomas | 150 | 720000."),
    # --- lists of beneficiaries ---
    (P, ["curp"], "list of beneficiaries with CURP", "🎉 ¡Felicidades a los ganadores del concurso de dibujo!\n\nBeneficiarios:\n1. {NAME} – {CURP}\n2. {NAME2} – {CURP2}\n3. {NAME3} – {CURP3}\n\nLa premiación será el viernes a las 10:00 hrs."),
    (P, ["cedula"], "list with cédulas, CO", "Listado de beneficiarios del subsidio de arriendo:\n1. {NAME} C.C. {CC}\n2. {NAME2} C.C. {CC2}\n3. {NAME3} C.C. {CC3}\n\nSecretaría de Bienestar Social"),
    (N, [], "list of beneficiaries with folios only", "Beneficiarios seleccionados (por folio):\n1. {FOLIO10}\n2. {FOLIO102}\n3. {FOLIO103}\n4. {FOLIO104}\n\nPresentarse con identificación oficial."),
    (P, ["rfc"], "list of proveedores personas físicas", "Padrón de proveedores 2026 (personas físicas):\n• {NAME}, RFC {RFC}\n• {NAME2}, RFC {RFC2}\n\n{FILL}"),
    (N, [], "list of proveedores personas morales", "Padrón de proveedores 2026:\n• Materiales del Noroeste S.A. de C.V., RFC {RFCM}\n• Servicios Integrales BC S. de R.L., RFC {RFCM2}\n• Papelería Rosarito S.A., RFC {RFCM3}"),
    (P, ["nss"], "list with NSS", "Trabajadores dados de alta en el programa de empleo temporal:\n- {NAME}, NSS {NSS}\n- {NAME2}, NSS {NSS2}"),
    (P, ["clave_elector"], "list of funcionarios de casilla with clave de elector", "Integrantes de la mesa directiva de casilla 0452 B:\nPresidente: {NAME}, clave de elector {ELECTOR}\nSecretaria: {NAME2}, clave de elector {ELECTOR2}"),
    (N, [], "list of casillas with section numbers", "Ubicación de casillas sección 0452: Básica y Contigua 1 en Escuela Primaria Benito Juárez, Calle Encino 120, Col. Reforma. Sección 0453: Salón ejidal."),
    # --- tables flattened ---
    (P, ["phone"], "flattened table with personal cells", "Nombre | Cargo | Celular\n{NAME} | Jefe de manzana | {CELMX}\n{NAME2} | Vocal | {CELMX2}"),
    (N, [], "flattened table of offices", "Oficina | Teléfono | Extensión\nTesorería | {TELMX} | {N}\nCatastro | {TELMX} | {N2}\nDIF | {TELMX} | {N3}"),
    (N, [], "flattened table of montos", "Concepto | 2025 | 2026\nPredial | 45200000 | 48750000\nAgua | 12500000 | 13100000\nMultas | 850000 | 910000"),
    (P, ["clabe"], "flattened table of refunds with CLABE of persons", "Devoluciones de pago de lo indebido:\nContribuyente | CLABE | Monto\n{NAME} | {CLABE} | $1,250.00\n{NAME2} | {CLABE2} | $980.00"),
    (N, [], "table of cuentas prediales", "Cuentas prediales en rezago (sin datos personales):\n{PREDIAL} | $12,300\n{PREDIAL2} | $8,450\n{PREDIAL3} | $3,900"),
    # --- transparency notices ---
    (N, [], "versión pública with testado", "VERSIÓN PÚBLICA. Contrato de arrendamiento. Arrendador: [TESTADO]. RFC: [TESTADO]. Domicilio: [TESTADO]. Se testan datos personales con fundamento en el art. 116 de la LGTAIP."),
    (P, ["rfc"], "versión pública that failed to redact RFC", "Versión pública del contrato 045/2026. Arrendador: {NAME}, RFC {RFC}. Domicilio: [TESTADO]. Monto mensual $18,000.00."),
    (N, [], "transparency notice naming the categories only", "Aviso de privacidad: los datos recabados (nombre, CURP, RFC, domicilio, teléfono y correo electrónico) serán tratados conforme a la LPDPPSO. Ejerce tus derechos ARCO en {EMAILINST}."),
    (N, [], "masked phone and card", "Datos testados: teléfono 664 *** **67; tarjeta **** **** **** 4821; CURP terminación ***09."),
    (P, ["curp"], "resolución with CURP of solicitante", "Resolución del Comité de Transparencia. Solicitud {FOLIO10}. Solicitante: {NAME}, CURP {CURP}. Se confirma la clasificación."),
    (N, [], "datos testados CO", "Versión pública. Peticionario: XXXXX. Cédula: XXXXXXXX. Dirección: XXXXX. Radicado {RADICADO}. Se omiten datos conforme a la Ley 1581 de 2012."),
    # --- convocatorias ---
    (N, [], "convocatoria with CURP/RFC requirements", "📢 CONVOCATORIA Becas Municipales 2026 📢\n\nRequisitos:\n✅ Copia de CURP\n✅ RFC con homoclave (si aplica)\n✅ Comprobante de domicilio\n✅ INE del tutor\n\nRecepción: {HORARIO} en el DIF Municipal.\n\n{FILL}"),
    (N, [], "convocatoria CO requirements", "CONVOCATORIA Jóvenes en Acción Pasto. Documentos: fotocopia de la cédula al 150%, certificado de estudios, recibo de servicio público. Inscripciones en la Cra. 28 # 16-05, CAM Anganoy. {FILL}"),
    (N, [], "convocatoria with registration line and e-mail", "¡Participa en el Concurso de Fotografía! 📸 Bases en rosarito.gob.mx/cultura. Dudas: Instituto Municipal de Cultura, {TELMX} ext. {N}, {EMAILINST}."),
    (P, ["phone"], "convocatoria where organiser gives personal cell", "Torneo de fútbol 7 en la Unidad Deportiva ⚽ Inscripciones con el profe {FIRST} al {CELMX} (WhatsApp). Cupo: 16 equipos."),
    (N, [], "convocatoria with NSS mentioned as requirement", "Empleo temporal: requisitos — número de seguridad social (NSS), CURP y cuenta CLABE a tu nombre. Entrega de documentos en la Dirección de Desarrollo Económico, {HORARIO}."),
    # --- job ads ---
    (N, [], "job ad with HR institutional e-mail", "💼 VACANTE: Auxiliar administrativo en Tesorería Municipal.\nSueldo: $12,500 mensuales.\nEnvía tu CV a {EMAILINST} antes del 30/04/2026.\n\n{FILL}"),
    (N, [], "job ad with public servant institutional e-mail", "Bolsa de trabajo 👷 Se solicitan 10 operadores. Informes con la Lic. {NAME}, jefa de Recursos Humanos: {EMAILSRV}, tel. de la oficina {TELMX} ext. {N}."),
    (P, ["email"], "job ad with recruiter's gmail", "Feria del Empleo 🔎 La empresa maquiladora recibe solicitudes en el correo de la reclutadora {FIRST}: {EMAIL}."),
    (P, ["phone"], "job ad with recruiter's own cell", "VACANTES en restaurante de la zona Centro 🍽️ Mesero/a y cocinero/a. Comunicarse con el encargado {FIRST} al {CELMX}."),
    (N, [], "job ad CO with institutional e-mail and NIT", "Convocatoria laboral: la E.S.E. Pasto Salud, NIT {NIT}, requiere 4 auxiliares de enfermería. Hojas de vida a talentohumano@pastosaludese.gov.co."),
    (N, [], "job ad with company role mailbox", "La empresa Logística del Pacífico busca choferes. Envía tu solicitud a vacantes@logisticapacifico.com.mx o acude a la Bolsa de Trabajo municipal."),
    # --- Mexico: CLABE ---
    (N, [], "Tesorería CLABE for payments", "💳 Paga tu predial por transferencia a la cuenta CLABE de la Tesorería Municipal de Rosarito: {CLABE}, banco BBVA. Referencia: tu clave catastral ({CATASTRAL})."),
    (P, ["clabe"], "family CLABE for donation", "🙏 Apoyemos a la familia {FIRST} que perdió su casa en el incendio. Donativos a la CLABE {CLABE} a nombre de {NAME}. El DIF recibe víveres en sus oficinas."),
    (N, [], "municipality account for fines", "Multas de tránsito: deposita a la cuenta del Municipio (CLABE {CLABE}) y envía tu comprobante a {EMAILINST}."),
    (P, ["card"], "card number of a donor recipient", "Campaña de apoyo a {NAME}, paciente de cáncer. Depósitos a su tarjeta {CARD} (Banamex). ¡Cada peso cuenta! 💗"),
    (N, [], "institutional donations account CO", "Donaciones para damnificados: cuenta de ahorros del Fondo de Gestión del Riesgo de Pasto, Banco de Bogotá 123-45678-9, NIT {NIT}."),
    (P, ["card"], "OXXO deposit to a person's card", "Rifa pro-fondos para la operación de {FIRST} 🎟️ Boletos $50. Deposita en OXXO a la tarjeta {CARD} y manda tu comprobante."),
    # --- Mexico IDs ---
    (P, ["rfc"], "RFC of a person in a notice", "Se notifica a {NAME}, RFC {RFC}, que debe presentarse en la Dirección de Catastro para aclarar su adeudo."),
    (P, ["curp", "address"], "edicto with CURP and home", "EDICTO. Se cita a {NAME}, con CURP {CURP} y último domicilio conocido en {ADDRMX}, para que comparezca ante este Juzgado Cívico."),
    (P, ["nss"], "NSS of a worker in an accident notice", "Comunicado: el trabajador de limpia {NAME} (NSS {NSS}) sufrió un accidente; recibe atención en el IMSS."),
    (P, ["clave_elector"], "clave de elector of a citizen in a complaint", "El ciudadano {NAME}, con clave de elector {ELECTOR}, presentó queja ante el Consejo Distrital por actos anticipados de campaña."),
    (N, [], "INE explaining clave de elector format", "¿Sabías que la clave de elector tiene 18 caracteres? 6 letras de tu nombre, 6 dígitos de tu fecha de nacimiento, 2 de tu estado, 1 letra de sexo y 3 dígitos. ¡No la compartas en redes! #INE"),
    (P, ["rfc"], "RFC 10 chars after label", "Ganador del sorteo predial cumplido: {NAME}, RFC {RFC10}. Felicidades 🎉"),
    # --- Mexican phones all formats ---
    (P, ["phone"], "citizen phone in wildcard format", "Doña {FIRST} vende nopales frescos en el mercado sobre ruedas; si quieres pedir a domicilio márcale al {CELMX}. 🌵"),
    (P, ["phone"], "+52 1 format in volunteer call", "Brigada de limpieza de playa 🏖️ Coordina el voluntario {FIRST}: {CELMX}. ¡Te esperamos el sábado 8:00 am!"),
    (P, ["phone"], "two cells of neighbours", "Comité vecinal de la {COL}: presidente {NAME} ({CELMX}), tesorera {NAME2} ({CELMX2})."),
    (N, [], "office lines with extensions", "Directorio 📞\nPresidencia: {TELMX} ext. 1001\nSindicatura: {TELMX} ext. 1105\nRegistro Civil: {TELMX} ext. 1210"),
    (N, [], "conmutador with lada", "Conmutador del Ayuntamiento: {TELMX}. Extensiones: Obras 2201, Ecología 2230, Juventud 2245."),
    (N, [], "service lines", "Emergencias 911 · Denuncia anónima 089 · CESPT 073 · Bomberos y Cruz Roja al 911 · Locatel 072."),
    (N, [], "office phone with office name before", "Dirección de Bienestar Social — Tel. {TELMX} — Calle José Haroz Aguilar 2000, Col. Villa Turística."),
    (N, [], "hospital line", "El Hospital General de Rosarito atiende urgencias 24 horas. Teléfono del hospital: {TELMX}."),
    (N, [], "WhatsApp oficial", "📲 WhatsApp oficial de Atención Ciudadana: {TELMX}. Solo mensajes, {HORARIO}."),
    (N, [], "line after office in parentheses", "Reporta baches al {TELMX} (Dirección de Servicios Públicos) o en la app Rosarito Te Escucha."),
    # --- Colombia phones / cedula / address ---
    (P, ["phone"], "CO cell of a vendor in a market post", "Mercado campesino en la Plaza de Nariño 🥕 Don {FIRST} trae papa y ulluco; pedidos al {CELCO}."),
    (P, ["phone"], "CO fijo of a family", "Se busca a {NAME}. Su familia atiende en el teléfono {FIJOCO} o en el celular {CELCO}."),
    (N, [], "CO institutional fijo with dependency", "Secretaría de Tránsito y Transporte de Pasto — PBX {FIJOCO} — Cra. 27 # 17-32."),
    (N, [], "CO lines 123 155 141", "Líneas de ayuda: 123 Policía, 155 orientación a mujeres, 141 ICBF, 106 salud mental. #Pasto"),
    (P, ["cedula"], "CO T.I. / cédula in a list of admitted", "Admitidos al programa: {NAME}, cédula No. {CC}; {NAME2}, cédula No. {CC2}."),
    (P, ["address"], "CO home address of a citizen", "La señora {NAME}, residente en la {ADDRCO}, denunció que su vivienda sufrió daños por la ola invernal."),
    (N, [], "CO public works address", "🚧 Cierre vial por obras de acueducto en la Cra. 22 # 15-40 y la Cl. 18 entre carreras 20 y 24, del 10 al 24 de abril."),
    (N, [], "CO matrícula inmobiliaria and radicado", "Predio con matrícula inmobiliaria {MATRICULA}, cédula catastral 520010101000000010001000000000. Radicado {RADICADO}."),
    (N, [], "CO office address with nomenclature", "Atención presencial en la Casa de Justicia, Cll. 39 # 65A-20, de {HORARIO}. Trae tu cédula original."),
    (P, ["address"], "Mz Cs home in CO", "Entrega de mercados: la familia {FIRST} vive en la {ADDRCO} y no pudo asistir; el equipo de Gestión Social la visitará."),
    (N, [], "NIT of the Alcaldía", "Alcaldía de Pasto, NIT 891.280.000-3. Para pagos del impuesto predial use el recibo con código de barras."),
    (P, ["cedula"], "cedula with CC prefix in X style", "Cap. en flagrancia x hurto, sujeto CC {CC}, alias 'Pecas'. #PastoSegura"),
    # --- Mexican address ---
    (P, ["address"], "private home in a rescue note", "Protección Civil rescató a un adulto mayor atrapado en su vivienda de {ADDRMX}. Fue trasladado al hospital."),
    (N, [], "event address", "🎭 Festival de Teatro en el Centro Cultural Rosarito, Calle Sauce 1050, Col. Centro. Entrada libre, {HORARIO}."),
    (N, [], "module address", "Módulo de INE: Av. Las Palmas #45, Fracc. Playas de Rosarito. Lleva tu comprobante de domicilio."),
    (N, [], "road closure stretch", "Cierre parcial en Blvd. Popotla entre Calle Encino y Calle Sauce por trabajos de drenaje, del 20260310 al 20260318."),
    (P, ["address"], "Domicilio label in notice", "Notificación por estrados. Destinatario: {NAME}. Domicilio: {ADDRMX}. Expediente {EXP}."),
    # --- emails ---
    (P, ["email"], "obfuscated email of a citizen", "Se perdió una cartera con documentos a nombre de {NAME}; si la encuentras, escríbele a {EMAILOBF}."),
    (P, ["email"], "named mailbox at a private domain", "La artesana {NAME} exhibe en la Casa de la Cultura; pedidos en {FIRST_L}@ceramicaspopotla.com.mx."),
    (N, [], "servant's institutional mail", "La titular de la Unidad de Transparencia, Mtra. {NAME}, atiende en {EMAILSRV} y en la oficina de {HORARIO}."),
    (N, [], "many institutional mails", "Contactos: {EMAILINST} · {EMAILINST2} · {EMAILINST3}"),
    (N, [], "company role mailboxes", "Proveedores interesados: cotizaciones a licitaciones@construpac.com.mx o ventas@materialesbc.mx."),
    # --- numbers that look like phones ---
    (N, [], "folio of 10 digits", "Tu trámite de licencia quedó registrado con el folio {FOLIO10}. Consulta su estatus en línea."),
    (N, [], "cuenta predial of 10 digits", "Ejemplo: si tu cuenta predial es {PREDIAL}, captúrala sin guiones en el portal de pagos."),
    (N, [], "barcode EAN-13", "Producto retirado por COFEPRIS: lote 2026-03, código de barras {EAN}. No lo consumas."),
    (N, [], "ISBN", "Presentamos el libro 'Historia de Rosarito' (ISBN {ISBN}); 1,000 ejemplares gratuitos en bibliotecas."),
    (N, [], "dates in 8 digits", "Periodo de registro: {FECHA8} a {FECHA82}. Resultados: 20260415."),
    (N, [], "amounts without separators", "Se destinaron {MONTO} pesos a bacheo y 2750000 a alumbrado; total 4250000."),
    (N, [], "coordinates", "Nuevo punto de monitoreo de calidad del aire en {COORD} (altitud 35 m)."),
    (N, [], "licitación and expediente", "Fallo de la {LIC}; expediente {EXP}; contrato OP-FAIS-{N}/2026."),
    (N, [], "clave catastral", "Regularización de predios: clave catastral {CATASTRAL}, superficie 200 m²."),
    (N, [], "radicado 14 digits CO", "Respuesta al radicado No. {RADICADO}: la solicitud fue resuelta favorablemente."),
    (N, [], "guía de envío", "Número de guía del paquete de útiles: {FOLIO10}{N}. Entregas en escuelas de 8:00 a 13:00."),
    (N, [], "horarios and counts", "Vacunación antirrábica ✅ {HORARIO} · 4,500 dosis · 32 módulos · 15 colonias."),
    (N, [], "phone-like contract numbers", "Contratos 2026: {FOLIO10}, {FOLIO102}, {FOLIO103} (ver Portal de Obligaciones de Transparencia)."),
    # --- edges (~10%) ---
    (P, ["phone"], "EDGE: spelled-out digits", "Se busca a la niña {FIRST}. Cualquier dato al seis seis cuatro, uno dos tres, cuatro cinco, seis siete. 🙏"),
    (N, [], "EDGE: institutional number framed as lada example", "Recuerda: desde el 3 de agosto de 2019 ya no se marca 044 ni 045; ahora solo los 10 dígitos, p. ej. lada 664 + número."),
    (P, ["phone"], "EDGE: public servant's private cell", "El regidor {NAME} pidió a los vecinos reportarle directamente a su celular personal {CELMX}."),
    (N, [], "EDGE: handle of a citizen only", "Gracias {HANDLE} por tu foto del atardecer en Popotla 🌅 ¡La compartimos con gusto!"),
    (P, ["email"], "EDGE: gmail used by a small committee (person)", "Comité de padres de la Primaria 20 de Noviembre: informes con la presidenta, {EMAIL}."),
    (N, [], "EDGE: sample CURP structure with X placeholders", "Tu CURP tiene 18 caracteres, por ejemplo: XXXX000000HBCXXX00. Consúltala en gob.mx/curp."),
    (N, [], "EDGE: phone number of a business (company line)", "Las pipas de agua autorizadas por CESPT: Pipas del Mar S.A. de C.V., conmutador {TELMX}."),
    (P, ["card"], "EDGE: card in a scam warning that shows a real-looking card", "⚠️ Alerta de fraude: piden depósitos a la tarjeta {CARD} a nombre de {NAME}, haciéndose pasar por el Ayuntamiento. ¡No deposites!"),
    (P, ["phone"], "EDGE: extortion number of a person in a warning", "⚠️ Si recibes llamadas del {CELMX} pidiendo dinero a nombre del DIF, cuelga y denuncia al 089."),
    (N, [], "EDGE: wa.me link of the institution", "Escríbenos por WhatsApp oficial: wa.me/52{FOLIO10}?text=Hola — Atención Ciudadana."),
    (N, [], "EDGE: code of a program with CURP-like length", "Clave del programa presupuestario: E0012026ROSBCMU15; partida 3391; UR 045."),
    (P, ["cedula"], "EDGE: cédula without label but with 'identificado con'", "El joven, identificado con el número {CC} de Pasto, fue trasladado al Hospital Departamental."),
]

# Frames with a few more X / FB variants, added for volume and style spread.
FRAMES += [
    (P, ["phone"], "FB post with emoji around the number", "🥳 ¡Feliz cumpleaños a Don {FIRST}, 100 años! 🎂 Su familia agradece llamadas de felicitación al 📱{CELMX}📱."),
    (N, [], "FB post with only hashtags and numbers", "#Rosarito2026 #PredialCumplido 🏠 15% de descuento, 20,000 contribuyentes ya pagaron. {FILL}"),
    (P, ["phone", "email"], "classified-style post by a citizen shared by the municipality", "Apoyo a emprendedores 💪 {NAME} ofrece clases de regularización. Contacto: {CELMX} / {EMAIL}."),
    (N, [], "press kit with office phone + fax", "Prensa: Coordinación de Comunicación Social, tel. {TELMX}, fax {TELMX2}, {EMAILINST}."),
    (P, ["rfc", "curp"], "acta of a contract with person's RFC and CURP", "Contrato de prestación de servicios profesionales con {NAME}, RFC {RFC}, CURP {CURP}, por $25,000.00 mensuales."),
    (N, [], "thread with legal references", "1/ Con fundamento en los artículos 6 y 16 de la CPEUM, 68 de la LGTAIP y 31 de la Ley 1712 de 2014, publicamos el informe. 2/ Datos: 3,412 solicitudes, 98% atendidas."),
    (P, ["phone"], "CO landline of a person in an obituary", "Lamentamos el fallecimiento de Don {NAME}, exfuncionario. Sus familiares reciben condolencias en el {FIJOCO}."),
    (N, [], "CO alcaldía WhatsApp line", "Escríbenos a la línea WhatsApp de la Alcaldía de Pasto: {CELCO} (solo mensajes, atención institucional)."),
    (P, ["address", "phone"], "lost documents with home and cell", "Se extravió credencial del INAPAM de {NAME}. Favor de entregarla en su casa, {ADDRMX}, o llamar al {CELMX}."),
    (N, [], "casilla address and section", "Tu casilla: sección 1234, Escuela Primaria Miguel Hidalgo, Calle Pino Suárez 560, Col. Constitución. Horario 8:00-18:00."),
    (P, ["cedula", "phone"], "CO beneficiary with cédula and cell", "Ganadora del concurso 'Emprende Pasto': {NAME}, C.C. {CC}, cel. {CELCO}. ¡Felicitaciones!"),
    (N, [], "CO school with DANE code and phone of institución educativa", "I.E.M. Ciudad de Pasto, código DANE 152001000123, teléfono de la institución {FIJOCO}."),
]


def main() -> None:
    rows = []
    for fi, (label, types, note, tpl) in enumerate(FRAMES):
        h = hashlib.md5(tpl.encode()).digest()[0]
        half = "a" if h % 2 == 0 else "b"
        pool = FILL_A if half == "a" else FILL_B
        for k in range(5):
            ctx = Filler(_pool=pool)
            ctx["FIRST_L"] = R.choice(FIRST).lower().translate(str.maketrans("áéíóú", "aeiou"))
            if "{RFC10}" in tpl:
                ctx["RFC10"] = re.sub(r"[\s-]", "", rfc())[:10]
            text = tpl.format_map(ctx)
            rows.append({"id": f"r2-{fi:03d}-{k}", "half": half, "frame": fi, "text": text, "personal_data": label,
                         "types": sorted(types), "note": note})
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    pos = sum(r["personal_data"] for r in rows)
    print(f"{len(rows)} rows, {pos} positive; half a {sum(r['half'] == 'a' for r in rows)}, b {sum(r['half'] == 'b' for r in rows)}")


if __name__ == "__main__":
    main()
