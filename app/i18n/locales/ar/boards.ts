import type { Translation } from "../../types";
import type fr from "../fr/boards";

export default {
  title: "السبورات البيضاء",
  intro: "تصمّم كل جلسة موازية المنصة تصميمًا تشاركيًا على سبوراتها: الوظائف، ومسارات حاملي المشاريع، والبيانات.",
  readOnly: "تتابعون السبورات للاطلاع فقط.",
  noSessions: "لا تتضمن هذه الورشة أي جلسة موازية بعد.",
  noBoards: "لا توجد سبورة لهذه الجلسة بعد.",
  createdBy: "أنشأها {{name}} بتاريخ {{date}}",
  template: "النموذج: {{name}}",
  export: {
    json: "تصدير بصيغة JSON",
    csv: "تصدير الملاحظات (CSV)",
  },
  create: {
    title: "سبورة جديدة",
    submit: "إنشاء السبورة",
    fields: {
      title: "عنوان السبورة",
      template: "النموذج",
    },
  },
  versions: {
    title: "النسخ المجمّدة",
    none: "لا توجد نسخة مجمّدة بعد.",
    by: "بواسطة {{name}}",
    json: "عرض بصيغة JSON",
    restore: "استعادتها في نسخة جديدة",
    freeze: "تجميد نسخة",
    name: "اسم النسخة",
    nameHint: "مثلًا: نهاية الجلسة الأولى. لا تتغير النسخة المجمّدة أبدًا.",
    submit: "تجميد هذه النسخة",
  },
  templates: {
    FEATURES_MOSCOW: {
      name: "وظائف المنصة (طريقة MoSCoW)",
      sections: {
        must: "ضرورية (Must)",
        should: "مهمة (Should)",
        could: "مرغوب فيها (Could)",
        wont: "ليست هذه المرة (Won't)",
      },
    },
    PROJECT_HOLDER_JOURNEY: {
      name: "مسار حامل المشروع",
      sections: {
        discover: "الاكتشاف",
        inform: "الاستعلام",
        prepare: "إعداد المشروع",
        finance: "التمويل",
        launch: "الإطلاق",
        followUp: "المتابعة والمواكبة",
      },
    },
    DATA_INVENTORY: {
      name: "جرد البيانات",
      sections: {
        dataset: "مجموعة البيانات",
        owner: "الجهة المالكة",
        source: "المصدر",
        sensitivity: "درجة الحساسية",
        frequency: "وتيرة التحديث",
      },
    },
    PROBLEM_SOLUTION_TREE: {
      name: "شجرة المشكلات والحلول",
      sections: {
        effects: "النتائج",
        problem: "المشكلة المركزية",
        causes: "الأسباب",
        ends: "الغايات",
        objective: "الهدف المركزي",
        means: "الوسائل",
      },
    },
    BLANK: {
      name: "سبورة فارغة",
      sections: {},
    },
  },
  csv: {
    text: "النص",
    author: "الكاتب",
    section: "القسم",
    votes: "الأصوات",
    noSection: "(خارج الأقسام)",
  },
} satisfies Translation<typeof fr>;
