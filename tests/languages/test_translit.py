"""One person across scripts: transliteration and the registry's name keys."""

from __future__ import annotations

import pytest

from saidwhat.extraction.slavic.translit import has_cyrillic, to_latin, transliterations
from saidwhat.names import name_key


@pytest.mark.parametrize(
    "names",
    [
        ("Sergey Lavrov", "Sergei Lavrov", "Сергей Лавров", "Сергій Лавров"),
        ("Dmytro Kuleba", "Dmitry Kuleba", "Дмитро Кулеба", "Дмитрий Кулеба"),
        ("Volodymyr Zelenskyy", "Vladimir Zelensky", "Володимир Зеленський", "Владимир Зеленский"),
        ("Maria Zakharova", "Мария Захарова", "Марія Захарова"),
        ("Yuliia Svyrydenko", "Юлія Свириденко"),
        ("Sergey Ostrikov", "Сергій Остриков", "Сергей Остриков"),
    ],
)
def test_spellings_of_one_person_share_a_key(names):
    assert len({name_key(n) for n in names}) == 1, {n: name_key(n) for n in names}


def test_different_people_keep_different_keys():
    assert name_key("Сергей Лавров") != name_key("Сергей Лавровский")
    assert name_key("Мария Захарова") != name_key("Марина Захарова")


def test_transliterations_list_the_romanisation_systems():
    ru = transliterations("Сергей Лавров")
    assert ru[0] == to_latin("Сергей Лавров") == "Sergey Lavrov"
    assert {"Sergei Lavrov", "Sergej Lavrov"} <= set(ru)
    uk = transliterations("Юлія Свириденко")
    assert "Yuliia Svyrydenko" in uk
    assert transliterations("Margit Hallen") == ["Margit Hallen"]
    assert not has_cyrillic("Margit Hallen") and has_cyrillic("Маргит")
