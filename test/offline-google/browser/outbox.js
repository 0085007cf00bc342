// Outbox page of the offline Google: what the double "sent". Mail content is untrusted: it is only ever written with
// textContent, never as HTML.
(() => {
  const list = document.getElementById('messages');
  const status = document.getElementById('status');

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function addresses(list) {
    return (list || []).map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ');
  }

  function decodeBase64(text) {
    const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  }

  function row(dl, label, value) {
    if (!value) return;
    dl.append(el('dt', label), el('dd', value));
  }

  // Like Gmail, /mail/u/<address>/ shows that account's mailbox; /mail/ and /mail/u/0/ show every account.
  const pathAccount = /^\/mail\/u\/([^/]+@[^/]+)\/?$/.exec(decodeURIComponent(location.pathname));
  const account = pathAccount ? pathAccount[1].toLowerCase() : null;

  function render(all) {
    const messages = account ? all.filter((m) => m.account.toLowerCase() === account) : all;
    list.replaceChildren();
    const focus = /#sent\/([0-9a-f]+)/.exec(location.hash);
    const who = account ? ` from ${account}` : '';
    status.textContent =
      messages.length === 0 ? `Nothing sent yet${who}.` : `${messages.length} sent message(s)${who}, newest first.`;
    for (const message of [...messages].reverse()) {
      const item = el('article', null, 'message');
      item.id = `sent-${message.id}`;
      item.setAttribute('aria-labelledby', `subject-${message.id}`);
      const heading = el('h2', message.parsed.subject || '(no subject)');
      heading.id = `subject-${message.id}`;
      item.append(heading);
      const dl = el('dl');
      row(dl, 'From', message.parsed.from ? addresses([message.parsed.from]) : '');
      row(dl, 'To', addresses(message.parsed.to));
      row(dl, 'Cc', addresses(message.parsed.cc));
      row(dl, 'Bcc', addresses(message.parsed.bcc));
      row(dl, 'Date', message.parsed.date);
      row(dl, 'Account', message.account);
      row(
        dl,
        'Gmail id',
        `${message.id} (thread ${message.threadId}, labels ${message.labelIds.join(', ')}, via ${message.via})`,
      );
      item.append(dl);
      item.append(el('h3', 'Body'), el('pre', message.parsed.text ?? '(no text part)', 'body'));
      if (message.parsed.attachments.length) {
        item.append(el('h3', 'Attachments'));
        const ul = el('ul');
        message.parsed.attachments.forEach((attachment, index) => {
          const li = el('li');
          const link = el('a', attachment.filename || `attachment-${index + 1}`);
          link.href = `/mail/api/attachment/${message.id}/${index}`;
          link.setAttribute('download', attachment.filename || `attachment-${index + 1}`);
          li.append(link, el('span', ` ${attachment.mimeType}, ${attachment.size} bytes`));
          ul.append(li);
        });
        item.append(ul);
      }
      const details = el('details');
      details.append(el('summary', 'Raw message'), el('pre', decodeBase64(message.rawBase64), 'raw'));
      item.append(details);
      if (focus && focus[1] === message.id) item.classList.add('focus');
      list.append(item);
    }
    const target = focus && document.getElementById(`sent-${focus[1]}`);
    if (target) target.scrollIntoView();
  }

  async function refresh() {
    try {
      const reply = await fetch('/mail/api/outbox', { cache: 'no-store' });
      render(await reply.json());
    } catch (error) {
      status.textContent = `Could not load the outbox: ${error}`;
    }
  }
  document.getElementById('refresh').addEventListener('click', refresh);
  window.addEventListener('hashchange', refresh);
  refresh();
})();
