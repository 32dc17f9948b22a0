"""Loads the platform table from fixtures/platforms.json (adding a platform later is adding a row)."""

import json
from pathlib import Path

from django.db import migrations

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "platforms.json"


def load_platforms(apps, schema_editor):
    Platform = apps.get_model("registry", "Platform")
    for entry in json.loads(FIXTURE.read_text(encoding="utf-8")):
        slug = entry.pop("slug")
        Platform.objects.update_or_create(slug=slug, defaults=entry)


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]

    operations = [migrations.RunPython(load_platforms, migrations.RunPython.noop)]
