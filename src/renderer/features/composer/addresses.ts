/**
 * Recipients as the user types or pastes them: `Name <a@b>`, `"Last, First" <a@b>`, bare `a@b`, separated by
 * commas, semicolons or new lines (RFC 5322 §3.4 mailbox lists, the forms people actually paste).
 */
import type { Address } from '../../../shared/types';

/** A recipient chip: `valid` is false for text that is not an address, kept so the user can fix it. */
export interface Recipient extends Address {
  valid: boolean;
}

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function isValidAddress(address: string): boolean {
  return ADDRESS.test(address);
}

/** Splits at separators outside quotes and angle brackets: a comma inside `"Rossi, Anna"` belongs to the name. */
function splitList(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  let escaped = false;
  for (const char of text) {
    if (escaped) {
      escaped = false;
      current += char;
      continue;
    }
    if (char === '\\' && quoted) escaped = true;
    else if (char === '"' && !angled) quoted = !quoted;
    else if (char === '<' && !quoted) angled = true;
    else if (char === '>' && !quoted) angled = false;
    if ((char === ',' || char === ';' || char === '\n') && !quoted && !angled) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function unquote(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) return trimmed.slice(1, -1).replace(/\\(.)/g, '$1');
  return trimmed;
}

export function parseRecipient(text: string): Recipient {
  const trimmed = text.trim();
  const angled = /^(.*)<([^<>]*)>\s*$/.exec(trimmed);
  if (angled) {
    const address = (angled[2] ?? '').trim();
    return { name: unquote(angled[1] ?? ''), address, valid: isValidAddress(address) };
  }
  const address = trimmed.replace(/^mailto:/i, '');
  return { name: '', address, valid: isValidAddress(address) };
}

/** Every recipient in a typed or pasted list, in order, invalid ones included. */
export function parseRecipientList(text: string): Recipient[] {
  return splitList(text).map(parseRecipient);
}

/** Adds recipients to a list, skipping addresses already on it (case-insensitively). */
export function addRecipients(list: readonly Recipient[], added: readonly Recipient[]): Recipient[] {
  const next = [...list];
  for (const recipient of added) {
    const key = recipient.address.toLowerCase();
    if (!next.some((existing) => existing.address.toLowerCase() === key)) next.push(recipient);
  }
  return next;
}

/** The form a recipient is shown and copied in: `Name <a@b>`, the name quoted when it holds a separator. */
export function formatRecipient(address: Address): string {
  if (!address.name) return address.address;
  const name = /[",;<>@]/.test(address.name) ? `"${address.name.replace(/(["\\])/g, '\\$1')}"` : address.name;
  return `${name} <${address.address}>`;
}

export const toRecipient = (address: Address): Recipient => ({ name: address.name, address: address.address, valid: isValidAddress(address.address) });
export const toAddress = ({ name, address }: Address): Address => ({ name, address });
