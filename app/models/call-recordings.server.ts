import type { CallRecordingStatus, CallRecordingView } from "~/call/protocol";
import { getDb } from "~/db/client.server";
import type { RoomKey } from "~/live/protocol";

const RUNNING: CallRecordingStatus[] = ["STARTING", "ACTIVE"];
const FINISHED: CallRecordingStatus[] = ["ENDED", "FAILED"];

/** Where egress is asked to write a room's recording, under its storage. */
export function recordingFilepath({ workshopId, room, at }: { workshopId: string; room: RoomKey; at: Date }) {
  return `majlis/${workshopId}/${room}/${at.toISOString().replace(/[:.]/g, "-")}.mp4`;
}

export async function findRunningRecording({ workshopId, room }: { workshopId: string; room: RoomKey }) {
  return getDb().callRecording.findFirst({ where: { workshopId, room, status: { in: RUNNING } }, orderBy: { startedAt: "desc" } });
}

export async function getCallRecording({ workshopId, room, recordingId }: { workshopId: string; room: RoomKey; recordingId: string }) {
  return getDb().callRecording.findFirst({ where: { id: recordingId, workshopId, room } });
}

export async function createCallRecording(input: {
  workshopId: string;
  room: RoomKey;
  egressId: string;
  status: CallRecordingStatus;
  startedById: string;
}) {
  const db = getDb();
  const [recording] = await db.$transaction([
    db.callRecording.create({ data: input }),
    db.auditLog.create({
      data: { workshopId: input.workshopId, actorId: input.startedById, action: "call.recording_started", subjectType: "LiveRoom", subjectId: input.room },
    }),
  ]);
  return recording;
}

/**
 * Follows what LiveKit says of an egress (its answers and its webhooks). A recording that finished stays finished:
 * a late "active" webhook must not bring it back. Returns false for an egress that is not one of ours.
 */
export async function updateCallRecording({
  egressId,
  status,
  location,
  error,
  stoppedById,
}: {
  egressId: string;
  status: CallRecordingStatus;
  location: string | null;
  error?: string | null;
  /** The facilitator who stopped it, when it is their request rather than LiveKit's report. */
  stoppedById?: string;
}) {
  const db = getDb();
  const recording = await db.callRecording.findUnique({ where: { egressId } });
  if (!recording) return false;
  const finished = FINISHED.includes(recording.status);
  await db.callRecording.update({
    where: { egressId },
    data: {
      status: finished && RUNNING.includes(status) ? recording.status : status,
      location: location ?? recording.location,
      endedAt: recording.endedAt ?? (FINISHED.includes(status) ? new Date() : null),
      error: error || recording.error,
    },
  });
  if (stoppedById) {
    await db.auditLog.create({
      data: { workshopId: recording.workshopId, actorId: stoppedById, action: "call.recording_stopped", subjectType: "LiveRoom", subjectId: recording.room },
    });
  }
  return true;
}

/** A room's recordings, newest first; where the files are is for facilitators only. */
export async function listCallRecordings({ workshopId, room, withLocation }: { workshopId: string; room: RoomKey; withLocation: boolean }): Promise<CallRecordingView[]> {
  const db = getDb();
  const rows = await db.callRecording.findMany({ where: { workshopId, room }, orderBy: { startedAt: "desc" } });
  const starters = await db.user.findMany({
    where: { id: { in: rows.flatMap((row) => (row.startedById ? [row.startedById] : [])) } },
    select: { id: true, name: true },
  });
  const names = new Map(starters.map((user) => [user.id, user.name]));
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    startedBy: row.startedById ? (names.get(row.startedById) ?? null) : null,
    location: withLocation ? row.location : null,
  }));
}
