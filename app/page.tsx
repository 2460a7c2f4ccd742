import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/current-staff";

/** The front door: staff go to the customer list, everyone else to sign-in. */
export default async function Home() {
  await requireStaff({ permission: "read" });
  redirect("/customers");
}
