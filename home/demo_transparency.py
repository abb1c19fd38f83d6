"""Demo content of the transparency section: the whole national menu in Spanish and English, each
item answered for the office, in our own words.

The office is a unit of the Secretaría General de la Alcaldía Mayor, not an entity with its own
legal personality, budget or procurement. So an item "applies" when information on the office's
work exists, published here or by the Secretaría General (linked); it "does not apply" when the
obligation concerns something neither the office nor its work involves (procedures for the
public, local taxes…), and then the reason cites the rule. Legal citations are the demo's
reading of the rules and should be checked by the office's legal team before going live.

Pages are found again by number, so running it twice creates nothing new and changes nothing.
"""

import json
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import slugify

from .demo import ensure_translation, paragraph, publish_page
from .models import TransparencyCategoryPage, TransparencyIndexPage, TransparencyItemPage
from .transparency_items import CATEGORIES

SECRETARIA_GENERAL = "https://secretariageneral.gov.co/"
SECOP = "https://www.colombiacompra.gov.co/secop-ii"
BOGOTA_TE_ESCUCHA = "https://bogota.gov.co/sdqs/"
REGIMEN_LEGAL = "https://www.alcaldiabogota.gov.co/sisjur/"

INDEX = {
    "es": {
        "title": "Transparencia y acceso a la información pública",
        "introduction": (
            "La información que la Ley 1712 de 2014 ordena publicar, en el orden del menú nacional. La "
            "Consejería es una dependencia de la Secretaría General de la Alcaldía Mayor: lo que es de "
            "toda la entidad, como el presupuesto o la contratación, lo publica la Secretaría General y "
            "aquí lo enlazamos; lo que no corresponde a la Consejería lo decimos, con su fundamento."
        ),
        "search_description": (
            "Menú de transparencia de la Consejería de Relaciones Internacionales de Bogotá (Ley 1712 "
            "de 2014)."
        ),
    },
    "en": {
        "title": "Transparency and access to public information",
        "introduction": (
            "The information that Law 1712 of 2014 requires us to publish, in the order of Colombia's "
            "national menu. The Office is a unit of the General Secretariat of the Mayor's Office: what "
            "belongs to the whole entity, such as its budget or procurement, is published by the General "
            "Secretariat and linked from here; what does not concern the Office is stated, with its "
            "legal basis."
        ),
        "search_description": (
            "Transparency menu of Bogotá's Office of International Relations (Law 1712 of 2014)."
        ),
    },
}

CATEGORY_INTRODUCTIONS = {
    "1": (
        "Quiénes somos, cómo estamos organizados, cómo trabajamos y por qué canales atendemos.",
        "Who we are, how we are organised, how we work and how to reach us.",
    ),
    "2": (
        "Las normas que fijan las funciones de la Consejería y dónde consultarlas.",
        "The rules that set the Office's functions and where to read them.",
    ),
    "3": (
        "La contratación la adelanta la Secretaría General para todas sus dependencias.",
        "The General Secretariat carries out procurement for all of its units.",
    ),
    "4": (
        "Planes, presupuesto e informes de la gestión internacional del Distrito.",
        "Plans, budget and reports on the District's international work.",
    ),
    "5": (
        "Los trámites y otros procedimientos que la ciudadanía puede adelantar ante la entidad.",
        "Procedures the public can carry out with the entity.",
    ),
    "6": (
        "Los espacios en los que la ciudadanía, las entidades y los aliados participan en la acción "
        "internacional de Bogotá.",
        "Where citizens, entities and partners take part in Bogotá's international action.",
    ),
    "7": (
        "El registro de cooperación en formatos abiertos y los instrumentos de gestión de la información.",
        "The cooperation register in open formats and the information management instruments.",
    ),
    "8": (
        "Información pensada para grupos con necesidades o intereses particulares.",
        "Information for groups with particular needs or interests.",
    ),
    "9": (
        "Los informes que normas especiales ordenan a la Consejería.",
        "The reports that specific rules require from the Office.",
    ),
    "10": (
        "La información tributaria que publican las entidades territoriales.",
        "The tax information that local governments publish.",
    ),
}


@dataclass
class Link:
    """A link in both languages: to a page of the home app's demo (by its Spanish slug), or to an
    address (a path of this portal per language, or an external address)."""

    title: tuple[str, str]
    description: tuple[str, str] = ("", "")
    url: tuple[str, str] | None = None
    page: str = ""


@dataclass
class Applies:
    body: tuple[str, str]
    links: list[Link] = field(default_factory=list)


@dataclass
class NotApplicable:
    reason: tuple[str, str]
    legal_basis: tuple[str, str]


def external(url, title, description=("", "")):
    return Link(title=title, description=description, url=(url, url))


def secretaria_general(title, description):
    return external(SECRETARIA_GENERAL, title, description)


def secop(description):
    return external(SECOP, ("SECOP II", "SECOP II"), description)


NO_PROCEDURES = NotApplicable(
    (
        "La Consejería no tiene trámites ni otros procedimientos administrativos a cargo de la "
        "ciudadanía: su servicio es la asistencia técnica a las entidades del Distrito, que se pide "
        "sin formularios ni costo. Los trámites de la Secretaría General están inscritos en el "
        "Sistema Único de Información de Trámites (SUIT) y en la Guía de Trámites y Servicios de "
        "Bogotá.",
        "The Office has no procedures for the public: its service is technical assistance to District "
        "entities, requested without forms or fees. The General Secretariat's procedures are listed in "
        "the national procedures register (SUIT) and in Bogotá's guide to procedures and services.",
    ),
    (
        "Ley 1712 de 2014, artículo 11, literal b); Ley 962 de 2005 y Decreto Ley 019 de 2012 "
        "(inscripción de trámites en el SUIT).",
        "Ley 1712 de 2014, article 11(b); Ley 962 de 2005 and Decreto Ley 019 de 2012 (registration of "
        "procedures in the SUIT).",
    ),
)

NO_LOCAL_TAXES = NotApplicable(
    (
        "La Consejería no administra tributos. En Bogotá los impuestos distritales, incluido el de "
        "Industria y Comercio, los administra la Secretaría Distrital de Hacienda, que publica sus "
        "procesos de recaudo y sus tarifas.",
        "The Office does not manage taxes. In Bogotá, District taxes, including the Industry and "
        "Commerce Tax, are managed by the District Treasury, which publishes its collection processes "
        "and rates.",
    ),
    (
        "Resolución MinTIC 1519 de 2020, anexo 2, numeral 10 (entidades territoriales que administran "
        "tributos); Decreto Distrital 601 de 2014 (funciones de la Secretaría Distrital de Hacienda).",
        "Resolución MinTIC 1519 de 2020, annex 2, section 10 (local governments that manage taxes); "
        "Decreto Distrital 601 de 2014 (functions of the District Treasury).",
    ),
)

# The office's answer to each item of home.transparency_items, by number.
ANSWERS = {
    "1.1": Applies(
        (
            "<p><b>Misión.</b> Facilitar la cooperación, el relacionamiento y el posicionamiento "
            "internacional de Bogotá: movilizar recursos técnicos y financieros, construir alianzas "
            "estratégicas y proyectar a la ciudad como referente global, en favor del Plan Distrital de "
            "Desarrollo y de la Agenda 2030.</p>"
            "<p><b>Visión.</b> Que la acción internacional de todas las entidades del Distrito sea "
            "coordinada, medible y pública.</p>"
            "<p><b>Funciones.</b> Liderar y coordinar la acción internacional de la Alcaldía Mayor; "
            "orientar a los sectores del Distrito en sus programas y proyectos internacionales; dar "
            "lineamientos para la participación de la ciudad en organismos, fondos y redes "
            "internacionales; y hacer seguimiento a las alianzas y a sus resultados.</p>",
            "<p><b>Mission.</b> To facilitate Bogotá's international cooperation, relationships and "
            "positioning: mobilising technical and financial resources, building strategic partnerships "
            "and projecting the city as a global reference, in support of the District Development Plan "
            "and the 2030 Agenda.</p>"
            "<p><b>Vision.</b> International action by every District entity that is coordinated, "
            "measurable and public.</p>"
            "<p><b>Functions.</b> To lead and coordinate the international action of the Mayor's Office; "
            "to guide the District's sectors in their international programmes and projects; to set "
            "guidelines for the city's participation in international organisations, funds and networks; "
            "and to follow up partnerships and their results.</p>",
        ),
        [
            Link(
                page="como-trabajamos",
                title=("Cómo trabajamos", "How we work"),
                description=(
                    "Las líneas de acción y el ciclo de la gestión internacional.",
                    "The lines of action and the cycle of international work.",
                ),
            )
        ],
    ),
    "1.2": Applies(
        (
            "<p>La Consejería es una oficina de la Secretaría General de la Alcaldía Mayor de Bogotá, "
            "cuya estructura fija el Decreto Distrital 140 de 2021 y sus modificaciones. Su equipo se "
            "organiza por dimensiones de trabajo (cooperación, relacionamiento y posicionamiento) y por "
            "enlaces sectoriales con las entidades del Distrito.</p>",
            "<p>The Office is a unit of the General Secretariat of the Mayor's Office of Bogotá, whose "
            "structure is set by District Decree 140 of 2021 and its amendments. Its team is organised "
            "by line of work (cooperation, relationships and positioning) and by liaisons with each "
            "sector of the District.</p>",
        ),
        [
            secretaria_general(
                ("Organigrama de la Secretaría General", "Organisation chart of the General Secretariat"),
                (
                    "Muestra el lugar de la Consejería en la estructura de la entidad.",
                    "Shows where the Office sits in the entity's structure.",
                ),
            )
        ],
    ),
    "1.3": Applies(
        (
            "<p>La Consejería lidera el proceso estratégico «Gestión de alianzas e internacionalización "
            "de Bogotá» del mapa de procesos de la Secretaría General. El proceso identifica con los "
            "sectores sus prioridades, gestiona alianzas, acompaña su ejecución y, con autorización de "
            "los aliados, visibiliza sus resultados.</p>",
            '<p>The Office leads the strategic process "Partnership management and internationalisation '
            "of Bogotá\" in the General Secretariat's process map. The process identifies priorities with "
            "the sectors, builds partnerships, supports their delivery and, with the partners' "
            "authorisation, makes their results known.</p>",
        ),
        [
            secretaria_general(
                ("Mapa de procesos de la Secretaría General", "Process map of the General Secretariat"),
                (
                    "Las caracterizaciones de todos los procesos de la entidad.",
                    "The description of every process of the entity.",
                ),
            )
        ],
    ),
    "1.4": Applies(
        (
            "<p>La Consejería atiende en la sede de la Secretaría General. La dirección, el teléfono, "
            "el correo y el horario de atención están en el pie de cada página de este portal.</p>",
            "<p>The Office works from the General Secretariat's premises. The address, phone number, "
            "e-mail and opening hours are in the footer of every page of this portal.</p>",
        ),
        [
            secretaria_general(
                (
                    "Sedes y dependencias de la Secretaría General",
                    "Premises and units of the General Secretariat",
                ),
                ("El directorio institucional de la entidad.", "The entity's institutional directory."),
            )
        ],
    ),
    "1.5": Applies(
        (
            "<p>Los servidores y contratistas de la Consejería hacen parte de la planta y de los "
            "contratos de la Secretaría General, que publica su directorio con cargo, dependencia, "
            "formación, experiencia y escala salarial, u honorarios en el caso de los contratistas.</p>",
            "<p>The Office's staff and contractors belong to the General Secretariat's workforce and "
            "contracts. The Secretariat publishes their directory with position, unit, education, "
            "experience and salary band, or fees for contractors.</p>",
        ),
        [
            secretaria_general(
                ("Directorio de servidores y contratistas", "Directory of staff and contractors"),
                (
                    "Publicado por la Secretaría General para todas sus dependencias.",
                    "Published by the General Secretariat for all of its units.",
                ),
            )
        ],
    ),
    "1.6": Applies(
        (
            "<p>La Consejería trabaja con las entidades del Distrito organizadas en el Sistema Distrital "
            "de Cooperación. El buscador del registro de cooperación permite filtrar las acciones por "
            "entidad y por sector.</p>",
            "<p>The Office works with the District's entities, brought together in the District "
            "Cooperation System. The cooperation register search filters actions by entity and by "
            "sector.</p>",
        ),
        [
            Link(
                page="sistema-distrital-de-cooperacion",
                title=("Sistema Distrital de Cooperación", "District Cooperation System"),
                description=(
                    "Las entidades que lo integran y sus instancias.",
                    "The entities that take part and its bodies.",
                ),
            ),
            Link(
                url=("/es/cooperacion/buscar/", "/en/cooperation/search/"),
                title=("Registro de cooperación por entidad", "Cooperation register by entity"),
            ),
        ],
    ),
    "1.7": Applies(
        (
            "<p>Los aliados de la cooperación (gobiernos, organismos multilaterales, redes de ciudades, "
            "academia, empresas y organizaciones sociales) aparecen en el registro de cooperación con su "
            "tipo y país, cuando autorizan publicar la alianza. Los gremios y organizaciones de la Mesa "
            "para la Internacionalización de Bogotá se presentan en su página.</p>",
            "<p>Cooperation partners (governments, multilateral organisations, city networks, universities, "
            "companies and civil society) appear in the cooperation register with their type and country "
            "when they authorise publishing the partnership. The business and civic organisations of the "
            "Bogotá Internationalisation Board are presented on its page.</p>",
        ),
        [
            Link(
                page="mesa-para-la-internacionalizacion",
                title=("Mesa para la Internacionalización de Bogotá", "Bogotá Internationalisation Board"),
            ),
            Link(
                url=("/es/cooperacion/buscar/", "/en/cooperation/search/"),
                title=("Registro de cooperación por aliado", "Cooperation register by partner"),
            ),
        ],
    ),
    "1.8": Applies(
        (
            "<p>La Consejería atiende a las entidades del Distrito con asistencia técnica en relaciones "
            "internacionales y responde en un plazo máximo de diez días hábiles. La ciudadanía es "
            "atendida por los canales de la Secretaría General, que publica su protocolo de atención.</p>",
            "<p>The Office serves District entities with technical assistance on international "
            "relations and answers within ten working days at most. The public is served through the "
            "General Secretariat's channels, which publishes its service protocol.</p>",
        ),
        [
            Link(
                page="asistencia-tecnica",
                title=("Asistencia técnica a las entidades", "Technical assistance for entities"),
            ),
            secretaria_general(
                ("Canales y protocolo de atención", "Service channels and protocol"),
                ("De la Secretaría General.", "Of the General Secretariat."),
            ),
        ],
    ),
    "1.9": Applies(
        (
            "<p>Las prioridades de cooperación se deciden con los sectores: cada uno presenta su plan de "
            "prioridades en el primer trimestre; el Comité Estratégico del Sistema Distrital de "
            "Cooperación fija los lineamientos, y la Consejería gestiona las alianzas con base en "
            "ellos.</p>",
            "<p>Cooperation priorities are decided with the sectors: each submits its priorities in the "
            "first quarter; the Strategic Committee of the District Cooperation System sets the "
            "guidelines, and the Office builds partnerships on that basis.</p>",
        ),
        [
            Link(
                page="como-trabajamos",
                title=("El ciclo de una acción internacional", "The life of an international action"),
            )
        ],
    ),
    "1.10": Applies(
        (
            "<p>Cualquier persona puede presentar peticiones, quejas, reclamos, sugerencias y denuncias "
            "sobre la Consejería en «Bogotá te escucha», el Sistema Distrital para la Gestión de "
            "Peticiones Ciudadanas, o por los canales de la Secretaría General. Las peticiones se "
            "responden en los plazos de la Ley 1755 de 2015.</p>",
            "<p>Anyone can file requests, complaints, claims, suggestions and reports about the Office "
            'through "Bogotá te escucha", the District system for citizen requests, or through the '
            "General Secretariat's channels. Requests are answered within the deadlines of Law 1755 of "
            "2015.</p>",
        ),
        [
            external(
                BOGOTA_TE_ESCUCHA,
                ("Bogotá te escucha", "Bogotá te escucha (in Spanish)"),
                (
                    "Sistema Distrital para la Gestión de Peticiones Ciudadanas.",
                    "The District system for citizen requests.",
                ),
            )
        ],
    ),
    "1.11": Applies(
        (
            "<p>Los eventos de la Consejería (sesiones de la Mesa para la Internacionalización, "
            "jornadas con las entidades, visitas y foros) se publican con su fecha, lugar e inscripción "
            "en la sección de noticias, que ofrece también un calendario para suscribirse.</p>",
            "<p>The Office's events (sessions of the Internationalisation Board, workshops with entities, "
            "visits and forums) are published with their date, place and registration in the news "
            "section, which also offers a calendar to subscribe to.</p>",
        ),
        [Link(page="noticias", title=("Noticias, eventos y publicaciones", "News, events and publications"))],
    ),
    "1.12": Applies(
        (
            "<p>La Consejería no expide actos administrativos de carácter general. Las decisiones de la "
            "Alcaldía Mayor y de la Secretaría General que pueden afectar al público se publican en el "
            "Registro Distrital y en el Régimen Legal de Bogotá.</p>",
            "<p>The Office does not issue general administrative acts. Decisions of the Mayor's Office and "
            "the General Secretariat that may affect the public are published in the District's official "
            "gazette and in Bogotá's legal database.</p>",
        ),
        [
            external(
                REGIMEN_LEGAL,
                ("Régimen Legal de Bogotá", "Régimen Legal de Bogotá (in Spanish)"),
                (
                    "Decretos, resoluciones y acuerdos del Distrito.",
                    "The District's decrees, resolutions and council agreements.",
                ),
            )
        ],
    ),
    "1.13": Applies(
        (
            "<ul><li><b>Concejo de Bogotá</b>: control político.</li><li><b>Contraloría de Bogotá</b>: "
            "control fiscal.</li><li><b>Personería de Bogotá</b>: control disciplinario y defensa de los "
            "derechos humanos.</li><li><b>Veeduría Distrital</b>: control preventivo y promoción del "
            "control social.</li><li><b>Procuraduría General de la Nación</b>: control disciplinario "
            "preferente.</li></ul>",
            "<ul><li><b>Bogotá City Council</b>: political oversight.</li><li><b>Bogotá Comptroller's "
            "Office</b>: fiscal oversight.</li><li><b>Bogotá Ombudsman's Office (Personería)</b>: "
            "disciplinary oversight and human rights.</li><li><b>District Oversight Office "
            "(Veeduría)</b>: preventive oversight and citizen oversight support.</li><li><b>Inspector "
            "General's Office (Procuraduría)</b>: overriding disciplinary oversight.</li></ul>",
        ),
        [
            external("https://concejodebogota.gov.co/", ("Concejo de Bogotá", "Bogotá City Council")),
            external(
                "https://www.contraloriabogota.gov.co/",
                ("Contraloría de Bogotá", "Bogotá Comptroller's Office"),
            ),
            external(
                "https://www.personeriabogota.gov.co/",
                ("Personería de Bogotá", "Bogotá Ombudsman's Office"),
            ),
            external(
                "https://www.veeduriadistrital.gov.co/",
                ("Veeduría Distrital", "District Oversight Office"),
            ),
        ],
    ),
    "1.14": Applies(
        (
            "<p>Las hojas de vida de quienes aspiran a los empleos de libre nombramiento y remoción de "
            "la Secretaría General, incluido el de jefe de la Consejería, se publican para comentarios "
            "de la ciudadanía antes de la designación.</p>",
            "<p>The CVs of candidates for the General Secretariat's appointed positions, including head "
            "of the Office, are published for public comment before the appointment.</p>",
        ),
        [
            secretaria_general(
                ("Hojas de vida de aspirantes", "Candidates' CVs"),
                ("Publicadas por la Secretaría General.", "Published by the General Secretariat."),
            )
        ],
    ),
    "2.1": Applies(
        (
            "<p>Las funciones de la Consejería las fija el Decreto Distrital 140 de 2021, que establece "
            "la estructura de la Secretaría General, con sus modificaciones. Su trabajo se enmarca en el "
            "Plan Distrital de Desarrollo, en la estrategia de internacionalización y en las normas "
            "nacionales de cooperación internacional. El normograma de la Secretaría General reúne las "
            "leyes, decretos y políticas aplicables.</p>",
            "<p>The Office's functions are set by District Decree 140 of 2021, which establishes the "
            "General Secretariat's structure, as amended. Its work follows the District Development Plan, "
            "the internationalisation strategy and the national rules on international cooperation. The "
            "General Secretariat's register of applicable rules lists the relevant laws, decrees and "
            "policies.</p>",
        ),
        [
            secretaria_general(
                ("Normograma de la Secretaría General", "Applicable rules of the General Secretariat"),
                ("Leyes, decretos y políticas que aplican a la entidad.", "Laws, decrees and policies."),
            )
        ],
    ),
    "2.2": Applies(
        (
            "<p>Las normas del Distrito se consultan en el Régimen Legal de Bogotá, que administra la "
            "Secretaría General; las nacionales, en el Sistema Único de Información Normativa "
            "(SUIN-Juriscol).</p>",
            "<p>District rules can be searched in Bogotá's legal database, run by the General "
            "Secretariat; national rules in Colombia's single legal information system "
            "(SUIN-Juriscol).</p>",
        ),
        [
            external(REGIMEN_LEGAL, ("Régimen Legal de Bogotá", "Régimen Legal de Bogotá (in Spanish)")),
            external("https://www.suin-juriscol.gov.co/", ("SUIN-Juriscol", "SUIN-Juriscol (in Spanish)")),
        ],
    ),
    "2.3": NotApplicable(
        (
            "La Consejería no expide normas de carácter general, de modo que no tiene proyectos propios "
            "para comentarios. Los proyectos de decretos y resoluciones que prepara la Secretaría General "
            "se publican para comentarios en el sitio de la entidad.",
            "The Office does not issue general rules, so it has no drafts of its own open for comment. "
            "Draft decrees and resolutions prepared by the General Secretariat are published for comment "
            "on the entity's website.",
        ),
        (
            "Ley 1437 de 2011, artículo 8, numeral 8 (a cargo de la autoridad que expide la norma); "
            "Decreto Distrital 140 de 2021 (funciones de la Consejería).",
            "Ley 1437 de 2011, article 8(8) (an obligation of the authority issuing the rule); Decreto "
            "Distrital 140 de 2021 (functions of the Office).",
        ),
    ),
    "3.1": Applies(
        (
            "<p>Las compras y contrataciones que necesita la Consejería hacen parte del plan anual de "
            "adquisiciones de la Secretaría General, publicado en SECOP II y en el sitio de la "
            "entidad.</p>",
            "<p>The purchases and contracts the Office needs are part of the General Secretariat's annual "
            "procurement plan, published in SECOP II and on the entity's website.</p>",
        ),
        [
            secop(
                (
                    "Plan anual de adquisiciones de la Secretaría General.",
                    "Annual procurement plan of the General Secretariat.",
                )
            )
        ],
    ),
    "3.2": Applies(
        (
            "<p>Los procesos de contratación de la Secretaría General, incluidos los que apoyan a la "
            "Consejería, se publican en SECOP II con sus documentos, desde la planeación hasta la "
            "liquidación.</p>",
            "<p>The General Secretariat's procurement processes, including those supporting the Office, "
            "are published in SECOP II with their documents, from planning to close.</p>",
        ),
        [
            secop(
                (
                    "Buscar por «Secretaría General de la Alcaldía Mayor».",
                    "Search for the General Secretariat.",
                )
            )
        ],
    ),
    "3.3": Applies(
        (
            "<p>La ejecución de cada contrato (pagos, informes de supervisión, modificaciones) se "
            "registra en SECOP II.</p>",
            "<p>The execution of each contract (payments, supervision reports, amendments) is recorded in "
            "SECOP II.</p>",
        ),
        [secop(("Ejecución de los contratos de la Secretaría General.", "Contract execution."))],
    ),
    "3.4": Applies(
        (
            "<p>La Consejería contrata con el manual de contratación de la Secretaría General, que fija "
            "los procedimientos, responsables y controles de toda la entidad.</p>",
            "<p>The Office's procurement follows the General Secretariat's procurement manual, which sets "
            "the procedures, responsibilities and controls for the whole entity.</p>",
        ),
        [
            secretaria_general(
                ("Manual de contratación", "Procurement manual (in Spanish)"),
                ("De la Secretaría General.", "Of the General Secretariat."),
            )
        ],
    ),
    "3.5": Applies(
        (
            "<p>La Secretaría General usa los documentos tipo que adopta Colombia Compra Eficiente y "
            "publica en su sitio los formatos de sus procesos de contratación.</p>",
            "<p>The General Secretariat uses the standard tender documents adopted by Colombia Compra "
            "Eficiente and publishes the forms of its procurement processes on its website.</p>",
        ),
        [
            external(
                "https://www.colombiacompra.gov.co/",
                ("Colombia Compra Eficiente", "Colombia Compra Eficiente (in Spanish)"),
                ("Documentos tipo nacionales.", "National standard tender documents."),
            )
        ],
    ),
    "4.1": Applies(
        (
            "<p>La Consejería no tiene presupuesto propio: sus recursos hacen parte del presupuesto de "
            "la Secretaría General, aprobado cada año por el Concejo de Bogotá.</p>",
            "<p>The Office has no budget of its own: its resources are part of the General Secretariat's "
            "budget, approved every year by the City Council.</p>",
        ),
        [
            secretaria_general(
                ("Presupuesto de la Secretaría General", "Budget of the General Secretariat"),
                (
                    "Ingresos, gastos e inversión de cada vigencia.",
                    "Revenue, spending and investment by year.",
                ),
            )
        ],
    ),
    "4.2": Applies(
        (
            "<p>La ejecución presupuestal mensual de la Secretaría General incluye la del proyecto de "
            "inversión con el que trabaja la Consejería.</p>",
            "<p>The General Secretariat's monthly budget execution includes that of the investment project "
            "funding the Office's work.</p>",
        ),
        [
            secretaria_general(
                ("Ejecución presupuestal", "Budget execution"),
                (
                    "Informes mensuales de la Secretaría General.",
                    "Monthly reports of the General Secretariat.",
                ),
            )
        ],
    ),
    "4.3": Applies(
        (
            "<p>El plan de acción anual de la Secretaría General fija las metas de la Consejería, "
            "alineadas con el programa del Plan Distrital de Desarrollo que abre la ciudad al mundo. Su "
            "avance se sigue con los datos del registro de cooperación.</p>",
            "<p>The General Secretariat's annual action plan sets the Office's targets, aligned with the "
            "District Development Plan programme that opens the city to the world. Progress is followed "
            "with the cooperation register's data.</p>",
        ),
        [
            secretaria_general(
                ("Plan de acción institucional", "Institutional action plan"),
                ("Con sus informes de seguimiento trimestral.", "With quarterly follow-up reports."),
            )
        ],
    ),
    "4.4": Applies(
        (
            "<p>La internacionalización de Bogotá se financia con un proyecto de inversión de la "
            "Secretaría General. Sus fichas y sus informes de avance se publican con los demás proyectos "
            "de la entidad.</p>",
            "<p>Bogotá's internationalisation is funded through an investment project of the General "
            "Secretariat. Its project sheets and progress reports are published with the entity's other "
            "projects.</p>",
        ),
        [
            secretaria_general(
                ("Proyectos de inversión", "Investment projects"),
                (
                    "Fichas y avance de la Secretaría General.",
                    "Sheets and progress of the General Secretariat.",
                ),
            )
        ],
    ),
    "4.5": Applies(
        (
            "<p>Cuando cambia el representante legal de la Secretaría General, su informe de empalme "
            "recoge el estado de todas sus dependencias, incluida la Consejería.</p>",
            "<p>When the General Secretariat's legal representative changes, the handover report covers "
            "the state of all of its units, the Office included.</p>",
        ),
        [
            secretaria_general(
                ("Informes de empalme", "Handover reports"),
                ("De la Secretaría General.", "Of the General Secretariat."),
            )
        ],
    ),
    "4.6": Applies(
        (
            "<p>Los estudios, documentos y resultados de la acción internacional del Distrito se "
            "publican en este portal: la estrategia de internacionalización, los resultados de las "
            "alianzas y las publicaciones de la Consejería.</p>",
            "<p>Studies, documents and results of the District's international action are published on "
            "this portal: the internationalisation strategy, partnership results and the Office's "
            "publications.</p>",
        ),
        [
            Link(
                url=("/es/estrategia-de-internacionalizacion/", "/en/internationalisation-strategy/"),
                title=("Estrategia de internacionalización", "Internationalisation strategy"),
            ),
            Link(
                url=("/es/resultados/", "/en/results/"),
                title=("Resultados de las alianzas", "Partnership results"),
            ),
            Link(page="noticias", title=("Publicaciones", "Publications")),
        ],
    ),
    "4.7": Applies(
        (
            "<p>El informe de gestión anual de la Secretaría General y su rendición de cuentas incluyen "
            "los logros de la Consejería. Las auditorías de la Contraloría de Bogotá a la entidad y sus "
            "planes de mejoramiento se publican en el sitio de la entidad.</p>",
            "<p>The General Secretariat's annual management report and its accountability exercise "
            "include the Office's achievements. The Bogotá Comptroller's audits of the entity and its "
            "improvement plans are published on the entity's website.</p>",
        ),
        [
            secretaria_general(
                ("Informes de gestión y auditoría", "Management and audit reports"),
                ("De la Secretaría General.", "Of the General Secretariat."),
            ),
            Link(
                url=("/es/asistencia-tecnica/cifras/", "/en/technical-assistance/figures/"),
                title=("Asistencia técnica a las entidades: cifras", "Technical assistance to entities: figures"),
                description=(
                    "Solicitudes, tiempos de respuesta, satisfacción y prioridades de los sectores, por año.",
                    "Requests, answer times, satisfaction and the sectors' priorities, by year.",
                ),
            ),
        ],
    ),
    "4.8": Applies(
        (
            "<p>La Oficina de Control Interno de la Secretaría General evalúa los procesos de la "
            "entidad, incluido el de gestión de alianzas e internacionalización, y publica sus "
            "informes de seguimiento y el informe pormenorizado del estado del control interno.</p>",
            "<p>The General Secretariat's Internal Control Office assesses the entity's processes, "
            "including partnership management and internationalisation, and publishes its follow-up "
            "reports and the detailed report on the state of internal control.</p>",
        ),
        [
            secretaria_general(
                ("Informes de control interno", "Internal control reports"),
                ("De la Oficina de Control Interno.", "From the Internal Control Office."),
            )
        ],
    ),
    "4.9": Applies(
        (
            "<p>La defensa judicial de la Secretaría General, incluida la de asuntos relacionados con la "
            "Consejería, está a cargo de su Oficina Jurídica, que publica el informe sobre defensa "
            "pública y prevención del daño antijurídico.</p>",
            "<p>The General Secretariat's legal defence, including matters related to the Office, is the "
            "responsibility of its Legal Office, which publishes the report on legal defence and the "
            "prevention of unlawful damage.</p>",
        ),
        [
            secretaria_general(
                ("Defensa jurídica", "Legal defence"),
                ("Informe de la Secretaría General.", "Report of the General Secretariat."),
            )
        ],
    ),
    "4.10": Applies(
        (
            "<p>La Secretaría General publica cada trimestre el informe de peticiones, quejas, reclamos "
            "y solicitudes de acceso a la información recibidas por todas sus dependencias, con los "
            "tiempos de respuesta y las solicitudes negadas.</p>",
            "<p>Every quarter the General Secretariat publishes the report on requests, complaints, "
            "claims and information requests received by all of its units, with response times and "
            "refused requests.</p>",
        ),
        [
            secretaria_general(
                ("Informes de peticiones", "Reports on requests"),
                ("Trimestrales, de la Secretaría General.", "Quarterly, from the General Secretariat."),
            )
        ],
    ),
    "5.1": NO_PROCEDURES,
    "5.2": NO_PROCEDURES,
    "5.3": NO_PROCEDURES,
    "5.4": NO_PROCEDURES,
    "6.1": Applies(
        (
            "<p>La acción internacional de Bogotá se construye con otros: las entidades del Distrito en "
            "la Red Distrital de Cooperación Internacional, los sectores económico, académico, cultural "
            "y social en la Mesa para la Internacionalización, y la ciudadanía en la rendición de "
            "cuentas y en los eventos abiertos.</p>",
            "<p>Bogotá's international action is built with others: District entities in the District "
            "International Cooperation Network, business, academia, culture and civil society in the "
            "Internationalisation Board, and citizens through accountability and open events.</p>",
        ),
        [
            Link(
                page="sistema-distrital-de-cooperacion",
                title=("Sistema Distrital de Cooperación", "District Cooperation System"),
            )
        ],
    ),
    "6.2": Applies(
        (
            "<p>Cada año los sectores del Distrito identifican sus necesidades de cooperación y sus "
            "prioridades de internacionalización, que la Red Distrital de Cooperación discute en mesas "
            "sectoriales y temáticas.</p>",
            "<p>Every year the District's sectors identify their cooperation needs and "
            "internationalisation priorities, which the District Cooperation Network discusses in "
            "sector and thematic tables.</p>",
        ),
        [Link(page="como-trabajamos", title=("Cómo trabajamos", "How we work"))],
    ),
    "6.3": Applies(
        (
            "<p>La estrategia de cooperación se construye de forma participativa con la Red Distrital "
            "de Cooperación y la Mesa para la Internacionalización. La Consejería no tiene presupuesto "
            "propio que se asigne por presupuestos participativos.</p>",
            "<p>The cooperation strategy is drafted jointly with the District Cooperation Network and the "
            "Internationalisation Board. The Office has no budget of its own allocated through "
            "participatory budgeting.</p>",
        ),
        [
            Link(
                page="mesa-para-la-internacionalizacion",
                title=("Mesa para la Internacionalización de Bogotá", "Bogotá Internationalisation Board"),
            )
        ],
    ),
    "6.4": Applies(
        (
            "<p>Cuando la Consejería prepara documentos de política, como la estrategia de "
            "internacionalización, los somete a consulta de las entidades y de los integrantes de la "
            "Mesa, y anuncia las consultas abiertas a la ciudadanía en la sección de noticias.</p>",
            "<p>When the Office drafts policy documents, such as the internationalisation strategy, it "
            "consults the entities and the members of the Board, and announces consultations open to the "
            "public in the news section.</p>",
        ),
        [Link(page="noticias", title=("Noticias, eventos y publicaciones", "News, events and publications"))],
    ),
    "6.5": Applies(
        (
            "<p>Las buenas prácticas de gestión internacional del Distrito se documentan para que otras "
            "entidades y ciudades las conozcan y las adapten, y el registro de cooperación se publica "
            "en datos abiertos para que cualquiera lo reutilice.</p>",
            "<p>The District's good practices in international work are documented so that other entities "
            "and cities can learn from and adapt them, and the cooperation register is published as open "
            "data for anyone to reuse.</p>",
        ),
        [
            Link(
                url=("/es/buenas-practicas/", "/en/good-practices/"),
                title=("Buenas prácticas", "Good practices"),
            ),
            Link(url=("/es/datos-abiertos/", "/en/open-data/"), title=("Datos abiertos", "Open data")),
        ],
    ),
    "6.6": Applies(
        (
            "<p>La Consejería rinde cuentas en la audiencia anual de la Secretaría General, en el informe "
            "anual del Sistema Distrital de Cooperación y en el informe de cooperación internacional que "
            "se presenta al Concejo de Bogotá. Los resultados de cada alianza se publican cuando el "
            "aliado lo autoriza.</p>",
            "<p>The Office is accountable through the General Secretariat's annual public hearing, the "
            "annual report of the District Cooperation System and the international cooperation report "
            "presented to the City Council. Each partnership's results are published when the partner "
            "authorises it.</p>",
        ),
        [
            Link(
                url=("/es/resultados/", "/en/results/"),
                title=("Resultados de las alianzas", "Partnership results"),
            ),
            secretaria_general(
                (
                    "Rendición de cuentas de la Secretaría General",
                    "Accountability of the General Secretariat",
                ),
                ("Audiencias e informes.", "Hearings and reports."),
            ),
        ],
    ),
    "6.7": Applies(
        (
            "<p>Veedurías y ciudadanos pueden hacer seguimiento a la cooperación del Distrito con el "
            "registro público de acciones, sus cifras y sus datos abiertos, y presentar sus "
            "observaciones por «Bogotá te escucha».</p>",
            "<p>Citizen oversight groups and individuals can follow the District's cooperation through "
            "the public register of actions, its figures and its open data, and submit their comments "
            'through "Bogotá te escucha".</p>',
        ),
        [
            Link(
                url=("/es/cooperacion/buscar/", "/en/cooperation/search/"),
                title=("Registro de cooperación", "Cooperation register"),
            ),
            external(BOGOTA_TE_ESCUCHA, ("Bogotá te escucha", "Bogotá te escucha (in Spanish)")),
        ],
    ),
    "7.1": Applies(
        (
            "<p>El registro de activos de información, el índice de información clasificada y "
            "reservada, el esquema de publicación, el programa de gestión documental y las tablas de "
            "retención documental son de la Secretaría General e incluyen los de la Consejería. En el "
            "registro de cooperación, las observaciones internas, los datos de contacto de los enlaces "
            "y lo que un aliado no ha autorizado publicar son información clasificada y no se "
            "publican.</p>",
            "<p>The information asset register, the index of classified and reserved information, the "
            "publication scheme, the records management programme and the retention schedules belong to "
            "the General Secretariat and include the Office's. In the cooperation register, internal "
            "notes, liaisons' contact details and anything a partner has not authorised are classified "
            "information and are never published.</p>",
        ),
        [
            secretaria_general(
                ("Instrumentos de gestión de la información", "Information management instruments"),
                ("De la Secretaría General.", "Of the General Secretariat."),
            )
        ],
    ),
    "7.2": Applies(
        (
            "<p>Los registros públicos del registro de cooperación se descargan en CSV, XLSX y JSON, con "
            "su diccionario de datos, licencia y frecuencia de actualización. El catálogo DCAT permite "
            "que el portal de datos abiertos de Bogotá y el nacional los recojan.</p>",
            "<p>The public records of the cooperation register can be downloaded as CSV, XLSX and JSON, "
            "with their data dictionary, licence and update frequency. The DCAT catalogue lets Bogotá's "
            "and Colombia's open data portals harvest them.</p>",
        ),
        [
            Link(
                url=("/es/datos-abiertos/", "/en/open-data/"),
                title=("Datos abiertos del registro de cooperación", "Open data of the cooperation register"),
                description=(
                    "Descargas, diccionario de datos y licencia.",
                    "Downloads, data dictionary and licence.",
                ),
            ),
            Link(
                url=("/data.json", "/data.json"),
                title=("Catálogo DCAT (data.json)", "DCAT catalogue (data.json)"),
                description=("Para portales de datos abiertos.", "For open data portals."),
            ),
            external(
                "https://datosabiertos.bogota.gov.co/",
                ("Datos Abiertos Bogotá", "Bogotá open data portal"),
            ),
        ],
    ),
    "8.1": NotApplicable(
        (
            "La Consejería no presta servicios ni tiene trámites dirigidos a niñas, niños y "
            "adolescentes: trabaja con las entidades del Distrito y con aliados internacionales. La "
            "información del Distrito para ellos la publican las entidades que los atienden, como la "
            "Secretaría Distrital de Integración Social.",
            "The Office provides no services or procedures for children and adolescents: it works with "
            "District entities and international partners. The District's information for them is "
            "published by the entities that serve them, such as the District Social Integration "
            "Secretariat.",
        ),
        (
            "Ley 1712 de 2014, artículos 8 y 9; Resolución MinTIC 1519 de 2020, anexo 2, numeral 8.",
            "Ley 1712 de 2014, articles 8 and 9; Resolución MinTIC 1519 de 2020, annex 2, section 8.",
        ),
    ),
    "8.2": Applies(
        (
            "<p>El registro de cooperación permite consultar las acciones que aportan a la igualdad de "
            "género (Objetivo de Desarrollo Sostenible 5), con sus aliados y sus resultados.</p>",
            "<p>The cooperation register lists the actions that contribute to gender equality "
            "(Sustainable Development Goal 5), with their partners and results.</p>",
        ),
        [
            Link(
                url=("/es/cooperacion/buscar/?sdg=5", "/en/cooperation/search/?sdg=5"),
                title=("Acciones por la igualdad de género", "Actions for gender equality"),
            )
        ],
    ),
    "8.3": Applies(
        (
            "<p>Para los aliados y el público internacional, el portal se publica también en inglés. "
            "Para las entidades del Distrito, la Consejería ofrece asistencia técnica en relaciones "
            "internacionales.</p>",
            "<p>For partners and an international audience, the portal is also published in English. For "
            "District entities, the Office offers technical assistance on international relations.</p>",
        ),
        [
            Link(
                page="asistencia-tecnica",
                title=("Asistencia técnica a las entidades", "Technical assistance for entities"),
            )
        ],
    ),
    "9.1": Applies(
        (
            "<p>La Consejería prepara el informe de cooperación internacional que se presenta al "
            "Concejo de Bogotá, los reportes de avance de las metas del Plan Distrital de Desarrollo a "
            "su cargo y los informes de avance del proyecto de inversión. Los tres se elaboran con los "
            "datos del registro de cooperación.</p>",
            "<p>The Office prepares the international cooperation report presented to the City Council, "
            "the progress reports on the District Development Plan targets in its charge and the "
            "investment project's progress reports. All three are built from the cooperation register's "
            "data.</p>",
        ),
        [
            Link(page="noticias", title=("Publicaciones e informes", "Publications and reports")),
            Link(
                url=("/es/cifras/", "/en/figures/"), title=("Cifras de la cooperación", "Cooperation figures")
            ),
        ],
    ),
    "10.1": NO_LOCAL_TAXES,
    "10.2": NO_LOCAL_TAXES,
}


def slug_for(number, title, limit=60):
    slug = slugify(f"{number.replace('.', '-')} {title}")
    return slug[:limit].rsplit("-", 1)[0] if len(slug) > limit else slug


def _link_blocks(links, language, pages):
    """The links as StreamField data in one language (0 Spanish, 1 English)."""
    blocks = []
    for link in links:
        value = {"title": link.title[language], "description": link.description[language]}
        if link.page:
            value.update(page=pages[link.page][language].pk, url="")
        else:
            value.update(page=None, url=link.url[language])
        blocks.append({"type": "link", "value": value})
    return json.dumps(blocks)


def _item_fields(answer, language, pages):
    if isinstance(answer, Applies):
        return {
            "applies": True,
            "body": [paragraph(answer.body[language])],
            "links": _link_blocks(answer.links, language, pages),
        }
    return {
        "applies": False,
        "not_applicable_reason": answer.reason[language],
        "legal_basis": answer.legal_basis[language],
    }


def _linked_pages(home, english):
    """The home app's demo pages the answers link to, in both languages, by Spanish slug."""
    slugs = {link.page for answer in ANSWERS.values() if isinstance(answer, Applies) for link in answer.links}
    pages = {}
    for page in home.get_children().filter(slug__in=slugs):
        pages[page.slug] = (page, page.get_translation(english))
    return pages


def ensure_transparency(home, english, command):
    index = home.get_children().type(TransparencyIndexPage).first()
    if index is None:
        index = TransparencyIndexPage(slug="transparencia", **INDEX["es"])
        home.add_child(instance=index)
        publish_page(index)
        command.created(f"es: {index.title}")
    index = index.specific
    ensure_translation(index, english, "transparency", INDEX["en"], command)

    pages = _linked_pages(home, english)
    today = timezone.localdate()
    for standard in CATEGORIES:
        introduction = CATEGORY_INTRODUCTIONS[standard.number]
        category = TransparencyCategoryPage.objects.child_of(index).filter(number=standard.number).first()
        if category is None:
            category = TransparencyCategoryPage(
                number=standard.number,
                title=standard.title_es,
                slug=slug_for(standard.number, standard.title_es),
                introduction=introduction[0],
            )
            index.add_child(instance=category)
            publish_page(category)
            command.created(f"es: {category.number}. {category.title}")
        english_fields = {
            "number": standard.number,
            "title": standard.title_en,
            "introduction": introduction[1],
        }
        ensure_translation(
            category, english, slug_for(standard.number, standard.title_en), english_fields, command
        )

        for item in standard.items:
            answer = ANSWERS[item.number]
            page = TransparencyItemPage.objects.child_of(category).filter(number=item.number).first()
            if page is None:
                page = TransparencyItemPage(
                    number=item.number,
                    title=item.title_es,
                    slug=slug_for(item.number, item.title_es),
                    last_reviewed=today,
                )
                for name, value in _item_fields(answer, 0, pages).items():
                    setattr(page, name, json.dumps(value) if name == "body" else value)
                category.add_child(instance=page)
                publish_page(page)
                command.created(f"es: {page.number} {page.title}")
            english_fields = {
                "number": item.number,
                "title": item.title_en,
                "last_reviewed": page.last_reviewed,
                **_item_fields(answer, 1, pages),
            }
            ensure_translation(page, english, slug_for(item.number, item.title_en), english_fields, command)
