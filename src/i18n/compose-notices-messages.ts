/**
 * Text the compose page needs only after something happened (send phases, errors, draft and storage notices, the
 * sent log): loaded with the later tables, after first paint (catalog.ts).
 */
export const composeNoticeMessages = {
  en: {
    'compose.recipient.removed': 'Removed {address}',
    'compose.recipients.limit':
      '{count} recipients. Gmail accepts at most {limit} recipients per message sent this way; split the list or some may not get it.',
    'compose.attachments': 'Attachments',
    'compose.attachment.removed': 'Removed {name}',
    'compose.attachments.over': 'Attachments total {total}, over Gmail’s {limit} limit. Remove {excess} to send.',
    'compose.attached': 'Attached {count} file(s)',
    'compose.blocker.no-recipients': 'Add at least one recipient.',
    'compose.blocker.invalid-recipients': 'Fix or remove the addresses marked as invalid.',
    'compose.blocker.attachments-too-large': 'Attachments are over Gmail’s size limit.',

    'compose.phase.authorizing': 'Connecting to Google…',
    'compose.phase.preparing': 'Preparing the message…',
    'compose.phase.uploading': 'Sending…',
    'compose.phase.uploading.progress': 'Uploading {sent} of {total}',
    'compose.phase.waiting': 'Gmail asked us to wait. Trying again in {seconds} s.',
    'compose.phase.waiting.short': 'Gmail asked us to wait a moment; sending will continue by itself.',
    'compose.phase.sent': 'Message sent.',
    'compose.phase.cancelled': 'Sending was cancelled. Your draft is unchanged.',
    'compose.open-in-gmail': 'Open in Gmail',
    'compose.new-message': 'Write another',
    'compose.reconnect-and-send': 'Reconnect and send',
    'compose.needs-reauth': 'Google asked to confirm your account again. Your message is ready and will be sent once.',
    'compose.uncertain': 'Not sure this was sent — check your Sent folder before sending again.',
    'compose.check-sent': 'Open Sent folder',
    'compose.send-again': 'Send again',
    'compose.retry': 'Try again',
    'compose.fix-recipients': 'Go to recipients',
    'compose.error.code': 'Code for support: {code}',
    'compose.error.unexpected': 'Something went wrong while sending: {detail}. Your draft is unchanged.',
    'compose.error.no-send-service': 'The Gmail connection is not ready yet. Wait a moment and try again.',

    'draft.restored': 'Your unsent draft was restored.',
    'draft.discard': 'Discard draft',
    'draft.discarded': 'Draft discarded.',
    'draft.storage.unavailable':
      'This browser is not letting the page save drafts (private browsing or storage switched off). Your text stays here until you close the tab.',
    'draft.storage.quota':
      'The browser’s storage is full, so the draft (with its attachments) could not be saved. Your text stays here until you close the tab.',
    'draft.storage.failed':
      'The draft could not be saved on this device. Your text stays here until you close the tab.',

    'sent.title': 'Sent from this device',
    'sent.empty': 'Nothing sent from this device yet.',
    'sent.clear': 'Clear list',
    'sent.to': 'To {recipients}',
    'sent.no-subject': '(no subject)',
    'sent.open': 'Open in Gmail',
    'sent.note': 'Kept only in this browser: time, recipients, subject and link, never the message itself.',

    'notice.dismiss': 'Dismiss',
    'compose.recipient.invalid': 'Not a valid address',
    'compose.recipient.duplicate': 'Already in {field}',
    'compose.recipient.disguised': 'The name looks like a different address. This mail goes to {address}.',
    'compose.attachment.hidden-characters':
      'This name contains invisible or direction-changing characters, shown as ⟨U+…⟩.',
    'compose.drop': 'Drop files to attach them',
    'compose.attachments.total': '{total} of {limit}',
    'compose.attachments.meter': 'Attachment size',
    'compose.cancel': 'Cancel',
    'compose.attachment.remove': 'Remove {name}',
    'compose.recipient.remove': 'Remove {address}',
    'compose.form': 'Compose',
  },
  ja: {
    'compose.recipient.removed': '{address} を削除しました',
    'compose.recipients.limit':
      '宛先が {count} 件あります。この方法で送る場合、Gmail は 1 通あたり {limit} 件までしか受け付けません。一部に届かないおそれがあるため、分けて送ってください。',
    'compose.attachments': '添付ファイル',
    'compose.attachment.removed': '{name} を削除しました',
    'compose.attachments.over':
      '添付ファイルの合計が {total} で、Gmail の上限 {limit} を超えています。送信するには {excess} 減らしてください。',
    'compose.attached': '{count} 件のファイルを添付しました',
    'compose.blocker.no-recipients': '宛先を 1 件以上入力してください。',
    'compose.blocker.invalid-recipients': '誤りのあるアドレスを修正するか、削除してください。',
    'compose.blocker.attachments-too-large': '添付ファイルが Gmail のサイズ上限を超えています。',

    'compose.phase.authorizing': 'Google に接続しています…',
    'compose.phase.preparing': 'メッセージを準備しています…',
    'compose.phase.uploading': '送信しています…',
    'compose.phase.uploading.progress': '{total} 中 {sent} を送信済み',
    'compose.phase.waiting': 'Gmail から待つよう求められました。{seconds} 秒後に再試行します。',
    'compose.phase.waiting.short': 'Gmail から少し待つよう求められました。このまま自動で送信を続けます。',
    'compose.phase.sent': 'メッセージを送信しました。',
    'compose.phase.cancelled': '送信をキャンセルしました。下書きはそのまま残っています。',
    'compose.open-in-gmail': 'Gmail で開く',
    'compose.new-message': '続けて作成',
    'compose.reconnect-and-send': '再接続して送信',
    'compose.needs-reauth':
      'Google からアカウントの再確認を求められました。メッセージは準備できており、再接続後に 1 通だけ送信されます。',
    'compose.uncertain': '送信できたか確認できませんでした。もう一度送る前に、送信済みフォルダをご確認ください。',
    'compose.check-sent': '送信済みフォルダを開く',
    'compose.send-again': 'もう一度送信',
    'compose.retry': '再試行',
    'compose.fix-recipients': '宛先を確認',
    'compose.error.code': 'お問い合わせ用コード：{code}',
    'compose.error.unexpected': '送信中に問題が発生しました（{detail}）。下書きはそのまま残っています。',
    'compose.error.no-send-service': 'Gmail との接続の準備がまだできていません。少し待ってからもう一度お試しください。',

    'draft.restored': '送信していない下書きを復元しました。',
    'draft.discard': '下書きを破棄',
    'draft.discarded': '下書きを破棄しました。',
    'draft.storage.unavailable':
      'このブラウザでは下書きを保存できません（プライベート ブラウジング中か、保存が無効になっています）。入力内容はタブを閉じるまで残ります。',
    'draft.storage.quota':
      'ブラウザの保存容量がいっぱいのため、下書き（添付ファイルを含む）を保存できませんでした。入力内容はタブを閉じるまで残ります。',
    'draft.storage.failed': 'この端末に下書きを保存できませんでした。入力内容はタブを閉じるまで残ります。',

    'sent.title': 'この端末から送信したメール',
    'sent.empty': 'この端末から送信したメールはまだありません。',
    'sent.clear': '履歴を消去',
    'sent.to': '宛先：{recipients}',
    'sent.no-subject': '（件名なし）',
    'sent.open': 'Gmail で開く',
    'sent.note': 'このブラウザ内にだけ、日時・宛先・件名・リンクを保存します。本文は保存しません。',

    'notice.dismiss': '閉じる',
    'compose.recipient.invalid': '正しいメールアドレスではありません',
    'compose.recipient.duplicate': '{field} にも入っています',
    'compose.recipient.disguised': '名前が別のアドレスのように見えます。実際の送信先は {address} です。',
    'compose.attachment.hidden-characters':
      'このファイル名には、見えない文字や表示の向きを変える文字が含まれています（⟨U+…⟩ と表示しています）。',
    'compose.drop': 'ここにドロップして添付',
    'compose.attachments.total': '{total} / {limit}',
    'compose.attachments.meter': '添付ファイルのサイズ',
    'compose.cancel': 'キャンセル',
    'compose.attachment.remove': '{name} を削除',
    'compose.recipient.remove': '{address} を削除',
    'compose.form': 'メールの作成',
  },
} as const;
