"""Invented news texts for the near-duplicate tests: a story, its syndicated copy, another."""

STORY = (
    "The harbour council of Port Alder voted five to four on Wednesday to raise ferry fares by "
    "twelve percent from April, after a session that ran late into the evening. Council chair "
    "Tomas Verhoeven told reporters that the boats could not keep running on goodwill and last "
    "decade's prices. Opposition councillor Ines Halvorsen said the increase would hit island "
    "commuters hardest, because people who have no bridge have no choice. The ferry operator "
    "said it would publish a new timetable next week, and that winter sailings would not change."
)
SYNDICATED = "PORT ALDER (Wire) - " + STORY + " Reporting by Wire staff; editing by Desk."
OTHER = (
    "The city library will extend its opening hours on weekends from May, the culture department "
    "announced on Tuesday. The head librarian said the change followed a survey of two thousand "
    "readers, most of whom asked for Sunday afternoons. Staff unions said they had been consulted "
    "and supported the plan, provided that overtime is paid at the usual rate for all employees."
)
