/** Text the compose page shows at first paint (labels, buttons). Later text is in compose-notices-messages.ts. */
export const composeMessages = {
  en: {
    'app.name': 'Fumi',
    'app.demo': 'Demo',
    'app.demo.detail': 'Offline Google: nothing leaves this computer.',
    'app.demo.outbox': 'Open the demo outbox',
    'app.language': 'Language',
    'app.skip': 'Skip to the message',

    'compose.title': 'New message',
    'compose.to': 'To',
    'compose.cc': 'Cc',
    'compose.bcc': 'Bcc',
    'compose.show-copies': 'Cc and Bcc',
    'compose.subject': 'Subject',
    'compose.body': 'Message',
    'compose.recipients.hint': 'Separate addresses with a comma, semicolon or Enter.',

    'compose.attach': 'Attach files',

    'compose.send': 'Send',
    'compose.send.shortcut': 'Ctrl+Enter',
    'compose.send.shortcut.mac': '⌘+Enter',
    'app.loading': 'Loading…',
  },
  ja: {
    'app.name': 'Fumi',
    'app.demo': 'デモ',
    'app.demo.detail': 'オフラインの Google に接続中です。メールはこのパソコンの外には送られません。',
    'app.demo.outbox': 'デモの送信箱を開く',
    'app.language': '表示言語',
    'app.skip': '本文へ移動',

    'compose.title': '新規メッセージ',
    'compose.to': '宛先',
    'compose.cc': 'Cc',
    'compose.bcc': 'Bcc',
    'compose.show-copies': 'Cc と Bcc',
    'compose.subject': '件名',
    'compose.body': '本文',
    'compose.recipients.hint': 'アドレスはカンマ、セミコロン、Enter で区切ります。',

    'compose.attach': 'ファイルを添付',

    'compose.send': '送信',
    'compose.send.shortcut': 'Ctrl+Enter',
    'compose.send.shortcut.mac': '⌘+Enter',
    'app.loading': '読み込み中…',
  },
} as const;
