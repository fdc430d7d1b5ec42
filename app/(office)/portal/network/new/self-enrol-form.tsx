"use client";

import { EnrolForm } from "@/app/_components/network/enrol-form";
import { useT } from "@/app/_lib/i18n";

/** The shared enrolment form with the consultant as sponsor; success links to them in "My network". */
export function SelfEnrolForm({ fullName, code }: { fullName: string; code: string }) {
  const t = useT();
  return (
    <EnrolForm
      sponsor={{ kind: "self", fullName, code }}
      placementParentHint={t("portal.enrol.placementParentHint")}
      createdLink={(c) => ({ href: `/portal/network?show=${c.id}`, label: t("portal.enrol.openInNetwork") })}
    />
  );
}
