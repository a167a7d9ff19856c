import { inputClass } from "@/components/ui/form-field";
import { Time } from "@/components/ui/time";
import type { IntegrationView } from "@/lib/integrations/list-integrations";
import { IntegrationForm } from "./integration-form";

const button = "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";

function CredentialList({ sender, kind, fingerprints }: { sender: string; kind: "secret" | "token"; fingerprints: string[] }) {
  if (fingerprints.length === 0) return null;
  return (
    <ul className="space-y-1">
      {fingerprints.map((fp) => (
        <li key={fp} className="flex items-center gap-2 text-xs">
          <code className="font-mono text-slate-500">
            {kind} …{fp}
          </code>
          <IntegrationForm sender={sender} op={`remove_${kind}`}>
            <input type="hidden" name="fingerprint" value={fp} />
            <button type="submit" className={button}>
              Remove
            </button>
          </IntegrationForm>
        </li>
      ))}
    </ul>
  );
}

export function IntegrationCard({ integration, url, snippet }: { integration: IntegrationView; url: string; snippet: string }) {
  const { sender, auth, env } = integration;
  const envSet = [env.secrets, env.tokens].filter((e) => e?.isSet).map((e) => e!.name);
  const isConfigured = integration.secrets.length + integration.tokens.length + envSet.length > 0;
  return (
    <section aria-labelledby={`integration-${sender}`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <header className="flex flex-wrap items-baseline gap-3">
        <h2 id={`integration-${sender}`} className="text-lg font-semibold">
          {integration.label}
        </h2>
        <span className={`text-xs font-medium ${isConfigured && integration.enabled ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-400"}`}>
          {!integration.enabled ? "Disabled" : isConfigured ? "Ready" : "Not configured: accepts nothing"}
        </span>
        <span className="ml-auto text-xs text-slate-500">
          {integration.deliveries} deliveries · last <Time value={integration.lastDeliveryAt} />
        </span>
      </header>
      <p className="text-sm">
        Webhook URL: <code className="select-all break-all rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">{url}</code>
      </p>
      <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100">{snippet}</pre>
      {envSet.length > 0 && <p className="text-xs text-slate-500">Also accepts credentials from the environment: {envSet.join(", ")}.</p>}
      {auth !== "token" && (
        <div className="space-y-2">
          <h3 className="text-sm font-medium">Signing secrets</h3>
          <CredentialList sender={sender} kind="secret" fingerprints={integration.secrets} />
          <IntegrationForm sender={sender} op="add_secret" className="flex gap-2">
            <input name="value" type="password" required minLength={16} placeholder="Paste the signing secret" aria-label={`${integration.label} signing secret`} className={`${inputClass} mt-0`} autoComplete="off" />
            <button type="submit" className={button}>
              Add secret
            </button>
          </IntegrationForm>
        </div>
      )}
      {auth !== "signature" && (
        <div className="space-y-2">
          <h3 className="text-sm font-medium">Tokens</h3>
          <CredentialList sender={sender} kind="token" fingerprints={integration.tokens} />
          <IntegrationForm sender={sender} op="generate_token">
            <button type="submit" className={button}>
              Generate a token
            </button>
          </IntegrationForm>
        </div>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">Options</summary>
        <IntegrationForm sender={sender} op="configure" className="mt-2 space-y-2">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="enabled" defaultChecked={integration.enabled} /> Accept deliveries
          </label>
          {auth !== "signature" && (
            <label className="block">
              Custom token header (optional)
              <input name="tokenHeader" defaultValue={integration.tokenHeader ?? ""} placeholder="X-Sitrep-Token" className={inputClass} />
            </label>
          )}
          <label className="block">
            Severity map (JSON, sender value → SEV1–SEV5; defaults: P1–P5, critical→SEV1, warning→SEV3)
            <textarea name="severityMap" rows={2} defaultValue={integration.settings.severityMap ? JSON.stringify(integration.settings.severityMap) : ""} className={`${inputClass} font-mono`} />
          </label>
          <button type="submit" className={button}>
            Save options
          </button>
        </IntegrationForm>
      </details>
    </section>
  );
}
