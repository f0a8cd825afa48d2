"""The home page and the language switch."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_is_dutch_by_default(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl"' in html
    assert "Bewoners van Assen, er voor elkaar" in html
    assert html.count("<h1") == 1
    assert 'href="#main"' in html


def test_home_in_english_under_en(client):
    html = client.get("/en/").content.decode()
    assert '<html lang="en"' in html
    assert "Residents of Assen, there for each other" in html


def test_language_switch_goes_to_the_same_page_in_the_other_language(client):
    # Django's form view answers too, for forms of it elsewhere.
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert '<a href="/en/" hreflang="en" lang="en"' in client.get("/").content.decode()
    assert '<a href="/" hreflang="nl" lang="nl"' in client.get("/en/").content.decode()
    response = client.post("/en/i18n/setlang/", {"language": "nl", "next": "/en/"})
    assert response["Location"] == "/"


def test_language_switch_ignores_an_unknown_language(client):
    response = client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_unknown_page_is_a_404_not_a_500(client):
    assert client.get("/bestaat-niet/").status_code == 404
