import { attachmentKinds, people, sentence, subjects } from './corpus';
import { renderMessage, type Mailbox, type MimePart } from './mime';
import { createRandom, type Random } from './random';

export interface GenerateOptions {
  count: number;
  /** Same seed, same messages. */
  seed: number;
  /** Who the mail is addressed to. */
  recipient: Mailbox;
  /** Date of the first (oldest) message; each next one is a little later. Default 2024-01-01. */
  startDate?: Date;
}

interface ThreadTip { messageId: string; subject: string; references: string[] }

// Bounded pools keep memory flat however many messages are made: bodies reuse paragraphs and attachment
// bytes are slices of one random buffer.
const paragraphPoolSize = 400;
const attachmentPoolBytes = 1 << 20;
const recentThreadTips = 200;

function paragraphPool(random: Random): string[] {
  const pick = (items: readonly string[]) => random.pick(items);
  return Array.from({ length: paragraphPoolSize }, () =>
    Array.from({ length: random.int(3, 9) }, () => sentence(pick, random.int(6, 18))).join(' '));
}

function attachmentPool(random: Random): Buffer {
  const bytes = Buffer.alloc(attachmentPoolBytes);
  for (let offset = 0; offset < bytes.length; offset += 4) bytes.writeUInt32LE(Math.floor(random.next() * 2 ** 32), offset);
  return bytes;
}

/**
 * Realistic generated mail, oldest first: varied senders (Italian and non-ASCII names), threads with
 * In-Reply-To/References, plain text, HTML alternatives and attachments. The mix averages about 26 KB a
 * message, as a real mailbox does (see RIG-NOTES).
 */
export function* generateMessages(options: GenerateOptions): Generator<Buffer> {
  const random = createRandom(options.seed);
  const paragraphs = paragraphPool(random);
  const attachmentBytes = attachmentPool(random);
  const tips: ThreadTip[] = [];
  let time = (options.startDate ?? new Date('2024-01-01T08:00:00Z')).getTime();

  for (let index = 0; index < options.count; index++) {
    time += random.int(60, 3_600) * 1000;
    const messageId = `${options.seed}.${index}.${time.toString(36)}@generated.postino.test`;
    const parent = tips.length > 0 && random.chance(0.3) ? random.pick(tips) : undefined;
    const subject = parent ? `Re: ${parent.subject.replace(/^Re: /, '')}` : random.pick(subjects);
    const references = parent ? [...parent.references, parent.messageId].slice(-10) : [];

    const textBody = Array.from({ length: random.int(2, 14) }, () => random.pick(paragraphs)).join('\n\n');
    const body = messageBody(random, textBody, attachmentBytes, index);
    const sender = random.pick(people);
    const cc = random.chance(0.15) ? [random.pick(people)] : undefined;
    yield renderMessage(
      { from: sender, to: [options.recipient], cc, subject, date: new Date(time), messageId, inReplyTo: parent?.messageId, references },
      body,
    );

    tips.push({ messageId, subject, references });
    if (tips.length > recentThreadTips) tips.shift();
  }
}

function messageBody(random: Random, textBody: string, attachmentBytes: Buffer, index: number): MimePart {
  const plain: MimePart = { kind: 'text', subtype: 'plain', body: `${textBody}\n\n-- \nInviato da Postino seed` };
  const shape = random.next();
  if (shape < 0.45) return plain;

  const html: MimePart = {
    kind: 'text',
    subtype: 'html',
    body: `<!DOCTYPE html><html><head><style>body{font-family:Arial,sans-serif;font-size:14px;color:#222}` +
      `p{margin:0 0 12px}</style></head><body>` +
      textBody.split('\n\n').map((paragraph) => `<p>${paragraph}</p>`).join('\n') +
      `<p style="color:#888">--<br>Inviato da <b>Postino seed</b></p></body></html>`,
  };
  const alternative: MimePart = { kind: 'multipart', subtype: 'alternative', boundary: `alt-${index}`, parts: [plain, html] };
  if (shape < 0.82) return alternative;

  const attachments: MimePart[] = Array.from({ length: random.int(1, 2) }, () => {
    const kind = random.pick(attachmentKinds);
    const size = random.int(8_000, 110_000);
    const offset = random.int(0, attachmentBytes.length - size);
    return {
      kind: 'attachment',
      filename: `${random.pick(kind.names)}_${random.int(1, 999)}.${kind.extension}`,
      contentType: kind.contentType,
      content: attachmentBytes.subarray(offset, offset + size),
    };
  });
  return { kind: 'multipart', subtype: 'mixed', boundary: `mix-${index}`, parts: [random.chance(0.5) ? alternative : plain, ...attachments] };
}
