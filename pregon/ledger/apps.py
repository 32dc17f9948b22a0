from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "pregon.ledger"
    label = "ledger"
    verbose_name = "Bitácora"
