import type { Translation } from "../../types";
import type fr from "../fr/common";

export default {
  appName: "مجلس",
  tagline: "ورشات هجينة وتبادل بين المؤسسات",
  skipToContent: "الانتقال إلى المحتوى",
  nav: {
    home: "الرئيسية",
    workshops: "الورشات",
    signIn: "تسجيل الدخول",
    signOut: "تسجيل الخروج",
    join: "الانضمام برمز",
    account: "حسابي",
    mainNavigation: "التنقل الرئيسي",
  },
  language: {
    label: "اللغة",
    choose: "تغيير اللغة",
    fr: "Français",
    ar: "العربية",
    en: "English",
  },
  actions: {
    save: "حفظ",
    cancel: "إلغاء",
    delete: "حذف",
    edit: "تعديل",
    add: "إضافة",
    back: "رجوع",
    search: "بحث",
    confirm: "تأكيد",
    continue: "متابعة",
    copy: "نسخ",
    copied: "تم النسخ",
  },
  status: {
    saved: "تم حفظ التعديلات.",
  },
  roles: {
    ORGANISER: "منظِّم",
    FACILITATOR: "مُيسِّر",
    RAPPORTEUR: "مقرِّر",
    PARTICIPANT: "مشارك",
    OBSERVER: "ملاحِظ",
    COMMITTEE_MEMBER: "عضو لجنة القيادة",
    PEER: "نظير (مؤسسة أخرى)",
  },
  home: {
    title: "مرحبًا بكم في مجلس",
    intro:
      "حضّروا ورشاتكم الهجينة، وأداروا الجلسات المتوازية مباشرة، وتابعوا التوصيات حتى قرارات لجنة القيادة.",
    myWorkshops: "ورشاتي",
    publicWorkshops: "ورشات مفتوحة",
    noWorkshops: "لا توجد ورشات حاليًا.",
    createWorkshop: "إنشاء ورشة",
    joinWithCode: "هل أنتم في القاعة؟ انضموا إلى الورشة بالرمز المعروض على الشاشة.",
  },
  errorPage: {
    title: "حدث خطأ",
    notFoundTitle: "الصفحة غير موجودة",
    notFound: "هذه الصفحة غير موجودة أو تم حذفها.",
    forbiddenTitle: "الوصول مرفوض",
    forbidden: "ليس لديكم حق الوصول إلى هذه الصفحة. سجّلوا الدخول بحساب يملك هذا الحق.",
    badRequest: "الطلب غير صالح.",
    unexpected: "مشكلة غير متوقعة تمنع عرض هذه الصفحة. حاولوا مجددًا بعد قليل.",
    goHome: "العودة إلى الرئيسية",
  },
} satisfies Translation<typeof fr>;
