"""English first names with a gender, and country words: the longest word lists of
the English lexicon (:mod:`.lexicon`), kept apart so that the cue lists stay readable."""

from __future__ import annotations

FEMALE_NAMES = frozenset(
    """hillary maria nikki elizabeth melania ivanka nancy kellyanne sarah theresa angela
    marine loretta huma susan samantha condoleezza madeleine michelle valentina natalia
    natalya anna olga irina elena yelena tatiana tatyana svetlana yulia julia mary
    jennifer karen lisa laura emily jane ann anne patricia linda barbara margaret
    jessica donna carol ruth sharon kamala amy kirsten claire tammy dianne debbie heidi
    jeanne catherine katherine kate hope megyn federica ursula christine jill chelsea
    melanie sonya pamela martha ariana ana""".split()  # noqa: SIM905
) | frozenset(
    """abigail ada adele adriana agata agnes agnieszka aida aino alba alessandra alexandra
    alice alicia alina alla amanda amelia ana andrea angelika anja anka annette antonia
    astrid aurelia barbora beata beatrice bella bianca birgit brigitte camille carla
    carmen carolina caroline cecilia charlotte chiara christina clara claudia dagmar
    dana daniela daria dara diana dorota dorothea edit edith eleanor elena eliza ella
    ellen elsa emilia emma erika esther eva ewa fatima fiona florence francesca frida
    gabriela galina gemma georgia gisela greta hanna hannah harriet heather helen helena
    helga hilde ida ilona ilse inga inge ingrid irene iris isabel isabella ivana jana
    janet jasmine joanna johanna josephine judit judith julie justyna karin karina
    katarina katarzyna katharina katja kerstin klara kristina larissa laura lea leila
    lena liesel lidia lidiya lina lisa liv lotte louise lucia lucy ludmila lydia magda
    magdalena maja malgorzata margit margarita marianne marie marina marta martina
    matilda maya milena mira miriam monika nadia nadezhda natasha nina noor nora olena
    olivia oksana paula paulina petra polina rachel rebecca renata rita rosa roza sabine
    sandra sara sofia sofie sonia sophie stella susanne svetla tamara tanja teresa tina
    ulla ulrike valeria vera veronika victoria viktoria vivian wanda yana yasmin yvonne
    zofia zoe zuzana""".split()  # noqa: SIM905
)
MALE_NAMES = frozenset(
    """donald barack bernie ted marco mike michael john joe bill george sergey vladimir
    dmitry yuri konstantin leonid alexey rex james paul mitch chris tim jeb ben robert
    david richard thomas charles mark steven steve kevin brian jim tom bob andrew peter
    lindsey josh eric harry jeff rand rick scott mikhail nikolay andrey alexander boris
    viktor igor oleg pavlo petro emmanuel francois recep bashar hassan benjamin xi
    shinzo justin boris reince sean newt rudy chuck jared""".split()  # noqa: SIM905
) | frozenset(
    """aaron adam adrian ahmed aleksandr aleksander alexei ali anatoly anders andrei andre
    andreas anton antonio arkady arne arthur artur axel bernard bjorn bogdan bruno carl
    carlos christian christoph claude conrad daniel darius denis dieter dmitri dominik
    edgar eduard edward elias emil enrique erik ernst fabian felix fernando filip florian
    francesco frank franz frederik fyodor gennady georg gerhard giorgio giovanni gregor
    gustav hans harald heinrich helmut hendrik henrik henry hugo ian ivan jakob jan janusz
    jean jens jiri johan johannes jonas jorge josef juan jurgen kai karl karol kasper
    klaus konrad krzysztof lars leo leon leopold lev lorenzo lucas ludwig lukas luis
    magnus marat marcel marek mario marius markus martin matej mateusz mathias matthias
    max maxim milan miroslav nikita niklas nikolai nils olaf oliver oskar otto pablo pavel
    pedro per petr philip philippe piet pieter piotr rafael rainer ralf rene roberto
    roman rudolf ruslan samuel sebastian semyon sergei simon stanislav stefan sven
    tadeusz theo tobias tomas tomasz ulrich valentin vasily vaclav victor vladislav
    walter werner wilhelm william wojciech yaroslav yevgeny yusuf zbigniew""".split()  # noqa: SIM905
)
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES

#: Demonyms and short forms -> country names (only what is common in political news).
COUNTRIES = {
    "russian": "Russia",
    "russia": "Russia",
    "american": "United States",
    "u.s.": "United States",
    "us": "United States",
    "usa": "United States",
    "united states": "United States",
    "ukrainian": "Ukraine",
    "ukraine": "Ukraine",
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "french": "France",
    "france": "France",
    "german": "Germany",
    "germany": "Germany",
    "chinese": "China",
    "china": "China",
    "iranian": "Iran",
    "iran": "Iran",
    "turkish": "Turkey",
    "turkey": "Turkey",
    "syrian": "Syria",
    "syria": "Syria",
    "israeli": "Israel",
    "israel": "Israel",
    "japanese": "Japan",
    "japan": "Japan",
    "indian": "India",
    "india": "India",
    "canadian": "Canada",
    "canada": "Canada",
    "mexican": "Mexico",
    "mexico": "Mexico",
    "italian": "Italy",
    "italy": "Italy",
    "spanish": "Spain",
    "spain": "Spain",
    "polish": "Poland",
    "poland": "Poland",
    "belarusian": "Belarus",
    "belarus": "Belarus",
    "kazakh": "Kazakhstan",
    "georgian": "Georgia",
    "saudi": "Saudi Arabia",
    "egyptian": "Egypt",
    "egypt": "Egypt",
    "iraqi": "Iraq",
    "iraq": "Iraq",
    "afghan": "Afghanistan",
    "afghanistan": "Afghanistan",
    "pakistani": "Pakistan",
    "pakistan": "Pakistan",
    "north korean": "North Korea",
    "south korean": "South Korea",
    "estonian": "Estonia",
    "latvian": "Latvia",
    "lithuanian": "Lithuania",
    "finnish": "Finland",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "dutch": "Netherlands",
    "belgian": "Belgium",
    "austrian": "Austria",
    "swiss": "Switzerland",
    "greek": "Greece",
    "hungarian": "Hungary",
    "czech": "Czech Republic",
    "serbian": "Serbia",
    "moldovan": "Moldova",
    "armenian": "Armenia",
    "azerbaijani": "Azerbaijan",
    "venezuelan": "Venezuela",
    "cuban": "Cuba",
    "brazilian": "Brazil",
    "australian": "Australia",
}
