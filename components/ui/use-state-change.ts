"use client";

import { useState } from "react";

/**
 * Calls `onChange` once when `value` changes (an action's new result, say), during render: the
 * way React advises resetting state on a change, instead of an effect that renders twice.
 * `onChange` may set the calling component's state; it must not touch the DOM.
 */
export function useStateChange<T>(value: T, onChange: (value: T) => void): void {
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    onChange(value);
  }
}
