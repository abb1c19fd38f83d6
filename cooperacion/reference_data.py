"""The register's reference lists: the district administration's sectors and entities, the
Internationalisation Board's thematic tables and transversal axes, Development Plan targets, and
the partners the demo uses. `load_reference_data` creates what is missing and changes nothing else.

The process documents name the six tables and three axes without listing them; the names below are
a working set for the office to confirm (see the closing note of the register issue).
"""

from .models import (
    DevelopmentPlanTarget,
    DistrictEntity,
    Partner,
    PartnerType,
    Sector,
    ThematicTable,
    TransversalAxis,
    normalize_name,
)

# Sector: (Spanish, English)
SECTORS = [
    ("Gestión Pública", "Public Management"),
    ("Gobierno", "Government"),
    ("Hacienda", "Finance"),
    ("Planeación", "Planning"),
    ("Desarrollo Económico, Industria y Turismo", "Economic Development, Industry and Tourism"),
    ("Educación", "Education"),
    ("Salud", "Health"),
    ("Integración Social", "Social Integration"),
    ("Cultura, Recreación y Deporte", "Culture, Recreation and Sport"),
    ("Ambiente", "Environment"),
    ("Movilidad", "Mobility"),
    ("Hábitat", "Habitat"),
    ("Mujeres", "Women"),
    ("Seguridad, Convivencia y Justicia", "Security, Coexistence and Justice"),
    ("Gestión Jurídica", "Legal Affairs"),
]

# Entity: (Spanish, English, acronym, sector)
ENTITIES = [
    (
        "Secretaría General de la Alcaldía Mayor",
        "General Secretariat of the Mayor's Office",
        "SG",
        "Gestión Pública",
    ),
    (
        "Departamento Administrativo del Servicio Civil Distrital",
        "District Civil Service Department",
        "DASCD",
        "Gestión Pública",
    ),
    ("Secretaría Distrital de Gobierno", "District Government Secretariat", "SDG", "Gobierno"),
    (
        "Instituto Distrital de la Participación y Acción Comunal",
        "District Institute for Participation and Community Action",
        "IDPAC",
        "Gobierno",
    ),
    ("Secretaría Distrital de Hacienda", "District Treasury", "SDH", "Hacienda"),
    ("Secretaría Distrital de Planeación", "District Planning Secretariat", "SDP", "Planeación"),
    (
        "Secretaría Distrital de Desarrollo Económico",
        "District Economic Development Secretariat",
        "SDDE",
        "Desarrollo Económico, Industria y Turismo",
    ),
    (
        "Instituto Distrital de Turismo",
        "District Tourism Institute",
        "IDT",
        "Desarrollo Económico, Industria y Turismo",
    ),
    (
        "Instituto para la Economía Social",
        "Institute for the Social Economy",
        "IPES",
        "Desarrollo Económico, Industria y Turismo",
    ),
    ("Secretaría de Educación del Distrito", "District Education Secretariat", "SED", "Educación"),
    (
        "Agencia Distrital para la Educación Superior, la Ciencia y la Tecnología",
        "District Agency for Higher Education, Science and Technology",
        "ATENEA",
        "Educación",
    ),
    ("Secretaría Distrital de Salud", "District Health Secretariat", "SDS", "Salud"),
    (
        "Secretaría Distrital de Integración Social",
        "District Social Integration Secretariat",
        "SDIS",
        "Integración Social",
    ),
    (
        "Instituto Distrital para la Protección de la Niñez y la Juventud",
        "District Institute for the Protection of Children and Youth",
        "IDIPRON",
        "Integración Social",
    ),
    (
        "Secretaría de Cultura, Recreación y Deporte",
        "Culture, Recreation and Sport Secretariat",
        "SCRD",
        "Cultura, Recreación y Deporte",
    ),
    (
        "Instituto Distrital de las Artes",
        "District Arts Institute",
        "IDARTES",
        "Cultura, Recreación y Deporte",
    ),
    (
        "Instituto Distrital de Recreación y Deporte",
        "District Recreation and Sport Institute",
        "IDRD",
        "Cultura, Recreación y Deporte",
    ),
    ("Secretaría Distrital de Ambiente", "District Environment Secretariat", "SDA", "Ambiente"),
    ("Jardín Botánico de Bogotá José Celestino Mutis", "Bogotá Botanical Garden", "JBB", "Ambiente"),
    (
        "Instituto Distrital de Gestión de Riesgos y Cambio Climático",
        "District Institute for Risk Management and Climate Change",
        "IDIGER",
        "Ambiente",
    ),
    ("Secretaría Distrital de Movilidad", "District Mobility Secretariat", "SDM", "Movilidad"),
    ("Instituto de Desarrollo Urbano", "Urban Development Institute", "IDU", "Movilidad"),
    ("Empresa Metro de Bogotá", "Bogotá Metro Company", "EMB", "Movilidad"),
    ("TransMilenio S.A.", "TransMilenio", "TMSA", "Movilidad"),
    ("Secretaría Distrital del Hábitat", "District Habitat Secretariat", "SDHT", "Hábitat"),
    (
        "Empresa de Acueducto y Alcantarillado de Bogotá",
        "Bogotá Water and Sewerage Company",
        "EAAB",
        "Hábitat",
    ),
    ("Secretaría Distrital de la Mujer", "District Women's Secretariat", "SDMujer", "Mujeres"),
    (
        "Secretaría Distrital de Seguridad, Convivencia y Justicia",
        "District Security, Coexistence and Justice Secretariat",
        "SDSCJ",
        "Seguridad, Convivencia y Justicia",
    ),
    ("Secretaría Jurídica Distrital", "District Legal Secretariat", "SJD", "Gestión Jurídica"),
]

# Thematic table or transversal axis: (Spanish, English, leading entity acronym)
THEMATIC_TABLES = [
    ("Desarrollo económico, inversión y turismo", "Economic development, investment and tourism", "SDDE"),
    ("Educación, ciencia e innovación", "Education, science and innovation", "SED"),
    ("Cultura, deporte e industrias creativas", "Culture, sport and creative industries", "SCRD"),
    ("Movilidad y desarrollo urbano sostenible", "Mobility and sustainable urban development", "SDM"),
    ("Ambiente y acción climática", "Environment and climate action", "SDA"),
    ("Seguridad, convivencia y paz", "Security, coexistence and peace", "SDSCJ"),
]
TRANSVERSAL_AXES = [
    ("Gobierno abierto y transformación digital", "Open government and digital transformation", "SG"),
    ("Equidad de género e inclusión", "Gender equity and inclusion", "SDMujer"),
    ("Integración regional", "Regional integration", "SDP"),
]

# Development Plan 2024-2027 target: (code, programme es, programme en, target es, target en,
# indicator es, indicator en, goal for the four years in actions of the register)
DEVELOPMENT_PLAN_TARGETS = [
    (
        "PDD-57-1",
        "Puertas abiertas al mundo",
        "Doors open to the world",
        "Gestionar alianzas de cooperación que movilicen recursos técnicos y financieros para la ciudad.",
        "Build cooperation partnerships that mobilise technical and financial resources for the city.",
        "Acciones de cooperación formalizadas que movilizan recursos",
        "Formalised cooperation actions that mobilise resources",
        80,
    ),
    (
        "PDD-57-2",
        "Puertas abiertas al mundo",
        "Doors open to the world",
        "Posicionar a Bogotá en redes, foros y agendas internacionales de ciudades.",
        "Position Bogotá in international city networks, forums and agendas.",
        "Acciones de posicionamiento internacional realizadas",
        "International positioning actions carried out",
        60,
    ),
    (
        "PDD-57-3",
        "Puertas abiertas al mundo",
        "Doors open to the world",
        "Fortalecer las capacidades de relacionamiento internacional de los servidores distritales.",
        "Strengthen the international-relations capacities of district staff.",
        "Acciones de fortalecimiento de capacidades realizadas",
        "Capacity-building actions carried out",
        50,
    ),
    (
        "PDD-57-4",
        "Puertas abiertas al mundo",
        "Doors open to the world",
        "Implementar el esquema de gobernanza de la acción internacional del Distrito.",
        "Implement the governance scheme of the District's international action.",
        "Acciones del esquema de gobernanza implementadas",
        "Governance scheme actions implemented",
        12,
    ),
]

# Partner: (name, acronym, type, ISO 3166 country or "")
DEMO_PARTNERS = [
    ("Agencia Francesa de Desarrollo", "AFD", PartnerType.FOREIGN_GOVERNMENT, "FR"),
    ("Agencia Alemana de Cooperación Internacional", "GIZ", PartnerType.FOREIGN_GOVERNMENT, "DE"),
    ("Agencia de Cooperación Internacional de Corea", "KOICA", PartnerType.FOREIGN_GOVERNMENT, "KR"),
    ("Agencia de Cooperación Internacional del Japón", "JICA", PartnerType.FOREIGN_GOVERNMENT, "JP"),
    (
        "Agencia Española de Cooperación Internacional para el Desarrollo",
        "AECID",
        PartnerType.FOREIGN_GOVERNMENT,
        "ES",
    ),
    ("Delegación de la Unión Europea en Colombia", "UE", PartnerType.NETWORK_MULTILATERAL, "BE"),
    (
        "Agencia Presidencial de Cooperación Internacional de Colombia",
        "APC-Colombia",
        PartnerType.NATIONAL_GOVERNMENT,
        "CO",
    ),
    ("Ministerio de Relaciones Exteriores de Colombia", "Cancillería", PartnerType.NATIONAL_GOVERNMENT, "CO"),
    ("Gobernación de Cundinamarca", "", PartnerType.SUBNATIONAL_GOVERNMENT, "CO"),
    ("Ciudad de México", "CDMX", PartnerType.SUBNATIONAL_GOVERNMENT, "MX"),
    ("Ayuntamiento de Madrid", "", PartnerType.SUBNATIONAL_GOVERNMENT, "ES"),
    ("Municipalidad de Lima", "", PartnerType.SUBNATIONAL_GOVERNMENT, "PE"),
    ("Ciudad de Seúl", "", PartnerType.SUBNATIONAL_GOVERNMENT, "KR"),
    ("Ciudad de París", "", PartnerType.SUBNATIONAL_GOVERNMENT, "FR"),
    ("Banco Interamericano de Desarrollo", "BID", PartnerType.NETWORK_MULTILATERAL, "US"),
    ("Banco de Desarrollo de América Latina y el Caribe", "CAF", PartnerType.NETWORK_MULTILATERAL, "VE"),
    (
        "Programa de las Naciones Unidas para los Asentamientos Humanos",
        "ONU-Hábitat",
        PartnerType.NETWORK_MULTILATERAL,
        "KE",
    ),
    ("Programa de las Naciones Unidas para el Desarrollo", "PNUD", PartnerType.NETWORK_MULTILATERAL, "US"),
    ("C40 Cities Climate Leadership Group", "C40", PartnerType.NETWORK_MULTILATERAL, "GB"),
    ("Ciudades y Gobiernos Locales Unidos", "CGLU", PartnerType.NETWORK_MULTILATERAL, "ES"),
    ("Gobiernos Locales por la Sostenibilidad", "ICLEI", PartnerType.NETWORK_MULTILATERAL, "DE"),
    ("Unión de Ciudades Capitales Iberoamericanas", "UCCI", PartnerType.NETWORK_MULTILATERAL, "ES"),
    ("Metropolis", "", PartnerType.NETWORK_MULTILATERAL, "ES"),
    ("Fundación Bloomberg Philanthropies", "", PartnerType.NON_PROFIT, "US"),
    ("Fundación Ford", "", PartnerType.NON_PROFIT, "US"),
    ("World Resources Institute", "WRI", PartnerType.NON_PROFIT, "US"),
    ("Fundación Corona", "", PartnerType.NON_PROFIT, "CO"),
    ("Cámara de Comercio de Bogotá", "CCB", PartnerType.PRIVATE_COMPANY, "CO"),
    ("Invest in Bogotá", "", PartnerType.PRIVATE_COMPANY, "CO"),
    ("Universidad Nacional de Colombia", "UNAL", PartnerType.ACADEMIA, "CO"),
    ("Universidad de los Andes", "Uniandes", PartnerType.ACADEMIA, "CO"),
    ("Universidad de Harvard", "", PartnerType.ACADEMIA, "US"),
    ("Instituto Tecnológico de Massachusetts", "MIT", PartnerType.ACADEMIA, "US"),
]


def _missing(model, key):
    return not model.objects.filter(normalized_name=normalize_name(key)).exists()


def load_reference_data():
    """Sectors, entities, tables, axes and targets; returns how many objects it created."""
    created = 0
    for name, name_en in SECTORS:
        if _missing(Sector, name):
            Sector.objects.create(name=name, name_en=name_en)
            created += 1
    sectors = {sector.normalized_name: sector for sector in Sector.objects.all()}
    for name, name_en, acronym, sector in ENTITIES:
        if _missing(DistrictEntity, name):
            DistrictEntity.objects.create(
                name=name, name_en=name_en, acronym=acronym, sector=sectors[normalize_name(sector)]
            )
            created += 1
    entities = {entity.acronym: entity for entity in DistrictEntity.objects.exclude(acronym="")}
    for model, rows in ((ThematicTable, THEMATIC_TABLES), (TransversalAxis, TRANSVERSAL_AXES)):
        for name, name_en, leader in rows:
            if _missing(model, name):
                model.objects.create(name=name, name_en=name_en, leading_entity=entities.get(leader))
                created += 1
    for (
        code,
        programme,
        programme_en,
        target,
        target_en,
        indicator,
        indicator_en,
        goal,
    ) in DEVELOPMENT_PLAN_TARGETS:
        _target, was_created = DevelopmentPlanTarget.objects.get_or_create(
            code=code,
            defaults={
                "programme": programme,
                "programme_en": programme_en,
                "target": target,
                "target_en": target_en,
                "indicator": indicator,
                "indicator_en": indicator_en,
                "goal": goal,
            },
        )
        created += was_created
        # Targets loaded before they had an indicator get one; an editor's goal is left as it is.
        DevelopmentPlanTarget.objects.filter(code=code, indicator="", goal__isnull=True).update(
            indicator=indicator, indicator_en=indicator_en, goal=goal
        )
    return created


def load_demo_partners():
    created = 0
    for name, acronym, partner_type, country in DEMO_PARTNERS:
        if _missing(Partner, name):
            Partner.objects.create(name=name, acronym=acronym, partner_type=partner_type, country=country)
            created += 1
    return created
