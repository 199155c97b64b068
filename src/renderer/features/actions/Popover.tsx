import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Anchor } from './actionsStore';

const MARGIN = 8;

/**
 * A floating panel under (or, without room, above) an anchor, drawn on the page's top layer through a portal: the
 * message list clips its rows (`contain: strict`), so a menu drawn inside a row would be cut off. Escape and a
 * click outside close it.
 */
export function Popover({ anchor, onClose, label, className, children }: {
  anchor: Anchor;
  onClose(): void;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const panelRef = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
  const latestClose = useRef(onClose);
  useEffect(() => {
    latestClose.current = onClose;
  });

  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const { width, height } = panel.getBoundingClientRect();
    const below = anchor.bottom + 4;
    const top = below + height + MARGIN <= window.innerHeight ? below : Math.max(MARGIN, anchor.top - 4 - height);
    // Right-aligned with the anchor when it sits on the right (the "⋯" buttons), left-aligned otherwise.
    const preferred = anchor.right - width >= MARGIN ? anchor.right - width : anchor.left;
    const left = Math.min(Math.max(MARGIN, preferred), window.innerWidth - width - MARGIN);
    setPosition({ left, top });
  }, [anchor]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Element;
      // The button that opened the popover toggles it itself; closing here would let its click open it again.
      if (panelRef.current?.contains(target) || target.closest?.('[aria-haspopup][aria-expanded="true"]')) return;
      latestClose.current();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      latestClose.current();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, []);

  return createPortal(
    <div
      ref={panelRef}
      className={className ? `popover ${className}` : 'popover'}
      role="dialog"
      aria-label={label}
      // Unplaced, it is measured unseen; transparent rather than hidden, so what it holds can take the focus at once.
      style={position ? { left: position.left, top: position.top } : { left: 0, top: 0, opacity: 0 }}
      // React events bubble through portals to the component that opened the popover (a list row, which opens its
      // message on click and moves the cursor on keys): what happens in here stays in here.
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => event.stopPropagation()}
    >
      {children}
    </div>,
    document.body,
  );
}
