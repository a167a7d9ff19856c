-- Gated send. Delivery rows were never written before this migration (nothing sent mail), so the new NOT NULL columns need no backfill.
-- CreateEnum
CREATE TYPE "EmailTemplate" AS ENUM ('incident_report', 'status_update', 'action_items', 'resolution');

-- DropIndex
DROP INDEX "Delivery_revisionId_recipient_key";

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "approvalId" TEXT,
ADD COLUMN     "contentHash" TEXT NOT NULL,
ADD COLUMN     "headers" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "html" TEXT NOT NULL,
ADD COLUMN     "inReplyTo" TEXT,
ADD COLUMN     "reason" TEXT NOT NULL,
ADD COLUMN     "subject" TEXT NOT NULL,
ADD COLUMN     "tags" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "template" "EmailTemplate" NOT NULL,
ADD COLUMN     "text" TEXT NOT NULL,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "excludedRecipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "extraRecipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "threadMessageId" TEXT;

-- CreateIndex
CREATE INDEX "Delivery_status_updatedAt_idx" ON "Delivery"("status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_revisionId_template_recipient_key" ON "Delivery"("revisionId", "template", "recipient");



-- The gate, in the database itself (below every caller: app, job, script, psql): a delivery can
-- only be written for a revision whose current content has a standing approval, and only for that
-- content. lib/deliveries/send-revision.ts checks the same (and more) first, with clear errors.
CREATE FUNCTION "sitrep_delivery_requires_approval"() RETURNS trigger AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1
    FROM "Approval" a
    JOIN "ReportRevision" r ON r."id" = a."revisionId"
    WHERE a."revisionId" = NEW."revisionId"
      AND a."voidedAt" IS NULL
      AND a."contentHash" = r."contentHash"
      AND NEW."contentHash" = r."contentHash"
      AND (NEW."approvalId" IS NULL OR NEW."approvalId" = a."id")
  ) THEN
    RAISE EXCEPTION 'sitrep gate: revision % has no standing approval of the content being sent', NEW."revisionId" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Delivery_requires_approval"
  BEFORE INSERT OR UPDATE OF "revisionId", "contentHash", "subject", "html", "text", "recipient" ON "Delivery"
  FOR EACH ROW EXECUTE FUNCTION "sitrep_delivery_requires_approval"();

-- What was sent stays as it was sent.
CREATE FUNCTION "sitrep_sent_revision_is_final"() RETURNS trigger AS $$
BEGIN
  IF OLD."state" = 'sent' AND (NEW."sections" IS DISTINCT FROM OLD."sections" OR NEW."contentHash" IS DISTINCT FROM OLD."contentHash" OR NEW."state" IS DISTINCT FROM OLD."state") THEN
    RAISE EXCEPTION 'sitrep gate: revision % was sent; its content cannot change', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ReportRevision_sent_is_final"
  BEFORE UPDATE ON "ReportRevision"
  FOR EACH ROW EXECUTE FUNCTION "sitrep_sent_revision_is_final"();
