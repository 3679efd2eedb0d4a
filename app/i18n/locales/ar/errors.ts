import type { Translation } from "../../types";
import type fr from "../fr/errors";

export default {
  formHasErrors: "يحتوي النموذج على أخطاء: يرجى تصحيح الحقول المشار إليها.",
  required: "هذا الحقل إلزامي.",
  tooShort: "{{min}} أحرف على الأقل.",
  tooLong: "{{max}} حرفًا على الأكثر.",
  email: "أدخلوا عنوان بريد إلكتروني صالحًا، مثل name@example.ma.",
  number: "أدخلوا رقمًا.",
  numberTooSmall: "يجب أن تكون القيمة {{min}} على الأقل.",
  numberTooBig: "يجب أن تكون القيمة {{max}} على الأكثر.",
  date: "أدخلوا تاريخًا ووقتًا صالحين.",
  endBeforeStart: "يجب أن تأتي النهاية بعد البداية.",
  invalidChoice: "اختاروا أحد الخيارات المقترحة.",
  atLeastOneLanguage: "اختاروا لغة واحدة على الأقل.",
  timezone: "اختاروا منطقة زمنية صالحة.",
  passwordsDiffer: "كلمتا المرور غير متطابقتين.",
  invalid: "هذه القيمة غير صالحة.",
} satisfies Translation<typeof fr>;
