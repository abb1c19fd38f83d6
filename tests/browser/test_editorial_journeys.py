"""The office's editorial journeys in the Wagtail admin, in a real browser against the served portal:
a liaison drafts a record of their entity and submits it; a moderator records the partner's
authorisation, approves and publishes it; the public search finds it until it is unpublished. An
editor writes a result linked to records, which the public page shows only where authorised."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP

pytestmark = pytest.mark.browser

PASSWORDS = {
    "enlace": "demo-enlace-2026",
    "moderador": "demo-moderador-2026",
    "editora": "demo-editora-2026",
}


def log_in(open_page, user):
    page = open_page(DESKTOP, "es")
    page.goto("/admin/login/")
    page.get_by_label("Nombre de usuario").fill(user)
    page.get_by_label("Contraseña").fill(PASSWORDS[user])
    page.get_by_role("button", name="Iniciar sesión").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


def field(page, label):
    """The first form field labelled `label` (Wagtail adds an asterisk when the field is required;
    inline panels further down may reuse a label)."""
    labelled = page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$"))
    return labelled.and_(page.locator("input, textarea, select")).first


def fill_date(page, label, value):
    """Types a date and closes the calendar that the admin's date widget opens on focus."""
    field(page, label).fill(value)
    page.keyboard.press("Escape")


def open_tab(page, name):
    """Opens a tab of the editor; a click that lands while autosave redraws the form is lost, so
    it is repeated until the tab is selected."""
    tab = page.get_by_role("tab", name=name)
    for _ in range(5):
        tab.click()
        if tab.get_attribute("aria-selected") == "true":
            break
        page.wait_for_timeout(500)
    expect(tab).to_have_attribute("aria-selected", "true")


def footer_action(page, name):
    """Runs an action of the editor's footer: the main button, or one under "Más acciones"."""
    footer = page.locator("footer")
    pattern = re.compile(rf"^{re.escape(name)}")
    button = footer.get_by_role("button", name=pattern).or_(footer.get_by_role("link", name=pattern)).first
    if not button.is_visible():
        footer.get_by_role("button", name="Más acciones").click()
    button.click()


def choose(page, button_name, search):
    """Picks `search`'s first match in a chooser modal opened by `button_name`."""
    page.get_by_role("button", name=button_name).click()
    modal = page.get_by_role("dialog")
    modal.get_by_role("textbox", name=re.compile("Término de búsqueda")).fill(search)
    modal.get_by_role("link", name=re.compile(re.escape(search))).first.click()
    expect(modal).to_be_hidden()


def public_search(open_page, words):
    page = open_page(DESKTOP, "es")
    page.goto("/es/cooperacion/buscar/?" + "q=" + words)
    return page


def test_a_liaisons_record_reaches_the_public_search_through_moderation_and_leaves_it(open_page, steps):
    title = f"Intercambio de bibliotecas escolares {uuid.uuid4().hex[:6]}"

    liaison = log_in(open_page, "enlace")
    liaison.goto("/admin/cooperacion/acciones/add/")
    field(liaison, "Título").fill(title)
    field(liaison, "Título en inglés").fill(f"School library exchange {title[-6:]}")
    field(liaison, "Resumen").fill("Bibliotecarios escolares de Bogotá y de una red iberoamericana comparten prácticas de lectura.")
    field(liaison, "Tipo de acción").select_option(label="Buenas prácticas e intercambio de conocimientos")
    field(liaison, "Línea de acción").select_option(index=1)
    field(liaison, "Dimensión").select_option(label="Cooperación")
    field(liaison, "Estado").select_option(label="Formalizada / en ejecución")
    fill_date(liaison, "Fecha de identificación", "2026-09-01")
    fill_date(liaison, "Fecha de firma", "2026-10-01")
    open_tab(liaison, "Aliados y entidades")
    liaison.get_by_role("button", name="Añadir Aliado").click()
    choose(liaison, "Seleccionar aliado", "UCCI")
    choose(liaison, "Seleccionar entidad distrital", "Secretaría de Educación del Distrito")
    # Wagtail's autosave keeps the draft as it is typed: the new record exists once the form is
    # valid, and the page becomes its edit view (saving the add form again would make a second one).
    expect(liaison).to_have_url(re.compile(r"/admin/cooperacion/acciones/edit/\d+/"))
    steps(liaison, "the liaison's draft")
    footer_action(liaison, "Guardar borrador")
    expect(liaison.get_by_role("status").or_(liaison.locator(".messages"))).to_contain_text(title)
    footer_action(liaison, "Enviar a Moderación")
    steps(liaison, "submitted")

    moderator = log_in(open_page, "moderador")
    moderator.get_by_role("link", name=title).first.click()
    edit_url = moderator.url
    open_tab(moderator, "Autorización y notas")
    field(moderator, "El aliado autoriza publicar").check()
    fill_date(moderator, "Fecha de la autorización", "2026-10-15")
    field(moderator, "Alcance de la autorización").select_option(index=1)
    steps(moderator, "the moderator records the authorisation")
    footer_action(moderator, "Aprobar")
    steps(moderator, "approved")

    visitor = public_search(open_page, title)
    expect(visitor.locator(".record-card h3 a")).to_have_text([title])
    visitor.locator(".record-card h3 a").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(title)
    record_url = visitor.url
    steps(visitor, "the public record")

    moderator.goto(edit_url)
    footer_action(moderator, "Despublicar")
    moderator.get_by_role("button", name=re.compile("^Sí")).click()
    steps(moderator, "unpublished")

    visitor.goto("/es/cooperacion/buscar/?q=" + title)
    expect(visitor.locator(".record-card")).to_have_count(0)
    assert visitor.goto(record_url).status == 404
    steps(visitor, "gone from the public search")


def results_index_id(portal):
    script = (
        "from cooperacion.models import ResultsIndexPage; "
        "print(ResultsIndexPage.objects.filter(locale__language_code='es').get().pk)"
    )
    return int(portal.manage("shell", "-c", script).strip().splitlines()[-1])


def record_titles(portal):
    """A public record's title and one of a record the public never sees, from the served database."""
    script = (
        "from cooperacion.models import CooperationAction as A; "
        "print(A.objects.public().order_by('pk').values_list('title', flat=True).first()); "
        "print(A.objects.exclude(pk__in=A.objects.public()).order_by('pk').values_list('title', flat=True).first())"
    )
    public, hidden = portal.manage("shell", "-c", script).strip().splitlines()[-2:]
    return public, hidden


def test_an_editors_result_is_published_with_authorised_records_only(open_page, portal, steps):
    public_record, hidden_record = record_titles(portal)
    title = f"Bibliotecas escolares conectadas {uuid.uuid4().hex[:6]}"

    editor = log_in(open_page, "editora")
    editor.goto(f"/admin/pages/{results_index_id(portal)}/")
    editor.get_by_role("link", name=re.compile("Añadir página hija")).first.click()
    field(editor, "Título").fill(title)
    fill_date(editor, "Fecha del logro", "2026-10-20")
    field(editor, "Resumen").fill("Cuarenta colegios comparten catálogos y clubes de lectura con bibliotecas de otras capitales.")
    editor.locator("[data-contentpath='achievements'] [contenteditable='true']").fill(
        "Los colegios abrieron sus bibliotecas a la red."
    )
    for record in (public_record, hidden_record):
        editor.get_by_role("button", name=re.compile("Añadir registros de cooperación", re.I)).click()
        choose(editor, re.compile("Seleccionar acción de cooperación|Elegir"), record)
    # As with records, autosave makes the page once its form is valid (see the liaison's journey).
    expect(editor).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    steps(editor, "the editor's result with two records")
    footer_action(editor, "Enviar a Moderación")
    expect(editor.get_by_text("No se puede publicar: estos registros no están publicados")).to_be_visible()
    expect(editor.get_by_text(hidden_record).first).to_be_visible()
    steps(editor, "refused with the unauthorised record")

    editor.locator("[id^='inline_child_linked_records']").filter(has_text=hidden_record).get_by_role(
        "button", name=re.compile("Eliminar|Borrar")
    ).click()
    footer_action(editor, "Enviar a Moderación")
    steps(editor, "submitted")

    moderator = log_in(open_page, "moderador")
    moderator.get_by_role("link", name=title).first.click()
    footer_action(moderator, "Aprobar")
    steps(moderator, "approved and published")

    visitor = open_page(DESKTOP, "es")
    visitor.goto("/es/resultados/")
    visitor.get_by_role("link", name=title).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(title)
    records = visitor.get_by_role("region", name="Registros de cooperación relacionados")
    expect(records.get_by_role("link")).to_have_text([public_record])
    steps(visitor, "the public result")
