-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "mergedIntoId" TEXT;

-- AlterTable
ALTER TABLE "Integration" ADD COLUMN     "settings" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "tokens" TEXT[];

-- AlterTable
ALTER TABLE "RawEvent" ADD COLUMN     "ignoredReason" TEXT;

-- AlterTable
ALTER TABLE "TimelineEntry" ADD COLUMN     "dedupeKey" TEXT;

-- CreateTable
CREATE TABLE "IncidentLink" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IncidentLink_key_key" ON "IncidentLink"("key");

-- CreateIndex
CREATE INDEX "IncidentLink_incidentId_idx" ON "IncidentLink"("incidentId");

-- CreateIndex
CREATE INDEX "Incident_mergedIntoId_idx" ON "Incident"("mergedIntoId");

-- CreateIndex
CREATE INDEX "TimelineEntry_dedupeKey_idx" ON "TimelineEntry"("dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "TimelineEntry_incidentId_dedupeKey_key" ON "TimelineEntry"("incidentId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentLink" ADD CONSTRAINT "IncidentLink_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;


