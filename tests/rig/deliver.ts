import { readFile } from 'node:fs/promises';
import nodemailer from 'nodemailer';
import { waitFor } from './exec';
import { rigPaths } from './paths';
import type { RigInfo } from './types';

export interface DeliverableMessage {
  from: string;
  to: string;
  subject: string;
  text?: string;
  html?: string;
  attachments?: Array<{ filename: string; content: string | Buffer; contentType?: string }>;
  headers?: Record<string, string>;
}

/**
 * Sends a message through Postfix's MX port and resolves once Postfix has finished with it (the qmgr's
 * "<queue id>: removed" line), so the message is already in the recipient's Maildir when this returns.
 * Rejects if Postfix could not deliver it to every recipient.
 */
export async function deliverVia(rig: RigInfo, message: DeliverableMessage): Promise<void> {
  const transport = nodemailer.createTransport({ host: rig.host, port: rig.mxPort, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail(message);
    const queueId = /queued as ([0-9A-Za-z]+)/.exec(info.response)?.[1];
    if (!queueId) throw new Error(`rig: Postfix did not say which queue id it gave the message: ${info.response}`);
    const logLines = await waitFor(`Postfix to deliver ${queueId}`, async () => {
      const lines = (await readFile(rigPaths(rig.dir).postfixLog, 'utf8')).split('\n').filter((line) => line.includes(`${queueId}:`));
      const finished = lines.some((line) => line.includes(`${queueId}: removed`) || line.includes('status=deferred'));
      return finished ? lines : undefined;
    });
    const failed = logLines.filter((line) => /status=(bounced|deferred)/.test(line));
    if (failed.length > 0) throw new Error(`rig: Postfix could not deliver ${queueId}:\n${failed.join('\n')}`);
  } finally {
    transport.close();
  }
}
