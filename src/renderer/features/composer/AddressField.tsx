import { useEffect, useId, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Address } from '../../../shared/types';
import { Icon } from '../../components/Icon';
import { api } from '../../lib/bridge';
import { addRecipients, formatRecipient, parseRecipientList, toRecipient, type Recipient } from './addresses';
import './addressField.css';

const SUGGESTION_DELAY_MS = 120;
const SUGGESTION_COUNT = 8;
const SEPARATOR = /[,;\n]/;

/** Suggestions for what is typed, from the core's address book; an answer for older text is dropped. */
function useSuggestions(text: string, taken: readonly Recipient[]): Address[] {
  const [suggestions, setSuggestions] = useState<{ text: string; list: Address[] }>({ text: '', list: [] });
  const wanted = text.trim();
  useEffect(() => {
    if (wanted === '') return;
    let current = true;
    const timer = setTimeout(() => {
      api.compose.suggestAddresses(wanted, SUGGESTION_COUNT).then(
        (list) => current && setSuggestions({ text: wanted, list }),
        () => current && setSuggestions({ text: wanted, list: [] }),
      );
    }, SUGGESTION_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [wanted]);
  if (wanted === '' || suggestions.text !== wanted) return [];
  return suggestions.list.filter((suggestion) => !taken.some((recipient) => recipient.address.toLowerCase() === suggestion.address.toLowerCase()));
}

/** To, Cc or Bcc: recipients as chips, typed or pasted text turned into chips, suggestions as the user types. */
export function AddressField({ label, name, recipients, onChange, autoFocus }: {
  label: string;
  name: string;
  recipients: Recipient[];
  onChange(recipients: Recipient[]): void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(true);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const suggestions = useSuggestions(text, recipients);
  const showList = open && suggestions.length > 0;

  const commit = (value: string): void => {
    const parsed = parseRecipientList(value);
    if (parsed.length > 0) onChange(addRecipients(recipients, parsed));
    setText('');
  };
  const pick = (address: Address): void => {
    onChange(addRecipients(recipients, [toRecipient(address)]));
    setText('');
    inputRef.current?.focus();
  };
  const remove = (index: number): void => onChange(recipients.filter((_, at) => at !== index));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (showList && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + suggestions.length) % suggestions.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && !event.ctrlKey && !event.metaKey) {
      const chosen = showList ? suggestions[Math.min(active, suggestions.length - 1)] : undefined;
      if (chosen) {
        event.preventDefault();
        pick(chosen);
      } else if (text.trim() !== '') {
        if (event.key === 'Enter') event.preventDefault();
        commit(text);
      }
    } else if (event.key === 'Enter' && text.trim() !== '') {
      // Ctrl+Enter sends: what is typed becomes a recipient first.
      commit(text);
    } else if (event.key === 'Escape' && showList) {
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && text === '' && recipients.length > 0) {
      remove(recipients.length - 1);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>): void => {
    const pasted = event.clipboardData.getData('text/plain');
    if (!SEPARATOR.test(pasted)) return;
    event.preventDefault();
    commit(text + pasted);
  };

  return (
    <div className="address-field" onClick={() => inputRef.current?.focus()}>
      <label className="composer__label" htmlFor={`${listId}-input`}>
        {label}
      </label>
      <ul className="address-field__chips" aria-label={label}>
        {recipients.map((recipient, index) => (
          <li
            key={`${recipient.address}-${index}`}
            className={recipient.valid ? 'chip' : 'chip chip--invalid'}
            title={recipient.valid ? formatRecipient(recipient) : t('composer.invalidRecipient', { address: recipient.address })}
          >
            <span className="chip__label">{recipient.name || recipient.address}</span>
            <button
              type="button"
              className="chip__remove"
              aria-label={t('composer.removeRecipient', { recipient: formatRecipient(recipient) })}
              onClick={(event) => {
                event.stopPropagation();
                remove(index);
              }}
            >
              <Icon name="close" size={12} />
            </button>
          </li>
        ))}
        <li className="address-field__entry">
          <input
            ref={inputRef}
            id={`${listId}-input`}
            name={name}
            className="address-field__input"
            value={text}
            autoFocus={autoFocus}
            autoComplete="off"
            spellCheck={false}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={showList}
            aria-controls={listId}
            aria-activedescendant={showList ? `${listId}-${Math.min(active, suggestions.length - 1)}` : undefined}
            onChange={(event) => {
              const value = event.target.value;
              setOpen(true);
              setActive(0);
              if (SEPARATOR.test(value)) commit(value);
              else setText(value);
            }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onBlur={() => {
              setOpen(false);
              if (text.trim() !== '') commit(text);
            }}
          />
          {showList && (
            <ul className="suggestions" id={listId} role="listbox" aria-label={t('composer.suggestions')}>
              {suggestions.map((suggestion, index) => (
                <li
                  key={suggestion.address}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? 'suggestion suggestion--active' : 'suggestion'}
                  // mousedown, not click: the input's blur would otherwise commit the typed text first.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    pick(suggestion);
                  }}
                >
                  {suggestion.name && <span className="suggestion__name">{suggestion.name}</span>}
                  <span className="suggestion__address">{suggestion.address}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      </ul>
    </div>
  );
}
