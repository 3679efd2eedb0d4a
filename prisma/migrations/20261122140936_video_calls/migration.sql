-- CreateEnum
CREATE TYPE "AttendanceSource" AS ENUM ('LIVE', 'VIDEO');

-- CreateEnum
CREATE TYPE "CallRecordingStatus" AS ENUM ('STARTING', 'ACTIVE', 'ENDED', 'FAILED');

-- AlterTable
ALTER TABLE "AttendanceEvent" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "source" "AttendanceSource" NOT NULL DEFAULT 'LIVE';

-- AlterTable
ALTER TABLE "LiveRoomState" ADD COLUMN     "callParticipantsPublish" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "CallRemoval" (
    "workshopId" TEXT NOT NULL,
    "room" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "removedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallRemoval_pkey" PRIMARY KEY ("workshopId","room","userId")
);

-- CreateTable
CREATE TABLE "CallRecording" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "room" TEXT NOT NULL,
    "egressId" TEXT NOT NULL,
    "status" "CallRecordingStatus" NOT NULL DEFAULT 'STARTING',
    "location" TEXT,
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "CallRecording_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CallRecording_egressId_key" ON "CallRecording"("egressId");

-- CreateIndex
CREATE INDEX "CallRecording_workshopId_room_startedAt_idx" ON "CallRecording"("workshopId", "room", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AttendanceEvent_externalId_key" ON "AttendanceEvent"("externalId");

-- AddForeignKey
ALTER TABLE "CallRemoval" ADD CONSTRAINT "CallRemoval_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallRecording" ADD CONSTRAINT "CallRecording_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
