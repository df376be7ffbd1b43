import { useRef, useState, type KeyboardEvent } from 'react';

/**
 * A button that shows and hides a panel (the menu, the filter drawer): whether it is open, the
 * button's attributes, and closing (by Escape too) that hands focus back to the button. It is open
 * for one `scope` only: the menu passes the location, so that any navigation closes it.
 */
export function useDisclosure(panelId: string, scope = panelId) {
  const [openFor, setOpenFor] = useState<string | null>(null);
  const ref = useRef<HTMLButtonElement>(null);
  const open = openFor === scope;
  const close = () => {
    setOpenFor(null);
    ref.current?.focus();
  };
  return {
    open,
    close,
    button: {
      ref,
      type: 'button' as const,
      'aria-expanded': open,
      'aria-controls': panelId,
      onClick: () => setOpenFor(open ? null : scope),
    },
    closeOnEscape: (event: KeyboardEvent) => {
      if (event.key === 'Escape' && open) close();
    },
  };
}
