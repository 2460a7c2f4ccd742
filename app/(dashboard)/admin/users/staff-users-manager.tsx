"use client";

import { useQuery } from "@tanstack/react-query";
import { ColumnHeaders } from "@/components/ui/column-headers";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { staffUsersQuery } from "@/lib/queries/admin";
import { CreateStaffUserForm } from "./create-staff-user-form";
import { StaffUserRow } from "./staff-user-row";

export function StaffUsersManager() {
  const users = useQuery(staffUsersQuery());
  return (
    <>
      <Section title="New staff user">
        <CreateStaffUserForm />
      </Section>
      <Section title="Users">
        <p className="mb-3 text-sm text-slate-600">
          Disabling a user or setting a new password signs them out everywhere at once; a new role applies
          from their next click.
        </p>
        <QueryState query={users} what="staff users">
          {(page) => (
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <ColumnHeaders
                  columns={[
                    { label: "Email", className: "py-2 pr-4" },
                    { label: "Role", className: "py-2 pr-4" },
                    { label: "Status", className: "py-2 pr-4" },
                    { label: "Created", className: "py-2 pr-4" },
                    { label: "Actions", className: "py-2", hiddenLabel: true },
                  ]}
                />
                <tbody className="divide-y divide-slate-100">
                  {page.data.map((user) => (
                    <StaffUserRow key={user.id} user={user} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryState>
      </Section>
    </>
  );
}
