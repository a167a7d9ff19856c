-- AlterTable
ALTER TABLE "ReportRevision" ADD COLUMN     "meta" JSONB NOT NULL DEFAULT '{}';


