import type { Translation } from "../../types";
import type fr from "../fr/boards";

export default {
  title: "Whiteboards",
  intro: "Each parallel session co-designs the platform on its boards: features, project holders' journeys, data.",
  readOnly: "You follow the boards read-only.",
  noSessions: "This workshop has no parallel session yet.",
  noBoards: "No board for this session yet.",
  createdBy: "Created by {{name}} on {{date}}",
  template: "Template: {{name}}",
  export: {
    json: "Export as JSON",
    csv: "Export the notes (CSV)",
  },
  create: {
    title: "New board",
    submit: "Create the board",
    fields: {
      title: "Board title",
      template: "Template",
    },
  },
  versions: {
    title: "Frozen versions",
    none: "No frozen version yet.",
    by: "by {{name}}",
    json: "View as JSON",
    restore: "Restore as a copy",
    freeze: "Freeze a version",
    name: "Version name",
    nameHint: "For example: end of session 1. A frozen version never changes.",
    submit: "Freeze this version",
  },
  templates: {
    FEATURES_MOSCOW: {
      name: "Platform features (MoSCoW)",
      sections: {
        must: "Must have",
        should: "Should have",
        could: "Could have",
        wont: "Won't have this time",
      },
    },
    PROJECT_HOLDER_JOURNEY: {
      name: "Journey of a project holder",
      sections: {
        discover: "Discovery",
        inform: "Getting informed",
        prepare: "Building the project",
        finance: "Funding",
        launch: "Launch",
        followUp: "Follow-up and support",
      },
    },
    DATA_INVENTORY: {
      name: "Data inventory",
      sections: {
        dataset: "Dataset",
        owner: "Owner",
        source: "Source",
        sensitivity: "Sensitivity",
        frequency: "Update frequency",
      },
    },
    PROBLEM_SOLUTION_TREE: {
      name: "Problem and solution tree",
      sections: {
        effects: "Effects",
        problem: "Core problem",
        causes: "Causes",
        ends: "Ends",
        objective: "Core objective",
        means: "Means",
      },
    },
    BLANK: {
      name: "Blank board",
      sections: {},
    },
  },
  csv: {
    text: "Text",
    author: "Author",
    section: "Section",
    votes: "Votes",
    noSection: "(outside any section)",
  },
} satisfies Translation<typeof fr>;
