"""IATI 2.03 activity XML for public records, written incrementally so that any number of records
goes out in bounded memory. What each field becomes is decided in `crosswalk`; the element order
is the one `schema/iati-activities-schema.xsd` requires.

Callers pass records already read through `CooperationAction.objects.public()`; `prepared` adds
what one activity needs in a constant number of queries per chunk of records.
"""

import re
from collections.abc import Iterable, Iterator
from datetime import timedelta
from pathlib import Path

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from lxml import etree

from ..models import ActionEntity, ActionPartner, PartnerRole, Status, SupportingDocument
from ..models.codelists import ActionType
from . import crosswalk as cw

SCHEMA = Path(__file__).resolve().parent / "schema" / "iati-activities-schema.xsd"
CONTENT_TYPE = "application/xml; charset=utf-8"
CHUNK_SIZE = 500
FLUSH_BYTES = 64 * 1024
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = ("es", "en")
STARTED = {Status.IN_EXECUTION, Status.COMPLETED}
PIPELINE = {Status.IDENTIFIED, Status.NEGOTIATION}
# IATI budgets cover a year at most.
LONGEST_BUDGET = timedelta(days=366)
# Characters XML 1.0 cannot carry (an imported text may hold them).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

SIGNED_AS_START = _("Fecha de firma: el registro no tiene fecha de inicio.")
IDENTIFIED_AS_START = _("Fecha de identificación: el registro todavía no tiene fecha de inicio.")
IN_KIND = _("Aporte en especie, valorado en esta cifra.")


def prepared(queryset):
    """The records with what an activity shows, in the order they are written.

    Private supporting documents are not even read.
    """
    return (
        queryset.order_by("pk")
        .defer("internal_notes")
        .prefetch_related(
            Prefetch("partner_links", queryset=ActionPartner.objects.select_related("partner")),
            Prefetch("entity_links", queryset=ActionEntity.objects.select_related("entity")),
            "sdgs",
            Prefetch(
                "documents",
                queryset=SupportingDocument.objects.filter(public=True).select_related("document"),
                to_attr="public_documents",
            ),
        )
    )


def stream(actions: Iterable, request) -> Iterator[bytes]:
    """The `<iati-activities>` file for `actions` (at least one), in chunks of bytes."""
    builder = ActivityBuilder(request)
    output = _Chunks()
    with etree.xmlfile(output, encoding="utf-8") as xml:
        xml.write_declaration()
        attributes = {"version": cw.IATI_VERSION, "generated-datetime": _datetime(timezone.now())}
        with xml.element("iati-activities", attributes):
            xml.write("\n")
            for action in actions:
                xml.write(builder.activity(action), pretty_print=True)
                if output.size >= FLUSH_BYTES:
                    xml.flush()
                    yield output.take()
    yield output.take()


def iterate(queryset):
    return prepared(queryset).iterator(chunk_size=CHUNK_SIZE)


class _Chunks:
    """Where `xmlfile` writes: the bytes since the last `take`."""

    def __init__(self):
        self.parts = []
        self.size = 0

    def write(self, data):
        self.parts.append(data)
        self.size += len(data)

    def take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts, self.size = [], 0
        return data


class ActivityBuilder:
    """Builds one `<iati-activity>` element at a time, with the request's absolute URLs."""

    def __init__(self, request):
        self.site = request.build_absolute_uri("/").rstrip("/")
        self.reporting_ref = cw.reporting_org_ref()
        with translation.override("es"):
            crosswalk_url = reverse("iati_crosswalk")
        self.portal_vocabulary_uri = f"{self.site}{crosswalk_url}#{cw.ACTION_TYPE_ANCHOR}"
        self.action_types = {value: in_both(label) for value, label in ActionType.choices}
        self.sheet_titles = in_both(cw.DOCUMENT_LABELS[cw.RECORD_SHEET])
        self.signed_as_start = in_both(SIGNED_AS_START)
        self.identified_as_start = in_both(IDENTIFIED_AS_START)
        self.in_kind = in_both(IN_KIND)
        self.today = timezone.localdate()

    def activity(self, action) -> etree._Element:
        shows_amounts = action.shows_amounts and action.amount is not None and bool(action.currency)
        attributes = {
            XML_LANG: "es",
            "last-updated-datetime": _datetime(action.last_published_at or action.updated_at),
        }
        if shows_amounts:
            attributes["default-currency"] = action.currency
        activity = etree.Element("iati-activity", attributes)
        sub(activity, "iati-identifier").text = cw.activity_identifier(action.pk)
        self.reporting_org(activity, "reporting-org")
        narratives(sub(activity, "title"), {"es": action.title, "en": action.title_en})
        self.descriptions(activity, action)
        self.participating_orgs(activity, action)
        if action.external_id:
            sub(
                activity,
                "other-identifier",
                ref=action.external_id,
                type=cw.REPORTING_ORGANISATION_ACTIVITY_ID,
            )
        sub(activity, "activity-status", code=cw.ACTIVITY_STATUS[action.status].code)
        self.dates(activity, action)
        sub(activity, "activity-scope", code=cw.ACTIVITY_SCOPE)
        sub(activity, "recipient-country", code=cw.RECIPIENT_COUNTRY)
        for goal in action.sdgs.all():
            sub(activity, "tag", vocabulary=cw.SDG_VOCABULARY, code=str(goal.number))
        tag = sub(
            activity,
            "tag",
            vocabulary=cw.PORTAL_VOCABULARY,
            code=action.action_type,
            **{"vocabulary-uri": self.portal_vocabulary_uri},
        )
        narratives(tag, self.action_types[action.action_type])
        self.action_type_codes(activity, action)
        if shows_amounts and action.status != Status.NOT_MATERIALISED:
            self.budget(activity, action)
            self.transaction(activity, action)
        self.document_links(activity, action)
        return activity

    def reporting_org(self, parent, name, **attributes):
        element = sub(parent, name, ref=self.reporting_ref, type=cw.REPORTING_ORG_TYPE, **attributes)
        narratives(element, cw.REPORTING_ORG_NAMES)
        return element

    def descriptions(self, activity, action):
        general = {
            "es": "\n\n".join(part for part in (action.summary, action.description) if part),
            "en": "\n\n".join(part for part in (action.summary_en, action.description_en) if part),
        }
        narratives(sub(activity, "description", type=cw.GENERAL_DESCRIPTION), general)
        if action.shows_results and (action.results or action.results_en):
            results = {"es": action.results, "en": action.results_en}
            narratives(sub(activity, "description", type=cw.OTHER_DESCRIPTION), results)

    def participating_orgs(self, activity, action):
        for link in action.partner_links.all():
            element = sub(
                activity,
                "participating-org",
                role=cw.ORGANISATION_ROLE[link.role].code,
                type=cw.organisation_type(link.partner),
            )
            narratives(element, {"": link.partner.name})
        self.reporting_org(activity, "participating-org", role=cw.ACCOUNTABLE)
        for link in action.entity_links.all():
            element = sub(activity, "participating-org", role=cw.IMPLEMENTING, type=cw.LOCAL_GOVERNMENT)
            narratives(element, {"es": link.entity.name, "en": link.entity.name_en})

    def dates(self, activity, action):
        started = action.status in STARTED
        written = False
        if action.start_date:
            actual = started and action.start_date <= self.today
            date(activity, cw.ACTUAL_START if actual else cw.PLANNED_START, action.start_date)
            written = True
        elif started and action.date_signed:
            date(activity, cw.ACTUAL_START, action.date_signed, self.signed_as_start)
            written = True
        if action.end_date:
            actual = action.status == Status.COMPLETED and action.end_date <= self.today
            date(activity, cw.ACTUAL_END if actual else cw.PLANNED_END, action.end_date)
            written = True
        if not written:
            date(activity, cw.PLANNED_START, action.date_identified, self.identified_as_start)

    def action_type_codes(self, activity, action):
        codes = {code.field: code.code for code in cw.ACTION_TYPE[action.action_type].codes}
        if cw.FINANCE_TYPE in codes:
            sub(activity, "default-finance-type", code=codes[cw.FINANCE_TYPE])
        if cw.AID_TYPE in codes:
            sub(activity, "default-aid-type", code=codes[cw.AID_TYPE], vocabulary="1")

    def budget(self, activity, action):
        start, end = action.start_date, action.end_date
        if not (start and end) or end - start >= LONGEST_BUDGET:
            return
        status = cw.INDICATIVE_BUDGET if action.status in PIPELINE else cw.COMMITTED_BUDGET
        budget = sub(activity, "budget", type=cw.ORIGINAL_BUDGET, status=status)
        sub(budget, "period-start", **{"iso-date": start.isoformat()})
        sub(budget, "period-end", **{"iso-date": end.isoformat()})
        value(budget, action, start)

    def transaction(self, activity, action):
        if action.status in PIPELINE:
            kind, day = cw.INCOMING_PLEDGE, action.date_identified
        else:
            kind, day = (
                cw.INCOMING_COMMITMENT,
                action.date_signed or action.start_date or action.date_identified,
            )
        transaction = sub(activity, "transaction")
        sub(transaction, "transaction-type", code=kind)
        sub(transaction, "transaction-date", **{"iso-date": day.isoformat()})
        value(transaction, action, day)
        if action.in_kind:
            narratives(sub(transaction, "description"), self.in_kind)
        funders = [link.partner for link in action.partner_links.all() if link.role == PartnerRole.FUNDER]
        if len(funders) == 1:
            provider = sub(transaction, "provider-org", type=cw.organisation_type(funders[0]))
            narratives(provider, {"": funders[0].name})
        self.reporting_org(transaction, "receiver-org")

    def document_links(self, activity, action):
        if action.shows_results:
            for link in action.public_documents:
                document = link.document
                element = sub(
                    activity,
                    "document-link",
                    url=self.absolute(document.url),
                    format=document.content_type,
                )
                narratives(sub(element, "title"), {"": document.title})
                sub(element, "category", code=cw.DOCUMENT_CATEGORY[cw.SUPPORTING_DOCUMENT].code)
        for language in LANGUAGES:
            with translation.override(language):
                url = self.absolute(action.get_absolute_url())
            element = sub(activity, "document-link", url=url, format="text/html")
            title_language = language if self.sheet_titles[language] else "es"
            narratives(sub(element, "title"), {title_language: self.sheet_titles[title_language]})
            sub(element, "category", code=cw.ACTIVITY_WEB_PAGE)
            sub(element, "language", code=language)

    def absolute(self, path: str) -> str:
        return path if "://" in path else f"{self.site}{path}"


def sub(parent, name, **attributes):
    return etree.SubElement(parent, name, attributes)


def narratives(parent, texts: dict[str, str]):
    """One `<narrative>` per non-empty text; the key is its xml:lang, "" for the activity's default."""
    for language, text in texts.items():
        text = NOT_XML.sub("", text or "").strip()
        if text:
            narrative = sub(parent, "narrative")
            if language:
                narrative.set(XML_LANG, language)
            narrative.text = text


def in_both(message) -> dict[str, str]:
    """A gettext message in Spanish and in English; no English until the catalogue translates it."""
    with translation.override("es"):
        spanish = str(message)
    with translation.override("en"):
        english = str(message)
    return {"es": spanish, "en": english if english != spanish else ""}


def date(activity, kind, day, note=None):
    element = sub(activity, "activity-date", type=kind, **{"iso-date": day.isoformat()})
    if note:
        narratives(element, note)


def value(parent, action, day):
    """The amount in its own currency; it was worth that on the rates' date when there is one."""
    value_date = (action.exchange_rate_date or day).isoformat()
    sub(parent, "value", **{"value-date": value_date}).text = str(action.amount)


def _datetime(moment) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")
