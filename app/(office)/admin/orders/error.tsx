"use client";

import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { useT } from "@/app/_lib/i18n";

/** An order page that failed to load: say so in the user's language and offer a retry. */
export default function OrdersError({ reset }: { error: Error; reset: () => void }) {
  const t = useT();
  return (
    <div className="space-y-4">
      <Alert kind="error">{t("orders.errors.loadFailed")}</Alert>
      <Button variant="secondary" onClick={reset}>
        {t("common.tryAgain")}
      </Button>
    </div>
  );
}
