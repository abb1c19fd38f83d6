import json
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from wagtail.models import Collection

import factory
import wagtail_factories

from home.models import (
    EventPage,
    Footer,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PublicationPage,
    StandardPage,
    TransparencyCategoryPage,
    TransparencyIndexPage,
    TransparencyItemPage,
)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Bogotá Internacional"
    slug = "inicio"
    hero_title = "Bogotá coopera con el mundo"
    hero_text = "Estrategia, alianzas y resultados de la acción internacional del Distrito."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Página institucional {n}")
    introduction = "Una introducción breve."
    body = factory.LazyFunction(
        lambda: json.dumps(
            [
                {"type": "heading", "value": {"text": "Sección", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Texto de la sección.</p>"},
            ]
        )
    )

    class Meta:
        model = StandardPage


class FooterFactory(factory.django.DjangoModelFactory):
    heading = "Oficina Consejería Distrital de Relaciones Internacionales"
    address = "Calle de prueba 1"
    phone = "+57 601 000 0000"
    email = "contacto@bogota-internacional.example"
    office_hours = "Lunes a viernes"

    class Meta:
        model = Footer


# News, events and publications


def bogota(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo("America/Bogota"))


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection (wagtail-factories would make a second root)."""

    title = factory.Sequence(lambda n: f"Imagen {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=800, height=450, color="#a3101c")


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Documento {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.FileField(filename="informe.pdf", data=b"%PDF-1.4\n% documento de prueba\n")


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Noticias, eventos y publicaciones"
    slug = "noticias"
    introduction = "Lo que pasa en la acción internacional del Distrito."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Noticia {n}")
    date = factory.LazyFunction(timezone.localdate)
    introduction = "Un resumen de la noticia."
    body = factory.LazyFunction(
        lambda: json.dumps([{"type": "paragraph", "value": "<p>Texto de la noticia.</p>"}])
    )

    class Meta:
        model = NewsPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Evento {n}")
    start_at = factory.LazyFunction(lambda: bogota(timezone.localdate() + timedelta(days=10), 9))
    end_at = factory.LazyAttribute(lambda event: event.start_at + timedelta(hours=2))
    introduction = "Un resumen del evento."
    place = "Auditorio de la Secretaría General"
    address = "Calle de prueba 1"

    class Meta:
        model = EventPage


class PublicationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Publicación {n}")
    document = factory.SubFactory(DocumentFactory)
    year = 2025
    summary = "Un resumen de la publicación."

    class Meta:
        model = PublicationPage


# The transparency section


class TransparencyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Transparencia y acceso a la información pública"
    slug = "transparencia"
    introduction = "La información que ordena publicar la Ley 1712 de 2014."

    class Meta:
        model = TransparencyIndexPage


class TransparencyCategoryPageFactory(wagtail_factories.PageFactory):
    number = factory.Sequence(lambda n: str(n % 10 + 1))
    title = factory.LazyAttribute(lambda category: f"Categoría {category.number}")
    slug = factory.LazyAttribute(lambda category: f"categoria-{category.number}")

    class Meta:
        model = TransparencyCategoryPage


class TransparencyItemPageFactory(wagtail_factories.PageFactory):
    """An item that applies, with its content; `not_applicable=True` gives one that does not."""

    number = "1.1"
    title = factory.LazyAttribute(lambda item: f"Ítem {item.number}")
    slug = factory.LazyAttribute(lambda item: "item-" + item.number.replace(".", "-"))
    body = factory.LazyFunction(
        lambda: json.dumps([{"type": "paragraph", "value": "<p>La información del ítem.</p>"}])
    )

    class Meta:
        model = TransparencyItemPage

    class Params:
        not_applicable = factory.Trait(
            applies=False,
            body="[]",
            not_applicable_reason="La Consejería no administra tributos.",
            legal_basis="Decreto Distrital 601 de 2014",
        )
