"""The national transparency menu: the categories and items of "Transparencia y acceso a la
información pública" that every obliged subject's website publishes, in the standard's order.

Source: Ley 1712 de 2014, article 9 and following, and Resolución MinTIC 1519 de 2020, annex 2
("Estándares de publicación y divulgación de información"), section 2.4.2. The annex nests some
items further (2.1.1 Leyes, 7.1 a. Registro de activos de información…); those belong to the
content of their item here. Category 6 ("Participa") follows the sections the annex takes from
Función Pública's guidelines for that menu.

Titles are the standard's own in Spanish and our translation in English. The page tree holds the
office's answer to each item; this list says what a complete tree must contain.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class StandardItem:
    number: str
    title_es: str
    title_en: str


@dataclass(frozen=True)
class StandardCategory:
    number: str
    title_es: str
    title_en: str
    items: tuple[StandardItem, ...]


def _items(*rows):
    return tuple(StandardItem(*row) for row in rows)


CATEGORIES = (
    StandardCategory(
        "1",
        "Información de la entidad",
        "Information about the entity",
        _items(
            ("1.1", "Misión, visión, funciones y deberes", "Mission, vision, functions and duties"),
            ("1.2", "Estructura orgánica – organigrama", "Organisational structure – organisation chart"),
            ("1.3", "Mapas y cartas descriptivas de los procesos", "Process maps and descriptions"),
            (
                "1.4",
                "Directorio institucional: sedes, oficinas y dependencias",
                "Institutional directory: premises, offices and units",
            ),
            (
                "1.5",
                "Directorio de servidores públicos, empleados o contratistas",
                "Directory of public servants, employees and contractors",
            ),
            ("1.6", "Directorio de entidades", "Directory of entities"),
            (
                "1.7",
                "Directorio de agremiaciones, asociaciones y otros grupos de interés",
                "Directory of trade bodies, associations and other stakeholders",
            ),
            (
                "1.8",
                "Servicio al público, normas, formularios y protocolos de atención",
                "Public service: rules, forms and service protocols",
            ),
            (
                "1.9",
                "Procedimientos que se siguen para tomar decisiones en las diferentes áreas",
                "How decisions are made in each area",
            ),
            (
                "1.10",
                "Mecanismo de presentación directa de solicitudes, quejas y reclamos",
                "How to file requests, complaints and claims directly",
            ),
            ("1.11", "Calendario de actividades y eventos", "Calendar of activities and events"),
            (
                "1.12",
                "Información sobre decisiones que pueden afectar al público",
                "Information on decisions that may affect the public",
            ),
            ("1.13", "Entes y autoridades que lo vigilan", "Oversight bodies and authorities"),
            ("1.14", "Publicación de hojas de vida", "Publication of CVs"),
        ),
    ),
    StandardCategory(
        "2",
        "Normativa",
        "Regulations",
        _items(
            ("2.1", "Normativa de la entidad o autoridad", "Regulations of the entity or authority"),
            ("2.2", "Búsqueda de normas", "Searching regulations"),
            ("2.3", "Proyectos de normas para comentarios", "Draft regulations open for comment"),
        ),
    ),
    StandardCategory(
        "3",
        "Contratación",
        "Procurement",
        _items(
            ("3.1", "Plan anual de adquisiciones", "Annual procurement plan"),
            ("3.2", "Publicación de la información contractual", "Contract information"),
            ("3.3", "Publicación de la ejecución de los contratos", "Contract execution"),
            (
                "3.4",
                "Manual de contratación, adquisición y/o compras",
                "Procurement and purchasing manual",
            ),
            (
                "3.5",
                "Formatos o modelos de contratos o pliegos tipo",
                "Contract templates and standard tender documents",
            ),
        ),
    ),
    StandardCategory(
        "4",
        "Planeación, presupuesto e informes",
        "Planning, budget and reports",
        _items(
            (
                "4.1",
                "Presupuesto general de ingresos, gastos e inversión",
                "General budget of revenue, expenditure and investment",
            ),
            ("4.2", "Ejecución presupuestal", "Budget execution"),
            ("4.3", "Plan de acción", "Action plan"),
            ("4.4", "Proyectos de inversión", "Investment projects"),
            ("4.5", "Informes de empalme", "Handover reports"),
            ("4.6", "Información pública y/o relevante", "Public and relevant information"),
            (
                "4.7",
                "Informes de gestión, evaluación y auditoría",
                "Management, evaluation and audit reports",
            ),
            ("4.8", "Informes de la Oficina de Control Interno", "Internal Control Office reports"),
            (
                "4.9",
                "Informe sobre defensa pública y prevención del daño antijurídico",
                "Report on legal defence and the prevention of unlawful damage",
            ),
            (
                "4.10",
                "Informes trimestrales sobre acceso a información, quejas y reclamos",
                "Quarterly reports on information requests, complaints and claims",
            ),
        ),
    ),
    StandardCategory(
        "5",
        "Trámites",
        "Procedures for the public",
        _items(
            ("5.1", "Normativa que sustenta los trámites", "Rules behind each procedure"),
            ("5.2", "Procesos de los trámites", "How each procedure works"),
            ("5.3", "Costos asociados", "Associated costs"),
            ("5.4", "Formatos y formularios asociados", "Associated forms"),
        ),
    ),
    StandardCategory(
        "6",
        "Participa",
        "Take part",
        _items(
            ("6.1", "Descripción general", "Overview"),
            (
                "6.2",
                "Participación para el diagnóstico e identificación de problemas",
                "Taking part in diagnosing and identifying problems",
            ),
            ("6.3", "Planeación y presupuesto participativo", "Participatory planning and budgeting"),
            ("6.4", "Consulta ciudadana", "Public consultation"),
            ("6.5", "Colaboración e innovación abierta", "Collaboration and open innovation"),
            ("6.6", "Rendición de cuentas", "Accountability"),
            ("6.7", "Control ciudadano", "Citizen oversight"),
        ),
    ),
    StandardCategory(
        "7",
        "Datos abiertos",
        "Open data",
        _items(
            (
                "7.1",
                "Instrumentos de gestión de la información pública",
                "Public information management instruments",
            ),
            ("7.2", "Sección de datos abiertos", "Open data section"),
        ),
    ),
    StandardCategory(
        "8",
        "Información específica para grupos de interés",
        "Information for specific groups",
        _items(
            (
                "8.1",
                "Información para niñas, niños y adolescentes",
                "Information for children and adolescents",
            ),
            ("8.2", "Información para mujeres", "Information for women"),
            ("8.3", "Otros grupos de interés", "Other stakeholder groups"),
        ),
    ),
    StandardCategory(
        "9",
        "Obligación de reporte de información específica por parte de la entidad",
        "Specific reporting obligations of the entity",
        _items(
            (
                "9.1",
                "Informes a los que obliga la normativa especial",
                "Reports required by specific regulations",
            ),
        ),
    ),
    StandardCategory(
        "10",
        "Información tributaria en entidades territoriales locales",
        "Tax information of local governments",
        _items(
            ("10.1", "Procesos de recaudo de rentas locales", "Local revenue collection"),
            (
                "10.2",
                "Tarifas de liquidación del Impuesto de Industria y Comercio (ICA)",
                "Industry and Commerce Tax (ICA) rates",
            ),
        ),
    ),
)

ITEMS = {item.number: item for category in CATEGORIES for item in category.items}


def number_key(number):
    """A number as a sortable tuple, so that 1.10 comes after 1.9."""
    return tuple(int(part) for part in str(number).split("."))
