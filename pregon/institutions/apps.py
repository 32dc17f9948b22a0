from django.apps import AppConfig


class InstitutionsConfig(AppConfig):
    name = "pregon.institutions"
    label = "institutions"
    verbose_name = "Instituciones"
