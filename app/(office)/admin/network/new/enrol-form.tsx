"use client";

import { EnrolForm as SharedEnrolForm } from "@/app/_components/network/enrol-form";
import { useT } from "@/app/_lib/i18n";

/** Staff enrol under any sponsor they pick; success links to the admin profile. */
export function EnrolForm() {
  const t = useT();
  return <SharedEnrolForm sponsor={{ kind: "pick" }} createdLink={(c) => ({ href: `/admin/network/${c.id}`, label: t("network.enrol.openProfile") })} />;
}
