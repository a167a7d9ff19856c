-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'AUDITOR';

-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN     "lastAuditedAt" TIMESTAMP(3),
ADD COLUMN     "lastRefusedAt" TIMESTAMP(3);


