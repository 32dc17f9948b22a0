from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "pregon.notifications"
    label = "notifications"
    verbose_name = "Avisos"
