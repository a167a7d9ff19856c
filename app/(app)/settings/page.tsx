import { redirect } from "next/navigation";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";

export default async function SettingsPage() {
  await requirePageCtx("users.manage");
  redirect("/settings/users");
}
