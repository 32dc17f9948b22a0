from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class InstitutionsConfig(AppConfig):
    name = "pregon.institutions"
    label = "institutions"
    verbose_name = _("Instituciones")

    def ready(self) -> None:
        from .checks import check_policy_presets

        checks.register(check_policy_presets, checks.Tags.compatibility, deploy=False)
