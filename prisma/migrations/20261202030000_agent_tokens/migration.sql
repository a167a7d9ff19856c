-- CreateEnum
CREATE TYPE "TokenScope" AS ENUM ('read', 'propose');

-- AlterEnum
ALTER TYPE "RevisionState" ADD VALUE 'superseded';

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'AGENT';

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "scope" "TokenScope";


