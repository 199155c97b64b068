/**
 * Who may talk to web mode. The server listens on loopback, but any page the user's browser opens can send
 * requests to 127.0.0.1, so three checks stand between the mail and such a page: the Host header (a DNS-rebinding
 * page reaches us under its own name), the secret token (or the cookie it buys), and for the WebSocket the
 * Origin (browsers send cross-site WebSocket upgrades with cookies attached).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: the secret part of the printed URL. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first makes the lengths equal, so the length leaks nothing either. */
export function tokenMatches(candidate: string | null | undefined, token: string): boolean {
  if (!candidate) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(candidate), digest(token));
}

/**
 * Cookies are scoped by host, not by port: two instances on 127.0.0.1 would overwrite each other's cookie, so
 * the port is part of the name.
 */
export function cookieName(port: number): string {
  return `postino_${port}`;
}

export function readCookie(cookieHeader: string | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return null;
}

export function sessionCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** The two names the browser may use for us; anything else is a rebinding attack or a misdirected request. */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

/** The WebSocket must come from the page we served, under the very name the browser used to reach us. */
export function isOwnOrigin(originHeader: string | undefined, hostHeader: string | undefined, port: number): boolean {
  return isAllowedHost(hostHeader, port) && originHeader === `http://${hostHeader}`;
}

/** True when the request carries the token, in the cookie or in `?token=`. */
export function isAuthorised(
  request: { cookieHeader: string | undefined; queryToken: string | null },
  port: number,
  token: string,
): boolean {
  return (
    tokenMatches(readCookie(request.cookieHeader, cookieName(port)), token) || tokenMatches(request.queryToken, token)
  );
}
