/**
 * The only module of the editor feature the first load may import: a dynamic import, so Squire, DOMPurify and the
 * editor's code and text arrive in their own chunk when the compose page asks for them (`useLazyModule(loadEditor)`).
 */
export type EditorModule = typeof import('./index.ts');

let loading: Promise<EditorModule> | null = null;

export function loadEditor(): Promise<EditorModule> {
  loading ??= import('./index.ts').catch((error: unknown) => {
    // A failed chunk load (offline, a deploy in between) may be retried by the next call.
    loading = null;
    throw error;
  });
  return loading;
}
