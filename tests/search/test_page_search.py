import pytest
from bs4 import BeautifulSoup

from tests.conftest import publish, translate
from tests.home.factories import StandardPageFactory


@pytest.fixture
def pages(bilingual_site):
    page = StandardPageFactory(
        parent=bilingual_site.home,
        title="Cooperación descentralizada",
        slug="cooperacion",
        introduction="Alianzas entre ciudades.",
    )
    publish(page)
    translate(page, bilingual_site.english, title="Decentralised cooperation", slug="cooperation")
    StandardPageFactory(parent=bilingual_site.home, title="Cooperación en borrador", slug="b", live=False)
    return page


def result_titles(response):
    html = BeautifulSoup(response.content, "html.parser")
    results = html.find("ol", class_="search-results")
    return [a.get_text(strip=True) for a in results.find_all("a")] if results else []


@pytest.mark.django_db
class TestPageSearch:
    def test_finds_live_pages_of_the_visitors_language_without_accents(self, client, pages):
        assert result_titles(client.get("/es/buscar/", {"q": "cooperacion"})) == [
            "Cooperación descentralizada"
        ]

    def test_a_page_whose_title_is_the_query_comes_before_pages_that_repeat_its_words(
        self, client, bilingual_site
    ):
        # Pages without the words, as on any real site: bm25's weights of rare words need them.
        for number in range(12):
            publish(StandardPageFactory(parent=bilingual_site.home, title=f"Convocatoria {number}"))
        for number in range(3):
            publish(
                StandardPageFactory(
                    parent=bilingual_site.home,
                    title=f"Descripción general {number}",
                    introduction="La Mesa para la Internacionalización reúne a la mesa de la internacionalización "
                    "y cada mesa para la internacionalización del Distrito, en la mesa y para la mesa.",
                )
            )
        publish(StandardPageFactory(parent=bilingual_site.home, title="Mesa para la Internacionalización de Bogotá"))
        titles = result_titles(client.get("/es/buscar/", {"q": "Mesa para la Internacionalización"}))
        assert titles[0] == "Mesa para la Internacionalización de Bogotá"
        assert len(titles) == 4

    def test_english_search_finds_english_pages_only(self, client, pages):
        titles = result_titles(client.get("/en/search/", {"q": "decentralised cooperation"}))
        assert titles[0] == "Decentralised cooperation"
        assert "Cooperación descentralizada" not in titles

    def test_empty_state_suggests_what_to_do(self, client, pages):
        response = client.get("/es/buscar/", {"q": "inexistente"})
        assert "0 resultados" in response.content.decode()
        assert "Pruebe con otras palabras" in response.content.decode()

    @pytest.mark.parametrize(
        "params",
        [
            {"q": '"cooperación" AND (OR NOT *'},
            {"q": '"'},
            {"q": 'coop"eración'},
            {"q": "x" * 10_000},
            {"q": "cooperación", "page": "abc"},
            {"q": "cooperación", "page": "999"},
            {"q": "\x00<script>alert(1)</script>"},
        ],
    )
    def test_hostile_input_never_fails(self, client, pages, params):
        response = client.get("/es/buscar/", params)
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()
