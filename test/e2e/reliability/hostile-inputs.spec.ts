/**
 * The hostile-input corpus (test/support/hostile-corpus.ts) through the compose form, typed and attached as a user
 * would, against the offline Google. Each case ends in a correct message (read back from the outbox with the same
 * check as the builder corpus) or a clear, translated message with nothing sent and the draft still in the form.
 * The page never throws (`pageerror`), and no token is left at rest.
 */
import type { Page } from '@playwright/test';
import { tokensAtRest } from '../../support/at-rest.ts';
import { expect, test } from '../../support/fixtures.ts';
import { expectedMessage, messageProblems } from '../../support/hostile-check.ts';
import {
  expandFiles,
  fileBytes,
  type HostileCase,
  type HostileMailbox,
  hostileCorpus,
  mailboxText,
  typedIntoInput,
  typedIntoTextarea,
} from '../../support/hostile-corpus.ts';
import { reportRow } from '../../support/matrix.ts';
import { bodyField, google, openConnected, pasteText, sendButton, subjectField } from '../compose/helpers.ts';

const fieldNames = { to: /^(To|宛先)$/, cc: 'Cc', bcc: 'Bcc' } as const;

async function typeRecipients(page: Page, field: keyof typeof fieldNames, mailboxes: HostileMailbox[] = []) {
  if (mailboxes.length === 0) return;
  const input = page.getByRole('textbox', { name: fieldNames[field], exact: field !== 'to' });
  if (mailboxes.length > 3) {
    // A long list arrives by paste, one address a line, as from a spreadsheet column.
    await input.focus();
    await pasteText(page, mailboxes.map(mailboxText).join('\n'));
    return;
  }
  for (const mailbox of mailboxes) {
    await input.fill(mailboxText(mailbox));
    await input.press('Enter');
  }
}

async function fillForm(page: Page, hostile: HostileCase) {
  if (hostile.cc || hostile.bcc) await page.getByRole('button', { name: 'Cc and Bcc' }).click();
  await typeRecipients(page, 'to', hostile.to);
  await typeRecipients(page, 'cc', hostile.cc);
  await typeRecipients(page, 'bcc', hostile.bcc);
  await subjectField(page).fill(hostile.subject);
  await bodyField(page).fill(hostile.body);
  const files = expandFiles(hostile.files);
  if (files.length > 0) {
    await page.getByLabel('Attach files').setInputFiles(
      files.map((entry, index) => ({
        name: entry.name,
        mimeType: entry.type || 'application/octet-stream',
        buffer: Buffer.from(fileBytes(entry.size, index)),
      })),
    );
    await expect(page.getByRole('meter', { name: 'Attachment size' })).toBeVisible();
  }
}

for (const hostile of hostileCorpus) {
  test(`hostile input ${hostile.id}: ${hostile.title}`, async ({ page }) => {
    test.setTimeout(hostile.id === 'file-30mb' || hostile.id === 'files-200' ? 120_000 : 60_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      pageErrors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await openConnected(page);
    await fillForm(page, hostile);

    if (hostile.id === 'name-is-address') {
      // The real address is shown beside a name that pretends to be one, marked, with the reason on hover or focus.
      const token = page.getByRole('list', { name: 'To' }).getByRole('listitem');
      await expect(token.getByText('bank@x.com', { exact: true })).toBeVisible();
      await expect(token.getByText('evil@y.com', { exact: true })).toBeVisible();
      await token.hover();
      await expect(page.getByRole('tooltip')).toHaveText(
        'The name looks like a different address. This mail goes to evil@y.com.',
      );
    }
    if (hostile.id === 'thousand-recipients') {
      await expect(page.getByText(/^1000 recipients\. Gmail accepts at most 100/)).toBeVisible();
    }
    if (hostile.id === 'file-rtl-override') {
      await expect(page.getByText('invoice⟨U+202E⟩fdp.exe')).toBeVisible();
    }

    let userSees = 'not reached';
    let draftKept = false;
    try {
      if (hostile.form.sent) {
        await sendButton(page).click();
        await expect(page.getByText('Message sent.')).toBeVisible({ timeout: 45_000 });
        const outbox = await google.outbox();
        expect(outbox).toHaveLength(1);
        const raw = Buffer.from(outbox[0]?.originalRawBase64 ?? '', 'base64');
        expect(await messageProblems(raw, expectedMessage(hostile, 'form'))).toEqual([]);
        userSees = 'Message sent. (read back intact)';
        draftKept = true;
      } else {
        if (await sendButton(page).isEnabled()) await sendButton(page).click();
        const message = page.getByText(hostile.form.sees).first();
        await expect(message).toBeVisible();
        userSees = ((await message.textContent()) ?? '').replace(/\s+/g, ' ').slice(0, 110);
        expect(await google.outbox()).toHaveLength(0);
        await expect(subjectField(page)).toHaveValue(typedIntoInput(hostile.subject));
        await expect(bodyField(page)).toHaveValue(typedIntoTextarea(hostile.body));
        draftKept = true;
      }
    } finally {
      if (!draftKept) {
        const inForm = await subjectField(page)
          .inputValue({ timeout: 2_000 })
          .catch(() => null);
        draftKept = inForm === typedIntoInput(hostile.subject) || (await google.outbox()).length === 1;
      }
      reportRow({
        table: 'hostile',
        name: hostile.title,
        userSees,
        draftKept,
        arrived: (await google.outbox()).length,
        expectedArrived: hostile.form.sent ? '1' : '0',
      });
    }
    expect(pageErrors).toEqual([]);
    expect(await tokensAtRest(page)).toEqual([]);
  });
}
