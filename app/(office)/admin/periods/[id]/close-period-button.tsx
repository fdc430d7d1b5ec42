"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { useT } from "@/app/_lib/i18n";
import { Dialog } from "../../_components/dialog";
import { ClosePeriodConfirm } from "../close-period";

export function ClosePeriodButton({ period }: { period: { id: number; name: string; endsOn: string } }) {
  const t = useT();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)} data-testid="close-period">
        {t("periods.close")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("periods.closeDialog.title", { name: period.name })} testId="close-period-dialog">
        {open ? (
          <ClosePeriodConfirm
            period={period}
            onCancel={() => setOpen(false)}
            onDone={() => {
              setOpen(false);
              router.refresh();
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}
