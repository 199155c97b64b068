import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';

// Hand-written messages the demo must show well: remote images (to be blocked), active content (to be
// stripped), attachments with Italian names, and a conversation between the two demo users.

// A 1×1 PNG: a real image for the inline and attached cases.
const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const tinyPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

function compose(options: Mail.Options): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

interface DemoPeople { alice: string; bob: string }

export function demoSpecialsFor(people: DemoPeople, now: Date): Promise<Buffer[]> {
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  return Promise.all([
    compose({
      from: '"Cultura Bella" <news@cultura.example>', to: people.alice, date: at(300),
      subject: 'Le mostre di dicembre a Firenze 🎨',
      // `.invalid` never resolves (RFC 2606): even a client that wrongly loads it reaches nothing.
      html: '<html><body><img src="https://images.cultura.invalid/banner.jpg" width="600" alt="Mostre">' +
        '<h1>Le mostre di dicembre</h1><p>Uffizi, Palazzo Strozzi e molto altro: scoprite il programma.</p>' +
        '<img src="https://track.cultura.invalid/open.gif?u=alice" width="1" height="1"></body></html>',
      text: 'Le mostre di dicembre: Uffizi, Palazzo Strozzi e molto altro.',
    }),
    compose({
      from: '"Vincite Facili" <premi@truffa.example>', to: people.alice, date: at(240),
      subject: 'Hai vinto un premio! Clicca qui',
      html: '<html><body><p>Congratulazioni!</p><script>alert("questo script non deve mai girare")</script>' +
        '<p onclick="alert(1)">Clicca <a href="javascript:alert(2)">qui</a> per ritirare il premio.</p>' +
        '<iframe src="https://truffa.invalid/"></iframe><img src="x" onerror="alert(3)"></body></html>',
    }),
    compose({
      from: '"Niccolò Ferrari" <niccolo.ferrari@example.it>', to: people.alice, date: at(180),
      subject: 'Preventivo però urgente: documenti allegati',
      text: 'Ciao Alice,\n\nin allegato il preventivo, la planimetria e le note. Fammi sapere entro venerdì.\n\nNiccolò',
      html: '<p>Ciao Alice,</p><p>in allegato il preventivo, la <b>planimetria</b> e le note.</p>' +
        '<p><img src="cid:logo@ferrari.example" alt="logo"> Niccolò</p>',
      attachments: [
        { filename: 'preventivo però.pdf', content: tinyPdf, contentType: 'application/pdf' },
        { filename: 'planimetria.png', content: tinyPng, contentType: 'image/png' },
        { filename: 'note sull’attività.txt', content: 'Città: Perugia\nAttività: ristrutturazione\nTotale: 12.400 €\n' },
        { filename: 'logo.png', content: tinyPng, contentType: 'image/png', cid: 'logo@ferrari.example' },
      ],
    }),
    compose({
      from: people.bob, to: people.alice, date: at(120), messageId: '<pranzo-1@demo.postino.test>',
      subject: 'Pranzo di giovedì?', text: 'Ciao Alice, giovedì ci vediamo da Gigi alle 13? Bob',
    }),
    compose({
      from: people.alice, to: people.bob, date: at(90), messageId: '<pranzo-2@demo.postino.test>',
      inReplyTo: '<pranzo-1@demo.postino.test>', references: ['<pranzo-1@demo.postino.test>'],
      subject: 'Re: Pranzo di giovedì?', text: 'Perfetto, prenoto io. A giovedì!\n\n> Ciao Alice, giovedì ci vediamo da Gigi alle 13? Bob',
    }),
    compose({
      from: people.bob, to: people.alice, date: at(30), messageId: '<pranzo-3@demo.postino.test>',
      inReplyTo: '<pranzo-2@demo.postino.test>', references: ['<pranzo-1@demo.postino.test>', '<pranzo-2@demo.postino.test>'],
      subject: 'Re: Pranzo di giovedì?', text: 'Grazie! Porto anche Lucia, va bene?',
    }),
  ]);
}
