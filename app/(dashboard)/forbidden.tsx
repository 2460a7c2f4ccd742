import { Forbidden } from "@/components/layout/forbidden";

/** What requireStaff's forbidden() renders inside the staff frame: a role without the right (403). */
export default function ForbiddenPage() {
  return (
    <Forbidden message="Your role may not open this page. Only admins manage API keys, staff users and webhook endpoints." />
  );
}
