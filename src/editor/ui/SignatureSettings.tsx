import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../../i18n/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import { emptyRichBody, type RichBody } from '../rich-body.ts';
import type { SignatureStore } from '../signature-store.ts';
import { RichEditor } from './RichEditor.tsx';

/** One signature per sending address: pick the address, edit its signature, save or remove it. */
export function SignatureSettings(props: {
  t: Translate;
  language: Language;
  store: SignatureStore;
  /** The addresses the user can send from (Gmail's "Send mail as"); the first is selected. */
  addresses: readonly string[];
  onProblem?: (message: string) => void;
}) {
  const { t, language, store, addresses, onProblem } = props;
  const [address, setAddress] = useState(addresses[0] ?? '');
  const [signature, setSignature] = useState<RichBody>(emptyRichBody());
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    let active = true;
    setLoadedFor(null);
    void store
      .get(address)
      .catch(() => null)
      .then((saved) => {
        if (!active) return;
        setSignature(saved ?? emptyRichBody());
        setLoadedFor(address);
      });
    return () => {
      active = false;
    };
  }, [address, store]);

  const run = async (work: () => Promise<void>, done: string) => {
    try {
      await work();
      setStatus(t(done));
    } catch {
      setStatus(t('editor.storage.failed'));
    }
  };

  return (
    <section class="signature-settings" aria-labelledby="signature-title">
      <h2 id="signature-title">{t('editor.signature')}</h2>
      <p class="small">{t('editor.signature.hint')}</p>
      {addresses.length > 1 && (
        <div class="signature-settings__address">
          <label for="signature-address">{t('editor.signature.for')}</label>
          <select id="signature-address" value={address} onChange={(event) => setAddress(event.currentTarget.value)}>
            {addresses.map((each) => (
              <option key={each} value={each}>
                {each}
              </option>
            ))}
          </select>
        </div>
      )}
      {loadedFor === address && (
        <RichEditor
          key={address}
          id="signature-body"
          t={t}
          language={language}
          label={addresses.length > 1 ? `${t('editor.signature')} (${address})` : t('editor.signature')}
          value={signature}
          onChange={setSignature}
          onProblem={onProblem}
        />
      )}
      <div class="signature-settings__actions">
        <button
          type="button"
          class="primary"
          onClick={() => run(() => store.set(address, signature), 'editor.signature.saved')}
        >
          {t('editor.signature.save')}
        </button>
        <button
          type="button"
          onClick={() =>
            run(async () => {
              await store.remove(address);
              setSignature(emptyRichBody());
            }, 'editor.signature.removed')
          }
        >
          {t('editor.signature.remove')}
        </button>
      </div>
      <p class="small" role="status">
        {status}
      </p>
    </section>
  );
}
