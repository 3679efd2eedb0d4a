import type { Translation } from "../../types";
import type fr from "../fr/boardOutline";

export default {
  intro: "The same board as a list: sections in reading order, each with its notes.",
  keyboard:
    "In a note's text: Enter saves, Shift+Enter starts a new line, Escape cancels. Up and down arrows: the same button or text of the previous or next note. A deleted note can be brought back at once with “Undo the deletion”.",
  readOnly: "This board is shown read-only here.",
  empty: "This board has no sections or notes yet.",
  loading: "Loading the board…",
  section: {
    untitled: "Untitled section",
    none: "Not in a section",
    count: "Notes: {{count}}",
    noNotes: "No notes here yet.",
    rename: "Rename",
    renameLabel: "New title of the section",
    save: "Save the title",
    cancel: "Cancel",
    others: "Also written here",
    about: "(section “{{title}}”)",
    aboutNone: "(not in a section)",
  },
  add: {
    label: "New note",
    button: "Add",
    empty: "Write the note's text first.",
  },
  note: {
    about: "(note “{{excerpt}}”)",
    aboutEmpty: "(empty note)",
    empty: "Empty note",
    textLabel: "Text of note {{position}} of {{total}}, {{section}}",
    by: "By",
    unknownAuthor: "unknown person",
    colour: "Colour",
    section: "Section",
    move: "Move",
    delete: "Delete",
    changedMeanwhile:
      "Someone else changed this note while you were writing. It now reads: “{{text}}”. Saving keeps both changes; Escape takes the new version.",
  },
  other: {
    text: "Text",
  },
  links: {
    title: "Links between elements",
    to: "linked to",
  },
  deleted: {
    message: "Note deleted: “{{excerpt}}”.",
    undo: "Undo the deletion",
  },
  votes: {
    open: "Dot voting in progress.",
    dotsLeft: "Dots you have left: {{count}}",
    closed: "Dot voting is over: the number of dots each note received is shown under it.",
    question: "Question:",
    mine: "Your dots: {{count}}",
    add: "Add a dot",
    remove: "Remove a dot",
    count: "Dots received: {{count}}",
    voters: "By:",
  },
  announce: {
    added: "Note added to “{{section}}”.",
    moved: "Note moved to “{{section}}”.",
    deleted: "Note deleted.",
    restored: "Note restored.",
    renamed: "Section renamed.",
    notesAdded: "Notes added by others: {{count}}.",
    notesRemoved: "Notes deleted by others: {{count}}.",
    sectionsAdded: "Sections added by others: {{count}}.",
    sectionsRemoved: "Sections deleted by others: {{count}}.",
    changedMeanwhile: "Someone else has just changed the note you are writing.",
  },
} satisfies Translation<typeof fr>;
