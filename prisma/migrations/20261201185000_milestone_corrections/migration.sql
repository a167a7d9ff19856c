-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "acknowledgedAtCorrected" TIMESTAMP(3),
ADD COLUMN     "resolvedAtCorrected" TIMESTAMP(3),
ADD COLUMN     "startedAtCorrected" TIMESTAMP(3);


