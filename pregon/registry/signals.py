"""Signals the registry sends so that the procedures app (above it) can start the procedures a registry change
calls for, without the registry importing procedures. Receivers are connected in `pregon/procedures/apps.py`.

Every signal is sent inside the registry service's transaction: a receiver that raises rolls the whole change
back (an import is all or nothing), and whatever a receiver returns reaches the sender in `send()`'s responses.
"""

from __future__ import annotations

from django.dispatch import Signal

account_registered = Signal()
"""An account was registered in the inventory (`services.account_register`).

kwargs: `account` (SocialAccount, saved), `actor` (user or None for the system), `preexisting` (bool: registered
directly as an account that existed before the norm, status `pending_regularisation`; its regularisation must
start now — rosarito:Transitorio 2, iee-sonora:Transitorio 2). A receiver that cannot start what the registration
requires raises an ApplicationError."""

administrator_change_requested = Signal()
"""Someone asked, from the registry, to designate or to end an administrator of an account: the change goes
through the administrator-change procedure (notices, credential rotation — rosarito:10.6, pasto:3.15,
guadalajara:15ª) instead of editing the assignment directly.

kwargs: `account` (SocialAccount), `actor` (user), `official` (Official to designate, or None), `role`
(`primary`/`alternate` when designating, else ""), `leaving` (Administrator whose assignment ends, or None),
`ends_on` (date or None: when the leaving assignment ends, default today), `reason` (str). The receiver returns the
procedure it created (an object with `get_absolute_url()`), or raises an ApplicationError."""

open_procedures_requested = Signal()
"""The account's page asks the apps above the registry for the account's open incidents and procedures.

kwargs: `account` (SocialAccount), `actor` (the user looking). Each receiver returns a list of the open procedures
the actor may read (each with `get_absolute_url()`), or an empty list; the page shows them all. Sent outside any
write: a receiver only reads."""
