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
  'compose.attached': { en: 'Attached {count} file(s)', ja: '{count} 件のファイルを添付しました' },
  'compose.blocker.no-recipients': { en: 'Add at least one recipient.', ja: '宛先を 1 件以上入力してください。' },
  'compose.blocker.invalid-recipients': {
    en: 'Fix or remove the addresses marked as invalid.',
    ja: '誤りのあるアドレスを修正するか、削除してください。',
  },
  'compose.blocker.attachments-too-large': {
    en: 'Attachments are over Gmail’s size limit.',
    ja: '添付ファイルが Gmail のサイズ上限を超えています。',
  },
  'compose.phase.authorizing': { en: 'Connecting to Google…', ja: 'Google に接続しています…' },
  'compose.phase.preparing': { en: 'Preparing the message…', ja: 'メッセージを準備しています…' },
  'compose.phase.uploading': { en: 'Sending…', ja: '送信しています…' },
  'compose.phase.uploading.progress': { en: 'Uploading {sent} of {total}', ja: '{total} 中 {sent} を送信済み' },
  'compose.phase.waiting': {
    en: 'Gmail asked us to wait. Trying again in {seconds} s.',
    ja: 'Gmail から待つよう求められました。{seconds} 秒後に再試行します。',
  },
  'compose.phase.waiting.short': {
    en: 'Gmail asked us to wait a moment; sending will continue by itself.',
    ja: 'Gmail から少し待つよう求められました。このまま自動で送信を続けます。',
  },
  'compose.phase.sent': { en: 'Message sent.', ja: 'メッセージを送信しました。' },
  'compose.phase.cancelled': {
    en: 'Sending was cancelled. Your draft is unchanged.',
    ja: '送信をキャンセルしました。下書きはそのまま残っています。',
  },
  'compose.open-in-gmail': { en: 'Open in Gmail', ja: 'Gmail で開く' },
  'compose.new-message': { en: 'Write another', ja: '続けて作成' },
  'compose.reconnect-and-send': { en: 'Reconnect and send', ja: '再接続して送信' },
  'compose.needs-reauth': {
    en: 'Google asked to confirm your account again. Your message is ready and will be sent once.',
    ja: 'Google からアカウントの再確認を求められました。メッセージは準備できており、再接続後に 1 通だけ送信されます。',
  },
  'compose.uncertain': {
    en: 'Not sure this was sent — check your Sent folder before sending again.',
    ja: '送信できたか確認できませんでした。もう一度送る前に、送信済みフォルダをご確認ください。',
  },
  'compose.check-sent': { en: 'Open Sent folder', ja: '送信済みフォルダを開く' },
  'compose.send-again': { en: 'Send again', ja: 'もう一度送信' },
  'compose.retry': { en: 'Try again', ja: '再試行' },
  'compose.fix-recipients': { en: 'Go to recipients', ja: '宛先を確認' },
  'compose.error.code': { en: 'Code for support: {code}', ja: 'お問い合わせ用コード：{code}' },
  'compose.error.unexpected': {
    en: 'Something went wrong while sending: {detail}. Your draft is unchanged.',
    ja: '送信中に問題が発生しました（{detail}）。下書きはそのまま残っています。',
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
    en: 'The draft could not be saved on this device. Your text stays here until you close the tab.',
    ja: 'この端末に下書きを保存できませんでした。入力内容はタブを閉じるまで残ります。',
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
  'compose.cancel': { en: 'Cancel', ja: 'キャンセル' },
  'compose.attachment.remove': { en: 'Remove {name}', ja: '{name} を削除' },
  'compose.recipient.remove': { en: 'Remove {address}', ja: '{address} を削除' },
  'compose.form': { en: 'Compose', ja: 'メールの作成' },
});
