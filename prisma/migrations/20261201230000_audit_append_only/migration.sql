-- The audit log is append-only. A trigger refuses UPDATE, DELETE and TRUNCATE for every role,
-- the table's owner included (a grant alone does not bind the owner). Changing history needs
-- ALTER TABLE ... DISABLE TRIGGER, which only the owner or a superuser can do, and even then the
-- hash chain (npm run sitrep -- audit:verify) names the first altered row.
-- The grant for a least-privileged application role is documented in docs/adr/0009.
CREATE FUNCTION "sitrep_audit_is_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only: % is not allowed on "AuditEvent"', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "sitrep_audit_is_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "sitrep_audit_is_append_only"();
