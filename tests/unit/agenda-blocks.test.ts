import { describe, expect, it } from "vitest";
import { groupAgendaIntoBlocks, type AgendaEntry } from "~/utils/agenda-blocks";

const sessions = [
  { id: "s1", title: "Compétences" },
  { id: "s2", title: "Données" },
];

const item = (id: string, from: string, to: string, sessionId: string | null = null): AgendaEntry => ({
  id,
  title: id,
  startsAt: `2023-11-24T${from}:00.000Z`,
  endsAt: `2023-11-24T${to}:00.000Z`,
  sessionId,
});

describe("groupAgendaIntoBlocks", () => {
  it("puts plenary items in time order and the parallel sessions side by side between them", () => {
    const blocks = groupAgendaIntoBlocks(
      [
        item("lunch", "13:00", "14:30"),
        item("data-1", "11:00", "13:00", "s2"),
        item("welcome", "09:00", "09:30"),
        item("skills-1", "11:00", "12:00", "s1"),
        item("skills-2", "12:00", "13:00", "s1"),
        item("closing", "16:00", "17:00"),
        item("data-2", "14:30", "16:00", "s2"),
      ],
      sessions,
    );
    expect(
      blocks.map((block) =>
        block.kind === "plenary"
          ? block.item.id
          : { from: block.startsAt, to: block.endsAt, tracks: block.tracks.map((t) => [t.session.id, t.items.map((i) => i.id)]) },
      ),
    ).toEqual([
      "welcome",
      { from: "2023-11-24T11:00:00.000Z", to: "2023-11-24T13:00:00.000Z", tracks: [["s1", ["skills-1", "skills-2"]], ["s2", ["data-1"]]] },
      "lunch",
      { from: "2023-11-24T14:30:00.000Z", to: "2023-11-24T16:00:00.000Z", tracks: [["s2", ["data-2"]]] },
      "closing",
    ]);
  });

  it("keeps the sessions in their own order, not the order of their first item", () => {
    const blocks = groupAgendaIntoBlocks([item("b", "10:00", "11:00", "s2"), item("a", "10:30", "11:00", "s1")], sessions);
    expect(blocks).toHaveLength(1);
    expect(blocks[0].kind === "parallel" && blocks[0].tracks.map((t) => t.session.id)).toEqual(["s1", "s2"]);
  });

  it("gives nothing for an empty agenda", () => {
    expect(groupAgendaIntoBlocks([], sessions)).toEqual([]);
  });
});
