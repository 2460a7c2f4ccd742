"use client";

import { useQuery } from "@tanstack/react-query";
import { ColumnHeaders } from "@/components/ui/column-headers";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { formatDateTime } from "@/lib/format/dates";
import { staffUsersQuery } from "@/lib/queries/admin";
import { CreateStaffUserForm } from "./create-staff-user-form";

export function StaffUsersManager() {
  const users = useQuery(staffUsersQuery());
  return (
    <>
      <Section title="New staff user">
        <CreateStaffUserForm />
      </Section>
      <Section title="Users">
        <QueryState query={users} what="staff users">
          {(page) => (
            <table className="min-w-full text-sm">
              <ColumnHeaders
                columns={[
                  { label: "Email", className: "py-2 pr-4" },
                  { label: "Role", className: "py-2 pr-4" },
                  { label: "Created", className: "py-2" },
                ]}
              />
              <tbody className="divide-y divide-slate-100">
                {page.data.map((user) => (
                  <tr key={user.id}>
                    <td className="py-2 pr-4">{user.email}</td>
                    <td className="py-2 pr-4 capitalize">{user.role}</td>
                    <td className="py-2">{formatDateTime(user.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </Section>
    </>
  );
}
