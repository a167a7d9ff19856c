-- AlterTable
ALTER TABLE "ReportRevision" ADD COLUMN     "lastEditedById" TEXT,
ADD COLUMN     "reviewNote" TEXT;

-- CreateTable
CREATE TABLE "ReviewPolicy" (
    "severity" "Severity" NOT NULL,
    "twoPersonRule" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewPolicy_pkey" PRIMARY KEY ("severity")
);

-- CreateTable
CREATE TABLE "RevisionView" (
    "userId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "sectionHashes" JSONB NOT NULL,
    "viewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevisionView_pkey" PRIMARY KEY ("userId","revisionId")
);

-- CreateTable
CREATE TABLE "ReviewPresence" (
    "revisionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "section" TEXT,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewPresence_pkey" PRIMARY KEY ("revisionId","userId")
);

-- CreateIndex
CREATE INDEX "ReviewPresence_lastSeenAt_idx" ON "ReviewPresence"("lastSeenAt");

-- AddForeignKey
ALTER TABLE "ReportRevision" ADD CONSTRAINT "ReportRevision_lastEditedById_fkey" FOREIGN KEY ("lastEditedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisionView" ADD CONSTRAINT "RevisionView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisionView" ADD CONSTRAINT "RevisionView_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ReportRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewPresence" ADD CONSTRAINT "ReviewPresence_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ReportRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewPresence" ADD CONSTRAINT "ReviewPresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


