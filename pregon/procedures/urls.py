"""Procedure pages, under /i/<institution>/tramites/ (namespace `procedures`). Rules: pregon/permissions.py."""

from django.urls import path

from . import views, views_index
from .urls_accounts import urlpatterns as account_urlpatterns
from .urls_lifecycle import urlpatterns as lifecycle_urlpatterns

app_name = "procedures"

urlpatterns = [
    path("", views_index.procedure_index, name="index"),
    path("consultas/", views.consultation_list, name="consultation_list"),
    path("consultas/nueva/", views.consultation_create, name="consultation_create"),
    path("consultas/<uuid:public_id>/", views.consultation_detail, name="consultation_detail"),
    path("consultas/<uuid:public_id>/<slug:action>/", views.consultation_transition, name="consultation_transition"),
    *account_urlpatterns,  # opening requests, administrator changes, credential rotations, live streams
    *lifecycle_urlpatterns,  # closures, abandonment flags, re-certifications, incidents, regularisations
]
