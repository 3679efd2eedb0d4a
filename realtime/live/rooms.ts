import type { RoomKey } from "~/live/protocol";

/** socket.io room names, built in one place so emitters and joiners always agree. */
export const channels = {
  /** Everyone in one live room. */
  room: (workshopId: string, room: RoomKey) => `w:${workshopId}:r:${room}`,
  /** The facilitators of one live room (they see more: authors of anonymous questions, muted people). */
  roomFacilitators: (workshopId: string, room: RoomKey) => `w:${workshopId}:r:${room}:facilitators`,
  /** Everyone connected to any room of the workshop (broadcasts, stage changes). */
  workshop: (workshopId: string) => `w:${workshopId}`,
  /** The workshop's organisers, wherever they are (the console). */
  organisers: (workshopId: string) => `w:${workshopId}:organisers`,
  /** Every connection of one person (a move to another session follows them on every device). */
  user: (userId: string) => `u:${userId}`,
};
