/**
 * What a campaign's rows are, derived in stages from its record and files, each stage redone only when its inputs
 * change: the list (the import worker reads the stored file again after a reload, or when another tab imported a
 * new one), the recipients analysis (in the worker, when the columns, exclusions or corrections change), the
 * template, and each row's check (campaign-rows.ts, in slices on the page). Updates never overlap; the newest
 * record wins.
 */
import type { CampaignFiles, CampaignRecord, ListSourceData } from './campaign-record.ts';
import { type CheckSummary, checkRows, type RowCheck, summarize } from './campaign-rows.ts';
import type { ImportedList, ImportOptions, ListRow } from './core/list.ts';
import { type CompiledTemplate, compileTemplate, type TemplateProblem } from './core/placeholders.ts';
import type { ListAnalysis } from './core/recipients.ts';
import type { ImportSession } from './import-off-thread.ts';

export interface ListImporter {
  importFile(bytes: Uint8Array, options?: ImportOptions): Promise<ImportSession>;
  importText(text: string, options?: ImportOptions): Promise<ImportSession>;
}

/** Opens an import session for a stored source (the file's own bytes, read again). */
export async function importSource(importer: ListImporter, source: ListSourceData): Promise<ImportSession> {
  if (source.kind === 'paste') return importer.importText(source.text);
  const bytes = new Uint8Array(await source.blob.arrayBuffer());
  return importer.importFile(bytes, { encoding: source.encoding });
}

const fileKey = (files: CampaignFiles) =>
  [...files.common, ...files.pool].map((file) => `${file.id}:${file.name}:${file.size}`).join('|');

export class CampaignData {
  list: ImportedList | null = null;
  analysis: ListAnalysis | null = null;
  compiled: CompiledTemplate | null = null;
  templateProblems: TemplateProblem[] = [];
  checks: RowCheck[] | null = null;
  summary: CheckSummary | null = null;
  importError: unknown = null;
  private session: ImportSession | null = null;
  private readonly listByRow = new Map<number, ListRow>();
  private readonly checkByRow = new Map<number, RowCheck>();
  private listVersion = -1;
  private analysisKey = '';
  private checksKey = '';
  private running: Promise<void> | null = null;
  private latest: { record: CampaignRecord; files: CampaignFiles } | null = null;

  constructor(
    private readonly importer: ListImporter,
    private readonly onChange: () => void,
  ) {}

  listRow(row: number): ListRow | undefined {
    return this.listByRow.get(row);
  }

  check(row: number): RowCheck | undefined {
    return this.checkByRow.get(row);
  }

  /** Takes a session the page has just opened (a new import), so it is not imported twice. */
  adopt(session: ImportSession, listVersion: number): void {
    this.session?.close();
    this.session = session;
    this.setList(session.list);
    this.listVersion = listVersion;
    this.analysis = session.analysis;
    this.analysisKey = '';
    this.importError = null;
  }

  private setList(list: ImportedList | null): void {
    this.list = list;
    this.listByRow.clear();
    for (const row of list?.rows ?? []) this.listByRow.set(row.row, row);
    this.checks = null;
    this.checksKey = '';
  }

  /** Brings every stage up to date with this record; resolves when the newest record given so far is done. */
  update(record: CampaignRecord, files: CampaignFiles): Promise<void> {
    this.latest = { record, files };
    this.running ??= (async () => {
      try {
        while (this.latest) {
          const next = this.latest;
          this.latest = null;
          await this.stages(next.record, next.files);
        }
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async stages(record: CampaignRecord, files: CampaignFiles): Promise<void> {
    if (record.listVersion !== this.listVersion) {
      this.listVersion = record.listVersion;
      this.session?.close();
      this.session = null;
      this.analysis = null;
      this.analysisKey = '';
      this.setList(null);
      this.onChange();
      if (files.source) {
        try {
          this.session = await importSource(this.importer, files.source);
          this.setList(this.session.list);
          this.importError = null;
        } catch (error) {
          this.importError = error;
        }
      }
    }
    if (!this.session) return this.onChange();
    const analysisKey = JSON.stringify(record.settings);
    if (analysisKey !== this.analysisKey) {
      this.analysis = await this.session.analyse(record.settings);
      this.analysisKey = analysisKey;
    }
    // A follow-up keeps the subject of each thread; its own template has only a body.
    const template = record.followUp ? { ...record.template, subject: '' } : record.template;
    const compiled = compileTemplate(template, this.list?.headers ?? []);
    this.templateProblems = compiled.problems;
    this.compiled = compiled.problems.length === 0 ? compiled : null;
    const checksKey = JSON.stringify([
      analysisKey,
      record.template,
      record.attachmentColumn,
      fileKey(files),
      record.followUp?.threads.map((thread) => thread.row) ?? null,
    ]);
    if (checksKey !== this.checksKey && this.list && this.analysis) {
      const checks = await checkRows({
        list: this.list,
        analysis: this.analysis,
        compiled: this.compiled,
        settings: record.settings,
        files,
        attachmentColumn: record.attachmentColumn,
        ...(record.followUp ? { onlyRows: record.followUp.threads.map((thread) => thread.row) } : {}),
      });
      this.checks = checks;
      this.summary = summarize(checks);
      this.checkByRow.clear();
      for (const check of checks) this.checkByRow.set(check.row, check);
      this.checksKey = checksKey;
    }
    this.onChange();
  }

  close(): void {
    this.session?.close();
    this.session = null;
  }
}
