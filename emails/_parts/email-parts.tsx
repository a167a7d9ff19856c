import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { CitedLine, EmailIncident, Footnote } from "@/lib/email/email-content";

export const SEVERITY_COLOUR: Record<string, string> = { SEV1: "#dc2626", SEV2: "#ea580c", SEV3: "#ca8a04", SEV4: "#0284c7", SEV5: "#64748b" };
const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif";
export const text = { fontSize: "14px", lineHeight: "22px", color: "#0f172a", margin: "0 0 6px" };
export const heading = { fontSize: "15px", fontWeight: 600, color: "#0f172a", margin: "20px 0 6px" };
export const muted = { fontSize: "12px", lineHeight: "18px", color: "#475569", margin: "0" };

/** Shared frame: severity bar (its name in text too, so it reads without colour), title, body, footnotes, link back. */
export function EmailFrame({ incident, preview, kindLabel, audience, footnotes, children }: { incident: EmailIncident; preview: string; kindLabel: string; audience: string; footnotes: Footnote[]; children: ReactNode }) {
  const colour = SEVERITY_COLOUR[incident.severity] ?? "#64748b";
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f1f5f9", fontFamily: font, margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderTop: `6px solid ${colour}`, maxWidth: "640px", padding: "24px 28px" }}>
          <Text style={muted}>
            {incident.severity} · {incident.category} · {incident.status} · {kindLabel} for {audience}
          </Text>
          <Text style={{ fontSize: "20px", lineHeight: "28px", fontWeight: 700, color: "#0f172a", margin: "6px 0 2px" }}>
            {incident.key}: {incident.title}
          </Text>
          {incident.services.length > 0 && <Text style={muted}>Services: {incident.services.join(", ")}</Text>}
          {children}
          {footnotes.length > 0 && (
            <Section>
              <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0 12px" }} />
              <Text style={{ ...muted, fontWeight: 600, marginBottom: "4px" }}>Evidence</Text>
              {footnotes.map((f) => (
                <Text key={f.n} style={{ ...muted, marginBottom: "2px" }}>
                  [{f.n}] {f.at.slice(0, 16).replace("T", " ")} UTC · {f.source}: {f.text}
                </Text>
              ))}
            </Section>
          )}
          <Hr style={{ borderColor: "#e2e8f0", margin: "20px 0 12px" }} />
          <Text style={muted}>
            Approved by the incident commander before sending. Latest facts: <Link href={incident.pageUrl}>{incident.pageUrl}</Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** Statements with their footnote numbers; a statement without evidence says so. */
export function Lines({ lines, empty }: { lines: CitedLine[]; empty?: string }) {
  if (lines.length === 0) return empty ? <Text style={{ ...text, color: "#64748b" }}>{empty}</Text> : null;
  return (
    <>
      {lines.map((line, i) => (
        <Text key={i} style={text}>
          {line.text}
          {line.notes.length > 0 ? <span style={{ color: "#0369a1", fontSize: "11px" }}> {line.notes.map((n) => `[${n}]`).join("")}</span> : <span style={{ color: "#92400e", fontSize: "11px" }}> (no evidence)</span>}
        </Text>
      ))}
    </>
  );
}
