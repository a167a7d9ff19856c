-- AlterTable
-- Sessions started before this migration end twelve hours after they began, as their cookies do.
ALTER TABLE "UserSession" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "UserSession" SET "expiresAt" = "createdAt" + interval '12 hours';
ALTER TABLE "UserSession" ALTER COLUMN "expiresAt" SET NOT NULL;

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "windowStartedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("scope","key")
);

-- CreateIndex
CREATE INDEX "SignInThrottle_windowStartedAt_idx" ON "SignInThrottle"("windowStartedAt");
