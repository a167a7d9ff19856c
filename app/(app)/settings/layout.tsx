import type { ReactNode } from "react";
import { AppNav } from "@/components/nav/app-nav";

const TABS = [
  { href: "/settings/users", label: "Users" },
  { href: "/settings/integrations", label: "Integrations" },
  { href: "/settings/tokens", label: "API tokens" },
  { href: "/settings/lists", label: "Distribution lists" },
  { href: "/settings/review", label: "Review rules" },
];

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="grid gap-8 md:grid-cols-[12rem_1fr]">
      <div>
        <AppNav items={TABS} label="Settings" vertical />
      </div>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
