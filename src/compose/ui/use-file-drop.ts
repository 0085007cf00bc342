/**
 * Files dropped anywhere on the form, or pasted into it, become attachments. A window-level guard stops a drop
 * that misses the form from navigating the tab to the file (and away from the draft).
 */
import type { ClipboardEventHandler, DragEventHandler } from 'preact';
import { useEffect, useState } from 'preact/hooks';

interface FormHandlers {
  onDragOver: DragEventHandler<HTMLFormElement>;
  onDragLeave: DragEventHandler<HTMLFormElement>;
  onDrop: DragEventHandler<HTMLFormElement>;
  onPaste: ClipboardEventHandler<HTMLFormElement>;
}

const carriesFiles = (event: DragEvent) => Boolean(event.dataTransfer?.types.includes('Files'));
/** Pictures pasted or dropped into the rich editor go into the message; the editor handles them itself. */
const inEditor = (event: Event) => (event.target as Element | null)?.closest?.('[contenteditable="true"]') != null;

export function useFileDrop(onFiles: (files: File[]) => void): { dragging: boolean; handlers: FormHandlers } {
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

  return {
    dragging,
    handlers: {
      onDragOver: (event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      },
      onDragLeave: (event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      },
      onDrop: (event) => {
        event.preventDefault();
        setDragging(false);
        onFiles(Array.from(event.dataTransfer?.files ?? []));
      },
      onPaste: (event) => {
        if (inEditor(event)) return;
        const files = Array.from(event.clipboardData?.files ?? []);
        if (files.length === 0) return;
        event.preventDefault();
        onFiles(files);
      },
    },
  };
}
