import type { Translation } from "../../types";
import type fr from "../fr/notifications";

export default {
  bell: {
    label: "الإشعارات",
    labelUnread: "الإشعارات، غير المقروءة: {{count}}",
  },
  title: "الإشعارات",
  intro: "ما جرى حول الممارسات التي تعنيكم. فتح الإشعار يجعله مقروءًا.",
  markAllRead: "تعليم الكل كمقروء",
  allRead: "أصبحت كل إشعاراتكم مقروءة.",
  none: "لا توجد إشعارات بعد.",
  unread: "غير مقروء",
  older: "إشعارات أقدم",
  newest: "العودة إلى الأحدث",
  someone: "أحدهم",
  items: {
    practice: {
      commented: "علّق {{actor}} على «{{title}}»",
      questioned: "طرح {{actor}} سؤالًا حول «{{title}}»",
      answered: "أجاب {{actor}} عن سؤال حول «{{title}}»",
      adopted: "يفيد {{actor}} بأن مؤسسته اعتمدت «{{title}}»",
      submitted: "قدّم {{actor}} «{{title}}» للإشراف",
      published: "تمت الموافقة على «{{title}}» ونشرها",
      rejected: "أعاد الإشراف «{{title}}»",
    },
  },
  mail: {
    greeting: "مرحبًا {{name}}،",
    open: "للاطلاع عليه على مجلس:\n{{link}}",
    footer: "تصلكم هذه الرسالة لأن هذه الممارسة تعنيكم. كل إشعاراتكم: {{link}}",
    subjects: {
      practice: {
        commented: "تعليق جديد على «{{title}}»",
        questioned: "سؤال جديد حول «{{title}}»",
        answered: "جواب عن سؤال حول «{{title}}»",
        adopted: "اعتمدت مؤسسة أخرى «{{title}}»",
        submitted: "ممارسة في انتظار الإشراف: «{{title}}»",
        published: "نُشرت ممارستكم «{{title}}»",
        rejected: "أُعيدت ممارستكم «{{title}}»",
      },
    },
  },
} satisfies Translation<typeof fr>;
