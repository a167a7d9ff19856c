import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
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
      <div className="mb-6">
        <Table headers={["Name", "E-mail", "Role", "Last sign-in"]}>
          {users.map((user) => (
            <tr key={user.id}>
              <Td className="font-medium">{user.name}</Td>
              <Td>{user.email}</Td>
              <Td>
                <RoleSelect userId={user.id} role={user.role} label={user.email} />
              </Td>
              <Td>
                <Time value={user.lastSignInAt} />
              </Td>
            </tr>
          ))}
        </Table>
      </div>
      <AddUserForm />
    </>
  );
}
