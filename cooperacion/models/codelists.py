"""The register's closed codelists, from the office's process characterisation (4212000-CR-040)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

import pycountry


class ActionType(models.TextChoices):
    TECHNICAL_ASSISTANCE = "asistencia_tecnica", _("Asistencia técnica")
    ALLIANCE = "alianza", _("Alianza")
    KNOWLEDGE_EXCHANGE = "buenas_practicas", _("Buenas prácticas e intercambio de conocimientos")
    COOPERATION_AGREEMENT = "convenio", _("Convenio de cooperación")
    TRAINING = "curso", _("Curso / capacitación")
    AWARD = "premio", _("Premio")
    DONATION = "donacion", _("Donación")
    EVENT_CAMPAIGN = "evento", _("Evento / campaña")
    PUBLICATION = "publicacion", _("Publicación")
    INSTRUMENT = "instrumento", _("Instrumento de cooperación internacional")


class InstrumentKind(models.TextChoices):
    MEMORANDUM = "memorando", _("Memorando de entendimiento")
    LETTER_OF_INTENT = "carta_intencion", _("Carta de intención")
    AGREEMENT = "acuerdo", _("Acuerdo")
    CITY_NETWORK = "red_ciudades", _("Adhesión a una red de ciudades")


class LineOfAction(models.TextChoices):
    MOBILISE_RESOURCES = "movilizar_recursos", _("Movilizar recursos técnicos y financieros")
    POSITION_BOGOTA = "posicionar_bogota", _("Posicionar a Bogotá como referente global")
    STRENGTHEN_CAPACITIES = (
        "fortalecer_capacidades",
        _("Fortalecer las capacidades de relacionamiento internacional"),
    )


class Dimension(models.TextChoices):
    COOPERATION = "cooperacion", _("Cooperación")
    RELATIONSHIP = "relacionamiento", _("Relacionamiento")
    POSITIONING = "posicionamiento", _("Posicionamiento")


class Status(models.TextChoices):
    IDENTIFIED = "identificada", _("Identificada")
    NEGOTIATION = "en_negociacion", _("En negociación")
    IN_EXECUTION = "en_ejecucion", _("Formalizada / en ejecución")
    COMPLETED = "finalizada", _("Finalizada")
    NOT_MATERIALISED = "no_materializada", _("No materializada")


class PartnerType(models.TextChoices):
    FOREIGN_GOVERNMENT = "gobierno_internacional", _("Gobierno internacional")
    NATIONAL_GOVERNMENT = "gobierno_nacional", _("Gobierno nacional")
    SUBNATIONAL_GOVERNMENT = "gobierno_local", _("Gobierno local / subnacional")
    NETWORK_MULTILATERAL = "red_multilateral", _("Red / organismo multilateral")
    NON_PROFIT = "esal_ong", _("ESAL / ONG / fundación")
    PRIVATE_COMPANY = "empresa_privada", _("Empresa privada")
    ACADEMIA = "academia", _("Academia")


class PartnerRole(models.TextChoices):
    FUNDER = "financiador", _("Financiador")
    IMPLEMENTER = "ejecutor", _("Ejecutor")
    COUNTERPART = "contraparte", _("Contraparte")
    TECHNICAL_PARTNER = "socio_tecnico", _("Socio técnico")
    CO_ORGANISER = "coorganizador", _("Coorganizador")


class AuthorisationScope(models.TextChoices):
    FULL = "completa", _("El registro, sus montos y sus resultados")
    WITHOUT_AMOUNTS = "sin_montos", _("El registro y sus resultados, sin montos")
    RECORD_ONLY = "solo_registro", _("Solo el registro, sin montos ni resultados")

    @classmethod
    def with_results(cls):
        """The scopes under which a record's results (and its result documents) may be shown."""
        return [cls.FULL, cls.WITHOUT_AMOUNTS]


class BogotaLocality(models.TextChoices):
    """Bogotá's twenty localities, by their official number."""

    USAQUEN = "01", "Usaquén"
    CHAPINERO = "02", "Chapinero"
    SANTA_FE = "03", "Santa Fe"
    SAN_CRISTOBAL = "04", "San Cristóbal"
    USME = "05", "Usme"
    TUNJUELITO = "06", "Tunjuelito"
    BOSA = "07", "Bosa"
    KENNEDY = "08", "Kennedy"
    FONTIBON = "09", "Fontibón"
    ENGATIVA = "10", "Engativá"
    SUBA = "11", "Suba"
    BARRIOS_UNIDOS = "12", "Barrios Unidos"
    TEUSAQUILLO = "13", "Teusaquillo"
    LOS_MARTIRES = "14", "Los Mártires"
    ANTONIO_NARINO = "15", "Antonio Nariño"
    PUENTE_ARANDA = "16", "Puente Aranda"
    LA_CANDELARIA = "17", "La Candelaria"
    RAFAEL_URIBE_URIBE = "18", "Rafael Uribe Uribe"
    CIUDAD_BOLIVAR = "19", "Ciudad Bolívar"
    SUMAPAZ = "20", "Sumapaz"


SUSTAINABLE_DEVELOPMENT_GOALS = {
    1: _("Fin de la pobreza"),
    2: _("Hambre cero"),
    3: _("Salud y bienestar"),
    4: _("Educación de calidad"),
    5: _("Igualdad de género"),
    6: _("Agua limpia y saneamiento"),
    7: _("Energía asequible y no contaminante"),
    8: _("Trabajo decente y crecimiento económico"),
    9: _("Industria, innovación e infraestructura"),
    10: _("Reducción de las desigualdades"),
    11: _("Ciudades y comunidades sostenibles"),
    12: _("Producción y consumo responsables"),
    13: _("Acción por el clima"),
    14: _("Vida submarina"),
    15: _("Vida de ecosistemas terrestres"),
    16: _("Paz, justicia e instituciones sólidas"),
    17: _("Alianzas para lograr los objetivos"),
}


def currency_choices():
    """ISO 4217 currencies, code first: what editors and spreadsheets write."""
    return sorted((c.alpha_3, f"{c.alpha_3} — {c.name}") for c in pycountry.currencies)


def validate_currency(code):
    if not code or pycountry.currencies.get(alpha_3=code.upper()) is None:
        raise ValidationError(
            _("%(code)s no es un código de moneda ISO 4217 (por ejemplo COP, USD, EUR)."),
            code="unknown_currency",
            params={"code": code},
        )
