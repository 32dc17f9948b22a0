"""`personal_data` category: identifiers, contact data and home addresses of natural persons in a post.

Norm clauses: rosarito:9.3, iee-sonora:6.III, pasto:3.5, pasto:3.8 (the policy attaches them; this module only
detects). Every finding carries the character span of the offending value.

Decisions (see the report that introduced this module and the tests for the measured cases):
- CURP, RFC, NSS, CLABE and card numbers are reported only when their check digit is valid; structure-only
  matches are ordinary codes (folios, references) far more often than mistyped identifiers.
- RFC: only natural persons (13 characters with homoclave, or 10 characters right after the word "RFC"). The
  12-character RFC of a legal person (a company, a supplier in a contract notice) is public and not reported.
- E-mail: addresses under `ctx.own_domains` (or their subdomains), addresses listed in `ctx.published_contacts`
  and addresses of any government domain (*.gob.mx, *.gov.co, *.gov.mx, *.mil.co, …) are institutional.
- Phones: valid MX/CO numbers (phonenumbers) except toll-free/shared-cost ones, emergency and 3-digit service
  numbers (never long enough to match), numbers in `ctx.published_contacts`, and switchboard lines written with
  an extension or presented as an office line ("conmutador", "oficinas", "línea de atención" …) unless the text
  marks them as personal ("cel.", "WhatsApp", "particular").
- Addresses: a street with a house number followed by a colonia/fraccionamiento/barrio (MX), a Colombian
  nomenclature address ("Calle 18 # 25-40"), "Mz/Lt" or a street number introduced by "domicilio"/"vive en".
  Addresses presented as an office or public place ("palacio municipal", "oficinas", "módulo", "ubicado en",
  "instalaciones" …) are not reported unless a personal marker ("vive", "particular", "su casa") is near.
- Cédula (CO): only in context ("C.C.", "cédula", "identificado con", "T.I.").
- Added after the independent set (tests/checker_data/personal_data_independent.jsonl): phones split by a line break,
  in wa.me links or spelled out digit by digit; the institution's own line introduced in the first person
  ("llámanos al …") or by a bare "Tel." right after the office that owns it; obfuscated e-mails ("[arroba]", "(at)",
  "@gmail .com"); organisational domains (*.org.mx, *.edu.*) and role mailboxes of companies ("ventas@…") are not
  personal; "en la/de la colonia" and "Domicilio:" addresses; public-works context makes an address non-personal;
  7–8 digit numbers only right after a phone word; a bare 10-digit number in a sentence about an account or folio
  with no phone word is not a phone.
- Added after the round-two set (tests/checker_data/personal_data_round2.jsonl, half a): the office that owns a line
  named right before it ("Teléfono de la Dirección: …") or right after it ("… (Dirección de Servicios Públicos)",
  "… - Contraloría", "(línea oficial)"); a WhatsApp/cel line the text assigns to an institution ("línea WhatsApp de
  la Alcaldía: …") — a personal marker still wins when no owner follows it; a bare number opening a table row or
  list item is judged by the heading above it; plural account/contract words; Colombian nomenclature on a named
  avenue ("Av. Panamericana # 7-73"); "(+57)" inside the span; published contacts with "ext." or several lines.
- Added in round three (tests/checker_data/personal_data_round3.jsonl): filler words between a cédula cue and its
  digits ("identificado con el número …", "C.C. N.º", "1'085.274.113") unless a contract/property is identified;
  spaced e-mails ("luis_meza @ gmail . com") with a provider or usual mail ending; institutional accounts ("cuenta
  del Municipio", "cuenta institucional", "titular: Tesorería"); service phrases ("atención al ciudadano", PBX, mesa
  de ayuda, PQRS, cámara de comercio); a person named after an office number in the same sentence is judged apart
  ("… (conmutador) o con la señora Rosa al …"); calling verbs ("te marcamos al …") are phone cues.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable

from pregon.checker.rules import pd_numbers as nums
from pregon.checker.types import CheckContext, Hit

CATEGORY = "personal_data"

MESSAGES: dict[str, str] = {
    "curp": "Hay una CURP. Quítela: es un dato personal que no debe publicarse.",
    "rfc": "Hay un RFC de persona física. Quítelo: es un dato personal que no debe publicarse.",
    "clave_elector": "Hay una clave de elector de la credencial del INE. Quítela o tápela antes de publicar.",
    "nss": "Hay un número de seguridad social (IMSS). Quítelo: es un dato personal.",
    "clabe": "Hay una CLABE bancaria que no es de la institución. Quítela o use solo la cuenta oficial publicada.",
    "card": "Hay un número de tarjeta bancaria. Quítelo por completo; nunca publique tarjetas.",
    "phone": "Hay un número de teléfono personal. Quítelo o sustitúyalo por la línea oficial de atención.",
    "email": "Hay un correo electrónico personal. Quítelo o sustitúyalo por el correo institucional.",
    "address": "Hay un domicilio particular. Quítelo o deje solo una referencia general (colonia o barrio).",
    "cedula": "Hay un número de cédula de ciudadanía. Quítelo: es un dato personal que no debe publicarse.",
}
RULES: tuple[str, ...] = tuple(f"{CATEGORY}.{name}" for name in MESSAGES)

_I = re.IGNORECASE

# --- alphanumeric identifiers -------------------------------------------------------------------------------
_SEP = r"[ \-]?"
_CURP_RE = re.compile(
    rf"(?<![\w])[A-Z]{{4}}{_SEP}\d{{6}}{_SEP}[HMX][A-Z]{{5}}{_SEP}[0-9A-Z]\d(?![\w])", _I
)
_RFC_RE = re.compile(rf"(?<![\w&])([A-ZÑ&]{{4}}{_SEP}\d{{6}})(?:{_SEP}[A-Z0-9]{{3}})?(?![\w])", _I)
_RFC_WORD_RE = re.compile(r"\bR\.?\s?F\.?\s?C\b\.?(?:\s*(?:es|del|de|n[uú]mero))?[\s:#.\-]{0,4}$", _I)
_ELECTOR_RE = re.compile(rf"(?<![\w])[A-Z]{{6}}{_SEP}\d{{8}}{_SEP}[HM]{_SEP}?\d{{3}}(?![\w])", _I)

# --- numbers ------------------------------------------------------------------------------------------------
# A run of digit groups joined by single separators, optionally led by "+" and an area code in parentheses.
# Each repetition must consume a separator, so the pattern is unambiguous and linear.
_NUM_RE = re.compile(
    r"(?=[+(\d])(?<![\w$@/=#&%+,\-])(?<!\d\.)(?<!\w\.\w\.)"
    r"(?:\(\+\s?\d{1,3}\s?\)\s?|(\+\s?)?(?:\(\s?\d{1,4}\s?\)\s?)?)"
    r"\d{1,19}"
    r"(?:(?:[ .\-]|\s?-\s?|\)\s?|\s\(|\s?\.\s?| ?\n ?)\d{1,19}){0,7}"
    r"(?![\w@/%]|[.,]\d)"
)
_CHAIN_SPLIT_RE = re.compile(r"\s[\-.]\s")
_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", _I)

_GOV_SUFFIXES = (".gob.mx", ".gov.co", ".gov.mx", ".mil.co", ".mil.mx", ".gob.co", ".gov", ".gob.es", ".int")
# Organisational second-level domains (public bodies such as ieesonora.org.mx, universities, civil associations).
_ORG_SUFFIXES = (".org.mx", ".org.co", ".edu.mx", ".edu.co", ".edu", ".ac.mx")
# Mailbox providers where an address belongs to a person (never an office of the institution).
_FREEMAIL = frozenset(
    "gmail.com googlemail.com hotmail.com hotmail.es hotmail.com.mx outlook.com outlook.es live.com live.com.mx"
    " live.com.co msn.com yahoo.com yahoo.com.mx yahoo.es yahoo.com.co ymail.com icloud.com me.com aol.com"
    " prodigy.net.mx protonmail.com proton.me gmx.com gmx.es une.net.co etb.net.co zoho.com mail.com".split()
)
# Role mailboxes of a company or office ("ventas@…", "contacto@…"): the address of an organisation, not a person.
_ROLE_MAILBOX_RE = re.compile(
    r"^(?:contacto|contactenos|cont[aá]ctanos|info|informes|informacion|ventas|venta|atencion|atenci[oó]n"
    r"|admin|administracion|facturacion|factura|licitaciones|compras|rh|rrhh|recursoshumanos|gerencia|direccion"
    r"|soporte|servicio|servicios|clientes|hola|prensa|comunicacion|transparencia|oficialia|notificaciones|quejas"
    r"|pqrs|pqrd|pqrsd|juridico|tesoreria|proveedores|cotizaciones|interventoria|supervision|recepcion|citas"
    r"|pedidos|noreply|no-reply|webmaster|postmaster|office|sales|contact|secretaria|cobranza|contabilidad"
    r"|empleo|empleos|vacantes|talento|reclutamiento|calidad|operaciones|logistica|proyectos|obras)(?:[._\-@]|\d|$)",
    _I,
)
# Autonomous public bodies whose domains are not under a government suffix (institutional, not personal).
_PUBLIC_BODY_DOMAINS = ("ine.mx", "inai.org.mx", "cndh.org.mx", "banxico.org.mx", "inegi.org.mx", "infonavit.org.mx",
                        "fonacot.gob.mx", "registraduria.gov.co", "cne.gov.co", "procuraduria.gov.co")
# Public service lines written as ordinary 10-digit numbers (Locatel, Consejo Ciudadano, Profeco, SAT).
_PUBLIC_LINES = frozenset({"5556581111", "5555335533", "5555688722", "5556272728", "5553465000"})

# Context windows (lower-cased text before/after a candidate).
_NUMBER_NEG_BEFORE = re.compile(
    r"(?:\$|\b(?:folio|oficio|expediente|exp|contrato|licitaci[oó]n|convenio|partida|referencia|ref|l[ií]nea de captura"
    r"|gu[ií]a|rastreo|tracking|n[uú]mero de control|clave catastral|cuenta predial|predial|catastr|registro"
    r"|acta|decreto|resoluci[oó]n|acuerdo|art[ií]culo|art|fracci[oó]n|c\.\s?p|cp|c[oó]digo postal|nit|n\.i\.t"
    r"|orden|pedido|ticket|reporte|solicitud|id|serie|lote|placa|inventario|proceso|radicado|secop|bpin|matr[ií]cula"
    r"|cuenta|transferencia|monto|importe|pago de|cop|mxn|isbn|issn|sku)\b\.?)"
    r"[^\n\d]{0,14}$",
    _I,
)
_NUMBER_NEG_AFTER = re.compile(
    r" ?(?:pesos|millones|mil\b|mdp|cop|mxn|usd|d[oó]lares|%|por ciento|personas|habitantes|beneficiari|familias"
    r"|hect[aá]reas|km|kil[oó]metros|metros|m2|m²|toneladas|litros|viviendas|votos|ciudadanos|hogares|estudiantes"
    r"|a[nñ]os|horas|hrs|d[ií]as|veces|unidades|piezas|dosis|registros|solicitudes|tr[aá]mites|servicios)",
    _I,
)
_PHONE_PERSONAL = ("cel", "whats", "wa ", "wa:", "wsp", "wpp", "particular", "personal", "móvil", "movil")
_PHONE_INSTITUTIONAL_BEFORE = (
    "conmutador", "oficina", "línea de atención", "linea de atencion", "línea oficial", "línea directa",
    "línea gratuita", "línea ciudadana", "lineas de atencion", "líneas de atención", "atención ciudadana",
    "atencion ciudadana", "call center", "centro de atención", "centro de atencion", "mesa de ayuda", "locatel",
    "atención al ciudadano", "atencion al ciudadano", "servicio al ciudadano", "atención al usuario",
    "atencion al usuario", "atención a usuarios", "atención al público", "atencion al publico", "servicio al cliente",
    "atención al cliente", "atencion al cliente", "pbx", "contact center", "centro de contacto", "línea única",
    "linea unica", "línea nacional", "linea nacional", "línea gratuita", "linea gratuita", "central de citas",
    "línea de denuncia", "linea de denuncia", "línea anticorrupción", "línea de orientación", "línea de emergencia",
    "pqrs", "pqrsd", "pqr ", "cámara de comercio", "camara de comercio", "de la cámara", "de la camara",
    "de la universidad", "de la notaría", "de la notaria", "de la e.s.e", "de la empresa",
    "palacio municipal", "ayuntamiento", "alcaldía", "alcaldia", "secretaría", "secretaria de", "dirección de",
    "direccion de", "departamento de", "coordinación de", "coordinacion de", "instituto", "dif ", "dif,", "tesorería",
    "tesoreria", "registro civil", "sindicatura", "personería", "personeria", "inspección de policía",
    "estación de policía", "bomberos", "cruz roja", "protección civil", "proteccion civil", "policía", "policia",
    "fiscalía", "fiscalia", "hospital", "clínica", "clinica", "centro de salud", "ventanilla", "módulo", "modulo",
    "unidad de transparencia", "de la dirección", "de la direccion", "de la subdirección", "de la coordinación",
    "de la coordinacion", "de la jefatura", "de la dependencia", "de la institución", "de la institucion",
    "del departamento", "de la oficina", "de la delegación", "de la contraloría", "de la procuraduría",
    "de la gerencia", "de la entidad", "del municipio", "de la presidencia municipal", "de la gobernación",
)
# Appointment, orientation and helplines of a health institution or office ("línea de citas", "agendamiento",
# "línea amiga", "línea de la E.S.E."): institutional even when the line is a WhatsApp one.
_PHONE_SERVICE_LINES = (
    "línea de citas", "linea de citas", "líneas de citas", "lineas de citas", "citas al", "citas por", "agendamiento",
    "agenda tu cita", "agende su cita", "asignación de citas", "asignacion de citas", "línea de orientación",
    "linea de orientacion", "líneas de orientación", "línea amiga", "linea amiga", "línea de la e.s.e",
    "linea de la e.s.e", "línea de la ese", "linea de la ese", "línea del hospital", "linea del hospital",
    "línea de la ips", "linea de la ips", "de la ips", "línea de la clínica", "linea de la clinica",
)
_WHATSAPP_MARKERS = ("whats", "wa ", "wa:", "wsp", "wpp")
# An institution owning a line written after a personal-looking marker ("línea WhatsApp de la Alcaldía: …").
_PHONE_OWNER_AFTER_MARKER = (
    "de la alcaldía", "de la alcaldia", "del ayuntamiento", "del municipio", "de la dirección", "de la direccion",
    "de la secretaría", "de la secretaria", "del gobierno", "de la gobernación", "de la gobernacion",
    "de la coordinación", "de la coordinacion", "del dif", "de la tesorería", "de la tesoreria", "de atención",
    "de atencion", "de la policía", "de la policia", "de protección civil", "de proteccion civil", "de la fiscalía",
    "de la fiscalia", "del instituto", "de la oficina", "de la unidad", "de la dependencia", "de la institución",
    "de la institucion", "de la personería", "de la personeria", "del hospital", "de la e.s.e", "de la ese",
    "de la ips", "de la clínica", "de la clinica", "de citas", "para citas", "de agendamiento", "de orientación",
    "de orientacion",
)
# An office named right after the number ("… al 664 123 4567 (Dirección de Servicios Públicos)").
_PHONE_OFFICE_AFTER = (
    "dirección", "direccion", "subdirección", "coordinación", "coordinacion", "secretaría", "secretaria de",
    "tesorería", "tesoreria", "oficina", "dif ", "dif)", "alcaldía", "alcaldia", "ayuntamiento", "instituto",
    "departamento", "unidad de", "centro de atención", "hospital", "protección civil", "proteccion civil",
    "bomberos", "policía", "policia", "fiscalía", "fiscalia", "registro civil", "atención ciudadana",
    "atencion ciudadana", "conmutador", "línea de atención", "linea de atencion", "jefatura", "delegación",
    "gobierno", "gobernación", "presidencia municipal", "sindicatura", "personería", "personeria", "contraloría",
    "contraloria", "procuraduría", "procuraduria", "oficialía", "oficialia", "defensoría", "defensoria", "comisaría",
    "comisaria", "inspección de", "inspeccion de", "catastro", "centro de salud", "juzgado", "estación de",
    "atención al", "atencion al", "servicio al", "mesa de ayuda", "call center", "pbx", "línea gratuita",
    "linea gratuita", "contact center", "línea de citas", "linea de citas", "citas", "agendamiento",
    "línea de orientación", "linea de orientacion", "línea amiga", "linea amiga", "e.s.e", "ips",
)
# The institution speaking about its own line ("llámanos al …", "nuestro teléfono …"); only right before the number.
_PHONE_FIRST_PERSON = (
    "llámanos", "llamanos", "márcanos", "marcanos", "contáctanos", "contactanos", "comunícate con nosotros",
    "comunicate con nosotros", "escríbenos", "escribenos", "nuestro teléfono", "nuestro telefono", "nuestra línea",
    "nuestra linea", "nuestros teléfonos", "nuestro número", "nuestro numero", "nuestro whatsapp",
)
# Offices and public places that own the line given right after them ("Punto de atención … Tel. …").
_OFFICE_PLACES = ("punto de atención", "punto de atencion", "oficinas", "sede", "ventanilla única", "casa de la cultura",
                  "casa de justicia", "biblioteca", "auditorio", "centro comunitario", "juzgado", "notaría", "comisaría")
_PHONE_LABELS = frozenset("tel tels teléfono telefono teléfonos telefonos informes info contacto pbx fax línea linea".split())
_EXTENSION_AFTER = re.compile(r"[\s,;.]{0,3}(?:ext\b|ext\.|exts?\.?\s?\d|extensi[oó]n|ext:)", _I)
_NSS_CUE = re.compile(
    r"(?:\bnss\b|n\.s\.s|seguro social|seguridad social|imss|afiliaci[oó]n|afiliad[oa])[^\n]{0,70}$", _I
)
_CARD_CUE = re.compile(r"(?:tarjeta|card|visa|master\s?card|amex|american express|d[ée]bito|cr[ée]dito|plástico)", _I)
_CLABE_OWNER = (
    r"(?:municipio|ayuntamiento|tesorer|gobierno|secretar|instituto|alcald|distrito|departamento|comit[eé]"
    r"|fideicomiso|sistema|dif\b|organismo|junta|comisi[oó]n|gobernaci[oó]n|presidencia|fondo|hospital|e\.s\.e"
    r"|universidad|consejo|direcci[oó]n|coordinaci[oó]n|empresa municipal|instituci[oó]n|entidad|dependencia)"
)
_CLABE_CUE_INSTITUTIONAL = re.compile(
    rf"(?:a nombre (?:de la|del|de|de el) {_CLABE_OWNER}|cuentas? (?:bancarias? )?(?:oficial|institucional|municipal"
    rf"|concentradora|receptora)|cuentas? (?:bancarias? )?(?:de la|del|de) {_CLABE_OWNER}"
    rf"|(?:titular|beneficiario|raz[oó]n social)\s?:?\s?(?:el |la )?{_CLABE_OWNER}"
    rf"|tesorer[ií]a|pago de (?:impuesto|predial|derechos|multa|agua))",
    _I,
)
_CEDULA_RE = re.compile(
    r"\b(?:c\.\s?c\.?|\bcc\b|c[eé]dula(?:\s+de\s+ciudadan[ií]a|\s+de\s+extranjer[ií]a)?|\bt\.\s?i\.?|\bti\b"
    r"|tarjeta de identidad|documento de identidad|identificad[oa]s? con|\bc[eé]d\.|\bnuip\b|\bc\.\s?e\.(?=\s?(?:n|#|\d))"
    r"|(?:n[uú]mero|no\.|nro\.?) de (?:identificaci[oó]n|documento)(?! tributari)|documento(?=\s?(?:no\b|n[°º]|nro|#|:)))"
    # filler between the cue and the digits: "identificado con el número", "con cédula de ciudadanía No.", "C.C. N.º"
    r"(?:[\s:.#°º]|n[uú]mero|n\.?\s?[°ºo]\.?|no\.?|nro\.?|el\b|la\b|su\b|de\b|ciudadan[ií]a\b|c[eé]dula\b"
    r"|c\.\s?c\.?|cc\b){0,10}"
    r"(\d{1,3}(?:[.,'’´]\d{3}){1,3}|\d{6,10})(?![\w]|[.,]\d)",
    _I,
)
# "identificado con el número …" also names a contract, a property or a case: not a cédula then.
_CEDULA_THING_BEFORE = re.compile(
    r"\b(?:contrato|proceso|predio|inmueble|expediente|radicado|licitaci[oó]n|resoluci[oó]n|decreto|acuerdo|veh[ií]culo"
    r"|lote|folio|proyecto|convenio|oficio|bien|matr[ií]cula|cuenta|obra|caso|placa)s?\b[^\n]{0,40}$",
    _I,
)

# A cédula column or list heading ("Nombre | Cédula", "Documento de identidad:", "No. de identificación") with no
# number after the cue on its own line: the numbers in the rows below it (same block, until a blank line) are cédulas.
_CEDULA_HEADING_CUE_RE = re.compile(
    r"(?:\bc\.\s?c\.?(?!\w)|\bc[eé]dulas?\b(?:\s+de\s+ciudadan[ií]a)?|\bc[eé]d\.|\bdocumentos?\s+de\s+identidad\b"
    r"|(?:\bn[uú]mero|\bno\.?|\bnro\.?|\bn\.?[°º])\s?(?:de\s)?(?:identificaci[oó]n|documento)\b(?! tributari)"
    r"|\bidentificaci[oó]n\b(?! tributari)|\bdocumento\b(?! tributari))",
    _I,
)
_CEDULA_HEADING_LINE_RE = re.compile(
    r"^[^\n]*?(?:c\.\s?c|c[eé]d|documento|identificaci[oó]n)[^\n\d]*$", _I | re.M
)
_CELL_SPLIT_RE = re.compile(r"\s*(?:\||\t|;)\s*")
_CELL_STRIP = " \t-—–:*•"
_ROW_CEDULA_RE = re.compile(r"(?<![\w$.,'’/\-])(\d{1,3}(?:[.'’]\d{3}){1,3}|\d{6,10})(?![\w/]|[.,]\d|\s?-\s?\d)")
_ROW_NEG_TOKENS = frozenset(("nit", "tel", "teléfono", "telefono", "cel", "celular", "whatsapp"))
_PHONE_HEAD_RE = re.compile(r"\b(?:tel[eé]fono|tel\.?|cel(?:ular)?\.?|m[oó]vil|whatsapp|contacto)\b", _I)
_MONEY_HEAD_RE = re.compile(r"\$|\b(?:valor|monto|importe|total|pago|subsidio|apoyo econ[oó]mico)\b", _I)

# --- addresses ------------------------------------------------------------------------------------------------
_MX_STREET = (
    r"(?:calle|c\.|av\.|avda\.|avenida|blvd\.?|boulevard|bulevar|calzada|calz\.|privada|priv\.|andador|cerrada"
    r"|callej[oó]n|prolongaci[oó]n|prol\.|circuito|cto\.|retorno|camino|paseo|via|vía|carretera)"
)
_MX_NUMBER = r"(?:#\s?|n[oú]m?\.?\s?|n[uú]mero\s|n[°º]\s?)?\d{1,5}(?:\s?-?\s?[a-z])?\b(?:\s?(?:int\.?|interior|depto\.?|dep\.?)\s?\w{1,4})?"
_MX_COLONIA = (
    r"(?:col\.|colonia|fracc\.?|fraccionamiento|barrio|bo\.|u\.\s?h\.|unidad habitacional|infonavit|residencial"
    r"|conjunto habitacional|ejido|poblado|rancher[ií]a|localidad|sector|asentamiento|vereda|urbanizaci[oó]n"
    r"|urb\.|condominio)"
)
_MX_ADDRESS_RE = re.compile(
    rf"(?<!\w){_MX_STREET}\s+(?:(?!entre\b)[^\s,;:\n()]+\s+){{0,9}}?{_MX_NUMBER}\s*(?:,\s*|\s)(?:entre [^,\n]{{1,60}},\s*)?"
    rf"(?:(?:en|de) (?:la |el )?)?"
    rf"{_MX_COLONIA}\s*[^\s,;.\n)][^,;.\n)]{{0,40}}",
    _I,
)
_MX_DOMICILIO_RE = re.compile(
    rf"\b(?:domicilio(?: particular| ubicado)?(?: en|:)?|vive en|viv[ií]a en|reside en|resid[ií]a en|su casa (?:en|de)"
    rf"|su vivienda (?:en|de)|habita en|en su domicilio de)\s+(?:la\s+|el\s+)?"
    rf"({_MX_STREET}\s+(?:[^\s,;:\n()]+\s+){{0,5}}?{_MX_NUMBER})",
    _I,
)
_CO_STREET = (
    r"(?:calle|cl\.?|cll\.?|carrera|cra\.?|kra\.?|kr\.?|cr\.?|avenida(?: carrera| calle)?|av\.?|ak\.?|ac\.?"
    r"|diagonal|dg\.?|diag\.?|transversal|tv\.?|tr\.?|transv\.?|circular|cq\.?|autopista)"
)
_CO_ADDRESS_RE = re.compile(
    rf"(?<!\w){_CO_STREET}\s*\d{{1,3}}\s?[a-z]?(?:\s?bis)?(?:\s?[a-z])?(?:\s?(?:sur|este|norte|oeste))?\s*"
    rf"(?:#|no\.?|n[°º]\.?|nro\.?|número|num\.?)\s*\d{{1,3}}\s?[a-z]?(?:\s?bis)?\s?(?:-|–)\s?\d{{1,3}}"
    rf"(?:\s?(?:sur|este))?(?:[,\s]+(?:apto\.?|apartamento|casa|int\.?|interior|torre|bloque|piso)\s?\w{{1,5}})*",
    _I,
)
_CO_NAMED_ADDRESS_RE = re.compile(
    r"(?<!\w)(?i:avenida|av\.?|calle|carrera|diagonal|transversal|autopista|v[ií]a)\s+"
    r"(?:(?:de |del |la |las |los |el )?[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+\s+){1,3}"
    r"(?i:#|no\.?|n[°º]\.?|nro\.?|número|num\.?)\s*\d{1,3}\s?[a-zA-Z]?(?:\s?bis)?\s?[-–]\s?\d{1,3}(?!\d)"
    r"(?i:[,\s]+(?:apto\.?|apartamento|casa|int\.?|interior|torre|bloque|piso)\s?\w{1,5})*",
)
_MZ_LT_RE = re.compile(
    r"(?<!\w)(?:mz\.?|manzana|mza\.?)\s?\d{1,4}[a-z]?[\s,]+(?:lt\.?|lote|l\.|casa|cs\.?)\s?\d{1,4}[a-z]?(?!\w)", _I
)
# Substring cues (checked on a lower-cased window; cheaper than one large alternation regex).
_ADDRESS_INSTITUTIONAL = (
    "palacio municipal", "palacio de gobierno", "oficina", "módulo", "modulo", "ubicado en", "ubicada en",
    "ubicados en", "ubicadas en", "instalaciones", "sede", "edificio", "ayuntamiento", "alcaldía", "alcaldia",
    "gobernación", "auditorio", "biblioteca", "centro comunitario", "casa de la cultura", "unidad deportiva",
    "polideportivo", "parque", "plaza", "escuela", "primaria", "secundaria", "preparatoria", "colegio",
    "institución educativa", "hospital", "clínica", "clinica", "centro de salud", "registro civil", "tesorería",
    "tesoreria", "dif ", "dif,", "punto de", "centro de acopio", "albergue", "mercado", "iglesia", "templo", "estadio",
    "coliseo", "salón", "salon ", "casa ejidal", "comisaría", "delegación municipal", "cam ", "centro administrativo",
    "secretaría", "secretaria", "dirección de", "direccion de", "instituto", "acude", "acércate", "acercate",
    "te esperamos", "esperamos", "recinto", "ventanilla", "atención", "atencion", "centro de", "unidad de",
    "juzgado", "notaría", "estación", "bomberos", "cuartel", "glorieta", "monumento", "museo", "teatro", "feria",
    "jornada", "evento", "brigada", "vacunación", "inscripción", "registro",
    # public works and road closures happen at an address without it being anyone's home
    "obra ", "obras", "trabajos de", "pavimentaci", "rehabilitaci", "repavimentaci", "bacheo", "alcantarillado",
    "drenaje", "cierre vial", "cierre parcial", "cierre total", "construcción de", "mantenimiento de",
)
# Public buildings whose names contain words that otherwise mark a home ("Casa de Justicia", "Casa de la Cultura").
_ADDRESS_INSTITUTIONAL_STRONG = (
    "casa de justicia", "casa de la cultura", "casa de gobierno", "casa del adulto", "casa de la mujer",
    "casa de la juventud", "casa ejidal", "casa de salud", "casa hogar", "palacio municipal", "oficinas de", "sede de",
)
_ADDRESS_PERSONAL = (
    "domicilio particular", "vive", "viví", "vivía", "reside", "resid", "habita", "su casa", "su vivienda",
    "su domicilio", "propiedad de", "del señor", "de la señora", "del senor", "de la senora", "vecin", "particular",
    "familia", "extraviad", "desaparecid", "fue vist", "menor", "casa ubicada", "vivienda ubicada",
    "predio ubicado", "la casa de", "la vivienda de", "en casa de", "en el domicilio", "domicilio del",
    "domicilio de la", "domicilio:", "casa del", "casa de la", "casa de los",
)

def _window_before(text: str, start: int, size: int) -> str:
    return text[max(0, start - size) : start]


_ABBREVIATIONS = frozenset(
    "lic ing dr dra mtro mtra sr sra srta c no núm num col av avda blvd tel tels cel fracc arq prof lt mz priv calz cra"
    " cl cll tv dg ext int depto dep prol cto bo u h cp c.p art exp ref ej p p.ej e.g aprox e.s.e i.p.s e.p.s".split()
)
_BREAK_RE = re.compile(r"[.!?]\s+|\n")


def _sentence_before(text: str, start: int, size: int) -> str:
    """The text before `start` back to the previous sentence break (or `size` characters).

    A period after a title or abbreviation ("Lic.", "Col.", "No.") is not a sentence break.
    """
    base = max(0, start - size)
    chunk = text[base:start]
    cut = 0
    for m in _BREAK_RE.finditer(chunk):
        if m.group(0)[0] == ".":
            j = m.start()
            k = j
            while k > 0 and (chunk[k - 1].isalpha() or chunk[k - 1] == "."):
                k -= 1
            if chunk[k:j].lower() in _ABBREVIATIONS:
                continue
        cut = m.end()
    return chunk[cut:]


_CONTACT_EXT_RE = re.compile(r"(?:\bext\b\.?|\bextensi[oó]n(?:es)?\b|\bexts?\.)[\s:.#]*\d+(?:\s*(?:,|y)\s*\d+)*", _I)
_CONTACT_SPLIT_RE = re.compile(r"[/;,|]|\s(?:y|o)\s", _I)


class _Known:
    """Normalised published contacts and own domains of the institution (built once per context)."""

    __slots__ = ("phones", "emails", "domains", "digits")

    def __init__(self, ctx: CheckContext) -> None:
        self.emails = {c.strip().lower() for c in ctx.published_contacts if "@" in c}
        self.digits = set()
        for c in ctx.published_contacts:
            if "@" in c:
                continue
            # "661 614 9600 ext. 1234", "Tel. 664 123 4567 / 664 765 4321": the lines without their extensions.
            for part in _CONTACT_SPLIT_RE.split(_CONTACT_EXT_RE.sub(";", c)):
                d = "".join(ch for ch in part if ch.isdigit())
                if len(d) >= 7:
                    self.digits.add(d)
                    self.digits.add(d[-10:])
        self.phones = self.digits
        self.domains = tuple(d.strip().lower().lstrip("@.") for d in ctx.own_domains if d.strip())


_KNOWN_CACHE: dict[int, tuple[CheckContext, _Known]] = {}


def _known(ctx: CheckContext) -> _Known:
    key = id(ctx)
    hit = _KNOWN_CACHE.get(key)
    if hit is not None and hit[0] is ctx:
        return hit[1]
    known = _Known(ctx)
    if len(_KNOWN_CACHE) > 64:
        _KNOWN_CACHE.clear()
    _KNOWN_CACHE[key] = (ctx, known)
    return known


def _hit(name: str, start: int, end: int) -> Hit:
    return Hit(rule=f"{CATEGORY}.{name}", start=start, end=end, message=MESSAGES[name])


def _inside(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


class _Spans:
    """Spans already reported or consumed, kept sorted so that overlap checks stay logarithmic on long texts."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[tuple[int, int]] = []

    def append(self, span: tuple[int, int]) -> None:
        insort(self.items, span)

    def extend(self, spans: Iterable[tuple[int, int]]) -> None:
        for span in spans:
            insort(self.items, span)

    def overlaps(self, start: int, end: int) -> bool:
        items = self.items
        i = bisect_left(items, (end, -1))
        # Spans starting before `end`: look back a few (spans are short and rarely nested).
        for j in range(i - 1, max(-1, i - 9), -1):
            s, e = items[j]
            if s < end and start < e:
                return True
        return False


def _overlaps(spans: _Spans, start: int, end: int) -> bool:
    return spans.overlaps(start, end)


# "juan [arroba] gmail.com", "juan(at)gmail.com", "juan arroba gmail punto com", "juan@gmail .com".
_OBFUSCATED_EMAIL_RE = re.compile(
    r"(?<![\w.@])([A-Za-z0-9][A-Za-z0-9._%+\-]{1,63})"
    r"(?:\s?[\[({]\s?(?:arroba|at)\s?[\])}]\s?|\s(?:arroba)\s|@(?=[A-Za-z0-9\-]+\s\.)|\s@\s?|@\s)"
    r"([A-Za-z0-9][A-Za-z0-9\-]{0,62}(?:\s?(?:\.|[\[(]\s?(?:punto|dot)\s?[\])]|\s(?:punto|dot))\s?[A-Za-z]{2,6}){1,3})"
    r"(?![\w@])",
    _I,
)
_WA_LINK_RE = re.compile(r"(?:wa\.me/|whatsapp\.com/send/?\?phone=)\+?(\d{10,13})(?!\d)", _I)
_SPACED_AT_RE = re.compile(r"@[A-Za-z0-9\-]+\s?\.\s|@[A-Za-z0-9\-]+\s\.|\w\s@\s?\w|\w@\s\w")
# Spaces around "@" or "." ("luis_meza @ gmail . com") also occur around a handle ("gracias @juanp. Es …"):
# such a spaced form is an address only with a mail provider's name or a usual mail domain ending.
_SPACED_PROVIDERS = frozenset(d.split(".", 1)[0] for d in _FREEMAIL)
_SPACED_TLDS = frozenset("com net org com.mx com.co net.co net.mx org.mx org.co edu.mx edu.co gob.mx gov.co".split())
_OBFUSCATION_GATE = ("arroba", "(at)", "[at]", "{at}", "( at )", "[ at ]")
_DOT_WORD_RE = re.compile(r"\s?(?:[\[(]\s?(?:punto|dot)\s?[\])]|\s(?:punto|dot)|\.)\s?", _I)
# A phone number spelled out digit by digit ("seis seis cuatro, uno dos tres …"): 7 to 13 digit words in a row.
_DIGIT_WORD = r"(?:cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)"
_SPELLED_PHONE_RE = re.compile(rf"\b{_DIGIT_WORD}(?:[\s,;.\-]{{1,3}}{_DIGIT_WORD}\b){{6,12}}(?![\s,;.\-]*{_DIGIT_WORD}\b)", _I)
_SPELLED_GATE = ("seis", "siete", "ocho", "nueve", "cuatro", "cinco", "cero")

_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_DOMAIN_RE = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w\-])")


def _emails(text: str) -> list[tuple[int, int, str]]:
    """(start, end, domain) of every e-mail address, anchored on each "@" (linear in the text length)."""
    out: list[tuple[int, int, str]] = []
    at = text.find("@")
    while at != -1:
        k = at
        while k > 0 and at - k < 64 and text[k - 1] in _LOCAL_CHARS:
            k -= 1
        while k < at and text[k] in ".-":
            k += 1
        if k < at and not (k > 0 and (text[k - 1] in _LOCAL_CHARS or text[k - 1].isalnum())):
            m = _DOMAIN_RE.match(text, at + 1, min(len(text), at + 256))
            if m is not None:
                out.append((k, m.end(), m.group(0)))
                at = text.find("@", m.end())
                continue
        at = text.find("@", at + 1)
    return out


def _email_is_institutional(addr: str, domain: str, known: _Known) -> bool:
    if addr.lower() in known.emails:
        return True
    dom = domain.lower()
    for own in known.domains:
        if dom == own or dom.endswith("." + own):
            return True
    if dom.endswith(_GOV_SUFFIXES) or dom.endswith(_ORG_SUFFIXES):
        return True
    if any(dom == d or dom.endswith("." + d) for d in _PUBLIC_BODY_DOMAINS):
        return True
    if dom in _FREEMAIL:
        return False
    # A company or organisation domain: its role mailboxes are public contact data, a named mailbox is a person's.
    return _ROLE_MAILBOX_RE.match(addr) is not None


def _phone_institutional(text: str, start: int, end: int) -> bool:
    """A switchboard/office line: extension after it, or office words before it and no personal marker."""
    if _EXTENSION_AFTER.match(text, end, min(len(text), end + 12)):
        return True
    before = _sentence_before(text, start, 90).lower()
    if _DIGIT_RE.search(before) is not None and _PERSON_CUE_RE.search(before) is not None:
        # "… al 664 608 9400 (conmutador) o con la señora Rosa al …": the office words belong to the earlier line;
        # what follows it names a person, so only that part speaks about this number.
        last = None
        for last in _PREV_NUMBER_RE.finditer(before):
            pass
        if last is not None and _PERSON_CUE_RE.search(before, last.end()):
            before = before[last.end() :]
    near = before[-40:]
    if "oficial" in near or "institucional" in near:
        return True
    after = text[end : end + 60].lower()
    office_after = False
    if after[:1] in " (-–—,":
        a = after.lstrip(" ,-–—:")
        if a.startswith("("):
            # a parenthesis right after the number saying it is an institutional line, or naming its office
            inner = a[1 : a.find(")")] if ")" in a else a[1:]
            if "institucional" in inner or "oficial" in inner:
                return True
            office_after = any(inner.startswith(k) for k in _PHONE_OFFICE_AFTER)
        elif any(ch in after[: len(after) - len(a)] for ch in "-–—"):
            office_after = any(a.startswith(k) for k in _PHONE_OFFICE_AFTER)  # "664 123 4567 - Dirección de Obras"
    marker = max(near.rfind(k) for k in _PHONE_PERSONAL)
    if marker >= 0:
        # "WhatsApp de la Alcaldía: …" is the institution's; "Alcaldía … cel. de su mamá …" is not.
        if any(k in near[marker:] for k in _PHONE_OWNER_AFTER_MARKER):
            return True
        # "Línea de citas (WhatsApp): …": a service line announced before a WhatsApp marker, no person in between.
        if any(near.startswith(k, marker) for k in _WHATSAPP_MARKERS):
            head = near[:marker]
            return _service_line_before(head)
        return False
    if office_after:
        return True
    if any(k in before for k in _PHONE_INSTITUTIONAL_BEFORE) or any(k in near for k in _PHONE_FIRST_PERSON):
        return True
    if _service_line_before(before):
        return True
    label = _TOKEN_RE.findall(before)
    if label and len(label) <= 2 and all(t in _PHONE_LABELS for t in label):
        # A bare label ("Tel.", "Informes:") opening its own sentence: the line belongs to whatever the previous
        # sentence presented, when that was an office and no person or personal marker is in it.
        cut = start - len(before)
        while cut > 0 and text[cut - 1] in " .!?\n":
            cut -= 1
        prev = _sentence_before(text, cut, 160).lower()
        if any(k in prev for k in _PHONE_PERSONAL) or any(k in prev for k in _ADDRESS_PERSONAL):
            return False
        return any(k in prev for k in _PHONE_INSTITUTIONAL_BEFORE) or any(k in prev for k in _OFFICE_PLACES)
    return False


def _service_line_before(before: str) -> bool:
    """An appointment/orientation line named before the number, with no person named after that phrase."""
    at = max(before.rfind(k) for k in _PHONE_SERVICE_LINES)
    return at >= 0 and _PERSON_CUE_RE.search(before, at) is None


_DIGIT_RE = re.compile(r"\d")
_PREV_NUMBER_RE = re.compile(r"\d(?:[\d .\-()]{5,}\d)(?:\s?\([^)\n]{0,40}\))?")
_PERSON_CUE_RE = re.compile(
    r"\b(?:se[nñ]ora?|sra|sr|srita|don|do[nñ]a|profe|profesora?|maestr[oa]|mam[aá]|pap[aá]|hij[oa]|herman[oa]|t[ií][oa]"
    r"|abuel[oa]|vecin[oa]|voluntari[oa]|promotora?|instructora?|entrenador(?:a)?|due[nñ][oa]|propietari[oa]"
    r"|contratista|particular|personal|cel|celular|whatsapp)\b"
)
_CO_GATE_RE = re.compile(r"[\-–](?=\s?\d)")
_D6_RE = re.compile(r"\d{6}")
_CEDULA_GATE = ("c.c", "c. c", "cc ", "cc:", "cc.", "cc#", "cédula", "cedula", "céd", "t.i", "t. i", "identidad", "identificad",
                "identificación", "identificacion", "nuip", "c.e", "documento")
_CEDULA_GATE_RE = re.compile("|".join(re.escape(g) for g in _CEDULA_GATE))
_STREET_GATE = ("calle", "av", "blvd", "boulevard", "bulevar", "calz", "privada", "priv.", "andador", "cerrada",
                "callej", "prol", "circuito", "cto.", "retorno", "camino", "paseo", "vía", "via ", "carretera", "c.")
_CO_GATE = ("#", "no", "n°", "nº", "nro", "núm", "num")
_COLONIA_GATE = ("col.", "colonia", "fracc", "barrio", "bo.", "u.h", "u. h", "unidad", "infonavit", "residencial", "conjunto",
                 "ejido", "poblado", "rancher", "localidad", "sector", "asentamiento", "vereda", "urbaniz", "urb.",
                 "condominio", "col ")
_DOMICILIO_GATE = ("domicilio", "vive", "viv", "reside", "resid", "su casa", "habita")
_MZ_GATE = ("mz", "manzana", "mza")


def detect(text: str, ctx: CheckContext) -> list[Hit]:
    """Personal data in `text`: one Hit per offending value, sorted by position.

    Cost is kept to a few linear scans per post: cheap substring gates decide which patterns run at all.
    """
    has_digit = _DIGIT_RE.search(text) is not None
    has_at = "@" in text
    lower = text.lower()
    obfuscated = any(g in lower for g in _OBFUSCATION_GATE) or (has_at and _SPACED_AT_RE.search(text) is not None)
    spelled = any(g in lower for g in _SPELLED_GATE)
    if not has_digit and not has_at and not obfuscated and not spelled:
        return []
    known = _known(ctx)
    hits: list[Hit] = []
    taken = _Spans()  # spans already reported or deliberately consumed (URLs, e-mails, office addresses)

    urls = [m.span() for m in _URL_RE.finditer(text)] if ("://" in text or "www." in text) else []
    taken.extend(urls)
    if "wa.me/" in lower or "whatsapp.com/" in lower:
        # WhatsApp click-to-chat links carry the number in international format.
        for m in _WA_LINK_RE.finditer(text):
            s, e = m.span(1)
            digits = m.group(1)
            found = nums.phone_national(digits, True)
            if found is None or digits in known.digits or found[1] in known.digits:
                continue
            taken.append(m.span())
            if not _phone_institutional(text, m.start(), m.end()):
                hits.append(_hit("phone", s, e))

    if has_at:
        for s, e, domain in _emails(text):
            if urls and _inside(urls, s, e):
                continue
            taken.append((s, e))
            if not _email_is_institutional(text[s:e], domain, known):
                hits.append(_hit("email", s, e))
    if obfuscated:
        for m in _OBFUSCATED_EMAIL_RE.finditer(text):
            s, e = m.span()
            if _overlaps(taken, s, e):
                continue
            domain = _DOT_WORD_RE.sub(".", m.group(2)).lower()
            if "@" in m.group(0) and " " in m.group(0):
                first, _, tld = domain.partition(".")
                if first not in _SPACED_PROVIDERS and tld not in _SPACED_TLDS:
                    continue
            taken.append((s, e))
            if not _email_is_institutional(f"{m.group(1)}@{domain}", domain, known):
                hits.append(_hit("email", s, e))
    if spelled:
        for m in _SPELLED_PHONE_RE.finditer(text):
            s, e = m.span()
            if not _phone_institutional(text, s, e):
                hits.append(_hit("phone", s, e))
                taken.append((s, e))
    if not has_digit:
        hits.sort(key=lambda h: (h.start, h.end))
        return hits

    # Alphanumeric identifiers (CURP, clave de elector, RFC) all contain six consecutive digits.
    windows = [(max(0, m.start() - 8), min(len(text), m.end() + 16)) for m in _D6_RE.finditer(text)]
    if windows:
        _detect_alnum_ids(text, windows, hits, taken)

    # Colombian cédula in context (before the generic number pass, which would take it for a phone).
    if _CEDULA_GATE_RE.search(lower) is not None:
        for m in _CEDULA_RE.finditer(text):
            s, e = m.span(1)
            if _overlaps(taken, s, e):
                continue
            digits = re.sub(r"\D", "", m.group(1))
            if 6 <= len(digits) <= 10:
                if m.group(0)[:8].lower().startswith(("identif", "número", "numero", "no. d", "nro", "docu")) and (
                    _CEDULA_THING_BEFORE.search(_sentence_before(text, m.start(), 60))
                ):
                    continue
                hits.append(_hit("cedula", s, e))
                taken.append((s, e))

        if "\n" in text:
            _detect_cedula_tables(text, hits, taken)

    # Addresses.
    _detect_addresses(text, lower, hits, taken)

    # Numbers: CLABE, card, NSS, phone.
    for m in _NUM_RE.finditer(text):
        s, e = m.span()
        if e - s < 7:
            continue
        raw = m.group(0)
        digits = "".join(ch for ch in raw if ch.isdigit())
        n = len(digits)
        if n < 7 or n > 40 or _overlaps(taken, s, e):
            continue
        if _THOUSANDS_RE.match(raw):
            continue  # 1,250,000 / 1.500.000: an amount or a quantity
        kind = _classify_number(text, s, e, raw, digits, known) if n <= 19 else None
        if kind:
            hits.append(_hit(kind, s, e))
            taken.append((s, e))
        elif "\n" in raw:
            # Digits on consecutive lines that are not one phone number: judge each line's piece on its own.
            offset = 0
            for piece in raw.split("\n"):
                piece = piece.strip()
                ps = s + raw.index(piece, offset)
                offset = ps - s + len(piece)
                pdigits = "".join(ch for ch in piece if ch.isdigit())
                if 7 <= len(pdigits) <= 19 and not _THOUSANDS_RE.match(piece):
                    pkind = _classify_number(text, ps, ps + len(piece), piece, pdigits, known)
                    if pkind:
                        hits.append(_hit(pkind, ps, ps + len(piece)))
                        taken.append((ps, ps + len(piece)))
        elif n > 13 and _CHAIN_SPLIT_RE.search(raw):
            # Two numbers chained by " - " or " . " ("664 123 4567 - 664 765 4321"): judge each piece.
            offset = 0
            for piece in _CHAIN_SPLIT_RE.split(raw):
                ps = s + raw.index(piece, offset)
                offset = ps - s + len(piece)
                pdigits = "".join(ch for ch in piece if ch.isdigit())
                if 7 <= len(pdigits) <= 13 and not _THOUSANDS_RE.match(piece):
                    pkind = _classify_number(text, ps, ps + len(piece), piece, pdigits, known)
                    if pkind:
                        hits.append(_hit(pkind, ps, ps + len(piece)))
                        taken.append((ps, ps + len(piece)))

    hits.sort(key=lambda h: (h.start, h.end))
    return hits


def _cedula_heading(line: str) -> int | None:
    """Column index of the cédula cue when `line` is a table or list heading (-1: a list, no columns), else None."""
    cells = _CELL_SPLIT_RE.split(line.strip(_CELL_STRIP))
    if len(cells) > 1:
        for i, cell in enumerate(cells):
            if len(cell.split()) <= 5 and _CEDULA_HEADING_CUE_RE.search(cell):
                return i
        return None
    stripped = line.rstrip().rstrip(":.").rstrip()
    # a list heading: the cue closes the line ("Nombre y cédula:", "NOMBRE   CÉDULA") or the line announces a list
    m = None
    for m in _CEDULA_HEADING_CUE_RE.finditer(stripped):
        pass
    if m is None:
        return None
    if m.end() >= len(stripped) - 1 or line.rstrip().endswith(":"):
        return -1
    return None


def _detect_cedula_tables(text: str, hits: list[Hit], taken: _Spans) -> None:
    """Cédulas in the rows of a table or list whose heading names the column once ("Nombre | Cédula")."""
    n = len(text)
    for hm in _CEDULA_HEADING_LINE_RE.finditer(text):
        col = _cedula_heading(hm.group(0))
        if col is None:
            continue
        heading = hm.group(0)
        head_cells = len(_CELL_SPLIT_RE.split(heading.strip(_CELL_STRIP))) if col >= 0 else 0
        loose = col < 0 or _PHONE_HEAD_RE.search(heading) is not None or _MONEY_HEAD_RE.search(heading) is not None
        pos = hm.end() + 1
        rows = 0
        while pos < n and rows < 200:
            eol = text.find("\n", pos)
            if eol == -1:
                eol = n
            row = text[pos:eol]
            if not row.strip():
                break  # a blank line closes the block
            rows += 1
            lo, hi = pos, eol
            row_loose = loose
            if col >= 0:
                # the cédula cell only, when the row has as many cells as the heading
                lead = len(row) - len(row.lstrip(_CELL_STRIP))
                body_end = len(row.rstrip(_CELL_STRIP))
                seps = list(_CELL_SPLIT_RE.finditer(row, lead, max(lead, body_end)))
                if len(seps) + 1 == head_cells:
                    lo = pos + (seps[col - 1].end() if col else lead)
                    hi = pos + (seps[col].start() if col < len(seps) else body_end)
                    row_loose = False
            for m in _ROW_CEDULA_RE.finditer(text, lo, hi):
                s, e = m.span(1)
                digits = re.sub(r"\D", "", m.group(1))
                if not 6 <= len(digits) <= 10 or _overlaps(taken, s, e):
                    continue
                if text[max(pos, s - 3) : s].rstrip().endswith("$") or _NUMBER_NEG_AFTER.match(text, e, min(n, e + 20)):
                    continue  # an amount
                tail = _TOKEN_RE.findall(text[max(pos, s - 30) : s].lower())[-2:]
                if any(t in _NEG_TOKENS or t in _ROW_NEG_TOKENS for t in tail):
                    continue  # NIT, folio, contract, account, phone …
                if row_loose and "." not in m.group(1) and nums.phone_national(digits, False) is not None:
                    continue  # a phone in a mixed list: the phone pass judges it
                hits.append(_hit("cedula", s, e))
                taken.append((s, e))
            pos = eol + 1


def _merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    windows.sort()
    out: list[tuple[int, int]] = []
    for s, e in windows:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _window_matches(rx: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> list[re.Match[str]]:
    """Matches of `rx` inside the windows around six-digit runs (lookbehind still sees the text before)."""
    out: list[re.Match[str]] = []
    seen: set[int] = set()
    for ws, we in windows:
        for m in rx.finditer(text, ws, we):
            if m.start() not in seen:
                seen.add(m.start())
                out.append(m)
    return out


def _detect_alnum_ids(text: str, windows: list[tuple[int, int]], hits: list[Hit], taken: _Spans) -> None:
    for m in _window_matches(_CURP_RE, text, windows):
        s, e = m.span()
        if not _overlaps(taken, s, e) and nums.curp_ok(m.group(0)):
            hits.append(_hit("curp", s, e))
            taken.append((s, e))
    for m in _window_matches(_ELECTOR_RE, text, windows):
        s, e = m.span()
        if not _overlaps(taken, s, e) and nums.clave_elector_ok(m.group(0)):
            hits.append(_hit("clave_elector", s, e))
            taken.append((s, e))
    for m in _window_matches(_RFC_RE, text, windows):
        s, e = m.span()
        if _overlaps(taken, s, e):
            continue
        value = m.group(0)
        compact = value.replace(" ", "").replace("-", "")
        ok = len(compact) == 13 and nums.rfc_person_ok(compact)
        if not ok and (len(compact) == 10 or not text[m.end(1)].isalnum()):
            # 10 characters without homoclave: only right after the word "RFC" (no check digit to rely on).
            e = m.end(1)
            ok = nums.rfc_person_short_ok(m.group(1)) and _RFC_WORD_RE.search(_window_before(text, s, 20)) is not None
        if ok:
            hits.append(_hit("rfc", s, e))
            taken.append((s, e))


_TOKEN_RE = re.compile(r"[^\W\d_]+|\$")
_NEG_TOKENS = frozenset(
    "folio folios oficio expediente exp contrato licitación licitacion convenio partida referencia ref captura guía guia"
    " rastreo tracking control catastral predial catastro registro acta decreto resolución resolucion acuerdo artículo"
    " articulo art fracción fraccion cp postal nit orden pedido ticket reporte solicitud id serie lote placa inventario"
    " proceso radicado secop bpin matrícula matricula cuenta transferencia monto importe pago cop mxn isbn issn sku $"
    " boletín boletin ley norma nom clave folios oficios expedientes contratos licitaciones convenios partidas"
    " referencias guías guias registros actas resoluciones acuerdos órdenes ordenes tickets"
    " solicitudes series lotes placas procesos radicados matrículas matriculas cuentas prediales claves"
    " catastrales montos pagos".split()
)
_STRONG_PHONE_TOKENS = frozenset(
    "teléfono telefono tel tels cel celular móvil movil whatsapp whats wa wsp wpp llamar llama llame llámanos"
    " comunícate comunicate comunicarse marcar marca informes informe info contacto"
    # calling someone at their number ("te marcamos al …", "lo llamará al …")
    " marcamos marcaremos marcará marcara marque márquele marquele llamamos llamaremos llamará llamara llamarán"
    " llamaran llamen llámele llamele llámale llamale llamarle llamó contactaremos contactará comuníquese"
    " comuniquese".split()
)


_PHONE_LINKS = frozenset("al a el es número numero no nro n".split())


def _heading_before(text: str, start: int, lines: int = 6) -> str:
    """The nearest line above `start` with a word in it (table rows or list items of bare numbers are skipped)."""
    end = text.rfind("\n", max(0, start - 600), start)
    for _ in range(lines):
        if end <= 0:
            return ""
        begin = text.rfind("\n", max(0, end - 200), end) + 1
        line = text[begin:end]
        if _TOKEN_RE.search(line):
            return line
        end = begin - 1
    return ""


def _tail_tokens(text: str, start: int, size: int = 30, count: int = 3) -> list[str]:
    """The last `count` words before `start`, lower-cased, not looking past a digit or a line break."""
    chunk = text[max(0, start - size) : start]
    for i in range(len(chunk) - 1, -1, -1):
        ch = chunk[i]
        if ch.isdigit() or ch == "\n":
            chunk = chunk[i + 1 :]
            break
    return _TOKEN_RE.findall(chunk.lower())[-count:]


def _classify_number(text: str, s: int, e: int, raw: str, digits: str, known: _Known) -> str | None:
    n = len(digits)
    if n == 18 and nums.clabe_ok(digits):
        if digits in known.digits or _CLABE_CUE_INSTITUTIONAL.search(_sentence_before(text, s, 160)):
            return None
        return "clabe"
    if 13 <= n <= 19 and nums.card_ok(digits):
        if _NUMBER_NEG_BEFORE.search(_window_before(text, s, 40)) and not _CARD_CUE.search(_window_before(text, s, 40)):
            return None
        return "card"
    if n == 11 and nums.nss_ok(digits):
        if _NSS_CUE.search(_window_before(text, s, 100)):
            return "nss"
    if n > 13:
        return None
    tail = _tail_tokens(text, s, count=2)
    if any(t in _NEG_TOKENS for t in tail) and not any(t in _STRONG_PHONE_TOKENS for t in tail):
        return None
    if _NUMBER_NEG_AFTER.match(text, e, min(len(text), e + 20)):
        return None
    plus = raw.startswith(("+", "(+"))
    if not plus and n == 10:
        # A bare ten-digit number in a sentence about an account, folio or payment, with no phone word at all.
        words = _TOKEN_RE.findall(_sentence_before(text, s, 120).lower())
        if not words:
            # The number opens its line (a table row, a list item): the heading above says what it is.
            words = _TOKEN_RE.findall(_heading_before(text, s).lower())
        if any(t in _NEG_TOKENS for t in words) and not any(t in _STRONG_PHONE_TOKENS for t in words):
            return None
    if n >= 10:
        found = nums.phone_national(digits, plus)
        if found is None:
            return None
        nat = found[1]
        if nat in known.digits or digits in known.digits or nat in _PUBLIC_LINES:
            return None
        if _phone_institutional(text, s, e):
            return None
        return "phone"
    # 7–8 digits: an old local number (pre-2019 MX, pre-2021 CO), only right after a phone word ("tel. 7234567",
    # "llama al 7234567"), not after an unrelated one ("registro de marca IMPI 9113411").
    if n > 8 or plus or digits[0] in "01" or not tail:
        return None
    last = tail[-1]
    if last in _STRONG_PHONE_TOKENS or last == "fijo" or (
        last in _PHONE_LINKS and len(tail) > 1 and (tail[-2] in _STRONG_PHONE_TOKENS or tail[-2] == "fijo")
    ):
        if digits in known.digits or _phone_institutional(text, s, e):
            return None
        if digits[0] in "0":
            return None
        return "phone"
    return None


def _detect_addresses(text: str, lower: str, hits: list[Hit], taken: _Spans) -> None:
    found: list[tuple[int, int]] = []
    n = len(text)
    if any(k in lower for k in _CO_GATE):
        # "<type> 18 # 25-40": search only around each "x-9" of the text.
        windows = [(max(0, m.start() - 40), min(n, m.end() + 40)) for m in _CO_GATE_RE.finditer(text)]
        if windows:
            windows = _merge(windows)
            for m in _window_matches(_CO_ADDRESS_RE, text, windows):
                found.append(m.span())
            for m in _window_matches(_CO_NAMED_ADDRESS_RE, text, windows):
                found.append(m.span())
    if any(k in lower for k in _STREET_GATE):
        # Street + number + colonia: search only in the 170 characters before each colonia word.
        windows = []
        for k in _COLONIA_GATE:
            i = lower.find(k)
            while i != -1:
                # A house number must precede the colonia word closely (number, "int. 4", "entre … y …,").
                if _DIGIT_RE.search(lower, max(0, i - 80), i) is not None:
                    windows.append((max(0, i - 170), min(n, i + 60)))
                i = lower.find(k, i + 1)
        if windows:
            for m in _window_matches(_MX_ADDRESS_RE, text, _merge(windows)):
                found.append(m.span())
    if any(k in lower for k in _DOMICILIO_GATE):
        for m in _MX_DOMICILIO_RE.finditer(text):
            found.append(m.span(1))
    if any(k in lower for k in _MZ_GATE):
        for m in _MZ_LT_RE.finditer(text):
            found.append(m.span())
    if not found:
        return
    found.sort()
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    for s, e in merged:
        if _overlaps(taken, s, e):
            continue
        before = _sentence_before(text, s, 140).lower()
        after = text[e : e + 40].lower().lstrip(" ,(")
        personal = any(k in before for k in _ADDRESS_PERSONAL) and not any(
            k in before for k in _ADDRESS_INSTITUTIONAL_STRONG
        )
        if not personal and (
            any(k in before for k in _ADDRESS_INSTITUTIONAL) or any(after.startswith(k) for k in _ADDRESS_INSTITUTIONAL)
        ):
            taken.append((s, e))  # consume: its numbers are not phones either
            continue
        hits.append(_hit("address", s, e))
        taken.append((s, e))
