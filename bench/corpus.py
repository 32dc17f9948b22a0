"""Deterministic corpus of institutional posts for the throughput benchmark (`make bench`).

    .venv/bin/python bench/corpus.py [-n 100000] [--seed 20260] [--out bench/out/corpus-100000.jsonl]

Writes JSONL lines `{"id", "text"}` (the input contract of `pregon check --jsonl`) and, beside it,
`<name>.truth.jsonl` with `{"id", "pd": [types]}`: the personal data the generator planted in each post
(used only for a crude agreement table, not as an accuracy measure).

The posts imitate the voice of a Mexican ayuntamiento (Playas de Rosarito, Guadalajara, IEE Sonora) and a
Colombian alcaldía (Pasto): convocatorias, avisos de obra, trámites, programas sociales, seguridad, eventos,
salud, servicios, protección civil and elecciones; 80–600 characters with hashtags, URLs, handles, emoji,
amounts, folios, dates and institutional contact lines. About 12 % carry personal data of a natural person
(phones, CURP, RFC, clave de elector, NSS, CLABE, card numbers, personal e-mails, home addresses, cédula),
embedded the way such leaks happen (missing-person notices, lists of winners, donation appeals, "write to…").

Everything is drawn from one `random.Random(seed)` and Faker instances seeded from it, so the same seed and
Faker version give byte-identical output; the SHA-256 of the file is printed so runs can be compared.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers
from faker import Faker
from stdnum.mx import curp as std_curp
from stdnum.mx import rfc as std_rfc

OUT_DIR = Path(__file__).resolve().parent / "out"
MIN_LEN, MAX_LEN = 80, 600
PD_RATE = 0.12

# --- institutions ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Inst:
    key: str
    country: str
    name: str  # how the account calls itself
    city: str
    domain: str
    handle: str
    tags: tuple[str, ...]
    area: tuple[str, ...]  # local area codes (MX) / fixed-line prefixes (CO)
    currency: str
    office_phone: str  # published switchboard
    places: tuple[str, ...]
    zones: tuple[str, ...] = field(default=())  # colonias / barrios / comunas


INSTITUTIONS = (
    Inst(
        "rosarito", "MX", "Gobierno de Playas de Rosarito", "Playas de Rosarito", "rosarito.gob.mx", "@GobRosarito",
        ("#Rosarito", "#PlayasDeRosarito", "#GobiernoDeRosarito", "#RosaritoTeQuiero", "#BajaCalifornia"),
        ("661", "664"), "MXN", "661 614 9600",
        ("Palacio Municipal", "Unidad Deportiva Pro Hogar", "Parque Abelardo L. Rodríguez", "Casa de la Cultura",
         "Delegación Plan Libertador", "Centro Comunitario Ampliación Lucio Blanco", "Malecón de Rosarito"),
        ("Centro", "Reforma", "Constitución", "Lucio Blanco", "Ampliación Constitución", "Plan Libertador",
         "Mazatlán", "Ejido Mazatlán", "Hacienda Los Laureles", "Primo Tapia", "Colinas del Mar", "Obrera"),
    ),
    Inst(
        "guadalajara", "MX", "Gobierno de Guadalajara", "Guadalajara", "guadalajara.gob.mx", "@GuadalajaraGob",
        ("#Guadalajara", "#GDL", "#GuadalajaraCumple", "#Jalisco", "#CiudadDeTodos"),
        ("33",), "MXN", "33 3837 4400",
        ("Palacio Municipal", "Plaza Liberación", "Unidad Administrativa Reforma", "Parque Morelos",
         "Mercado Corona", "Centro Cultural Constitución", "Biblioteca Pública Municipal"),
        ("Americana", "Santa Tere", "Oblatos", "Jardines del Bosque", "Chapalita", "Mezquitán", "Analco",
         "San Andrés", "Las Conchas", "Polanquito", "Huentitán El Bajo", "Lomas del Paraíso"),
    ),
    Inst(
        "iee-sonora", "MX", "Instituto Estatal Electoral de Sonora", "Hermosillo", "ieesonora.org.mx", "@IEESonora",
        ("#IEESonora", "#Elecciones2027", "#SonoraVota", "#DemocraciaSonora", "#ConsultaPopular"),
        ("662",), "MXN", "662 259 4900",
        ("Sede del IEE Sonora", "Consejo Municipal Electoral de Cajeme", "Auditorio Cívico del Estado",
         "Universidad de Sonora", "Consejo Distrital 12"),
        ("Centro", "Pitic", "San Benito", "Modelo", "Olivares", "Balderrama", "Villa de Seris", "Las Quintas"),
    ),
    Inst(
        "pasto", "CO", "Alcaldía de Pasto", "San Juan de Pasto", "pasto.gov.co", "@AlcaldiaPasto",
        ("#Pasto", "#PastoAvanza", "#AlcaldíaDePasto", "#Nariño", "#CarnavalDeNegrosYBlancos"),
        ("602",), "COP", "(602) 724 4326",
        ("Centro Administrativo Municipal CAM Anganoy", "Plaza de Nariño", "Coliseo Sergio Antonio Ruano",
         "Biblioteca Leopoldo López Álvarez", "Estadio Departamental Libertad", "Parque Bolívar",
         "Casa de la Cultura de Nariño"),
        ("Obrero", "Las Cuadras", "Lorenzo de Aldana", "Corazón de Jesús", "Pandiaco", "Tamasagra", "Chapal",
         "La Minga", "San Vicente", "Santa Mónica", "Aranda", "Caicedonia", "Jamondino"),
    ),
)

EMOJI_OPEN = ("📢", "🚧", "✅", "📅", "🚨", "🎉", "📌", "ℹ️", "⚠️", "🗳️", "💧", "🏥", "🌧️", "☀️", "🎭", "🏃", "🌳", "👏")
EMOJI_INLINE = ("📍", "⏰", "📞", "👉", "🗓️", "💻", "✉️", "🔗", "📝", "💵", "🙌", "⬇️")
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
          "noviembre", "diciembre")
DAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
FREE_MAIL = ("gmail.com", "hotmail.com", "yahoo.com.mx", "outlook.com", "hotmail.es", "live.com.mx", "icloud.com",
             "yahoo.es", "outlook.es", "prodigy.net.mx")
STATES_CURP = ("BC", "JC", "SR", "DF", "MC", "NL", "SL", "CH", "GT", "PL", "VZ", "OC", "GR", "MN", "SP", "TS")
CLABE_BANKS = ("002", "012", "014", "021", "030", "036", "044", "058", "062", "072", "127", "137", "638", "646")
CONSONANTS = "BCDFGHJKLMNPQRSTVWXZ"
VOWELS = "AEIOU"


class Gen:
    """One generator: a seeded RNG and seeded Faker instances."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.fk = {"MX": Faker("es_MX"), "CO": Faker("es_CO")}
        for i, f in enumerate(self.fk.values()):
            f.seed_instance(seed * 7 + i)

    # ---- small pieces ----------------------------------------------------------------------------------------
    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def date(self, with_day: bool = True, ranged: bool = False) -> str:
        """A date ("sábado 14 de marzo", "14/03/2026"); with ranged=True also "del 2 al 6 de febrero"."""
        d, m = self.r.randint(1, 28), self.pick(MONTHS)
        style = self.r.randrange(5)
        if style == 0:
            return f"{d:02d}/{MONTHS.index(m) + 1:02d}/2026"
        if style == 1 and ranged:
            return f"del {d} al {min(d + self.r.randint(2, 9), 30)} de {m}"
        wd = f"{self.pick(DAYS)} " if with_day and self.chance(0.6) else ""
        return f"{wd}{d} de {m}"

    def hour(self) -> str:
        h = self.r.randint(7, 18)
        style = self.r.randrange(4)
        if style == 0:
            return f"a las {h}:{self.pick(('00', '30'))} h"
        if style == 1:
            return f"de {h}:00 a {min(h + self.r.randint(2, 6), 21)}:00 horas"
        if style == 2:
            return f"a partir de las {h if h <= 12 else h - 12}:00 {'a.m.' if h < 12 else 'p.m.'}"
        return f"en horario de {h}:00 a {min(h + 6, 20)}:00"

    def amount(self, inst: Inst) -> str:
        if inst.country == "MX":
            v = self.pick((self.r.randint(150, 9_900), self.r.randint(10_000, 990_000),
                           self.r.randint(1_000_000, 95_000_000)))
            style = self.r.randrange(4)
            if style == 0:
                return f"${v:,} pesos"
            if style == 1:
                return f"$ {v:,}.00 MXN"
            if style == 2 and v >= 1_000_000:
                return f"{v / 1_000_000:.1f} millones de pesos"
            return f"${v:,}"
        v = self.pick((self.r.randint(20, 990) * 1000, self.r.randint(1_000, 90_000) * 1000,
                       self.r.randint(100, 9_000) * 1_000_000))
        s = f"{v:,}".replace(",", ".")
        return self.pick((f"${s}", f"$ {s} pesos", f"{s} COP", f"${s} millones" if v < 1_000_000 else f"${s}"))

    def folio(self, inst: Inst) -> str:
        y = self.pick(("2025", "2026", "2027"))
        n = self.r.randint(1, 9999)
        if inst.country == "MX":
            return self.pick((
                f"folio DU-{y}/{n:04d}",
                f"oficio SG/{n}/{y}",
                f"licitación pública LO-{self.r.randint(800000000, 899999999)}-E{self.r.randint(1, 60)}-{y}",
                f"contrato SOP-{n:03d}-{y}",
                f"expediente {n}/{y}",
                f"número de reporte {self.r.randint(100000, 999999)}",
                f"clave catastral {self.pick(('RO', 'GD', 'HM'))}-{self.r.randint(100, 999)}-{self.r.randint(100, 999)}",
                f"acuerdo de cabildo {n}/{y}",
            ))
        return self.pick((
            f"radicado {y}-{n:05d}",
            f"proceso SAMC-{n:03d}-{y}",
            f"contrato de obra N° {n}-{y}",
            f"Decreto {n} de {y}",
            f"BPIN {y}{self.r.randint(10**9, 10**10 - 1)}",
            f"resolución {n:04d} del {self.r.randint(1, 28)} de {self.pick(MONTHS)}",
            f"SECOP II CO1.PCCNTR.{self.r.randint(1000000, 9999999)}",
        ))

    def url(self, inst: Inst) -> str:
        path = self.pick(("convocatorias", "tramites", "avisos", "transparencia", "programas", "citas", "eventos",
                          "obras", "predial", "empleo", "becas", "noticias/" + str(self.r.randint(100, 9999))))
        style = self.r.randrange(6)
        if style == 0:
            return f"https://www.{inst.domain}/{path}"
        if style == 1:
            return f"https://{inst.domain}/{path}?utm_source=redes"
        if style == 2:
            return f"www.{inst.domain}/{path}"
        if style == 3:
            return f"https://bit.ly/{''.join(self.r.choices(string.ascii_letters + string.digits, k=7))}"
        if style == 4:
            return f"{inst.domain}/{path}"
        return f"https://forms.gle/{''.join(self.r.choices(string.ascii_letters + string.digits, k=10))}"

    def office_line(self, inst: Inst) -> str:
        ext = self.r.randint(1000, 1999)
        return self.pick((
            f"📞 Informes al {inst.office_phone} ext. {ext}",
            f"Línea de atención ciudadana: {inst.office_phone}",
            f"Mayores informes en las oficinas de la Dirección al teléfono {inst.office_phone}, extensión {ext}",
            f"Conmutador {inst.office_phone} ext {ext}",
            "Emergencias: 911" if inst.country == "MX" else "Línea de emergencias 123",
            "Denuncia anónima 089" if inst.country == "MX" else "Línea gratuita 01 8000 957 000",
            "Llama sin costo al 800 123 4567" if inst.country == "MX" else "Atención al ciudadano: (602) 729 1000",
            f"✉️ Escríbenos a atencion@{inst.domain}",
            f"Dudas al correo contacto@{inst.domain}",
        ))

    def hashtags(self, inst: Inst, k: int) -> str:
        tags = self.r.sample(inst.tags, min(k, len(inst.tags)))
        return " ".join(tags)

    def person(self, inst: Inst) -> str:
        return self.fk[inst.country].name()

    def street(self, inst: Inst) -> str:
        return self.fk[inst.country].street_name()

    # ---- personal data values (valid check digits where the document has one) --------------------------------
    def _letters4(self) -> str:
        while True:
            s = self.pick(CONSONANTS) + self.pick(VOWELS) + self.pick(CONSONANTS + VOWELS) + self.pick(CONSONANTS)
            if s not in ("CACA", "CAGO", "PEDO", "PUTO", "MAMO", "CULO", "KAKA", "MOCO", "BUEY", "JOTO"):
                return s

    def _yymmdd(self) -> tuple[str, int]:
        year = self.r.randint(1945, 2008)
        return f"{year % 100:02d}{self.r.randint(1, 12):02d}{self.r.randint(1, 28):02d}", year

    def curp(self) -> str:
        for _ in range(50):
            date, year = self._yymmdd()
            body = (self._letters4() + date + self.pick("HM") + self.pick(STATES_CURP)
                    + "".join(self.pick(CONSONANTS) for _ in range(3))
                    + (self.pick("0123456789") if year < 2000 else self.pick("ABCDEFGH")))
            value = body + std_curp.calc_check_digit(body + "0")
            if std_curp.is_valid(value):
                return value
        raise RuntimeError("no valid CURP generated")

    def rfc(self) -> str:
        for _ in range(50):
            date, _ = self._yymmdd()
            body = self._letters4() + date + self.pick("123456789ABCDEFGHJKLMNPRSTUV") + self.pick(
                "123456789ABCDEFGHJKLMNPRSTUVWXYZ")
            value = body + std_rfc.calc_check_digit(body)
            if std_rfc.is_valid(value, validate_check_digits=True):
                return value
        raise RuntimeError("no valid RFC generated")

    def clave_elector(self) -> str:
        letters = "".join(self.pick(string.ascii_uppercase) for _ in range(6))
        date, _ = self._yymmdd()
        return f"{letters}{date}{self.r.randint(1, 32):02d}{self.pick('HM')}{self.r.randint(0, 999):03d}"

    @staticmethod
    def _luhn_digit(body: str) -> str:
        total = 0
        for i, ch in enumerate(reversed(body)):
            d = int(ch)
            if i % 2 == 0:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        return str((10 - total % 10) % 10)

    def nss(self) -> str:
        body = f"{self.r.randint(1, 99):02d}{self.r.randint(0, 99):02d}{self.r.randint(40, 99):02d}{self.r.randint(0, 9999):04d}"
        return body + self._luhn_digit(body)

    def clabe(self) -> str:
        body = self.pick(CLABE_BANKS) + f"{self.r.randint(1, 999):03d}" + "".join(
            str(self.r.randrange(10)) for _ in range(11))
        total = sum((int(c) * w) % 10 for c, w in zip(body, (3, 7, 1) * 6))
        return body + str((10 - total % 10) % 10)

    def card(self) -> str:
        prefix = self.pick(("4", "4", "51", "53", "55", "5579"))
        body = prefix + "".join(str(self.r.randrange(10)) for _ in range(15 - len(prefix)))
        digits = body + self._luhn_digit(body)
        return self.pick((" ".join(digits[i:i + 4] for i in range(0, 16, 4)), digits,
                          "-".join(digits[i:i + 4] for i in range(0, 16, 4))))

    def phone(self, inst: Inst) -> str:
        for _ in range(50):
            if inst.country == "MX":
                area = self.pick(inst.area)
                nat = area + "".join(str(self.r.randrange(10)) for _ in range(10 - len(area)))
                region = "MX"
            else:
                nat = self.pick(("300", "301", "304", "310", "311", "312", "313", "314", "315", "316", "317", "318",
                                 "320", "321", "350")) + "".join(str(self.r.randrange(10)) for _ in range(7))
                region = "CO"
            if nat[3] in "01":
                continue
            if phonenumbers.is_valid_number(phonenumbers.parse(nat, region)):
                break
        cc = "52" if inst.country == "MX" else "57"
        a, b, c = (nat[:3], nat[3:6], nat[6:]) if not nat.startswith(("33", "55", "81")) else (nat[:2], nat[2:6], nat[6:])
        return self.pick((f"{a} {b} {c}", f"({a}) {b}-{c}", f"+{cc} {a} {b} {c}", nat, f"{a}-{b}-{c}",
                          f"{a}.{b}.{c}", f"+{cc}{nat}"))

    def email(self, inst: Inst, name: str) -> str:
        fk = self.fk[inst.country]
        parts = [p for p in name.lower().split() if p.isalpha()] or [fk.user_name()]
        first, last = parts[0], parts[-1]
        tr = str.maketrans("áéíóúüñ", "aeiouun")
        user = self.pick((f"{first}.{last}", f"{first}{last}{self.r.randint(1, 99)}", f"{first[0]}{last}",
                          f"{first}_{last}{self.r.randint(70, 2005)}", fk.user_name())).translate(tr)
        return f"{user}@{self.pick(FREE_MAIL)}"

    def address(self, inst: Inst) -> str:
        if inst.country == "MX":
            kind = self.pick(("Calle", "Av.", "Calle", "Privada", "Blvd.", "Cerrada", "Andador", "Calle"))
            num = self.pick((str(self.r.randint(1, 9999)), f"#{self.r.randint(1, 3999)}", f"No. {self.r.randint(1, 999)}",
                             f"{self.r.randint(1, 999)}-{self.pick('ABC')}"))
            zone = self.pick(("Col.", "colonia", "Fracc.", "fraccionamiento", "Col."))
            street = self.fk["MX"].last_name() if self.chance(0.5) else self.street(inst)
            if self.chance(0.15):
                return f"Mz. {self.r.randint(1, 60)} Lt. {self.r.randint(1, 40)}, {zone} {self.pick(inst.zones)}"
            return f"{kind} {street} {num}, {zone} {self.pick(inst.zones)}"
        kind = self.pick(("Calle", "Carrera", "Cra.", "Cl.", "Diagonal", "Transversal", "Kr"))
        a, b, c = self.r.randint(1, 99), self.r.randint(1, 99), self.r.randint(1, 99)
        letter = self.pick(("", "", "", "A", "B", " Bis"))
        sep = self.pick(("#", "No.", "N°", "# "))
        tail = self.pick(("", "", f" apto {self.r.randint(101, 504)}", f" casa {self.r.randint(1, 40)}"))
        return f"{kind} {a}{letter} {sep} {b}-{c}{tail} barrio {self.pick(inst.zones)}"

    def cedula(self) -> str:
        n = self.pick((self.r.randint(1_000_000, 99_999_999), self.r.randint(1_000_000_000, 1_199_999_999)))
        if self.chance(0.6):
            return f"{n:,}".replace(",", ".")
        return str(n)


# --- topics ---------------------------------------------------------------------------------------------------
# Each topic returns the body of a post (without hashtags); `{…}` values come from the generator.


def t_convocatoria(g: Gen, i: Inst) -> list[str]:
    what = g.pick(("Becas para el Bienestar Municipal", "la Beca Académica de Excelencia", "el Premio Municipal de la Juventud",
                   "plazas de policía municipal", "el programa Jóvenes Emprendedores", "el concurso de cuento infantil",
                   "estímulos a la creación artística", "la convocatoria de presupuesto participativo",
                   "el proceso de selección de personal operativo", "la bolsa de empleo municipal"))
    return [
        g.pick(("¡Participa!", "CONVOCATORIA", "Convocatoria abierta", "Atención jóvenes", "¡Últimos días!")),
        f"{i.name} invita a la ciudadanía a registrarse en {what}.",
        f"El registro estará abierto {g.date(ranged=True)} {g.hour()}." if g.chance(0.8) else "",
        g.pick(("Requisitos: identificación oficial, comprobante de domicilio y CURP impresa.",
                "Consulta las bases y requisitos completos en la convocatoria publicada.",
                "Revisa la documentación requerida antes de acudir.",
                f"Se otorgarán apoyos de hasta {g.amount(i)}.")),
        f"{g.pick(EMOJI_INLINE)} {g.url(i)}",
    ]


def t_obra(g: Gen, i: Inst) -> list[str]:
    street = g.street(i)
    return [
        g.pick(("🚧 AVISO DE OBRA", "Aviso vial", "🚧 Cierre parcial", "Trabajamos para ti", "#AvisoVial")),
        g.pick((f"A partir del {g.date()} se realizarán trabajos de {g.pick(('repavimentación', 'bacheo', 'rehabilitación de red de drenaje', 'alumbrado público', 'construcción de banquetas'))} "
                f"en {g.pick(('la calle', 'la avenida', 'el bulevar'))} {street}, en la colonia {g.pick(i.zones)}.",
                f"Continúan los trabajos de pavimentación en el barrio {g.pick(i.zones)}, con una inversión de {g.amount(i)}.")),
        g.pick(("Te pedimos tomar vías alternas y extremar precauciones.", "Disculpa las molestias, es por tu bienestar.",
                "La circulación será a un solo carril durante 15 días.", f"Obra contratada mediante {g.folio(i)}.")),
        g.office_line(i) if g.chance(0.3) else "",
    ]


def t_tramite(g: Gen, i: Inst) -> list[str]:
    tramite = g.pick(("el pago del impuesto predial", "la licencia de funcionamiento", "la constancia de residencia",
                      "el permiso de construcción", "la renovación de la licencia de conducir", "el certificado de estratificación",
                      "la expedición de actas de nacimiento", "la cédula catastral", "el registro de mascotas"))
    return [
        g.pick(("Trámites en línea 💻", "¿Sabías que…?", "Aprovecha", "Recuerda", "Ahorra tiempo")),
        f"Ya puedes realizar {tramite} desde tu celular, sin filas.",
        g.pick((f"Durante {g.pick(MONTHS)} obtén un descuento del {g.r.randint(5, 20)}% por pronto pago.",
                f"El costo es de {g.amount(i)}.", f"Si iniciaste tu trámite, consulta el estado con tu {g.folio(i)}.",
                "Solo necesitas tu clave catastral y una tarjeta bancaria.")),
        f"👉 {g.url(i)}",
        g.office_line(i) if g.chance(0.4) else "",
    ]


def t_programa(g: Gen, i: Inst) -> list[str]:
    prog = g.pick(("Comedores Comunitarios", "Mujeres Jefas de Familia", "Apoyo al Adulto Mayor", "Útiles Escolares Gratuitos",
                   "Familias en Acción", "Techo Digno", "Mercado Agrícola Itinerante", "Hambre Cero"))
    return [
        g.pick(("✅ Programa social", "Cumplimos", "Apoyos que transforman", "Entrega de apoyos")),
        f"Este {g.date()} entregamos apoyos del programa «{prog}» a {g.r.randint(50, 4000)} familias de {g.pick(i.zones)}.",
        g.pick(("Este programa es público, ajeno a cualquier partido político. Queda prohibido el uso para fines distintos a los establecidos en el programa.",
                f"La inversión total asciende a {g.amount(i)}.", "Gracias a todas las personas voluntarias que hicieron posible esta jornada.",
                f"Los padrones de beneficiarios pueden consultarse en {g.url(i)}")),
    ]


def t_seguridad(g: Gen, i: Inst) -> list[str]:
    return [
        g.pick(("🚨 Seguridad", "Prevención del delito", "Policía Municipal informa", "Tu seguridad es primero")),
        g.pick((f"Elementos de la policía municipal realizaron {g.r.randint(10, 300)} recorridos de vigilancia en {g.pick(i.zones)} durante el fin de semana.",
                "Evita ser víctima de fraude telefónico: ninguna dependencia te pedirá datos bancarios por llamada.",
                f"Se instalaron {g.r.randint(5, 120)} nuevas cámaras de videovigilancia conectadas al C5.",
                "Si vas a salir de vacaciones, registra tu domicilio en el programa Vacaciones Seguras.")),
        g.office_line(i),
    ]


def t_evento(g: Gen, i: Inst) -> list[str]:
    ev = g.pick(("Festival de la Langosta", "Feria del Libro", "Noche de Museos", "Carrera Atlética 10K", "Concierto de la Banda Sinfónica",
                 "Cine en tu Colonia", "Muestra Gastronómica", "Desfile de Blancos y Negros", "Tianguis Cultural", "Torneo Relámpago de Fútbol"))
    return [
        g.pick(("🎉 ¡No te lo pierdas!", "Agenda cultural", "Este fin de semana", "¡Te esperamos!")),
        f"{ev}: {g.date(ranged=True)} {g.hour()} en {g.pick(i.places)}.",
        g.pick(("Entrada libre.", "Evento gratuito para toda la familia.", f"Boletos desde {g.amount(i)}.", "Cupo limitado.")),
        f"Programa completo 👉 {g.url(i)}" if g.chance(0.6) else "",
    ]


def t_salud(g: Gen, i: Inst) -> list[str]:
    return [
        g.pick(("🏥 Salud", "Jornada de salud", "Vacúnate", "Cuida tu salud")),
        f"Brigada de {g.pick(('vacunación contra influenza', 'esterilización canina y felina', 'detección de diabetes', 'salud visual', 'mastografías'))} "
        f"{g.date()} {g.hour()} en {g.pick(i.places)}.",
        g.pick(("Servicio gratuito, solo presenta tu identificación.", "Lleva tu cartilla de vacunación.",
                "Aplica para mayores de 60 años, embarazadas y personas con enfermedades crónicas.")),
    ]


def t_servicios(g: Gen, i: Inst) -> list[str]:
    return [
        g.pick(("💧 Aviso", "Servicios Públicos", "Recolección de basura", "Alumbrado")),
        g.pick((f"Por mantenimiento a la red hidráulica, el {g.date()} habrá baja presión de agua en {g.pick(i.zones)}, {g.pick(i.zones)} y {g.pick(i.zones)}.",
                f"La ruta de recolección en la colonia {g.pick(i.zones)} cambia a los días {g.pick(DAYS)} y {g.pick(DAYS)}.",
                f"Reparamos {g.r.randint(20, 800)} luminarias este mes. Reporta una falla con el número de poste.")),
        g.office_line(i),
    ]


def t_proteccion(g: Gen, i: Inst) -> list[str]:
    return [
        g.pick(("⚠️ PROTECCIÓN CIVIL", "🌧️ Alerta por lluvias", "☀️ Ola de calor", "Pronóstico")),
        g.pick(("Se prevén lluvias fuertes y rachas de viento de hasta 60 km/h en las próximas 24 horas.",
                "Temperaturas de hasta 42 °C: hidrátate, evita exponerte al sol entre 11:00 y 16:00 h.",
                f"Se habilitaron {g.r.randint(2, 12)} albergues temporales. El más cercano está en {g.pick(i.places)}.")),
        g.pick(("Mantente informado solo por canales oficiales.", "No cruces arroyos ni calles inundadas.", "Ante cualquier emergencia llama al 911.")),
    ]


def t_elecciones(g: Gen, i: Inst) -> list[str]:
    return [
        g.pick(("🗳️ Proceso electoral", "Participa", "Democracia", "Consulta ciudadana")),
        g.pick((f"Desde el {g.date(False)} podrás consultar la ubicación de tu casilla en {g.url(i)}.",
                f"El Consejo General aprobó el {g.folio(i)} sobre el registro de candidaturas independientes.",
                "Recuerda que la credencial para votar vencida no será válida para sufragar.",
                f"Se instalarán {g.r.randint(200, 4000)} casillas en el estado; capacitamos a {g.r.randint(1000, 20000)} funcionarios.")),
        g.pick(("Infórmate en fuentes oficiales.", "Tu voto es libre y secreto.", "", "Consulta la lista nominal en el portal.")),
    ]


TOPICS = (t_convocatoria, t_obra, t_tramite, t_programa, t_seguridad, t_evento, t_salud, t_servicios, t_proteccion,
          t_elecciones)
TOPIC_WEIGHTS = (10, 12, 12, 10, 10, 14, 8, 10, 6, 8)

# --- personal data insertions ---------------------------------------------------------------------------------
# Each returns (sentence, [types]).


def pd_missing(g: Gen, i: Inst) -> tuple[str, list[str]]:
    name = g.person(i)
    phone = g.phone(i)
    if g.chance(0.5):
        return (f"Se busca a {name}, de {g.r.randint(12, 80)} años, quien vive en {g.address(i)}. "
                f"Cualquier información comunícate con su familia al cel. {phone}.", ["address", "phone"])
    return (f"Ayúdanos a localizar a {name}. Si lo has visto, llama a su hija al WhatsApp {phone}.", ["phone"])


def pd_winner(g: Gen, i: Inst) -> tuple[str, list[str]]:
    name = g.person(i)
    if i.country == "CO":
        return (f"Felicitamos a {name}, identificado con C.C. {g.cedula()}, ganador del concurso.", ["cedula"])
    kind = g.pick(("curp", "rfc", "curp"))
    value = g.curp() if kind == "curp" else g.rfc()
    return (f"Felicidades a {name} ({kind.upper()} {value}), {g.pick(('ganadora', 'ganador'))} de la beca municipal.", [kind])


def pd_contact(g: Gen, i: Inst) -> tuple[str, list[str]]:
    name = g.person(i)
    if g.chance(0.5):
        return (f"Para más información comunícate con {name} al {g.pick(('cel.', 'celular', 'WhatsApp', 'teléfono'))} {g.phone(i)}.", ["phone"])
    return (f"Envía tus documentos al correo {g.email(i, name)} con atención a {name}.", ["email"])


def pd_donation(g: Gen, i: Inst) -> tuple[str, list[str]]:
    name = g.person(i)
    if i.country == "MX" and g.chance(0.6):
        return (f"Si deseas apoyar a la familia de {name}, puedes depositar a la CLABE {g.clabe()} a su nombre.", ["clabe"])
    return (f"Apoya a {name} con tu donativo a la tarjeta {g.card()}.", ["card"])


def pd_ids(g: Gen, i: Inst) -> tuple[str, list[str]]:
    name = g.person(i)
    if i.country == "CO":
        return (f"El ciudadano {name}, cédula {g.cedula()}, reclamará el subsidio en la tesorería.", ["cedula"])
    which = g.r.randrange(3)
    if which == 0:
        return (f"Se encontró una credencial para votar a nombre de {name}, clave de elector {g.clave_elector()}.", ["clave_elector"])
    if which == 1:
        return (f"El trabajador {name}, NSS {g.nss()}, recibió su reconocimiento por 25 años de servicio.", ["nss"])
    return (f"Beneficiaria: {name}, CURP {g.curp()}, RFC {g.rfc()}.", ["curp", "rfc"])


def pd_address(g: Gen, i: Inst) -> tuple[str, list[str]]:
    name = g.person(i)
    return (f"Atendimos el reporte en el domicilio particular de {name}, {g.address(i)}.", ["address"])


PD_KINDS = (pd_missing, pd_winner, pd_contact, pd_donation, pd_ids, pd_address)
PD_WEIGHTS = (20, 15, 30, 10, 15, 10)


def _flair(g: Gen, text: str) -> str:
    """A few posts with style problems the other rules look for (caps, emoji runs, textspeak)."""
    r = g.r.random()
    if r < 0.03:
        return text.upper()
    if r < 0.05:
        return text + " " + "".join(g.pick(EMOJI_OPEN) for _ in range(g.r.randint(4, 8)))
    if r < 0.07:
        return text.replace("porque", "xq").replace("que ", "q ") + " ¡¡¡Te esperamos!!!"
    return text


def make_post(g: Gen) -> tuple[str, list[str]]:
    inst = g.r.choices(INSTITUTIONS, weights=(40, 20, 10, 30))[0]
    topic = g.r.choices(TOPICS, weights=TOPIC_WEIGHTS)[0]
    parts = [p for p in topic(g, inst) if p]
    pd: list[str] = []
    if g.chance(PD_RATE):
        sentence, pd = g.r.choices(PD_KINDS, weights=PD_WEIGHTS)[0](g, inst)
        parts.insert(g.r.randint(1, len(parts)), sentence)
    if g.chance(0.7):
        parts[0] = f"{g.pick(EMOJI_OPEN)} {parts[0]}"
    if g.chance(0.15):
        parts.append(f"Síguenos en {inst.handle}")
    sep = g.pick((" ", " ", "\n", "\n\n"))
    if sep == " " and parts[0][-1].isalnum():
        parts[0] += g.pick((":", " |", ".", " —"))
    tags = g.hashtags(inst, g.r.randint(0, 4))
    text = sep.join(parts)
    # keep within 80–600 characters: drop optional middle parts first, never the personal data
    while len(text) + len(tags) + 1 > MAX_LEN and len(parts) > 2:
        droppable = [k for k in range(1, len(parts)) if not pd or all(v not in parts[k] for v in ("CURP", "@"))]
        parts.pop(droppable[-1] if droppable else -1)
        text = sep.join(parts)
    if tags:
        text = f"{text}{sep}{tags}"
    if len(text) < MIN_LEN:
        text = f"{text}{sep}{g.office_line(inst)} {g.hashtags(inst, 2)}".strip()
    text = _flair(g, text)[:MAX_LEN]
    return text, pd


def generate(n: int, seed: int, out: Path) -> tuple[Path, str, dict]:
    g = Gen(seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    truth_path = out.with_suffix(".truth.jsonl")
    sha = hashlib.sha256()
    stats = {"posts": n, "with_pd": 0, "chars": 0, "min_len": MAX_LEN, "max_len": 0}
    with open(out, "w", encoding="utf-8") as fh, open(truth_path, "w", encoding="utf-8") as th:
        for k in range(1, n + 1):
            text, pd = make_post(g)
            pid = f"p{k:06d}"
            line = json.dumps({"id": pid, "text": text}, ensure_ascii=False) + "\n"
            fh.write(line)
            sha.update(line.encode())
            th.write(json.dumps({"id": pid, "pd": pd}) + "\n")
            stats["with_pd"] += bool(pd)
            stats["chars"] += len(text)
            stats["min_len"] = min(stats["min_len"], len(text))
            stats["max_len"] = max(stats["max_len"], len(text))
    return out, sha.hexdigest(), stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=100_000, help="number of posts (default 100000)")
    ap.add_argument("--seed", type=int, default=20260, help="RNG seed (default 20260)")
    ap.add_argument("--out", type=Path, help="output JSONL (default bench/out/corpus-N.jsonl)")
    args = ap.parse_args(argv)
    out = args.out or OUT_DIR / f"corpus-{args.n}.jsonl"
    path, digest, stats = generate(args.n, args.seed, out)
    print(f"{path}: {stats['posts']} posts, {stats['with_pd']} with personal data "
          f"({100 * stats['with_pd'] / max(1, stats['posts']):.1f} %), mean {stats['chars'] / max(1, stats['posts']):.0f} chars "
          f"[{stats['min_len']}–{stats['max_len']}], sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
