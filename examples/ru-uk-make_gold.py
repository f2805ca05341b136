"""Build ru-uk-gold.jsonl, the gold annotation of the Russian/Ukrainian demo corpus.

(It lives beside the corpus folder, not in it, so ``saidwhat ingest`` does not read it.)

Offsets are never counted by hand: each statement is listed by its quote
string (or the strings of its pieces), found in the document by a search
that must match exactly once.

    python examples/ru-uk-make_gold.py          # writes examples/ru-uk-gold.jsonl
    python examples/ru-uk-make_gold.py --check  # exits 1 if it is stale

Conventions (as for the English corpus): ``quote`` is the content without the
enclosing marks; indirect quotes are the reported clause without the
complementiser (что/що) and without the final full stop; an interrupted quote
(``«A, — сказал он. — B»`` or ``— A, — отметила X. — B.``) is one statement
whose ``quote`` is the first piece and whose ``fragments`` list every piece;
a block quote or answer over several paragraphs lists the paragraphs.
``speaker`` is the canonical name in the nominative (an organisation for
``в МИД заявили``); posts are the whole message, by the channel's author.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "corpus-ru-uk"
GOLD = HERE.parent / "ru-uk-gold.jsonl"

# (document, language, [(pieces, kind, speaker)]); pieces: a string or a list of strings.
NEWS = [
    (
        "ru-01-wire-ostrikov-velda.txt",
        "ru",
        [
            (
                "Мы приехали не для того, чтобы делать вид, будто разногласий больше нет",
                "direct",
                "Сергей Остриков",
            ),
            (["Граница должна снова стать местом торговли", "А не местом ожидания"], "direct",
             "Сергей Остриков"),
            (
                "стороны договорились открыть пограничный переход Кессен для грузовых "
                "перевозок до конца лета",
                "indirect",
                "Сергей Остриков",
            ),
            ("совместная комиссия по рыболовству соберётся в июне", "indirect", "Маргит Халлен"),
            (["Никто в этом здании не питает иллюзий", "Но мы снова разговариваем"], "direct",
             "Маргит Халлен"),
            (
                "Дороград рассчитывает на скорое освобождение одиннадцати задержанных рыбаков",
                "indirect",
                "Ирина Железова",
            ),
            ('их задержание "ошибкой, которую пора исправить"', "mixed", "Ирина Железова"),
            (
                "первые грузовики могут пройти через переход уже в августе",
                "indirect",
                "Павел Дронов",
            ),
            (
                "президент Виктор Ралль «внимательно следит за ходом переговоров»",
                "mixed",
                "Гранитный дворец",
            ),
            (
                "Мы называем это „новым реализмом“, но пока это только слова",
                "direct",
                "Федор Лагунов",
            ),
            (
                [
                    "Долгий и откровенный день в Вельде. Разногласия остаются, но мы "
                    "договорились о следующих шагах"
                ],
                "block",
                "Сергей Остриков",
            ),
            ("Переговоры продолжатся в сентябре", "indirect", "Павел Дронов"),
        ],
    ),
    (
        "ru-02-briefing-zhelezova.txt",
        "ru",
        [
            (
                [
                    "Мы ожидаем, что это произойдёт в ближайшие недели. Работа идёт "
                    "ежедневно, на всех уровнях.",
                    "Консульство поддерживает постоянную связь с семьями рыбаков.",
                ],
                "qa",
                "И. А. Железова",
            ),
            (
                "Мы видели это заявление. Давать оценки пока рано, но направление правильное.",
                "qa",
                "И. А. Железова",
            ),
            (
                "Да, такая встреча запланирована. Министр уже подтвердил своё участие.",
                "qa",
                "И. А. Железова",
            ),
        ],
    ),
    (
        "uk-01-news-ostrikov-velda.txt",
        "uk",
        [
            (
                "його країна готова відкрити пункт пропуску Кессен до кінця літа",
                "indirect",
                "Сергій Остриков",
            ),
            (
                "Ми приїхали не для того, щоб удавати, що розбіжностей більше немає",
                "direct",
                "Сергій Остриков",
            ),
            ("спільна комісія з рибальства збереться в червні", "indirect", "Сергій Остриков"),
            ("Вельда „уважно вивчить“ пропозиції Дорограда", "mixed", "Рут Кесслінг"),
            ("Ми не поспішаємо, але й не зволікаємо", "direct", "Рут Кесслінг"),
            (
                "перші вантажівки можуть перетнути кордон уже в серпні",
                "indirect",
                "Павло Дронов",
            ),
            (["Це лише перший крок", "Попереду багато роботи"], "direct", "Павло Дронов"),
            (
                "звільнення одинадцяти рибалок залишається головним питанням",
                "indirect",
                "МЗС Весії",
            ),
            (
                [
                    "Сьогодні Вельда нарешті згадала, що має сусіда. Це добрий день для "
                    "Кессена"
                ],
                "block",
                "Карла Данмор",
            ),
            ("Переговори продовжаться у вересні", "indirect", "Павло Дронов"),
        ],
    ),
    (
        "uk-02-interview-dronov.txt",
        "uk",
        [
            (
                "Ми очікуємо, що це станеться наприкінці серпня. Технічна робота вже триває.",
                "qa",
                "Павло Дронов",
            ),
            (
                [
                    "Я в цьому впевнений. Питання вирішиться найближчими тижнями.",
                    "Обидві сторони хочуть закрити цю тему якнайшвидше.",
                ],
                "qa",
                "Павло Дронов",
            ),
        ],
    ),
]  # fmt: skip

#: Telegram exports: (folder, language); every message with text is one post by the channel.
TELEGRAM = [("telegram-ru", "ru"), ("telegram-uk", "uk")]


def _find(text: str, piece: str, doc: str) -> tuple[int, int]:
    n = text.count(piece)
    if n != 1:
        raise SystemExit(f"{doc}: {piece[:40]!r} occurs {n} times (must be once)")
    s = text.index(piece)
    return s, s + len(piece)


def _quote(text: str, pieces, kind: str, speaker: str, doc: str) -> dict:
    if isinstance(pieces, str):
        pieces = [pieces]
    spans = [_find(text, p, doc) for p in pieces]
    interrupted = kind in ("direct", "mixed", "indirect") and len(spans) > 1
    start = spans[0][0]
    end = spans[0][1] if interrupted else spans[-1][1]
    return {
        "quote_start": start,
        "quote_end": end,
        "quote": text[start:end],
        "fragments": [list(s) for s in spans] if len(spans) > 1 else None,
        "kind": kind,
        "speaker": speaker,
    }


def _telegram(folder: str, lang: str) -> list[dict]:
    data = json.loads((HERE / folder / "result.json").read_text(encoding="utf-8"))
    out = []
    for n, msg in enumerate(data["messages"], 1):
        if msg.get("type") != "message":
            continue
        text = msg["text"]
        if isinstance(text, list):
            text = "".join(p if isinstance(p, str) else p["text"] for p in text)
        out.append(
            {
                "id": f"{folder}/result.json#{n}",
                "lang": lang,
                "format": "telegram",
                "author": msg["from"],
                "text": text,
                "quotes": [
                    {
                        "quote_start": 0,
                        "quote_end": len(text),
                        "quote": text,
                        "fragments": None,
                        "kind": "post",
                        "speaker": msg["from"],
                    }
                ],
            }
        )
    return out


def build() -> str:
    records = []
    for name, lang, quotes in NEWS:
        text = (HERE / name).read_text(encoding="utf-8")
        records.append(
            {
                "id": name,
                "lang": lang,
                "format": "txt",
                "text": text,
                "quotes": [_quote(text, p, k, s, name) for p, k, s in quotes],
            }
        )
    for folder, lang in TELEGRAM:
        records.extend(_telegram(folder, lang))
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main() -> None:
    out = build()
    if "--check" in sys.argv:
        if not GOLD.exists() or GOLD.read_text(encoding="utf-8") != out:
            raise SystemExit(f"{GOLD} is stale: run {Path(__file__).name}")
        return
    GOLD.write_text(out, encoding="utf-8")
    print(f"wrote {GOLD} ({out.count(chr(10))} documents)")


if __name__ == "__main__":
    main()
