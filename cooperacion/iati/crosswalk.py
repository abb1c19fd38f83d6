"""The crosswalk from the register to IATI 2.03, defined once: `export` writes the XML from these
tables and the published crosswalk page shows them.

IATI names its codes in English; those names are kept as IATI writes them. A mapping is marked
approximate where the IATI code does not mean exactly what the portal's value means, and its note
says how.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ..models.codelists import SUSTAINABLE_DEVELOPMENT_GOALS, ActionType, PartnerRole, PartnerType, Status

IATI_VERSION = "2.03"
CODELISTS_URL = "https://iatistandard.org/en/iati-standard/203/codelists/"

REPORTING_ORG_TYPE = "11"  # OrganisationType: Local Government
# Narratives go out in Spanish and in English in the same file, whatever language the visitor
# reads, so the publisher's names are written here in both rather than through the catalogue.
REPORTING_ORG_NAMES = {
    "es": "Secretaría General de la Alcaldía Mayor de Bogotá D.C.",
    "en": "General Secretariat of the Mayor's Office of Bogotá D.C.",
}
RECIPIENT_COUNTRY = "CO"
ACTIVITY_SCOPE = "6"  # Sub-national: Single first-level administrative area (Bogotá D.C.)


def reporting_org_ref() -> str:
    return settings.IATI_REPORTING_ORG_REF


def activity_identifier(pk: int) -> str:
    """The activity's IATI identifier: the publisher's identifier, a hyphen, the record's number.

    IATI forbids changing an identifier once published; the record's number never changes.
    """
    return f"{reporting_org_ref()}-{pk}"


@dataclass(frozen=True)
class Code:
    """A code of an IATI codelist. `field` names the element when one table maps to several."""

    code: str
    name: str
    field: str = ""


@dataclass(frozen=True)
class Mapping:
    """What one portal value becomes in IATI: no code when IATI has no equivalent."""

    codes: tuple[Code, ...]
    note: str
    approximate: bool = False

    @property
    def code(self) -> str:
        return self.codes[0].code


def _map(code: str, name: str, note, approximate=False, field="") -> Mapping:
    return Mapping((Code(code, name, field),), note, approximate)


PIPELINE, IMPLEMENTATION, CLOSED, CANCELLED = "1", "2", "4", "5"

ACTIVITY_STATUS = {
    Status.IDENTIFIED: _map(
        PIPELINE, "Pipeline/identification", _("La acción está identificada y todavía no empieza.")
    ),
    Status.NEGOTIATION: _map(
        PIPELINE,
        "Pipeline/identification",
        _("Para IATI, una acción en negociación sigue en identificación: aún no hay nada firmado."),
    ),
    Status.IN_EXECUTION: _map(
        IMPLEMENTATION,
        "Implementation",
        _(
            "El registro une lo formalizado (firmado) y lo que está en ejecución; IATI los separa. "
            "Ambos se publican como en ejecución."
        ),
        approximate=True,
    ),
    Status.COMPLETED: _map(
        CLOSED,
        "Closed",
        _("El registro no lleva aparte el cierre financiero: una acción finalizada se publica como cerrada."),
    ),
    Status.NOT_MATERIALISED: _map(
        CANCELLED,
        "Cancelled",
        _("IATI no distingue la acción que no llegó a concretarse de la que se canceló."),
        approximate=True,
    ),
}

FUNDING, ACCOUNTABLE, IMPLEMENTING = "1", "2", "4"

ORGANISATION_ROLE = {
    PartnerRole.FUNDER: _map(FUNDING, "Funding", _("El aliado aporta los recursos.")),
    PartnerRole.IMPLEMENTER: _map(IMPLEMENTING, "Implementing", _("El aliado ejecuta la acción.")),
    PartnerRole.COUNTERPART: _map(
        ACCOUNTABLE,
        "Accountable",
        _(
            "La contraparte responde por su parte del acuerdo. IATI no tiene un rol para quien ni "
            "financia ni ejecuta; «responsable» es el más cercano."
        ),
        approximate=True,
    ),
    PartnerRole.TECHNICAL_PARTNER: _map(
        IMPLEMENTING,
        "Implementing",
        _("El socio técnico aporta conocimiento a la ejecución: se publica como ejecutor."),
        approximate=True,
    ),
    PartnerRole.CO_ORGANISER: _map(
        IMPLEMENTING,
        "Implementing",
        _("Quien organiza con el Distrito participa en la ejecución: se publica como ejecutor."),
        approximate=True,
    ),
}

LOCAL_GOVERNMENT, INTERNATIONAL_NGO, RECIPIENT_COUNTRY_NGO = "11", "21", "24"

ORGANISATION_TYPE = {
    PartnerType.FOREIGN_GOVERNMENT: _map(
        "10", "Government", _("Los gobiernos nacionales de otros países y sus agencias de cooperación.")
    ),
    PartnerType.NATIONAL_GOVERNMENT: _map("10", "Government", _("El Gobierno de Colombia y sus entidades.")),
    PartnerType.SUBNATIONAL_GOVERNMENT: _map(
        LOCAL_GOVERNMENT, "Local Government", _("Ciudades, regiones y otros gobiernos subnacionales.")
    ),
    PartnerType.NETWORK_MULTILATERAL: _map(
        "40",
        "Multilateral",
        _(
            "El registro junta los organismos multilaterales con las redes de ciudades; las redes "
            "suelen ser asociaciones, que IATI clasificaría como ONG internacionales."
        ),
        approximate=True,
    ),
    PartnerType.NON_PROFIT: Mapping(
        (
            Code(RECIPIENT_COUNTRY_NGO, "Partner Country based NGO"),
            Code(INTERNATIONAL_NGO, "International NGO"),
        ),
        _(
            "24 si el aliado tiene sede en Colombia, el país receptor de estas acciones; 21 si tiene "
            "sede en otro país o no se registró su país. El registro no separa las fundaciones (60)."
        ),
        approximate=True,
    ),
    PartnerType.PRIVATE_COMPANY: _map("70", "Private Sector", _("Empresas privadas.")),
    PartnerType.ACADEMIA: _map(
        "80", "Academic, Training and Research", _("Universidades y centros de investigación.")
    ),
}


def organisation_type(partner) -> str:
    if partner.partner_type == PartnerType.NON_PROFIT:
        return RECIPIENT_COUNTRY_NGO if partner.country.code == RECIPIENT_COUNTRY else INTERNATIONAL_NGO
    return ORGANISATION_TYPE[partner.partner_type].code


AID_TYPE, FINANCE_TYPE = "default-aid-type", "default-finance-type"
_NO_EQUIVALENT = ()

ACTION_TYPE = {
    ActionType.TECHNICAL_ASSISTANCE: _map(
        "D02",
        "Other technical assistance",
        _("Conocimiento aportado por fuera de un proyecto: la asistencia técnica de IATI."),
        field=AID_TYPE,
    ),
    ActionType.ALLIANCE: Mapping(
        _NO_EQUIVALENT, _("IATI no tiene un tipo de ayuda para una alianza sin transferencia de recursos.")
    ),
    ActionType.KNOWLEDGE_EXCHANGE: _map(
        "D02",
        "Other technical assistance",
        _("El intercambio de conocimientos es asistencia técnica en las dos direcciones."),
        approximate=True,
        field=AID_TYPE,
    ),
    ActionType.COOPERATION_AGREEMENT: _map(
        "C01",
        "Project-type interventions",
        _("Un convenio de cooperación suele financiar un proyecto, aunque no siempre."),
        approximate=True,
        field=AID_TYPE,
    ),
    ActionType.TRAINING: _map(
        "D02",
        "Other technical assistance",
        _("La asistencia técnica de IATI incluye la formación."),
        field=AID_TYPE,
    ),
    ActionType.AWARD: Mapping(_NO_EQUIVALENT, _("Un premio no es un tipo de ayuda en IATI.")),
    ActionType.DONATION: _map(
        "110",
        "Standard grant",
        _(
            "Una donación no se reembolsa, como la donación estándar de IATI; pero las donaciones en "
            "especie no son dinero."
        ),
        approximate=True,
        field=FINANCE_TYPE,
    ),
    ActionType.EVENT_CAMPAIGN: Mapping(
        _NO_EQUIVALENT,
        _("El tipo de IATI para campañas (H01) es para la sensibilización en el país donante: no aplica."),
    ),
    ActionType.PUBLICATION: Mapping(_NO_EQUIVALENT, _("Una publicación no es un tipo de ayuda en IATI.")),
    ActionType.INSTRUMENT: Mapping(
        _NO_EQUIVALENT,
        _("Un memorando, una carta de intención o la adhesión a una red no son un tipo de ayuda en IATI."),
    ),
}

# The action type also goes out in the portal's own vocabulary, described on the crosswalk page.
PORTAL_VOCABULARY = "99"
ACTION_TYPE_ANCHOR = "tipo-de-accion"

SDG_VOCABULARY = "2"  # TagVocabulary: UN Sustainable Development Goals (SDG)
SDG_NAMES = {
    1: "Goal 1. End poverty in all its forms everywhere",
    2: "Goal 2. End hunger, achieve food security and improved nutrition and promote sustainable agriculture",
    3: "Goal 3. Ensure healthy lives and promote well-being for all at all ages",
    4: "Goal 4. Ensure inclusive and equitable quality education and promote lifelong learning opportunities for all",
    5: "Goal 5. Achieve gender equality and empower all women and girls",
    6: "Goal 6. Ensure availability and sustainable management of water and sanitation for all",
    7: "Goal 7. Ensure access to affordable, reliable, sustainable and modern energy for all",
    8: "Goal 8. Promote sustained, inclusive and sustainable economic growth, full and productive employment and decent work for all",
    9: "Goal 9. Build resilient infrastructure, promote inclusive and sustainable industrialization and foster innovation",
    10: "Goal 10. Reduce inequality within and among countries",
    11: "Goal 11. Make cities and human settlements inclusive, safe, resilient and sustainable",
    12: "Goal 12. Ensure sustainable consumption and production patterns",
    13: "Goal 13. Take urgent action to combat climate change and its impacts",
    14: "Goal 14. Conserve and sustainably use the oceans, seas and marine resources for sustainable development",
    15: "Goal 15. Protect, restore and promote sustainable use of terrestrial ecosystems, sustainably manage forests, combat desertification, and halt and reverse land degradation and halt biodiversity loss",
    16: "Goal 16. Promote peaceful and inclusive societies for sustainable development, provide access to justice for all and build effective, accountable and inclusive institutions at all levels",
    17: "Goal 17. Strengthen the means of implementation and revitalize the Global Partnership for Sustainable Development",
}
SDG = {
    number: _map(str(number), SDG_NAMES[number], _("El mismo objetivo."))
    for number in SUSTAINABLE_DEVELOPMENT_GOALS
}

SUPPORTING_DOCUMENT, RECORD_SHEET = "documento_soporte", "ficha"
DOCUMENT_CATEGORY = {
    SUPPORTING_DOCUMENT: _map(
        "A08",
        "Results, outcomes and outputs",
        _(
            "El registro guarda los documentos de soporte con los resultados y no los clasifica. "
            "Solo salen los marcados como públicos, y solo si el aliado autorizó publicar resultados."
        ),
        approximate=True,
    ),
    RECORD_SHEET: _map(
        "A12", "Activity web page", _("La ficha pública del registro, en español y en inglés.")
    ),
}
DOCUMENT_LABELS = {
    SUPPORTING_DOCUMENT: _("Documento de soporte público"),
    RECORD_SHEET: _("Ficha pública del registro"),
}

PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"
GENERAL_DESCRIPTION, OTHER_DESCRIPTION = "1", "4"
INCOMING_COMMITMENT, INCOMING_PLEDGE = "11", "13"
ORIGINAL_BUDGET = "1"
INDICATIVE_BUDGET, COMMITTED_BUDGET = "1", "2"
REPORTING_ORGANISATION_ACTIVITY_ID = "A1"  # OtherIdentifierType
ACTIVITY_WEB_PAGE = DOCUMENT_CATEGORY[RECORD_SHEET].code


@dataclass(frozen=True)
class Field:
    """One of the register's fields that is not a codelist, and where it goes in IATI."""

    label: str
    iati: str
    note: str


FIELDS = [
    Field(
        _("Identificador externo (GLOBO, hojas de cálculo)"),
        'other-identifier type="A1"',
        _("El código del registro anterior, cuando lo hay."),
    ),
    Field(
        _("Título y título en inglés"),
        "title/narrative",
        _("En español y, cuando existe, en inglés (xml:lang)."),
    ),
    Field(
        _("Resumen y descripción"),
        'description type="1" (General)',
        _("Unidos en una narrativa por idioma; la inglesa solo si hay texto en inglés."),
    ),
    Field(
        _("Resultados alcanzados"),
        'description type="4" (Other)',
        _(
            "Solo si el aliado autorizó publicar resultados. El elemento result de IATI exige "
            "indicadores medidos en un periodo, y los resultados del registro son texto libre."
        ),
    ),
    Field(
        _("Fechas"),
        "activity-date",
        _(
            "Inicio real (2) si la acción está en ejecución o finalizada y previsto (1) si no; sin "
            "fecha de inicio, la de firma cuenta como inicio real de una acción formalizada. Fin "
            "real (4) si está finalizada y previsto (3) si no. Sin ninguna de estas fechas, la de "
            "identificación se publica como inicio previsto, con una nota que lo dice."
        ),
    ),
    Field(
        _("Territorio"),
        'recipient-country code="CO", activity-scope code="6"',
        _(
            "Las acciones del registro son del Distrito: el país receptor es Colombia y el alcance, "
            "Bogotá D.C., un área administrativa de primer nivel. Los países involucrados son los "
            "de los aliados y no se publican como países receptores."
        ),
    ),
    Field(
        _("Valor y moneda"),
        "default-currency, budget, transaction",
        _(
            "Solo si el aliado autorizó publicar montos. Acción formalizada, en ejecución o "
            "finalizada: compromiso recibido (transacción 11) en la fecha de firma o, sin ella, de "
            "inicio. Identificada o en negociación: promesa recibida (13) en la fecha de "
            "identificación. No materializada: ninguna. El presupuesto (budget) sale solo si la "
            "acción tiene inicio y fin y dura un año o menos: IATI pide presupuestos de un año como "
            "máximo y el registro guarda un solo valor. La fecha del valor es la de las tasas de "
            "cambio, si la hay. Los aportes en especie lo dicen en la transacción."
        ),
    ),
    Field(
        _("Aliados y sus roles"),
        "participating-org @role @type",
        _(
            "Con el nombre del aliado y sin ref: el registro no guarda identificadores de "
            "organización de los aliados. Si hay un solo financiador, es quien aporta en la transacción."
        ),
    ),
    Field(
        _("Entidades del Distrito"),
        'participating-org role="4" type="11"',
        _("Cada entidad del Distrito que participa, como ejecutora."),
    ),
    Field(
        _("Bogotá D.C."),
        'participating-org role="2" type="11" ref',
        _("El Distrito, que publica la acción, como responsable de ella."),
    ),
    Field(
        _("Objetivos de Desarrollo Sostenible"),
        'tag vocabulary="2"',
        _(
            "Como etiquetas y no como sectores (vocabulario 7): los sectores de un vocabulario deben "
            "repartirse el 100 %, y el registro no dice cuánto de una acción va a cada objetivo."
        ),
    ),
    Field(
        _("Tipo de acción"),
        'tag vocabulary="99", default-aid-type, default-finance-type',
        _("Siempre con el vocabulario propio del portal y, cuando lo hay, con el código IATI más cercano."),
    ),
    Field(
        _("Última publicación"),
        "last-updated-datetime",
        _("Cuándo se publicó por última vez el registro."),
    ),
]

NOT_EXPORTED = [
    _(
        "Las observaciones internas, el soporte y la fecha de la autorización del aliado, y los "
        "enlaces de las entidades."
    ),
    _("Los borradores y los registros que el aliado no autorizó publicar."),
    _(
        "Lo que IATI no tiene dónde poner: línea de acción, dimensión, mesa temática, ejes "
        "transversales, meta del Plan de Desarrollo, localidades, países de los aliados, "
        "indicadores de resultado y los equivalentes en pesos y en dólares."
    ),
]


@dataclass(frozen=True)
class Row:
    value: str
    label: str
    mapping: Mapping


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    iati_field: str
    codelist: str
    rows: list[Row]
    note: str = ""

    @property
    def codelist_url(self) -> str:
        return f"{CODELISTS_URL}{self.codelist.lower()}/"


def tables() -> list[Table]:
    """The crosswalk as the page shows it: every value of every mapped portal codelist."""

    def rows(choices, mappings):
        return [Row(str(value), label, mappings[value]) for value, label in choices]

    return [
        Table(
            "estado",
            _("Estado"),
            "activity-status/@code",
            "ActivityStatus",
            rows(Status.choices, ACTIVITY_STATUS),
        ),
        Table(
            "rol-del-aliado",
            _("Rol del aliado"),
            "participating-org/@role",
            "OrganisationRole",
            rows(PartnerRole.choices, ORGANISATION_ROLE),
            _("El código 3 (Extending) no se usa: el registro no canaliza recursos hacia terceros."),
        ),
        Table(
            "tipo-de-aliado",
            _("Tipo de aliado"),
            "participating-org/@type",
            "OrganisationType",
            rows(PartnerType.choices, ORGANISATION_TYPE),
        ),
        Table(
            ACTION_TYPE_ANCHOR,
            _("Tipo de acción"),
            "default-aid-type (AidType, vocabulary 1) / default-finance-type",
            "AidType",
            rows(ActionType.choices, ACTION_TYPE),
            _(
                "Todas las acciones llevan además su tipo en el vocabulario propio del portal: "
                '<tag vocabulary="99"> con el valor de la primera columna y un vocabulary-uri que '
                "apunta a esta tabla."
            ),
        ),
        Table(
            "ods",
            _("Objetivos de Desarrollo Sostenible"),
            'tag vocabulary="2"',
            "UNSDG-Goals",
            rows(SUSTAINABLE_DEVELOPMENT_GOALS.items(), SDG),
        ),
        Table(
            "documentos",
            _("Documentos"),
            "document-link/category/@code",
            "DocumentCategory",
            rows(DOCUMENT_LABELS.items(), DOCUMENT_CATEGORY),
        ),
    ]
