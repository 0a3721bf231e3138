/*
 * Omnichat site chat widget. Plain JavaScript, no dependencies, no build step.
 *
 * Embed on any page of the shop:
 *   <script src="https://crm.example.com/widget/omnichat-widget.js" data-channel="CHANNEL_KEY" async></script>
 *
 * Optional attributes: data-lang="en|uk|ru" (default: the browser's language),
 * data-position="left" (default right), data-open="true" (open at once).
 * Page API: window.OmnichatWidget.open() / .close().
 *
 * Safety: everything a visitor or a manager wrote is put on the page with textContent or
 * text nodes only, never as HTML; links become <a> elements only for http(s) addresses.
 * The widget lives in a shadow root, so the shop's styles and ours never mix.
 */
(function () {
  'use strict';

  var script = document.currentScript || findScript();
  if (!script || window.OmnichatWidget) {
    return;
  }
  var channelKey = script.getAttribute('data-channel');
  if (!channelKey) {
    warn('data-channel attribute is missing');
    return;
  }
  var scriptUrl = new URL(script.src, location.href);
  // The widget's files are at <app>/widget/, its API at <app>/widget-api/<channel>.
  var appBase = scriptUrl.origin + scriptUrl.pathname.replace(/\/widget\/[^/]*$/, '');
  var api = script.getAttribute('data-api') || appBase + '/widget-api/' + encodeURIComponent(channelKey);
  var storageKey = 'omnichat.' + channelKey;

  var TEXTS = {
    en: {
      open: 'Chat with us', close: 'Close chat', title: 'Chat with us',
      placeholder: 'Type a message…', send: 'Send', sending: 'Sending…', failed: 'Not sent.',
      retry: 'Retry', read: 'Read', contacts: 'Your contacts', contactsAsk: 'Leave your contacts so we can reach you even after you leave the site.',
      contactsButton: 'Leave contacts', name: 'Name', email: 'E-mail', phone: 'Phone', save: 'Save', cancel: 'Cancel',
      saved: 'Thank you! We saved your contacts.', badEmail: 'Check the e-mail address.', badPhone: 'Check the phone number (digits, may start with +).',
      tooMany: 'Too many messages. Please wait {0} s.', offline: 'Connecting…', tooLong: 'The message is too long (at most {0} characters).',
      error: 'Something went wrong. Please try again.', unavailable: 'The chat is not available right now.', earlier: 'Earlier messages',
      unread: '{0} new messages', you: 'You'
    },
    uk: {
      open: 'Напишіть нам', close: 'Закрити чат', title: 'Напишіть нам',
      placeholder: 'Ваше повідомлення…', send: 'Надіслати', sending: 'Надсилання…', failed: 'Не надіслано.',
      retry: 'Повторити', read: 'Прочитано', contacts: 'Ваші контакти', contactsAsk: 'Залиште контакти, щоб ми могли відповісти, навіть коли ви підете з сайту.',
      contactsButton: 'Залишити контакти', name: 'Ім’я', email: 'E-mail', phone: 'Телефон', save: 'Зберегти', cancel: 'Скасувати',
      saved: 'Дякуємо! Ми зберегли ваші контакти.', badEmail: 'Перевірте адресу e-mail.', badPhone: 'Перевірте номер телефону (цифри, можна з +).',
      tooMany: 'Забагато повідомлень. Зачекайте {0} с.', offline: 'З’єднання…', tooLong: 'Повідомлення задовге (не більше {0} символів).',
      error: 'Щось пішло не так. Спробуйте ще раз.', unavailable: 'Чат зараз недоступний.', earlier: 'Попередні повідомлення',
      unread: 'Нових повідомлень: {0}', you: 'Ви'
    },
    ru: {
      open: 'Напишите нам', close: 'Закрыть чат', title: 'Напишите нам',
      placeholder: 'Ваше сообщение…', send: 'Отправить', sending: 'Отправка…', failed: 'Не отправлено.',
      retry: 'Повторить', read: 'Прочитано', contacts: 'Ваши контакты', contactsAsk: 'Оставьте контакты, чтобы мы могли ответить, даже когда вы уйдёте с сайта.',
      contactsButton: 'Оставить контакты', name: 'Имя', email: 'E-mail', phone: 'Телефон', save: 'Сохранить', cancel: 'Отмена',
      saved: 'Спасибо! Мы сохранили ваши контакты.', badEmail: 'Проверьте адрес e-mail.', badPhone: 'Проверьте номер телефона (цифры, можно с +).',
      tooMany: 'Слишком много сообщений. Подождите {0} с.', offline: 'Соединение…', tooLong: 'Сообщение слишком длинное (не больше {0} символов).',
      error: 'Что-то пошло не так. Попробуйте ещё раз.', unavailable: 'Чат сейчас недоступен.', earlier: 'Предыдущие сообщения',
      unread: 'Новых сообщений: {0}', you: 'Вы'
    }
  };
  var lang = pickLanguage(script.getAttribute('data-lang'));
  var T = TEXTS[lang];

  var MAX_TEXT = 4096;

  // ---- state ----
  var state = {
    token: load('token'),
    settings: null,
    profile: {},
    messages: [],          // server messages, ascending id
    byId: {},              // server id -> message
    pending: [],           // {clientId, text, status: 'sending'|'failed', el}
    lastId: 0,             // highest server message id seen
    firstId: null,         // lowest loaded id (for "earlier messages")
    hasMore: false,
    open: false,
    started: false,
    stream: null,          // AbortController of the running stream
    streamFailures: 0,
    polling: false,
    lastReadSent: 0,
    seenAgentId: Number(load('seen') || 0),
    stopped: false
  };

  // ---- DOM ----
  var host = document.createElement('div');
  host.setAttribute('data-omnichat-widget', '');
  var root = host.attachShadow ? host.attachShadow({mode: 'open'}) : host;
  var css = el('link', {rel: 'stylesheet', href: appBase + '/widget/omnichat-widget.css'});
  var frame = el('div', {class: 'oc-root' + (script.getAttribute('data-position') === 'left' ? ' oc-left' : '')});
  frame.style.visibility = 'hidden';
  css.addEventListener('load', function () { frame.style.visibility = ''; });
  css.addEventListener('error', function () { frame.style.visibility = ''; });

  var badge = el('span', {class: 'oc-badge', hidden: ''});
  var chatIcon = icon('M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z');
  chatIcon.setAttribute('class', 'oc-icon-chat');
  var hideIcon = icon('M6 9l6 6 6-6', true);
  hideIcon.setAttribute('class', 'oc-icon-hide');
  var launcher = el('button', {type: 'button', class: 'oc-launcher', 'aria-label': T.open, title: T.open},
      [chatIcon, hideIcon, badge]);

  var titleEl = el('div', {class: 'oc-title'}, [T.title]);
  var contactsButton = el('button', {type: 'button', class: 'oc-icon-button', 'aria-label': T.contacts, title: T.contacts},
      [icon('M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-4 0-8 2-8 5v1h16v-1c0-3-4-5-8-5z')]);
  var closeButton = el('button', {type: 'button', class: 'oc-icon-button', 'aria-label': T.close, title: T.close},
      [icon('M6 6l12 12M18 6L6 18', true)]);
  var header = el('div', {class: 'oc-header'}, [titleEl, contactsButton, closeButton]);

  var notice = el('div', {class: 'oc-notice', role: 'status', hidden: ''});
  var earlierButton = el('button', {type: 'button', class: 'oc-earlier', hidden: ''}, [T.earlier]);
  var greeting = el('div', {class: 'oc-msg oc-agent oc-greeting', hidden: ''});
  var list = el('div', {class: 'oc-messages', role: 'log', 'aria-live': 'polite'});
  var scroller = el('div', {class: 'oc-scroller'}, [earlierButton, greeting, list]);

  var input = el('textarea', {class: 'oc-input', rows: '1', placeholder: T.placeholder, 'aria-label': T.placeholder,
    maxlength: String(MAX_TEXT)});
  var sendButton = el('button', {type: 'button', class: 'oc-send', 'aria-label': T.send, title: T.send},
      [icon('M3 20l18-8L3 4v6l12 2-12 2z')]);
  var composer = el('div', {class: 'oc-composer'}, [input, sendButton]);

  var form = contactsForm();
  var panel = el('div', {class: 'oc-window', role: 'dialog', 'aria-label': T.title, hidden: ''},
      [header, notice, scroller, form.el, composer]);

  frame.appendChild(panel);
  frame.appendChild(launcher);
  root.appendChild(css);
  root.appendChild(frame);

  launcher.addEventListener('click', function () { state.open ? close() : open(); });
  closeButton.addEventListener('click', close);
  contactsButton.addEventListener('click', function () { form.toggle(); });
  sendButton.addEventListener('click', sendFromInput);
  earlierButton.addEventListener('click', loadEarlier);
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      sendFromInput();
    }
  });
  input.addEventListener('input', autoGrow);
  document.addEventListener('visibilitychange', markRead);
  window.addEventListener('online', function () { if (state.started) { reconnectSoon(0); } });

  function mount() {
    document.body.appendChild(host);
    if (state.token) {
      // A returning visitor: resume now, so replies that came meanwhile show as a badge.
      start().catch(function () { /* shown when opened */ });
    }
    if (script.getAttribute('data-open') === 'true' || session('open') === '1') {
      open();
    }
  }

  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount);
  }

  window.OmnichatWidget = {open: open, close: close};

  // ---- opening and closing ----

  function open() {
    state.open = true;
    session('open', '1');
    panel.hidden = false;
    frame.classList.add('oc-is-open');
    launcher.setAttribute('aria-label', T.close);
    launcher.title = T.close;
    start().then(function () {
      scrollToEnd();
      markRead();
    }, function () { /* the notice says why */ });
    setTimeout(function () { input.focus(); }, 0);
    updateBadge();
  }

  function close() {
    state.open = false;
    session('open', null);
    panel.hidden = true;
    frame.classList.remove('oc-is-open');
    launcher.setAttribute('aria-label', T.open);
    launcher.title = T.open;
  }

  // ---- session ----

  var starting = null;

  /** Starts or resumes the visitor's session once; later calls share the first one. */
  function start() {
    if (state.started) {
      return Promise.resolve();
    }
    if (!starting) {
      starting = startSession().then(function () {
        state.started = true;
        starting = null;
      }, function (e) {
        starting = null;
        throw e;
      });
    }
    return starting;
  }

  function startSession() {
    return request('POST', '/session', {token: state.token || null}, true).then(function (body) {
      applySession(body);
    }, function (e) {
      if (e.status === 401 && state.token) {
        // The token is no longer valid (key rotated, channel recreated): start afresh.
        setToken(null);
        return request('POST', '/session', {token: null}, true).then(applySession);
      }
      showNotice(e.status === 404 || e.status === 403 ? T.unavailable : messageFor(e));
      throw e;
    });
  }

  function applySession(body) {
    setToken(body.token);
    state.settings = body.settings || {};
    state.profile = body.profile || {};
    if (state.settings.title) {
      titleEl.textContent = state.settings.title;
      panel.setAttribute('aria-label', state.settings.title);
    }
    if (state.settings.color && /^#[0-9a-fA-F]{6}$/.test(state.settings.color)) {
      frame.style.setProperty('--oc-accent', state.settings.color);
    }
    if (state.settings.greeting) {
      greeting.textContent = state.settings.greeting;
      greeting.hidden = false;
    }
    hideNotice();
    addMessages(body.messages || [], false);
    state.hasMore = !!body.hasMore;
    earlierButton.hidden = !state.hasMore;
    if (state.messages.length > 0) {
      connect();
    }
    renderContactsPrompt();
  }

  // ---- messages ----

  function addMessages(messages, fromStream) {
    var appended = false;
    messages.forEach(function (m) {
      if (state.byId[m.id]) {
        updateMessage(state.byId[m.id], m);
        return;
      }
      // Our own message, sent from this tab: the pending bubble becomes the real one.
      var pending = m.clientId ? findPending(m.clientId) : null;
      if (pending) {
        state.pending.splice(state.pending.indexOf(pending), 1);
        pending.el.remove();
      }
      m.el = renderMessage(m);
      state.byId[m.id] = m;
      if (m.id > state.lastId) {
        state.messages.push(m);
        list.insertBefore(m.el, firstPendingEl());
        state.lastId = m.id;
        appended = true;
      } else {
        insertInOrder(m);
      }
      if (state.firstId === null || m.id < state.firstId) {
        state.firstId = m.id;
      }
    });
    if (appended) {
      scrollToEnd();
    }
    if (fromStream) {
      markRead();
    }
    updateBadge();
    renderContactsPrompt();
  }

  function insertInOrder(m) {
    var index = 0;
    while (index < state.messages.length && state.messages[index].id < m.id) {
      index++;
    }
    var before = index < state.messages.length ? state.messages[index].el : firstPendingEl();
    state.messages.splice(index, 0, m);
    list.insertBefore(m.el, before);
  }

  function updateMessage(known, m) {
    if (known.status !== m.status) {
      known.status = m.status;
      renderMeta(known);
    }
  }

  function firstPendingEl() {
    return state.pending.length ? state.pending[0].el : null;
  }

  function findPending(clientId) {
    for (var i = 0; i < state.pending.length; i++) {
      if (state.pending[i].clientId === clientId) {
        return state.pending[i];
      }
    }
    return null;
  }

  function renderMessage(m) {
    var mine = m.from === 'visitor';
    var bubble = el('div', {class: 'oc-msg ' + (mine ? 'oc-visitor' : 'oc-agent'), 'data-id': String(m.id)});
    if (!mine && m.author) {
      bubble.appendChild(el('div', {class: 'oc-author'}, [m.author]));
    }
    bubble.appendChild(textBlock(m.text || ''));
    (m.files || []).forEach(function (f) {
      bubble.appendChild(el('div', {class: 'oc-file'}, ['📎 ' + f]));
    });
    var meta = el('div', {class: 'oc-meta'});
    bubble.appendChild(meta);
    m.metaEl = meta;
    renderMeta(m);
    return bubble;
  }

  function renderMeta(m) {
    var parts = [formatTime(m.at)];
    if (m.from === 'visitor' && m.status === 'read') {
      parts.push(T.read);
    }
    m.metaEl.textContent = parts.join(' · ');
  }

  /** Text with line breaks and http(s) links, built from text nodes only. */
  function textBlock(text) {
    var block = el('div', {class: 'oc-text'});
    var pattern = /\bhttps?:\/\/[^\s<>"']+/gi;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      var url = match[0].replace(/[.,;:!?)\]]+$/, '');
      if (match.index > last) {
        block.appendChild(document.createTextNode(text.slice(last, match.index)));
      }
      var link = el('a', {href: url, target: '_blank', rel: 'noopener noreferrer nofollow'}, [url]);
      block.appendChild(link);
      last = match.index + url.length;
      pattern.lastIndex = last;
    }
    if (last < text.length) {
      block.appendChild(document.createTextNode(text.slice(last)));
    }
    return block;
  }

  function loadEarlier() {
    if (!state.firstId) {
      return;
    }
    var height = scroller.scrollHeight;
    request('GET', '/messages?before=' + state.firstId).then(function (body) {
      addMessages(body.messages || [], false);
      state.hasMore = !!body.hasMore;
      earlierButton.hidden = !state.hasMore;
      scroller.scrollTop = scroller.scrollHeight - height;
    }, function (e) { showNotice(messageFor(e)); });
  }

  // ---- sending ----

  function sendFromInput() {
    var text = input.value.replace(/^\s+|\s+$/g, '');
    if (!text) {
      return;
    }
    if (text.length > MAX_TEXT) {
      showNotice(format(T.tooLong, MAX_TEXT));
      return;
    }
    input.value = '';
    autoGrow();
    var item = {clientId: newId(), text: text, status: 'sending'};
    item.el = renderPending(item);
    state.pending.push(item);
    list.appendChild(item.el);
    scrollToEnd();
    start().then(function () { deliver(item, 0); }, function () { failed(item); });
  }

  /** Sends (or re-sends) one message. The client id makes a retry safe: the server stores it once. */
  function deliver(item, attempt) {
    item.status = 'sending';
    renderPendingMeta(item);
    request('POST', '/messages', {clientId: item.clientId, text: item.text}).then(function (message) {
      addMessages([message], false);
      connect();
    }, function (e) {
      if (e.status === 429) {
        showNotice(format(T.tooMany, e.retryAfter || 10));
        failed(item);
      } else if (e.status === 0 && attempt < 3) {
        // Network trouble: try again a little later with the same id.
        setTimeout(function () { deliver(item, attempt + 1); }, 1000 * Math.pow(2, attempt));
      } else {
        if (e.status !== 0) {
          showNotice(messageFor(e));
        }
        failed(item);
      }
    });
  }

  function failed(item) {
    item.status = 'failed';
    renderPendingMeta(item);
  }

  function renderPending(item) {
    var bubble = el('div', {class: 'oc-msg oc-visitor oc-pending'});
    item.el = bubble;
    bubble.appendChild(textBlock(item.text));
    item.metaEl = el('div', {class: 'oc-meta'});
    bubble.appendChild(item.metaEl);
    renderPendingMeta(item);
    return bubble;
  }

  function renderPendingMeta(item) {
    clear(item.metaEl);
    item.el.classList.toggle('oc-failed', item.status === 'failed');
    if (item.status === 'failed') {
      item.metaEl.appendChild(document.createTextNode(T.failed + ' '));
      var retry = el('button', {type: 'button', class: 'oc-retry'}, [T.retry]);
      retry.addEventListener('click', function () {
        hideNotice();
        start().then(function () { deliver(item, 0); }, function () { failed(item); });
      });
      item.metaEl.appendChild(retry);
    } else {
      item.metaEl.textContent = T.sending;
    }
  }

  // ---- receiving: a server-sent event stream, long polling as the fallback ----

  var reconnectTimer = null;

  function connect() {
    if (state.stream || state.polling || state.stopped || !state.token) {
      return;
    }
    if (state.streamFailures >= 3 || !window.ReadableStream || !window.TextDecoder) {
      poll();
      return;
    }
    stream();
  }

  function stream() {
    var controller = new AbortController();
    state.stream = controller;
    var opened = Date.now();
    var healthy = false;
    fetch(api + '/stream?after=' + state.lastId, {
      headers: {'Authorization': 'Bearer ' + state.token, 'Accept': 'text/event-stream'},
      cache: 'no-store', signal: controller.signal
    }).then(function (response) {
      if (response.status === 401) {
        throw {status: 401};
      }
      if (response.status === 429) {
        throw {status: 429, retryAfter: Number(response.headers.get('Retry-After')) || 30};
      }
      if (!response.ok || !response.body) {
        throw {status: response.status};
      }
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function next() {
        return reader.read().then(function (chunk) {
          if (chunk.done) {
            return;
          }
          buffer += decoder.decode(chunk.value, {stream: true});
          var events = buffer.split(/\r?\n\r?\n/);
          buffer = events.pop();
          events.forEach(function (raw) {
            var event = parseEvent(raw);
            if (event.type === 'ready') {
              healthy = true;
              state.streamFailures = 0;
              hideNotice();
            } else if (event.type === 'message' && event.data) {
              addMessages([JSON.parse(event.data)], true);
            } else if (event.type === 'status' && event.data) {
              var status = JSON.parse(event.data);
              var known = state.byId[status.id];
              if (known) {
                updateMessage(known, status);
              }
            }
          });
          return next();
        });
      }
      return next();
    }).then(function () {
      state.stream = null;
      // The server ends a stream now and then (time limit): reconnect at once. A stream that
      // ended early (the server was stopping, or too many tabs) waits a little first.
      reconnectSoon(Date.now() - opened > 10000 ? 0 : backoff());
    }, function (e) {
      state.stream = null;
      if (controller.signal.aborted) {
        return;
      }
      if (e && e.status === 401) {
        restart();
        return;
      }
      if (e && e.status === 429) {
        // Too many open streams from this address: a stream will work again, polling would be refused too.
        reconnectSoon(e.retryAfter * 1000);
        return;
      }
      if (!healthy) {
        state.streamFailures++;
      }
      if (state.streamFailures > 1) {
        showNotice(T.offline);
      }
      reconnectSoon(backoff());
    });
  }

  function poll() {
    state.polling = true;
    request('GET', '/poll?after=' + state.lastId).then(function (body) {
      state.polling = false;
      state.streamFailures = Math.max(state.streamFailures, 3);
      hideNotice();
      addMessages(body.messages || [], true);
      (body.statuses || []).forEach(function (s) {
        if (state.byId[s.id]) {
          updateMessage(state.byId[s.id], s);
        }
      });
      reconnectSoon(0);
    }, function (e) {
      state.polling = false;
      if (e.status === 401) {
        restart();
        return;
      }
      if (e.status === 429) {
        reconnectSoon((e.retryAfter || 30) * 1000);
        return;
      }
      showNotice(T.offline);
      reconnectSoon(backoff());
    });
  }

  function parseEvent(raw) {
    var event = {type: 'message', data: ''};
    raw.split(/\r?\n/).forEach(function (line) {
      if (line.indexOf('event:') === 0) {
        event.type = line.slice(6).trim();
      } else if (line.indexOf('data:') === 0) {
        event.data += line.slice(5).replace(/^ /, '');
      } else if (line.charAt(0) === ':') {
        event.type = event.data ? event.type : 'comment';
      }
    });
    return event;
  }

  var attempts = 0;

  function backoff() {
    attempts++;
    var base = Math.min(30000, 1000 * Math.pow(2, Math.min(attempts, 5)));
    return base / 2 + Math.random() * base / 2;
  }

  function reconnectSoon(delay) {
    if (delay === 0) {
      attempts = 0;
    }
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(connect, delay);
  }

  /** The token was rejected while running: start a fresh session (the server forgot us). */
  function restart() {
    setToken(null);
    state.started = false;
    start().catch(function () { /* notice shown */ });
  }

  // ---- read receipts and the unread badge ----

  function lastAgentId() {
    for (var i = state.messages.length - 1; i >= 0; i--) {
      if (state.messages[i].from !== 'visitor') {
        return state.messages[i].id;
      }
    }
    return 0;
  }

  function markRead() {
    updateBadge();
    if (!state.open || document.visibilityState === 'hidden' || !state.token) {
      return;
    }
    var upTo = lastAgentId();
    if (upTo > state.seenAgentId) {
      state.seenAgentId = upTo;
      store('seen', String(upTo));
      updateBadge();
    }
    if (upTo > state.lastReadSent) {
      state.lastReadSent = upTo;
      request('POST', '/read', {upTo: upTo}).catch(function () { state.lastReadSent = 0; });
    }
  }

  function updateBadge() {
    var unread = 0;
    state.messages.forEach(function (m) {
      if (m.from !== 'visitor' && m.id > state.seenAgentId) {
        unread++;
      }
    });
    if (state.open || unread === 0) {
      badge.hidden = true;
      badge.textContent = '';
    } else {
      badge.hidden = false;
      badge.textContent = unread > 9 ? '9+' : String(unread);
      badge.title = format(T.unread, unread);
    }
  }

  // ---- the contacts form ----

  var prompt = null;

  /** After the visitor's first message, invite him to leave contacts (once he has none). */
  function renderContactsPrompt() {
    var wanted = state.settings && state.settings.askContacts !== false && !hasContacts()
        && state.messages.some(function (m) { return m.from === 'visitor'; });
    if (!wanted) {
      if (prompt) {
        prompt.remove();
        prompt = null;
      }
      return;
    }
    if (!prompt) {
      var button = el('button', {type: 'button', class: 'oc-link-button'}, [T.contactsButton]);
      button.addEventListener('click', function () { form.show(); });
      prompt = el('div', {class: 'oc-prompt'}, [el('div', {}, [T.contactsAsk]), button]);
    }
    list.appendChild(prompt);
  }

  function hasContacts() {
    return !!(state.profile.email || state.profile.phone);
  }

  function contactsForm() {
    var name = field('name', T.name, 'text', 'name', 200);
    var email = field('email', T.email, 'email', 'email', 254);
    var phone = field('phone', T.phone, 'tel', 'tel', 30);
    var error = el('div', {class: 'oc-form-error', role: 'alert', hidden: ''});
    var save = el('button', {type: 'submit', class: 'oc-primary'}, [T.save]);
    var cancel = el('button', {type: 'button', class: 'oc-secondary'}, [T.cancel]);
    var formEl = el('form', {class: 'oc-form', hidden: '', novalidate: ''},
        [el('div', {class: 'oc-form-title'}, [T.contacts]), name.wrap, email.wrap, phone.wrap, error,
          el('div', {class: 'oc-form-buttons'}, [cancel, save])]);
    cancel.addEventListener('click', hide);
    formEl.addEventListener('submit', function (e) {
      e.preventDefault();
      var data = {name: name.input.value.trim(), email: email.input.value.trim(), phone: phone.input.value.trim()};
      if (data.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(data.email)) {
        return showError(T.badEmail);
      }
      if (data.phone && !/^\+?[0-9 ()\-]{5,25}$/.test(data.phone)) {
        return showError(T.badPhone);
      }
      save.disabled = true;
      start().then(function () {
        return request('PUT', '/profile', data);
      }).then(function (profile) {
        save.disabled = false;
        state.profile = profile || data;
        hide();
        showNotice(T.saved, true);
        renderContactsPrompt();
      }, function (e) {
        save.disabled = false;
        showError(e.field === 'email' ? T.badEmail : e.field === 'phone' ? T.badPhone : messageFor(e));
      });
    });

    function showError(text) {
      error.textContent = text;
      error.hidden = false;
    }

    function show() {
      name.input.value = state.profile.name || '';
      email.input.value = state.profile.email || '';
      phone.input.value = state.profile.phone || '';
      error.hidden = true;
      formEl.hidden = false;
      composer.hidden = true;
      name.input.focus();
    }

    function hide() {
      formEl.hidden = true;
      composer.hidden = false;
    }

    return {el: formEl, show: show, toggle: function () { formEl.hidden ? show() : hide(); }};
  }

  function field(id, label, type, autocomplete, max) {
    var inputEl = el('input', {type: type, name: id, autocomplete: autocomplete, maxlength: String(max),
      id: 'oc-' + id});
    return {input: inputEl, wrap: el('label', {class: 'oc-field'}, [el('span', {}, [label]), inputEl])};
  }

  // ---- the public API over HTTP ----

  /**
   * A JSON request to the widget API. Rejects with {status, retryAfter, field, error}:
   * status 0 for a network failure.
   */
  function request(method, path, body, noAuth) {
    var headers = {'Accept': 'application/json'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (state.token && !noAuth) {
      headers['Authorization'] = 'Bearer ' + state.token;
    }
    return fetch(api + path, {
      method: method, headers: headers, cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try {
          data = text ? JSON.parse(text) : null;
        } catch (ignored) {
          data = null;
        }
        if (response.ok) {
          return data;
        }
        var retryAfter = Number(response.headers.get('Retry-After')) || (data && data.retryAfter) || 0;
        throw {status: response.status, retryAfter: retryAfter, field: data && data.field, error: data && data.error};
      });
    }, function () {
      throw {status: 0};
    });
  }

  function messageFor(e) {
    if (e.status === 429) {
      return format(T.tooMany, e.retryAfter || 10);
    }
    if (e.status === 0) {
      return T.offline;
    }
    if (e.error === 'too-long') {
      return format(T.tooLong, MAX_TEXT);
    }
    return T.error;
  }

  // ---- small helpers ----

  var noticeTimer = null;

  function showNotice(text, transient) {
    notice.textContent = text;
    notice.hidden = false;
    clearTimeout(noticeTimer);
    if (transient) {
      noticeTimer = setTimeout(hideNotice, 4000);
    }
  }

  function hideNotice() {
    notice.hidden = true;
  }

  function scrollToEnd() {
    scroller.scrollTop = scroller.scrollHeight;
  }

  function autoGrow() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 120) + 'px';
  }

  function formatTime(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) {
      return '';
    }
    var today = new Date();
    var time = date.toLocaleTimeString(lang, {hour: '2-digit', minute: '2-digit'});
    return date.toDateString() === today.toDateString() ? time
        : date.toLocaleDateString(lang, {day: 'numeric', month: 'short'}) + ' ' + time;
  }

  /** Builds an element; children are strings (as text) or nodes. Never parses HTML. */
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function icon(path, stroke) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var p = document.createElementNS(ns, 'path');
    p.setAttribute('d', path);
    if (stroke) {
      p.setAttribute('fill', 'none');
      p.setAttribute('stroke', 'currentColor');
      p.setAttribute('stroke-width', '2');
      p.setAttribute('stroke-linecap', 'round');
    } else {
      p.setAttribute('fill', 'currentColor');
    }
    svg.appendChild(p);
    return svg;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function format(text, value) {
    return text.replace('{0}', String(value));
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  function setToken(token) {
    state.token = token;
    store('token', token);
    if (!token) {
      store('seen', null);
      state.seenAgentId = 0;
    }
  }

  function load(name) {
    try {
      return localStorage.getItem(storageKey + '.' + name);
    } catch (e) {
      return null;
    }
  }

  function store(name, value) {
    try {
      if (value === null || value === undefined) {
        localStorage.removeItem(storageKey + '.' + name);
      } else {
        localStorage.setItem(storageKey + '.' + name, value);
      }
    } catch (e) {
      // Storage blocked (private mode): the session lasts as long as the page.
    }
  }

  function session(name, value) {
    try {
      if (value === undefined) {
        return sessionStorage.getItem(storageKey + '.' + name);
      }
      if (value === null) {
        sessionStorage.removeItem(storageKey + '.' + name);
      } else {
        sessionStorage.setItem(storageKey + '.' + name, value);
      }
    } catch (e) {
      return null;
    }
    return null;
  }

  function pickLanguage(wanted) {
    var candidates = [wanted].concat(navigator.languages || [navigator.language]);
    for (var i = 0; i < candidates.length; i++) {
      var code = (candidates[i] || '').toLowerCase().slice(0, 2);
      if (TEXTS[code]) {
        return code;
      }
    }
    return 'en';
  }

  function findScript() {
    var scripts = document.querySelectorAll('script[data-channel][src*="omnichat-widget"]');
    return scripts.length ? scripts[scripts.length - 1] : null;
  }

  function warn(text) {
    if (window.console) {
      console.warn('Omnichat widget: ' + text);
    }
  }
})();
