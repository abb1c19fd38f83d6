"""Nothing private ever leaves: a unique marker planted in every private field must not be served.

The demo site is built, the marker is written into drafts, unauthorised records, amounts and results
the partner did not authorise, internal notes, authorisation evidence, private supporting documents,
a liaison's account, the liaison directory's names, e-mails and phones, a page's unpublished revision,
and the entities' desk (a request's text, answer and requester, a survey's comment, a plan's analysis);
then every public output is read — every page
reachable by following links from both home pages and the sitemap, every download format, the IATI XML,
the DCAT catalogue, both APIs with `fields=*`, the feeds — and searched for the marker.
"""

import io
import re
import zipfile
from collections import Counter
from datetime import date
from decimal import Decimal
from urllib.parse import urljoin, urlsplit

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command

from wagtail.documents.models import Document
from wagtail.models import get_page_models

import pytest
from bs4 import BeautifulSoup

from cooperacion.models import (
    AuthorisationScope,
    DistrictEntity,
    EntityLiaison,
    Partner,
    PartnerType,
    ResultIndicator,
    SupportingDocument,
    ThematicTable,
)
from desk.models import AssistanceRequest, Decision, PlanStatus, PrioritiesPlan, Priority, SatisfactionSurvey
from home.models import NewsPage
from tests.cooperacion.factories import CooperationActionFactory

MARKER = "ZQXPRIVADO7731"
# Searched for where the marker is planted: a page may repeat what a visitor typed, so the search
# asks for this word and the leak is the marker beside it.
WORD = "quetzalprivado"
# A liaison's phone in the directory: digits a page has no other reason to show.
PHONE = "+57 (601) 7731 0864 ext. 9753"
PHONE_FORMS = {"7731 0864", "77310864"}
# A figure no public record has: it must not appear once amounts are hidden.
HIDDEN_AMOUNT = Decimal("97531864.25")
# Links to follow at most this many times per shape of address (digits and query string ignored), so
# the crawl reads every kind of page without reading every record sheet and facet combination.
VISITS_PER_SHAPE = 4
NOT_CRAWLED = ("/admin/", "/documents/", "/static/", "/media/")

EXPLICIT_URLS = [
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/sitemap-records.xml",
    "/robots.txt",
    "/data.json",
    "/datos/registro.csv",
    "/datos/registro.csv?formato=rfc4180",
    "/datos/registro.xlsx",
    "/datos/registro.json",
    "/datos/registro.schema.json",
    "/datos/iati/actividades.xml",
    "/api/v1/records/?page_size=100",
    f"/api/v1/records/?q={WORD}",
    f"/api/v1/records/suggest/?q={WORD}",
    "/api/v1/records/figures/",
    "/api/v1/schema/",
    "/api/v2/pages/?fields=*&limit=100",
    "/api/v2/images/?fields=*&limit=100",
    "/api/v2/documents/?fields=*&limit=100",
    f"/es/buscar/?q={WORD}",
    f"/en/search/?q={WORD}",
    f"/es/cooperacion/buscar/?q={WORD}",
    "/es/asistencia-tecnica/cifras/",
]


def plant_marker():
    entity = DistrictEntity.objects.order_by("pk").first()
    secret_partner = Partner.objects.create(
        name=f"Aliado {MARKER} {WORD}", partner_type=PartnerType.PRIVATE_COMPANY, country="NO"
    )
    evidence = Document.objects.create(
        title=f"Autorización {MARKER} {WORD}", file=ContentFile(b"x", name="a.pdf")
    )
    private_file = Document.objects.create(
        title=f"Soporte {MARKER} {WORD}", file=ContentFile(b"x", name="s.pdf")
    )

    draft = CooperationActionFactory(title=f"Borrador {MARKER} {WORD}", live=False, partners=[secret_partner])
    unauthorised = CooperationActionFactory(
        title=f"No autorizado {MARKER} {WORD}",
        summary=f"{WORD} {MARKER}",
        publication_authorised=False,
        authorisation_date=None,
        authorisation_scope="",
        partners=[secret_partner],
        entities=[entity],
    )
    public = CooperationActionFactory(
        title="Registro público con datos reservados",
        internal_notes=f"{WORD} {MARKER}",
        results=f"Resultados {MARKER} {WORD}",
        results_en=f"Results {MARKER} {WORD}",
        amount=HIDDEN_AMOUNT,
        currency="COP",
        amount_cop=HIDDEN_AMOUNT,
        authorisation_scope=AuthorisationScope.RECORD_ONLY,
        authorisation_evidence=evidence,
        entities=[entity],
    )
    SupportingDocument.objects.create(action=public, document=private_file, public=False)
    # Marked public, but on a record whose results the partner did not authorise.
    results_file = Document.objects.create(
        title=f"Informe de resultados {MARKER} {WORD}", file=ContentFile(b"x", name="r.pdf")
    )
    SupportingDocument.objects.create(action=public, document=results_file, public=True)
    ResultIndicator.objects.create(action=public, name=f"Indicador {MARKER} {WORD}", value=HIDDEN_AMOUNT)
    CooperationActionFactory(
        title="Registro público sin montos",
        amount=HIDDEN_AMOUNT,
        currency="COP",
        amount_cop=HIDDEN_AMOUNT,
        authorisation_scope=AuthorisationScope.WITHOUT_AMOUNTS,
        entities=[entity],
    )

    liaison_user = get_user_model().objects.create_user(
        username=f"enlace{MARKER}",
        first_name=MARKER,
        last_name=MARKER,
        email=f"{MARKER.lower()}@bogota-internacional.example",
    )
    # The liaison directory: a current entry with an account, and a past one without.
    for start, end, user in [
        (date(2025, 1, 1), None, liaison_user),
        (date(2020, 1, 1), date(2024, 12, 31), None),
    ]:
        EntityLiaison.objects.create(
            full_name=f"Enlace {MARKER} {WORD}",
            position=f"Cargo {MARKER} {WORD}",
            entity=entity,
            email=f"directorio.{MARKER.lower()}@example.org",
            phone=PHONE,
            start_date=start,
            end_date=end,
            user=user,
        )

    plant_in_desk(entity)

    news = NewsPage.objects.live().filter(locale__language_code="es").first()
    news.title = f"Cambio sin publicar {MARKER} {WORD}"
    news.save_revision()
    return [draft, unauthorised, public]


def plant_in_desk(entity):
    """The entities' desk: a request's text, answer and requester, a survey's comment, a plan's
    internal analysis and the reasons of its decisions (the public figures count them, nothing more)."""
    request = AssistanceRequest.objects.create(
        entity=entity,
        modality="concepto",
        topic=f"Tema {MARKER} {WORD}",
        description=f"Descripción {MARKER} {WORD}",
        requester_name=f"Solicitante {MARKER}",
        requester_email=f"solicitante.{MARKER.lower()}@example.org",
        received_on=date(2025, 3, 3),
        answer=f"Respuesta {MARKER} {WORD}",
        answered_on=date(2025, 3, 5),
        closed_on=date(2025, 3, 6),
    )
    SatisfactionSurvey.issue(request)
    SatisfactionSurvey.objects.filter(request=request).update(rating=4, comment=f"Comentario {MARKER} {WORD}")
    plan = PrioritiesPlan.objects.create(
        sector=entity.sector,
        year=2019,
        status=PlanStatus.ANALYSED,
        analysis_notes=f"Análisis {MARKER} {WORD}",
    )
    Priority.objects.create(
        plan=plan,
        need=f"Necesidad {MARKER} {WORD}",
        theme=ThematicTable.objects.order_by("pk").first(),
        decision=Decision.NOT_PRIORITISED,
        decision_reason=f"Razón {MARKER} {WORD}",
    )


def leaks(body: bytes, content_type: str):
    """Where the marker or the hidden amount appears in a response body, as read by its consumer."""
    if "spreadsheetml" in content_type:
        with zipfile.ZipFile(io.BytesIO(body)) as workbook:
            text = "".join(workbook.read(name).decode("utf-8") for name in workbook.namelist())
    else:
        text = body.decode("utf-8-sig", errors="replace")
    amount_forms = {"97531864.25", "97531864,25", "97.531.864", "97,531,864"}
    found = [MARKER] if MARKER.lower() in text.lower() else []
    return found + [form for form in amount_forms | PHONE_FORMS if form in text]


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def links_in(html: bytes, url: str):
    """The site's own addresses an HTML page links to, as paths with their query strings."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(["a", "link"], href=True):
        parts = urlsplit(urljoin("http://testserver" + url, tag["href"]))
        if parts.scheme in ("http", "https") and parts.netloc == "testserver":
            yield parts.path + (f"?{parts.query}" if parts.query else "")


def shape(url):
    return re.sub(r"\d+", "N", urlsplit(url).path)


@pytest.mark.django_db
def test_no_private_marker_leaves_through_any_public_output(client, settings):
    settings.RECORD_SEARCH = {**settings.RECORD_SEARCH, "URL": None}
    call_command("load_demo_content", stdout=io.StringIO())
    planted = plant_marker()
    private_sheets = [f"/es/cooperacion/registro/{record.pk}/" for record in planted[:2]]
    public_sheet = [f"/es/cooperacion/registro/{planted[2].pk}/", f"/en/cooperation/record/{planted[2].pk}/"]

    every_page_type = [
        f"/api/v2/pages/?type={model._meta.label}&fields=*&limit=100" for model in get_page_models()[1:]
    ]
    queue = ["/es/", "/en/", *EXPLICIT_URLS, *every_page_type, *public_sheet]
    queue += [f"/datos/iati/actividades/{planted[2].pk}.xml", f"/api/v1/records/{planted[2].pk}/"]
    explicit = set(queue)
    seen, visits, problems = set(), Counter(), []
    while queue:
        url = queue.pop(0)
        if url in seen or url.startswith(NOT_CRAWLED):
            continue
        if url not in explicit and visits[shape(url)] >= VISITS_PER_SHAPE:
            continue
        seen.add(url)
        visits[shape(url)] += 1
        response = client.get(url, follow=False)
        if response.status_code >= 500:
            problems.append(f"{url}: {response.status_code}")
            continue
        body = body_of(response)
        content_type = response.get("Content-Type", "")
        problems += [f"{url}: {leak}" for leak in leaks(body, content_type)]
        if "html" in content_type:
            queue += [link for link in links_in(body, url) if link not in seen]
    assert len(seen) > 100, "the crawl should read the whole site"
    assert not problems, "\n".join(problems)
    for url in private_sheets:
        assert client.get(url).status_code == 404, url
