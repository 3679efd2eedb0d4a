-- CreateEnum
CREATE TYPE "InstitutionRole" AS ENUM ('CO_ORGANISER', 'CONTRIBUTOR', 'OBSERVER', 'PEER');

-- CreateEnum
CREATE TYPE "PracticeStatus" AS ENUM ('DRAFT', 'PENDING', 'PUBLISHED', 'REJECTED');

-- CreateEnum
CREATE TYPE "PracticeCommentKind" AS ENUM ('COMMENT', 'QUESTION', 'ANSWER');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "contactEmail" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "contactName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "organisationAdmin" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "platformModerator" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Workshop" ADD COLUMN     "templateId" TEXT;

-- CreateTable
CREATE TABLE "WorkshopInstitution" (
    "workshopId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "role" "InstitutionRole" NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkshopInstitution_pkey" PRIMARY KEY ("workshopId","organisationId")
);

-- CreateTable
CREATE TABLE "Practice" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "authorId" TEXT,
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "approach" TEXT NOT NULL,
    "results" TEXT NOT NULL DEFAULT '',
    "figures" JSONB NOT NULL DEFAULT '[]',
    "resources" JSONB NOT NULL DEFAULT '[]',
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "country" TEXT NOT NULL,
    "themes" TEXT[],
    "languages" TEXT[],
    "visibility" "Visibility" NOT NULL DEFAULT 'INSTITUTION',
    "status" "PracticeStatus" NOT NULL DEFAULT 'DRAFT',
    "searchText" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "moderatedById" TEXT,
    "moderationNote" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Practice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeAttachment" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PracticeAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeComment" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "authorId" TEXT,
    "kind" "PracticeCommentKind" NOT NULL,
    "body" TEXT NOT NULL,
    "parentId" TEXT,
    "private" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "PracticeComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeAdoption" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "authorId" TEXT,
    "story" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PracticeAdoption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationPractice" (
    "recommendationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecommendationPractice_pkey" PRIMARY KEY ("recommendationId","practiceId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "actorId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopTemplate" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT,
    "createdById" TEXT,
    "sourceWorkshopId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "format" "WorkshopFormat" NOT NULL DEFAULT 'HYBRID',
    "languages" TEXT[] DEFAULT ARRAY['fr']::TEXT[],
    "timezone" TEXT NOT NULL DEFAULT 'Africa/Casablanca',
    "durationMinutes" INTEGER NOT NULL,
    "visibility" "Visibility" NOT NULL DEFAULT 'INSTITUTION',
    "content" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkshopTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkshopInstitution_organisationId_idx" ON "WorkshopInstitution"("organisationId");

-- CreateIndex
CREATE INDEX "Practice_status_visibility_idx" ON "Practice"("status", "visibility");

-- CreateIndex
CREATE INDEX "Practice_organisationId_status_idx" ON "Practice"("organisationId", "status");

-- CreateIndex
CREATE INDEX "PracticeAttachment_practiceId_idx" ON "PracticeAttachment"("practiceId");

-- CreateIndex
CREATE INDEX "PracticeComment_practiceId_createdAt_idx" ON "PracticeComment"("practiceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeAdoption_practiceId_organisationId_key" ON "PracticeAdoption"("practiceId", "organisationId");

-- CreateIndex
CREATE INDEX "RecommendationPractice_practiceId_idx" ON "RecommendationPractice"("practiceId");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "WorkshopTemplate_organisationId_idx" ON "WorkshopTemplate"("organisationId");

-- CreateIndex
CREATE INDEX "WorkshopTemplate_visibility_idx" ON "WorkshopTemplate"("visibility");

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "WorkshopTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopInstitution" ADD CONSTRAINT "WorkshopInstitution_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopInstitution" ADD CONSTRAINT "WorkshopInstitution_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_moderatedById_fkey" FOREIGN KEY ("moderatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeAttachment" ADD CONSTRAINT "PracticeAttachment_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeAttachment" ADD CONSTRAINT "PracticeAttachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeComment" ADD CONSTRAINT "PracticeComment_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeComment" ADD CONSTRAINT "PracticeComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeComment" ADD CONSTRAINT "PracticeComment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PracticeComment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeAdoption" ADD CONSTRAINT "PracticeAdoption_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeAdoption" ADD CONSTRAINT "PracticeAdoption_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeAdoption" ADD CONSTRAINT "PracticeAdoption_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationPractice" ADD CONSTRAINT "RecommendationPractice_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationPractice" ADD CONSTRAINT "RecommendationPractice_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationPractice" ADD CONSTRAINT "RecommendationPractice_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopTemplate" ADD CONSTRAINT "WorkshopTemplate_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopTemplate" ADD CONSTRAINT "WorkshopTemplate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopTemplate" ADD CONSTRAINT "WorkshopTemplate_sourceWorkshopId_fkey" FOREIGN KEY ("sourceWorkshopId") REFERENCES "Workshop"("id") ON DELETE SET NULL ON UPDATE CASCADE;
