"""Project URLs. Every named URL needs a rule in pregon/institutions/permissions.py (a test enforces it)."""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from pregon import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls()),
    # The language switcher must work before logging in (it is in the login page's footer).
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("i/<slug:institution>/tramites/", include("pregon.procedures.urls")),
    path("", include("pregon.notifications.urls")),
    path("", include("pregon.procedures.urls_pending")),  # Mis pendientes and its ICS feed, across institutions
    path("i/<slug:institution>/cuentas/", include("pregon.registry.urls")),
    path("i/<slug:institution>/", include("pregon.publications.urls")),
    path("", include("pregon.institutions.urls")),
]
