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
