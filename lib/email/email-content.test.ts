import { describe, expect, it } from "vitest";
import { emailSubject } from "./email-content";

describe("emailSubject", () => {
  it("keeps one thread's subject, replies prefixed", () => {
    const incident = { key: "INC-7", title: "Checkout API returning 502s" };
    expect(emailSubject("incident_report", incident, { isReply: false })).toBe("INC-7: Checkout API returning 502s");
    expect(emailSubject("status_update", incident, { isReply: true })).toBe("Re: INC-7: Checkout API returning 502s");
    expect(emailSubject("action_items", incident, { isReply: true })).toBe("[ACTION REQUIRED] INC-7: Checkout API returning 502s");
  });

  it("never lets a title's line breaks or control characters start another header", () => {
    for (const title of ["Outage\r\nBcc: attacker@evil.example", "Outage\nBcc: attacker@evil.example", "Outage\u2028Bcc: attacker@evil.example", "Outage\u0000\u001b\u0085Bcc: attacker@evil.example"]) {
      const subject = emailSubject("incident_report", { key: "INC-7", title }, { isReply: false });
      expect(subject).toBe("INC-7: Outage Bcc: attacker@evil.example");
    }
  });
});
