import type { Translation } from "../../types";
import type fr from "../fr/live";

export default {
  plenary: "الجلسة العامة",
  place: "القاعة: {{place}}",
  enter: "الانضمام المباشر",
  status: {
    connecting: "جارٍ الاتصال…",
    online: "مباشر",
    offline: "غير متصل — إعادة الاتصال تلقائيًا…",
  },
  agenda: {
    now: "الآن:",
    none: "لا توجد نقطة جارية من جدول الأعمال.",
  },
  rooms: {
    label: "القاعات المباشرة",
    mine: "جلستي",
  },
  presence: {
    title: "الحاضرون ({{count}})",
    inPerson: "في القاعة",
    remote: "عن بُعد",
  },
  screen: {
    open: "شاشة القاعة",
    join: "انضموا من هواتفكم",
    joinQr: "رمز QR للانضمام إلى الورشة",
    timer: "الوقت",
    noTimer: "لا يوجد مؤقت جارٍ.",
    poll: "استطلاع",
    noPoll: "لا يوجد استطلاع مفتوح.",
    questions: "الأسئلة الأكثر دعمًا",
    noQuestions: "لا توجد أسئلة بعد.",
    votes: "الأصوات: {{count}}",
  },
  errors: {
    unauthenticated: "انتهت جلستكم: سجّلوا الدخول مجددًا للانضمام المباشر.",
    forbidden: "لا يحق لكم القيام بذلك في هذه القاعة.",
    invalidPayload: "هذا الطلب غير صالح.",
    rateLimited: "طلبات كثيرة في وقت قصير: انتظروا قليلًا.",
    notFound: "هذا العنصر غير موجود أو لم يعد موجودًا.",
    notInRoom: "لم تدخلوا القاعة بعد: انتظروا حتى يكتمل الاتصال.",
    muted: "أوقف أحد الميسّرين مشاركتكم في الدردشة والأسئلة.",
    pollClosed: "هذا الاستطلاع مغلق.",
    sessionFull: "هذه الجلسة مكتملة: لم يعد هناك مقعد شاغر.",
    internal: "حدث خلل. حاولوا مجددًا.",
    offline: "لا يوجد اتصال: ما كتبتموه محفوظ، حاولوا مجددًا عند عودة الاتصال.",
  },
} satisfies Translation<typeof fr>;
