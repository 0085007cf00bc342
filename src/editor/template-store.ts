/**
 * Templates: a subject and a rich body (and, if the user chose, attachments) saved under a name, kept in this
 * browser. `{{placeholders}}` are plain text here; src/merge fills them in when a merge is sent.
 */
import type { KeyValueBackend } from '../storage/key-value.ts';
import { type RichBody, richBodyFromStored } from './rich-body.ts';

const templatesKey = 'templates';

export interface TemplateAttachment {
  name: string;
  type: string;
  blob: Blob;
}

export interface Template {
  id: string;
  name: string;
  subject: string;
  body: RichBody;
  attachments: TemplateAttachment[];
  savedAt: number;
}

export interface TemplateContent {
  subject: string;
  body: RichBody;
  attachments?: TemplateAttachment[];
}

export interface TemplateStore {
  /** All templates, by name (Japanese names sorted as people expect, through Intl.Collator). */
  list(): Promise<Template[]>;
  save(name: string, content: TemplateContent): Promise<Template>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
}

export class TemplateNameError extends Error {
  readonly code = 'template-name-needed';
}

function readAttachment(value: unknown): TemplateAttachment[] {
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof Blob === 'undefined' || !(record.blob instanceof Blob)) return [];
  return [
    {
      name: typeof record.name === 'string' ? record.name : 'attachment',
      type: typeof record.type === 'string' ? record.type : '',
      blob: record.blob,
    },
  ];
}

/** Storage outlives app versions: anything malformed is skipped, not thrown. */
function readTemplate(value: unknown): Template[] {
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' || typeof record.name !== 'string') return [];
  return [
    {
      id: record.id,
      name: record.name,
      subject: typeof record.subject === 'string' ? record.subject : '',
      body: richBodyFromStored(record.body),
      attachments: Array.isArray(record.attachments) ? record.attachments.flatMap(readAttachment) : [],
      savedAt: typeof record.savedAt === 'number' ? record.savedAt : 0,
    },
  ];
}

export interface TemplateStoreOptions {
  now?: () => number;
  newId?: () => string;
  collator?: Intl.Collator;
}

export function createTemplateStore(backend: KeyValueBackend, options: TemplateStoreOptions = {}): TemplateStore {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const collator = options.collator ?? new Intl.Collator(['ja', 'en'], { numeric: true });
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };
  const readAll = async (): Promise<Template[]> => {
    const stored = await backend.get(templatesKey);
    return Array.isArray(stored) ? stored.flatMap(readTemplate) : [];
  };
  const cleanName = (name: string) => {
    const trimmed = name.replace(/\s+/g, ' ').trim();
    if (!trimmed) throw new TemplateNameError('A template needs a name');
    return trimmed;
  };
  return {
    async list() {
      return (await readAll()).sort((a, b) => collator.compare(a.name, b.name));
    },
    save: (name, content) =>
      serial(async () => {
        const template: Template = {
          id: newId(),
          name: cleanName(name),
          subject: content.subject,
          body: { html: content.body.html, inlineImages: [...content.body.inlineImages] },
          attachments: [...(content.attachments ?? [])],
          savedAt: now(),
        };
        await backend.put(templatesKey, [...(await readAll()), template]);
        return template;
      }),
    rename: (id, name) =>
      serial(async () => {
        const clean = cleanName(name);
        const all = await readAll();
        await backend.put(
          templatesKey,
          all.map((template) => (template.id === id ? { ...template, name: clean } : template)),
        );
      }),
    remove: (id) =>
      serial(async () => {
        await backend.put(
          templatesKey,
          (await readAll()).filter((template) => template.id !== id),
        );
      }),
  };
}
