"use client";

import { useState } from "react";

/**
 * Which of a panel's forms is open (one at a time), by a name such as "new" or "cancel:sub_…".
 * Closing unmounts the form, so the next opening starts a new submission with a new key.
 */
export function useOpenForm() {
  const [open, setOpen] = useState<string | null>(null);
  return {
    isOpen: (name: string) => open === name,
    toggle: (name: string) => setOpen(open === name ? null : name),
    close: () => setOpen(null),
  };
}
