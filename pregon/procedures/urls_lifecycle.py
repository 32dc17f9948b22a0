"""Lifecycle procedure pages (closure, abandonment, re-certification, incident, regularisation), included by
`urls.py` under /i/<institution>/tramites/. Rules: pregon/permissions.py."""

from django.urls import path

from . import views_lifecycle as v

urlpatterns = [
    path("cuentas-en-tramite/", v.lifecycle_list, name="lifecycle_list"),
    path("cuentas/<uuid:account>/cierre/", v.closure_create, name="closure_create"),
    path("cuentas/<uuid:account>/incidente/", v.incident_create, name="incident_create"),
    path("cierres/<uuid:public_id>/", v.closure_detail, name="closure_detail"),
    path("cierres/<uuid:public_id>/<slug:action>/", v.closure_transition, name="closure_transition"),
    path("abandono/<uuid:public_id>/", v.abandonment_detail, name="abandonment_detail"),
    path("abandono/<uuid:public_id>/<slug:action>/", v.abandonment_transition, name="abandonment_transition"),
    path("recertificaciones/<uuid:public_id>/", v.recertification_detail, name="recertification_detail"),
    path("recertificaciones/<uuid:public_id>/<slug:action>/", v.recertification_transition,
         name="recertification_transition"),
    path("incidentes/<uuid:public_id>/", v.incident_detail, name="incident_detail"),
    path("incidentes/<uuid:public_id>/<slug:action>/", v.incident_transition, name="incident_transition"),
    path("regularizaciones/<uuid:public_id>/", v.regularisation_detail, name="regularisation_detail"),
    path("regularizaciones/<uuid:public_id>/<slug:action>/", v.regularisation_transition,
         name="regularisation_transition"),
]
