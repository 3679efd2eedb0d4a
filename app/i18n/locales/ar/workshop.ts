import type { Translation } from "../../types";
import type fr from "../fr/workshop";

export default {
  nav: {
    label: "أقسام الورشة",
    overview: "البرنامج",
    details: "المعلومات",
    sessions: "الجلسات المتوازية",
    agenda: "جدول الأعمال",
    people: "الأشخاص",
    registrations: "التسجيلات",
    checkin: "الاستقبال",
    room: "شاشة القاعة",
  },
  format: {
    IN_PERSON: "حضوري",
    ONLINE: "عن بُعد",
    HYBRID: "هجين",
  },
  status: {
    DRAFT: "مسودة",
    PUBLISHED: "منشورة",
  },
} satisfies Translation<typeof fr>;
