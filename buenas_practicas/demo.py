"""Demo content for the good-practice sheets: an index under each language's home page and six
sheets in Spanish with their English translations.

Written in our own words from the facts in the office's documents (the GLOBO sheet, the process
characterisation, the technical-assistance model); no personal data. Start dates other than
GLOBO's are illustrative. Nothing that exists is changed or recreated.
"""

from datetime import date

from django.apps import apps
from django.db.models import Q

from wagtail.models import Locale

from cooperacion.models import (
    ActionType,
    CooperationAction,
    DistrictEntity,
    InstrumentKind,
    SustainableDevelopmentGoal,
)
from cooperacion.models.reference import sync_fixed_data
from cooperacion.roles import sync_roles
from home.demo import ensure_translation, publish_page
from home.models import HomePage

from .models import (
    GoodPracticeIndexPage,
    GoodPracticePage,
    GoodPracticeRecord,
    MipgPolicy,
    MipgPolicyCode,
    sync_mipg_policies,
)

OFFICE_ES = "Oficina Consejería Distrital de Relaciones Internacionales"
OFFICE_EN = "Office of International Relations of Bogotá"
PROCESS_ES = "Gestión de alianzas e internacionalización de Bogotá"
PROCESS_EN = "Partnerships and internationalisation of Bogotá"

INDEX = {
    "es": {
        "title": "Buenas prácticas",
        "slug": "buenas-practicas",
        "introduction": (
            "Prácticas de gestión pública que funcionaron en la acción internacional del Distrito, "
            "documentadas para que otras dependencias y entidades puedan replicarlas."
        ),
        "search_description": "Fichas de buenas prácticas de gestión pública de la acción internacional de Bogotá.",
    },
    "en": {
        "title": "Good practices",
        "slug": "good-practices",
        "introduction": (
            "Public-management practices that worked in the District's international action, "
            "documented so that other offices and entities can reuse them."
        ),
        "search_description": "Good public-management practices from Bogotá's international action.",
    },
}

# Each sheet: the Spanish and English texts, its codelists, and which public records it relates to.
SHEETS = [
    {
        "start_date": date(2024, 7, 14),
        "policies": [
            MipgPolicyCode.KNOWLEDGE_AND_INNOVATION,
            MipgPolicyCode.STATISTICS,
            MipgPolicyCode.INSTITUTIONAL_PLANNING,
            MipgPolicyCode.CITIZEN_PARTICIPATION,
            MipgPolicyCode.TRANSPARENCY,
            MipgPolicyCode.PERFORMANCE_MONITORING,
        ],
        "sdgs": [16, 17],
        "records": Q(title__icontains="gobierno abierto") | Q(title__icontains="datos abiertos"),
        "es": {
            "title": "Sistema de Información Bogotá Global (GLOBO)",
            "slug": "sistema-de-informacion-globo",
            "responsible_office": OFFICE_ES,
            "process": PROCESS_ES,
            "team": "Equipo de gestión de la información internacional",
            "description": (
                "<p>GLOBO reúne en un solo sistema lo que las entidades del Distrito hacen en el plano "
                "internacional, para consultarlo, analizarlo y decidir con datos.</p>"
                "<ul><li>Ordena la información estratégica y la pone al servicio de las decisiones.</li>"
                "<li>Abre datos a la ciudadanía, en la línea del gobierno abierto.</li>"
                "<li>Sirve para planear y seguir la política de internacionalización.</li></ul>"
            ),
            "baseline": (
                "<p>Antes de GLOBO cada entidad llevaba sus acciones internacionales en hojas de cálculo "
                "que circulaban por correo. Los datos se repetían, no coincidían entre sí y consolidarlos "
                "tomaba semanas.</p>"
            ),
            "target_population": "Las secretarías y entidades de la Alcaldía Mayor de Bogotá y sus enlaces de relaciones internacionales.",
            "scope": (
                "<p>Contar con un sistema que sirva de herramienta de gestión y de apoyo a las "
                "decisiones. Sus datos alimentan los informes del proyecto de inversión, el informe de "
                "cooperación internacional que se presenta al Concejo y el seguimiento de las metas del "
                "Plan Distrital de Desarrollo 2024-2027.</p>"
            ),
            "contribution": (
                "<ul><li>Centraliza la información de cooperación y posicionamiento internacional.</li>"
                "<li>Los enlaces de las entidades trabajan sobre los mismos datos, lo que fortalece la "
                "gobernanza.</li><li>Da evidencia para evaluar la gestión y los compromisos de la "
                "dependencia.</li></ul>"
            ),
            "dissemination": (
                "<p>Se presentó en la primera mesa de participación público-privada de la estrategia de "
                "internacionalización, ante el cuerpo diplomático, la Cancillería, la academia, gremios, "
                "organizaciones sociales y entidades distritales, con apoyo audiovisual.</p>"
            ),
            "other_aspects": "<p>Su arquitectura está documentada, de modo que otras entidades territoriales pueden adaptarla.</p>",
            "future_challenges": (
                "<ul><li>Integrar fuentes de datos locales e internacionales.</li>"
                "<li>Automatizar tableros y reportes especializados.</li>"
                "<li>Evaluar las acciones de cooperación con un enfoque de resultados.</li></ul>"
            ),
            "sustainability": (
                "<p>Su operación y mejora están en el plan de acción de la dependencia, los enlaces se "
                "capacitan de forma permanente y el sistema es la fuente oficial de la información "
                "internacional del Distrito.</p>"
            ),
            "conclusions": (
                "<p>GLOBO convirtió datos dispersos en información confiable y trazable, y acercó la "
                "gestión internacional del Distrito a una administración basada en evidencia.</p>"
            ),
        },
        "en": {
            "title": "Bogotá Global Information System (GLOBO)",
            "slug": "globo-information-system",
            "responsible_office": OFFICE_EN,
            "process": PROCESS_EN,
            "team": "International information management team",
            "description": (
                "<p>GLOBO brings together in one system what the District's entities do "
                "internationally, so that it can be looked up, analysed and used to decide with data.</p>"
                "<ul><li>It organises strategic information for decision-making.</li>"
                "<li>It opens data to citizens, in line with open government.</li>"
                "<li>It supports planning and monitoring of the internationalisation policy.</li></ul>"
            ),
            "baseline": (
                "<p>Before GLOBO, each entity kept its international actions in spreadsheets sent by "
                "e-mail. Data was duplicated, inconsistent and took weeks to consolidate.</p>"
            ),
            "target_population": "The secretariats and entities of Bogotá's Mayor's Office and their international-relations liaisons.",
            "scope": (
                "<p>To have a system that works as a management tool and supports decisions. Its data "
                "feeds the investment project's reports, the international cooperation report to the "
                "City Council and the monitoring of the 2024-2027 District Development Plan targets.</p>"
            ),
            "contribution": (
                "<ul><li>It centralises information on cooperation and international positioning.</li>"
                "<li>Entity liaisons work on the same data, which strengthens governance.</li>"
                "<li>It provides evidence to assess the office's management and commitments.</li></ul>"
            ),
            "dissemination": (
                "<p>It was presented at the first public-private participation meeting of the "
                "internationalisation strategy, before the diplomatic corps, the Foreign Ministry, "
                "universities, business and civil-society organisations and district entities.</p>"
            ),
            "other_aspects": "<p>Its architecture is documented, so other local governments can adapt it.</p>",
            "future_challenges": (
                "<ul><li>Integrate local and international data sources.</li>"
                "<li>Automate dashboards and specialised reports.</li>"
                "<li>Assess cooperation actions with a results-based approach.</li></ul>"
            ),
            "sustainability": (
                "<p>Its operation and improvement are part of the office's action plan, liaisons are "
                "trained continuously and the system is the District's official source of international "
                "information.</p>"
            ),
            "conclusions": (
                "<p>GLOBO turned scattered data into reliable, traceable information and brought the "
                "District's international work closer to evidence-based management.</p>"
            ),
        },
    },
    {
        "start_date": date(2024, 10, 1),
        "policies": [
            MipgPolicyCode.CITIZEN_PARTICIPATION,
            MipgPolicyCode.INSTITUTIONAL_PLANNING,
            MipgPolicyCode.KNOWLEDGE_AND_INNOVATION,
        ],
        "sdgs": [11, 17],
        "records": Q(thematic_table__isnull=False),
        "es": {
            "title": "Mesas temáticas de la Mesa para la Internacionalización",
            "slug": "mesas-tematicas",
            "responsible_office": OFFICE_ES,
            "process": PROCESS_ES,
            "team": "Secretaría técnica de la Mesa para la Internacionalización de Bogotá",
            "description": (
                "<p>La Mesa para la Internacionalización de Bogotá, un espacio público-privado de "
                "participación voluntaria, trabaja a través de seis mesas temáticas, cada una liderada por "
                "una entidad distrital, y de tres ejes transversales. Así la estrategia de la ciudad se "
                "discute con quienes la llevan a cabo.</p>"
            ),
            "baseline": (
                "<p>Las iniciativas internacionales de empresas, universidades, instituciones culturales y "
                "entidades públicas avanzaban por separado, sin un lugar donde ponerlas en común.</p>"
            ),
            "target_population": "Entidades distritales y actores económicos, académicos, culturales y sociales de la ciudad.",
            "scope": (
                "<p>Definir la estrategia de internacionalización con una mirada de ciudad y convertirla "
                "en planes de trabajo por tema. La Mesa se reúne cuatro veces al año.</p>"
            ),
            "contribution": (
                "<ul><li>Cada tema tiene una entidad líder que responde por su plan de trabajo.</li>"
                "<li>Los ejes transversales (gobierno abierto, equidad de género, integración regional) "
                "atraviesan todos los planes.</li><li>Los aliados encuentran una sola puerta de entrada "
                "por tema.</li></ul>"
            ),
            "dissemination": "<p>Las sesiones y sus conclusiones se comparten con las entidades y los integrantes de la Mesa.</p>",
            "other_aspects": "",
            "future_challenges": (
                "<p>Mantener la participación de los actores privados entre sesiones y medir los resultados "
                "de cada mesa con indicadores comunes.</p>"
            ),
            "sustainability": (
                "<p>Las mesas tienen entidades líderes designadas y un calendario anual; el gobierno "
                "nacional y los organismos multilaterales pueden participar como observadores.</p>"
            ),
            "conclusions": "<p>Organizar la Mesa por temas volvió concreta una estrategia de ciudad y repartió responsabilidades claras.</p>",
        },
        "en": {
            "title": "Thematic tables of the Internationalisation Board",
            "slug": "thematic-tables",
            "responsible_office": OFFICE_EN,
            "process": PROCESS_EN,
            "team": "Technical secretariat of the Bogotá Internationalisation Board",
            "description": (
                "<p>The Bogotá Internationalisation Board, a voluntary public-private forum, works through "
                "six thematic tables, each led by a district entity, and three transversal axes. The "
                "city's strategy is thus discussed with those who carry it out.</p>"
            ),
            "baseline": (
                "<p>The international initiatives of companies, universities, cultural institutions and "
                "public entities moved forward separately, with no place to bring them together.</p>"
            ),
            "target_population": "District entities and the city's economic, academic, cultural and social actors.",
            "scope": (
                "<p>To define the internationalisation strategy from a city-wide perspective and turn it "
                "into work plans by theme. The Board meets four times a year.</p>"
            ),
            "contribution": (
                "<ul><li>Each theme has a lead entity accountable for its work plan.</li>"
                "<li>The transversal axes (open government, gender equity, regional integration) run "
                "through every plan.</li><li>Partners find a single entry point per theme.</li></ul>"
            ),
            "dissemination": "<p>Sessions and their conclusions are shared with the entities and the Board's members.</p>",
            "other_aspects": "",
            "future_challenges": (
                "<p>Keep private actors involved between sessions and measure each table's results with "
                "shared indicators.</p>"
            ),
            "sustainability": (
                "<p>The tables have designated lead entities and a yearly calendar; the national "
                "government and multilateral organisations can take part as observers.</p>"
            ),
            "conclusions": "<p>Organising the Board by theme made a city strategy concrete and gave clear responsibilities.</p>",
        },
    },
    {
        "start_date": date(2023, 2, 1),
        "policies": [
            MipgPolicyCode.ORGANISATIONAL_STRENGTHENING,
            MipgPolicyCode.CITIZEN_SERVICE,
            MipgPolicyCode.KNOWLEDGE_AND_INNOVATION,
        ],
        "sdgs": [16, 17],
        "records": Q(action_type=ActionType.TECHNICAL_ASSISTANCE),
        "es": {
            "title": "Servicio de asistencia técnica a las entidades distritales",
            "slug": "asistencia-tecnica-a-entidades",
            "responsible_office": "Subsecretaría Distrital de Fortalecimiento Institucional",
            "process": "Fortalecimiento de la gestión pública",
            "team": "Direcciones de la subsecretaría que prestan asistencia técnica",
            "description": (
                "<p>Un modelo común para acompañar a las entidades del Distrito: por oferta, cuando la "
                "subsecretaría programa talleres, seminarios y mesas de trabajo, y por demanda, cuando una "
                "entidad pide apoyo sobre un tema concreto.</p>"
            ),
            "baseline": (
                "<p>Cada dirección atendía las solicitudes a su manera, sin registro común ni plazos de "
                "respuesta conocidos por las entidades.</p>"
            ),
            "target_population": "Entidades y organismos distritales, alcaldías locales y particulares que cumplen funciones públicas.",
            "scope": (
                "<p>Planear cada año los temas de asistencia por oferta, registrar todas las solicitudes y "
                "responder las que llegan por demanda en un máximo de diez días hábiles.</p>"
            ),
            "contribution": (
                "<ul><li>Las entidades saben a quién acudir y cuándo recibirán respuesta.</li>"
                "<li>El registro de solicitudes permite ver qué temas se repiten y planear la oferta.</li>"
                "<li>Las encuestas de satisfacción miden la calidad del servicio.</li></ul>"
            ),
            "dissemination": "<p>El modelo se publica y se explica a los enlaces de las entidades al inicio de cada año.</p>",
            "other_aspects": "<p>La asistencia puede ser presencial, telefónica o virtual.</p>",
            "future_challenges": "<p>Sostener los tiempos de respuesta cuando aumentan las solicitudes y unificar los instrumentos de cada dirección.</p>",
            "sustainability": "<p>El modelo forma parte del procedimiento de la subsecretaría y se revisa con el ciclo de planear, hacer, verificar y actuar.</p>",
            "conclusions": "<p>Un servicio con reglas claras convierte el acompañamiento a las entidades en una práctica medible.</p>",
        },
        "en": {
            "title": "Technical-assistance service for district entities",
            "slug": "technical-assistance-for-entities",
            "responsible_office": "Under-Secretariat for Institutional Strengthening",
            "process": "Strengthening public management",
            "team": "The under-secretariat's directorates that provide technical assistance",
            "description": (
                "<p>One model to support the District's entities: on offer, when the under-secretariat "
                "schedules workshops, seminars and working sessions, and on demand, when an entity asks "
                "for help on a specific subject.</p>"
            ),
            "baseline": (
                "<p>Each directorate handled requests in its own way, with no shared register and no "
                "response times the entities knew about.</p>"
            ),
            "target_population": "District entities and bodies, local mayoralties and private parties performing public functions.",
            "scope": (
                "<p>Plan the assistance on offer every year, register every request and answer those "
                "received on demand within ten working days.</p>"
            ),
            "contribution": (
                "<ul><li>Entities know whom to ask and when they will be answered.</li>"
                "<li>The request register shows recurring subjects and helps plan the offer.</li>"
                "<li>Satisfaction surveys measure the quality of the service.</li></ul>"
            ),
            "dissemination": "<p>The model is published and explained to the entities' liaisons at the start of each year.</p>",
            "other_aspects": "<p>Assistance can be given in person, by phone or online.</p>",
            "future_challenges": "<p>Keep response times when requests grow and align each directorate's tools.</p>",
            "sustainability": "<p>The model is part of the under-secretariat's procedure and is reviewed with the plan-do-check-act cycle.</p>",
            "conclusions": "<p>A service with clear rules turns support for entities into a measurable practice.</p>",
        },
    },
    {
        "start_date": date(2024, 3, 1),
        "policies": [MipgPolicyCode.INSTITUTIONAL_PLANNING, MipgPolicyCode.KNOWLEDGE_AND_INNOVATION],
        "sdgs": [11, 13, 17],
        "records": Q(instrument_kind=InstrumentKind.CITY_NETWORK),
        "es": {
            "title": "Participación de Bogotá en redes de ciudades",
            "slug": "redes-de-ciudades",
            "responsible_office": OFFICE_ES,
            "process": PROCESS_ES,
            "team": "Equipo de posicionamiento internacional",
            "description": (
                "<p>Bogotá participa en redes internacionales de ciudades para aprender de otros gobiernos "
                "locales, compartir sus propias políticas y hacerse oír en las agendas globales. La "
                "oficina decide en qué redes participar y acompaña a la entidad que lidera cada tema.</p>"
            ),
            "baseline": (
                "<p>Las adhesiones a redes se firmaban por iniciativa de cada entidad y, pasada la firma, "
                "la participación se diluía.</p>"
            ),
            "target_population": "Entidades distritales con agendas en clima, movilidad, gobierno abierto y desarrollo urbano.",
            "scope": (
                "<p>Priorizar las redes por su potencial de alianzas, su carácter innovador y su aporte a la "
                "Agenda 2030, y dar a cada participación una entidad responsable y un plan.</p>"
            ),
            "contribution": (
                "<ul><li>Intercambio de conocimiento con ciudades que enfrentan los mismos retos.</li>"
                "<li>Posicionamiento de las políticas de Bogotá como referencia.</li>"
                "<li>Acceso a convocatorias y asistencia técnica de las redes.</li></ul>"
            ),
            "dissemination": "<p>Los logros se comparten con las entidades y, cuando el aliado lo autoriza, en el portal.</p>",
            "other_aspects": "",
            "future_challenges": "<p>Medir qué deja cada red a la ciudad y decidir a tiempo cuándo renovar o dejar una membresía.</p>",
            "sustainability": "<p>Cada adhesión se registra en el registro de cooperación con su entidad responsable y su seguimiento.</p>",
            "conclusions": "<p>Participar con un plan, y no solo con una firma, hace que las redes produzcan resultados para la ciudad.</p>",
        },
        "en": {
            "title": "Bogotá's participation in city networks",
            "slug": "city-networks",
            "responsible_office": OFFICE_EN,
            "process": PROCESS_EN,
            "team": "International positioning team",
            "description": (
                "<p>Bogotá takes part in international city networks to learn from other local "
                "governments, share its own policies and be heard in global agendas. The office decides "
                "which networks to join and supports the entity that leads each subject.</p>"
            ),
            "baseline": (
                "<p>Network memberships were signed on each entity's initiative and, once signed, "
                "participation faded.</p>"
            ),
            "target_population": "District entities with agendas on climate, mobility, open government and urban development.",
            "scope": (
                "<p>Prioritise networks by their partnership potential, innovation and contribution to the "
                "2030 Agenda, and give each membership a responsible entity and a plan.</p>"
            ),
            "contribution": (
                "<ul><li>Knowledge exchange with cities facing the same challenges.</li>"
                "<li>Bogotá's policies positioned as a reference.</li>"
                "<li>Access to the networks' calls and technical assistance.</li></ul>"
            ),
            "dissemination": "<p>Achievements are shared with the entities and, when the partner agrees, on the portal.</p>",
            "other_aspects": "",
            "future_challenges": "<p>Measure what each network brings to the city and decide in time whether to renew or leave.</p>",
            "sustainability": "<p>Each membership is recorded in the cooperation register with its responsible entity and follow-up.</p>",
            "conclusions": "<p>Taking part with a plan, not just a signature, makes networks deliver results for the city.</p>",
        },
    },
    {
        "start_date": date(2023, 8, 1),
        "policies": [
            MipgPolicyCode.TRANSPARENCY,
            MipgPolicyCode.RECORDS_MANAGEMENT,
            MipgPolicyCode.CITIZEN_PARTICIPATION,
        ],
        "sdgs": [16, 17],
        "records": Q(action_type=ActionType.PUBLICATION) | Q(action_type=ActionType.EVENT_CAMPAIGN),
        "es": {
            "title": "Publicación de resultados con autorización del aliado",
            "slug": "publicacion-con-autorizacion",
            "responsible_office": OFFICE_ES,
            "process": PROCESS_ES,
            "team": "Equipo de visibilización de logros",
            "description": (
                "<p>Los logros de una alianza se dan a conocer solo cuando el aliado lo autoriza, y la "
                "autorización queda registrada con su fecha, su alcance y su soporte. Así la ciudad rinde "
                "cuentas sin comprometer la confianza de sus socios.</p>"
            ),
            "baseline": (
                "<p>La difusión de resultados dependía de acuerdos verbales y no siempre quedaba claro qué "
                "podía publicarse ni quién lo había aprobado.</p>"
            ),
            "target_population": "Aliados internacionales, entidades distritales y ciudadanía.",
            "scope": (
                "<p>Que ningún registro, monto o resultado llegue a una superficie pública sin autorización "
                "vigente del aliado, y que el aliado elija qué se publica: el registro completo, el registro "
                "sin montos o solo el registro.</p>"
            ),
            "contribution": (
                "<ul><li>Una sola regla de visibilidad para el portal, la búsqueda y los datos abiertos.</li>"
                "<li>Cartas de agradecimiento, informes y notas se preparan sobre información "
                "autorizada.</li><li>El soporte de cada autorización se conserva para las auditorías.</li></ul>"
            ),
            "dissemination": "<p>El procedimiento se explica a los enlaces y a los aliados al formalizar cada acción.</p>",
            "other_aspects": "",
            "future_challenges": "<p>Pedir la autorización desde la firma de cada instrumento, para no demorar la publicación de los resultados.</p>",
            "sustainability": "<p>La regla está en el procedimiento de la oficina y el sistema la aplica de forma automática.</p>",
            "conclusions": "<p>Publicar con autorización protege la relación con los aliados y hace confiable lo que se publica.</p>",
        },
        "en": {
            "title": "Publishing results with the partner's authorisation",
            "slug": "publishing-with-authorisation",
            "responsible_office": OFFICE_EN,
            "process": PROCESS_EN,
            "team": "Results visibility team",
            "description": (
                "<p>A partnership's achievements are made public only when the partner agrees, and the "
                "authorisation is recorded with its date, scope and evidence. The city is accountable "
                "without putting its partners' trust at risk.</p>"
            ),
            "baseline": (
                "<p>Publishing results depended on verbal agreements, and it was not always clear what "
                "could be published or who had approved it.</p>"
            ),
            "target_population": "International partners, district entities and citizens.",
            "scope": (
                "<p>No record, amount or result reaches a public surface without the partner's current "
                "authorisation, and the partner chooses what is published: the full record, the record "
                "without amounts, or the record only.</p>"
            ),
            "contribution": (
                "<ul><li>One visibility rule for the portal, search and open data.</li>"
                "<li>Thank-you letters, reports and news are prepared from authorised information.</li>"
                "<li>The evidence of each authorisation is kept for audits.</li></ul>"
            ),
            "dissemination": "<p>The procedure is explained to liaisons and partners when each action is formalised.</p>",
            "other_aspects": "",
            "future_challenges": "<p>Ask for authorisation when each instrument is signed, so publishing results is not delayed.</p>",
            "sustainability": "<p>The rule is part of the office's procedure and the system applies it automatically.</p>",
            "conclusions": "<p>Publishing with authorisation protects partner relationships and makes what is published trustworthy.</p>",
        },
    },
    {
        "start_date": date(2025, 2, 3),
        "adapted_from_entity": {
            "es": "Ministerio de Tecnologías de la Información y las Comunicaciones (lineamientos de Gobierno Digital)",
            "en": "Ministry of Information and Communication Technologies (Digital Government guidelines)",
        },
        "policies": [
            MipgPolicyCode.TRANSPARENCY,
            MipgPolicyCode.DIGITAL_GOVERNMENT,
            MipgPolicyCode.STATISTICS,
        ],
        "sdgs": [16, 17],
        "records": None,
        "es": {
            "title": "Datos abiertos del registro de cooperación",
            "slug": "datos-abiertos-del-registro",
            "responsible_office": OFFICE_ES,
            "process": PROCESS_ES,
            "team": "Equipo de gestión de la información internacional",
            "description": (
                "<p>El registro de cooperación se publica como datos abiertos en formatos reutilizables "
                "(CSV, XLSX, JSON e IATI), con los mismos filtros de la búsqueda pública, para que "
                "ciudadanía, academia y aliados puedan analizarlo.</p>"
            ),
            "baseline": "<p>La información solo se entregaba en informes en PDF o respondiendo solicitudes una por una.</p>",
            "target_population": "Ciudadanía, periodistas, academia, aliados internacionales y entidades públicas.",
            "scope": (
                "<p>Publicar en formatos abiertos todos los registros que los aliados autorizaron, "
                "actualizados con cada publicación, y describir sus campos en una ficha del conjunto de "
                "datos.</p>"
            ),
            "contribution": (
                "<ul><li>Menos solicitudes de información repetidas.</li>"
                "<li>Análisis independientes sobre la cooperación que recibe y ofrece la ciudad.</li>"
                "<li>Comparabilidad con otros cooperantes gracias al estándar IATI.</li></ul>"
            ),
            "dissemination": "<p>Los conjuntos de datos se enlazan desde la búsqueda del registro y se anuncian en el portal.</p>",
            "other_aspects": "",
            "future_challenges": "<p>Mantener la calidad de los datos y publicar diccionarios de datos en español y en inglés.</p>",
            "sustainability": "<p>Las exportaciones se generan solas desde el registro y respetan la regla de autorización del aliado.</p>",
            "conclusions": "<p>Abrir los datos del registro lleva la transparencia de la acción internacional del informe a la reutilización.</p>",
        },
        "en": {
            "title": "Open data from the cooperation register",
            "slug": "register-open-data",
            "responsible_office": OFFICE_EN,
            "process": PROCESS_EN,
            "team": "International information management team",
            "description": (
                "<p>The cooperation register is published as open data in reusable formats (CSV, XLSX, "
                "JSON and IATI), with the same filters as the public search, so that citizens, "
                "universities and partners can analyse it.</p>"
            ),
            "baseline": "<p>Information was only available in PDF reports or by answering requests one by one.</p>",
            "target_population": "Citizens, journalists, universities, international partners and public entities.",
            "scope": (
                "<p>Publish in open formats every record the partners authorised, updated with each "
                "publication, and describe its fields on a dataset page.</p>"
            ),
            "contribution": (
                "<ul><li>Fewer repeated information requests.</li>"
                "<li>Independent analysis of the cooperation the city receives and offers.</li>"
                "<li>Comparability with other donors thanks to the IATI standard.</li></ul>"
            ),
            "dissemination": "<p>The datasets are linked from the register search and announced on the portal.</p>",
            "other_aspects": "",
            "future_challenges": "<p>Keep data quality high and publish data dictionaries in Spanish and English.</p>",
            "sustainability": "<p>Exports are generated from the register automatically and respect the partner-authorisation rule.</p>",
            "conclusions": "<p>Opening the register's data takes the transparency of international action from reports to reuse.</p>",
        },
    },
]

RECORDS_PER_SHEET = 3


def ensure_index(home, english, command):
    index = GoodPracticeIndexPage.objects.child_of(home).first()
    if index is None:
        index = GoodPracticeIndexPage(show_in_menus=True, **INDEX["es"])
        home.add_child(instance=index)
        publish_page(index)
        command.created(f"es: {index.title}")
    fields = dict(INDEX["en"])
    ensure_translation(index, english, fields.pop("slug"), fields, command)
    return index


def related_records(spec):
    """Up to three public records for a sheet, chosen by the spec's condition (None: no records)."""
    if spec is None:
        return []
    return list(CooperationAction.objects.public().filter(spec).order_by("pk")[:RECORDS_PER_SHEET])


def ensure_sheet(index, spec, english, command):
    sheet = GoodPracticePage.objects.child_of(index).filter(slug=spec["es"]["slug"]).first()
    if sheet is None:
        adapted = spec.get("adapted_from_entity")
        sheet = GoodPracticePage(
            entity=DistrictEntity.objects.filter(acronym=spec.get("entity", "SG")).first(),
            start_date=spec["start_date"],
            adapted_from_other_entity=bool(adapted),
            adapted_from_entity=adapted["es"] if adapted else "",
            **spec["es"],
        )
        sheet.mipg_policies.set(MipgPolicy.objects.filter(code__in=spec["policies"]))
        sheet.sdgs.set(SustainableDevelopmentGoal.objects.filter(number__in=spec["sdgs"]))
        sheet.related_records.set(
            [GoodPracticeRecord(action=action) for action in related_records(spec["records"])]
        )
        index.add_child(instance=sheet)
        publish_page(sheet)
        command.created(f"es: {sheet.title}")
    if sheet.get_translation_or_none(english) is None:
        # Built with its own slug (a translation copied and then renamed would leave a redirect).
        fields = dict(spec["en"])
        slug = fields.pop("slug")
        adapted = spec.get("adapted_from_entity")
        fields.update(
            entity=sheet.entity,
            start_date=sheet.start_date,
            adapted_from_other_entity=sheet.adapted_from_other_entity,
            adapted_from_entity=adapted["en"] if adapted else "",
        )
        translation = ensure_translation(sheet, english, slug, fields, command)
        translation.mipg_policies.set(sheet.mipg_policies.all())
        translation.sdgs.set(sheet.sdgs.all())
        translation.related_records.set(
            [GoodPracticeRecord(action=link.action) for link in sheet.related_records.all()]
        )
        publish_page(translation)


def load(command):
    spanish = Locale.objects.filter(language_code="es").first()
    english = Locale.objects.filter(language_code="en").first()
    home = HomePage.objects.filter(locale=spanish).first() if spanish else None
    if home is None or english is None or home.get_translation_or_none(english) is None:
        return  # home.demo builds both home pages first; without them there is nowhere to go.
    sync_mipg_policies(apps)
    sync_fixed_data(apps)
    index = ensure_index(home, english, command)
    for spec in SHEETS:
        ensure_sheet(index, spec, english, command)
    # The liaisons' page permissions and the moderation workflow on the sections just built.
    sync_roles()
