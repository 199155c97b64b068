/**
 * One SMTP submission of an already built message, with the one fact a sender must never lose: whether the
 * message's bytes started going out after DATA. Before that point a failure means the server has nothing and
 * the message may be sent again; after it, a dropped connection leaves the outcome unknown (the server may have
 * queued it and said 250 into a dead socket, RFC 5321 §4.1.1.4 and the duplicate problem of RFC 1047), so the
 * message must not be sent again without the user saying so.
 *
 * nodemailer's transport reads the message stream before DATA is accepted, so the moment cannot be observed
 * through it; its SMTPConnection reads the stream only after the server's 354, which is what `onDataStarted`
 * hooks. The connection options (TLS policy, pinned certificate) come from createSmtpTransport.
 */
import { Readable } from 'node:stream';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { PostinoError } from '../../shared/errors';
import { classifyError } from '../imap/classifyError';
import { createSmtpTransport, type SmtpEndpoint } from '../smtp/connect';
import { announcedMaxSize } from '../smtp/sizeLimit';

export interface Submission {
  from: string;
  to: string[];
  raw: Buffer;
}

/** A failed submission: `dataStarted` says whether the server may have the message anyway. */
export class SubmissionError extends PostinoError {
  readonly dataStarted: boolean;
  /** The server answered the message itself with 4xx/5xx: it certainly did not take it. */
  readonly rejectedAfterData: boolean;
  /** The SMTP reply code of a refusal (RFC 5321 §4.2: 4xx try later, 5xx do not), null for a network failure. */
  readonly responseCode: number | null;

  constructor(error: PostinoError, facts: { dataStarted: boolean; rejectedAfterData: boolean; responseCode: number | null }) {
    super(error.code, error.message, error.details);
    this.dataStarted = facts.dataStarted;
    this.rejectedAfterData = facts.rejectedAfterData;
    this.responseCode = facts.responseCode;
  }
}

export interface SubmitOptions {
  timeoutMs?: number;
  /** Called synchronously when the first byte of the message is about to be written (after 354). */
  onDataStarted(): void;
}

export interface SubmissionResult {
  /** The server's reply to the final dot, e.g. "250 2.0.0 Ok: queued as 4Xyz". */
  response: string;
  /** Recipients the server refused at RCPT TO while accepting the others. */
  rejected: string[];
  /** The server's SIZE limit as its EHLO announced it (RFC 1870), null when none. */
  maxSize: number | null;
}

/** Sends `raw` to the envelope's recipients; resolves once the server accepted it for at least one of them. */
export async function submitMessage(endpoint: SmtpEndpoint, submission: Submission, options: SubmitOptions): Promise<SubmissionResult> {
  const place = { protocol: 'SMTP', host: endpoint.host, port: endpoint.port } as const;
  const timeoutMs = options.timeoutMs ?? 30_000;
  let dataStarted = false;
  const fail = (err: unknown): SubmissionError => {
    const { code, responseCode } = err as { code?: string; responseCode?: number };
    return new SubmissionError(classifyError(err, place), {
      dataStarted,
      rejectedAfterData: dataStarted && code === 'EMESSAGE',
      responseCode: typeof responseCode === 'number' ? responseCode : null,
    });
  };

  let transportOptions: SMTPTransport.Options;
  try {
    const transport = await createSmtpTransport(endpoint, { timeoutMs, socketTimeoutMs: timeoutMs });
    transportOptions = (transport.transporter as SMTPTransport).options;
    transport.close();
  } catch (err) {
    throw fail(err);
  }

  const connection = new SMTPConnection(transportOptions);
  const message = new Readable({
    read() {
      if (!dataStarted) {
        dataStarted = true;
        options.onDataStarted();
      }
      this.push(submission.raw);
      this.push(null);
    },
  });
  try {
    return await new Promise<SubmissionResult>((resolve, reject) => {
      connection.once('error', reject);
      connection.connect((connectError) => {
        if (connectError) return reject(connectError);
        const send = (): void =>
          connection.send({ from: submission.from, to: submission.to }, message, (sendError, info) => {
            if (sendError) return reject(sendError);
            resolve({ response: info.response, rejected: info.rejected.map(String), maxSize: announcedMaxSize(connection) });
          });
        const auth = transportOptions.auth as SMTPConnection.Credentials | undefined;
        if (!auth) return send();
        connection.login(auth, (loginError) => (loginError ? reject(loginError) : send()));
      });
    });
  } catch (err) {
    throw fail(err);
  } finally {
    connection.quit();
    setTimeout(() => connection.close(), 2_000).unref();
  }
}
