"""Independent, adversarial evaluation set for the personal_data rules.

    .venv/bin/python tests/checker_data/make_independent_set.py

Written without looking at make_personal_data_set.py / pd_values.py: hand-written post frames (one per kind of
real communications-office post) filled with generated VALID identifiers in varied formats. See README.md in this
folder for the labelling guide. Each frame belongs to one half ("a" = used for fixing, "b" = held out) so that a
fix tuned on a frame never sees its siblings in the other half.

Output: personal_data_independent.jsonl with {"id","half","frame","text","personal_data","types","note"}.
"""

from __future__ import annotations

import json
import random
import string
import zlib
from pathlib import Path

from stdnum.mx import curp as _curp
from stdnum.mx import rfc as _rfc

HERE = Path(__file__).resolve().parent
OUT = HERE / "personal_data_independent.jsonl"
PER_FRAME = 4

R = random.Random(20260601)

# ---------------------------------------------------------------- people and places
NOMBRES = ["María Guadalupe", "José Luis", "Ana Karen", "Juan Carlos", "Rosa Elena", "Luis Fernando", "Brenda",
           "Jesús Alberto", "Karla Patricia", "Ramón", "Sofía", "Diego Armando", "Yolanda", "Martín", "Itzel"]
APELLIDOS = ["Hernández", "García", "Martínez", "López", "Ramírez", "Sánchez", "Valenzuela", "Ochoa", "Castro",
             "Quintero", "Félix", "Zazueta", "Meza", "Torres", "Luna", "Bojórquez"]
NOMBRES_CO = ["Luz Marina", "Jhon Fredy", "Dayana", "Wilson", "Yeimi", "Carlos Andrés", "Nelly", "Edwin", "Paola"]
APELLIDOS_CO = ["Erazo", "Benavides", "Burbano", "Insuasty", "Guerrero", "Delgado", "Rosero", "Chamorro", "Narváez"]
CALLES_MX = ["Calle Pino Suárez", "Av. Benito Juárez", "Calle Sauce", "Privada Las Palmas", "Calle Ignacio Zaragoza",
             "Blvd. Popotla", "Calle Mar de Cortés", "Andador Jacarandas", "Calle Río Sonora", "Av. Las Américas",
             "Cerrada del Roble", "Calle 5 de Mayo", "Calle Guerrero", "Av. Hidalgo"]
COLS_MX = ["col. Lucio Blanco", "Fracc. Villa Turística", "Col. Reforma", "colonia Ampliación Lucio Blanco",
           "fraccionamiento Costa Hermosa", "Col. Centro", "Col. Obrera", "col. Constitución", "Infonavit Lomas",
           "Col. Pueblo Nuevo", "colonia Olivares", "Col. San Benito"]
BARRIOS_CO = ["barrio Las Cuadras", "barrio Obrero", "barrio San Felipe", "Bdo. Santa Mónica", "barrio Caracha",
              "urbanización La Colina", "conjunto Torres de Aranda"]
MUNICIPIO = ["Playas de Rosarito", "Guadalajara", "Hermosillo", "Pasto", "Cajeme", "Tlaquepaque"]
FREEMAIL = ["gmail.com", "hotmail.com", "outlook.com", "yahoo.com.mx", "hotmail.es", "icloud.com", "live.com.mx"]


def nombre() -> str:
    return f"{R.choice(NOMBRES)} {R.choice(APELLIDOS)} {R.choice(APELLIDOS)}"


def nombre_co() -> str:
    return f"{R.choice(NOMBRES_CO)} {R.choice(APELLIDOS_CO)}"


# ---------------------------------------------------------------- identifiers (valid)
def curp() -> str:
    cons = "BCDFGHJKLMNPQRSTVWXYZ"
    st = R.choice(["BC", "SR", "JC", "DF", "SL", "CH", "NL", "MC", "GT"])
    yy, mm, dd = R.randint(50, 99), R.randint(1, 12), R.randint(1, 28)
    body = (R.choice(cons) + R.choice("AEIOU") + R.choice(cons) + R.choice("AEIOU") + f"{yy:02d}{mm:02d}{dd:02d}"
            + R.choice("HM") + st + R.choice(cons) + R.choice(cons) + R.choice(cons) + "0")
    v = body + _curp.calc_check_digit(body)
    return v.lower() if R.random() < 0.1 else v


def rfc_pf() -> str:
    letters = "BCDFGHJKLMNPRSTVZ"
    while True:
        base = (R.choice(letters) + R.choice("AEIOU") + R.choice(letters) + R.choice(letters)
                + f"{R.randint(55, 99):02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}"
                + R.choice(string.ascii_uppercase[:20]) + R.choice("0123456789ABC"))
        try:
            v = base + _rfc.calc_check_digit(base)
            _rfc.validate(v)
            return v
        except Exception:
            continue


def rfc_pm() -> str:  # 12-char company RFC
    while True:
        base = ("".join(R.choice("ABCDEFGHIJKLMNOPRSTUVZ") for _ in range(3))
                + f"{R.randint(0, 23):02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}"
                + R.choice("ABCDEFGHJK") + R.choice("0123456789"))
        try:
            v = base + _rfc.calc_check_digit(base)
            _rfc.validate(v)
            return v
        except Exception:
            continue


def clave_elector() -> str:
    cons = "BCDFGHJKLMNPQRSTVWXYZ"
    s = "".join(R.choice(cons) + R.choice("AEIOU") for _ in range(3))
    return (s + f"{R.randint(60, 99):02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}" + f"{R.choice([2, 26, 14, 9, 25]):02d}"
            + R.choice("HM") + f"{R.randint(0, 999):03d}")


def luhn_digit(body: str) -> str:
    tot = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def nss() -> str:
    body = f"{R.randint(1, 99):02d}{R.randint(70, 99):02d}{R.randint(50, 99):02d}{R.randint(0, 9999):04d}"
    v = body + luhn_digit(body)
    style = R.random()
    if style < 0.6:
        return v
    if style < 0.8:
        return f"{v[:2]}-{v[2:4]}-{v[4:6]}-{v[6:10]}-{v[10]}"
    return f"{v[:4]} {v[4:8]} {v[8:]}"


def clabe() -> str:
    bank = R.choice(["002", "012", "014", "021", "030", "036", "044", "058", "072", "127", "137"])
    body = bank + R.choice(["180", "320", "010", "028", "760"]) + "".join(R.choice(string.digits) for _ in range(11))
    w = [3, 7, 1] * 6
    chk = str((10 - sum(int(c) * w[i] for i, c in enumerate(body)) % 10) % 10)
    v = body + chk
    return v if R.random() < 0.7 else f"{v[:3]} {v[3:6]} {v[6:17]} {v[17]}"


def card() -> str:
    kind = R.choice(["visa", "visa", "mc", "mc2", "amex"])
    if kind == "amex":
        body = R.choice(["34", "37"]) + "".join(R.choice(string.digits) for _ in range(12))
        v = body + luhn_digit(body)
        return v if R.random() < 0.5 else f"{v[:4]} {v[4:10]} {v[10:]}"
    pre = {"visa": "4", "mc": R.choice(["51", "52", "53", "54", "55"]), "mc2": "2" + R.choice(["221", "300", "500", "700"])}[kind]
    body = pre + "".join(R.choice(string.digits) for _ in range(15 - len(pre)))
    v = body + luhn_digit(body)
    sep = R.choice(["", " ", "-", " "])
    return sep.join(v[i:i + 4] for i in range(0, 16, 4))


def cedula() -> str:
    n = R.choice([R.randint(1_080_000_000, 1_089_999_999), R.randint(12_000_000, 98_999_999), R.randint(27_000_000, 59_999_999)])
    s = str(n)
    if R.random() < 0.55:
        return f"{n:,}".replace(",", ".")
    return s


# ---------------------------------------------------------------- phones
def _d(n: int) -> str:
    return "".join(R.choice(string.digits) for _ in range(n))


def cel_mx() -> str:
    area = R.choice(["664", "661", "662", "33", "55", "81", "686", "644", "646"])
    rest = _d(10 - len(area))
    rest = str(R.randint(2, 9)) + rest[1:]
    num = area + rest
    f = R.randint(0, 10)
    if f == 0:
        return num
    if f == 1:
        return f"{num[:3]} {num[3:6]} {num[6:]}" if len(area) == 3 else f"{num[:2]} {num[2:6]} {num[6:]}"
    if f == 2:
        return f"({num[:3]}) {num[3:6]}-{num[6:8]}-{num[8:]}" if len(area) == 3 else f"({num[:2]}) {num[2:6]}-{num[6:]}"
    if f == 3:
        return f"{num[:3]}.{num[3:6]}.{num[6:]}"
    if f == 4:
        return f"{num[:3]}-{num[3:6]}-{num[6:]}"
    if f == 5:
        return f"+52 {num[:3]} {num[3:6]} {num[6:]}"
    if f == 6:
        return f"+52 1 {num}"
    if f == 7:
        return f"{num[:3]} {num[3:5]} {num[5:7]} {num[7:9]} {num[9]}" if False else f"{num[:3]} {num[3:5]} {num[5:7]} {num[7:]}"
    if f == 8:
        return f"{num[:3]}-{num[3:5]}-{num[5:7]}-{num[7:]}"
    if f == 9:
        return f"+52{num}"
    return f"{num[:3]} {num[3:6]} {num[6:8]} {num[8:]}"


def cel_co() -> str:
    num = "3" + R.choice(["00", "01", "04", "10", "12", "13", "15", "16", "17", "20", "23", "50"]) + str(R.randint(2, 9)) + _d(6)
    f = R.randint(0, 5)
    return [num, f"{num[:3]} {num[3:6]} {num[6:]}", f"+57 {num[:3]} {num[3:6]} {num[6:]}", f"+57{num}",
            f"{num[:3]}-{num[3:6]}-{num[6:]}", f"{num[:3]} {num[3:]}"][f]


def fijo_co() -> str:
    area = R.choice(["602", "601", "604", "605"])
    loc = str(R.randint(2, 8)) + _d(6)
    f = R.randint(0, 3)
    return [f"({area}) {loc}", f"{area} {loc[:3]} {loc[3:]}", f"{area}{loc}", f"+57 {area} {loc}"][f]


def phone_any() -> str:
    return cel_mx() if R.random() < 0.65 else cel_co()


def wa_link() -> str:
    if R.random() < 0.6:
        return f"wa.me/52{R.choice(['664', '661', '662'])}{R.randint(2, 9)}{_d(6)}"
    return f"https://wa.me/573{R.choice(['00', '15', '17'])}{R.randint(2, 9)}{_d(6)}"


def cel_br() -> str:  # a mobile number broken by a line break (copy-pasted flyers)
    num = R.choice(["664", "661", "662", "686"]) + str(R.randint(2, 9)) + _d(6)
    return R.choice([f"{num[:3]} {num[3:6]}\n{num[6:]}", f"{num[:3]}\n{num[3:6]} {num[6:]}", f"{num[:3]} {num[3:6]} {num[6:8]}\n{num[8:]}"])


SPELLED = ["seis seis cuatro, uno dos tres, cuatro cinco, seis siete", "seis, seis, uno; ocho dos, tres, cuatro; cinco seis siete ocho",
           "tres uno cero, cuatro cinco seis, siete ocho nueve cero"]


# ---------------------------------------------------------------- e-mail
def email() -> str:
    first = R.choice(["lupita", "juanc", "rosy", "karla.p", "chuy", "mario_z", "dany", "lic.ramirez", "ana.luna", "jfredy"])
    v = f"{first}{R.choice(['', '', '87', '_92', '.2024', '1990'])}@{R.choice(FREEMAIL)}"
    return v if R.random() < 0.85 else v.capitalize()


def email_obf() -> str:
    user = R.choice(["rosa.martinez", "papeleria.luna", "jose_q", "mariela.f"])
    dom = R.choice(["gmail", "hotmail", "yahoo"])
    return R.choice([f"{user} [arroba] {dom}.com", f"{user}(at){dom}.com", f"{user} arroba {dom} punto com", f"{user}@{dom} .com"])


# ---------------------------------------------------------------- addresses
def dir_mx() -> str:
    n = R.randint(3, 4800)
    f = R.randint(0, 5)
    calle, col = R.choice(CALLES_MX), R.choice(COLS_MX)
    return [f"{calle} #{n}, {col}", f"{calle} {n}, {col}", f"{calle} número {n} de la {col}", f"{calle} No. {n} int. {R.randint(1, 9)}, {col}",
            f"{calle} {n}-{R.choice('ABC')}, {col}", f"{calle} #{n} en la {col}"][f]


def dir_co() -> str:
    via = R.choice(["Calle", "Carrera", "Cra.", "Cl.", "Kr", "Diagonal", "Transversal", "Avenida"])
    a, b, c = R.randint(1, 40), R.randint(1, 40), R.randint(1, 99)
    f = R.randint(0, 3)
    return [f"{via} {a} # {b}-{c:02d}", f"{via} {a} No. {b}-{c:02d}", f"{via} {a}A #{b}-{c:02d}", f"{via} {a} N° {b} - {c:02d}"][f]


def mz_lt() -> str:
    return R.choice([f"Mz {R.randint(1, 60)} Lt {R.randint(1, 40)}", f"manzana {R.randint(1, 60)} lote {R.randint(1, 40)}",
                     f"Mza. {R.randint(1, 60)}, Lote {R.randint(1, 40)}"])


# ---------------------------------------------------------------- numbers that are NOT personal data
def monto_mx() -> str:
    return R.choice([f"${R.randint(100, 9999):,}.00", f"$ {R.randint(1, 99)},{R.randint(0, 999):03d}.{R.randint(0, 99):02d}",
                     f"${R.randint(1, 40)},{R.randint(0, 999):03d},{R.randint(0, 999):03d}.00 pesos", f"{R.randint(2, 999)} mil pesos",
                     f"${R.randint(1, 9)},{R.randint(100, 999)},{R.randint(100, 999)} MXN"])


def monto_co() -> str:
    return R.choice([f"$ {R.randint(1, 9)}.{R.randint(0, 999):03d}.{R.randint(0, 999):03d}", f"${R.randint(10, 999)}.{R.randint(0, 999):03d}",
                     f"{R.randint(1, 99)}.{R.randint(0, 999):03d}.{R.randint(0, 999):03d} COP", f"$ {R.randint(1, 99)}.{R.randint(0, 999):03d}.{R.randint(0, 999):03d}.{R.randint(0, 999):03d} pesos",
                     f"COP {R.randint(100, 999)}.{R.randint(0, 999):03d}.{R.randint(0, 999):03d}"])


def fecha() -> str:
    d, m = R.randint(1, 28), R.randint(1, 12)
    return R.choice([f"{d:02d}/{m:02d}/2026", f"{d} de {['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'][m - 1]} de 2026",
                     f"{d:02d}-{m:02d}-2026", f"2026-{m:02d}-{d:02d}", f"{d}.{m:02d}.26"])


def hora() -> str:
    return R.choice([f"{R.randint(7, 20)}:{R.choice(['00', '30', '15'])} hrs", f"{R.randint(8, 11)}:00 a {R.randint(13, 18)}:00 horas", f"{R.randint(1, 11)}:30 p.m.", f"{R.randint(7, 20)}:00 h"])


def folio() -> str:
    return R.choice([f"{R.randint(10000, 99999)}", f"RC-{R.randint(2024, 2026)}-{R.randint(1000, 99999):05d}", f"{R.randint(100000, 9999999)}",
                     f"F-{R.randint(1000000000, 9999999999)}", f"{R.randint(2024, 2026)}{R.randint(100000, 999999)}"])


def expediente() -> str:
    return R.choice([f"Exp. {R.randint(1, 999)}/2026", f"expediente IEE/JGE/{R.randint(1, 99):03d}/2026", f"Expediente {R.randint(100, 9999)}/{R.randint(2020, 2026)}",
                     f"PSO-{R.randint(1, 99):02d}/2026", f"TEE-JDC-{R.randint(10, 199)}/2026"])


def licitacion() -> str:
    return R.choice([f"LO-802004999-E{R.randint(1, 60)}-2026", f"LA-02{R.randint(1000000, 9999999)}-E{R.randint(1, 99)}-2026",
                     f"LPN-MPR-{R.randint(1, 40):03d}-2026", f"SA-MC-{R.randint(1, 99):03d}-2026", f"LP-{R.randint(1, 99)}/2026"])


def placa() -> str:
    return R.choice([f"{''.join(R.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}-{R.randint(100, 999)}-{R.choice('ABCD')}",
                     f"{''.join(R.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))} {R.randint(100, 999)}",
                     f"{R.choice('ABCDEFGH')}{R.randint(10, 99)}-{R.choice('ABCDEF')}{R.choice('ABCDEF')}{R.randint(1, 9)}"])


def nit() -> str:
    return R.choice([f"{R.randint(800, 901)}.{R.randint(0, 999):03d}.{R.randint(0, 999):03d}-{R.randint(0, 9)}", f"{R.randint(800000000, 901999999)}-{R.randint(0, 9)}",
                     "891.280.000-3"])


def catastral() -> str:
    return R.choice([f"52001010{R.randint(10000000, 99999999)}000", f"01-{R.randint(1, 9):02d}-{R.randint(1, 999):03d}-{R.randint(1, 999):03d}",
                     f"{R.randint(100, 999)}-{R.randint(100, 999)}-{R.randint(10, 99)}", f"0{R.randint(10, 99)}-0{R.randint(10, 99)}-{R.randint(100, 999)}-0{R.randint(10, 99)}"])


def cuenta_predial() -> str:
    return R.choice([f"{R.randint(1000000000, 9999999999)}", f"{R.choice('ABCDEF')}{R.choice('ABCDEF')}-{R.randint(100, 999)}-{R.randint(100, 999)}",
                     f"{R.randint(10000, 999999)}", f"RU-{R.randint(100000, 999999)}"])


def matricula() -> str:
    return f"240-{R.randint(1000, 299999)}"


def radicado() -> str:
    return R.choice([f"2026-{R.randint(100000, 999999)}", f"{R.randint(20260000000, 20269999999)}", f"2026{R.randint(1000000, 9999999)}",
                     f"No. {R.randint(1000, 99999)} de 2026"])


def contrato() -> str:
    return R.choice([f"No. {R.randint(1, 999)}-2026", f"{R.randint(1000, 9999)}-2026-SOP", f"CPS-{R.randint(1, 999):03d}-2026",
                     f"No. {R.randint(2026000000, 2026999999)}", f"OP-{R.randint(1, 99)}/2026"])


def coords() -> str:
    return R.choice([f"{R.uniform(32.2, 32.5):.5f}, {R.uniform(-117.1, -116.9):.5f}", f"1.{R.randint(180000, 229999)}, -77.{R.randint(250000, 299999)}",
                     f"29°{R.randint(0, 59)}'{R.randint(0, 59)}\"N 110°{R.randint(0, 59)}'{R.randint(0, 59)}\"W"])


def cp() -> str:
    return R.choice(["22710", "22700", "44100", "83000", "83280", "520001", "520002", "22703"])


def pct() -> str:
    return R.choice([f"{R.randint(1, 99)}%", f"{R.randint(1, 99)}.{R.randint(0, 9)} %", f"{R.randint(1, 99)},{R.randint(0, 9)}%"])


def big() -> str:  # counts written with thousands separators (people, votes, kg)
    return R.choice([f"{R.randint(1, 9)},{R.randint(100, 999)},{R.randint(100, 999)}", f"{R.randint(1, 99)}.{R.randint(100, 999)}.{R.randint(100, 999)}",
                     f"{R.randint(10, 999)},{R.randint(100, 999)}", f"{R.randint(10, 999)}.{R.randint(100, 999)}"])


INST_PHONE_MX = ["661 614 9600", "(661) 614-9600", "664 973 7000", "33 3837 4400", "(662) 259 4900", "662 259 4900",
                 "55 5628 4200", "661-614-96-00", "6616149600", "(33) 3818 2200"]
INST_PHONE_CO = ["(602) 7244326", "602 7244326", "(602) 7291919", "602 733 3300", "+57 602 7244326"]
INST_MAIL = ["atencionciudadana@rosarito.gob.mx", "transparencia@guadalajara.gob.mx", "contactenos@pasto.gov.co",
             "oficialiadepartes@ieesonora.org.mx", "unidad.transparencia@ieesonora.org.mx", "atencion.ciudadana@ine.mx",
             "notificacionesjudiciales@pasto.gov.co", "predial@hermosillo.gob.mx", "becas@rosarito.gob.mx",
             "dif@rosarito.gob.mx", "secretaria.salud@pasto.gov.co", "comunicacion@ieesonora.org.mx"]
PUBLIC_SERVANT_MAIL = ["jose.ochoa@rosarito.gob.mx", "maria.lopez@hermosillo.gob.mx", "jcbenavides@pasto.gov.co",
                       "karla.meza@ieesonora.org.mx", "luis.torres@guadalajara.gob.mx"]
COMPANY_MAIL = ["ventas@constructoradelnoroeste.com.mx", "licitaciones@grupoconcretosbaja.com", "contacto@ferreteriaelpino.mx",
                "info@asfaltosdelsur.com.co", "facturacion@papeleriacentral.com.mx"]

GEN = {
    "nom": nombre, "nomco": nombre_co, "curp": curp, "rfc": rfc_pf, "rfcm": rfc_pm, "elector": clave_elector, "nss": nss,
    "clabe": clabe, "card": card, "cc": cedula, "cel": cel_mx, "celco": cel_co, "fijoco": fijo_co, "tel": phone_any, "celbr": cel_br,
    "wa": wa_link, "spelled": lambda: R.choice(SPELLED), "mail": email, "mailob": email_obf, "dir": dir_mx, "dirco": dir_co,
    "mzlt": mz_lt, "monto": monto_mx, "montoco": monto_co, "fecha": fecha, "hora": hora, "folio": folio, "exp": expediente,
    "lic": licitacion, "placa": placa, "nit": nit, "catastral": catastral, "cuenta": cuenta_predial, "matricula": matricula,
    "radicado": radicado, "contrato": contrato, "coord": coords, "cp": cp, "pct": pct, "big": big,
    "itel": lambda: R.choice(INST_PHONE_MX), "itelco": lambda: R.choice(INST_PHONE_CO), "imail": lambda: R.choice(INST_MAIL),
    "smail": lambda: R.choice(PUBLIC_SERVANT_MAIL), "cmail": lambda: R.choice(COMPANY_MAIL), "calle": lambda: R.choice(CALLES_MX),
    "col": lambda: R.choice(COLS_MX), "barrio": lambda: R.choice(BARRIOS_CO), "mun": lambda: R.choice(MUNICIPIO),
    "n": lambda: str(R.randint(2, 15)), "edad": lambda: str(R.randint(3, 85)), "anio": lambda: str(R.randint(2019, 2026)),
    "ext": lambda: str(R.randint(100, 1999)),
}


def fill(template: str) -> str:
    out = []
    i = 0
    while i < len(template):
        j = template.find("{", i)
        if j < 0:
            out.append(template[i:])
            break
        k = template.index("}", j)
        out.append(template[i:j])
        out.append(GEN[template[j + 1:k]]())
        i = k + 1
    return "".join(out)


def main() -> None:
    from independent_frames import FRAMES  # the hand-written posts

    rows = []
    for fi, (tmpl, types, note) in enumerate(FRAMES):
        half = "a" if zlib.crc32(tmpl.encode()) % 2 == 0 else "b"
        seen = set()
        for k in range(PER_FRAME):
            text = fill(tmpl)
            if text in seen:
                continue
            seen.add(text)
            rows.append({"id": f"I{fi:03d}-{k}", "half": half, "frame": fi, "text": text, "personal_data": bool(types),
                         "types": sorted(set(types)), "note": note})
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    pos = sum(r["personal_data"] for r in rows)
    print(f"{OUT.name}: {len(rows)} posts, {pos} positive, half a {sum(r['half'] == 'a' for r in rows)}")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(HERE))
    main()
