import json

import factory
import wagtail_factories

from home.models import Footer, HomePage, StandardPage


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
