"""Database triggers that make ledger_event append-only (STYLE §2.6).

UPDATE and DELETE are rejected on SQLite and PostgreSQL. The one UPDATE let through is the one Django issues
when a user is deleted (actor_id -> NULL with every other column unchanged), because `actor` is SET_NULL and the
hashed `actor_label` keeps the attribution. Other vendors get no trigger (the model-level guards still apply).
"""

from __future__ import annotations

from django.db import migrations

# Every column except actor_id; an UPDATE must leave all of them unchanged.
FROZEN_COLUMNS = (
    "id",
    "chain",
    "seq",
    "prev_hash",
    "hash",
    "policy_version",
    "occurred_at",
    "actor_label",
    "institution_id",
    "action",
    "target_content_type_id",
    "target_object_id",
    "target_label",
    "request_id",
    "reason",
    "changes",
)

_SQLITE_UNCHANGED = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in FROZEN_COLUMNS)

SQLITE_CREATE = [
    f"""
    CREATE TRIGGER IF NOT EXISTS ledger_event_refuse_update BEFORE UPDATE ON ledger_event
    FOR EACH ROW WHEN NOT (NEW.actor_id IS NULL AND {_SQLITE_UNCHANGED})
    BEGIN SELECT RAISE(ABORT, 'ledger_event is append-only: UPDATE refused'); END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS ledger_event_refuse_delete BEFORE DELETE ON ledger_event
    FOR EACH ROW
    BEGIN SELECT RAISE(ABORT, 'ledger_event is append-only: DELETE refused'); END
    """,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS ledger_event_refuse_update",
    "DROP TRIGGER IF EXISTS ledger_event_refuse_delete",
]

POSTGRESQL_CREATE = [
    """
    CREATE OR REPLACE FUNCTION ledger_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        allowed ledger_event;
    BEGIN
        IF TG_OP = 'UPDATE' THEN
            allowed := OLD;
            allowed.actor_id := NULL;
            IF NEW.actor_id IS NULL AND NEW IS NOT DISTINCT FROM allowed THEN
                RETURN NEW;
            END IF;
        END IF;
        RAISE EXCEPTION 'ledger_event is append-only: % refused', TG_OP;
    END;
    $$
    """,
    """
    CREATE TRIGGER ledger_event_append_only BEFORE UPDATE OR DELETE ON ledger_event
    FOR EACH ROW EXECUTE FUNCTION ledger_event_refuse_change()
    """,
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS ledger_event_append_only ON ledger_event",
    "DROP FUNCTION IF EXISTS ledger_event_refuse_change()",
]

CREATE = {"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}
DROP = {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_initial")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP), elidable=False)]
