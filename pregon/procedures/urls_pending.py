""""Mis pendientes" and its calendar feed (namespace `pending`), across institutions. Rules: pregon/institutions/permissions.py."""

from django.urls import path

from . import views_pending

app_name = "pending"

urlpatterns = [
    path("pendientes/", views_pending.pending, name="list"),
    path("pendientes/nuevo-enlace/", views_pending.feed_token_reset, name="feed_token_reset"),
    path("pendientes.ics", views_pending.pending_ics, name="ics"),
]
