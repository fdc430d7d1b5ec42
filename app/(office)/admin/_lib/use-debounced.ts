"use client";

import { useEffect, useState } from "react";

/** The value once it has stopped changing for `ms`: one query per pause, not per keystroke. */
export function useDebounced<T>(value: T, ms = 300) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
