"""Round-three independent set for the personal_data rules: tests/checker_data/personal_data_round3.jsonl.

    .venv/bin/python tests/checker_data/personal_data_round3_make.py

Written without reading the texts of the earlier sets. Focus: posts mixing institutional and personal data,
personal data inside quoted citizen comments, very short X posts, all-caps posts, posts full of numbers (budgets,
tables), Colombian cédulas written in the usual ways, dates/times next to phone numbers, and posts whose only digits
are institutional. 100 frames x 5 fills; each frame belongs to half "a" or "b" by a hash of its text. Values are
valid by the published algorithms (python-stdnum CURP/RFC, Luhn, Banxico CLABE, phonenumbers for MX/CO lines).
Rows: {"id","half","frame","text","personal_data","types","note"}; labels follow README.md's guide.
"""

from __future__ import annotations

import hashlib
import json
import random
import string
from pathlib import Path

import phonenumbers
from stdnum import luhn
from stdnum.mx import curp as _curp
from stdnum.mx import rfc as _rfc

OUT = Path(__file__).with_name("personal_data_round3.jsonl")
R = random.Random(20260315)

NOMBRES = ["Rosa Elvia Núñez", "Martín Ochoa", "Guadalupe Arce", "Jesús Ibarra", "Karla Pineda", "Ramón Félix",
           "Juan Pérez", "Lucía Cota", "Ernesto Valdez", "Ana Sofía Meza", "Brenda Lugo", "Héctor Osuna"]
NOMBRES_CO = ["Luz Marina Rosero", "Jhon Jairo Benavides", "Diana Carolina Erazo", "Édgar Villota", "Nubia Ortega",
              "Camilo Andrés Bastidas", "María Fernanda Pantoja", "Wilson Guerrero", "Yolanda Insuasty"]
LETTERS = string.ascii_uppercase


def d(n: int) -> str:
    return "".join(R.choice(string.digits) for _ in range(n))


def _valid(nat: str, region: str) -> bool:
    return phonenumbers.is_valid_number(phonenumbers.parse(nat, region))


def cel_mx() -> str:
    while True:
        area = R.choice(["664", "661", "646", "686", "33", "55", "81", "662", "644", "653"])
        nat = area + d(10 - len(area))
        if nat[len(area)] not in "01" and _valid(nat, "MX"):
            break
    a, b, c = (nat[:3], nat[3:6], nat[6:]) if len(area) == 3 else (nat[:2], nat[2:6], nat[6:])
    return R.choice([f"{a} {b} {c}", f"{a}-{b}-{c}", f"({a}) {b} {c}", nat, f"+52 {a} {b} {c}", f"{a}.{b}.{c}",
                     f"{nat[:2]} {nat[2:4]} {nat[4:6]} {nat[6:8]} {nat[8:]}", f"+52 1 {nat}"])


def cel_co() -> str:
    while True:
        nat = "3" + R.choice(["00", "01", "04", "05", "10", "11", "12", "13", "14", "15", "16", "17", "18", "20",
                               "21", "23", "50"]) + d(7)
        if _valid(nat, "CO"):
            break
    return R.choice([f"{nat[:3]} {nat[3:6]} {nat[6:]}", nat, f"+57 {nat}", f"{nat[:3]}-{nat[3:6]}-{nat[6:]}",
                     f"(+57) {nat[:3]} {nat[3:6]} {nat[6:8]} {nat[8:]}", f"{nat[:3]} {nat[3:]}"])


def fijo_co() -> str:
    while True:
        nat = "602" + R.choice("7") + d(6)
        if _valid(nat, "CO"):
            break
    return R.choice([f"({nat[:3]}) {nat[3:6]} {nat[6:]}", f"{nat[:3]} {nat[3:]}", f"+57 {nat[:3]} {nat[3:6]} {nat[6:]}"])


def cedula() -> str:
    n = R.choice([d(1) and "10" + d(8), "1" + "0" + "8" + "5" + d(6), str(R.randint(10_000_000, 99_999_999))])
    n = n.lstrip("0") or "12345678"
    rev = n[::-1]
    groups = [rev[i:i + 3][::-1] for i in range(0, len(rev), 3)][::-1]
    style = R.randrange(5)
    if style == 0:
        return n
    if style == 1 or len(groups) < 4:
        return ".".join(groups)
    if style == 2:
        return groups[0] + "'" + ".".join(groups[1:])
    if style == 3:
        return groups[0] + "’" + ".".join(groups[1:])
    return ",".join(groups)


def ti() -> str:
    return "10" + d(8)


def email() -> str:
    user = R.choice(["lupita", "chuy", "karla", "memo", "nena", "beto", "rosy", "jhon", "dianac", "wil"])
    user += R.choice(["_", ".", ""]) + R.choice(["mz", "ochoa", "lugo", "88", "2010", "rosero", "p"])
    return user + "@" + R.choice(["gmail.com", "hotmail.com", "outlook.com", "yahoo.com.mx", "hotmail.es", "icloud.com"])


def email_obf() -> str:
    u, dom = email().split("@")
    name, tld = dom.split(".", 1)
    return R.choice([f"{u} @ {name} . {tld}", f"{u} [arroba] {dom}", f"{u} arroba {name} punto com",
                     f"{u}(at){dom}", f"{u} @{name}. {tld}", f"{u}@ {dom}"])


def curp() -> str:
    while True:
        body = ("".join(R.choice(LETTERS) for _ in range(4)) + f"{R.randint(50, 99):02d}{R.randint(1, 12):02d}"
                f"{R.randint(1, 28):02d}" + R.choice("HM") + R.choice(["BC", "SR", "JC", "DF", "NL", "SL"])
                + "".join(R.choice("BCDFGHJKLMNPRSTVXZ") for _ in range(3)) + R.choice("0" + LETTERS[:5]))
        if body[:4] in ("BUEI", "CACA", "PUTO", "MEAR", "KOGE"):
            continue
        value = body + _curp.calc_check_digit(body)
        if _curp.is_valid(value):
            return value


def rfc_pf() -> str:
    while True:
        body = ("".join(R.choice(LETTERS) for _ in range(4)) + f"{R.randint(60, 99):02d}{R.randint(1, 12):02d}"
                f"{R.randint(1, 28):02d}" + R.choice(LETTERS) + R.choice(string.digits))
        try:
            value = body + _rfc.calc_check_digit(body)
            if _rfc.is_valid(value, validate_check_digits=True):
                return value
        except Exception:
            continue


def rfc_pm() -> str:
    while True:
        body = "".join(R.choice(LETTERS) for _ in range(3)) + f"{R.randint(0, 25):02d}{R.randint(1, 12):02d}" \
               f"{R.randint(1, 28):02d}" + R.choice(LETTERS) + R.choice(string.digits)
        try:
            value = body + _rfc.calc_check_digit(body)
            if _rfc.is_valid(value, validate_check_digits=True):
                return value
        except Exception:
            continue


def clabe() -> str:
    first = R.choice(["002", "012", "014", "021", "072", "127", "137"]) + d(14)
    total = sum((int(c) * w) % 10 for c, w in zip(first, (3, 7, 1) * 6))
    v = first + str((10 - total % 10) % 10)
    return R.choice([v, f"{v[:3]} {v[3:6]} {v[6:17]} {v[17]}", f"{v[:3]} {v[3:10]} {v[10:]}"])


def card() -> str:
    body = R.choice(["4152", "4213", "5579", "5204", "4766"]) + d(11)
    v = body + luhn.calc_check_digit(body)
    return R.choice([v, " ".join(v[i:i + 4] for i in range(0, 16, 4)), "-".join(v[i:i + 4] for i in range(0, 16, 4))])


def nss() -> str:
    body = f"{R.randint(1, 99):02d}{R.randint(80, 99):02d}{R.randint(60, 99):02d}" + d(4)
    return body + luhn.calc_check_digit(body)


def elector() -> str:
    return ("".join(R.choice(LETTERS) for _ in range(6)) + f"{R.randint(60, 99):02d}{R.randint(1, 12):02d}"
            f"{R.randint(1, 28):02d}" + f"{R.randint(1, 32):02d}" + R.choice("HM") + d(3))


def addr_mx() -> str:
    street = R.choice(["Calle Olivo", "Av. Las Palmas", "Calle Sauce", "Privada Coral", "Calle Níquel", "Blvd. Popotla"])
    col = R.choice(["Col. Reforma", "colonia Lucio Blanco", "Fracc. Costa Azul", "Col. Mazatlán", "colonia Ejido Mazatlán"])
    return f"{street} {R.randint(10, 2999)}, {col}"


def addr_co() -> str:
    t = R.choice(["Calle", "Carrera", "Cra.", "Cl.", "Diagonal"])
    return f"{t} {R.randint(1, 40)}{R.choice(['', 'A', 'B'])} # {R.randint(1, 40)}-{R.randint(1, 99)}" + R.choice(
        ["", ", barrio Lorenzo", ", barrio Obrero", " apto 201"])


def fecha() -> str:
    dd, mm = R.randint(1, 28), R.randint(1, 12)
    return R.choice([f"{dd:02d}/{mm:02d}/2026", f"{dd}-{mm:02d}-2026", f"{dd:02d}.{mm:02d}.2026", f"2026-{mm:02d}-{dd:02d}"])


def hora() -> str:
    return R.choice([f"{R.randint(7, 20)}:{R.choice(['00', '30', '15'])} h", f"{R.randint(7, 11)}:00 a.m.",
                     f"{R.randint(13, 20)}:{R.choice(['00', '30'])} hrs", f"{R.randint(7, 20):02d}:00"])


def monto() -> str:
    return R.choice([f"${R.randint(1, 999):,},{d(3)}.00", f"${R.randint(10, 9999):,}", f"{R.randint(2, 90)} mdp"])


def monto_co() -> str:
    return R.choice([f"${R.randint(1, 900)}.{d(3)}.{d(3)}", f"$ {R.randint(100, 999)}.{d(3)}"])


def values() -> dict[str, str]:
    v = {
        "cel": cel_mx(), "cel2": cel_mx(), "celco": cel_co(), "celco2": cel_co(), "fijoco": fijo_co(),
        "inst": cel_mx(), "inst2": cel_mx(), "instco": fijo_co(), "cc": cedula(), "cc2": cedula(), "ti": ti(),
        "email": email(), "email2": email(), "obf": email_obf(), "curp": curp(), "rfc": rfc_pf(), "rfcpm": rfc_pm(),
        "clabe": clabe(), "card": card(), "nss": nss(), "elector": elector(), "addr": addr_mx(), "addrco": addr_co(),
        "nombre": R.choice(NOMBRES), "nombre2": R.choice(NOMBRES), "nombreco": R.choice(NOMBRES_CO),
        "nombreco2": R.choice(NOMBRES_CO), "fecha": fecha(), "hora": hora(), "monto": monto(), "montoco": monto_co(),
        "n4": d(4), "n5": str(R.randint(10000, 99999)), "pct": str(R.randint(2, 98)),
    }
    v["NOMBRE"], v["NOMBRECO"] = v["nombre"].upper(), v["nombreco"].upper()
    return v


# (template, types, note). Upper-case placeholders are filled upper-cased where the post is in capitals.
P = "phone"
FRAMES: list[tuple[str, list[str], str]] = [
    # --- mixed institutional + personal ---------------------------------------------------------------------------
    ("Comunícate al {inst} (conmutador) o con la señora Rosa al {cel} para apartar lugar.", [P], "mixed"),
    ("Dudas del programa: Dirección de Bienestar {inst} ext. 1204. Si eres del comité de la Col. Reforma, tu enlace es"
     " {nombre} al {cel}.", [P], "mixed"),
    ("Donativos para la familia afectada por el incendio: CLABE {clabe} a nombre de {nombre}. Centro de acopio en DIF"
     " Municipal, Tel. {inst} ext. 110.", ["clabe"], "mixed"),
    ("Emergencias 911 | Protección Civil {inst} | Propietario del predio (para retirar el árbol caído): {nombre},"
     " {cel}", [P], "mixed list"),
    ("Línea de atención de la Alcaldía: {instco}. Si necesitas transporte escolar, la coordinadora de ruta es"
     " {nombreco}, celular {celco}.", [P], "mixed CO"),
    ("Envía tus documentos a becas@rosarito.gob.mx; si eres del Ejido, entrégalos a la maestra Nora ({email}).",
     ["email"], "mixed email"),
    ("PQRS en pqrs@pasto.gov.co o en la línea {instco}. Para el torneo, inscripciones con el profe Andrés: {email}",
     ["email"], "mixed CO email"),
    ("Oficina de Enlace Ciudadano, Tel. {inst}. Para el grupo de caminata llama a la instructora {nombre}, {cel}.",
     [P], "mixed"),
    ("La Dirección de Obras atiende en el {inst} ext. 300; el contratista a cargo de la obra, ing. Ruiz, en su"
     " celular {cel2}.", [P], "mixed; contractor's own cell"),
    ("Secretaría de Salud {instco} — Vacunación casa a casa: pide tu turno con la promotora {nombreco} al {celco}.",
     [P], "mixed CO"),
    # --- quoted citizen comments ------------------------------------------------------------------------------------
    ("Vecina nos escribe: “me dejaron sin agua desde el lunes, mi cel es {cel}, nadie me contesta”. Ya canalizamos su"
     " reporte.", [P], "quoted comment"),
    ("Respuesta a comentario: \"Soy {nombre}, mi correo es {email}, no me llegó la beca\". Te atendemos por inbox.",
     ["email"], "quoted comment"),
    ("Ciudadano reporta: \"frente a mi casa en {addr} hay una fuga desde hace 3 días\". Cuadrilla en camino.",
     ["address"], "quoted comment, home address"),
    ("Un usuario escribió: “Llevo 3 meses esperando la cita, mi número es {celco}, por favor llamen”. Ya fue"
     " contactado por la Secretaría de Salud.", [P], "quoted comment CO"),
    ("Vecino comenta: «vivo en {addr} y el camión de la basura no pasa desde hace dos semanas» — ya programamos la"
     " ruta.", ["address"], "quoted comment"),
    ("\"Mándenme la información a {obf} porfa\" — comentario de una ciudadana en nuestra transmisión.", ["email"],
     "quoted, obfuscated e-mail"),
    ("Respondiendo a @vecinaRosy: “¿a qué número reporto luminarias?” — A la Dirección de Servicios Públicos,"
     " {inst}.", [], "quoted question, institutional answer"),
    ("“Gracias por pavimentar la calle 5 de Mayo después de 20 años” — comentario de doña Elena, vecina de la Col."
     " Centro.", [], "quoted, no data"),
    ("@usuario gracias, su solicitud quedó radicada con No. 2026-00{n4}; un funcionario lo llamará al {celco} que nos"
     " dejó.", [P], "reply exposing citizen's number"),
    ("Gracias {nombre} por tu reporte 🙌 Te marcamos al {cel} en el transcurso del día.", [P], "reply"),
    # --- short X posts --------------------------------------------------------------------------------------------
    ("Urge O+ para {nombre}, hosp. general, informes {cel}", [P], "short X"),
    ("Se busca a {nombre}, 14 años. Info: {cel}", [P], "short X"),
    ("Perrito perdido en Col. Mazatlán. Dueño: {cel}", [P], "short X"),
    ("Ayuda para don Chuy, tarjeta {card} (Bancoppel) 🙏", ["card"], "short X card"),
    ("Felicidades {nombre}, CURP {curp}, 1er lugar olimpiada de mate 🏅", ["curp"], "short X CURP"),
    ("Corte de agua mañana 06:00-18:00 en Col. Reforma y Lucio Blanco. Info 073.", [], "short X, service number"),
    ("Sismo M4.2 a las 03:14 h, 23 km al SO de Rosarito. Sin daños. Reporta al 911.", [], "short X numbers"),
    ("Hoy 12:00 h rueda de prensa. En vivo: facebook.com/GobRosarito", [], "short X"),
    ("Se busca a {nombreco}, 67 años. Informar a su hija al {celco} o a la línea 123.", [P], "short X CO"),
    ("Vendo rifa pro-operación de Lupita, boletos con su mamá {cel}", [P], "short X"),
    # --- all caps ---------------------------------------------------------------------------------------------------
    ("SE SOLICITA APOYO PARA LOCALIZAR A {NOMBRE}, VISTO POR ÚLTIMA VEZ EL {fecha}. CUALQUIER INFORMACIÓN AL {cel}"
     " (MAMÁ).", [P], "all caps"),
    ("SE INFORMA QUE EL SEÑOR {NOMBRECO}, IDENTIFICADO CON C.C. {cc}, DEBE PRESENTARSE EN LA OFICINA JURÍDICA.",
     ["cedula"], "all caps CO"),
    ("URGE DONADOR O- PARA BEBÉ EN IMSS 20. INFORMES CON SU PAPÁ {cel}", [P], "all caps short"),
    ("ATENCIÓN CIUDADANA: {inst} EXT. 100. EMERGENCIAS 911. DENUNCIA ANÓNIMA 089.", [], "all caps institutional"),
    ("ALCALDÍA DE PASTO INFORMA: JORNADA DE VACUNACIÓN EL {fecha} DE 8:00 A 16:00. INFORMES EN LA LÍNEA DE ATENCIÓN"
     " {instco}.", [], "all caps CO institutional"),
    ("CIERRE VIAL EN CALLE 5 DE MAYO #120, COL. CENTRO, POR OBRAS DE DRENAJE DEL 16 AL 20 DE MARZO, 08:00 A 18:00 H.",
     [], "all caps public works address"),
    ("SE NOTIFICA A {NOMBRE}, CON DOMICILIO EN {ADDR}, QUE CUENTA CON 15 DÍAS HÁBILES PARA COMPARECER.",
     ["address"], "all caps edict address"),
    ("ESCRIBE TUS DUDAS A {EMAIL} (ENCARGADA DEL COMITÉ DE PADRES)", ["email"], "all caps e-mail"),
    # --- many numbers -----------------------------------------------------------------------------------------------
    ("Presupuesto 2026: obra pública {monto}; salud {monto}; 3,412 beneficiarios; 27 colonias. Para sumarte al"
     " comité de vigilancia contacta a {nombre} al {cel}.", [P], "many numbers + phone"),
    ("Resultados del sorteo de vivienda:\nFolio 2026-0{n4} | Monto {monto}\nGanador: {nombre} | Tel. {cel}", [P],
     "table with phone"),
    ("Informe trimestral: 1,245 trámites, {pct}% atendidos, 312 quejas, 44 denuncias. Dudas de tu licencia con el"
     " gestor externo: {email}", ["email"], "many numbers + e-mail"),
    ("Pago de indemnización a {nombreco}, identificada con C.C. No. {cc}, por valor de {montoco} (Resolución 0{n4} de"
     " 2026).", ["cedula"], "many numbers CO"),
    ("Presupuesto de egresos 2026: {monto}. Seguridad 18%, obra pública 22%, salud 9%. Desglose en"
     " rosarito.gob.mx/transparencia.", [], "budget"),
    ("Tarifas de agua 2026:\nDoméstica 0-10 m3 $98.50\n11-20 m3 $12.40 por m3\nComercial 0-10 m3 $215.30\nIndustrial"
     " 1,245.80", [], "table of amounts"),
    ("Cuenta pública 2025: ingresos $2,345,678,901.45; egresos $2,301,112,004.10; deuda 0; {pct} obras concluidas.",
     [], "large amounts"),
    ("Cómputo distrital: PAN 12,345; MORENA 23,456; PRI 4,567; nulos 1,234; total 41,602 de 98,765 en lista nominal.",
     [], "vote counts"),
    ("Inversión {montoco} en 12 vías, 3.400 metros lineales, 18.000 beneficiarios, plazo 180 días, contrato"
     " 2026-0{n4}.", [], "CO many numbers"),
    ("Estadísticas 911 (feb 2026): 12,450 llamadas, 3,211 procedentes, 9,239 improcedentes; respuesta promedio 6:45"
     " min.", [], "statistics"),
    ("ISBN 978-607-8412-55-3, tiraje 1,500 ejemplares, 248 páginas. Presentación el {fecha} a las {hora}.", [],
     "ISBN and date"),
    ("Registro de asistencia 2026-03-15 18:45:10 — 1,245 personas, 312 vehículos, 45 elementos de seguridad.", [],
     "timestamp"),
    ("Beneficiarios del subsidio de arriendo:\nNombre | Cédula | Valor\n{nombreco} | {cc} | $600.000\n{nombreco2} |"
     " {cc2} | $600.000", ["cedula"], "table of cédulas under a heading"),
    # --- Colombian cédulas ------------------------------------------------------------------------------------------
    ("Notificación por aviso: se cita a {nombreco}, identificado con la cédula de ciudadanía número {cc} expedida en"
     " Pasto, para que comparezca el {fecha}.", ["cedula"], "CO cédula"),
    ("Resolución 0{n4} de 2026: se reconoce a {nombreco}, C.C. {cc}, como beneficiaria del subsidio.", ["cedula"],
     "CO cédula"),
    ("Edicto. {nombreco} (cc {cc}) debe acercarse a la Inspección de Policía.", ["cedula"], "CO cc lower"),
    ("Lista de admitidos:\n1. {nombreco} – CC {cc}\n2. {nombreco2} – CC {cc2}", ["cedula"], "CO list"),
    ("Felicitamos a {nombreco}, T.I. {ti}, ganador del concurso de cuento.", ["cedula"], "CO T.I."),
    ("El Juzgado informa que {nombreco}, portador de la cédula {cc}, fue declarado ausente.", ["cedula"], "CO"),
    ("Contrato de prestación de servicios 2026-0{n4} suscrito con {nombreco}, identificado con el número {cc} de"
     " Ipiales, por {montoco}.", ["cedula"], "CO filler cue"),
    ("Ganadora del estímulo: {nombreco}, C.C N° {cc}, de la vereda Jamondino.", ["cedula"], "CO C.C N°"),
    ("El menor, con tarjeta de identidad {ti}, fue reintegrado a su familia por el ICBF.", ["cedula"], "CO T.I."),
    ("Se requiere a quien se identifica con cédula de ciudadanía {cc} para notificarle el acto administrativo.",
     ["cedula"], "CO"),
    ("Convocatoria: requisitos — fotocopia de la cédula de ciudadanía, RUT, certificado de la EPS. Inscripciones hasta"
     " el {fecha}.", [], "cédula required, no value"),
    ("Decreto 0312 del 14 de marzo de 2026: NIT 891.280.000-3. Radicado 2026-01{n4}.", [], "CO NIT radicado"),
    ("Predio con matrícula inmobiliaria 240-1{n4} y cédula catastral 01-02-0034-0012-000 será intervenido.", [],
     "CO cadastral"),
    ("El contrato identificado con el número 2026{n4} se liquidó por {montoco}.", [], "identified contract"),
    # --- dates / times next to phones ------------------------------------------------------------------------------
    ("Jornada de adopción el sábado {fecha} {hora}. Adoptantes agendar con la voluntaria Karla {cel}", [P],
     "date+time+phone"),
    ("Recordatorio: entrega de apoyos {fecha} {hora}. Dudas con la promotora Lupita {cel}", [P], "date+time+phone"),
    ("Reunión vecinal hoy {hora} en el salón ejidal. Convoca el presidente de colonos, don Memo: {cel}.", [P],
     "time+phone"),
    ("Extraviado el {fecha} en la playa: celular Samsung. Si lo encuentras, llama a su dueña al {cel}.", [P],
     "date+phone"),
    ("📅 21/03 ⏰ {hora} 📍 Plaza Cívica 📞 {cel} (Chuy, organizador)", [P], "emoji date time phone"),
    ("Cita {fecha} {hora} — confirmar con la Sra. Toña al {cel2}", [P], "date time phone"),
    ("Horarios de vacunación: 09/03/2026 08:00–13:00; 10/03/2026 08:00–13:00; 11/03/2026 14:00–19:00.", [],
     "dates and times"),
    ("Calendario de pagos: 20260315, 20260415, 20260515 (formato AAAAMMDD para tu banco).", [], "compact dates"),
    ("Horario de atención: L-V 08:00-15:00, S 09:00-13:00. Teléfono del módulo: {inst}.", [],
     "times + module phone"),
    ("Jornada médica {fecha} de {hora} a 14:00 en el Centro de Salud; informes al {inst} de la Secretaría de Salud.",
     [], "date + office phone"),
    # --- only institutional digits -------------------------------------------------------------------------------
    ("Comunícate al {inst} (conmutador) o escribe a atencion@rosarito.gob.mx. Horario 8:00 a 15:00 h.", [],
     "institutional only"),
    ("Línea de atención de la Secretaría de Salud: {inst}, lunes a viernes 8:00–16:00.", [], "institutional"),
    ("Mesa de ayuda de la plataforma: {inst} ext. 2210 | soporte@rosarito.gob.mx", [], "institutional"),
    ("Alcaldía de Pasto — PBX {instco}, línea gratuita 01 8000 957 0102, correo contactenos@pasto.gov.co", [],
     "CO institutional"),
    ("WhatsApp oficial de Tránsito Municipal: {inst}. Solo mensajes.", [], "official WhatsApp"),
    ("Llámanos al {inst} o acude a Palacio Municipal, Blvd. Benito Juárez 2000, Zona Centro.", [], "first person"),
    ("Oficina de Catastro: Calle José Haroz Aguilar 2000, Col. Villa Turística. Tel. {inst}.", [], "office + Tel."),
    ("Conmutador {inst} / Emergencias 911 / Bomberos 068 / Cruz Roja 065 / Protección Civil {inst2}", [],
     "institutional list"),
    ("Tel. del DIF Municipal: {inst}; Tel. del Registro Civil: {inst2}.", [], "offices"),
    ("Cita en el Centro de Atención al Ciudadano (CAC), Calle 18 # 25-40, Pasto. Tel. {instco}.", [],
     "CO office address"),
    ("La E.S.E. Pasto Salud informa su línea de citas: {instco} opción 1.", [], "CO line of an ESE"),
    ("Paga tu predial en la cuenta del Municipio: CLABE {clabe}, referencia = tu clave catastral.", [],
     "institutional CLABE"),
    ("Depósitos para el Teletón municipal a la cuenta institucional del DIF: {clabe}.", [], "institutional CLABE"),
    ("El contrato MR-LPN-014-2026 por {monto} se adjudicó a Constructora del Pacífico SA de CV, RFC {rfcpm}.", [],
     "company RFC"),
    ("Ganador de la licitación: Servicios Integrales del Norte SA de CV. Monto: {monto}. Contacto:"
     " ventas@sinorte.com.mx.", [], "company role mailbox"),
    ("Dudas sobre el padrón con la Lic. Ana Torres, jefa de Padrón, ana.torres@rosarito.gob.mx, ext. 1305.", [],
     "public servant's institutional mail"),
    ("Línea Mujer 075 y línea de la Fiscalía {inst} (atención 24/7).", [], "institutional"),
    ("Te contactaremos al 664 *** **{n4} registrado en tu solicitud.", [], "masked"),
    ("Línea amiga de salud mental 106 y línea de atención 24 horas {instco}. No estás solo.", [], "CO lines"),
    ("Cámara de Comercio: matrícula mercantil 12{n4}-7; NIT 900.123.456-1; teléfono de la Cámara {instco}.", [],
     "CO chamber"),
    ("Consulta tu recibo: número de servicio 0{n4}56789, tarifa 1A, consumo 245 kWh.", [], "service number"),
    ("Radicado de salida 2026114001{n4} del {fecha}.", [], "CO radicado"),
    ("Atención al usuario {inst} · Urgencias 911 · Quejas contraloria@rosarito.gob.mx", [], "service phrase"),
    # --- more personal data in varied shapes -------------------------------------------------------------------------
    ("Proveedor persona física adjudicado: {nombre}, RFC {rfc}, monto {monto} IVA incluido.", ["rfc"], "RFC"),
    ("Requisitos cubiertos por {nombre}: NSS {nss}, CURP en trámite.", ["nss"], "NSS"),
    ("Credencial extraviada a nombre de {nombre}, clave de elector {elector}; si la encuentras, entrégala en el módulo"
     " INE.", ["clave_elector"], "clave de elector"),
    ("Denuncia ciudadana: en la {addrco}, donde vive la señora Marleny, arrojan escombros a la quebrada.", ["address"],
     "CO home address"),
    ("CONVOCATORIA: enviar CV a {email} o llamar al {cel} (Lic. Ramírez, reclutador).", [P, "email"],
     "recruiter's own contacts"),
    ("Los ganadores {nombre} ({cel}) y {nombre2} ({email2}) recogen su premio el {fecha}.", [P, "email"], "two"),
]


def main() -> None:
    rows = []
    for fi, (tpl, types, note) in enumerate(FRAMES):
        half = "a" if int(hashlib.md5(tpl.encode()).hexdigest(), 16) % 2 == 0 else "b"
        for k in range(5):
            v = values()
            v.update({key.upper(): val.upper() for key, val in v.items() if key.islower()})
            text = tpl.format(**v)
            rows.append({"id": f"r3-{fi:03d}-{k}", "half": half, "frame": fi, "text": text,
                         "personal_data": bool(types), "types": sorted(types), "note": note})
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    pos = sum(r["personal_data"] for r in rows)
    print(f"{len(rows)} rows, {pos} positive, half a {sum(r['half'] == 'a' for r in rows)}")


if __name__ == "__main__":
    main()
