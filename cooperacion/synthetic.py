"""Synthetic cooperation records for demos, load tests and the import benchmark.

`generate_actions(count, seed)` writes `count` believable records to the register;
`write_legacy_spreadsheet(path, count, seed)` writes the same records as rows of the legacy import
layout (`.xlsx` or `.csv`) without touching the database.

Determinism. Record number *n* of seed *s* is drawn from its own `random.Random("s:n")`, so it is
the same whatever `count` is and whichever other records already exist. It also depends on the
reference rows it picks from (partners, entities, tables, axes, targets: sorted by name or code
before drawing) and on `today` (dates run from 2016-01-01 to today). Same seed, same reference
data, same day: same records.

Re-running. Each record's `external_id` is `SYN-<seed>-<n>`. Numbers whose id already exists are
skipped (not updated, not duplicated): running again with the same seed and count creates
nothing; with a larger count it creates only the missing numbers; another seed creates another
set. Records are written in batches, each in its own transaction together with its links and its
search-index entries, so an interrupted run leaves whole records only and a re-run completes it.
To remove them: `CooperationAction.objects.filter(external_id__startswith="SYN-").delete()`.

What is written, and what is not. The records are built in memory and `bulk_create`d, with their
partner, entity and indicator rows and the through rows of `sdgs`, `localities` and
`transversal_axes`. `bulk_create` calls no `save()`, so `year` and the COP/USD equivalents are
computed here, and `live`, `has_unpublished_changes` and the publication dates are set directly.
No revisions, workflow states, log entries or signals: a generated record has no history until an
editor saves it in the admin (the admin edits the record itself when it has no revision).

Search index. Without `index=False`, each batch is added to every auto-updating Wagtail search
backend with one bulk call per batch (the signal handlers do not see `bulk_create`). With
`index=False` (the command's `--no-index`, for benchmarks) the admin search does not find the
new records until `python manage.py update_index` rebuilds the index.
"""

import csv
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.db import reset_queries, router, transaction
from django.utils import timezone, translation

from wagtail.search.backends import get_search_backends

from .models import (
    ActionEntity,
    ActionPartner,
    ActionType,
    AuthorisationScope,
    BogotaLocality,
    CooperationAction,
    DevelopmentPlanTarget,
    Dimension,
    DistrictEntity,
    InstrumentKind,
    LineOfAction,
    Locality,
    Partner,
    PartnerRole,
    PartnerType,
    ResultIndicator,
    Status,
    SustainableDevelopmentGoal,
    ThematicTable,
    TransversalAxis,
    normalize_name,
)
from .models.codelists import SUSTAINABLE_DEVELOPMENT_GOALS
from .reference_data import (
    DEMO_PARTNERS,
    DEVELOPMENT_PLAN_TARGETS,
    ENTITIES,
    THEMATIC_TABLES,
    TRANSVERSAL_AXES,
)

ID_PREFIX = "SYN"
FIRST_DATE = date(2016, 1, 1)
DEFAULT_BATCH_SIZE = 1000
CENTS = Decimal("0.01")

LEGACY_HEADER = [
    "ID",
    "Título",
    "Título en inglés",
    "Resumen",
    "Resumen en inglés",
    "Descripción",
    "Tipo de acción",
    "Tipo de instrumento",
    "Línea de acción",
    "Dimensión",
    "Estado",
    "Fecha de identificación",
    "Fecha de firma",
    "Fecha de inicio",
    "Fecha de finalización",
    "Aliados",
    "Entidades",
    "Mesa temática",
    "Ejes transversales",
    "ODS",
    "Meta PDD",
    "Valor",
    "Moneda",
    "Tasa a pesos",
    "TRM",
    "Fecha de las tasas",
    "Valor en pesos",
    "Valor en dólares",
    "En especie",
    "Cobertura",
    "Países",
    "Resultados",
    "Resultados en inglés",
    "Autoriza publicar",
    "Fecha de autorización",
    "Alcance de la autorización",
    "Observaciones internas",
]


def external_id(seed: int, number: int) -> str:
    return f"{ID_PREFIX}-{seed}-{number}"


# ---------------------------------------------------------------------------------------------
# Vocabularies. Content, not interface: both languages are stored on the record, not translated.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    table: str | None  # Spanish name of the thematic table; None: any table
    entities: tuple[str, ...]  # acronyms, the first leads
    sdgs: tuple[int, ...]
    axis: str | None  # Spanish name of the transversal axis it usually touches
    topic: tuple[str, str]  # (Spanish with article, English): "para la gestión del riesgo…"
    subject: str  # Spanish without article: "sobre movilidad sostenible"
    aim: tuple[str, str]  # infinitive: "para reducir…" / "to reduce…"
    focuses: tuple[tuple[str, str], ...]
    indicators: tuple[tuple[str, str, str, float, float], ...]  # name, name_en, unit, low, high


ENVIRONMENT = "Ambiente y acción climática"
MOBILITY = "Movilidad y desarrollo urbano sostenible"
ECONOMY = "Desarrollo económico, inversión y turismo"
EDUCATION = "Educación, ciencia e innovación"
CULTURE = "Cultura, deporte e industrias creativas"
SECURITY = "Seguridad, convivencia y paz"
OPEN_GOVERNMENT = "Gobierno abierto y transformación digital"
GENDER = "Equidad de género e inclusión"
REGION = "Integración regional"

THEMES = (
    Theme(
        ENVIRONMENT,
        ("IDIGER", "SDA", "SDHT"),
        (13, 11, 1),
        None,
        ("la gestión del riesgo climático", "climate risk management"),
        "gestión del riesgo climático",
        (
            "reducir la vulnerabilidad de los barrios de ladera frente a lluvias, inundaciones y deslizamientos",
            "reduce the vulnerability of hillside neighbourhoods to heavy rain, floods and landslides",
        ),
        (
            ("los sistemas de alerta temprana", "early-warning systems"),
            ("la restauración de quebradas", "the restoration of mountain streams"),
            ("los planes comunitarios de gestión del riesgo", "community risk-management plans"),
        ),
        (
            ("Familias con plan de emergencia", "Families with an emergency plan", "familias", 50, 3000),
            ("Sistemas de alerta temprana instalados", "Early-warning systems installed", "sistemas", 1, 25),
            ("Hectáreas intervenidas", "Hectares treated", "ha", 5, 400),
        ),
    ),
    Theme(
        MOBILITY,
        ("SDM", "TMSA", "IDU"),
        (11, 3, 9),
        None,
        ("la movilidad sostenible", "sustainable mobility"),
        "movilidad sostenible",
        (
            "reducir los tiempos de viaje y las emisiones del transporte",
            "cut travel times and transport emissions",
        ),
        (
            ("la movilidad del cuidado", "care-oriented mobility"),
            ("la gestión de la demanda de transporte", "transport demand management"),
            ("la seguridad vial", "road safety"),
        ),
        (
            ("Kilómetros de corredores intervenidos", "Kilometres of corridors improved", "km", 1, 60),
            ("Reducción de siniestros viales", "Reduction in road crashes", "%", 1, 30),
        ),
    ),
    Theme(
        MOBILITY,
        ("TMSA", "SDM", "SDA"),
        (7, 11, 13),
        None,
        ("la electrificación de la flota de TransMilenio", "the electrification of the TransMilenio fleet"),
        "buses eléctricos",
        (
            "acelerar la transición a una flota de transporte público de cero emisiones",
            "speed up the transition to a zero-emission public transport fleet",
        ),
        (
            ("la financiación de buses eléctricos", "financing electric buses"),
            ("la infraestructura de carga en los patios", "charging infrastructure at the depots"),
            ("la formación de operadores y conductores", "training for operators and drivers"),
        ),
        (
            ("Buses eléctricos incorporados", "Electric buses added", "buses", 10, 1500),
            ("Toneladas de CO₂ evitadas al año", "Tonnes of CO₂ avoided per year", "t CO₂e", 500, 120000),
        ),
    ),
    Theme(
        MOBILITY,
        ("SDM", "IDU", "IDRD"),
        (11, 3, 13),
        GENDER,
        ("la infraestructura para la bicicleta", "cycling infrastructure"),
        "movilidad en bicicleta",
        (
            "aumentar los viajes en bicicleta con infraestructura segura",
            "increase cycling trips with safe infrastructure",
        ),
        (
            ("el diseño de ciclorrutas seguras", "the design of safe cycle lanes"),
            ("los biciparqueaderos en las estaciones", "bicycle parking at stations"),
            ("la promoción de la bicicleta entre las mujeres", "promoting cycling among women"),
        ),
        (
            ("Kilómetros de ciclorruta diseñados", "Kilometres of cycle lane designed", "km", 2, 120),
            ("Cupos de biciparqueadero", "Bicycle parking spaces", "cupos", 50, 5000),
        ),
    ),
    Theme(
        MOBILITY,
        ("EMB", "IDU", "SDP"),
        (9, 11),
        REGION,
        ("la primera línea del metro de Bogotá", "the first line of the Bogotá metro"),
        "desarrollo orientado al transporte",
        (
            "aprovechar la primera línea del metro para renovar los barrios de su trazado",
            "use the first metro line to renew the neighbourhoods along its route",
        ),
        (
            ("el desarrollo orientado al transporte", "transit-oriented development"),
            ("la captura de valor del suelo", "land value capture"),
            ("la gestión social de las obras", "the social management of the works"),
        ),
        (
            ("Estudios técnicos entregados", "Technical studies delivered", "estudios", 1, 12),
            (
                "Personas informadas en el trazado",
                "People informed along the route",
                "personas",
                200,
                20000,
            ),
        ),
    ),
    Theme(
        ENVIRONMENT,
        ("EAAB", "SDA"),
        (6, 11, 15),
        REGION,
        ("la recuperación del río Bogotá", "the clean-up of the Bogotá River"),
        "saneamiento del río Bogotá",
        (
            "mejorar la calidad del agua del río Bogotá y de sus afluentes",
            "improve the water quality of the Bogotá River and its tributaries",
        ),
        (
            ("el tratamiento de aguas residuales", "wastewater treatment"),
            ("la protección de los humedales", "wetland protection"),
            ("la gestión de la demanda de agua", "water demand management"),
        ),
        (
            ("Metros de cauce recuperados", "Metres of riverbank restored", "m", 100, 15000),
            ("Caudal tratado", "Flow treated", "l/s", 50, 8000),
        ),
    ),
    Theme(
        ENVIRONMENT,
        ("JBB", "SDA"),
        (15, 13, 11),
        None,
        ("el arbolado urbano", "urban trees"),
        "arborización urbana",
        (
            "ampliar y cuidar el arbolado urbano y los corredores ecológicos",
            "expand and care for the city's trees and ecological corridors",
        ),
        (
            ("la siembra de especies nativas", "planting native species"),
            ("los corredores de conectividad ecológica", "ecological connectivity corridors"),
            ("la agricultura urbana", "urban farming"),
        ),
        (
            ("Árboles plantados", "Trees planted", "árboles", 100, 50000),
            ("Huertas urbanas apoyadas", "Urban gardens supported", "huertas", 5, 400),
        ),
    ),
    Theme(
        ENVIRONMENT,
        ("SDA", "SDS", "SDM"),
        (3, 11, 13),
        None,
        ("la calidad del aire", "air quality"),
        "calidad del aire",
        (
            "reducir la exposición de la población al material particulado",
            "reduce people's exposure to particulate matter",
        ),
        (
            ("la red de monitoreo de calidad del aire", "the air-quality monitoring network"),
            ("las zonas urbanas por un mejor aire", "better-air urban zones"),
            ("el control de las emisiones industriales", "industrial emissions control"),
        ),
        (
            ("Estaciones de monitoreo fortalecidas", "Monitoring stations upgraded", "estaciones", 1, 20),
            ("Reducción de PM2,5", "Reduction in PM2.5", "%", 1, 25),
        ),
    ),
    Theme(
        ENVIRONMENT,
        ("SDA", "SDHT", "SDDE"),
        (12, 11, 8),
        None,
        ("la economía circular", "the circular economy"),
        "economía circular y gestión de residuos",
        (
            "aumentar el aprovechamiento de residuos y dignificar el trabajo de los recicladores",
            "recover more waste and improve working conditions for waste pickers",
        ),
        (
            ("las organizaciones de recicladores de oficio", "waste-picker organisations"),
            ("el aprovechamiento de residuos orgánicos", "organic waste recovery"),
            ("la separación en la fuente", "separation at source"),
        ),
        (
            ("Toneladas de residuos aprovechadas", "Tonnes of waste recovered", "t", 50, 20000),
            ("Recicladores de oficio vinculados", "Waste pickers involved", "personas", 20, 3000),
        ),
    ),
    Theme(
        ECONOMY,
        ("SDIS", "SDDE"),
        (2, 1, 12),
        None,
        ("la seguridad alimentaria", "food security"),
        "seguridad alimentaria",
        (
            "garantizar el acceso a alimentos nutritivos a los hogares más vulnerables",
            "ensure that the most vulnerable households have access to nutritious food",
        ),
        (
            ("los comedores comunitarios", "community kitchens"),
            ("las compras públicas locales de alimentos", "local public food procurement"),
            ("la reducción de pérdidas y desperdicios", "reducing food loss and waste"),
        ),
        (
            ("Personas atendidas", "People served", "personas", 200, 50000),
            ("Toneladas de alimentos recuperados", "Tonnes of food recovered", "t", 5, 2000),
        ),
    ),
    Theme(
        ECONOMY,
        ("SDMujer", "SDIS"),
        (5, 10, 8),
        GENDER,
        ("el Sistema Distrital de Cuidado", "the District Care System"),
        "sistemas de cuidado",
        (
            "reconocer, redistribuir y reducir el trabajo de cuidado no remunerado de las mujeres",
            "recognise, redistribute and reduce women's unpaid care work",
        ),
        (
            ("las manzanas del cuidado", "care blocks"),
            ("la formación de cuidadoras", "training for carers"),
            ("la medición del trabajo de cuidado", "measuring care work"),
        ),
        (
            ("Cuidadoras atendidas", "Carers served", "personas", 100, 30000),
            ("Manzanas del cuidado apoyadas", "Care blocks supported", "manzanas", 1, 25),
        ),
    ),
    Theme(
        SECURITY,
        ("SDMujer", "SDSCJ"),
        (5, 16),
        GENDER,
        ("la prevención de las violencias contra las mujeres", "preventing violence against women"),
        "prevención de violencias contra las mujeres",
        (
            "prevenir y atender las violencias contra las mujeres en el espacio público y en el hogar",
            "prevent and respond to violence against women in public spaces and at home",
        ),
        (
            ("la ruta de atención a víctimas", "the victim-support pathway"),
            ("los espacios públicos seguros para las mujeres", "safe public spaces for women"),
            ("la formación de funcionarios de justicia", "training for justice officials"),
        ),
        (
            ("Mujeres atendidas", "Women assisted", "personas", 50, 20000),
            ("Funcionarios formados", "Officials trained", "personas", 20, 1500),
        ),
    ),
    Theme(
        EDUCATION,
        ("SED",),
        (4, 10),
        None,
        ("la educación bilingüe en los colegios públicos", "bilingual education in public schools"),
        "bilingüismo en colegios públicos",
        (
            "mejorar el aprendizaje de lenguas extranjeras en los colegios distritales",
            "improve foreign-language learning in district schools",
        ),
        (
            ("la formación de docentes de inglés", "training English teachers"),
            ("los intercambios de estudiantes", "student exchanges"),
            ("los asistentes de idiomas extranjeros", "foreign-language assistants"),
        ),
        (
            ("Docentes formados", "Teachers trained", "personas", 20, 2000),
            ("Estudiantes beneficiados", "Students reached", "personas", 200, 80000),
            ("Colegios participantes", "Schools taking part", "colegios", 2, 150),
        ),
    ),
    Theme(
        EDUCATION,
        ("ATENEA", "SDDE"),
        (4, 9),
        OPEN_GOVERNMENT,
        ("la ciencia, la tecnología y la innovación", "science, technology and innovation"),
        "ciencia, tecnología e innovación",
        (
            "ampliar el acceso de los jóvenes a la educación superior y a las carreras STEM",
            "widen young people's access to higher education and STEM careers",
        ),
        (
            ("las becas de educación superior", "higher-education scholarships"),
            ("los laboratorios de innovación pública", "public innovation labs"),
            ("la formación en habilidades digitales", "digital-skills training"),
        ),
        (
            ("Becas otorgadas", "Scholarships awarded", "becas", 5, 3000),
            (
                "Jóvenes formados en habilidades digitales",
                "Young people trained in digital skills",
                "personas",
                50,
                20000,
            ),
        ),
    ),
    Theme(
        SECURITY,
        ("SDS", "SDIS"),
        (3, 10),
        None,
        ("la salud mental comunitaria", "community mental health"),
        "salud mental",
        (
            "acercar la atención en salud mental a los barrios",
            "bring mental-health care closer to neighbourhoods",
        ),
        (
            ("la línea de atención psicológica", "the psychological helpline"),
            ("la prevención del consumo de sustancias", "preventing substance use"),
            ("los equipos de salud en el territorio", "community health teams"),
        ),
        (
            ("Personas atendidas", "People served", "personas", 100, 40000),
            ("Profesionales de salud formados", "Health workers trained", "personas", 10, 1500),
        ),
    ),
    Theme(
        ECONOMY,
        ("SDIS", "SDDE", "SDG"),
        (10, 8, 16),
        GENDER,
        ("la integración de la población migrante", "migrant integration"),
        "integración de la población migrante",
        (
            "facilitar la integración socioeconómica de la población migrante y refugiada",
            "support the socio-economic integration of migrants and refugees",
        ),
        (
            ("la regularización y el acceso a servicios", "regularisation and access to services"),
            ("la empleabilidad y el emprendimiento", "employability and entrepreneurship"),
            ("la prevención de la xenofobia", "preventing xenophobia"),
        ),
        (
            ("Personas migrantes atendidas", "Migrants assisted", "personas", 100, 40000),
            ("Personas vinculadas a un empleo", "People placed in jobs", "personas", 10, 5000),
        ),
    ),
    Theme(
        ECONOMY,
        ("IDT", "SDDE"),
        (8, 11, 12),
        REGION,
        ("la promoción turística de Bogotá", "promoting Bogotá as a destination"),
        "turismo sostenible",
        (
            "posicionar a Bogotá como destino de turismo sostenible y de eventos",
            "position Bogotá as a destination for sustainable tourism and events",
        ),
        (
            ("el turismo de reuniones y congresos", "meetings and conference tourism"),
            ("el turismo comunitario en la ruralidad", "community tourism in rural areas"),
            ("la conectividad aérea", "air connectivity"),
        ),
        (
            ("Eventos internacionales captados", "International events secured", "eventos", 1, 40),
            ("Prestadores turísticos formados", "Tourism providers trained", "personas", 20, 2000),
        ),
    ),
    Theme(
        ECONOMY,
        ("SDDE",),
        (8, 9, 17),
        None,
        ("la atracción de inversión extranjera", "attracting foreign investment"),
        "inversión extranjera",
        (
            "atraer inversión que genere empleo de calidad en la ciudad",
            "attract investment that creates quality jobs in the city",
        ),
        (
            ("las misiones comerciales", "trade missions"),
            ("el clima de negocios", "the business climate"),
            ("los sectores de tecnología y servicios", "the technology and services sectors"),
        ),
        (
            ("Empresas acompañadas", "Companies supported", "empresas", 3, 300),
            ("Empleos proyectados", "Projected jobs", "empleos", 50, 8000),
        ),
    ),
    Theme(
        ECONOMY,
        ("IPES", "SDDE"),
        (8, 1, 10),
        None,
        ("la economía popular", "the popular economy"),
        "economía popular",
        (
            "mejorar los ingresos y las condiciones de trabajo de vendedores informales y pequeños negocios",
            "improve the incomes and working conditions of street vendors and small businesses",
        ),
        (
            ("las plazas de mercado distritales", "the district market halls"),
            ("el acceso al crédito", "access to credit"),
            ("la formalización de unidades productivas", "formalising small businesses"),
        ),
        (
            ("Unidades productivas fortalecidas", "Small businesses strengthened", "unidades", 20, 5000),
            ("Plazas de mercado intervenidas", "Market halls upgraded", "plazas", 1, 19),
        ),
    ),
    Theme(
        CULTURE,
        ("SCRD", "IDARTES"),
        (8, 11, 4),
        None,
        ("las industrias culturales y creativas", "the cultural and creative industries"),
        "industrias culturales y creativas",
        (
            "fortalecer el ecosistema cultural y creativo de la ciudad",
            "strengthen the city's cultural and creative ecosystem",
        ),
        (
            ("los distritos creativos", "creative districts"),
            ("la circulación internacional de artistas", "international touring by artists"),
            ("la formación artística en los barrios", "arts education in the neighbourhoods"),
        ),
        (
            ("Artistas en circulación internacional", "Artists touring abroad", "personas", 5, 400),
            ("Asistentes a las actividades", "Attendees", "personas", 200, 200000),
        ),
    ),
    Theme(
        CULTURE,
        ("IDRD", "SCRD"),
        (3, 16, 4),
        None,
        ("el deporte para la convivencia", "sport for coexistence"),
        "deporte y convivencia",
        (
            "usar el deporte y la recreación para la convivencia y la salud",
            "use sport and recreation to foster coexistence and health",
        ),
        (
            ("la Ciclovía", "the Ciclovía"),
            ("las escuelas deportivas", "sports schools"),
            ("los eventos deportivos internacionales", "international sporting events"),
        ),
        (
            (
                "Niñas, niños y jóvenes participantes",
                "Children and young people taking part",
                "personas",
                100,
                30000,
            ),
            ("Parques intervenidos", "Parks improved", "parques", 1, 60),
        ),
    ),
    Theme(
        SECURITY,
        ("SDSCJ", "SDG"),
        (16, 11),
        None,
        ("la seguridad ciudadana y la convivencia", "public safety and coexistence"),
        "seguridad ciudadana",
        (
            "reducir los delitos de alto impacto con prevención y uso de datos",
            "reduce high-impact crime through prevention and data",
        ),
        (
            ("la analítica de datos para la seguridad", "data analytics for public safety"),
            ("la justicia restaurativa", "restorative justice"),
            ("los entornos escolares seguros", "safer school surroundings"),
        ),
        (("Entornos intervenidos", "Areas improved", "entornos", 1, 80),),
    ),
    Theme(
        SECURITY,
        ("SG", "SDSCJ", "IDPAC"),
        (16, 10),
        None,
        ("la construcción de paz y la reconciliación", "peacebuilding and reconciliation"),
        "paz y reconciliación",
        (
            "acompañar a las víctimas del conflicto y a las personas firmantes de paz que viven en Bogotá",
            "support conflict victims and signatories of the peace agreement living in Bogotá",
        ),
        (
            ("la memoria histórica", "historical memory"),
            ("los proyectos productivos de reincorporación", "reintegration livelihood projects"),
            ("los territorios de paz", "peace territories"),
        ),
        (
            ("Víctimas acompañadas", "Victims supported", "personas", 50, 10000),
            ("Proyectos productivos apoyados", "Livelihood projects supported", "proyectos", 1, 120),
        ),
    ),
    Theme(
        None,
        ("SG", "SDP"),
        (16, 17),
        OPEN_GOVERNMENT,
        ("el gobierno abierto", "open government"),
        "gobierno abierto y datos abiertos",
        (
            "hacer más transparente la gestión pública y abrir sus datos a la ciudadanía",
            "make public management more transparent and open its data to citizens",
        ),
        (
            ("el portal de datos abiertos", "the open-data portal"),
            ("la rendición de cuentas", "public accountability"),
            ("la participación digital", "digital participation"),
        ),
        (("Conjuntos de datos publicados", "Datasets published", "conjuntos", 5, 500),),
    ),
    Theme(
        None,
        ("SG", "SDH"),
        (9, 16),
        OPEN_GOVERNMENT,
        ("la transformación digital de los trámites", "the digital transformation of public services"),
        "transformación digital",
        (
            "simplificar y digitalizar los trámites de la ciudadanía",
            "simplify and digitise public services for residents",
        ),
        (
            ("la interoperabilidad de los sistemas", "systems interoperability"),
            ("la ciberseguridad", "cybersecurity"),
            (
                "la inteligencia artificial en la gestión pública",
                "artificial intelligence in public management",
            ),
        ),
        (("Trámites digitalizados", "Services digitised", "trámites", 3, 300),),
    ),
    Theme(
        None,
        ("DASCD", "SG"),
        (16, 4),
        None,
        ("el talento humano del sector público", "public-sector talent"),
        "gestión del talento humano",
        (
            "fortalecer las capacidades de los servidores distritales en relacionamiento internacional",
            "strengthen district staff's international-relations capacities",
        ),
        (
            ("la formación en idiomas", "language training"),
            ("las pasantías internacionales", "international secondments"),
            ("la gestión del conocimiento", "knowledge management"),
        ),
        (("Pasantías realizadas", "Secondments completed", "pasantías", 1, 60),),
    ),
    Theme(
        SECURITY,
        ("IDPAC", "SDG"),
        (16, 10),
        GENDER,
        ("la participación ciudadana", "citizen participation"),
        "participación ciudadana",
        (
            "fortalecer las juntas de acción comunal y las organizaciones sociales",
            "strengthen community action boards and social organisations",
        ),
        (
            ("los presupuestos participativos", "participatory budgeting"),
            ("la formación de líderes comunitarios", "training community leaders"),
            ("las organizaciones juveniles", "youth organisations"),
        ),
        (
            ("Organizaciones fortalecidas", "Organisations strengthened", "organizaciones", 5, 800),
            ("Líderes formados", "Leaders trained", "personas", 20, 3000),
        ),
    ),
    Theme(
        MOBILITY,
        ("SDHT", "SDP"),
        (11, 1, 6),
        None,
        ("el mejoramiento integral de barrios", "neighbourhood upgrading"),
        "vivienda y mejoramiento de barrios",
        (
            "mejorar las viviendas y el entorno de los barrios de origen informal",
            "improve homes and their surroundings in informal neighbourhoods",
        ),
        (
            ("el mejoramiento de vivienda", "home improvements"),
            ("la legalización de barrios", "neighbourhood regularisation"),
            ("el espacio público de proximidad", "local public space"),
        ),
        (
            ("Viviendas mejoradas", "Homes improved", "viviendas", 20, 8000),
            ("Espacio público recuperado", "Public space recovered", "m²", 500, 120000),
        ),
    ),
    Theme(
        MOBILITY,
        ("SDP", "SDHT"),
        (11, 15),
        REGION,
        ("el ordenamiento territorial", "land-use planning"),
        "ordenamiento territorial y región",
        (
            "articular el ordenamiento de Bogotá con la región metropolitana",
            "align Bogotá's land-use planning with the metropolitan region",
        ),
        (
            ("la Región Metropolitana Bogotá-Cundinamarca", "the Bogotá–Cundinamarca Metropolitan Region"),
            ("la ruralidad de Sumapaz", "rural Sumapaz"),
            ("los instrumentos de financiación urbana", "urban finance instruments"),
        ),
        (("Municipios vinculados", "Municipalities involved", "municipios", 1, 46),),
    ),
    Theme(
        ENVIRONMENT,
        ("SDH", "SDA"),
        (13, 17),
        None,
        ("la financiación climática", "climate finance"),
        "financiación climática y bonos verdes",
        (
            "movilizar financiación para los proyectos climáticos de la ciudad",
            "mobilise finance for the city's climate projects",
        ),
        (
            ("la emisión de bonos verdes", "green bond issuance"),
            ("la estructuración de proyectos", "project preparation"),
            ("la taxonomía verde", "the green taxonomy"),
        ),
        (("Proyectos estructurados", "Projects prepared", "proyectos", 1, 20),),
    ),
    Theme(
        EDUCATION,
        ("IDIPRON", "SDIS", "SED"),
        (4, 16, 1),
        None,
        ("la protección de niñas, niños y jóvenes", "protecting children and young people"),
        "niñez y juventud",
        (
            "proteger a niñas, niños y jóvenes en situación de calle o en riesgo",
            "protect children and young people living on the streets or at risk",
        ),
        (
            ("la prevención del reclutamiento", "preventing recruitment"),
            ("la formación para el trabajo", "vocational training"),
            ("el arte y el deporte como alternativas", "arts and sport as alternatives"),
        ),
        (
            ("Jóvenes atendidos", "Young people served", "personas", 50, 10000),
            ("Jóvenes vinculados a formación", "Young people in training", "personas", 20, 4000),
        ),
    ),
)

GENERIC_INDICATORS = (
    ("Servidores públicos capacitados", "Public servants trained", "personas", 10, 800),
    ("Documentos técnicos entregados", "Technical documents delivered", "documentos", 1, 15),
    ("Encuentros de trabajo realizados", "Working meetings held", "encuentros", 2, 40),
)
SYMBOL_UNITS = {"%", "km", "ha", "t", "m", "m²", "l/s", "t CO₂e"}

DELIVERABLES = (
    ("un informe final", "a final report"),
    ("una hoja de ruta", "a road map"),
    ("un documento de lineamientos", "a set of guidelines"),
    ("recomendaciones técnicas", "technical recommendations"),
)

EVENTS = (
    ("el Foro Urbano Mundial", "the World Urban Forum"),
    ("la Cumbre Mundial de Alcaldes de C40", "the C40 World Mayors Summit"),
    ("el Congreso Mundial de CGLU", "the UCLG World Congress"),
    ("el Smart City Expo World Congress", "the Smart City Expo World Congress"),
    ("la Conferencia de las Naciones Unidas sobre el Cambio Climático", "the UN Climate Change Conference"),
    ("el Foro Político de Alto Nivel de las Naciones Unidas", "the UN High-Level Political Forum"),
    ("la Asamblea General de la UCCI", "the UCCI General Assembly"),
    ("el Congreso Mundial de ICLEI", "the ICLEI World Congress"),
    ("la Semana de la Cooperación Internacional de Bogotá", "Bogotá International Cooperation Week"),
)

# What the summary calls each kind of action.
ACTION_OBJECTS = {
    ActionType.TECHNICAL_ASSISTANCE: ("una asistencia técnica", "technical assistance"),
    ActionType.ALLIANCE: ("una alianza", "a partnership"),
    ActionType.KNOWLEDGE_EXCHANGE: ("un intercambio de buenas prácticas", "an exchange of good practices"),
    ActionType.COOPERATION_AGREEMENT: ("un convenio de cooperación", "a cooperation agreement"),
    ActionType.TRAINING: ("un programa de formación", "a training programme"),
    ActionType.AWARD: ("una postulación a un premio internacional", "an entry for an international award"),
    ActionType.DONATION: ("una donación", "a donation"),
    ActionType.EVENT_CAMPAIGN: ("un evento internacional", "an international event"),
    ActionType.PUBLICATION: ("una publicación conjunta", "a joint publication"),
    InstrumentKind.MEMORANDUM: ("un memorando de entendimiento", "a memorandum of understanding"),
    InstrumentKind.LETTER_OF_INTENT: ("una carta de intención", "a letter of intent"),
    InstrumentKind.AGREEMENT: ("un acuerdo de cooperación", "a cooperation agreement"),
    InstrumentKind.CITY_NETWORK: (
        "la adhesión de Bogotá a una red de ciudades",
        "Bogotá's membership of a city network",
    ),
}

# Titles: {p} the partner, {t} the topic, {s} the subject, {place}, {event}; Spanish and English.
TITLES = {
    ActionType.TECHNICAL_ASSISTANCE: (
        ("Asistencia técnica para {t}{place} con {p}", "Technical assistance on {t}{place} with {p}"),
        ("Acompañamiento técnico {de_p} en {s}", "{P} technical support on {t}"),
    ),
    ActionType.ALLIANCE: (
        ("Alianza con {p} para {t}", "Partnership with {p} on {t}"),
        (
            "Alianza público-privada con {p} para {t}{place}",
            "Public-private partnership with {p} on {t}{place}",
        ),
    ),
    ActionType.KNOWLEDGE_EXCHANGE: (
        ("Intercambio de buenas prácticas sobre {s} con {p}", "Exchange of good practices on {t} with {p}"),
        ("Visita técnica {de_p} a Bogotá para conocer {t}", "{P} technical visit to Bogotá on {t}"),
    ),
    ActionType.COOPERATION_AGREEMENT: (
        ("Convenio de cooperación con {p} para {t}{place}", "Cooperation agreement with {p} on {t}{place}"),
    ),
    ActionType.TRAINING: (
        (
            "Curso internacional sobre {s} para servidores distritales con {p}",
            "International course on {t} for district staff with {p}",
        ),
        ("Programa de formación {de_p} en {s}", "{P} training programme on {t}"),
    ),
    ActionType.AWARD: (
        ("Reconocimiento {de_p} a Bogotá por {t}", "{P} award to Bogotá for {t}"),
        ("Bogotá, finalista del premio {de_p} sobre {s}", "Bogotá shortlisted for the {p} award on {t}"),
    ),
    ActionType.DONATION: (
        ("Donación {de_p} para {t}{place}", "{P} donation for {t}{place}"),
        ("Donación de equipos {de_p} para {t}", "Equipment donated by {p} for {t}"),
    ),
    ActionType.EVENT_CAMPAIGN: (
        ("Participación de Bogotá en {event}: panel sobre {s}", "Bogotá at {event}: panel on {t}"),
        ("Foro internacional sobre {s} con {p}", "International forum on {t} with {p}"),
    ),
    ActionType.PUBLICATION: (
        ("Publicación conjunta con {p} sobre {s}", "Joint publication with {p} on {t}"),
        ("Estudio de caso de Bogotá sobre {s} con {p}", "Bogotá case study on {t} with {p}"),
    ),
    InstrumentKind.MEMORANDUM: (
        ("Memorando de entendimiento con {p} sobre {s}", "Memorandum of understanding with {p} on {t}"),
    ),
    InstrumentKind.LETTER_OF_INTENT: (
        ("Carta de intención con {p} para cooperar en {s}", "Letter of intent with {p} to cooperate on {t}"),
    ),
    InstrumentKind.AGREEMENT: (
        ("Acuerdo de cooperación con {p} en {s}", "Cooperation agreement with {p} on {t}"),
    ),
    InstrumentKind.CITY_NETWORK: (
        ("Adhesión de Bogotá {a_p} para trabajar en {s}", "Bogotá joins {p} to work on {t}"),
    ),
}

PT = PartnerType
ACTION_TYPE_WEIGHTS = {
    ActionType.TECHNICAL_ASSISTANCE: 20,
    ActionType.ALLIANCE: 8,
    ActionType.KNOWLEDGE_EXCHANGE: 12,
    ActionType.COOPERATION_AGREEMENT: 8,
    ActionType.TRAINING: 10,
    ActionType.AWARD: 3,
    ActionType.DONATION: 6,
    ActionType.EVENT_CAMPAIGN: 15,
    ActionType.PUBLICATION: 4,
    ActionType.INSTRUMENT: 14,
}
INSTRUMENT_KIND_WEIGHTS = {
    InstrumentKind.MEMORANDUM: 45,
    InstrumentKind.LETTER_OF_INTENT: 25,
    InstrumentKind.AGREEMENT: 15,
    InstrumentKind.CITY_NETWORK: 15,
}
CITY_PARTNERS = {
    PT.SUBNATIONAL_GOVERNMENT: 50,
    PT.FOREIGN_GOVERNMENT: 25,
    PT.ACADEMIA: 15,
    PT.NETWORK_MULTILATERAL: 10,
}
# Which kind of partner leads each kind of action.
LEAD_PARTNER_WEIGHTS = {
    ActionType.TECHNICAL_ASSISTANCE: {
        PT.FOREIGN_GOVERNMENT: 35,
        PT.NETWORK_MULTILATERAL: 30,
        PT.NON_PROFIT: 15,
        PT.SUBNATIONAL_GOVERNMENT: 10,
        PT.ACADEMIA: 5,
        PT.NATIONAL_GOVERNMENT: 5,
    },
    ActionType.ALLIANCE: {
        PT.PRIVATE_COMPANY: 25,
        PT.NON_PROFIT: 25,
        PT.NETWORK_MULTILATERAL: 20,
        PT.SUBNATIONAL_GOVERNMENT: 15,
        PT.ACADEMIA: 15,
    },
    ActionType.KNOWLEDGE_EXCHANGE: {
        PT.SUBNATIONAL_GOVERNMENT: 50,
        PT.NETWORK_MULTILATERAL: 20,
        PT.FOREIGN_GOVERNMENT: 15,
        PT.ACADEMIA: 15,
    },
    ActionType.COOPERATION_AGREEMENT: {
        PT.FOREIGN_GOVERNMENT: 35,
        PT.NETWORK_MULTILATERAL: 30,
        PT.NATIONAL_GOVERNMENT: 15,
        PT.NON_PROFIT: 15,
        PT.PRIVATE_COMPANY: 5,
    },
    ActionType.TRAINING: {
        PT.ACADEMIA: 35,
        PT.FOREIGN_GOVERNMENT: 30,
        PT.NETWORK_MULTILATERAL: 25,
        PT.NATIONAL_GOVERNMENT: 10,
    },
    ActionType.AWARD: {PT.NETWORK_MULTILATERAL: 50, PT.NON_PROFIT: 40, PT.PRIVATE_COMPANY: 10},
    ActionType.DONATION: {
        PT.FOREIGN_GOVERNMENT: 40,
        PT.NON_PROFIT: 25,
        PT.PRIVATE_COMPANY: 25,
        PT.NETWORK_MULTILATERAL: 10,
    },
    ActionType.EVENT_CAMPAIGN: {
        PT.NETWORK_MULTILATERAL: 40,
        PT.SUBNATIONAL_GOVERNMENT: 25,
        PT.FOREIGN_GOVERNMENT: 15,
        PT.PRIVATE_COMPANY: 10,
        PT.ACADEMIA: 10,
    },
    ActionType.PUBLICATION: {PT.ACADEMIA: 40, PT.NETWORK_MULTILATERAL: 35, PT.NON_PROFIT: 25},
    InstrumentKind.MEMORANDUM: CITY_PARTNERS,
    InstrumentKind.LETTER_OF_INTENT: CITY_PARTNERS,
    InstrumentKind.AGREEMENT: CITY_PARTNERS,
    InstrumentKind.CITY_NETWORK: {PT.NETWORK_MULTILATERAL: 100},
}
LEAD_ROLES = {
    ActionType.TECHNICAL_ASSISTANCE: {PartnerRole.TECHNICAL_PARTNER: 50, PartnerRole.FUNDER: 50},
    ActionType.ALLIANCE: {PartnerRole.COUNTERPART: 50, PartnerRole.FUNDER: 30, PartnerRole.IMPLEMENTER: 20},
    ActionType.KNOWLEDGE_EXCHANGE: {PartnerRole.COUNTERPART: 70, PartnerRole.TECHNICAL_PARTNER: 30},
    ActionType.COOPERATION_AGREEMENT: {PartnerRole.FUNDER: 80, PartnerRole.COUNTERPART: 20},
    ActionType.TRAINING: {PartnerRole.IMPLEMENTER: 60, PartnerRole.TECHNICAL_PARTNER: 40},
    ActionType.AWARD: {PartnerRole.COUNTERPART: 60, PartnerRole.FUNDER: 40},
    ActionType.DONATION: {PartnerRole.FUNDER: 100},
    ActionType.EVENT_CAMPAIGN: {PartnerRole.CO_ORGANISER: 80, PartnerRole.COUNTERPART: 20},
    ActionType.PUBLICATION: {PartnerRole.CO_ORGANISER: 40, PartnerRole.TECHNICAL_PARTNER: 60},
    ActionType.INSTRUMENT: {PartnerRole.COUNTERPART: 100},
}
OTHER_ROLES = {
    PartnerRole.IMPLEMENTER: 30,
    PartnerRole.TECHNICAL_PARTNER: 30,
    PartnerRole.COUNTERPART: 25,
    PartnerRole.CO_ORGANISER: 10,
    PartnerRole.FUNDER: 5,
}

# (dimension weights, line-of-action weights) by kind of action.
D, L = Dimension, LineOfAction
FRAMING = {
    ActionType.TECHNICAL_ASSISTANCE: (
        {D.COOPERATION: 1},
        {L.MOBILISE_RESOURCES: 80, L.STRENGTHEN_CAPACITIES: 20},
    ),
    ActionType.ALLIANCE: (
        {D.COOPERATION: 60, D.RELATIONSHIP: 40},
        {L.MOBILISE_RESOURCES: 60, L.POSITION_BOGOTA: 40},
    ),
    ActionType.KNOWLEDGE_EXCHANGE: (
        {D.RELATIONSHIP: 50, D.COOPERATION: 50},
        {L.STRENGTHEN_CAPACITIES: 60, L.POSITION_BOGOTA: 40},
    ),
    ActionType.COOPERATION_AGREEMENT: ({D.COOPERATION: 1}, {L.MOBILISE_RESOURCES: 1}),
    ActionType.TRAINING: ({D.COOPERATION: 70, D.RELATIONSHIP: 30}, {L.STRENGTHEN_CAPACITIES: 1}),
    ActionType.AWARD: ({D.POSITIONING: 1}, {L.POSITION_BOGOTA: 1}),
    ActionType.DONATION: ({D.COOPERATION: 1}, {L.MOBILISE_RESOURCES: 1}),
    ActionType.EVENT_CAMPAIGN: ({D.POSITIONING: 70, D.RELATIONSHIP: 30}, {L.POSITION_BOGOTA: 1}),
    ActionType.PUBLICATION: ({D.POSITIONING: 1}, {L.POSITION_BOGOTA: 60, L.STRENGTHEN_CAPACITIES: 40}),
    ActionType.INSTRUMENT: (
        {D.RELATIONSHIP: 1},
        {L.MOBILISE_RESOURCES: 40, L.POSITION_BOGOTA: 40, L.STRENGTHEN_CAPACITIES: 20},
    ),
}
TARGET_BY_LINE = {
    L.MOBILISE_RESOURCES: "PDD-57-1",
    L.POSITION_BOGOTA: "PDD-57-2",
    L.STRENGTHEN_CAPACITIES: "PDD-57-3",
}
GOVERNANCE_TARGET = "PDD-57-4"

# Chance of a value, and its range in US dollars.
AMOUNTS = {
    ActionType.TECHNICAL_ASSISTANCE: (0.85, 20_000, 2_000_000),
    ActionType.ALLIANCE: (0.7, 10_000, 1_000_000),
    ActionType.KNOWLEDGE_EXCHANGE: (0.6, 5_000, 150_000),
    ActionType.COOPERATION_AGREEMENT: (0.95, 50_000, 5_000_000),
    ActionType.TRAINING: (0.7, 5_000, 150_000),
    ActionType.AWARD: (0.6, 10_000, 1_000_000),
    ActionType.DONATION: (0.95, 2_000, 300_000),
    ActionType.EVENT_CAMPAIGN: (0.55, 5_000, 300_000),
    ActionType.PUBLICATION: (0.4, 3_000, 60_000),
    ActionType.INSTRUMENT: (0.3, 10_000, 500_000),
}
IN_KIND_CHANCE = {ActionType.DONATION: 0.5, ActionType.TRAINING: 0.25, ActionType.TECHNICAL_ASSISTANCE: 0.2}
# Days from start to end: (shortest, longest).
DURATIONS = {
    ActionType.TECHNICAL_ASSISTANCE: (90, 900),
    ActionType.ALLIANCE: (365, 1460),
    ActionType.KNOWLEDGE_EXCHANGE: (2, 365),
    ActionType.COOPERATION_AGREEMENT: (365, 1460),
    ActionType.TRAINING: (14, 180),
    ActionType.AWARD: (0, 0),
    ActionType.DONATION: (0, 180),
    ActionType.EVENT_CAMPAIGN: (0, 5),
    ActionType.PUBLICATION: (0, 0),
    ActionType.INSTRUMENT: (730, 1825),
}
# Chance that the action is signed (the others just start).
SIGNED_CHANCE = {
    ActionType.TECHNICAL_ASSISTANCE: 0.6,
    ActionType.ALLIANCE: 0.5,
    ActionType.COOPERATION_AGREEMENT: 1.0,
    ActionType.DONATION: 0.9,
    ActionType.INSTRUMENT: 1.0,
}
# Mostly the whole city for these; the others name localities more often.
CITYWIDE_TYPES = {ActionType.EVENT_CAMPAIGN, ActionType.AWARD, ActionType.PUBLICATION, ActionType.INSTRUMENT}

S = Status
STATUS_BY_AGE = (  # (age in days under which it applies, status weights)
    (120, {S.IDENTIFIED: 45, S.NEGOTIATION: 35, S.IN_EXECUTION: 15, S.NOT_MATERIALISED: 5}),
    (730, {S.IDENTIFIED: 10, S.NEGOTIATION: 15, S.IN_EXECUTION: 45, S.COMPLETED: 20, S.NOT_MATERIALISED: 10}),
    (None, {S.IDENTIFIED: 2, S.NEGOTIATION: 3, S.IN_EXECUTION: 15, S.COMPLETED: 65, S.NOT_MATERIALISED: 15}),
)
SCOPE_WEIGHTS = {
    AuthorisationScope.FULL: 55,
    AuthorisationScope.WITHOUT_AMOUNTS: 30,
    AuthorisationScope.RECORD_ONLY: 15,
}
AUTHORISED_CHANCE = 0.75
LIVE_CHANCE = 0.9
ENGLISH_CHANCE = 0.85

# Yearly averages, roughly: (pesos per dollar, dollars per euro, won per dollar, yen per dollar).
RATES = {
    2016: (3050, 1.107, 1160, 108.8),
    2017: (2951, 1.130, 1130, 112.2),
    2018: (2956, 1.181, 1100, 110.4),
    2019: (3281, 1.120, 1166, 109.0),
    2020: (3693, 1.142, 1180, 106.8),
    2021: (3743, 1.183, 1144, 109.8),
    2022: (4255, 1.053, 1292, 131.5),
    2023: (4325, 1.081, 1306, 140.5),
    2024: (4072, 1.082, 1364, 151.4),
    2025: (4150, 1.130, 1420, 149.0),
    2026: (3900, 1.160, 1400, 150.0),
}
EURO_COUNTRIES = {"AT", "BE", "DE", "ES", "FI", "FR", "GR", "IE", "IT", "NL", "PT"}
CURRENCY_BY_COUNTRY = {"CO": "COP", "JP": "JPY", "KR": "KRW"}

# How titles and summaries name the demo partners: (short es, long es, short en, long en).
PARTNER_NAMES = {
    "Agencia Francesa de Desarrollo": (
        "la AFD",
        "la Agencia Francesa de Desarrollo (AFD)",
        "AFD",
        "the French Development Agency (AFD)",
    ),
    "Agencia Alemana de Cooperación Internacional": (
        "la GIZ",
        "la Agencia Alemana de Cooperación Internacional (GIZ)",
        "GIZ",
        "the German Agency for International Cooperation (GIZ)",
    ),
    "Agencia de Cooperación Internacional de Corea": (
        "KOICA",
        "la Agencia de Cooperación Internacional de Corea (KOICA)",
        "KOICA",
        "the Korea International Cooperation Agency (KOICA)",
    ),
    "Agencia de Cooperación Internacional del Japón": (
        "JICA",
        "la Agencia de Cooperación Internacional del Japón (JICA)",
        "JICA",
        "the Japan International Cooperation Agency (JICA)",
    ),
    "Agencia Española de Cooperación Internacional para el Desarrollo": (
        "la AECID",
        "la Agencia Española de Cooperación Internacional para el Desarrollo (AECID)",
        "AECID",
        "the Spanish Agency for International Development Cooperation (AECID)",
    ),
    "Delegación de la Unión Europea en Colombia": (
        "la Unión Europea",
        "la Delegación de la Unión Europea en Colombia",
        "the European Union",
        "the Delegation of the European Union to Colombia",
    ),
    "Agencia Presidencial de Cooperación Internacional de Colombia": (
        "APC-Colombia",
        "la Agencia Presidencial de Cooperación Internacional de Colombia (APC-Colombia)",
        "APC-Colombia",
        "the Presidential Agency for International Cooperation of Colombia (APC-Colombia)",
    ),
    "Ministerio de Relaciones Exteriores de Colombia": (
        "la Cancillería",
        "el Ministerio de Relaciones Exteriores de Colombia",
        "the Ministry of Foreign Affairs",
        "the Ministry of Foreign Affairs of Colombia",
    ),
    "Gobernación de Cundinamarca": (
        "la Gobernación de Cundinamarca",
        "la Gobernación de Cundinamarca",
        "Cundinamarca",
        "the Government of Cundinamarca",
    ),
    "Ciudad de México": (
        "la Ciudad de México",
        "el Gobierno de la Ciudad de México",
        "Mexico City",
        "the Mexico City Government",
    ),
    "Ayuntamiento de Madrid": (
        "el Ayuntamiento de Madrid",
        "el Ayuntamiento de Madrid",
        "Madrid City Council",
        "Madrid City Council",
    ),
    "Municipalidad de Lima": (
        "la Municipalidad de Lima",
        "la Municipalidad de Lima",
        "Lima",
        "the Municipality of Lima",
    ),
    "Ciudad de Seúl": (
        "Seúl",
        "el Gobierno Metropolitano de Seúl",
        "Seoul",
        "the Seoul Metropolitan Government",
    ),
    "Ciudad de París": ("París", "la Alcaldía de París", "Paris", "the City of Paris"),
    "Banco Interamericano de Desarrollo": (
        "el BID",
        "el Banco Interamericano de Desarrollo (BID)",
        "the IDB",
        "the Inter-American Development Bank (IDB)",
    ),
    "Banco de Desarrollo de América Latina y el Caribe": (
        "CAF",
        "CAF, el banco de desarrollo de América Latina y el Caribe",
        "CAF",
        "CAF, the development bank of Latin America and the Caribbean",
    ),
    "Programa de las Naciones Unidas para los Asentamientos Humanos": (
        "ONU-Hábitat",
        "el Programa de las Naciones Unidas para los Asentamientos Humanos (ONU-Hábitat)",
        "UN-Habitat",
        "the United Nations Human Settlements Programme (UN-Habitat)",
    ),
    "Programa de las Naciones Unidas para el Desarrollo": (
        "el PNUD",
        "el Programa de las Naciones Unidas para el Desarrollo (PNUD)",
        "UNDP",
        "the United Nations Development Programme (UNDP)",
    ),
    "C40 Cities Climate Leadership Group": (
        "C40",
        "la red C40 de ciudades por el clima",
        "C40",
        "the C40 Cities network",
    ),
    "Ciudades y Gobiernos Locales Unidos": (
        "CGLU",
        "la organización Ciudades y Gobiernos Locales Unidos (CGLU)",
        "UCLG",
        "United Cities and Local Governments (UCLG)",
    ),
    "Gobiernos Locales por la Sostenibilidad": (
        "ICLEI",
        "ICLEI – Gobiernos Locales por la Sostenibilidad",
        "ICLEI",
        "ICLEI – Local Governments for Sustainability",
    ),
    "Unión de Ciudades Capitales Iberoamericanas": (
        "la UCCI",
        "la Unión de Ciudades Capitales Iberoamericanas (UCCI)",
        "UCCI",
        "the Union of Ibero-American Capital Cities (UCCI)",
    ),
    "Metropolis": ("Metropolis", "la red Metropolis", "Metropolis", "the Metropolis network"),
    "Fundación Bloomberg Philanthropies": (
        "Bloomberg Philanthropies",
        "la fundación Bloomberg Philanthropies",
        "Bloomberg Philanthropies",
        "Bloomberg Philanthropies",
    ),
    "Fundación Ford": (
        "la Fundación Ford",
        "la Fundación Ford",
        "the Ford Foundation",
        "the Ford Foundation",
    ),
    "World Resources Institute": (
        "WRI",
        "el World Resources Institute (WRI)",
        "WRI",
        "the World Resources Institute (WRI)",
    ),
    "Fundación Corona": (
        "la Fundación Corona",
        "la Fundación Corona",
        "Fundación Corona",
        "Fundación Corona",
    ),
    "Cámara de Comercio de Bogotá": (
        "la Cámara de Comercio de Bogotá",
        "la Cámara de Comercio de Bogotá (CCB)",
        "the Bogotá Chamber of Commerce",
        "the Bogotá Chamber of Commerce (CCB)",
    ),
    "Invest in Bogotá": (
        "Invest in Bogotá",
        "la agencia Invest in Bogotá",
        "Invest in Bogotá",
        "Invest in Bogotá",
    ),
    "Universidad Nacional de Colombia": (
        "la Universidad Nacional",
        "la Universidad Nacional de Colombia",
        "the National University",
        "the National University of Colombia",
    ),
    "Universidad de los Andes": (
        "la Universidad de los Andes",
        "la Universidad de los Andes",
        "Universidad de los Andes",
        "Universidad de los Andes",
    ),
    "Universidad de Harvard": ("Harvard", "la Universidad de Harvard", "Harvard", "Harvard University"),
    "Instituto Tecnológico de Massachusetts": (
        "el MIT",
        "el Instituto Tecnológico de Massachusetts (MIT)",
        "MIT",
        "the Massachusetts Institute of Technology (MIT)",
    ),
}
PARTNER_NAMES = {normalize_name(name): names for name, names in PARTNER_NAMES.items()}

FEMININE = set(
    "academia agencia alcaldia asociacion camara ciudad comision corporacion delegacion embajada empresa "
    "escuela federacion fundacion gobernacion municipalidad oficina organizacion red secretaria union "
    "universidad".split()
)
MASCULINE = set(
    "ayuntamiento banco centro comite consejo departamento fondo foro gobierno grupo instituto jardin "
    "ministerio observatorio programa".split()
)


def _article(name: str) -> str:
    head = normalize_name(name).split(" ", 1)[0]
    if head in FEMININE:
        return "la "
    if head in MASCULINE:
        return "el "
    return ""


def _contract(preposition: str, phrase: str) -> str:
    """ "de" + "el BID" = "del BID"; "a" + "el PNUD" = "al PNUD"."""
    if phrase.startswith("el ") and preposition in ("de", "a"):
        return f"{preposition}l {phrase[3:]}"
    return f"{preposition} {phrase}"


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _join(items: list[str], conjunction: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


# ---------------------------------------------------------------------------------------------
# What records point at, read once: from the database, or from reference_data for spreadsheets.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerRef:
    pk: int | None
    name: str
    acronym: str
    partner_type: str
    country: str
    short: str  # Spanish, for titles: "la AFD"
    long: str  # Spanish, for summaries: "la Agencia Francesa de Desarrollo (AFD)"
    short_en: str
    long_en: str

    @classmethod
    def build(cls, pk, name, acronym, partner_type, country):
        names = PARTNER_NAMES.get(normalize_name(name))
        if names is None:
            article = _article(name)
            uses_acronym = (
                acronym
                and acronym.isupper()
                and partner_type
                not in (
                    PT.SUBNATIONAL_GOVERNMENT,
                    PT.ACADEMIA,
                )
            )
            short = f"{article}{acronym}" if uses_acronym else f"{article}{name}"
            long = f"{article}{name} ({acronym})" if acronym else f"{article}{name}"
            names = (short, long, acronym or name, f"{name} ({acronym})" if acronym else name)
        return cls(pk, name, acronym, partner_type, country or "", *names)


@dataclass(frozen=True)
class EntityRef:
    pk: int | None
    acronym: str
    name: str
    name_en: str

    @property
    def long(self):
        label = f"{_article(self.name)}{self.name}"
        return f"{label} ({self.acronym})" if self.acronym else label

    @property
    def long_en(self):
        name = self.name_en or self.name
        return f"the {name}" if " " in name else name


@dataclass(frozen=True)
class NamedRef:
    pk: int | None
    name: str
    name_en: str


@dataclass(frozen=True)
class TargetRef:
    pk: int | None
    code: str


@dataclass
class ReferenceSet:
    """The rows a record may point at, each list in a stable order so draws are reproducible."""

    partners: list[PartnerRef]
    entities: list[EntityRef]
    tables: list[NamedRef]
    axes: list[NamedRef]
    targets: list[TargetRef]
    sdgs: list[int]
    localities: list[str]
    partners_by_type: dict = field(init=False)
    entities_by_acronym: dict = field(init=False)
    tables_by_key: dict = field(init=False)
    axes_by_key: dict = field(init=False)
    targets_by_code: dict = field(init=False)

    def __post_init__(self):
        self.partners.sort(key=lambda ref: normalize_name(ref.name))
        self.entities.sort(key=lambda ref: normalize_name(ref.name))
        self.tables.sort(key=lambda ref: normalize_name(ref.name))
        self.axes.sort(key=lambda ref: normalize_name(ref.name))
        self.targets.sort(key=lambda ref: ref.code)
        self.sdgs.sort()
        self.localities.sort()
        self.partners_by_type = {}
        for partner in self.partners:
            self.partners_by_type.setdefault(partner.partner_type, []).append(partner)
        self.entities_by_acronym = {ref.acronym: ref for ref in self.entities if ref.acronym}
        self.tables_by_key = {normalize_name(ref.name): ref for ref in self.tables}
        self.axes_by_key = {normalize_name(ref.name): ref for ref in self.axes}
        self.targets_by_code = {ref.code: ref for ref in self.targets}

    @classmethod
    def from_database(cls):
        return cls(
            partners=[
                PartnerRef.build(*row)
                for row in Partner.objects.values_list("pk", "name", "acronym", "partner_type", "country")
            ],
            entities=[
                EntityRef(*row)
                for row in DistrictEntity.objects.values_list("pk", "acronym", "name", "name_en")
            ],
            tables=[NamedRef(*row) for row in ThematicTable.objects.values_list("pk", "name", "name_en")],
            axes=[NamedRef(*row) for row in TransversalAxis.objects.values_list("pk", "name", "name_en")],
            targets=[TargetRef(*row) for row in DevelopmentPlanTarget.objects.values_list("pk", "code")],
            sdgs=list(SustainableDevelopmentGoal.objects.values_list("number", flat=True)),
            localities=list(Locality.objects.values_list("code", flat=True)),
        )

    @classmethod
    def defaults(cls):
        """The lists `load_reference_data` and `load_demo_partners` create; needs no database."""
        return cls(
            partners=[PartnerRef.build(None, *row) for row in DEMO_PARTNERS],
            entities=[
                EntityRef(None, acronym, name, name_en) for name, name_en, acronym, _sector in ENTITIES
            ],
            tables=[NamedRef(None, name, name_en) for name, name_en, _leader in THEMATIC_TABLES],
            axes=[NamedRef(None, name, name_en) for name, name_en, _leader in TRANSVERSAL_AXES],
            targets=[TargetRef(None, row[0]) for row in DEVELOPMENT_PLAN_TARGETS],
            sdgs=list(SUSTAINABLE_DEVELOPMENT_GOALS),
            localities=list(BogotaLocality.values),
        )


# ---------------------------------------------------------------------------------------------
# One record.
# ---------------------------------------------------------------------------------------------


@dataclass
class SyntheticAction:
    """An unsaved record and what it links to, as references (pks may be None for spreadsheets)."""

    number: int
    action: CooperationAction
    partners: list[tuple[PartnerRef, str]]
    entities: list[EntityRef]
    thematic_table: NamedRef | None
    axes: list[NamedRef]
    target: TargetRef | None
    sdgs: list[int]
    localities: list[str]
    indicators: list[ResultIndicator]


def _weighted(rng: random.Random, weights: dict):
    choices = list(weights)
    return rng.choices(choices, weights=[weights[choice] for choice in choices])[0]


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def _significant(value: float, digits: int = 3) -> Decimal:
    return Decimal(f"{value:.{digits}g}").quantize(CENTS, ROUND_HALF_UP)


def _rates(year: int) -> tuple:
    return RATES[min(max(year, min(RATES)), max(RATES))]


def build_action(
    references: ReferenceSet, seed: int, number: int, today: date | None = None
) -> SyntheticAction:
    """Record `number` of `seed`: a pure function of its arguments and the reference rows."""
    today = today or timezone.localdate()
    rng = random.Random(f"{seed}:{number}")
    theme = rng.choice(THEMES)
    action_type = _weighted(rng, ACTION_TYPE_WEIGHTS)
    kind = _weighted(rng, INSTRUMENT_KIND_WEIGHTS) if action_type == ActionType.INSTRUMENT else ""
    variant = kind or action_type
    dimension_weights, line_weights = FRAMING[action_type]
    dimension = _weighted(rng, dimension_weights)
    line = _weighted(rng, line_weights)

    partners = _pick_partners(rng, references, action_type, variant)
    entities = _pick_entities(rng, references, theme)
    localities = _pick_localities(rng, references, action_type)

    status, identified, signed, start, end = _dates(rng, action_type, today)
    in_kind, money = _money(rng, action_type, partners, signed or start or identified)

    lead = partners[0][0] if partners else None
    texts = _texts(rng, theme, variant, status, lead, entities, localities)
    english = rng.random() < ENGLISH_CHANCE

    goals = set(rng.sample(theme.sdgs, rng.randint(1, min(2, len(theme.sdgs)))))
    if rng.random() < 0.25:
        goals.add(17)  # partnerships for the goals
    sdgs = sorted(goal for goal in goals if goal in references.sdgs)
    table = _pick_table(rng, references, theme)
    axes = _pick_axes(rng, references, theme)
    target_code = GOVERNANCE_TARGET if rng.random() < 0.1 else TARGET_BY_LINE[line]
    target = references.targets_by_code.get(target_code) or (
        rng.choice(references.targets) if references.targets else None
    )

    indicators, results, results_en = _results(rng, theme, status, entities)

    authorised = rng.random() < AUTHORISED_CHANCE
    age = (today - identified).days
    live = rng.random() < LIVE_CHANCE
    first_published = last_published = None
    if live:
        first_day = identified + timedelta(days=rng.randint(0, min(age, 90)))
        last_day = first_day + timedelta(days=rng.randint(0, (today - first_day).days))
        first_published = _moment(rng, first_day, today)
        last_published = max(first_published, _moment(rng, last_day, today))

    countries = sorted({partner.country for partner, _role in partners if partner.country})
    action = CooperationAction(
        external_id=external_id(seed, number),
        title=texts["title"][:255],
        title_en=texts["title_en"][:255] if english else "",
        summary=texts["summary"][:1000],
        summary_en=texts["summary_en"][:1000] if english else "",
        description=texts["description"] if rng.random() < 0.6 else "",
        action_type=action_type,
        instrument_kind=kind,
        line_of_action=line,
        dimension=dimension,
        status=status,
        date_identified=identified,
        date_signed=signed,
        start_date=start,
        end_date=end,
        thematic_table_id=table.pk if table else None,
        development_plan_target_id=target.pk if target else None,
        in_kind=in_kind,
        citywide=not localities,
        countries=countries,
        results=results,
        results_en=results_en if english else "",
        publication_authorised=authorised,
        authorisation_date=identified + timedelta(days=rng.randint(0, min(age, 120))) if authorised else None,
        authorisation_scope=_weighted(rng, SCOPE_WEIGHTS) if authorised else "",
        internal_notes=f"Registro sintético (semilla {seed}, n.º {number}).",
        live=live,
        has_unpublished_changes=not live,
        first_published_at=first_published,
        last_published_at=last_published,
        **money,
    )
    if english and action.description:
        action.description_en = texts["description_en"]
    action.prepare_for_save()
    return SyntheticAction(
        number=number,
        action=action,
        partners=partners,
        entities=entities,
        thematic_table=table,
        axes=axes,
        target=target,
        sdgs=sdgs,
        localities=localities,
        indicators=indicators,
    )


def _moment(rng, day, today):
    """A working-hours moment of `day`, never after the start of `today` (so never in the future)."""
    moment = datetime.combine(day, time(rng.randint(7, 18), rng.randint(0, 59)))
    moment = timezone.make_aware(min(moment, datetime.combine(today, time())))
    return moment


def _pick_partners(rng, references, action_type, variant):
    if not references.partners:
        return []
    preferred = [
        partner_type
        for partner_type in LEAD_PARTNER_WEIGHTS[variant]
        if references.partners_by_type.get(partner_type)
    ]
    if preferred:
        partner_type = _weighted(rng, {key: LEAD_PARTNER_WEIGHTS[variant][key] for key in preferred})
        lead = rng.choice(references.partners_by_type[partner_type])
    else:
        lead = rng.choice(references.partners)
    chosen = [(lead, _weighted(rng, LEAD_ROLES[action_type]))]
    extra = rng.choices((0, 1, 2), weights=(60, 30, 10))[0]
    others = [partner for partner in references.partners if partner is not lead]
    for partner in rng.sample(others, min(extra, len(others))):
        chosen.append((partner, _weighted(rng, OTHER_ROLES)))
    return chosen


def _pick_entities(rng, references, theme):
    known = [
        references.entities_by_acronym[acronym]
        for acronym in theme.entities
        if acronym in references.entities_by_acronym
    ]
    wanted = rng.choices((1, 2, 3), weights=(50, 35, 15))[0]
    entities = known[:1]
    candidates = known[1:]
    rng.shuffle(candidates)
    entities += candidates[: wanted - len(entities)]
    while len(entities) < wanted and len(entities) < len(references.entities):
        entity = rng.choice(references.entities)
        if entity not in entities:
            entities.append(entity)
    return entities


def _pick_localities(rng, references, action_type):
    citywide_chance = 0.9 if action_type in CITYWIDE_TYPES else 0.45
    if rng.random() < citywide_chance or not references.localities:
        return []
    count = rng.choices((1, 2, 3), weights=(60, 28, 12))[0]
    return sorted(rng.sample(references.localities, min(count, len(references.localities))))


def _pick_table(rng, references, theme):
    table = references.tables_by_key.get(normalize_name(theme.table)) if theme.table else None
    if table is None and references.tables:
        table = rng.choice(references.tables)
    return table


def _pick_axes(rng, references, theme):
    axes = []
    hinted = references.axes_by_key.get(normalize_name(theme.axis)) if theme.axis else None
    if hinted and rng.random() < 0.7:
        axes.append(hinted)
    if references.axes and rng.random() < 0.15:
        extra = rng.choice(references.axes)
        if extra not in axes:
            axes.append(extra)
    return sorted(axes, key=lambda ref: normalize_name(ref.name))


def _dates(rng, action_type, today):
    span = (today - FIRST_DATE).days
    identified = FIRST_DATE + timedelta(days=int(span * rng.random() ** 0.8))
    age = (today - identified).days
    status = _weighted(rng, next(weights for limit, weights in STATUS_BY_AGE if limit is None or age < limit))
    if status not in (Status.IN_EXECUTION, Status.COMPLETED):
        return status, identified, None, None, None

    signs = rng.random() < SIGNED_CHANCE.get(action_type, 0.0)
    lead_time = rng.randint(15, 240)
    gap = rng.randint(0, 60) if signs else 0
    shortest, longest = DURATIONS[action_type]
    duration = rng.randint(shortest, longest)
    if status == Status.COMPLETED:
        total = lead_time + gap + duration
        if total > age:  # squeeze the whole story in between identification and today
            factor = age / total
            lead_time, gap, duration = int(lead_time * factor), int(gap * factor), int(duration * factor)
        first = identified + timedelta(days=lead_time)
        start = first + timedelta(days=gap)
        end = start + timedelta(days=duration)
    else:
        first = identified + timedelta(days=min(lead_time, age))
        start = first + timedelta(days=min(gap, (today - first).days))
        end = start + timedelta(days=duration)
        if end < today:  # still running: its end is ahead
            end = today + timedelta(days=rng.randint(30, 540))
        if rng.random() < 0.25:
            end = None
    signed = first if signs else None
    if signs and rng.random() < 0.15 and status == Status.IN_EXECUTION:
        start = None
    return status, identified, signed, start, end


def _money(rng, action_type, partners, rate_date):
    chance, low, high = AMOUNTS[action_type]
    in_kind = rng.random() < IN_KIND_CHANCE.get(action_type, 0.05)
    valued = rng.random() < (0.6 if in_kind else chance)
    if not valued:
        return in_kind, {}
    funder = next((partner for partner, role in partners if role == PartnerRole.FUNDER), None)
    funder = funder or (partners[0][0] if partners else None)
    country = funder.country if funder else "CO"
    currency = "EUR" if country in EURO_COUNTRIES else CURRENCY_BY_COUNTRY.get(country, "USD")
    if rng.random() < 0.15:
        currency = "COP"  # the district's counterpart contribution

    usd_cop, eur_usd, krw_per_usd, jpy_per_usd = _rates(rate_date.year)
    usd_rate = Decimal(usd_cop * rng.uniform(0.96, 1.04)).quantize(CENTS, ROUND_HALF_UP)
    if currency == "COP":
        rate = Decimal(1)
    elif currency == "USD":
        rate = usd_rate
    elif currency == "EUR":
        rate = (usd_rate * Decimal(eur_usd * rng.uniform(0.98, 1.02))).quantize(CENTS)
    elif currency == "KRW":
        rate = (usd_rate / Decimal(krw_per_usd)).quantize(Decimal("0.0001"))
    else:
        rate = (usd_rate / Decimal(jpy_per_usd)).quantize(Decimal("0.0001"))
    dollars = _log_uniform(rng, low, high)
    amount = _significant(dollars * float(usd_rate) / float(rate))
    return in_kind, {
        "amount": amount,
        "currency": currency,
        "exchange_rate_cop": rate,
        "usd_rate_cop": usd_rate,
        "exchange_rate_date": rate_date,
    }


def _place(localities, english=False):
    names = [BogotaLocality(code).label for code in localities]
    if not names:
        return "", (" across the city" if english else " en toda la ciudad")
    conjunction = "and" if english else "y"
    short = f" in {_join(names, conjunction)}" if english else f" en {_join(names, conjunction)}"
    if english:
        noun = "locality" if len(names) == 1 else "localities"
        return short, f" in the {noun} of {_join(names, conjunction)}"
    noun = "la localidad" if len(names) == 1 else "las localidades"
    return short, f" en {noun} de {_join(names, conjunction)}"


def _texts(rng, theme, variant, status, lead, entities, localities):
    partner = lead.short if lead else "aliados internacionales"
    partner_en = lead.short_en if lead else "international partners"
    partner_long = lead.long if lead else "aliados internacionales"
    partner_long_en = lead.long_en if lead else "international partners"
    place, place_long = _place(localities)
    place_en, place_long_en = _place(localities, english=True)
    event, event_en = rng.choice(EVENTS)
    title, title_en = rng.choice(TITLES[variant])
    title = title.format(
        p=partner,
        de_p=_contract("de", partner),
        a_p=_contract("a", partner),
        t=theme.topic[0],
        s=theme.subject,
        place=place,
        event=event,
    )
    title_en = title_en.format(
        p=partner_en, P=_capitalise(partner_en), t=theme.topic[1], place=place_en, event=event_en
    )

    entity, entity_en = entities[0].long, entities[0].long_en
    thing, thing_en = ACTION_OBJECTS[variant]
    aim, aim_en = theme.aim
    opening = {
        Status.IDENTIFIED: (
            f"{_capitalise(entity)} identificó con {partner_long} la oportunidad de {thing} para {aim}{place_long}.",
            f"{_capitalise(entity_en)} identified with {partner_long_en} an opportunity for {thing_en} "
            f"to {aim_en}{place_long_en}.",
        ),
        Status.NEGOTIATION: (
            f"{_capitalise(entity)} y {partner_long} negocian {thing} para {aim}{place_long}.",
            f"{_capitalise(entity_en)} and {partner_long_en} are negotiating {thing_en} to {aim_en}{place_long_en}.",
        ),
        Status.IN_EXECUTION: (
            f"{_capitalise(entity)} y {partner_long} desarrollan {thing} para {aim}{place_long}.",
            f"{_capitalise(entity_en)} and {partner_long_en} are carrying out {thing_en} to {aim_en}{place_long_en}.",
        ),
        Status.COMPLETED: (
            f"{_capitalise(entity)} y {partner_long} desarrollaron {thing} para {aim}{place_long}.",
            f"{_capitalise(entity_en)} and {partner_long_en} carried out {thing_en} to {aim_en}{place_long_en}.",
        ),
        Status.NOT_MATERIALISED: (
            f"{_capitalise(entity)} exploró con {partner_long} {thing} para {aim}{place_long}, "
            "pero la iniciativa no se concretó.",
            f"{_capitalise(entity_en)} explored {thing_en} with {partner_long_en} to {aim_en}{place_long_en}, "
            "but the initiative did not go ahead.",
        ),
    }[status]
    first, second = rng.sample(theme.focuses, 2)
    if rng.random() < 0.5:
        focus = (f"La acción se concentra en {first[0]}.", f"The work focuses on {first[1]}.")
    else:
        focus = (f"Incluye {first[0]} y {second[0]}.", f"It covers {first[1]} and {second[1]}.")
    summary, summary_en = f"{opening[0]} {focus[0]}", f"{opening[1]} {focus[1]}"
    if len(entities) > 1:
        others = [ref.acronym or ref.name for ref in entities[1:]]
        verb = "participa" if len(others) == 1 else "participan"
        summary += f" También {verb} {_join(others, 'y')}."
        summary_en += f" {_join(others, 'and')} also take{'s' if len(others) == 1 else ''} part."

    description = (
        f"La agenda internacional de Bogotá da prioridad {_contract('a', theme.topic[0])}. "
        f"La coordinación está a cargo de {entity}, con el acompañamiento de la Dirección Distrital de "
        "Relaciones Internacionales, que hace seguimiento a los compromisos con el aliado."
    )
    description_en = (
        f"Bogotá's international agenda gives priority to {theme.topic[1]}. "
        f"It is coordinated by {entity_en}, with the support of the District Directorate of International "
        "Relations, which follows up the commitments made with the partner."
    )
    return {
        "title": title,
        "title_en": title_en,
        "summary": summary,
        "summary_en": summary_en,
        "description": description,
        "description_en": description_en,
    }


def _number(value: Decimal, english: bool) -> str:
    text = f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.1f}"
    return text if english else text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _results(rng, theme, status, entities):
    if status == Status.COMPLETED or (status == Status.IN_EXECUTION and rng.random() < 0.5):
        pool = list(theme.indicators) + list(GENERIC_INDICATORS)
        count = rng.choices((0, 1, 2, 3), weights=(20, 35, 30, 15))[0]
        indicators = []
        for sort_order, (name, name_en, unit, low, high) in enumerate(rng.sample(pool, count)):
            raw = _log_uniform(rng, low, high)
            value = Decimal(f"{raw:.1f}") if unit == "%" else Decimal(round(raw))
            indicators.append(
                ResultIndicator(name=name, name_en=name_en, value=value, unit=unit, sort_order=sort_order)
            )
        if indicators:
            parts = [
                f"{_lower_first(indicator.name)}: {_number(indicator.value, False)} {indicator.unit}"
                for indicator in indicators
            ]
            parts_en = [
                f"{_lower_first(indicator.name_en)}: {_number(indicator.value, True)}"
                + (f" {indicator.unit}" if indicator.unit in SYMBOL_UNITS else "")
                for indicator in indicators
            ]
            prefix = (
                ("Principales resultados", "Main results")
                if status == Status.COMPLETED
                else (
                    "Avances",
                    "Progress so far",
                )
            )
            return indicators, f"{prefix[0]}: {'; '.join(parts)}.", f"{prefix[1]}: {'; '.join(parts_en)}."
        deliverable, deliverable_en = rng.choice(DELIVERABLES)
        if status == Status.COMPLETED:
            return (
                [],
                f"La acción concluyó con {deliverable} entregado a {entities[0].long}.",
                f"The action concluded with {deliverable_en} delivered to {entities[0].long_en}.",
            )
        return [], "Se completó la fase de diagnóstico.", "The assessment phase has been completed."
    return [], "", ""


def iter_actions(
    references: ReferenceSet, seed: int, count: int, today: date | None = None, first: int = 1
) -> Iterator[SyntheticAction]:
    today = today or timezone.localdate()
    for number in range(first, first + count):
        yield build_action(references, seed, number, today)


# ---------------------------------------------------------------------------------------------
# Into the database.
# ---------------------------------------------------------------------------------------------


@dataclass
class GenerationReport:
    created: int = 0
    skipped: int = 0
    partner_links: int = 0
    entity_links: int = 0
    indicators: int = 0
    sdg_links: int = 0
    locality_links: int = 0
    axis_links: int = 0
    indexed: int = 0


def generate_actions(
    count: int,
    seed: int,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    index: bool = True,
    today: date | None = None,
    references: ReferenceSet | None = None,
    progress: Callable[[int], object] | None = None,
) -> GenerationReport:
    """Create records SYN-<seed>-1 … SYN-<seed>-<count> that do not exist yet (see the module docstring)."""
    today = today or timezone.localdate()
    references = references or ReferenceSet.from_database()
    if not references.entities:
        raise ValueError("There are no district entities: run load_reference_data first.")
    report = GenerationReport()
    using = router.db_for_write(CooperationAction)
    for first in range(1, count + 1, batch_size):
        numbers = range(first, min(first + batch_size, count + 1))
        wanted = {external_id(seed, number): number for number in numbers}
        existing = set(
            CooperationAction.objects.using(using)
            .filter(external_id__in=list(wanted))
            .values_list("external_id", flat=True)
        )
        items = [
            build_action(references, seed, number, today)
            for identifier, number in wanted.items()
            if identifier not in existing
        ]
        with transaction.atomic(using=using):
            _insert(items, report, using)
            if index:
                report.indexed += index_actions([item.action for item in items])
        report.skipped += len(existing)
        report.created += len(items)
        reset_queries()  # DEBUG keeps every query's SQL; a long run would hoard them
        if progress:
            progress(len(numbers))
    return report


def _insert(items: list[SyntheticAction], report: GenerationReport, using: str):
    if not items:
        return
    actions = [item.action for item in items]
    CooperationAction.objects.using(using).bulk_create(actions)
    if any(action.pk is None for action in actions):  # backends that cannot return ids
        ids = dict(
            CooperationAction.objects.using(using)
            .filter(external_id__in=[action.external_id for action in actions])
            .values_list("external_id", "pk")
        )
        for action in actions:
            action.pk = ids[action.external_id]

    sdgs = CooperationAction.sdgs.through
    localities = CooperationAction.localities.through
    axes = CooperationAction.transversal_axes.through
    rows = {ActionPartner: [], ActionEntity: [], ResultIndicator: [], sdgs: [], localities: [], axes: []}
    for item in items:
        pk = item.action.pk
        rows[ActionPartner] += [
            ActionPartner(action_id=pk, partner_id=partner.pk, role=role, sort_order=order)
            for order, (partner, role) in enumerate(item.partners)
        ]
        rows[ActionEntity] += [
            ActionEntity(action_id=pk, entity_id=entity.pk, sort_order=order)
            for order, entity in enumerate(item.entities)
        ]
        for indicator in item.indicators:
            indicator.action_id = pk
        rows[ResultIndicator] += item.indicators
        rows[sdgs] += [
            sdgs(cooperationaction_id=pk, sustainabledevelopmentgoal_id=number) for number in item.sdgs
        ]
        rows[localities] += [
            localities(cooperationaction_id=pk, locality_id=code) for code in item.localities
        ]
        rows[axes] += [axes(cooperationaction_id=pk, transversalaxis_id=axis.pk) for axis in item.axes]
    for model, objects in rows.items():
        model.objects.using(using).bulk_create(objects)
    report.partner_links += len(rows[ActionPartner])
    report.entity_links += len(rows[ActionEntity])
    report.indicators += len(rows[ResultIndicator])
    report.sdg_links += len(rows[sdgs])
    report.locality_links += len(rows[localities])
    report.axis_links += len(rows[axes])


def index_actions(actions: list[CooperationAction]) -> int:
    """Add saved records to every auto-updating search backend, one bulk call per backend, and the
    public ones to the register's public search."""
    from search.indexing import index_records

    if not actions:
        return 0
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(CooperationAction, actions)
    index_records(action.pk for action in actions)
    return len(actions)


# ---------------------------------------------------------------------------------------------
# Into a legacy spreadsheet.
# ---------------------------------------------------------------------------------------------


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def _decimal(value: Decimal | None) -> str:
    return format(value, "f") if value is not None else ""


def legacy_row(item: SyntheticAction) -> list[str]:
    """The record as a row of the legacy import layout (LEGACY_HEADER), every cell as text."""
    action = item.action
    partner_types, roles = dict(PartnerType.choices), dict(PartnerRole.choices)
    partners = "; ".join(
        f"{partner.name} | {partner_types[partner.partner_type]} | {partner.country} | {roles[role]}"
        for partner, role in item.partners
    )
    return [
        action.external_id,
        action.title,
        action.title_en,
        action.summary,
        action.summary_en,
        action.description,
        str(ActionType(action.action_type).label),
        str(InstrumentKind(action.instrument_kind).label) if action.instrument_kind else "",
        str(LineOfAction(action.line_of_action).label),
        str(Dimension(action.dimension).label),
        str(Status(action.status).label),
        _iso(action.date_identified),
        _iso(action.date_signed),
        _iso(action.start_date),
        _iso(action.end_date),
        partners,
        "; ".join(entity.acronym or entity.name for entity in item.entities),
        item.thematic_table.name if item.thematic_table else "",
        "; ".join(axis.name for axis in item.axes),
        "; ".join(str(number) for number in item.sdgs),
        item.target.code if item.target else "",
        _decimal(action.amount),
        action.currency,
        _decimal(action.exchange_rate_cop),
        _decimal(action.usd_rate_cop),
        _iso(action.exchange_rate_date),
        _decimal(action.amount_cop),
        _decimal(action.amount_usd),
        "Sí" if action.in_kind else "No",
        "; ".join(BogotaLocality(code).label for code in item.localities) if item.localities else "Distrital",
        "; ".join(str(country) for country in action.countries),
        action.results,
        action.results_en,
        "Sí" if action.publication_authorised else "No",
        _iso(action.authorisation_date),
        str(AuthorisationScope(action.authorisation_scope).label) if action.authorisation_scope else "",
        action.internal_notes,
    ]


def write_legacy_spreadsheet(
    path: str | Path,
    count: int,
    seed: int,
    *,
    references: ReferenceSet | None = None,
    today: date | None = None,
) -> int:
    """Write `count` synthetic records as a legacy `.xlsx` or `.csv` (by the suffix); returns the rows.

    Without `references`, records are drawn from the default reference lists and demo partners,
    so no database is needed; the ids (SYN-<seed>-<n>) and contents match what `generate_actions`
    creates on a database that holds exactly those lists.
    """
    path = Path(path)
    references = references or ReferenceSet.defaults()
    rows = iter_actions(references, seed, count, today)
    with translation.override("es"):
        if path.suffix.lower() == ".csv":
            with path.open("w", newline="", encoding="utf-8") as stream:
                writer = csv.writer(stream)
                writer.writerow(LEGACY_HEADER)
                for item in rows:
                    writer.writerow(legacy_row(item))
        elif path.suffix.lower() == ".xlsx":
            from openpyxl import Workbook

            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet("Acciones")
            sheet.append(LEGACY_HEADER)
            for item in rows:
                sheet.append(legacy_row(item))
            workbook.save(path)
        else:
            raise ValueError(f"Unknown spreadsheet format {path.suffix!r}: use .xlsx or .csv.")
    return count
