import type { Translation } from "../../types";
import type fr from "../fr/boardOutline";

export default {
  intro: "السبورة نفسها في شكل قائمة: الأقسام بترتيب القراءة، وتحت كل قسم ملاحظاته.",
  keyboard:
    "في نص الملاحظة: Enter للحفظ، وShift+Enter لسطر جديد، وEscape للإلغاء. السهمان للأعلى وللأسفل: الزر نفسه أو النص نفسه في الملاحظة السابقة أو التالية. يمكن استرجاع الملاحظة المحذوفة فورًا بزر «التراجع عن الحذف».",
  readOnly: "تُعرض هذه السبورة هنا للقراءة فقط.",
  empty: "لا تحتوي هذه السبورة بعد على أقسام ولا ملاحظات.",
  loading: "جارٍ تحميل السبورة…",
  section: {
    untitled: "قسم بلا عنوان",
    none: "خارج الأقسام",
    count: "الملاحظات: {{count}}",
    noNotes: "لا ملاحظات هنا بعد.",
    rename: "إعادة التسمية",
    renameLabel: "العنوان الجديد للقسم",
    save: "حفظ العنوان",
    cancel: "إلغاء",
    others: "مكتوب هنا أيضًا",
    about: "(القسم «{{title}}»)",
    aboutNone: "(خارج الأقسام)",
  },
  add: {
    label: "ملاحظة جديدة",
    button: "إضافة",
    empty: "اكتب نص الملاحظة أولًا.",
  },
  note: {
    about: "(الملاحظة «{{excerpt}}»)",
    aboutEmpty: "(ملاحظة فارغة)",
    empty: "ملاحظة فارغة",
    textLabel: "نص الملاحظة {{position}} من {{total}}، {{section}}",
    by: "بقلم",
    unknownAuthor: "شخص غير معروف",
    colour: "اللون",
    section: "القسم",
    move: "نقل",
    delete: "حذف",
    changedMeanwhile:
      "عدّل شخص آخر هذه الملاحظة أثناء كتابتك. نصها الآن: «{{text}}». الحفظ يُبقي على التعديلين معًا؛ وEscape يعيد النسخة الجديدة.",
  },
  other: {
    text: "نص",
  },
  links: {
    title: "الروابط بين العناصر",
    to: "مرتبط بـ",
  },
  deleted: {
    message: "حُذفت الملاحظة: «{{excerpt}}».",
    undo: "التراجع عن الحذف",
  },
  votes: {
    open: "التصويت بالنقاط جارٍ.",
    dotsLeft: "النقاط المتبقية لك: {{count}}",
    closed: "انتهى التصويت بالنقاط: عدد النقاط التي نالتها كل ملاحظة مذكور تحتها.",
    question: "السؤال:",
    mine: "نقاطك: {{count}}",
    add: "إضافة نقطة",
    remove: "سحب نقطة",
    count: "النقاط المحصَّلة: {{count}}",
    voters: "من:",
  },
  announce: {
    added: "أُضيفت ملاحظة إلى «{{section}}».",
    moved: "نُقلت الملاحظة إلى «{{section}}».",
    deleted: "حُذفت الملاحظة.",
    restored: "استُرجعت الملاحظة.",
    renamed: "أُعيدت تسمية القسم.",
    notesAdded: "ملاحظات أضافها آخرون: {{count}}.",
    notesRemoved: "ملاحظات حذفها آخرون: {{count}}.",
    sectionsAdded: "أقسام أضافها آخرون: {{count}}.",
    sectionsRemoved: "أقسام حذفها آخرون: {{count}}.",
    changedMeanwhile: "عدّل شخص آخر للتوّ الملاحظة التي تكتبها.",
  },
} satisfies Translation<typeof fr>;
