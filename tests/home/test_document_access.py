"""Who may download a document: a visitor only what a public surface shows (home.visibility);
the office's staff every document. Anything else answers 404, as if it did not exist."""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from cooperacion.models import AuthorisationScope, SupportingDocument
from tests.conftest import publish
from tests.cooperacion.factories import CooperationActionFactory
from tests.cooperacion.test_pages import make_strategy
from tests.home.factories import DocumentFactory, NewsIndexPageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(bilingual_site):
    return publish(NewsIndexPageFactory(parent=bilingual_site.home))


def supporting(document=None, public=True, **record):
    document = document or DocumentFactory()
    SupportingDocument.objects.create(
        action=CooperationActionFactory(**record), document=document, public=public
    )
    return document


class TestVisitors:
    def test_a_published_publications_document_downloads(self, client, news_index):
        page = publish(PublicationPageFactory(parent=news_index))
        response = client.get(page.document.url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")

    def test_a_draft_publications_document_does_not(self, client, news_index):
        page = PublicationPageFactory(parent=news_index, live=False)
        assert client.get(page.document.url).status_code == 404

    def test_unpublishing_the_page_withdraws_its_document(self, client, news_index):
        page = publish(PublicationPageFactory(parent=news_index))
        page.unpublish()
        assert client.get(page.document.url).status_code == 404

    def test_a_document_nothing_uses_is_not_served(self, client, bilingual_site):
        assert client.get(DocumentFactory().url).status_code == 404

    def test_a_public_supporting_document_of_a_public_record_downloads(self, client, bilingual_site):
        assert client.get(supporting().url).status_code == 200

    @pytest.mark.parametrize(
        "public, record",
        [
            pytest.param(False, {}, id="marked private"),
            pytest.param(
                True, {"authorisation_scope": AuthorisationScope.RECORD_ONLY}, id="results not authorised"
            ),
            pytest.param(True, {"publication_authorised": False}, id="record not authorised"),
            pytest.param(True, {"live": False}, id="draft record"),
        ],
    )
    def test_other_supporting_documents_are_not_served(self, client, bilingual_site, public, record):
        assert client.get(supporting(public=public, **record).url).status_code == 404

    def test_authorisation_evidence_is_never_served(self, client, bilingual_site):
        evidence = DocumentFactory()
        CooperationActionFactory(authorisation_evidence=evidence)
        assert client.get(evidence.url).status_code == 404

    def test_the_document_of_an_archived_strategy_version_still_downloads(self, client, bilingual_site):
        first, second = DocumentFactory(), DocumentFactory()
        page = make_strategy(bilingual_site.home, document=first)
        page.version, page.effective_date, page.document = "2025-1", date(2025, 2, 1), second
        publish(page)
        assert client.get(first.url).status_code == 200
        assert client.get(second.url).status_code == 200


class TestAdminUsers:
    """Whoever may choose a document in the admin's media library may download it."""

    def log_in(self, client, group):
        user = get_user_model().objects.create_user("equipo", password="x")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        return user

    def evidence(self):
        evidence = DocumentFactory()
        CooperationActionFactory(authorisation_evidence=evidence)
        return evidence

    @pytest.mark.parametrize("group", ["Editors", "Moderators"])
    def test_the_offices_staff_download_any_document(self, client, bilingual_site, group):
        self.log_in(client, group)
        assert client.get(self.evidence().url).status_code == 200

    def test_a_liaison_downloads_what_they_uploaded_and_what_is_public(self, client, bilingual_site):
        liaison = self.log_in(client, "Enlaces de entidades")
        assert client.get(self.evidence().url).status_code == 404
        assert client.get(supporting().url).status_code == 200
        own = DocumentFactory(uploaded_by_user=liaison)
        CooperationActionFactory(authorisation_evidence=own, live=False)
        assert client.get(own.url).status_code == 200

    def test_a_logged_in_user_without_admin_access_is_a_visitor(self, client, bilingual_site):
        client.force_login(get_user_model().objects.create_user("ciudadana", password="x"))
        assert client.get(supporting(public=False).url).status_code == 404
