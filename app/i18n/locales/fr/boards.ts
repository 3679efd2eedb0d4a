export default {
  title: "Tableaux blancs",
  intro: "Chaque session parallèle co-conçoit la plateforme sur ses tableaux : fonctionnalités, parcours des porteurs de projets, données.",
  readOnly: "Vous suivez les tableaux en lecture seule.",
  noSessions: "Cet atelier n'a pas encore de session parallèle.",
  noBoards: "Aucun tableau pour cette session.",
  createdBy: "Créé par {{name}} le {{date}}",
  template: "Modèle : {{name}}",
  export: {
    json: "Exporter en JSON",
    csv: "Exporter les notes (CSV)",
  },
  create: {
    title: "Nouveau tableau",
    submit: "Créer le tableau",
    fields: {
      title: "Titre du tableau",
      template: "Modèle",
    },
  },
  versions: {
    title: "Versions figées",
    none: "Aucune version figée pour l'instant.",
    by: "par {{name}}",
    json: "Voir en JSON",
    restore: "Restaurer comme copie",
    freeze: "Figer une version",
    name: "Nom de la version",
    nameHint: "Par exemple : fin de la session 1. Une version figée ne change plus.",
    submit: "Figer cette version",
  },
  templates: {
    FEATURES_MOSCOW: {
      name: "Fonctionnalités de la plateforme (MoSCoW)",
      sections: {
        must: "Indispensable (Must)",
        should: "Important (Should)",
        could: "Souhaitable (Could)",
        wont: "Pas cette fois (Won't)",
      },
    },
    PROJECT_HOLDER_JOURNEY: {
      name: "Parcours d'un porteur de projet",
      sections: {
        discover: "Découverte",
        inform: "S'informer",
        prepare: "Monter le projet",
        finance: "Financement",
        launch: "Lancement",
        followUp: "Suivi et accompagnement",
      },
    },
    DATA_INVENTORY: {
      name: "Inventaire des données",
      sections: {
        dataset: "Jeu de données",
        owner: "Détenteur",
        source: "Source",
        sensitivity: "Sensibilité",
        frequency: "Fréquence de mise à jour",
      },
    },
    PROBLEM_SOLUTION_TREE: {
      name: "Arbre à problèmes et à solutions",
      sections: {
        effects: "Conséquences",
        problem: "Problème central",
        causes: "Causes",
        ends: "Finalités",
        objective: "Objectif central",
        means: "Moyens",
      },
    },
    BLANK: {
      name: "Tableau vierge",
      sections: {},
    },
  },
  csv: {
    text: "Texte",
    author: "Auteur",
    section: "Section",
    votes: "Votes",
    noSection: "(hors section)",
  },
};
