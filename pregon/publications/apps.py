from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    """The archive of posts published by the registered accounts (imported from platform exports), the compliance
    checker's web and API faces, and the retroactive audit of the archive."""

    name = "pregon.publications"
    label = "publications"
    verbose_name = _("Publicaciones")
