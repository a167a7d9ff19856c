-- AlterEnum
ALTER TYPE "RawEventState" ADD VALUE 'rejected';


