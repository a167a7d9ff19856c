-- AlterTable
ALTER TABLE "Approval" ADD COLUMN     "planHash" TEXT;

-- AlterTable
ALTER TABLE "ReportRevision" ADD COLUMN     "lastEditedByTokenId" TEXT;



-- The gate also requires the revision to be approved right now (not already sent).
CREATE OR REPLACE FUNCTION "sitrep_delivery_requires_approval"() RETURNS trigger AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1
    FROM "Approval" a
    JOIN "ReportRevision" r ON r."id" = a."revisionId"
    WHERE a."revisionId" = NEW."revisionId"
      AND r."state" = 'approved'
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
