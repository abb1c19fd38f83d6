"""The common block library and the structured data every page carries."""

import json

from wagtail.blocks import StructBlockValidationError

import pytest
from bs4 import BeautifulSoup

from home.blocks import BodyBlock, KeyFiguresBlock, VideoBlock, video_embed_url
from tests.home.factories import FooterFactory


def render(block, value):
    return BeautifulSoup(block.render(block.to_python(value)), "html.parser")


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (
            "https://www.youtube.com/watch?t=3&v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("http://www.youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("https://example.org/video.mp4", None),
        ("javascript:alert(1)", None),
    ],
)
def test_video_addresses(url, embed):
    assert video_embed_url(url) == embed


def test_a_video_needs_a_known_provider_and_a_transcript():
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(
            block.to_python({"title": "Video", "url": "https://example.org/v", "transcript": "<p>x</p>"})
        )
    assert "url" in error.value.block_errors
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(
            block.to_python({"title": "Video", "url": "https://youtu.be/dQw4w9WgXcQ", "transcript": ""})
        )
    assert "transcript" in error.value.block_errors


def test_a_video_renders_a_titled_frame_and_its_transcript():
    html = render(
        VideoBlock(),
        {
            "title": "Bogotá y sus aliados",
            "url": "https://youtu.be/dQw4w9WgXcQ",
            "transcript": "<p>Texto dicho.</p>",
        },
    )
    frame = html.find("iframe")
    assert frame["title"] == "Bogotá y sus aliados"
    assert frame["src"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert html.find("details").get_text(" ", strip=True) == "Transcripción Texto dicho."


def test_key_figures_render_as_a_description_list():
    html = render(
        KeyFiguresBlock(),
        {"title": "Cifras", "figures": [{"figure": "48", "label": "alianzas", "source": ""}]},
    )
    assert [dt.get_text() for dt in html.find_all("dt")] == ["alianzas"]
    assert html.find("dd").get_text() == "48"


def test_every_common_block_documents_itself():
    for name, block in BodyBlock().child_blocks.items():
        assert block.meta.icon and block.meta.template and block.meta.description, name
        assert block.get_preview_value() is not None or name in {"image", "documents"}, name


def test_the_home_page_describes_the_office_as_json_ld(client, bilingual_site):
    FooterFactory(locale=bilingual_site.spanish, heading="Oficina de prueba", email="contacto@example.org")
    html = BeautifulSoup(client.get("/es/").content, "html.parser")
    data = json.loads(html.find("script", type="application/ld+json").string)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Oficina de prueba"
    assert data["contactPoint"]["email"] == "contacto@example.org"
    assert data["url"] == "http://testserver/es/"
    assert html.find("meta", property="og:title")["content"] == bilingual_site.home.title
    assert html.find("meta", property="og:locale")["content"] == "es_CO"
