"""Abstract base models shared by every app. No domain logic lives here."""

from django.db import models


class TimeStampedModel(models.Model):
    """Adds created_at/updated_at to a model."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
