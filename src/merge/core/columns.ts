/**
 * Which column holds what: the address (required), and optionally the recipient's name, Cc and Bcc. Found from the
 * header names people write in English and Japanese, else from the cells themselves; the user can change each.
 */
import { parseAddressList } from '../../mail/address.ts';
import type { ImportedList } from './list.ts';

/** Column indexes into `ImportedList.headers`; null where the list has no such column. */
export interface ColumnChoice {
  to: number | null;
  name: number | null;
  cc: number | null;
  bcc: number | null;
}

export type ColumnRole = keyof ColumnChoice;

/**
 * A header name as the matcher compares it: NFKC (so ｅｍａｉｌ and Ｅメール read as email and Eメール), lower case,
 * without spaces, hyphens, underscores, dots or 「・」.
 */
export function headerKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_.・]/gu, '');
}

/** Header names, already in `headerKey` form, most specific first. */
const NAMES: Readonly<Record<ColumnRole, readonly string[]>> = {
  to: [
    'email',
    'emailaddress',
    'mail',
    'mailaddress',
    'メールアドレス',
    'メール',
    'eメール',
    'eメールアドレス',
    '電子メール',
    '電子メールアドレス',
    'メアド',
    // Weak names: "Address" is often a postal address, so these count only when the cells are addresses.
    'address',
    'to',
    '宛先',
    'アドレス',
  ],
  name: ['name', 'fullname', 'displayname', '氏名', '名前', 'お名前', '宛名', '担当者', '担当者名', 'ご担当者名'],
  cc: ['cc', 'cc宛先'],
  bcc: ['bcc', 'bcc宛先'],
};

const WEAK_ADDRESS_NAMES = new Set(['address', 'to', '宛先', 'アドレス']);

/** How many rows to look at when judging a column by its cells: enough to tell, cheap on a 10,000-row list. */
const SAMPLE_ROWS = 200;

/** Of the first rows' non-empty cells in `column`, the share that are addresses (0 when all are empty). */
function addressShare(list: ImportedList, column: number): number {
  let filled = 0;
  let addresses = 0;
  for (const { cells } of list.rows.slice(0, SAMPLE_ROWS)) {
    const cell = cells[column]!.trim();
    if (cell === '') continue;
    filled++;
    const parsed = parseAddressList(cell);
    if (parsed.problems.length === 0 && parsed.mailboxes.length > 0) addresses++;
  }
  return filled === 0 ? 0 : addresses / filled;
}

function byHeader(list: ImportedList, role: ColumnRole, taken: ReadonlySet<number>): number | null {
  const keys = list.headers.map(headerKey);
  for (const wanted of NAMES[role]) {
    const column = keys.findIndex((key, index) => key === wanted && !taken.has(index));
    if (column < 0) continue;
    if (role === 'to' && WEAK_ADDRESS_NAMES.has(wanted) && addressShare(list, column) < 0.5) continue;
    return column;
  }
  return null;
}

/** The column whose non-empty cells are most often addresses, if at least half of them are (leftmost on a tie). */
function byContent(list: ImportedList, taken: ReadonlySet<number>): number | null {
  let best: number | null = null;
  let bestShare = 0;
  list.headers.forEach((_, column) => {
    if (taken.has(column)) return;
    const share = addressShare(list, column);
    if (share >= 0.5 && share > bestShare) {
      best = column;
      bestShare = share;
    }
  });
  return best;
}

/** The columns the import preview proposes; the address column is null when nothing looks like one. */
export function guessColumns(list: ImportedList): ColumnChoice {
  const taken = new Set<number>();
  const pick = (column: number | null) => {
    if (column !== null) taken.add(column);
    return column;
  };
  // Cc and Bcc first: their names are exact, and a "Cc" column full of addresses must not become the To column.
  const cc = pick(byHeader(list, 'cc', taken));
  const bcc = pick(byHeader(list, 'bcc', taken));
  const to = pick(byHeader(list, 'to', taken) ?? byContent(list, taken));
  const name = pick(byHeader(list, 'name', taken));
  return { to, name, cc, bcc };
}
