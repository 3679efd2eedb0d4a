-- CreateEnum
CREATE TYPE "BoardVoteRoundStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateTable
CREATE TABLE "BoardVoteRound" (
    "id" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "question" TEXT,
    "dotsPerPerson" INTEGER NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "status" "BoardVoteRoundStatus" NOT NULL DEFAULT 'OPEN',
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "BoardVoteRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BoardVote" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "elementId" TEXT NOT NULL,
    "voterId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BoardVote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BoardVoteRound_boardId_startedAt_idx" ON "BoardVoteRound"("boardId", "startedAt");

-- CreateIndex
CREATE INDEX "BoardVote_roundId_voterId_idx" ON "BoardVote"("roundId", "voterId");

-- CreateIndex
CREATE INDEX "BoardVote_roundId_elementId_idx" ON "BoardVote"("roundId", "elementId");

-- AddForeignKey
ALTER TABLE "BoardVoteRound" ADD CONSTRAINT "BoardVoteRound_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardVoteRound" ADD CONSTRAINT "BoardVoteRound_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardVote" ADD CONSTRAINT "BoardVote_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "BoardVoteRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardVote" ADD CONSTRAINT "BoardVote_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One open round per board at a time: starting a second one while the first runs is refused by the database too.
CREATE UNIQUE INDEX "BoardVoteRound_one_open_per_board" ON "BoardVoteRound"("boardId") WHERE "status" = 'OPEN';
