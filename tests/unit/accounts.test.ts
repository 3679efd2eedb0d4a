import { describe, expect, it } from "vitest";
import { z } from "zod";
import { invitationMail, passwordResetMail } from "~/mail/messages";
import { invitationStatus } from "~/models/invitation.server";
import { parseForm } from "~/utils/forms";
import { confirmPassword, newPasswordFields } from "~/utils/password-fields";
import { WORKSHOP_ROLES, roleAfterInvitation } from "~/utils/roles";

describe("the role someone holds after accepting an invitation", () => {
  it("is the invited role for newcomers and for participants or observers", () => {
    expect(roleAfterInvitation(null, "OBSERVER")).toBe("OBSERVER");
    expect(roleAfterInvitation("PARTICIPANT", "RAPPORTEUR")).toBe("RAPPORTEUR");
    expect(roleAfterInvitation("OBSERVER", "PARTICIPANT")).toBe("PARTICIPANT");
  });

  it("never takes rights away", () => {
    for (const invited of WORKSHOP_ROLES) expect(roleAfterInvitation("ORGANISER", invited)).toBe("ORGANISER");
    expect(roleAfterInvitation("RAPPORTEUR", "PARTICIPANT")).toBe("RAPPORTEUR");
    expect(roleAfterInvitation("FACILITATOR", "OBSERVER")).toBe("FACILITATOR");
  });

  it("follows the organiser's choice between two specific roles, up to organiser", () => {
    expect(roleAfterInvitation("PEER", "COMMITTEE_MEMBER")).toBe("COMMITTEE_MEMBER");
    expect(roleAfterInvitation("FACILITATOR", "ORGANISER")).toBe("ORGANISER");
  });
});

describe("invitation status", () => {
  const now = new Date("2025-05-01T12:00:00Z");
  it("is accepted once used, even after the expiry date", () => {
    expect(invitationStatus({ acceptedAt: new Date("2025-04-01"), expiresAt: new Date("2025-04-02") }, now)).toBe("ACCEPTED");
  });
  it("is pending until it expires, then expired", () => {
    expect(invitationStatus({ acceptedAt: null, expiresAt: new Date("2025-05-01T12:00:01Z") }, now)).toBe("PENDING");
    expect(invitationStatus({ acceptedAt: null, expiresAt: now }, now)).toBe("EXPIRED");
  });
});

describe("composed e-mails", () => {
  it("puts the reset link in the reader's language", () => {
    const link = "https://majlis.example/reset-password/abc";
    const french = passwordResetMail({ language: "fr", name: "Leila", link });
    expect(french.subject).toBe("Majlis : choisir un nouveau mot de passe");
    expect(french.text).toContain("Bonjour Leila");
    expect(french.text).toContain(`\n${link}\n`);
    expect(passwordResetMail({ language: "ar", name: "Leila", link }).text).toContain("مرحبًا Leila");
    expect(passwordResetMail({ language: "en", name: "Leila", link }).subject).toBe("Majlis: choose a new password");
  });

  it("names the workshop, the inviter and the translated role in an invitation", () => {
    const mail = invitationMail({
      language: "en",
      workshopTitle: "Mobilising MRE skills",
      role: "COMMITTEE_MEMBER",
      inviterName: "Samira",
      link: "https://majlis.example/invite/xyz",
    });
    expect(mail.subject).toBe("Majlis: invitation to the workshop “Mobilising MRE skills”");
    expect(mail.text).toContain("Samira invites you");
    expect(mail.text).toContain("as Steering committee member");
    expect(mail.text).toContain("https://majlis.example/invite/xyz");
    expect(invitationMail({ language: "fr", workshopTitle: "Atelier", role: "PEER", inviterName: "Samira", link: "l" }).text).toContain(
      "en tant que Pair (autre institution)",
    );
  });
});

describe("new password fields", () => {
  const schema = confirmPassword(z.object(newPasswordFields));
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.append(key, value);
    return parseForm(schema, data);
  };

  it("asks for 10 characters and the same password twice, never echoing it back", () => {
    const short = form({ password: "court", passwordConfirm: "court" });
    expect(short.ok).toBe(false);
    if (!short.ok) {
      expect(short.errors.password).toEqual({ key: "errors:tooShort", values: { min: 10 } });
      expect(short.values).not.toHaveProperty("password");
    }
    const different = form({ password: "une phrase assez longue", passwordConfirm: "une autre phrase longue" });
    expect(different.ok).toBe(false);
    if (!different.ok) expect(different.errors.passwordConfirm).toEqual({ key: "errors:passwordsDiffer" });
    expect(form({ password: "une phrase assez longue", passwordConfirm: "une phrase assez longue" }).ok).toBe(true);
  });
});
