import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Moves focus to the element with a given id once a render has put it on the page. Asked for
 * before the change that renders it; kept until the element exists, so a render that lands
 * first (an answer saved a moment earlier) does not use up the request.
 */
export function useFocusAfterRender(): (id: string) => void {
  const target = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    const element = target.current ? document.getElementById(target.current) : null;
    if (!element) return;
    target.current = undefined;
    element.focus();
  });
  return (id) => {
    target.current = id;
  };
}

/**
 * A confirmation's focus: opening it focuses the safe choice (`cancel`), closing it returns focus
 * to the button that opened it (`opener`). A layout effect, so focus moves in the same task as the
 * key that opened or closed it, and the next key a fast keyboard user presses lands where it should.
 * Returns what to call when the confirmed action moves focus somewhere else itself.
 */
export function useConfirmationFocus(
  confirming: boolean,
  cancel: { current: HTMLElement | null },
  opener: { current: HTMLElement | null },
): () => void {
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (opened.current) opener.current?.focus();
    opened.current = confirming;
  }, [confirming]);
  return () => {
    opened.current = false;
  };
}
