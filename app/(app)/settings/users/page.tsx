import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { listUsers } from "@/lib/users/list-users";
import { AddUserForm } from "./_components/add-user-form";
import { RoleSelect } from "./_components/role-select";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const ctx = await requirePageCtx("users.manage");
  const users = await listUsers(ctx);
  return (
    <>
      <PageHeader title="Users" description="Roles decide who may edit drafts, approve and send. Changes take effect on the user's next request." />
      <div className="mb-6 overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="px-4 py-2">Name</th>
              <th className="px-4 py-2">E-mail</th>
              <th className="px-4 py-2">Role</th>
              <th className="px-4 py-2">Last sign-in</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {users.map((user) => (
              <tr key={user.id}>
                <td className="px-4 py-2 font-medium">{user.name}</td>
                <td className="px-4 py-2">{user.email}</td>
                <td className="px-4 py-2">
                  <RoleSelect userId={user.id} role={user.role} label={user.email} />
                </td>
                <td className="px-4 py-2">
                  <Time value={user.lastSignInAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AddUserForm />
    </>
  );
}
