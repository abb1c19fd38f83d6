"""The news index: order, filters, wrong parameters, pagination and a constant number of queries."""

from datetime import date, timedelta

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from tests.conftest import publish, translate
from tests.home.factories import (
    EventPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PublicationPageFactory,
    bogota,
)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [h3.get_text(strip=True) for h3 in soup(response).select(".news-list .news-card__title")]


@pytest.fixture
def news_index(bilingual_site):
    index = publish(NewsIndexPageFactory(parent=bilingual_site.home))
    index_en = translate(index, bilingual_site.english, title="News, events and publications", slug="news")
    return index, index_en


@pytest.fixture
def mixed_items(news_index):
    """Two news items, three events (two ahead, one behind) and a publication, around today."""
    index, _ = news_index
    today = timezone.localdate()

    def event(title, days, hour=9):
        return publish(
            EventPageFactory(
                parent=index,
                title=title,
                start_at=bogota(today + timedelta(days=days), hour),
                end_at=bogota(today + timedelta(days=days), hour + 2),
            )
        )

    publish(NewsPageFactory(parent=index, title="Noticia de ayer", date=today - timedelta(days=1)))
    publish(NewsPageFactory(parent=index, title="Noticia de hace diez días", date=today - timedelta(days=10)))
    event("Evento en un mes", 30)
    event("Evento en cinco días", 5)
    event("Evento de hace tres días", -3)
    publish(PublicationPageFactory(parent=index, title="Informe publicado hoy", year=today.year - 1))
    return index


@pytest.mark.django_db
class TestOrder:
    def test_upcoming_events_first_then_newest_first(self, client, mixed_items):
        assert titles(client.get("/es/noticias/")) == [
            "Evento en cinco días",
            "Evento en un mes",
            "Informe publicado hoy",
            "Noticia de ayer",
            "Evento de hace tres días",
            "Noticia de hace diez días",
        ]

    def test_events_upcoming_soonest_first_then_past_latest_first(self, client, mixed_items):
        index = mixed_items
        today = timezone.localdate()
        publish(
            EventPageFactory(
                parent=index,
                title="Evento de hace un año",
                start_at=bogota(today - timedelta(days=365), 9),
                end_at=bogota(today - timedelta(days=365), 10),
            )
        )
        assert titles(client.get("/es/noticias/?type=event")) == [
            "Evento en cinco días",
            "Evento en un mes",
            "Evento de hace tres días",
            "Evento de hace un año",
        ]

    def test_an_event_under_way_is_still_on_top(self, client, news_index):
        index, _ = news_index
        now = timezone.localtime()
        publish(NewsPageFactory(parent=index, title="Noticia de hoy"))
        publish(
            EventPageFactory(
                parent=index,
                title="Evento en curso",
                start_at=now - timedelta(hours=1),
                end_at=now + timedelta(hours=1),
            )
        )
        assert titles(client.get("/es/noticias/")) == ["Evento en curso", "Noticia de hoy"]

    def test_only_live_public_items_of_the_pages_language(self, client, news_index, bilingual_site):
        index, index_en = news_index
        publish(NewsPageFactory(parent=index, title="Publicada"))
        NewsPageFactory(parent=index, title="Borrador", live=False)
        private = publish(NewsPageFactory(parent=index, title="Privada"))
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="secreto"
        )
        publish(NewsPageFactory(parent=index_en, title="Only in English", locale=bilingual_site.english))
        assert titles(client.get("/es/noticias/")) == ["Publicada"]
        assert titles(client.get("/en/news/")) == ["Only in English"]


@pytest.mark.django_db
class TestFilters:
    def test_by_type(self, client, mixed_items):
        assert titles(client.get("/es/noticias/?type=news")) == [
            "Noticia de ayer",
            "Noticia de hace diez días",
        ]
        assert titles(client.get("/es/noticias/?type=publication")) == ["Informe publicado hoy"]

    def test_by_the_year_each_card_shows(self, client, news_index):
        index, _ = news_index
        publish(NewsPageFactory(parent=index, title="Noticia de 2024", date=date(2024, 12, 31)))
        publish(NewsPageFactory(parent=index, title="Noticia de 2025", date=date(2025, 1, 1)))
        publish(
            EventPageFactory(
                parent=index,
                title="Evento de fin de 2024 en Bogotá",
                # 31 December at 20:00 in Bogotá is already 2025 in UTC.
                start_at=bogota(date(2024, 12, 31), 20),
                end_at=bogota(date(2024, 12, 31), 22),
            )
        )
        publish(PublicationPageFactory(parent=index, title="Informe 2024", year=2024))
        assert sorted(titles(client.get("/es/noticias/?year=2024"))) == [
            "Evento de fin de 2024 en Bogotá",
            "Informe 2024",
            "Noticia de 2024",
        ]
        assert titles(client.get("/es/noticias/?year=2024&type=news")) == ["Noticia de 2024"]
        options = soup(client.get("/es/noticias/")).select("#id_year option")
        assert [option["value"] for option in options] == ["", "2025", "2024"]

    def test_the_form_is_labelled_and_keeps_the_choices(self, client, mixed_items):
        html = soup(client.get("/es/noticias/?type=event"))
        form = html.find("form", class_="news-filters")
        assert form["method"] == "get"
        for name in ("type", "year"):
            field = form.find("select", attrs={"name": name})
            assert form.find("label", attrs={"for": field["id"]}).get_text(strip=True)
        assert form.find("option", selected=True)["value"] == "event"
        assert form.find("button", type="submit")

    def test_the_empty_choices_mean_everything(self, client, mixed_items):
        response = client.get("/es/noticias/?type=&year=")
        assert response.status_code == 200
        assert len(titles(response)) == 6

    def test_a_year_without_items_is_an_empty_list_not_an_error(self, client, mixed_items):
        response = client.get("/es/noticias/?year=1995")
        assert response.status_code == 200
        assert titles(response) == []
        assert soup(response).find(class_="empty-state")

    @pytest.mark.parametrize(
        "query",
        ["year=abc", "year=3000", "year=2025.5", "type=evento", "page=0", "page=dos", "year=1&type=x"],
    )
    def test_wrong_parameters_answer_400_and_say_which(self, client, mixed_items, query):
        response = client.get(f"/es/noticias/?{query}")
        assert response.status_code == 400
        summary = soup(response).find(class_="error-summary")
        assert summary is not None and summary["role"] == "alert"
        wrong = {pair.split("=")[0] for pair in query.split("&")}
        if "page" in wrong:
            # The page number is no form control: the summary names it without a link.
            assert summary.select_one("li").get_text().startswith("Página:")
        else:
            targets = {link["href"] for link in summary.select("li a")}
            assert targets == {f"#id_{name}" for name in wrong}
            for target in targets:
                assert soup(response).find(id=target[1:]).name == "select"
        # The list still shows, filtered by whatever was valid.
        assert titles(response)

    def test_the_valid_parameters_still_apply(self, client, mixed_items):
        response = client.get("/es/noticias/?type=news&year=dos-mil")
        assert response.status_code == 400
        assert titles(response) == ["Noticia de ayer", "Noticia de hace diez días"]

    def test_the_page_after_the_last_is_not_found(self, client, mixed_items):
        assert client.get("/es/noticias/?page=2").status_code == 404


@pytest.mark.django_db
class TestPagination:
    def test_twelve_per_page_keeping_the_filters(self, client, news_index):
        index, _ = news_index
        today = timezone.localdate()
        for day in range(14):
            publish(
                NewsPageFactory(parent=index, title=f"Noticia {day:02d}", date=today - timedelta(days=day))
            )
        publish(PublicationPageFactory(parent=index, title="Informe"))

        first = client.get("/es/noticias/?type=news")
        assert titles(first) == [f"Noticia {day:02d}" for day in range(12)]
        pagination = soup(first).find("nav", class_="pagination")
        assert pagination.find("span", attrs={"aria-current": "page"}).get_text(strip=True) == "Página 1 de 2"
        next_link = pagination.find("a", rel="next")["href"]
        assert next_link == "?type=news&page=2"
        second = client.get("/es/noticias/" + next_link)
        assert titles(second) == ["Noticia 12", "Noticia 13"]
        assert "de 2" in soup(second).find("nav", class_="pagination").get_text()


@pytest.mark.django_db
class TestQueries:
    # Whatever the number of items, the listing costs the same: a count, one page of rows, one
    # query per kind of item (with its image and renditions), the years, and the site frame.
    MAX_QUERIES = 30

    @pytest.mark.parametrize("count", [3, 20])
    def test_the_listing_makes_a_constant_number_of_queries(
        self, client, news_index, django_assert_max_num_queries, count
    ):
        index, _ = news_index
        today = timezone.localdate()
        for n in range(count):
            image = {"image": ImageFactory(), "image_alt": "Foto"}
            if n % 3 == 0:
                publish(NewsPageFactory(parent=index, date=today - timedelta(days=n), **image))
            elif n % 3 == 1:
                day = today + timedelta(days=n - 10)
                publish(
                    EventPageFactory(parent=index, start_at=bogota(day, 9), end_at=bogota(day, 11), **image)
                )
            else:
                publish(PublicationPageFactory(parent=index, **image))
        client.get("/es/noticias/")  # the first visit makes the renditions

        with django_assert_max_num_queries(self.MAX_QUERIES) as captured:
            response = client.get("/es/noticias/")
        print(f"{count} items: {len(captured)} queries")
        assert len(titles(response)) == min(count, 12)
        assert len(soup(response).select(".news-list img")) == min(count, 12)
