"""Demo content for the site frame: both home pages, the institutional pages, the footer, demo users.

Written from the facts in the office's process documents, in our own words, with no personal data.
Everything is created only when missing, so running it again neither duplicates nor overwrites.
"""

import json
import textwrap
import unicodedata
from datetime import datetime, time, timedelta
from io import BytesIO
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

from .models import EventPage, Footer, HomePage, NewsIndexPage, NewsPage, PublicationPage, StandardPage

DEMO_USERS = [
    # username, password, group (None: superuser), first name, last name
    ("admin", "demo-admin-2026", None, "Administración", "Demo"),
    ("editora", "demo-editora-2026", "Editors", "Editora", "Demo"),
    ("moderador", "demo-moderador-2026", "Moderators", "Moderador", "Demo"),
    ("enlace", "demo-enlace-2026", "Enlaces de entidades", "Enlace", "Demo"),
]


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


HOME = {
    "es": {
        "title": "Bogotá Internacional",
        "hero_title": "Bogotá, una ciudad que coopera con el mundo",
        "hero_text": (
            "Conozca la estrategia de internacionalización del Distrito, las alianzas que la hacen "
            "posible y los resultados que dejan en la ciudad."
        ),
        "hero_link_label": "Cómo trabajamos",
        "search_description": (
            "Portal de la Oficina Consejería Distrital de Relaciones Internacionales de Bogotá: "
            "estrategia, alianzas, buenas prácticas y registro de cooperación."
        ),
        "body": [
            heading("Cooperación, relacionamiento y posicionamiento"),
            paragraph(
                "<p>La Consejería coordina la acción internacional de la Alcaldía Mayor. Identifica "
                "con los sectores del Distrito sus prioridades, gestiona alianzas con gobiernos, "
                "redes, organismos multilaterales, academia, empresas y organizaciones sociales, "
                "acompaña su ejecución y da a conocer sus logros cuando el aliado lo autoriza.</p>"
            ),
            quote(
                "La cooperación no empieza con la firma de un convenio: empieza cuando identificamos "
                "juntos lo que la ciudad necesita.",
                "Sistema Distrital de Cooperación",
            ),
        ],
    },
    "en": {
        "title": "Bogotá International",
        "hero_title": "Bogotá, a city that cooperates with the world",
        "hero_text": (
            "Discover the District's internationalisation strategy, the partnerships behind it "
            "and the results they leave in the city."
        ),
        "hero_link_label": "How we work",
        "search_description": (
            "Portal of Bogotá's Office of International Relations: strategy, partnerships, good "
            "practices and the cooperation register."
        ),
        "body": [
            heading("Cooperation, relationships and positioning"),
            paragraph(
                "<p>The Office coordinates the international action of the Mayor's Office. It works "
                "with the District's sectors to identify their priorities, builds partnerships with "
                "governments, networks, multilateral organisations, universities, companies and civil "
                "society, supports their delivery and makes their results known when the partner "
                "agrees.</p>"
            ),
            quote(
                "Cooperation does not begin when an agreement is signed: it begins when we identify "
                "together what the city needs.",
                "District Cooperation System",
            ),
        ],
    },
}

# (es slug, en slug, in menu, es fields, en fields, children)
PAGES = [
    (
        "como-trabajamos",
        "how-we-work",
        True,
        {
            "title": "Cómo trabajamos",
            "introduction": (
                "Un proceso en cuatro momentos: identificar prioridades, gestionar alianzas, "
                "acompañar su ejecución y visibilizar sus resultados."
            ),
            "body": [
                heading("Tres líneas de acción"),
                paragraph(
                    "<ul><li><b>Movilizar recursos técnicos y financieros</b> para los proyectos de la "
                    "ciudad.</li><li><b>Posicionar a Bogotá como referente global</b> en redes, foros y "
                    "agendas internacionales.</li><li><b>Fortalecer las capacidades de relacionamiento "
                    "internacional</b> de los servidores del Distrito.</li></ul>"
                ),
                heading("El ciclo de una acción internacional"),
                paragraph(
                    "<ol><li>Cada sector presenta en el primer trimestre su plan de prioridades de "
                    "internacionalización.</li><li>La Consejería analiza esas prioridades y gestiona "
                    "alianzas con actores nacionales e internacionales.</li><li>Acompaña y monitorea la "
                    "ejecución de cada acción, programa o proyecto.</li><li>Con autorización del aliado, "
                    "publica los logros y resultados.</li></ol>"
                ),
            ],
            "search_description": "Las líneas de acción y el ciclo de la gestión internacional del Distrito.",
        },
        {
            "title": "How we work",
            "introduction": (
                "A process in four stages: identify priorities, build partnerships, support their "
                "delivery and make their results visible."
            ),
            "body": [
                heading("Three lines of action"),
                paragraph(
                    "<ul><li><b>Mobilise technical and financial resources</b> for the city's "
                    "projects.</li><li><b>Position Bogotá as a global reference</b> in networks, forums "
                    "and international agendas.</li><li><b>Strengthen the international-relations "
                    "capacities</b> of the District's staff.</li></ul>"
                ),
                heading("The life of an international action"),
                paragraph(
                    "<ol><li>Each sector submits its internationalisation priorities in the first "
                    "quarter of the year.</li><li>The Office analyses them and builds partnerships with "
                    "national and international actors.</li><li>It supports and monitors the delivery "
                    "of each action, programme or project.</li><li>With the partner's authorisation, it "
                    "publishes the achievements and results.</li></ol>"
                ),
            ],
            "search_description": "The District's lines of action and the cycle of its international work.",
        },
        [],
    ),
    (
        "sistema-distrital-de-cooperacion",
        "district-cooperation-system",
        True,
        {
            "title": "Sistema Distrital de Cooperación",
            "introduction": (
                "El mecanismo que articula a las entidades del Distrito para gestionar la cooperación "
                "internacional de forma coordinada y corresponsable."
            ),
            "body": [
                paragraph(
                    "<p>Ninguna entidad por sí sola garantiza la internacionalización de la ciudad. El "
                    "sistema reúne al sector central y descentralizado, a las alcaldías de las veinte "
                    "localidades y a los socios externos para identificar necesidades, compartir "
                    "experiencias y responder de manera unificada ante los actores internacionales.</p>"
                ),
                heading("Sus instancias"),
                paragraph(
                    "<p>El sistema funciona a través de un <b>Comité Estratégico</b>, que fija los "
                    "lineamientos, y de la <b>Red Distrital de Cooperación Internacional</b>, donde las "
                    "entidades trabajan en mesas sectoriales y temáticas.</p>"
                ),
            ],
            "search_description": "Cómo se articulan las entidades del Distrito en la gestión de la cooperación.",
        },
        {
            "title": "District Cooperation System",
            "introduction": (
                "The mechanism that brings the District's entities together to manage international "
                "cooperation in a coordinated, shared way."
            ),
            "body": [
                paragraph(
                    "<p>No single entity can make the city international on its own. The system brings "
                    "together central and decentralised entities, the twenty local mayoralties and "
                    "external partners to identify needs, share experience and give international "
                    "actors one coherent answer.</p>"
                ),
                heading("Its bodies"),
                paragraph(
                    "<p>The system works through a <b>Strategic Committee</b>, which sets the guidelines, "
                    "and the <b>District International Cooperation Network</b>, where entities work in "
                    "sector and thematic tables.</p>"
                ),
            ],
            "search_description": "How the District's entities work together on cooperation.",
        },
        [
            (
                "comite-estrategico",
                "strategic-committee",
                False,
                {
                    "title": "Comité Estratégico",
                    "introduction": "La máxima instancia del sistema: define los lineamientos de la cooperación en el Distrito.",
                    "body": [
                        paragraph(
                            "<p>Lo integran la Secretaría General, que lo coordina y ejerce su secretaría "
                            "técnica, la Secretaría Distrital de Planeación y la Secretaría Distrital de "
                            "Hacienda. Establece los lineamientos estratégicos, facilita la articulación "
                            "entre entidades, hace seguimiento al avance de la gestión y presenta sus "
                            "resultados en un informe y un encuentro anual.</p>"
                        ),
                    ],
                },
                {
                    "title": "Strategic Committee",
                    "introduction": "The system's highest body: it sets the guidelines for cooperation in the District.",
                    "body": [
                        paragraph(
                            "<p>Its members are the General Secretariat, which coordinates it and acts as "
                            "its technical secretariat, the District Planning Secretariat and the District "
                            "Treasury. It sets strategic guidelines, connects entities, monitors progress "
                            "and reports its results in an annual report and meeting.</p>"
                        ),
                    ],
                },
                [],
            ),
            (
                "red-distrital-de-cooperacion",
                "district-cooperation-network",
                False,
                {
                    "title": "Red Distrital de Cooperación Internacional",
                    "introduction": "El espacio de trabajo conjunto de las entidades que gestionan cooperación.",
                    "body": [
                        paragraph(
                            "<p>La Red, dinamizada por la Consejería, promueve mesas sectoriales y "
                            "temáticas, identifica socios y espacios estratégicos, recoge las conclusiones "
                            "de sus grupos de trabajo para el Comité Estratégico y facilita la construcción "
                            "participativa de la estrategia de cooperación.</p>"
                        ),
                    ],
                },
                {
                    "title": "District International Cooperation Network",
                    "introduction": "Where the entities that manage cooperation work together.",
                    "body": [
                        paragraph(
                            "<p>Led by the Office, the Network runs sector and thematic tables, identifies "
                            "strategic partners and forums, brings its working groups' conclusions to the "
                            "Strategic Committee and supports the participatory drafting of the "
                            "cooperation strategy.</p>"
                        ),
                    ],
                },
                [],
            ),
        ],
    ),
    (
        "mesa-para-la-internacionalizacion",
        "internationalisation-board",
        True,
        {
            "title": "Mesa para la Internacionalización de Bogotá",
            "introduction": (
                "Un espacio público-privado, de participación voluntaria, que define la estrategia de "
                "internacionalización de la ciudad."
            ),
            "body": [
                paragraph(
                    "<p>Se reúne cuatro veces al año con representantes de la administración distrital y "
                    "de los sectores económicos, académicos, culturales y sociales. Puede invitar como "
                    "observadores al gobierno nacional y a organismos multilaterales presentes en la "
                    "ciudad.</p>"
                ),
                heading("Qué impulsa"),
                paragraph(
                    "<ul><li>Atraer inversión, talento y turismo, y ser sede de eventos.</li><li>Proyectar "
                    "a la ciudad desde sus empresas, universidades, industrias creativas e instituciones "
                    "culturales y deportivas.</li><li>Hacer seguimiento a las agendas globales de "
                    "desarrollo.</li><li>Promover alianzas con otras ciudades y una ciudadanía "
                    "global.</li><li>Rendir cuentas de la acción internacional.</li></ul>"
                ),
                heading("Mesas temáticas y ejes transversales"),
                paragraph(
                    "<p>La Mesa trabaja a través de seis mesas temáticas, cada una liderada por una "
                    "entidad distrital, y de tres ejes transversales que atraviesan sus planes de "
                    "trabajo.</p>"
                ),
            ],
            "search_description": "La instancia público-privada que orienta la internacionalización de Bogotá.",
        },
        {
            "title": "Bogotá Internationalisation Board",
            "introduction": (
                "A voluntary public-private forum that sets the city's internationalisation strategy."
            ),
            "body": [
                paragraph(
                    "<p>It meets four times a year with representatives of the District administration "
                    "and of the city's business, academic, cultural and social sectors. The national "
                    "government and multilateral organisations in the city may join as observers.</p>"
                ),
                heading("What it drives"),
                paragraph(
                    "<ul><li>Attracting investment, talent and tourism, and hosting events.</li><li>"
                    "Projecting the city through its companies, universities, creative industries and "
                    "cultural and sports institutions.</li><li>Following the global development "
                    "agendas.</li><li>Partnerships with other cities and global citizenship.</li><li>"
                    "Accountability for the city's international action.</li></ul>"
                ),
                heading("Thematic tables and transversal axes"),
                paragraph(
                    "<p>The Board works through six thematic tables, each led by a District entity, and "
                    "three transversal axes that run through their work plans.</p>"
                ),
            ],
            "search_description": "The public-private forum that guides Bogotá's internationalisation.",
        },
        [],
    ),
    (
        "asistencia-tecnica",
        "technical-assistance",
        True,
        {
            "title": "Asistencia técnica a las entidades",
            "introduction": (
                "Las entidades del Distrito pueden pedir acompañamiento en relacionamiento, cooperación "
                "y posicionamiento internacional. Respondemos en un plazo máximo de diez días hábiles."
            ),
            "body": [
                heading("Modalidades"),
                paragraph(
                    "<ul><li><b>Conceptos escritos</b> con aclaraciones y recomendaciones técnicas.</li>"
                    "<li><b>Visitas de asistencia</b> de un equipo técnico a la entidad.</li><li><b>Jornadas "
                    "de promoción</b> para explicar lineamientos y herramientas.</li><li><b>Asesoría en "
                    "instrumentos internacionales</b>: memorandos de entendimiento, cartas de intención, "
                    "convenios y adhesión a redes de ciudades.</li></ul>"
                ),
                heading("Cómo solicitarla"),
                paragraph(
                    "<p>El enlace de cada entidad canaliza la solicitud con el enlace asignado a su "
                    "sector. Las solicitudes se atienden por orden de llegada y cada una queda "
                    "registrada con su fecha de recepción, su fecha de respuesta, el tema y la "
                    "entidad.</p>"
                ),
            ],
            "search_description": "Modalidades y plazos de la asistencia técnica en relaciones internacionales.",
        },
        {
            "title": "Technical assistance for entities",
            "introduction": (
                "District entities can ask for support on international relations, cooperation and "
                "positioning. We answer within ten working days at most."
            ),
            "body": [
                heading("What we offer"),
                paragraph(
                    "<ul><li><b>Written opinions</b> with technical clarifications and recommendations.</li>"
                    "<li><b>Assistance visits</b> by a technical team.</li><li><b>Promotion sessions</b> "
                    "explaining guidelines and tools.</li><li><b>Advice on international instruments</b>: "
                    "memoranda of understanding, letters of intent, agreements and accession to city "
                    "networks.</li></ul>"
                ),
                heading("How to ask"),
                paragraph(
                    "<p>Each entity's liaison sends the request to the Office's liaison for their sector. "
                    "Requests are served first come, first served, and each is recorded with its date of "
                    "receipt, date of answer, topic and entity.</p>"
                ),
            ],
            "search_description": "Types and deadlines of technical assistance on international relations.",
        },
        [],
    ),
    (
        "politica-de-privacidad",
        "privacy-policy",
        False,
        {
            "title": "Política de privacidad y tratamiento de datos personales",
            "introduction": "Cómo trata el portal los datos personales, conforme a la Ley 1581 de 2012.",
            "body": [
                paragraph(
                    "<p>El portal no pide datos personales para consultar su contenido. Los datos de los "
                    "enlaces de las entidades y de quienes solicitan asistencia técnica se usan solo "
                    "para gestionar esas solicitudes, no se publican y se conservan durante el tiempo "
                    "que exige la gestión documental de la Secretaría General.</p>"
                ),
                paragraph(
                    "<p>Usted puede conocer, actualizar, rectificar y suprimir sus datos, y revocar su "
                    "autorización, escribiendo a los canales de contacto que aparecen al pie de esta "
                    "página.</p>"
                ),
            ],
        },
        {
            "title": "Privacy and personal data policy",
            "introduction": "How the portal handles personal data, under Colombian Law 1581 of 2012.",
            "body": [
                paragraph(
                    "<p>Browsing the portal requires no personal data. The details of entity liaisons and "
                    "of those who request technical assistance are used only to handle those requests, "
                    "are never published, and are kept for as long as the General Secretariat's records "
                    "rules require.</p>"
                ),
                paragraph(
                    "<p>You may access, update, correct and delete your data, or withdraw your consent, "
                    "through the contact channels at the foot of this page.</p>"
                ),
            ],
        },
        [],
    ),
    (
        "terminos-y-condiciones",
        "terms-of-use",
        False,
        {
            "title": "Términos y condiciones de uso",
            "introduction": "Las condiciones para usar el portal y reutilizar su información.",
            "body": [
                paragraph(
                    "<p>La información del portal es pública y puede reutilizarse citando la fuente. Los "
                    "datos abiertos del registro de cooperación se publican con la licencia indicada en "
                    "su ficha. Los resultados de las alianzas se publican solo con autorización del "
                    "aliado.</p>"
                ),
            ],
        },
        {
            "title": "Terms of use",
            "introduction": "The conditions for using the portal and reusing its information.",
            "body": [
                paragraph(
                    "<p>The portal's information is public and may be reused with attribution. The "
                    "cooperation register's open data is published under the licence stated on its "
                    "dataset page. Partnership results are published only with the partner's "
                    "authorisation.</p>"
                ),
            ],
        },
        [],
    ),
    (
        "declaracion-de-accesibilidad",
        "accessibility-statement",
        False,
        {
            "title": "Declaración de accesibilidad",
            "introduction": "El portal busca cumplir el nivel AA de las pautas WCAG 2.1.",
            "body": [
                paragraph(
                    "<p>Las páginas se pueden recorrer con el teclado, funcionan sin JavaScript, admiten "
                    "ampliar el texto al 200 % y ofrecen textos alternativos para las imágenes. Si "
                    "encuentra una barrera, cuéntenos por los canales de contacto y la corregiremos.</p>"
                    "<p>Cada cambio del portal pasa una revisión automática (axe-core) de los criterios de "
                    "nivel A y AA de las WCAG 2.0 y 2.1 en cada tipo de página, en español y en inglés, en "
                    "pantallas de teléfono y de escritorio, y una prueba usa la búsqueda del registro solo con "
                    "el teclado. Una revisión automática no encuentra todas las barreras. La documentación "
                    "interactiva de la API necesita JavaScript; su esquema OpenAPI se descarga sin él.</p>"
                ),
            ],
        },
        {
            "title": "Accessibility statement",
            "introduction": "The portal aims to meet level AA of the WCAG 2.1 guidelines.",
            "body": [
                paragraph(
                    "<p>Pages can be used with a keyboard, work without JavaScript, allow text to be "
                    "enlarged to 200% and give alternative text for images. If you meet a barrier, tell "
                    "us through the contact channels and we will fix it.</p>"
                    "<p>Every change to the portal passes an automated check (axe-core) of the WCAG 2.0 and "
                    "2.1 level A and AA criteria on every page type, in Spanish and in English, on phone and "
                    "desktop screens, and a test uses the register search with the keyboard alone. An "
                    "automated check does not find every barrier. The API's interactive documentation needs "
                    "JavaScript; its OpenAPI schema downloads without it.</p>"
                ),
            ],
        },
        [],
    ),
]

# The home page's hero link and highlights, by the Spanish slug of the page they point to.
HERO_LINK = "como-trabajamos"
HIGHLIGHTS = {
    "es": [
        (
            "como-trabajamos",
            "Tres líneas de acción y un ciclo de cuatro momentos para la acción internacional.",
        ),
        ("sistema-distrital-de-cooperacion", "Cómo se articulan las entidades del Distrito para cooperar."),
        ("asistencia-tecnica", "Acompañamiento a las entidades, con respuesta en diez días hábiles."),
    ],
    "en": [
        (
            "como-trabajamos",
            "Three lines of action and a four-stage cycle for the city's international work.",
        ),
        ("sistema-distrital-de-cooperacion", "How the District's entities work together on cooperation."),
        ("asistencia-tecnica", "Support for entities, answered within ten working days."),
    ],
}

FOOTER = {
    "es": {
        "heading": "Oficina Consejería Distrital de Relaciones Internacionales",
        "address": "Carrera 8 n.º 10-65, Bogotá D.C. (dirección de demostración)",
        "phone": "+57 601 000 0000",
        "email": "internacional@bogota-internacional.example",
        "office_hours": "Lunes a viernes, 7:00 a. m. a 4:30 p. m.",
    },
    "en": {
        "heading": "Office of International Relations of Bogotá",
        "address": "Carrera 8 No. 10-65, Bogotá D.C. (demo address)",
        "phone": "+57 601 000 0000",
        "email": "internacional@bogota-internacional.example",
        "office_hours": "Monday to Friday, 7:00 a.m. to 4:30 p.m.",
    },
}


# News, events and publications: (es slug, en slug, shared fields, es fields, en fields). Dates are
# relative to the day the demo is loaded, so some events are always ahead and some behind.
NEWS_INDEX = (
    "noticias",
    "news",
    {
        "title": "Noticias, eventos y publicaciones",
        "introduction": (
            "Lo que pasa en la acción internacional del Distrito: sus noticias, los eventos a los que "
            "puede asistir y los documentos que publicamos."
        ),
        "search_description": "Noticias, eventos y publicaciones sobre la internacionalización de Bogotá.",
    },
    {
        "title": "News, events and publications",
        "introduction": (
            "What is happening in the District's international work: news, events you can attend and "
            "the documents we publish."
        ),
        "search_description": "News, events and publications on Bogotá's internationalisation.",
    },
)

NEWS = [
    (
        "mesa-internacionalizacion-sesion-trimestral",
        "internationalisation-board-quarterly-session",
        {"days_ago": 6, "image": ("Mesa para la Internacionalización", "#a3101c")},
        {
            "title": "La Mesa para la Internacionalización revisa los avances de sus mesas temáticas",
            "introduction": (
                "En su sesión trimestral, el espacio público-privado que orienta la internacionalización "
                "de la ciudad repasó el trabajo de sus seis mesas temáticas y de sus tres ejes transversales."
            ),
            "image_alt": "Tarjeta roja con el nombre de la Mesa para la Internacionalización de Bogotá.",
            "body": [
                paragraph(
                    "<p>La Mesa reúne cuatro veces al año a la administración distrital con representantes "
                    "de las empresas, la academia, la cultura y las organizaciones sociales. En esta sesión, "
                    "cada mesa temática presentó los compromisos que lleva a cabo y las entidades del "
                    "Distrito que la lideran contaron qué apoyos necesitan.</p>"
                ),
                paragraph(
                    "<p>Los participantes coincidieron en que atraer inversión, talento y turismo exige "
                    "hablar con una sola voz ante los aliados internacionales, y acordaron reforzar el "
                    "seguimiento a las agendas globales de desarrollo.</p>"
                ),
            ],
        },
        {
            "title": "The Internationalisation Board reviews its thematic tables' progress",
            "introduction": (
                "At its quarterly session, the public-private forum that guides the city's "
                "internationalisation went over the work of its six thematic tables and three "
                "transversal axes."
            ),
            "image_alt": "Red card with the name of the Bogotá Internationalisation Board.",
            "body": [
                paragraph(
                    "<p>The Board brings the District administration together four times a year with "
                    "representatives of business, universities, culture and civil society. At this "
                    "session each thematic table presented its commitments, and the District entities "
                    "that lead them explained the support they need.</p>"
                ),
                paragraph(
                    "<p>Participants agreed that attracting investment, talent and tourism requires "
                    "speaking with one voice to international partners, and decided to follow the global "
                    "development agendas more closely.</p>"
                ),
            ],
        },
    ),
    (
        "sectores-presentan-prioridades",
        "sectors-submit-priorities",
        {"days_ago": 24, "image": ("Prioridades de internacionalización", "#1f2937")},
        {
            "title": "Los sectores del Distrito presentan sus prioridades de internacionalización",
            "introduction": (
                "Como cada primer trimestre, los sectores de la administración distrital entregaron el "
                "plan con las necesidades que quieren atender con apoyo internacional este año."
            ),
            "image_alt": "Tarjeta gris oscuro con el texto «Prioridades de internacionalización».",
            "body": [
                paragraph(
                    "<p>Con esos planes, el enlace de la Consejería asignado a cada sector analiza los "
                    "temas estratégicos y prepara con él un plan de acción para el año. Así la búsqueda de "
                    "aliados parte de lo que la ciudad necesita y no de ofertas sueltas.</p>"
                ),
                {
                    "type": "records",
                    "value": {
                        "title": "Acciones de cooperación en educación",
                        "words": "educación",
                        "type": [],
                        "partner_type": [],
                        "sdg": [],
                        "status": [],
                        "year_from": None,
                        "year_to": None,
                        "limit": 3,
                    },
                },
            ],
        },
        {
            "title": "District sectors submit their internationalisation priorities",
            "introduction": (
                "As every first quarter, the sectors of the District administration handed in the plan "
                "with the needs they want to meet with international support this year."
            ),
            "image_alt": "Dark grey card with the words “Internationalisation priorities”.",
            "body": [
                paragraph(
                    "<p>With those plans, the Office's liaison for each sector analyses the strategic "
                    "topics and agrees with the sector on an action plan for the year. The search for "
                    "partners thus starts from what the city needs, not from one-off offers.</p>"
                ),
                {
                    "type": "records",
                    "value": {
                        "title": "Cooperation actions in education",
                        "words": "educación",
                        "type": [],
                        "partner_type": [],
                        "sdg": [],
                        "status": [],
                        "year_from": None,
                        "year_to": None,
                        "limit": 3,
                    },
                },
            ],
        },
    ),
    (
        "globo-sistema-de-informacion",
        "globo-information-system",
        {"days_ago": 45, "image": None},
        {
            "title": "GLOBO, el sistema que ordena la información internacional de Bogotá",
            "introduction": (
                "El sistema de información Bogotá Global reemplazó las hojas de cálculo compartidas a mano "
                "y hoy es la fuente de datos de la acción internacional del Distrito."
            ),
            "image_alt": "",
            "body": [
                paragraph(
                    "<p>Antes, cada acción de internacionalización se anotaba en tablas que circulaban por "
                    "correo, sin una base de datos detrás. GLOBO centraliza el registro, deja rastro de cada "
                    "cambio y permite consultar y visualizar los datos para decidir con evidencia.</p>"
                ),
                paragraph(
                    "<p>Su arquitectura está documentada para que otras entidades territoriales puedan "
                    "adaptarla, y sus datos abiertos acercan la gestión internacional a la ciudadanía.</p>"
                ),
            ],
        },
        {
            "title": "GLOBO, the system that organises Bogotá's international information",
            "introduction": (
                "The Bogotá Global information system replaced spreadsheets shared by hand and is now the "
                "data source for the District's international action."
            ),
            "image_alt": "",
            "body": [
                paragraph(
                    "<p>Each internationalisation action used to be noted in tables that travelled by "
                    "e-mail, with no database behind them. GLOBO centralises the record, keeps a trail of "
                    "every change and lets staff query and chart the data to decide on evidence.</p>"
                ),
                paragraph(
                    "<p>Its architecture is documented so that other local governments can adapt it, and "
                    "its open data brings the city's international work closer to its citizens.</p>"
                ),
            ],
        },
    ),
    (
        "asesoria-redes-de-ciudades",
        "advice-on-city-networks",
        {"days_ago": 80, "image": ("Redes de ciudades", "#7a0c15")},
        {
            "title": "Entidades del Distrito reciben asesoría para sumarse a redes de ciudades",
            "introduction": (
                "La Consejería acompañó a varias entidades en la preparación de memorandos de "
                "entendimiento, cartas de intención y solicitudes de adhesión a redes internacionales."
            ),
            "image_alt": "Tarjeta vino tinto con el texto «Redes de ciudades».",
            "body": [
                paragraph(
                    "<p>Cuando una entidad identifica la necesidad de firmar un instrumento internacional, "
                    "la Consejería emite un concepto técnico y acompaña la revisión jurídica de los "
                    "documentos que suscribe la Alcaldía Mayor. Las redes de ciudades permiten intercambiar "
                    "experiencias y posicionar a Bogotá en las agendas globales.</p>"
                ),
            ],
        },
        {
            "title": "District entities get advice on joining city networks",
            "introduction": (
                "The Office supported several entities in preparing memoranda of understanding, letters "
                "of intent and applications to join international networks."
            ),
            "image_alt": "Burgundy card with the words “City networks”.",
            "body": [
                paragraph(
                    "<p>When an entity needs to sign an international instrument, the Office issues a "
                    "technical opinion and supports the legal review of the documents the Mayor signs. "
                    "City networks let Bogotá share experience and take part in global agendas.</p>"
                ),
            ],
        },
    ),
]

EVENTS = [
    (
        "sesion-mesa-internacionalizacion",
        "internationalisation-board-session",
        {
            "days_ahead": 21,
            "hours": (9, 12),
            "place": "Sede de la Secretaría General",
            "address": "Carrera 8 n.º 10-65, Bogotá D.C. (dirección de demostración)",
            "online_url": "",
            "registration_url": "",
        },
        {
            "title": "Sesión de la Mesa para la Internacionalización de Bogotá",
            "introduction": (
                "Sesión trimestral del espacio público-privado que define la estrategia de "
                "internacionalización de la ciudad."
            ),
            "registration_instructions": (
                "Asisten los integrantes permanentes de la Mesa y los observadores invitados. Si su "
                "organización quiere participar, escríbanos por los canales de contacto del pie de página."
            ),
            "body": [],
        },
        {
            "title": "Session of the Bogotá Internationalisation Board",
            "introduction": (
                "Quarterly session of the public-private forum that sets the city's internationalisation "
                "strategy."
            ),
            "registration_instructions": (
                "The Board's permanent members and invited observers attend. If your organisation would "
                "like to take part, write to us through the contact channels at the foot of the page."
            ),
            "body": [],
        },
    ),
    (
        "jornada-redes-de-ciudades",
        "city-networks-session",
        {
            "days_ahead": 38,
            "hours": (14, 16),
            "place": "",
            "address": "",
            "online_url": "https://bogota-internacional.example/transmision/redes",
            "registration_url": "https://bogota-internacional.example/inscripcion/redes",
        },
        {
            "title": "Jornada virtual: cómo sumarse a una red internacional de ciudades",
            "introduction": (
                "Una jornada de promoción para las entidades del Distrito sobre los pasos, los "
                "instrumentos y los compromisos de adherirse a una red de ciudades."
            ),
            "registration_instructions": "Dirigida a los enlaces de relaciones internacionales de cada entidad.",
            "body": [],
        },
        {
            "title": "Online session: how to join an international city network",
            "introduction": (
                "A promotion session for District entities on the steps, instruments and commitments of "
                "joining a city network."
            ),
            "registration_instructions": "For each entity's international-relations liaison.",
            "body": [],
        },
    ),
    (
        "taller-plan-de-prioridades",
        "priorities-plan-workshop",
        {
            "days_ahead": -30,
            "hours": (8, 11),
            "place": "Sede de la Secretaría General",
            "address": "Carrera 8 n.º 10-65, Bogotá D.C. (dirección de demostración)",
            "online_url": "https://bogota-internacional.example/transmision/prioridades",
            "registration_url": "",
        },
        {
            "title": "Taller para enlaces: el plan de prioridades de internacionalización",
            "introduction": (
                "Un taller práctico para que los enlaces sectoriales diligencien el plan de prioridades "
                "que se entrega en el primer trimestre."
            ),
            "registration_instructions": "",
            "body": [],
        },
        {
            "title": "Workshop for liaisons: the internationalisation priorities plan",
            "introduction": (
                "A hands-on workshop to help sector liaisons fill in the priorities plan submitted in the "
                "first quarter."
            ),
            "registration_instructions": "",
            "body": [],
        },
    ),
]

PUBLICATIONS = [
    (
        "lineamiento-asistencia-tecnica",
        "technical-assistance-guidelines",
        {"year": 2025, "publication_language": "es", "colour": "#a3101c"},
        {
            "title": "Lineamiento de asistencia técnica en relaciones internacionales",
            "summary": (
                "Cómo pueden las entidades del Distrito pedir acompañamiento en relacionamiento, "
                "cooperación y posicionamiento internacional: modalidades (conceptos escritos, visitas, "
                "jornadas de promoción y asesoría en instrumentos internacionales), plazos de respuesta y "
                "el papel de los enlaces sectoriales."
            ),
            "image_alt": "Portada roja del lineamiento de asistencia técnica.",
        },
        {
            "title": "Guidelines for technical assistance on international relations",
            "summary": (
                "How District entities can ask for support on international relations, cooperation and "
                "positioning: the forms it takes (written opinions, visits, promotion sessions and advice "
                "on international instruments), response times and the role of sector liaisons. The "
                "document is in Spanish."
            ),
            "image_alt": "Red cover of the technical assistance guidelines.",
        },
    ),
    (
        "sistema-distrital-de-cooperacion-documento",
        "district-cooperation-system-paper",
        {"year": 2024, "publication_language": "es", "colour": "#1f2937"},
        {
            "title": "El Sistema Distrital de Cooperación: corresponsabilidad y trabajo en red",
            "summary": (
                "Presenta el mecanismo que articula a los sectores, las entidades y las alcaldías locales "
                "para gestionar la cooperación de forma coordinada: sus instancias, sus roles y las "
                "herramientas para compartir información."
            ),
            "image_alt": "Portada gris oscuro del documento sobre el Sistema Distrital de Cooperación.",
        },
        {
            "title": "The District Cooperation System: shared responsibility and networking",
            "summary": (
                "Describes the mechanism that brings sectors, entities and local mayoralties together to "
                "manage cooperation in a coordinated way: its bodies, roles and information-sharing "
                "tools. The document is in Spanish."
            ),
            "image_alt": "Dark grey cover of the paper on the District Cooperation System.",
        },
    ),
    (
        "mesa-internacionalizacion-en-breve",
        "internationalisation-board-at-a-glance",
        {"year": 2025, "publication_language": "mul", "colour": "#7a0c15"},
        {
            "title": "La Mesa para la Internacionalización en breve",
            "summary": (
                "Una ficha bilingüe sobre quién integra la Mesa, cada cuánto se reúne, qué acciones "
                "impulsa y cómo se organizan sus mesas temáticas y ejes transversales."
            ),
            "image_alt": "Portada vino tinto de la ficha sobre la Mesa para la Internacionalización.",
        },
        {
            "title": "The Internationalisation Board at a glance",
            "summary": (
                "A bilingual factsheet on who sits on the Board, how often it meets, what it drives and "
                "how its thematic tables and transversal axes are organised."
            ),
            "image_alt": "Burgundy cover of the factsheet on the Internationalisation Board.",
        },
    ),
]


def _assign(page, fields):
    for name, value in fields.items():
        setattr(page, name, json.dumps(value) if name == "body" else value)


def publish_page(page):
    page.save_revision().publish()


def ensure_translation(page, locale, slug, fields, command):
    """The page's translation in `locale`, built with its own slug under the translated parent."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    parent = page.get_parent()
    if not parent.is_root():
        parent = parent.get_translation(locale)
    translation = type(page)(
        locale=locale,
        translation_key=page.translation_key,
        slug=slug,
        show_in_menus=page.show_in_menus,
    )
    _assign(translation, fields)
    parent.add_child(instance=translation)
    publish_page(translation)
    command.created(f"{locale.language_code}: {translation.title}")
    return translation


def ensure_locales():
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    return spanish, english


def ensure_home(spanish, english, command):
    """The Spanish home page and its translation; says whether this run created the Spanish one."""
    home = HomePage.objects.filter(locale=spanish).first()
    created = home is None
    if created:
        root = Page.get_first_root_node()
        home = HomePage(slug="inicio", locale=spanish, **{k: v for k, v in HOME["es"].items() if k != "body"})
        home.body = json.dumps(HOME["es"]["body"])
        root.add_child(instance=home)
        publish_page(home)
        command.created(f"es: {home.title}")
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if site.root_page_id != home.pk:
        # A site still pointing at Wagtail's stub gets the portal's home and the demo's address.
        stock_welcome = site.root_page if site.pk else None
        base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = base_url.hostname
        site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
        site.root_page = home
        site.site_name = "Bogotá Internacional"
        site.save()
        # Wagtail's first migration leaves a "Welcome" page; remove it only if it is still that stub.
        if (
            stock_welcome is not None
            and stock_welcome.specific_class is Page
            and not stock_welcome.get_children().exists()
        ):
            stock_welcome.delete()
    ensure_translation(home, english, "home", HOME["en"], command)
    return home, created


def feature_pages(home, english):
    """Point the new home pages' hero link and highlights at the institutional pages."""
    sections = {page.slug: page for page in home.get_children().specific()}
    for language, page in (("es", home), ("en", home.get_translation(english).specific)):
        page.hero_link = sections[HERO_LINK]
        page.highlights = json.dumps(
            [
                {
                    "type": "highlight",
                    "value": {"page": sections[slug].pk, "title": "", "summary": summary, "image": None},
                }
                for slug, summary in HIGHLIGHTS[language]
            ]
        )
        publish_page(page)


def ensure_pages(parent, specs, english, command):
    for es_slug, en_slug, in_menu, es_fields, en_fields, children in specs:
        page = parent.get_children().filter(slug=es_slug).first()
        if page is None:
            page = StandardPage(slug=es_slug, show_in_menus=in_menu)
            _assign(page, es_fields)
            parent.add_child(instance=page)
            publish_page(page)
            command.created(f"es: {page.title}")
        page = page.specific
        ensure_translation(page, english, en_slug, en_fields, command)
        ensure_pages(page, children, english, command)


def ensure_footer(spanish, english, home, command):
    footer = Footer.objects.filter(locale=spanish).first()
    if footer is None:
        pages = {p.slug: p for p in home.get_children().specific()}
        footer = Footer(
            locale=spanish,
            privacy_page=pages.get("politica-de-privacidad"),
            terms_page=pages.get("terminos-y-condiciones"),
            accessibility_page=pages.get("declaracion-de-accesibilidad"),
            **FOOTER["es"],
        )
        footer.save()
        command.created("es: pie de página")
    if footer.get_translation_or_none(english) is None:
        translation = footer.copy_for_translation(english)
        for name, value in FOOTER["en"].items():
            setattr(translation, name, value)
        translation.save()
        command.created("en: footer")


def ensure_demo_users(command):
    """One user per role; the groups and their permissions are the apps' own (see cooperacion.roles)."""
    User = get_user_model()
    for username, password, group_name, first_name, last_name in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        user = User.objects.create_user(
            username=username,
            password=password,
            email=f"{username}@bogota-internacional.example",
            first_name=first_name,
            last_name=last_name,
            is_staff=group_name is None,
            is_superuser=group_name is None,
        )
        if group_name:
            user.groups.add(Group.objects.get_or_create(name=group_name)[0])
        command.created(f"usuario {username}")


def _font(size):
    """A system font with accents if there is one; Pillow's own otherwise (then accents are dropped)."""
    for name in ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"):
        try:
            return ImageFont.truetype(name, size), str
        except OSError:
            continue
    return ImageFont.load_default(size=size), _without_accents


def _without_accents(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _write(draw, position, text, size, width, fill, spacing=8):
    font, fold = _font(size)
    draw.multiline_text(position, textwrap.fill(fold(text), width), fill=fill, font=font, spacing=spacing)


def _demo_image(title, colour, size=(1200, 675)):
    """A plain card with the title written on it, generated once (found again by its title)."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        canvas = PillowImage.new("RGB", size, colour)
        draw = ImageDraw.Draw(canvas)
        draw.rectangle((0, 0, size[0], 24), fill="#fcd116")
        _write(draw, (size[0] // 16, 96), title, size[0] // 18, 22, "#ffffff", spacing=size[0] // 60)
        buffer = BytesIO()
        canvas.save(buffer, "PNG")
        image = Image(title=title, file=ImageFile(buffer, name=f"{slugify(title)[:80]}.png"))
        image.save()
    return image


def _demo_document(title, summary):
    """A one-page PDF (drawn with Pillow) saying what it is: a demonstration document."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        page = PillowImage.new("RGB", (827, 1169), "#ffffff")
        draw = ImageDraw.Draw(page)
        draw.rectangle((0, 0, 827, 16), fill="#fcd116")
        _write(draw, (64, 80), title, 30, 40, "#1f2937")
        _write(draw, (64, 320), summary, 18, 70, "#1f2937")
        _write(draw, (64, 1080), "Documento de demostración · Bogotá Internacional", 16, 80, "#4b5563")
        buffer = BytesIO()
        page.save(buffer, "PDF", resolution=100.0)
        document = Document(
            title=title, file=ContentFile(buffer.getvalue(), name=f"{slugify(title)[:80]}.pdf")
        )
        document._set_document_file_metadata()
        document.save()
    return document


def _ensure_item(index, english, model, es_slug, en_slug, build, en_fields, command):
    """One news item, event or publication and its translation; `build()` gives the Spanish fields
    and those both languages share, and runs only when the Spanish page is missing."""
    page = index.get_children().filter(slug=es_slug).first()
    if page is None:
        es_fields, shared = build()
        page = model(slug=es_slug)
        _assign(page, {**shared, **es_fields})
        index.add_child(instance=page)
        publish_page(page)
        command.created(f"es: {page.title}")
    page = page.specific
    shared = {
        name: getattr(page, name)
        for name in (
            "image",
            "date",
            "start_at",
            "end_at",
            "place",
            "address",
            "online_url",
            "registration_url",
            "document",
            "year",
            "publication_language",
        )
        if hasattr(page, name)
    }
    ensure_translation(page, english, en_slug, {**shared, **en_fields}, command)


def ensure_news(home, english, command):
    """The news section of each language with a few news items, events and publications."""
    es_slug, en_slug, es_fields, en_fields = NEWS_INDEX
    index = home.get_children().type(NewsIndexPage).first()
    if index is None:
        index = NewsIndexPage(slug=es_slug, show_in_menus=True)
        _assign(index, es_fields)
        home.add_child(instance=index)
        publish_page(index)
        command.created(f"es: {index.title}")
    index = index.specific
    ensure_translation(index, english, en_slug, en_fields, command)

    today = timezone.localdate()
    bogota = ZoneInfo(settings.TIME_ZONE)

    for es_slug, en_slug, facts, es, en in NEWS:

        def build(facts=facts, es=es):
            image = _demo_image(*facts["image"]) if facts["image"] else None
            return es, {"date": today - timedelta(days=facts["days_ago"]), "image": image}

        _ensure_item(index, english, NewsPage, es_slug, en_slug, build, en, command)

    for es_slug, en_slug, facts, es, en in EVENTS:

        def build(facts=facts, es=es):
            day = today + timedelta(days=facts["days_ahead"])
            start, end = (datetime.combine(day, time(hour), tzinfo=bogota) for hour in facts["hours"])
            where = {key: facts[key] for key in ("place", "address", "online_url", "registration_url")}
            return es, {"start_at": start, "end_at": end, **where}

        _ensure_item(index, english, EventPage, es_slug, en_slug, build, en, command)

    for es_slug, en_slug, facts, es, en in PUBLICATIONS:

        def build(facts=facts, es=es):
            cover = _demo_image(es["title"], facts["colour"], size=(600, 848))
            document = _demo_document(es["title"], es["summary"])
            shared = {"year": facts["year"], "publication_language": facts["publication_language"]}
            return es, {"image": cover, "document": document, **shared}

        _ensure_item(index, english, PublicationPage, es_slug, en_slug, build, en, command)


def load(command):
    spanish, english = ensure_locales()
    home, created = ensure_home(spanish, english, command)
    ensure_pages(home, PAGES, english, command)
    if created:
        feature_pages(home, english)
    ensure_footer(spanish, english, home, command)
    ensure_news(home, english, command)
    from .demo_transparency import ensure_transparency  # it builds on this module's helpers

    ensure_transparency(home, english, command)
    if command.create_demo_users:
        ensure_demo_users(command)
