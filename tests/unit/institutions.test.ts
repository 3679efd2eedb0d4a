import { describe, expect, it } from "vitest";
import { institutionSchema, isWebAddress } from "~/institutions/forms";
import { excerpt, mayListMemberNames, mayManageInstitution } from "~/institutions/permissions";
import { notificationMail } from "~/notifications/mail";
import { notificationTarget } from "~/notifications/kinds";

describe("institution forms", () => {
  const valid = { name: "OTE", country: "TN", mission: "", website: "", contactName: "", contactEmail: "" };

  it("accepts only http and https web addresses", () => {
    expect(isWebAddress("https://www.ote.nat.tn")).toBe(true);
    expect(isWebAddress("http://ccme.org.ma/fr")).toBe(true);
    for (const address of ["javascript:alert(1)", "data:text/html,hi", "ftp://files.example.ma", "https://localhost", "www.example.ma"]) {
      expect(isWebAddress(address), address).toBe(false);
    }
  });

  it("keeps empty optional fields empty and refuses an unknown country", () => {
    expect(institutionSchema.parse({ ...valid, contactEmail: " Contact@OTE.tn " })).toMatchObject({ website: "", contactEmail: "contact@ote.tn" });
    expect(institutionSchema.safeParse({ ...valid, country: "XX" }).success).toBe(false);
  });
});

describe("who speaks for an institution", () => {
  const admin = { organisationId: "a", organisationAdmin: true, platformModerator: false };
  it("is its own admins and platform moderators", () => {
    expect(mayManageInstitution(admin, "a")).toBe(true);
    expect(mayManageInstitution(admin, "b")).toBe(false);
    expect(mayManageInstitution({ ...admin, organisationAdmin: false }, "a")).toBe(false);
    expect(mayManageInstitution({ organisationId: null, organisationAdmin: false, platformModerator: true }, "b")).toBe(true);
    expect(mayManageInstitution(null, "a")).toBe(false);
    expect(mayListMemberNames({ organisationId: "a" }, "a")).toBe(true);
    expect(mayListMemberNames({ organisationId: "b" }, "a")).toBe(false);
    expect(mayListMemberNames(null, "a")).toBe(false);
  });

  it("cuts a long mission at a word", () => {
    expect(excerpt("Court.")).toBe("Court.");
    expect(excerpt("un deux trois quatre", 12)).toBe("un deux…");
  });
});

describe("notifications", () => {
  it("lead to the practice, at its exchange for comments, questions, answers and adoptions", () => {
    expect(notificationTarget("practice.questioned", "p1")).toBe("/practices/p1#exchange");
    expect(notificationTarget("practice.adopted", "p1")).toBe("/practices/p1#exchange");
    expect(notificationTarget("practice.published", "p1")).toBe("/practices/p1");
  });

  it("are mailed in the reader's language, with who, what, the excerpt quoted and the link", () => {
    const mail = notificationMail({
      language: "fr",
      kind: "practice.questioned",
      recipientName: "Samira",
      actorName: null,
      title: "Guichet unique",
      excerpt: "Combien ?\nEt comment ?",
      link: "https://majlis.example/practices/p1#exchange",
      settingsLink: "https://majlis.example/notifications",
    });
    expect(mail.subject).toBe("Nouvelle question sur « Guichet unique »");
    expect(mail.text).toContain("Quelqu'un a posé une question sur « Guichet unique »");
    expect(mail.text).toContain("> Combien ?\n> Et comment ?");
    expect(mail.text).toContain("https://majlis.example/practices/p1#exchange");
  });
});
