/** The compose form after something happened: recipients, attachments, send phases, the draft, the sent log. */
import { defineText } from './define.ts';

export const composeText = defineText({
  'compose.recipient.removed': { en: 'Removed {address}', ja: '{address} を削除しました' },
  'compose.recipients.limit': {
    en: '{count} recipients. Gmail accepts at most {limit} recipients per message sent this way; split the list or some may not get it.',
    ja: '宛先が {count} 件あります。この方法で送る場合、Gmail は 1 通あたり {limit} 件までしか受け付けません。一部に届かないおそれがあるため、分けて送ってください。',
  },
  'compose.attachment.removed': { en: 'Removed {name}', ja: '{name} を削除しました' },
  'compose.attachments.over': {
    en: 'Attachments total {total}, over Gmail’s {limit} limit. Remove {excess} to send.',
    ja: '添付ファイルの合計が {total} で、Gmail の上限 {limit} を超えています。送信するには {excess} 減らしてください。',
  },
  'compose.attached': { en: 'Attached {count} {count|file|files}', ja: '{count} 件のファイルを添付しました' },
  'compose.blocker.no-recipients': { en: 'Add at least one recipient.', ja: '宛先を 1 件以上入力してください。' },
  'compose.blocker.invalid-recipients': {
    en: 'Fix or remove the addresses marked as invalid.',
    ja: '誤りのあるアドレスを修正するか、削除してください。',
  },
  'compose.blocker.attachments-too-large': {
    en: 'Attachments are over Gmail’s size limit.',
    ja: '添付ファイルが Gmail のサイズ上限を超えています。',
  },
  'compose.authorizing': { en: 'Connecting to Google…', ja: 'Google に接続しています…' },
  'compose.fix-recipients': { en: 'Go to recipients', ja: '宛先を確認' },
  'compose.error.code': { en: 'Error code: {code}', ja: 'エラーコード：{code}' },
  'compose.error.unexpected': {
    en: 'Something went wrong while sending: {detail}. Your draft is unchanged.',
    ja: '送信中に問題が発生しました（{detail}）。下書きはそのまま残っています。',
  },
  'compose.extras.add-signature': { en: 'Add my signature', ja: '署名を付ける' },
  'compose.extras.signature.connect': {
    en: 'Connect your Gmail account first: each sending address has its own signature.',
    ja: '先に Gmail アカウントに接続してください。署名は送信元のアドレスごとに設定します。',
  },
  'compose.error.offline-build': {
    en: 'This page is offline and has not yet loaded the part that builds messages. Nothing was sent; your message is still here. Try again when you are back online.',
    ja: 'オフラインのため、メッセージを組み立てる部分をまだ読み込めていません。何も送信されておらず、メッセージはこのまま残っています。オンラインに戻ってから、もう一度お試しください。',
  },
  'compose.error.no-send-service': {
    en: 'The Gmail connection is not ready yet. Wait a moment and try again.',
    ja: 'Gmail との接続の準備がまだできていません。少し待ってからもう一度お試しください。',
  },
  'draft.restored': { en: 'Your unsent draft was restored.', ja: '送信していない下書きを復元しました。' },
  'draft.discard': { en: 'Discard draft', ja: '下書きを破棄' },
  'draft.discarded': { en: 'Draft discarded.', ja: '下書きを破棄しました。' },
  'draft.storage.unavailable': {
    en: 'This browser is not letting the page save drafts (private browsing or storage switched off). Your text stays here until you close the tab.',
    ja: 'このブラウザでは下書きを保存できません（プライベート ブラウジング中か、保存が無効になっています）。入力内容はタブを閉じるまで残ります。',
  },
  'draft.storage.quota': {
    en: 'The browser’s storage is full, so the draft (with its attachments) could not be saved. Your text stays here until you close the tab.',
    ja: 'ブラウザの保存容量がいっぱいのため、下書き（添付ファイルを含む）を保存できませんでした。入力内容はタブを閉じるまで残ります。',
  },
  'draft.storage.failed': {
    en: 'The draft could not be saved in this browser. Your text stays here until you close the tab.',
    ja: 'このブラウザに下書きを保存できませんでした。入力内容はタブを閉じるまで残ります。',
  },
  'sent.clear': { en: 'Clear list', ja: '履歴を消去' },
  'sent.to': { en: 'To {recipients}', ja: '宛先：{recipients}' },
  'sent.no-subject': { en: '(no subject)', ja: '（件名なし）' },
  'sent.open': { en: 'Open in Gmail', ja: 'Gmail で開く' },
  'notice.dismiss': { en: 'Dismiss', ja: '閉じる' },
  'compose.recipient.invalid': { en: 'Not a valid address', ja: '正しいメールアドレスではありません' },
  'compose.recipient.duplicate': { en: 'Already in {field}', ja: '{field} にも入っています' },
  'compose.recipient.disguised': {
    en: 'The name looks like a different address. This mail goes to {address}.',
    ja: '名前が別のアドレスのように見えます。実際の送信先は {address} です。',
  },
  'compose.attachment.hidden-characters': {
    en: 'This name contains invisible or direction-changing characters, shown as ⟨U+…⟩.',
    ja: 'このファイル名には、見えない文字や表示の向きを変える文字が含まれています（⟨U+…⟩ と表示しています）。',
  },
  'compose.drop': { en: 'Drop files to attach them', ja: 'ここにドロップして添付' },
  'compose.attachments.total': { en: '{total} of {limit}', ja: '{total} / {limit}' },
  'compose.attachments.meter': { en: 'Attachment size', ja: '添付ファイルのサイズ' },
  'compose.attachment.remove': { en: 'Remove {name}', ja: '{name} を削除' },
  'compose.recipient.remove': { en: 'Remove {address}', ja: '{address} を削除' },
  'compose.form': { en: 'Compose', ja: 'メールの作成' },
});
