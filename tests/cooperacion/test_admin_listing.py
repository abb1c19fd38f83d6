"""The register's admin listing speaks the editor's language."""

from django.urls import reverse

from bs4 import BeautifulSoup

from tests.cooperacion.factories import CooperationActionFactory


def test_the_authorisation_column_says_yes_or_no(admin_client, register_data):
    CooperationActionFactory(title="Autorizada", publication_authorised=True)
    CooperationActionFactory(title="Sin autorización", publication_authorised=False)
    html = BeautifulSoup(
        admin_client.get(reverse("wagtailsnippets_cooperacion_cooperationaction:list")).content, "html.parser"
    )
    cells = {
        row.find("a").get_text(strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in html.select("tbody tr")
    }
    assert "Sí" in cells["Autorizada"] and "True" not in cells["Autorizada"]
    assert "No" in cells["Sin autorización"] and "False" not in cells["Sin autorización"]
