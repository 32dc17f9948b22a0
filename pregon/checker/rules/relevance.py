"""relevance: everyday chat that is not about the institution's activities (rosarito:9.1, 9.10, iee-sonora:6.I,
6.XIII)."""

from __future__ import annotations

from pregon.checker.config import CheckerOptions
from pregon.checker.text import inside, matcher, prepare, quote
from pregon.checker.types import CheckContext, Hit


def detect(text: str, ctx: CheckContext, options: CheckerOptions) -> list[Hit]:
    p = prepare(text)
    hits: list[Hit] = []
    for s, e, _ in matcher(options.everyday_chat_lexicons).finditer(text, p.folded):
        if not inside(p.skips, s, e):
            hits.append(
                Hit(
                    "relevance.everyday_chat",
                    s,
                    e,
                    f"«{quote(text, s, e)}» es conversación cotidiana: publique solo sobre las actividades de la "
                    "institución, con tono institucional y no personal.",
                )
            )
    return hits
