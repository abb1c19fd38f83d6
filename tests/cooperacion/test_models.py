from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

import pytest

from cooperacion.models import (
    ActionType,
    AuthorisationScope,
    CooperationAction,
    DistrictEntity,
    InstrumentKind,
    Locality,
    Partner,
    PartnerType,
    Sector,
    Status,
    normalize_name,
)
from tests.cooperacion.factories import CooperationActionFactory

TODAY = timezone.localdate()
TOMORROW = TODAY + timedelta(days=1)


def errors_of(action):
    with pytest.raises(ValidationError) as caught:
        action.full_clean()
    return caught.value.message_dict


def valid_action(**fields):
    values = {
        "title": "Asistencia técnica en gestión del riesgo",
        "summary": "Acompañamiento a la entidad.",
        "action_type": ActionType.TECHNICAL_ASSISTANCE,
        "line_of_action": "movilizar_recursos",
        "dimension": "cooperacion",
        "status": Status.IDENTIFIED,
        "date_identified": date(2025, 1, 10),
    }
    values.update(fields)
    return CooperationAction(**values)


@pytest.mark.django_db
class TestValidationRules:
    def test_a_plain_record_is_valid(self):
        valid_action().full_clean()

    def test_an_instrument_needs_its_kind(self):
        assert "instrument_kind" in errors_of(valid_action(action_type=ActionType.INSTRUMENT))
        valid_action(
            action_type=ActionType.INSTRUMENT, instrument_kind=InstrumentKind.MEMORANDUM
        ).full_clean()

    def test_only_instruments_have_a_kind(self):
        assert "instrument_kind" in errors_of(valid_action(instrument_kind=InstrumentKind.MEMORANDUM))

    @pytest.mark.parametrize(
        "dates, field",
        [
            ({"date_signed": date(2025, 1, 1)}, "date_signed"),
            ({"start_date": date(2024, 12, 31)}, "start_date"),
            ({"start_date": date(2025, 6, 1), "end_date": date(2025, 5, 1)}, "end_date"),
            ({"date_signed": date(2025, 7, 1), "start_date": date(2025, 6, 1)}, "start_date"),
            ({"date_signed": date(2025, 7, 1), "end_date": date(2025, 6, 1)}, "end_date"),
        ],
    )
    def test_dates_must_be_in_order(self, dates, field):
        errors = errors_of(valid_action(**dates))
        assert field in errors
        assert "no puede ser anterior" in errors[field][0]

    def test_nothing_is_identified_in_the_future(self):
        assert "date_identified" in errors_of(valid_action(date_identified=TOMORROW))

    def test_an_action_in_execution_has_a_signing_or_start_date(self):
        assert "start_date" in errors_of(valid_action(status=Status.IN_EXECUTION))
        valid_action(status=Status.IN_EXECUTION, date_signed=date(2025, 2, 1)).full_clean()

    def test_a_completed_action_has_ended(self):
        assert "end_date" in errors_of(valid_action(status=Status.COMPLETED))
        future = valid_action(status=Status.COMPLETED, start_date=date(2025, 2, 1), end_date=TOMORROW)
        assert "terminar en el futuro" in errors_of(future)["end_date"][0]

    def test_an_amount_needs_a_currency_and_a_currency_an_amount(self):
        assert "currency" in errors_of(valid_action(amount=Decimal("1000")))
        assert "amount" in errors_of(valid_action(currency="COP"))

    def test_unknown_currency_is_rejected(self):
        errors = errors_of(valid_action(amount=Decimal("10"), currency="XYZ"))
        assert "ISO 4217" in errors["currency"][0]

    def test_amounts_cannot_be_negative(self):
        assert "amount" in errors_of(valid_action(amount=Decimal("-5"), currency="COP"))

    def test_a_foreign_amount_needs_a_rate_or_its_peso_value(self):
        assert "exchange_rate_cop" in errors_of(valid_action(amount=Decimal("10"), currency="EUR"))
        valid_action(amount=Decimal("10"), currency="EUR", amount_cop=Decimal("45000")).full_clean()

    def test_rates_need_their_date(self):
        action = valid_action(amount=Decimal("10"), currency="EUR", exchange_rate_cop=Decimal("4500"))
        assert "exchange_rate_date" in errors_of(action)

    def test_an_authorisation_has_a_date_in_the_past_and_a_scope(self):
        errors = errors_of(valid_action(publication_authorised=True))
        assert {"authorisation_date", "authorisation_scope"} <= errors.keys()
        future = valid_action(
            publication_authorised=True,
            authorisation_date=TOMORROW,
            authorisation_scope=AuthorisationScope.FULL,
        )
        assert "authorisation_date" in errors_of(future)

    def test_a_value_too_large_once_converted_is_refused_not_a_database_error(self):
        action = valid_action(
            amount=Decimal("9999999999999999"),
            currency="EUR",
            exchange_rate_cop=Decimal("5000000"),
            exchange_rate_date=date(2025, 1, 1),
        )
        assert "demasiado grande" in errors_of(action)["amount"][0]

    def test_a_citywide_action_is_not_limited_to_localities(self, db):
        action = valid_action(citywide=True)
        action.localities = [Locality.objects.get_or_create(code="08")[0]]
        assert "citywide" in errors_of(action)


@pytest.mark.django_db
class TestDerivedFields:
    def test_equivalents_are_computed_from_the_rates(self):
        action = CooperationActionFactory(
            amount=Decimal("1000"),
            currency="eur",
            exchange_rate_cop=Decimal("4500"),
            usd_rate_cop=Decimal("4000"),
            exchange_rate_date=date(2025, 3, 1),
        )
        assert (action.currency, action.amount_cop, action.amount_usd) == (
            "EUR",
            Decimal("4500000.00"),
            Decimal("1125.00"),
        )

    def test_equivalents_follow_a_corrected_value_or_rate(self):
        action = CooperationActionFactory(
            amount=Decimal("1000"),
            currency="EUR",
            exchange_rate_cop=Decimal("4500"),
            usd_rate_cop=Decimal("4000"),
            exchange_rate_date=date(2025, 3, 1),
        )
        action.amount = Decimal("2000")
        action.exchange_rate_cop = Decimal("4400")
        action.save()
        action.refresh_from_db()
        assert (action.amount_cop, action.amount_usd) == (Decimal("8800000.00"), Decimal("2200.00"))

    def test_pesos_and_dollars_need_no_rate_for_themselves(self):
        assert CooperationActionFactory(amount=Decimal("2500000"), currency="COP").amount_cop == Decimal(
            "2500000"
        )
        assert CooperationActionFactory(amount=Decimal("900"), currency="USD").amount_usd == Decimal("900")

    def test_given_equivalents_are_kept(self):
        action = CooperationActionFactory(
            amount=Decimal("10"), currency="EUR", amount_cop=Decimal("47000"), amount_usd=Decimal("11")
        )
        assert (action.amount_cop, action.amount_usd) == (Decimal("47000"), Decimal("11"))

    def test_the_year_is_the_start_then_signing_then_identification_year(self):
        assert CooperationActionFactory(date_identified=date(2023, 5, 1)).year == 2023
        assert (
            CooperationActionFactory(date_identified=date(2023, 5, 1), date_signed=date(2024, 1, 2)).year
            == 2024
        )
        action = CooperationActionFactory(
            date_identified=date(2023, 5, 1), date_signed=date(2024, 1, 2), start_date=date(2025, 2, 1)
        )
        assert action.year == 2025

    def test_english_text_for_english_readers_with_a_spanish_fallback(self, settings):
        from django.utils import translation

        action = CooperationActionFactory(title="Alianza", title_en="Partnership", summary="Solo en español")
        with translation.override("en"):
            assert (action.display_title, action.localized("summary")) == ("Partnership", "Solo en español")
        with translation.override("es"):
            assert action.display_title == "Alianza"

    def test_the_title_says_which_language_it_is_in(self):
        from django.utils import translation

        translated = CooperationActionFactory(title="Alianza", title_en="Partnership")
        spanish_only = CooperationActionFactory(title="Alianza local", title_en="")
        with translation.override("en"):
            assert (translated.display_title_lang, spanish_only.display_title_lang) == ("en", "es")
        with translation.override("es"):
            assert translated.display_title_lang == "es"


@pytest.mark.django_db
class TestDatabaseConstraints:
    def test_start_after_end_is_refused_by_the_database(self):
        action = CooperationActionFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            CooperationAction.objects.filter(pk=action.pk).update(
                start_date=date(2025, 5, 1), end_date=date(2025, 4, 1)
            )

    def test_an_authorisation_without_date_is_refused_by_the_database(self):
        action = CooperationActionFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            CooperationAction.objects.filter(pk=action.pk).update(authorisation_date=None)

    def test_negative_amounts_are_refused_by_the_database(self):
        action = CooperationActionFactory(amount=Decimal("1"), currency="COP")
        with pytest.raises(IntegrityError), transaction.atomic():
            CooperationAction.objects.filter(pk=action.pk).update(amount=Decimal("-1"))


@pytest.mark.django_db
class TestNoDuplicateReferences:
    def test_names_are_folded_for_comparison(self):
        assert normalize_name("  Agencia Francesa de Desarrollo ") == normalize_name(
            "agencia francesa de DESARROLLO"
        )
        assert normalize_name("Secretaría de Educación") == normalize_name("secretaria de educacion")
        assert normalize_name("ONU-Hábitat") == normalize_name("onu habitat")

    def test_the_same_partner_twice_gets_a_clear_message(self):
        Partner.objects.create(
            name="Agencia Francesa de Desarrollo", partner_type=PartnerType.FOREIGN_GOVERNMENT
        )
        duplicate = Partner(
            name="agencia  francesa de DESARROLLO", partner_type=PartnerType.FOREIGN_GOVERNMENT
        )
        errors = errors_of(duplicate)
        assert "Ya existe «Agencia Francesa de Desarrollo»" in errors["name"][0]

    def test_the_database_refuses_a_duplicate_written_differently(self):
        sector = Sector.objects.create(name="Educación")
        with pytest.raises(IntegrityError), transaction.atomic():
            Sector.objects.create(name="EDUCACION")
        DistrictEntity.objects.create(name="Secretaría de Educación", sector=sector)
        with pytest.raises(IntegrityError), transaction.atomic():
            DistrictEntity.objects.create(name="secretaria de educación", sector=sector)
