"""Polish search: does a customer's inflected word find the article? Pagefind's stems alone
against the same with kbgen's dictionary forms (Language.search_lemmas, kbgen/site/search.py).

    python benchmarks/polish_search.py

A small Polish help centre of our own (ARTICLES: twelve articles a writer might publish) and
QUERIES: what customers type, each word in another form than the article has it: cases and
numbers whose letters change ("haseł", "karcie", "błędów"), and some that keep them ("faktury").
Both sites are built with `kbgen build` (in this process) and searched in headless Chromium
(/usr/bin/chromium) through the site's search box; prints how often the right article comes
first and is among the first three, for all queries and for those whose letters change.
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from search_quality import search_results  # noqa: E402

from kbgen import languages  # noqa: E402
from kbgen.scaffold import init_project  # noqa: E402
from kbgen.site.build import build_site  # noqa: E402

# path -> (title, text)
ARTICLES = {
    "konto/zmiana-hasla": ("Jak zmienić hasło?", "Hasło zmienisz w ustawieniach konta. Kliknij Zmień hasło, wpisz stare i nowe hasło i zapisz."),
    "rozliczenia/faktury": ("Gdzie znajdę fakturę?", "Faktura za każdy miesiąc jest w zakładce Rozliczenia, skąd pobierzesz ją jako PDF."),
    "zespol/zaproszenie": ("Jak zaprosić osobę do zespołu?", "Wyślij zaproszenie z ustawień zespołu. Zaproszona osoba dostanie wiadomość z linkiem."),
    "rozliczenia/karta-platnicza": ("Jak zmienić kartę płatniczą?", "Nową kartę dodasz w zakładce Płatności. Stara karta zniknie po dodaniu nowej."),
    "konto/usuniecie-konta": ("Jak usunąć konto?", "Konto usuniesz w ustawieniach. Usunięcie konta jest nieodwracalne."),
    "projekty/eksport": ("Jak wyeksportować projekt?", "Projekt zapiszesz jako plik CSV lub PDF: wybierz Eksport w menu projektu."),
    "profil/powiadomienia": ("Jak wyłączyć powiadomienia?", "Powiadomienie e-mail wyłączysz w ustawieniach profilu."),
    "rozliczenia/subskrypcja": ("Jak anulować subskrypcję?", "Subskrypcję anulujesz w zakładce Rozliczenia; dostęp zostaje do końca okresu."),
    "logowanie/blad": ("Błąd przy logowaniu", "Jeśli widzisz błąd przy logowaniu, wyczyść pamięć przeglądarki i spróbuj ponownie."),
    "zespol/uprawnienia": ("Jak nadać uprawnienia administratora?", "Uprawnienia nadasz w ustawieniach zespołu, przy nazwisku członka."),
    "integracje/kalendarz": ("Jak połączyć kalendarz Google?", "Kalendarz połączysz w zakładce Integracje."),
    "profil/adres-email": ("Jak zmienić adres e-mail?", "Adres e-mail zmienisz w profilu. Na nowy adres wyślemy wiadomość z potwierdzeniem."),
}
# (what a customer types, the article, whether a word's letters change from the article's form)
QUERIES = [
    ("nie pamiętam haseł", "konto/zmiana-hasla", True),
    ("problem z hasłem", "konto/zmiana-hasla", False),
    ("błąd w haśle", "konto/zmiana-hasla", True),
    ("zmiana hasła", "konto/zmiana-hasla", False),
    ("brak faktur", "rozliczenia/faktury", False),
    ("pobranie faktury", "rozliczenia/faktury", False),
    ("błąd na fakturze", "rozliczenia/faktury", True),
    ("zaproszeń nie ma", "zespol/zaproszenie", True),
    ("zaproszenia do zespołu", "zespol/zaproszenie", False),
    ("w zespole brakuje osób", "zespol/zaproszenie", True),
    ("zmiana karty", "rozliczenia/karta-platnicza", False),
    ("płatność kartą", "rozliczenia/karta-platnicza", False),
    ("dane na karcie", "rozliczenia/karta-platnicza", True),
    ("płatności kartami", "rozliczenia/karta-platnicza", False),
    ("usunięcie konta", "konto/usuniecie-konta", False),
    ("coś na koncie usunąć", "konto/usuniecie-konta", True),
    ("usuwanie kont", "konto/usuniecie-konta", False),
    ("eksport projektów", "projekty/eksport", False),
    ("projekcie plik", "projekty/eksport", True),
    ("pliki projektu", "projekty/eksport", False),
    ("powiadomień nie chcę", "profil/powiadomienia", True),
    ("wyłączenie powiadomienia", "profil/powiadomienia", False),
    ("za dużo powiadomień e-mail", "profil/powiadomienia", True),
    ("anulowanie subskrypcji", "rozliczenia/subskrypcja", False),
    ("subskrypcją", "rozliczenia/subskrypcja", False),
    ("błędy przy logowaniu", "logowanie/blad", True),
    ("błędu logowania", "logowanie/blad", True),
    ("dużo błędów", "logowanie/blad", True),
    ("uprawnień administratora", "zespol/uprawnienia", True),
    ("administratorzy", "zespol/uprawnienia", True),
    ("członkowie zespołu uprawnieniach", "zespol/uprawnienia", True),
    ("kalendarza google", "integracje/kalendarz", False),
    ("z kalendarzem", "integracje/kalendarz", False),
    ("połączenie kalendarzy", "integracje/kalendarz", False),
    ("adresu e-mail", "profil/adres-email", False),
    ("w adresie e-mail", "profil/adres-email", True),
    ("zmiana adresów", "profil/adres-email", False),
    ("potwierdzenia nie dostaję", "profil/adres-email", False),
]


def build(root: Path, lemmas: bool) -> Path:
    project = root / ("lemmas" if lemmas else "stems")
    init_project(project, site_name="Pomoc", language="pl")
    for path, (title, text) in ARTICLES.items():
        file = project / "content" / f"{path}.md"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f"---\ntitle: {title}\nstatus: published\n---\n\n{text}\n", encoding="utf-8")
    polish = languages.get("pl")
    languages.register(dataclasses.replace(polish, search_lemmas=lemmas))
    try:
        return build_site(project / "mkdocs.yml", site_dir=project / "site", collector_url="")
    finally:
        languages.register(polish)


def shares(found: list[list[str]], queries: list[tuple[str, str, bool]]) -> tuple[float, float]:
    first = sum(bool(paths) and paths[0] == f"/{path}/" for paths, (_, path, _) in zip(found, queries, strict=True))
    top3 = sum(f"/{path}/" in paths for paths, (_, path, _) in zip(found, queries, strict=True))
    return first / len(queries), top3 / len(queries)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        print(f"{len(ARTICLES)} articles, {len(QUERIES)} queries ({sum(q[2] for q in QUERIES)} with a word whose letters change)")
        print("| search | first (all) | first 3 (all) | first (letters change) | first 3 (letters change) |")
        print("|---|---|---|---|---|")
        for lemmas in (False, True):
            site = build(Path(folder), lemmas)
            found = search_results(site, "pagefind", [q for q, _, _ in QUERIES])
            changed = [i for i, q in enumerate(QUERIES) if q[2]]
            every = shares(found, QUERIES)
            letters = shares([found[i] for i in changed], [QUERIES[i] for i in changed])
            name = "Pagefind stems + dictionary forms" if lemmas else "Pagefind stems alone"
            print(f"| {name} | {every[0]:.0%} | {every[1]:.0%} | {letters[0]:.0%} | {letters[1]:.0%} |")
            for (query, path, _), paths in zip(QUERIES, found, strict=True):
                if not paths or paths[0] != f"/{path}/":
                    print(f"  missed: {query!r} -> {paths[:3]} (wanted /{path}/)", file=sys.stderr)


if __name__ == "__main__":
    main()
