import { useEffect, useRef, type ReactNode } from 'react';
import { Icon } from './Icon';

/**
 * A modal dialog on the native `<dialog>` element: the browser traps focus, makes the page behind inert and
 * closes on Escape, which no hand-rolled overlay gets fully right.
 */
export function Dialog({ title, closeLabel, onClose, children, wide }: {
  title: string;
  closeLabel: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog__header">
        <h2 className="dialog__title">{title}</h2>
        <button type="button" className="icon-button" aria-label={closeLabel} title={closeLabel} onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}
