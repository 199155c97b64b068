import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';

/**
 * A labelled form field with its error in words right under it. The control is given the id, the invalid flag
 * and the description link, so screen readers announce the error with the field.
 */
export function Field({ label, error, hint, unit, children }: {
  label: string;
  error?: string | null;
  hint?: ReactNode;
  /** A unit written after the control ("days"). */
  unit?: string;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const messageId = `${id}-message`;
  const control = cloneElement(children, {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error || hint ? messageId : undefined,
  });
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {unit ? (
        <span className="input-with-unit">
          {control}
          <span>{unit}</span>
        </span>
      ) : (
        control
      )}
      {error ? (
        <p className="field__error" id={messageId} role="alert">
          {error}
        </p>
      ) : (
        hint && (
          <p className="field__hint" id={messageId}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}
