/** Small raw messages for a big folder: enough headers for a real list, quick to seed by the ten thousand. */
export function bulkMessages(count: number, recipient: string): string[] {
  const start = Date.UTC(2025, 0, 1, 8);
  return Array.from({ length: count }, (_, index) => {
    const number = String(index).padStart(5, '0');
    return [
      `From: Sender ${index % 50} <sender${index % 50}@bulk.postino.test>`,
      `To: ${recipient}`,
      `Subject: Bulk message ${number}`,
      `Date: ${new Date(start + index * 60_000).toUTCString()}`,
      `Message-ID: <bulk-${number}@bulk.postino.test>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `This is bulk message number ${number}.`,
      '',
    ].join('\r\n');
  });
}
