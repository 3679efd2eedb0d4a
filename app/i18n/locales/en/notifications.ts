import type { Translation } from "../../types";
import type fr from "../fr/notifications";

export default {
  bell: {
    label: "Notifications",
    labelUnread: "Notifications, {{count}} unread",
  },
  title: "Notifications",
  intro: "What happened around the practices that concern you. Opening a notification marks it as read.",
  markAllRead: "Mark all as read",
  allRead: "All your notifications are marked as read.",
  none: "No notifications yet.",
  unread: "Unread",
  older: "Older notifications",
  newest: "Back to the newest",
  someone: "Someone",
  items: {
    practice: {
      commented: "{{actor}} commented on “{{title}}”",
      questioned: "{{actor}} asked a question about “{{title}}”",
      answered: "{{actor}} answered a question about “{{title}}”",
      adopted: "{{actor}} says their institution adopted “{{title}}”",
      submitted: "{{actor}} submitted “{{title}}” for moderation",
      published: "“{{title}}” was approved and published",
      rejected: "“{{title}}” was sent back by moderation",
    },
  },
  mail: {
    greeting: "Hello {{name}},",
    open: "To read it on Majlis:\n{{link}}",
    footer: "You receive this message because this practice concerns you. All your notifications: {{link}}",
    subjects: {
      practice: {
        commented: "New comment on “{{title}}”",
        questioned: "New question about “{{title}}”",
        answered: "Answer to a question about “{{title}}”",
        adopted: "“{{title}}” was adopted by another institution",
        submitted: "Practice to moderate: “{{title}}”",
        published: "Your practice “{{title}}” is published",
        rejected: "Your practice “{{title}}” was sent back",
      },
    },
  },
} satisfies Translation<typeof fr>;
