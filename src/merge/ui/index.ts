/**
 * The mail-merge screen's chunk: loaded the first time the "Mail merge" view is shown (src/app/Views.tsx), never
 * with the first load. Brings its text tables and its styles.
 */
import { addText } from '../../text/catalog.ts';
import { mergeText } from '../../text/merge.ts';
import { mergeScreenText } from '../../text/merge-screen.ts';
import './merge.css';

addText(mergeText, mergeScreenText);

export { MergePage } from './MergePage.tsx';
