import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways inside its own box when the screen is narrower than it, so the
 * page never does. Focusable and named, so a keyboard can scroll it and a screen reader says what
 * it is.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
