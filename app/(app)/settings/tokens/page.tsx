import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { RoleBadge } from "@/components/ui/badges";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { RevokeTokenButton } from "./_components/revoke-token-button";
import { CreateTokenForm } from "./_components/create-token-form";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const ctx = await requirePageCtx("tokens.manage");
  const tokens = await listApiTokens(ctx);
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            For scripts and machine clients: <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>. Only a hash is stored.
          </>
        }
      />
      {tokens.length === 0 ? (
        <div className="mb-6">
          <EmptyState title="No API tokens yet" />
        </div>
      ) : (
        <ul className="mb-6 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {tokens.map((token) => (
            <li key={token.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
              <span className="font-medium">{token.name}</span>
              <code className="font-mono text-xs text-slate-500">{token.prefix}…</code>
              <RoleBadge role={token.scope ? `${token.role} · ${token.scope}` : token.role} />
              <span className="text-slate-500">
                last used <Time value={token.lastUsedAt} />
                {token.expiresAt && (
                  <>
                    {" "}
                    · expires <Time value={token.expiresAt} />
                  </>
                )}
              </span>
              <span className="ml-auto">
                {token.revokedAt ? (
                  <span className="text-slate-500">
                    revoked <Time value={token.revokedAt} />
                  </span>
                ) : (
                  <RevokeTokenButton tokenId={token.id} />
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <CreateTokenForm />
    </>
  );
}
