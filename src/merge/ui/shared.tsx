/** Small pieces the sections share: a file picker drawn as a button, a pager, file drops. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../i18n/translate.ts';

export function FilePicker(props: {
  id: string;
  label: string;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
}) {
  return (
    <span class="file-picker">
      {/* A real file input, visually hidden but focusable, named by a label drawn as a button. */}
      <input
        id={props.id}
        class="visually-hidden attach-input"
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        disabled={props.disabled}
        onChange={(event) => {
          const input = event.currentTarget;
          props.onFiles(Array.from(input.files ?? []));
          input.value = '';
        }}
      />
      <label for={props.id} class="attach-label">
        {props.label}
      </label>
    </span>
  );
}

export const PAGE_ROWS = 25;

/** "Rows 1–25 of 10,000" with Previous and Next: a long list is shown a page at a time, never all at once. */
export function Pager(props: {
  t: Translate;
  page: number;
  total: number;
  onPage: (page: number) => void;
  id: string;
}) {
  const { t, page, total, onPage } = props;
  const pages = Math.max(1, Math.ceil(total / PAGE_ROWS));
  const from = total === 0 ? 0 : page * PAGE_ROWS + 1;
  const to = Math.min(total, (page + 1) * PAGE_ROWS);
  return (
    <div class="pager">
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)} aria-controls={props.id}>
        {t('merge.table.previous')}
      </button>
      <span aria-live="polite">{t('merge.table.page', { from, to, total })}</span>
      <button type="button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)} aria-controls={props.id}>
        {t('merge.table.next')}
      </button>
    </div>
  );
}

/** The page of items to show, kept within range when the list shrinks. */
export function usePage<T>(items: readonly T[]): { page: number; setPage: (page: number) => void; shown: T[] } {
  const [page, setPage] = useState(0);
  const last = Math.max(0, Math.ceil(items.length / PAGE_ROWS) - 1);
  useEffect(() => {
    if (page > last) setPage(last);
  }, [page, last]);
  const current = Math.min(page, last);
  return { page: current, setPage, shown: items.slice(current * PAGE_ROWS, (current + 1) * PAGE_ROWS) };
}

const carriesFiles = (event: DragEvent) => Boolean(event.dataTransfer?.types.includes('Files'));

/** A section that takes dropped files; a drop that misses it must not navigate the tab away. */
export function DropArea(props: {
  class: string;
  labelledBy: string;
  onFiles: (files: File[]) => void;
  children: ComponentChildren;
}) {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const guard = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    addEventListener('dragover', guard);
    addEventListener('drop', guard);
    return () => {
      removeEventListener('dragover', guard);
      removeEventListener('drop', guard);
    };
  }, []);
  return (
    <section
      class={`${props.class}${dragging ? ' dragging' : ''}`}
      aria-labelledby={props.labelledBy}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        props.onFiles(Array.from(event.dataTransfer?.files ?? []));
      }}
    >
      {props.children}
    </section>
  );
}

/**
 * A wide table's own scrolling box. Focusable, so a keyboard can scroll it (axe: scrollable-region-focusable), and
 * named, so that stop says what it is.
 */
export function ScrollRegion(props: { label?: string; labelledBy?: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keys.
    <section class="table-scroll" aria-label={props.label} aria-labelledby={props.labelledBy} tabIndex={0}>
      {props.children}
    </section>
  );
}
