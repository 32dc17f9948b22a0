from django.apps import AppConfig


class RegistryConfig(AppConfig):
    """The account registry: platforms, official social-media accounts, their administrators."""

    name = "pregon.registry"
    label = "registry"
    verbose_name = "Registro de cuentas"
