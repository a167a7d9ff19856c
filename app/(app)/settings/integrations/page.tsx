import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { findPublicOrigin } from "@/lib/http/public-origin";
import { DATADOG_RECOMMENDED_TEMPLATE } from "@/lib/ingest/datadog/template";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { buildSetupSnippet } from "@/lib/integrations/setup-snippet";
import { IntegrationCard } from "./_components/integration-card";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const ctx = await requirePageCtx("integrations.manage");
  const [integrations, origin] = await Promise.all([listIntegrations(ctx), findPublicOrigin()]);
  return (
    <>
      <PageHeader title="Integrations" description="Point your monitoring tools here. A sender with no secret or token accepts nothing; several can be active while you rotate." />
      <div className="space-y-6">
        {integrations.map((integration) => {
          const url = `${origin}/api/webhooks/${integration.sender}`;
          return (
            <IntegrationCard
              key={integration.sender}
              integration={integration}
              url={url}
              snippet={buildSetupSnippet(integration.sender, url, { datadogTemplate: JSON.stringify(JSON.parse(DATADOG_RECOMMENDED_TEMPLATE), null, 2) })}
            />
          );
        })}
      </div>
    </>
  );
}
