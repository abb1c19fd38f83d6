"""Demo dashboard page in Spanish ("cifras") and English ("figures"). Created only when missing."""

from wagtail.models import Locale

from home.demo import ensure_translation, publish_page
from home.models import HomePage

from .models import DashboardPage

DASHBOARD = {
    "es": {
        "title": "Cifras de la cooperación",
        "seo_title": "Cifras de la cooperación internacional de Bogotá",
        "search_description": (
            "Acciones, aliados, países y recursos movilizados por la cooperación internacional de "
            "Bogotá, con gráficos, mapa y avance de las metas del Plan de Desarrollo."
        ),
        "introduction": (
            "Lo que muestra el registro de cooperación en números: cuántas acciones hay, con quién y "
            "dónde, cuántos recursos movilizan y cómo avanzan las metas del Plan de Desarrollo. Filtre "
            "las cifras como en el buscador y comparta el enlace: la dirección guarda los filtros."
        ),
        "methodology": (
            "<p>Las cifras se calculan en el momento de la consulta a partir del registro de "
            "cooperación, con las mismas reglas del buscador y de los datos abiertos. Cada acción "
            "cuenta una vez por valor: una acción con dos aliados del mismo país suma una vez a ese "
            "país.</p><p>Los valores en pesos y en dólares son los que registró la entidad con la "
            "tasa de cambio de la fecha indicada en cada acción; no se actualizan a precios de hoy.</p>"
        ),
    },
    "en": {
        "title": "Cooperation in figures",
        "seo_title": "Bogotá's international cooperation in figures",
        "search_description": (
            "Actions, partners, countries and resources mobilised by Bogotá's international "
            "cooperation, with charts, a map and progress on the Development Plan targets."
        ),
        "introduction": (
            "The cooperation register in numbers: how many actions there are, with whom and where, "
            "the resources they mobilise and how the Development Plan targets are progressing. Filter "
            "the figures as in the search and share the link: the address keeps the filters."
        ),
        "methodology": (
            "<p>The figures are computed when you look at them, from the cooperation register, with "
            "the same rules as the search and the open data. Each action counts once per value: an "
            "action with two partners from the same country adds one to that country.</p><p>Amounts "
            "in pesos and dollars are those the entity recorded, at the exchange rate of the date "
            "given in each action; they are not adjusted to today's prices.</p>"
        ),
    },
}


def load(command):
    home = HomePage.objects.filter(locale__language_code="es").first()
    if home is None:
        return
    page = DashboardPage.objects.child_of(home).first()
    if page is None:
        page = DashboardPage(slug="cifras", show_in_menus=True, **DASHBOARD["es"])
        home.add_child(instance=page)
        publish_page(page)
        command.created(f"es: {page.title}")
    english = Locale.objects.get(language_code="en")
    ensure_translation(page, english, "figures", DASHBOARD["en"], command)
