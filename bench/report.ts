export interface ReferenceFigures {
  seedSeconds: number;
  indexSeconds: number;
  mbsyncFullSeconds: number;
  mbsyncNoChangeSeconds: number;
  mbsyncPeakRssMb: number;
  imapflowHeadersSeconds: number;
  imapflowCondstoreNoChangeSeconds: number;
  imapflowPeakRssMb: number;
}

const seconds = (value: number) => `${value.toFixed(3)} s`;

export function printReference(count: number, figures: ReferenceFigures): void {
  console.log(`\nReference figures — ${count.toLocaleString('en')} messages in INBOX. Every client meets the same server: its`);
  console.log('index rebuilt by doveadm index just before, files in the page cache; loopback, plain IMAP without TLS:');
  const rows: Array<[string, string]> = [
    ['seeding (write Maildir + doveadm index)', `${seconds(figures.seedSeconds)} (index ${seconds(figures.indexSeconds)})`],
    ['mbsync full pull (FSync no)', seconds(figures.mbsyncFullSeconds)],
    ['mbsync no-change resync', seconds(figures.mbsyncNoChangeSeconds)],
    ['mbsync peak RSS', `${figures.mbsyncPeakRssMb.toFixed(1)} MB`],
    ['imapflow UID FETCH 1:* (flags, envelope, bodystructure, date, size, References)', seconds(figures.imapflowHeadersSeconds)],
    ['imapflow CONDSTORE no-change check (login + SELECT + CHANGEDSINCE)', seconds(figures.imapflowCondstoreNoChangeSeconds)],
    ['imapflow child peak RSS', `${figures.imapflowPeakRssMb.toFixed(1)} MB`],
  ];
  for (const [what, value] of rows) console.log(`  ${what.padEnd(82)} ${value}`);
}

/** Postino's figures, and how they compare with the references (below 1 means Postino is faster). */
export function printPostino(postino: Record<string, number>, peakRssMb: number, reference: ReferenceFigures): Record<string, number> {
  const ratios: Record<string, number> = {};
  const ratio = (name: string, mine: number | undefined, theirs: number) => {
    if (mine !== undefined) ratios[name] = mine / theirs;
  };
  ratio('headerSync / bare imapflow', postino.headerSyncSeconds, reference.imapflowHeadersSeconds);
  ratio('headerSync / mbsync full', postino.headerSyncSeconds, reference.mbsyncFullSeconds);
  ratio('bodies / mbsync full', postino.bodiesSeconds, reference.mbsyncFullSeconds);
  ratio('noChangeResync / mbsync no-change', postino.noChangeResyncSeconds, reference.mbsyncNoChangeSeconds);

  console.log('\nPostino (its own child process):');
  for (const [name, value] of Object.entries(postino)) console.log(`  ${name.padEnd(40)} ${seconds(value)}`);
  console.log(`  ${'peak RSS'.padEnd(40)} ${peakRssMb.toFixed(1)} MB`);
  console.log('Ratios (Postino ÷ reference; below 1 is faster):');
  for (const [name, value] of Object.entries(ratios)) console.log(`  ${name.padEnd(40)} ${value.toFixed(2)}×`);
  return ratios;
}
