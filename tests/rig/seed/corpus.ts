// Words and names the generated mail is made of: mostly Italian, with the accents, apostrophes and non-Latin
// names a real mailbox has, so encoders, search and rendering meet them.

export const people: ReadonlyArray<{ name: string; address: string }> = [
  { name: 'Giulia Bianchi', address: 'giulia.bianchi@example.it' },
  { name: 'Niccolò Ferrari', address: 'niccolo.ferrari@example.it' },
  { name: 'Martina Rossi', address: 'martina@studio-rossi.example' },
  { name: "Lucia D'Amico", address: 'lucia.damico@example.it' },
  { name: 'Fabrizio Esposito', address: 'f.esposito@comune.example' },
  { name: 'Chiara Colombo', address: 'chiara.colombo@example.com' },
  { name: 'Andrea Ricci', address: 'andrea@ricci-costruzioni.example' },
  { name: 'Francesca Marino', address: 'francesca.marino@example.org' },
  { name: 'Salvatore Greco', address: 'salvo.greco@example.it' },
  { name: 'Élodie Bérard', address: 'elodie.berard@example.fr' },
  { name: 'Jürgen Müller', address: 'juergen.mueller@example.de' },
  { name: 'Søren Kierkegård', address: 'soren@example.dk' },
  { name: '王芳', address: 'wang.fang@example.cn' },
  { name: 'Zoë Ångström', address: 'zoe@example.se' },
  { name: 'Ufficio Acquisti', address: 'acquisti@fornitore.example' },
  { name: 'Newsletter Cultura', address: 'news@cultura.example' },
  { name: 'Banca Popolare', address: 'avvisi@banca.example' },
  { name: 'Paolo Conti', address: 'paolo.conti@example.it' },
  { name: 'Federica Gallo', address: 'federica.gallo@example.it' },
  { name: 'Tommaso Bruno', address: 'tommaso@bruno.example' },
];

export const subjects: readonly string[] = [
  'Preventivo per la ristrutturazione', 'Riunione di giovedì', 'Fattura n. 2025/118', 'Verbale dell’assemblea',
  'Conferma dell’ordine', 'Perché non è arrivato il pacco?', 'Proposta di collaborazione', 'Cena di sabato 🍝',
  'Aggiornamento sul progetto Colosseo', 'Documenti per il mutuo', 'Orari della settimana prossima',
  'Richiesta ferie agosto', 'Bozza del contratto', 'Foto della gita a Perugia', 'Promemoria: scadenza IMU',
  'Questionario di soddisfazione', 'Re: disponibilità per un incontro', 'Invito alla presentazione del libro',
  'Modifica dell’indirizzo di consegna', 'Résumé et lettre de motivation', 'Termin am Montag',
  'Risultati del trimestre', 'Nuovo listino prezzi', 'Problema con l’accesso al portale', 'Auguri di buon compleanno!',
];

const words: readonly string[] = (
  'allora abbiamo anche ancora appena avere bene buongiorno caro certo che chiedo come con cosa così cui da ' +
  'dal della delle detto dopo dove era essere fatto fare già grazie ieri il la lavoro le lei lo loro lui ma ' +
  'meglio mentre mi molto nel nella noi non nostro nulla oggi ora ottimo pagina parte però più poi possiamo ' +
  'presto prima progetto proposta quando quello questo qui richiesta riunione sarà se sempre senza settimana ' +
  'si sia solo sono stato su subito sul tempo ti tra tutto ufficio un una va verso vi vorrei è perché città ' +
  'attività qualità società università caffè lunedì martedì mercoledì giovedì venerdì documento allegato ' +
  'fattura pagamento consegna ordine cliente fornitore contratto scadenza preventivo bilancio verbale'
).split(' ');

/** A sentence of Italian-looking words, capitalised and ended with a full stop. */
export function sentence(pickWord: (items: readonly string[]) => string, wordCount: number): string {
  const chosen: string[] = [];
  for (let i = 0; i < wordCount; i++) chosen.push(pickWord(words));
  const text = chosen.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export const attachmentKinds: ReadonlyArray<{ extension: string; contentType: string; names: readonly string[] }> = [
  { extension: 'pdf', contentType: 'application/pdf', names: ['fattura', 'preventivo', 'contratto', 'verbale'] },
  { extension: 'jpg', contentType: 'image/jpeg', names: ['foto', 'scansione', 'planimetria'] },
  { extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', names: ['bilancio', 'listino'] },
  { extension: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', names: ['relazione', 'lettera'] },
];
