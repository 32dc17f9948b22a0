"""Throughput of the compliance checker with every category on: `python bench/checker_throughput.py [N]`.

Generates N synthetic posts (seeded; mixed lengths, misspellings, links, hashtags, emoji, insults, text-speak,
some repeated from an archive) and times check() over them in one process, then the same posts through
`pregon check --jsonl` (start-up, JSON in/out included; the last run adds --archive, so spam runs too).
Target: >= 2,000 posts/s on one core.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pregon.checker import ArchivedPost, Campaign, CheckContext, CheckerConfig, CheckerOptions, check  # noqa: E402
from pregon.checker.config import CATEGORIES, ElectoralPeriod, RuleSetting  # noqa: E402

OPENINGS = ["Hoy", "Este sábado", "A partir del lunes", "Les informamos que", "AVISO IMPORTANTE PARA TODA LA CIUDADANÍA",
            "Recuerda que", "La Dirección de Salud informa que", "Yo creo que", "Buenos días,"]
BODIES = [
    "la jornada de vacunacion contra la influenza se realizará en el Centro Comunitario de la colonia {col}",
    "abrimos la convocatoria para becas de transporte escolar; consulta los requisitos en {url}",
    "se llevó a cabo la reunión de trabajo con vecinos de {col} para revisar el programa de bacheo",
    "el Cabildo aprobó el reglamento de protección civil, el cual fue aprobado por unanimidad",
    "inauguramos la nueva biblioteca pública en {col} gracias al gobierno municipal",
    "te esperamos en la feria del empleo xq hay más de 300 vacantes para jovenes",
    "la información del proyecto es reservada hasta que se concluya la deliberación",
    "no publiquen comentarios así, idiotas, respeten a todos",
    "el servicio de agua se suspenderá por mantenimiento en {col} de 9:00 a 14:00 horas",
    "en virtud de lo anterior se coadyuvará con las autoridades a efecto de dar cumplimiento al acuerdo",
]
COLONIAS = ["Centro", "Lucio Blanco", "Ampliación Constitución", "Reforma", "Obrera", "Las Gaviotas"]
URLS = ["https://rosarito.gob.mx/becas", "bit.ly/3xYz", "https://www.facebook.com/rosarito", "www.ejemplo.com/nota"]
TAILS = ["", " #VacunaRosarito", " #Rosarito #Salud", " 🎉🎉🎉🎉🎉", " ¡¡¡Participa!!!", " Más información: 661 612 0000.",
         " Boletín completo en nuestra página.", " @GobBC", " Vota por el PAN."]


def make_posts(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    posts = []
    for _ in range(n):
        k = rnd.choice([1, 1, 2, 3, 5])
        parts = [rnd.choice(OPENINGS)]
        for _ in range(k):
            parts.append(rnd.choice(BODIES).format(col=rnd.choice(COLONIAS), url=rnd.choice(URLS)) + ".")
        text = " ".join(parts) + rnd.choice(TAILS)
        if rnd.random() < 0.3:  # unique tokens, so the per-word caches do not make the run unrealistically easy
            text += f" Folio {rnd.randint(1000, 9999)}, ventanilla {rnd.choice('ABCDEFGH')}{rnd.randint(1, 99)}."
        if rnd.random() < 0.1:
            text += " " + "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(9))  # a fresh typo
        posts.append(text)
    return posts


def config() -> CheckerConfig:
    return CheckerConfig(
        categories={c: RuleSetting(severity="warn") for c in CATEGORIES},
        options=CheckerOptions(
            allowed_link_domains=("rosarito.gob.mx",),
            electoral_periods=(
                ElectoralPeriod(name="Proceso 2027", kind="campaign", starts_on=dt.date(2027, 4, 1),
                                ends_on=dt.date(2027, 6, 2)),
            ),
        ),
    )


def context(posts: list[str]) -> CheckContext:
    now = dt.datetime(2027, 5, 10, 12)
    archive = tuple(ArchivedPost(t, now - dt.timedelta(hours=i * 3), "@RosaritoGob") for i, t in enumerate(posts[:200]))
    return CheckContext(
        own_domains=("rosarito.gob.mx",),
        allow_words=("Rosarito", "Hidalgo"),
        platform="facebook",
        now=now,
        campaigns=(Campaign("#VacunaRosarito", dt.date(2027, 1, 1), dt.date(2027, 12, 31)),),
        archive=archive,
        official_names=("Araceli Geraldo",),
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    posts = make_posts(n)
    cfg, ctx = config(), context(make_posts(200, seed=99))
    check("calentamiento", cfg, ctx)
    for label in ("cold caches", "warm caches"):
        t0, c0 = time.perf_counter(), time.process_time()
        total = 0
        for text in posts:
            total += len(check(text, cfg, ctx))
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"check() [{label}]: {n} posts, CPU {cpu:.2f} s = {n / cpu:,.0f} posts/s per core "
              f"(wall {wall:.2f} s = {n / wall:,.0f} posts/s); {total} findings, mean {sum(map(len, posts)) / n:.0f} "
              f"chars, archive {len(ctx.archive)} posts")

    pregon = ROOT / ".venv" / "bin" / "pregon"
    if pregon.exists():
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
            for i, text in enumerate(posts):
                fh.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
        # the same archive as check() above, so that the CLI runs the spam rule too (--archive)
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as ah:
            for post in ctx.archive:
                ah.write(json.dumps({"text": post.text, "published_at": post.published_at.isoformat(),
                                     "account": post.account}, ensure_ascii=False) + "\n")
        for args in ([], ["--institution", "rosarito"], ["--date", ctx.now.date().isoformat(), "--archive", ah.name]):
            t0 = time.perf_counter()
            before = os.times()
            r = subprocess.run([str(pregon), "check", *args, "--jsonl", fh.name], capture_output=True, check=False)
            after = os.times()
            elapsed = time.perf_counter() - t0
            cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
            lines = r.stdout.count(b"\n")
            label = " ".join(args) or "(all categories)"
            print(f"pregon check {label} --jsonl: {lines} lines, CPU {cpu:.2f} s = {n / cpu:,.0f} posts/s per core "
                  f"(wall {elapsed:.2f} s = {n / elapsed:,.0f} posts/s; exit {r.returncode}; start-up included)")
        os.unlink(fh.name)
        os.unlink(ah.name)


if __name__ == "__main__":
    main()
