"""A throw-away URLconf for testing `institution_view` through Django's real request handling."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from pregon.institutions.access import institution_view
from pregon.institutions.choices import Role


@institution_view(roles=[Role.COMMS])
def read_view(request: HttpRequest, institution: object) -> HttpResponse:
    return HttpResponse(f"read {institution.slug}")  # type: ignore[attr-defined]


@institution_view(roles=[Role.COMMS], write=True)
def write_view(request: HttpRequest, institution: object) -> HttpResponse:
    return HttpResponse(f"write {institution.slug}")  # type: ignore[attr-defined]


urlpatterns = [
    path("i/<slug:institution>/leer/", read_view, name="read"),
    path("i/<slug:institution>/escribir/", write_view, name="write"),
    path("", include("pregon.urls")),  # login, home and the error pages' links
]
