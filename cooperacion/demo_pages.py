"""Demo pages of the register: the internationalisation strategy, a dozen results and the open-data
page, in Spanish and English. Written from the facts of the office's documents, in our own words, no personal data.
Created only when missing."""

import json
from datetime import date

from django.utils.text import slugify

from wagtail.models import Locale

from home.demo import ensure_translation, publish_page
from home.models import HomePage

from .models import (
    CooperationAction,
    DatasetLicence,
    DatasetPage,
    DistrictEntity,
    ResultPage,
    ResultRecord,
    ResultsIndexPage,
    StrategyPage,
    UpdateFrequency,
)


def _axis(title, text):
    return {"type": "axis", "value": {"title": title, "description": f"<p>{text}</p>"}}


STRATEGY = {
    "es": {
        "title": "Estrategia de internacionalización",
        "version": "2024-1",
        "effective_date": date(2024, 7, 14),
        "introduction": (
            "La hoja de ruta con la que Bogotá se relaciona con el mundo: qué busca la ciudad, con quién "
            "trabaja y cómo rinde cuentas de su acción internacional."
        ),
        "vision": (
            "<p>Una Bogotá que coopera con otras ciudades, gobiernos, redes, academia y empresas para "
            "resolver sus desafíos, que comparte lo que aprende y que es reconocida como referente "
            "global por sus resultados.</p>"
        ),
        "strategic_axes": [
            _axis(
                "Cooperación",
                "Movilizar recursos técnicos y financieros hacia las prioridades del Plan de Desarrollo.",
            ),
            _axis(
                "Relacionamiento",
                "Construir y cuidar alianzas con gobiernos, redes de ciudades y organismos multilaterales.",
            ),
            _axis(
                "Posicionamiento",
                "Proyectar a la ciudad, sus empresas, universidades e industrias creativas en el exterior.",
            ),
        ],
        "relationship_plan": (
            "<p>Prioriza los aliados con los que el Distrito comparte agenda, organiza las visitas y "
            "misiones y hace seguimiento a los compromisos adquiridos con cada uno.</p>"
        ),
        "positioning_plan": (
            "<p>Define en qué escenarios internacionales participa la ciudad, qué candidaturas presenta "
            "y cómo comunica sus logros, siempre con la autorización de los aliados.</p>"
        ),
        "board_introduction": (
            "<p>La Mesa para la Internacionalización de Bogotá es un espacio público-privado de "
            "participación voluntaria que se reúne cuatro veces al año. Trabaja a través de seis mesas "
            "temáticas y tres ejes transversales, cada uno liderado por una entidad del Distrito.</p>"
        ),
        "agenda_2030": "<p>Cada acción del registro indica a qué Objetivos de Desarrollo Sostenible aporta.</p>",
        "new_urban_agenda": "<p>La estrategia prioriza la vivienda, el espacio público y la movilidad sostenible.</p>",
        "paris_agreement": "<p>La acción climática es una de las mesas temáticas y un criterio para elegir aliados.</p>",
        "development_plan": (
            "<p>La estrategia hace parte del programa del Plan Distrital de Desarrollo que abre la "
            "ciudad al mundo; sus metas se siguen en el registro de cooperación.</p>"
        ),
    },
    "en": {
        "title": "Internationalisation strategy",
        "introduction": (
            "The roadmap Bogotá follows in its relations with the world: what the city seeks, who it "
            "works with and how it accounts for its international action."
        ),
        "vision": (
            "<p>A Bogotá that cooperates with other cities, governments, networks, universities and "
            "companies to solve its challenges, shares what it learns and is recognised worldwide for "
            "its results.</p>"
        ),
        "strategic_axes": [
            _axis(
                "Cooperation",
                "Mobilise technical and financial resources towards the Development Plan's priorities.",
            ),
            _axis(
                "Relationships",
                "Build and nurture partnerships with governments, city networks and multilateral bodies.",
            ),
            _axis(
                "Positioning", "Project the city, its companies, universities and creative industries abroad."
            ),
        ],
        "relationship_plan": (
            "<p>Sets the partners the District shares an agenda with, organises visits and missions and "
            "follows up the commitments made with each of them.</p>"
        ),
        "positioning_plan": (
            "<p>Decides which international forums the city takes part in, which bids it presents and how "
            "it communicates its achievements, always with the partners' authorisation.</p>"
        ),
        "board_introduction": (
            "<p>The Bogotá Internationalisation Board is a voluntary public-private forum that meets four "
            "times a year. It works through six thematic tables and three transversal axes, each led by a "
            "District entity.</p>"
        ),
        "agenda_2030": "<p>Every action in the register states which Sustainable Development Goals it serves.</p>",
        "new_urban_agenda": "<p>The strategy gives priority to housing, public space and sustainable mobility.</p>",
        "paris_agreement": "<p>Climate action is one of the thematic tables and a criterion for choosing partners.</p>",
        "development_plan": (
            "<p>The strategy belongs to the District Development Plan programme that opens the city to "
            "the world; its targets are followed in the cooperation register.</p>"
        ),
    },
}

RESULTS_INDEX = {
    "es": {
        "title": "Resultados de las alianzas",
        "introduction": "Lo que la ciudad logró con sus aliados internacionales, publicado con su autorización.",
    },
    "en": {
        "title": "Partnership results",
        "introduction": "What the city achieved with its international partners, published with their authorisation.",
    },
}

# (Spanish title, English title, Spanish summary, English summary, date, figure, figure label es, en, SDGs)
RESULTS = [
    (
        "Buses eléctricos para el sur de la ciudad",
        "Electric buses for the south of the city",
        "La asistencia técnica de una agencia aliada ayudó a preparar la renovación de la flota troncal.",
        "Technical assistance from a partner agency helped prepare the renewal of the trunk fleet.",
        date(2024, 3, 12),
        "120",
        "buses evaluados",
        "buses assessed",
        [11, 13],
    ),
    (
        "Docentes formados en ciencia y tecnología",
        "Teachers trained in science and technology",
        "Una alianza con universidades extranjeras formó a docentes de colegios públicos.",
        "A partnership with foreign universities trained public-school teachers.",
        date(2024, 5, 20),
        "350",
        "docentes formados",
        "teachers trained",
        [4],
    ),
    (
        "Prevención de violencias contra las mujeres",
        "Preventing violence against women",
        "Un intercambio con otras capitales fortaleció la ruta de atención de la ciudad.",
        "An exchange with other capitals strengthened the city's support pathway.",
        date(2024, 8, 2),
        "6",
        "protocolos actualizados",
        "protocols updated",
        [5, 16],
    ),
    (
        "Gestión del riesgo climático en los cerros",
        "Climate risk management in the eastern hills",
        "La ciudad incorporó metodologías de alerta temprana compartidas por una red de ciudades.",
        "The city adopted early-warning methods shared by a city network.",
        date(2024, 10, 15),
        "3",
        "sistemas de alerta",
        "warning systems",
        [11, 13],
    ),
    (
        "Datos abiertos para la participación",
        "Open data for participation",
        "Una alianza con una organización internacional publicó nuevos conjuntos de datos.",
        "A partnership with an international organisation published new datasets.",
        date(2024, 11, 28),
        "40",
        "conjuntos de datos",
        "datasets",
        [16, 17],
    ),
    (
        "Integración de la población migrante",
        "Integrating the migrant population",
        "La cooperación internacional apoyó rutas de empleo para personas migrantes.",
        "International cooperation supported employment pathways for migrants.",
        date(2025, 1, 30),
        "1.200",
        "personas orientadas",
        "people advised",
        [8, 10],
    ),
    (
        "Agua y saneamiento en la ruralidad",
        "Water and sanitation in rural areas",
        "Un proyecto con un banco de desarrollo mejoró acueductos veredales.",
        "A project with a development bank improved rural water systems.",
        date(2025, 3, 18),
        "9",
        "acueductos mejorados",
        "water systems improved",
        [6],
    ),
    (
        "Industrias creativas en ferias internacionales",
        "Creative industries at international fairs",
        "Empresas bogotanas llegaron a mercados internacionales con apoyo de aliados.",
        "Bogotá companies reached international markets with partners' support.",
        date(2025, 4, 22),
        "25",
        "empresas participantes",
        "participating companies",
        [8, 9],
    ),
    (
        "Seguridad alimentaria en las localidades",
        "Food security in the localities",
        "Una alianza con una agencia de Naciones Unidas acompañó huertas urbanas.",
        "A partnership with a United Nations agency supported urban gardens.",
        date(2025, 6, 10),
        "80",
        "huertas urbanas",
        "urban gardens",
        [2, 11],
    ),
    (
        "Movilidad activa y espacio público",
        "Active mobility and public space",
        "Un intercambio técnico con ciudades europeas orientó nuevas ciclorrutas.",
        "A technical exchange with European cities informed new cycle lanes.",
        date(2025, 7, 8),
        "14",
        "kilómetros diseñados",
        "kilometres designed",
        [3, 11],
    ),
    (
        "Gobierno abierto en la gestión distrital",
        "Open government in district management",
        "La ciudad compartió su experiencia de gobierno abierto en una red iberoamericana.",
        "The city shared its open-government experience in an Ibero-American network.",
        date(2025, 9, 3),
        "12",
        "entidades participantes",
        "participating entities",
        [16],
    ),
    (
        "Becas para estudiar en el exterior",
        "Scholarships to study abroad",
        "Convenios con gobiernos aliados abrieron becas para jóvenes de la ciudad.",
        "Agreements with partner governments opened scholarships for young people.",
        date(2025, 10, 20),
        "60",
        "becas otorgadas",
        "scholarships awarded",
        [4, 10],
    ),
]


# The contact is an office mailbox on a reserved domain (RFC 2606), never a person.
DATASET = {
    "es": {
        "title": "Datos abiertos del registro de cooperación",
        "introduction": (
            "Cada acción internacional del Distrito que un aliado autorizó publicar, como datos "
            "reutilizables: quién coopera con Bogotá, en qué, desde cuándo, con qué recursos y con "
            "qué resultados. Se actualiza cada vez que se publica o se corrige un registro."
        ),
        "keywords": "cooperación internacional, relaciones internacionales, aliados, ODS, Bogotá",
        "contact_name": "Equipo de Cooperación Internacional — Consejería de Relaciones Internacionales",
    },
    "en": {
        "title": "Cooperation register open data",
        "introduction": (
            "Every international action of the District that a partner authorised for publication, as "
            "reusable data: who cooperates with Bogotá, on what, since when, with which resources and "
            "with which results. It changes whenever a record is published or corrected."
        ),
        "keywords": "international cooperation, international relations, partners, SDGs, Bogotá",
        "contact_name": "International Cooperation Team — Office of International Relations",
    },
}
DATASET_TERMS = {
    "licence": DatasetLicence.CC_BY_4,
    "update_frequency": UpdateFrequency.CONTINUOUS,
    "contact_email": "datos.abiertos@relaciones-internacionales.example",
}


def _stream(value):
    return json.dumps(value)


def ensure_strategy(home, english, command):
    page = StrategyPage.objects.child_of(home).first()
    if page is None:
        fields = dict(STRATEGY["es"])
        axes = fields.pop("strategic_axes")
        page = StrategyPage(
            slug="estrategia-de-internacionalizacion",
            show_in_menus=True,
            strategic_axes=_stream(axes),
            **fields,
        )
        home.add_child(instance=page)
        publish_page(page)
        command.created(f"es: {page.title}")
    english_fields = dict(STRATEGY["en"])
    english_fields["strategic_axes"] = _stream(english_fields["strategic_axes"])
    for name in ("version", "effective_date"):
        english_fields[name] = getattr(page, name)
    ensure_translation(page, english, "internationalisation-strategy", english_fields, command)


def ensure_results(home, english, command):
    index = ResultsIndexPage.objects.child_of(home).first()
    if index is None:
        index = ResultsIndexPage(slug="resultados", show_in_menus=True, **RESULTS_INDEX["es"])
        home.add_child(instance=index)
        publish_page(index)
        command.created(f"es: {index.title}")
        ensure_translation(index, english, "results", RESULTS_INDEX["en"], command)
        used = set()
        for title, title_en, summary, summary_en, when, figure, label, label_en, sdgs in RESULTS:
            # Two public records that share the result's SDGs; the theme is theirs.
            records = list(
                CooperationAction.objects.public()
                .filter(sdgs__in=sdgs)
                .exclude(pk__in=used)
                .select_related("thematic_table")
                .distinct()
                .order_by("pk")[:2]
            )
            used.update(record.pk for record in records)
            themes = [record.thematic_table for record in records if record.thematic_table]
            page = ResultPage(
                slug=slugify(title),
                title=title,
                date=when,
                summary=summary,
                achievements=f"<p>{summary}</p>",
                figures=_stream(
                    [{"type": "figure", "value": {"figure": figure, "label": label, "source": ""}}]
                ),
                thematic_table=themes[0] if themes else None,
            )
            index.add_child(instance=page)
            for record in records:
                ResultRecord.objects.create(page=page, action=record)
            page.sdgs.set(sdgs)
            page.entities.set(DistrictEntity.objects.filter(action_links__action__in=records).distinct())
            page.save()
            publish_page(page)
            translation = ensure_translation(
                page,
                english,
                slugify(title_en),
                {
                    "title": title_en,
                    "date": when,
                    "summary": summary_en,
                    "achievements": f"<p>{summary_en}</p>",
                    "figures": _stream(
                        [{"type": "figure", "value": {"figure": figure, "label": label_en, "source": ""}}]
                    ),
                    "thematic_table": page.thematic_table,
                },
                command,
            )
            translation.sdgs.set(sdgs)
            translation.entities.set(page.entities.all())
            for record in records:
                ResultRecord.objects.create(page=translation, action=record)
            publish_page(translation)
        command.created(f"{len(RESULTS)} resultados en cada idioma")
    ensure_translation(index, english, "results", RESULTS_INDEX["en"], command)


def ensure_dataset(home, english, command):
    page = DatasetPage.objects.child_of(home).first()
    if page is None:
        page = DatasetPage(slug="datos-abiertos", show_in_menus=True, **DATASET["es"], **DATASET_TERMS)
        home.add_child(instance=page)
        publish_page(page)
        command.created(f"es: {page.title}")
    ensure_translation(page, english, "open-data", {**DATASET["en"], **DATASET_TERMS}, command)


def load(command):
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale__language_code="es").first()
    if home is None:
        return
    ensure_strategy(home, english, command)
    ensure_results(home, english, command)
    ensure_dataset(home, english, command)
