"""Signals the institutions app sends so that the apps above it (procedures) can do what a change here calls for,
without this app importing them. Receivers are connected in their own AppConfig.ready() (`pregon/procedures/apps.py`).

Every signal is sent inside the service's transaction: a receiver that raises rolls the whole change back, and what
a receiver returns reaches the sender in `send()`'s responses.
"""

from __future__ import annotations

from django.dispatch import Signal

official_departed = Signal()
"""A public servant's employment ended (`services.official_end_employment`, after `official.employment_ended` is
recorded). The accounts they administered must change hands and their passwords be changed (rosarito:10.6,
pasto:3.15, guadalajara:15ª).

kwargs: `official` (Official, saved as ended), `ended_on` (date), `actor` (user or None for the system). A receiver
returns a sentence in Spanish saying what it started ("Se inició 1 cambio de administrador…"), or None; the service
hands those sentences to its caller as `official.departure_consequences`."""
