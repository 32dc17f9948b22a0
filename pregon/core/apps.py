from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pregon.core"
    label = "core"
