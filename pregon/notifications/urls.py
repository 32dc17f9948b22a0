"""Each user's inbox, deadlines and ICS feed (namespace `notifications`). Rules: pregon/permissions.py."""

from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("bandeja/", views.inbox, name="inbox"),
    path("bandeja/leido/", views.mark_read, name="mark_read"),
    path("bandeja/todo-leido/", views.mark_all_read, name="mark_all_read"),
    path("pendientes/", views.pending, name="pending"),
    path("pendientes/nuevo-enlace/", views.feed_token_reset, name="feed_token_reset"),
    path("pendientes.ics", views.pending_ics, name="pending_ics"),
]
