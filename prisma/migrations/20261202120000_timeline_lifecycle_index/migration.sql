-- CreateIndex
CREATE INDEX "TimelineEntry_incidentId_kind_at_idx" ON "TimelineEntry"("incidentId", "kind", "at");


