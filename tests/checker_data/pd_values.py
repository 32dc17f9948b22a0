"""Value generators for the personal_data corpus: valid identifiers (check digits computed with stdnum or the
published algorithms) and hard-negative numbers that institutional posts are full of.

Every generator takes a `random.Random` and returns a string; personal ones are validated so labels are right.
"""

from __future__ import annotations

import random
import string

import phonenumbers
from faker import Faker
from stdnum.mx import curp as stdcurp
from stdnum.mx import rfc as stdrfc

from pregon.checker.rules import pd_numbers as nums

FAKE_MX = Faker("es_MX")
FAKE_CO = Faker("es_CO")

CONSONANTS = "BCDFGHJKLMNPQRSTVWXZ"
VOWELS = "AEIOU"
CURP_STATES = sorted(stdcurp._valid_states)

INSTITUTIONS: dict[str, dict] = {
    "rosarito": {
        "country": "MX",
        "name": "Ayuntamiento de Playas de Rosarito",
        "own_domains": ["rosarito.gob.mx"],
        "published_contacts": ["661 614 9600", "661 612 0000", "transparencia@rosarito.gob.mx", "atencion@rosarito.gob.mx"],
        "areas": ["661", "664", "686", "646"],
    },
    "iee-sonora": {
        "country": "MX",
        "name": "Instituto Estatal Electoral de Sonora",
        "own_domains": ["ieesonora.org.mx"],
        "published_contacts": ["662 259 4900", "800 233 2009", "contacto@ieesonora.org.mx", "oficialia@ieesonora.org.mx"],
        "areas": ["662", "644", "631", "653", "55", "33", "81"],
    },
    "pasto": {
        "country": "CO",
        "name": "Alcaldía de Pasto",
        "own_domains": ["pasto.gov.co"],
        "published_contacts": ["602 733 3300", "(602) 723 4567", "contactenos@pasto.gov.co", "notificaciones@pasto.gov.co"],
        "areas": ["602", "601", "604"],
    },
}


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def letters(rng: random.Random, n: int, alphabet: str = string.ascii_uppercase) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _date6(rng: random.Random) -> str:
    return f"{rng.randint(40, 99) if rng.random() < 0.8 else rng.randint(0, 8):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"


def _name4(rng: random.Random) -> str:
    while True:
        v = rng.choice(CONSONANTS) + rng.choice(VOWELS) + rng.choice(CONSONANTS + VOWELS) + rng.choice(CONSONANTS + VOWELS)
        if v not in stdcurp._name_blacklist and v not in stdrfc._name_blacklist:
            return v


def _sep_style(rng: random.Random, parts: list[str]) -> str:
    r = rng.random()
    if r < 0.82:
        return "".join(parts)
    if r < 0.92:
        return " ".join(parts)
    return "-".join(parts)


def curp(rng: random.Random, valid: bool = True) -> str:
    while True:
        date = _date6(rng)
        first17 = _name4(rng) + date + rng.choice("HM") + rng.choice(CURP_STATES) + letters(rng, 3, CONSONANTS)
        first17 += "0" if date[0] in "456789" else rng.choice("AB")
        check = stdcurp.calc_check_digit(first17 + "0")
        if not valid:
            check = str((int(check) + rng.randint(1, 9)) % 10)
        value = first17 + check
        if stdcurp.is_valid(value) == valid:
            break
    out = _sep_style(rng, [value[:4], value[4:10], value[10:16], value[16:]])
    return out.lower() if rng.random() < 0.07 else out


def rfc_person(rng: random.Random, valid: bool = True) -> str:
    while True:
        body = _name4(rng) + _date6(rng) + rng.choice("123456789ABCDEFGHIJKLMNPQRSTUV") + rng.choice("123456789ABCDEFGHIJKLMNPQRSTUVWXYZ")
        check = stdrfc.calc_check_digit(body)
        if not valid:
            check = rng.choice([c for c in "0123456789A" if c != check])
        value = body + check
        if stdrfc.is_valid(value, validate_check_digits=True) == valid:
            break
    out = _sep_style(rng, [value[:4], value[4:10], value[10:]])
    return out.lower() if rng.random() < 0.05 else out


def rfc_company(rng: random.Random) -> str:
    while True:
        body = letters(rng, 3) + _date6(rng) + rng.choice("123456789ABCDEFGHIJKLMNPQRSTUV") + rng.choice("123456789ABCDEFGHIJKLMNPQRSTUVWXYZ")
        value = body + stdrfc.calc_check_digit(body)
        if stdrfc.is_valid(value, validate_check_digits=True):
            return value


def clave_elector(rng: random.Random, valid: bool = True) -> str:
    state = rng.randint(1, 32) if valid else rng.choice([0, 33, 45, 99])
    value = letters(rng, 6, CONSONANTS) + _date6(rng) + f"{state:02d}" + rng.choice("HM") + digits(rng, 3)
    assert nums.clave_elector_ok(value) == valid
    return value


def nss(rng: random.Random, valid: bool = True) -> str:
    while True:
        body = f"{rng.randint(1, 99):02d}{rng.randint(0, 99):02d}{rng.randint(40, 99):02d}" + digits(rng, 4)
        for c in "0123456789":
            if nums.luhn_ok(body + c) == valid:
                value = body + c
                break
        if nums.nss_ok(value) == valid:
            break
    if rng.random() < 0.15:
        return f"{value[:2]}-{value[2:4]}-{value[4:6]}-{value[6:10]}-{value[10]}"
    return value


CLABE_BANKS_COMMON = ["002", "012", "014", "021", "030", "036", "044", "058", "072", "127", "137", "646", "638"]


def clabe(rng: random.Random, valid: bool = True) -> str:
    first = rng.choice(CLABE_BANKS_COMMON) + digits(rng, 14)
    check = nums.clabe_check_digit(first)
    if not valid:
        check = str((int(check) + rng.randint(1, 9)) % 10)
    value = first + check
    if rng.random() < 0.2:
        return f"{value[:3]} {value[3:6]} {value[6:17]} {value[17]}"
    return value


CARD_PREFIXES = [("4", 16), ("4", 16), ("4", 13), ("51", 16), ("53", 16), ("55", 16), ("2221", 16), ("2720", 16),
                 ("2300", 16), ("34", 15), ("37", 15), ("6011", 16), ("65", 16), ("5062", 16), ("36", 14),
                 ("3530", 16), ("62", 16), ("4", 19)]


def card(rng: random.Random, valid: bool = True) -> str:
    prefix, n = rng.choice(CARD_PREFIXES)
    body = prefix + digits(rng, n - len(prefix) - 1)
    for c in "0123456789":
        if nums.luhn_ok(body + c) == valid:
            value = body + c
            break
    assert nums.card_ok(value) == valid
    r = rng.random()
    if n == 15 and r < 0.6:
        return f"{value[:4]} {value[4:10]} {value[10:]}"
    if r < 0.55:
        sep = rng.choice([" ", " ", "-"])
        return sep.join(value[i : i + 4] for i in range(0, n, 4))
    return value


def _valid_phone(nat: str, region: str) -> bool:
    num = phonenumbers.parse(nat, region)
    return phonenumbers.is_valid_number(num) and nums.phone_national(nat, False) is not None


def phone_mx(rng: random.Random, areas: list[str] | None = None) -> str:
    while True:
        area = rng.choice(areas or ["55", "33", "81", "664", "662", "222", "998", "999", "686", "656", "614", "844",
                                    "477", "442", "744", "229", "961", "661", "646", "644", "871", "618"])
        nat = area + str(rng.randint(2, 9)) + digits(rng, 10 - len(area) - 1)
        if _valid_phone(nat, "MX"):
            break
    a, rest = nat[: len(area)], nat[len(area) :]
    if len(area) == 2:
        g = [rest[:4], rest[4:]]
    else:
        g = [rest[:3], rest[3:]]
    forms = [
        f"{a} {g[0]} {g[1]}",
        f"({a}) {g[0]}-{g[1]}",
        f"{a}-{g[0]}-{g[1]}",
        nat,
        f"+52 {a} {g[0]} {g[1]}",
        f"+52 1 {a} {g[0]} {g[1]}",
        f"+52{nat}",
        f"044 {a} {g[0]} {g[1]}",
        f"{a}.{g[0]}.{g[1]}",
        f"{a} {rest[:3]} {rest[3:5]} {rest[5:]}" if len(area) == 3 else f"{a} {rest[:2]} {rest[2:4]} {rest[4:6]} {rest[6:]}",
        f"({a}) {g[0]} {g[1]}",
        f"52 {nat}",
    ]
    return rng.choice(forms)


def phone_co(rng: random.Random, mobile: bool | None = None) -> str:
    if mobile is None:
        mobile = rng.random() < 0.7
    while True:
        if mobile:
            nat = rng.choice(["300", "301", "302", "304", "305", "310", "311", "312", "313", "314", "315", "316", "317",
                              "318", "319", "320", "321", "322", "323", "350", "351"]) + str(rng.randint(2, 9)) + digits(rng, 6)
        else:
            nat = rng.choice(["601", "602", "604", "605", "606", "607", "608"]) + str(rng.randint(2, 8)) + digits(rng, 6)
        if _valid_phone(nat, "CO"):
            break
    a, b, c = nat[:3], nat[3:6], nat[6:]
    forms = [f"{a} {b} {c}", nat, f"+57 {a} {b} {c}", f"+57 {nat}", f"({a}) {b} {c}", f"{a}-{b}-{c}",
             f"{a} {b} {c[:2]} {c[2:]}", f"57 {nat}", f"+57 ({a}) {b}-{c}", f"{a} {nat[3:]}"]
    return rng.choice(forms)


FREE_MAIL = ["gmail.com", "hotmail.com", "yahoo.com.mx", "outlook.com", "live.com.mx", "icloud.com", "hotmail.es",
             "yahoo.com", "gmail.co", "une.net.co", "prodigy.net.mx", "protonmail.com"]


def email_personal(rng: random.Random, co: bool = False) -> str:
    fake = FAKE_CO if co else FAKE_MX
    first = fake.first_name().lower()
    last = fake.last_name().lower()
    strip = str.maketrans("áéíóúñü ", "aeiounu.")
    first, last = first.translate(strip), last.translate(strip)
    user = rng.choice([f"{first}.{last}", f"{first}{last}{rng.randint(1, 99)}", f"{first[0]}{last}",
                       f"{first}_{last}{rng.randint(60, 99)}", f"{last}.{first}{rng.randint(1, 9)}"])
    return f"{user}@{rng.choice(FREE_MAIL)}"


def email_institutional(rng: random.Random, inst: dict) -> str:
    dom = inst["own_domains"][0]
    user = rng.choice(["transparencia", "comunicacion", "obraspublicas", "tesoreria", "dif", "participacion",
                       "juridico", "catastro", "contraloria", "secretaria.general", "deportes", "cultura"])
    if rng.random() < 0.2:
        return rng.choice([e for e in inst["published_contacts"] if "@" in e])
    if rng.random() < 0.15:
        return f"{user}@{rng.choice(['sonora.gob.mx', 'bajacalifornia.gob.mx', 'narino.gov.co', 'ine.mx', 'minsalud.gov.co', 'imss.gob.mx'])}"
    return f"{user}@{dom}"


MX_STREET_TYPES = ["Calle", "Av.", "Avenida", "Calle", "Privada", "Blvd.", "Callejón", "Andador", "Cerrada", "Calle"]
MX_COLONIA = ["Col.", "Colonia", "Fracc.", "Fraccionamiento", "Col.", "Barrio", "U.H.", "Infonavit"]


def address_mx(rng: random.Random) -> str:
    street = FAKE_MX.street_name() if rng.random() < 0.6 else rng.choice(
        ["Hidalgo", "Morelos", "Benito Juárez", "5 de Mayo", "Guadalupe Victoria", "Niños Héroes", "Pino Suárez",
         "Francisco I. Madero", "Las Palmas", "de los Olivos", "Río Sonora", "Tulipanes", "Aldama", "16 de Septiembre"])
    stype = rng.choice(MX_STREET_TYPES)
    for t in ("Calle ", "Avenida ", "Privada ", "Callejón ", "Boulevard ", "Andador ", "Cerrada ", "Periférico ",
              "Circuito ", "Calzada ", "Corredor ", "Diagonal ", "Eje vial ", "Pasaje ", "Peatonal ", "Prolongación ",
              "Retorno ", "Viaducto ", "Continuación ", "Ampliación ", "Camino ", "Carretera ", "Cerrada ", "Eje "):
        if street.startswith(t):
            street = street[len(t):]
    number = rng.choice([str(rng.randint(1, 3999)), f"#{rng.randint(1, 999)}", f"No. {rng.randint(1, 999)}",
                         f"{rng.randint(1, 999)}-{rng.choice('ABC')}", f"{rng.randint(10, 999)} int. {rng.randint(1, 12)}",
                         f"núm. {rng.randint(1, 999)}"])
    colonia = FAKE_MX.city() if rng.random() < 0.3 else rng.choice(
        ["Centro", "Obrera", "Las Flores", "Reforma", "Independencia", "Lomas del Mar", "Villa Turística",
         "San Benito", "Hacienda Los Portales", "Constitución", "El Sahuaro", "Pitic", "Modelo", "Olivares"])
    form = rng.random()
    if form < 0.75:
        return f"{stype} {street} {number}, {rng.choice(MX_COLONIA)} {colonia}"
    if form < 0.9:
        return f"{stype} {street} {number} {rng.choice(MX_COLONIA)} {colonia}"
    return f"Mz. {rng.randint(1, 90)} Lt. {rng.randint(1, 60)}, {rng.choice(MX_COLONIA)} {colonia}"


CO_STREET_TYPES = ["Calle", "Carrera", "Cra", "Cra.", "Cl.", "Calle", "Carrera", "Avenida", "Diagonal", "Transversal",
                   "Kr", "Cll", "Tv.", "Dg."]
CO_BARRIOS = ["Las Cuadras", "Obrero", "San Andrés", "Pandiaco", "Anganoy", "Lorenzo de Aldana", "Centro", "Fátima",
              "Villa Lucía", "El Tejar", "Chapalito", "Santa Mónica", "Torobajo", "La Carolina", "Juanoy"]


def address_co(rng: random.Random) -> str:
    st = rng.choice(CO_STREET_TYPES)
    n1 = f"{rng.randint(1, 80)}{rng.choice(['', '', '', 'A', 'B', ' Sur', 'A Bis'])}"
    sep = rng.choice(["#", "# ", "No.", "No. ", "N°", "#", "Nro."])
    n2 = f"{rng.randint(1, 99)}{rng.choice(['', '', 'A', 'B'])}"
    n3 = f"{rng.randint(1, 99):02d}"
    core = f"{st} {n1} {sep}{n2}-{n3}" if rng.random() < 0.8 else f"{st} {n1} {sep}{n2} - {n3}"
    tail = rng.choice(["", "", f", barrio {rng.choice(CO_BARRIOS)}", f" barrio {rng.choice(CO_BARRIOS)}",
                       f", apto {rng.randint(101, 504)}", f" casa {rng.randint(1, 40)}"])
    return core + tail


def cedula(rng: random.Random) -> str:
    n = rng.choice([8, 10, 10, 10, 7])
    value = (rng.choice("1") if n == 10 else str(rng.randint(1, 9))) + digits(rng, n - 1)
    if rng.random() < 0.45:
        rev = value[::-1]
        groups = [rev[i : i + 3][::-1] for i in range(0, len(rev), 3)]
        return ".".join(reversed(groups))
    return value


# --- hard negatives -----------------------------------------------------------------------------------------------

def amount_mx(rng: random.Random) -> str:
    v = rng.choice([rng.randint(100, 9999), rng.randint(10_000, 99_999_999)])
    return rng.choice([f"${v:,}.00", f"${v:,}", f"{v:,} pesos", f"$ {v:,} MXN", f"{rng.randint(1, 950)} millones de pesos",
                       f"${rng.randint(1, 99)}.{rng.randint(1, 9)} mdp"])


def amount_co(rng: random.Random) -> str:
    v = rng.randint(100_000, 9_999_999_999)
    s = f"{v:,}".replace(",", ".")
    return rng.choice([f"${s}", f"$ {s}", f"{s} pesos", f"{rng.randint(1, 950)}.{rng.randint(100, 999)} millones",
                       f"{rng.randint(2, 900)} millones de pesos", f"${s} COP"])


def folio(rng: random.Random) -> str:
    y = rng.randint(2019, 2026)
    return rng.choice([f"folio {y}-{digits(rng, 6)}", f"folio {digits(rng, 10)}", f"oficio DTB/{digits(rng, 3)}/{y}",
                       f"oficio No. SA-{digits(rng, 4)}/{y}", f"expediente {digits(rng, 3)}/{y}",
                       f"radicado {y}{digits(rng, 7)}", f"número de solicitud {digits(rng, 12)}",
                       f"folio de registro {digits(rng, 8)}", f"línea de captura {digits(rng, 20)}",
                       f"referencia {digits(rng, 11)}", f"clave catastral {digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 3)}",
                       f"cuenta predial {digits(rng, 10)}", f"guía {digits(rng, 12)}", f"número de guía {digits(rng, 22)}",
                       f"ticket #{digits(rng, 7)}", f"reporte {digits(rng, 9)}", f"placa {letters(rng, 3)}-{digits(rng, 3)}",
                       f"ID {digits(rng, 10)}", f"folio SIAC-{digits(rng, 8)}", f"acta {digits(rng, 4)}/{y}"])


def contract(rng: random.Random) -> str:
    y = rng.randint(2020, 2026)
    return rng.choice([f"contrato LP-SA-{digits(rng, 3)}/{y}", f"licitación LPN-{digits(rng, 3)}-{y}",
                       f"contrato No. {digits(rng, 4)}-{y}", f"proceso SAMC-{digits(rng, 3)}-{y}",
                       f"contrato de obra {digits(rng, 3)} de {y}", f"convenio {digits(rng, 2)}/{y}",
                       f"BPIN {y}{digits(rng, 9)}", f"SECOP II CO1.PCCNTR.{digits(rng, 7)}",
                       f"licitación pública nacional LA-{digits(rng, 9)}-E{digits(rng, 2)}-{y}"])


def date_time(rng: random.Random) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2024, 2026)
    months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
              "noviembre", "diciembre"]
    return rng.choice([f"{d} de {months[m - 1]} de {y}", f"{d:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{d:02d}",
                       f"{d:02d}-{m:02d}-{y}", f"{rng.randint(7, 11)}:00 a {rng.randint(13, 20)}:00 horas",
                       f"a las {rng.randint(8, 18)}:{rng.choice(['00', '30'])} hrs", f"del {d} al {d + rng.randint(1, 3)} de {months[m - 1]}",
                       f"{d}.{m:02d}.{y}", f"{rng.randint(8, 11)}:00 am"])


def article(rng: random.Random) -> str:
    return rng.choice([f"artículo {rng.randint(1, 300)}", f"art. {rng.randint(1, 200)} fracción {rng.choice(['I', 'III', 'IV', 'XII'])}",
                       f"Ley {rng.randint(100, 2300)} de {rng.randint(1990, 2025)}", f"Decreto {rng.randint(100, 2500)} de {rng.randint(2000, 2025)}",
                       f"Acuerdo {rng.randint(1, 99)}/{rng.randint(2020, 2026)}", f"NOM-{digits(rng, 3)}-SSA1-{rng.randint(2000, 2024)}",
                       f"Resolución {digits(rng, 4)} de {rng.randint(2015, 2026)}"])


def misc_number(rng: random.Random) -> str:
    return rng.choice([f"C.P. {rng.randint(20000, 99999)}", f"CP {rng.randint(20000, 99999)}", f"{rng.randint(1, 99)}%",
                       f"{rng.randint(1, 99)}.{rng.randint(1, 9)}%", f"{rng.randint(100, 95000):,} personas",
                       f"{rng.randint(2, 900)} familias", f"{rng.randint(1, 40)} km", f"{rng.randint(100, 90000):,} m²",
                       f"#Rosarito{rng.randint(2024, 2026)}", f"#Pasto{rng.randint(2024, 2026)}", f"#Elecciones{rng.randint(2024, 2027)}",
                       f"{rng.randint(1200, 9800)} beneficiarios", f"año {rng.randint(1990, 2026)}",
                       f"{rng.randint(10, 500)} toneladas", f"{rng.randint(1, 12)} de cada 10",
                       f"{rng.randint(100000, 999999)} habitantes", f"Ruta {rng.randint(1, 40)}",
                       f"{rng.randint(1, 9)}.{rng.randint(100, 999)} viviendas", f"{rng.randint(1000, 99999)} votos"])


def emergency(rng: random.Random, co: bool) -> str:
    if co:
        return rng.choice(["123", "#123", "155", "132", "119", "01 8000 910 600", "018000 112 442", "línea 106",
                           "línea 192", "01 8000 918 080", "144"])
    return rng.choice(["911", "089", "072", "075", "070", "01 800 715 2000", "800 911 2000", "800 290 0024",
                       "01-800-838-0830", "800 007 3726", "55 5658 1111", "088"])


def url(rng: random.Random, inst: dict) -> str:
    dom = inst["own_domains"][0]
    return rng.choice([f"https://{dom}/tramites/{digits(rng, 6)}", f"https://www.{dom}/convocatoria-{rng.randint(2024, 2026)}",
                       f"{dom}/transparencia", f"https://bit.ly/{letters(rng, 6, string.ascii_letters)}",
                       f"https://{dom}/consulta?folio={digits(rng, 10)}", f"www.{dom}/pagos",
                       f"https://www.facebook.com/{letters(rng, 8, string.ascii_lowercase)}/posts/{digits(rng, 16)}"])


def inst_phone(rng: random.Random, inst: dict) -> str:
    pub = [c for c in inst["published_contacts"] if "@" not in c]
    return rng.choice(pub)
