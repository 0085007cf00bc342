/**
 * The editor feature's entry: everything the compose page uses, in one lazily loaded chunk (see load.ts). Importing
 * it adds the editor's sentences to the text catalog.
 */
import './ui/editor.css';
import { addText } from '../text/catalog.ts';
import { editorText } from '../text/editor.ts';

addText(editorText);

export type { FormatCommand, FormatState } from './editor-session.ts';
export { checkLinkUrl, type LinkCheck } from './link-url.ts';
export {
  htmlToText,
  losesSomething,
  type MessageParts,
  type PlainTextLoss,
  plainTextLoss,
  toMessageParts,
} from './message-parts.ts';
export {
  emptyRichBody,
  INLINE_IMAGE_SIZE_LIMIT,
  type InlineImage,
  isEmptyRichBody,
  plainToRich,
  type RichBody,
  richBodyFromStored,
} from './rich-body.ts';
export { createMailSanitizer, type MailSanitizer, sanitizeMailHtml } from './sanitize.ts';
export { createSignatureStore, type SignatureStore } from './signature-store.ts';
export {
  createTemplateStore,
  type Template,
  type TemplateAttachment,
  type TemplateContent,
  TemplateNameError,
  type TemplateStore,
} from './template-store.ts';
export { type BodyMode, FormatModeSwitch } from './ui/FormatModeSwitch.tsx';
export { MailPreview } from './ui/MailPreview.tsx';
export { RichEditor, type RichEditorProps } from './ui/RichEditor.tsx';
export { SignatureSettings } from './ui/SignatureSettings.tsx';
export { TemplatePanel, type TemplateSource } from './ui/TemplatePanel.tsx';
