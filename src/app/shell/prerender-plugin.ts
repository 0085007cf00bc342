/**
 * Build time only: writes the app's first frame into index.html, so the form is on screen before any JavaScript
 * runs, and in the right language without inline script.
 *
 * - Both languages' shells are prerendered (prerender.tsx, loaded with Vite's module runner and the same `VITE_*`
 *   values as the bundle) and placed side by side, `inert` until the app takes one over (mount.ts).
 * - A tiny blocking classic script (first-paint-language.ts, built here as an IIFE) sets `<html lang>` before the
 *   first paint; base.css shows the matching shell and hides the other.
 *
 * Why not vite-prerender-plugin (what @preact/preset-vite's `prerender` option uses): it imports the client chunks
 * from a fixed folder inside node_modules, which two builds running at once (the browser-test lanes) would share,
 * and it patches Node's globals and the build's chunking. Rendering one known page needs none of that.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { build, type Plugin, type ResolvedConfig, type Rolldown, runnerImport } from 'vite';

const shellModule = 'src/app/shell/prerender.tsx';
const languageEntry = 'src/app/shell/first-paint-language.ts';
const mountTag = '<div id="app"></div>';

type ShellModule = typeof import('./prerender.tsx');

async function buildLanguageScript(root: string): Promise<string> {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      target: 'es2020',
      sourcemap: false,
      copyPublicDir: false,
      emptyOutDir: false,
      lib: { entry: join(root, languageEntry), formats: ['iife'], name: 'fumiLanguage', fileName: 'language' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  for (const file of outputs.flatMap((output) => output.output)) if (file.type === 'chunk') return file.code;
  throw new Error('first-paint language script: no output');
}

async function renderShells(config: ResolvedConfig): Promise<ReturnType<ShellModule['renderShells']>> {
  // The bundle's own import.meta.env values (mode, VITE_* from .env files and the environment).
  const define = Object.fromEntries(
    Object.entries({ ...config.env, DEV: false, PROD: true, SSR: false }).map(([key, value]) => [
      `import.meta.env.${key}`,
      JSON.stringify(value),
    ]),
  );
  const { module } = await runnerImport<ShellModule>(join(config.root, shellModule), {
    root: config.root,
    configFile: false,
    mode: config.mode,
    logLevel: 'error',
    define,
  });
  return module.renderShells();
}

/** The shells as they go into index.html, each hidden by base.css unless `<html lang>` names its language. */
export function shellMarkup(shells: readonly { language: string; html: string }[]): string {
  return shells
    .map(({ language, html }) => `<div data-shell="${language}" lang="${language}" inert>${html}</div>`)
    .join('\n    ');
}

export function prerenderShellPlugin(): Plugin {
  let config: ResolvedConfig;
  // Started as soon as the config is known, so it runs alongside the bundling instead of before it.
  let work: Promise<{ code: string; fileName: string; shells: string }> | null = null;
  return {
    name: 'fumi:prerender-shell',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
      work = Promise.all([buildLanguageScript(config.root), renderShells(config)]).then(([code, rendered]) => {
        const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
        return { code, fileName: `${config.build.assetsDir}/language-${hash}.js`, shells: shellMarkup(rendered) };
      });
      // Reported by the hooks that await it; never an unhandled rejection in between.
      work.catch(() => {});
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        // The privacy page (a second HTML entry, src/privacy) is plain HTML with no app to prerender.
        if (!context.filename.endsWith('index.html')) return html;
        const { fileName, shells } = await work!;
        if (!html.includes(mountTag)) throw new Error(`index.html needs ${mountTag} for the prerendered shell`);
        return html
          .replace(mountTag, shells)
          .replace(/(<\/title>)/i, `$1\n    <script src="${config.base}${fileName}"></script>`);
      },
    },
    async generateBundle() {
      const { code, fileName } = await work!;
      this.emitFile({ type: 'asset', fileName, source: code });
    },
  };
}
