"""Each user's inbox (namespace `notifications`); Mis pendientes is `pending` (procedures). Rules: pregon/institutions/permissions.py."""

from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("bandeja/", views.inbox, name="inbox"),
    path("bandeja/leido/", views.mark_read, name="mark_read"),
    path("bandeja/todo-leido/", views.mark_all_read, name="mark_all_read"),
]
