"use client";

import { useEffect, useRef } from "react";
import { markNoticesReadAction } from "@/lib/actions/driver/mark-notices-read";

/** Once the list is on screen, its notices count as read (a POST after rendering, never the GET itself). */
export function MarkRead({ unread }: { unread: number }) {
  const done = useRef(false);
  useEffect(() => {
    if (unread === 0 || done.current) return;
    done.current = true;
    void markNoticesReadAction(null, new FormData());
  }, [unread]);
  return null;
}
