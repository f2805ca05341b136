"""One invented example of each Russian and Ukrainian form the extractor must read.

Each case names the statement it expects by its quote (without marks), kind
and canonical speaker; every statement of every case must satisfy the offset
invariant.
"""

from __future__ import annotations

import pytest

from saidwhat.extraction.slavic import extract, guess_language
from saidwhat.model import Document


def _run(text: str, lang: str):
    doc = Document(text=text, ref="<test>", language=lang)
    ex = extract(doc)
    for st in ex.statements:
        st.check_offsets(text)
        for s, e in st.fragments or ():
            assert 0 <= s < e <= len(text)
    return ex


def _find(ex, quote: str):
    hits = [st for st in ex.statements if st.quote == quote]
    assert hits, f"no statement {quote!r} in {[st.quote for st in ex.statements]}"
    return hits[0]


CASES = [
    # (language, text, quote, kind, speaker)
    (
        "ru",
        "«Мы не отступим», — заявил министр финансов Олег Суворин журналистам.",
        "Мы не отступим",
        "direct",
        "Олег Суворин",
    ),
    (
        "ru",
        'Вице-премьер Анна Крылова сказала: "Бюджет будет принят в срок".',
        "Бюджет будет принят в срок",
        "direct",
        "Анна Крылова",
    ),
    (
        "ru",
        "Губернатор Игорь Белов заявил, что мост откроют в октябре.",
        "мост откроют в октябре",
        "indirect",
        "Игорь Белов",
    ),
    (
        "ru",
        "По словам Игоря Белова, мост откроют в октябре.",
        "мост откроют в октябре",
        "indirect",
        "Игорь Белов",
    ),
    (
        "ru",
        "Как сообщила Анна Крылова, дефицит сократится вдвое.",
        "дефицит сократится вдвое",
        "indirect",
        "Анна Крылова",
    ),
    (
        "ru",
        "Дефицит сократится вдвое, сообщил Олег Суворин.",
        "Дефицит сократится вдвое",
        "indirect",
        "Олег Суворин",
    ),
    (
        "ru",
        "В Минфине заявили, что налоги повышать не будут.",
        "налоги повышать не будут",
        "indirect",
        "Минфин",
    ),
    (
        "uk",
        "«Ми готові до діалогу», — заявив міністр Тарас Коваль.",
        "Ми готові до діалогу",
        "direct",
        "Тарас Коваль",
    ),
    (
        "uk",
        "Міністр Тарас Коваль заявив, що переговори тривають.",
        "переговори тривають",
        "indirect",
        "Тарас Коваль",
    ),
    (
        "uk",
        "За словами Оксани Мельник, бюджет ухвалять у грудні.",
        "бюджет ухвалять у грудні",
        "indirect",
        "Оксана Мельник",
    ),
    (
        "uk",
        "Як повідомив Тарас Коваль, делегація прибуде в понеділок.",
        "делегація прибуде в понеділок",
        "indirect",
        "Тарас Коваль",
    ),
]


@pytest.mark.parametrize(("lang", "text", "quote", "kind", "speaker"), CASES)
def test_form(lang, text, quote, kind, speaker):
    st = _find(_run(text, lang), quote)
    assert st.kind == kind
    assert st.speaker == speaker


def test_interrupted_quote_in_one_pair_of_marks_is_one_statement_in_two_pieces():
    text = "«Мы подпишем договор, — сказал Олег Суворин. — Но не сегодня»."
    st = _find(_run(text, "ru"), "Мы подпишем договор")
    assert st.kind == "direct" and st.speaker == "Олег Суворин"
    assert [text[s:e] for s, e in st.fragments] == ["Мы подпишем договор", "Но не сегодня"]


def test_dialogue_dash_convention():
    text = "— Рішення ухвалено, — зазначила Оксана Мельник. — Обговорювати більше нічого."
    st = _find(_run(text, "uk"), "Рішення ухвалено")
    assert st.kind == "direct" and st.speaker == "Оксана Мельник"
    assert len(st.fragments) == 2


def test_pronouns_take_the_nearest_person_of_the_verbs_gender():
    text = (
        "Олег Суворин встретился с Анной Крыловой.\n\n"
        "«Встреча была полезной», — сказала она.\n\n"
        "«Мы договорились», — добавил он."
    )
    ex = _run(text, "ru")
    assert _find(ex, "Встреча была полезной").speaker == "Анна Крылова"
    assert _find(ex, "Мы договорились").speaker == "Олег Суворин"


def test_names_are_put_in_the_nominative():
    # the full name appears only in the instrumental; the speaker is its nominative
    text = "Встреча с Игорем Беловым прошла спокойно.\n\n«Всё решено», — сказал Белов."
    assert _find(_run(text, "ru"), "Всё решено").speaker == "Игорь Белов"
    text = "Розмова з Оксаною Мельник.\n\n«Усе вирішено», — сказала Мельник."
    assert _find(_run(text, "uk"), "Усе вирішено").speaker == "Оксана Мельник"


def test_mixed_quote():
    text = "Анна Крылова назвала отставку министра «давно ожидаемой»."
    st = _find(_run(text, "ru"), "отставку министра «давно ожидаемой")
    assert st.kind == "mixed" and st.speaker == "Анна Крылова"


def test_block_quote_after_a_colon_paragraph():
    text = "Тарас Коваль написав у Telegram:\n\n«Сьогодні важливий день для країни»."
    st = _find(_run(text, "uk"), "Сьогодні важливий день для країни")
    assert st.kind == "block" and st.speaker == "Тарас Коваль"


def test_transcript_turns_with_initials_and_answer_labels():
    text = (
        "Вопрос: Когда откроют мост?\n\n"
        "О.П.Суворин: В октябре, если погода позволит.\n\n"
        "Вопрос: А дороги?\n\n"
        "О.П.Суворин: Дороги позже."
    )
    ex = _run(text, "ru")
    qa = [st for st in ex.statements if st.kind == "qa"]
    assert [st.quote for st in qa] == ["В октябре, если погода позволит.", "Дороги позже."]
    assert {st.speaker for st in qa} == {"О. П. Суворин"}
    text = "Розмова з Тарасом Ковалем.\n\nПитання: Коли відкриють міст?\n\nВідповідь: У жовтні."
    st = _find(_run(text, "uk"), "У жовтні.")
    assert st.kind == "qa" and st.speaker == "Тарас Коваль"


def test_scare_quotes_and_unattributed_quotes_are_not_statements():
    text = "Компания «Северный путь» открыла новый офис. Это так называемый «проект века»."
    assert _run(text, "ru").statements == []


def test_language_guess_for_undetected_cyrillic():
    assert guess_language("Міністр заявив, що переговори тривають.") == "uk"
    assert guess_language("Министр заявил, что переговоры продолжатся.") == "ru"
    assert guess_language("The minister said talks would go on.") is None


NEWS_CASES = [
    # (language, text, quote, kind, speaker): forms common in wire copy
    (
        "ru",
        "«Решение будет принято скоро», — приводит агентство слова Игоря Белова.",
        "Решение будет принято скоро",
        "direct",
        "Игорь Белов",
    ),
    (
        "uk",
        "«Переговори відбудуться цього тижня», — цитує Тараса Коваля агентство.",
        "Переговори відбудуться цього тижня",
        "direct",
        "Тарас Коваль",
    ),
    (
        "ru",
        "Мост откроют в октябре. Об этом в среду заявил губернатор Игорь Белов.",
        "Мост откроют в октябре",
        "indirect",
        "Игорь Белов",
    ),
    (
        "uk",
        "Міст відкриють у жовтні. Про це повідомив міністр Тарас Коваль.",
        "Міст відкриють у жовтні",
        "indirect",
        "Тарас Коваль",
    ),
    (
        "ru",
        "Губернатор Игорь Белов выступил в парламенте.\n\nПо его словам, мост откроют в октябре.",
        "мост откроют в октябре",
        "indirect",
        "Игорь Белов",
    ),
    (
        "ru",
        "«Мы не согласны с этим решением», — говорится в заявлении МИД Арканы.",
        "Мы не согласны с этим решением",
        "direct",
        "МИД Арканы",
    ),
    (
        "uk",
        "Президент Володимир Хоменко заявив, що реформа триватиме.",
        "реформа триватиме",
        "indirect",
        "Володимир Хоменко",
    ),
]


@pytest.mark.parametrize(("lang", "text", "quote", "kind", "speaker"), NEWS_CASES)
def test_news_form(lang, text, quote, kind, speaker):
    st = _find(_run(text, lang), quote)
    assert st.kind == kind
    assert st.speaker == speaker


def test_a_role_alias_finds_the_person_who_holds_the_role():
    text = (
        "Глава МИД Олег Суворин прибыл в Вельду.\n\n"
        "«Мы готовы к диалогу, — сказал министр. — Но не к уступкам»."
    )
    assert _find(_run(text, "ru"), "Мы готовы к диалогу").speaker == "Олег Суворин"


@pytest.mark.parametrize(
    ("phrase", "lang", "expected"),
    [
        ("главы МИД России", "ru", "глава МИД России"),
        ("официального представителя МИД", "ru", "официальный представитель МИД"),
        ("Гранитном дворце", "ru", "Гранитный дворец"),
        ("речниці МЗС", "uk", "речниця МЗС"),
        ("Офісі президента", "uk", "Офіс президента"),
    ],
)
def test_roles_and_organisations_are_put_in_the_nominative(phrase, lang, expected):
    from saidwhat.extraction.slavic.morph import nominative_phrase

    assert nominative_phrase(phrase, lang) == expected


def test_an_interview_written_as_dash_paragraphs_is_question_and_answer():
    text = (
        "Посол Игорь Белов рассказал нашему изданию о переговорах.\n\n"
        "— Когда откроется переход?\n\n"
        "— Мы ожидаем, что в августе. Работа идёт.\n\n"
        "— А рыбаки?\n\n"
        "— Они вернутся домой."
    )
    qa = [st for st in _run(text, "ru").statements if st.kind == "qa"]
    assert [st.quote for st in qa] == [
        "Мы ожидаем, что в августе. Работа идёт.",
        "Они вернутся домой.",
    ]
    assert {st.speaker for st in qa} == {"Игорь Белов"}


def test_transcript_labels_may_carry_a_note_in_brackets():
    text = (
        "Вопрос (перевод с английского): Что дальше?\n\n"
        "О.П.Суворин (отвечая на вопрос): Дальше работа.\n\n"
        "Вопрос: Когда?\n\n"
        "О.П.Суворин: Скоро."
    )
    qa = [st for st in _run(text, "ru").statements if st.kind == "qa"]
    assert [st.quote for st in qa] == ["Дальше работа.", "Скоро."]


def test_a_headline_is_not_a_statement_but_heads_the_one_it_paraphrases():
    text = (
        "Белов заявил, что мост откроют в октябре\n\n"
        "Губернатор Игорь Белов заявил журналистам, что мост откроют в октябре."
    )
    ex = _run(text, "ru")
    assert [st.quote for st in ex.statements] == ["мост откроют в октябре"]
    assert ex.statements[0].quote_start > text.index("\n")
    assert ex.statements[0].headline == "Белов заявил, что мост откроют в октябре"


def test_a_gerund_cue_keeps_the_speaker_of_its_sentence():
    text = "Игорь Белов сообщил, что встреча пройдёт в Вельде, подчеркнув, что состав согласован."
    st = _find(_run(text, "ru"), "состав согласован")
    assert st.speaker == "Игорь Белов"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Міністр заявив, що переговори тривають.", "uk"),
        ("Кулеба: Ми готові до переговорів з партнерами", "uk"),
        ("Министр заявил, что переговоры продолжатся.", "ru"),
    ],
)
def test_detection_tells_russian_from_ukrainian(text, expected):
    from saidwhat.sources.language import detect_language

    assert detect_language(text) == expected


def test_an_outlet_in_guillemets_asks_the_questions():
    text = (
        "«Вестник»: Когда будет принят бюджет?\n\n"
        "Олег Суворин: В октябре.\n\n"
        "«Вестник»: А налоги?\n\n"
        "Олег Суворин: Налоги не вырастут."
    )
    qa = [st for st in _run(text, "ru").statements if st.kind == "qa"]
    assert [st.quote for st in qa] == ["В октябре.", "Налоги не вырастут."]


def test_belief_adjectives_and_surnames_the_dictionary_knows_as_words():
    text = "«Бюджет не ухвалять раніше жовтня», — переконаний депутат Тарас Коваль."
    assert _find(_run(text, "uk"), "Бюджет не ухвалять раніше жовтня").speaker == "Тарас Коваль"
    text = "Голова комітету Роксолана Підласа розповіла, що комітет працює."
    assert _find(_run(text, "uk"), "комітет працює").speaker == "Роксолана Підласа"


def test_a_name_inside_a_reported_clause_still_names_the_person():
    text = (
        "Губернатор провёл переговоры с министром Олегом Сувориным. Об этом сообщили в"
        " администрации.\n\nСуворин также заявил, что бюджет открыт к диалогу, но «не позволит"
        " диктовать условия»."
    )
    ex = _run(text, "ru")
    st = _find(ex, "бюджет открыт к диалогу, но «не позволит диктовать условия")
    assert st.kind == "mixed" and st.speaker == "Олег Суворин"


def test_head_of_state_is_the_president():
    text = (
        "Президент Володимир Хоменко прибув до Вельди.\n\n"
        "«Ми хочемо миру, але справедливого», — сказав глава держави."
    )
    assert _find(_run(text, "uk"), "Ми хочемо миру, але справедливого").speaker == (
        "Володимир Хоменко"
    )


def test_a_pronoun_after_an_unnamed_role_holder_is_not_given_to_an_earlier_name():
    text = (
        "Президент Володимир Хоменко заявив, що Київ не погодиться.\n\n"
        "Польський прем'єр, своєю чергою, пообіцяв підтримку. За його словами, Варшава"
        " передасть ще один пакет допомоги."
    )
    st = _find(_run(text, "uk"), "Варшава передасть ще один пакет допомоги")
    assert st.speaker is None and st.speaker_mention == "його"


def test_a_quotation_over_two_paragraphs_with_the_cue_after_it():
    text = (
        "Министр Олег Суворин выступил перед депутатами.\n\n"
        "«Бюджет будет сбалансирован.\n\n"
        "«Налоги не вырастут», — сказал Суворин."
    )
    (st,) = _run(text, "ru").statements
    assert st.kind == "direct" and st.speaker == "Олег Суворин"
    assert [text[s:e] for s, e in st.fragments] == [
        "Бюджет будет сбалансирован.",
        "Налоги не вырастут",
    ]


def test_a_plural_cue_after_a_quote_makes_the_place_the_speaker():
    text = '"Угроз для населения нет", - заявили в администрации Курской области.'
    st = _find(_run(text, "ru"), "Угроз для населения нет")
    assert st.speaker == "Администрация Курской области" and st.speaker_type == "organisation"
