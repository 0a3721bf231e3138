/*
 * The browser side of Omnichat's signed-in pages, loaded once per page (NotifierInstaller).
 * The server calls these functions in one-line executeJs calls; everything that has to
 * happen in the browser itself (sound, the title count, desktop notifications, permission
 * prompts inside the user's click) is here.
 */
(() => {
  if (window.omnichat) return;
  const omnichat = window.omnichat = {};

  // ---- keyboard shortcuts (registered on the server with Flow's Shortcuts) ----

  const editable = t => t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

  // "?" opens the shortcuts help, but typed in a field it is a character: it stops at the field.
  document.addEventListener('keydown', e => {
    const target = e.composedPath()[0];
    if (e.key !== '?' || !editable(target)) return;
    const stop = ev => {
      target.removeEventListener('keydown', stop);
      if (ev === e) ev.stopPropagation();
    };
    target.addEventListener('keydown', stop);
  }, true);

  // ---- the composer (Composer) and the chat's mails (MailBody) ----

  /**
   * "/wo" in the composer opened the quick replies: keys typed after the server saw it are
   * still in the input. The search takes the word as the browser has it now, and again when
   * it gets the focus (a task later), so no letter is lost or misplaced.
   */
  omnichat.takeSlashWord = (search, input) => {
    const take = () => {
      const m = /^\/([^\s]*)$/.exec(input.value || '');
      if (m && m[1] !== search.value) {
        search.value = m[1];
        search.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
      }
    };
    take();
    search.addEventListener('focusin', take, {once: true});
  };

  /** A mail's frame grows to its content (same origin, and the frame itself runs no script). */
  omnichat.fitFrame = frame => {
    const fit = () => {
      const d = frame.contentDocument;
      if (d && d.documentElement) frame.style.height = (d.documentElement.scrollHeight + 2) + 'px';
    };
    frame.addEventListener('load', () => {
      fit();
      frame.contentDocument.addEventListener('toggle', fit, true);
    });
  };

  // ---- new-message alerts (NewMessageNotifier) ----

  const alerts = omnichat.alerts = {unread: 0, host: null};
  const strip = t => t.replace(/^\(\d+\) /, '');

  /** The tab tells its notifier whether it is hidden: at start and on every change. */
  const report = () => alerts.host && alerts.host.isConnected
      && alerts.host.dispatchEvent(new CustomEvent('omnichat-visibility', {detail: document.hidden}));

  /** Called by the notifier element whenever it is attached (again). */
  alerts.attach = host => {
    alerts.host = host;
    report();
  };

  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      alerts.unread = 0;
      document.title = strip(document.title);
    }
    report();
  });

  const audio = () => {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return null;
    alerts.context = alerts.context || new Context();
    if (alerts.context.state === 'suspended') alerts.context.resume().catch(() => {});
    return alerts.context;
  };

  // Browsers let a page play sound only after the user has interacted with it.
  const unlock = () => {
    try { audio(); } catch (e) { /* no audio */ }
    document.removeEventListener('pointerdown', unlock, true);
    document.removeEventListener('keydown', unlock, true);
  };
  document.addEventListener('pointerdown', unlock, true);
  document.addEventListener('keydown', unlock, true);

  /** A short two-tone chime; one per burst and browser (whichever tabs hear it) unless always. */
  alerts.chime = always => {
    try {
      const last = Number(localStorage.getItem('omnichat.chime-at') || 0);
      if (!always && Date.now() - last < 1500) return;
      localStorage.setItem('omnichat.chime-at', String(Date.now()));
    } catch (e) { /* no storage: chime anyway */ }
    try {
      const ctx = audio();
      if (!ctx) return;
      const t = ctx.currentTime + 0.01;
      const gain = ctx.createGain();
      gain.connect(ctx.destination);
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.6);
      const tone = ctx.createOscillator();
      tone.type = 'sine';
      tone.frequency.setValueAtTime(880, t);
      tone.frequency.setValueAtTime(1320, t + 0.12);
      tone.connect(gain);
      tone.start(t);
      tone.stop(t + 0.65);
    } catch (e) { /* no audio */ }
  };

  /** A desktop notification (one per tag: a chat's replace each other), if the user allowed them. */
  alerts.notify = (title, body, tag, onClick) => {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    try {
      const note = new Notification(title, {body: body, tag: tag,
          icon: new URL('icons/icon.png', document.baseURI).href});
      note.onclick = () => {
        window.focus();
        note.close();
        if (onClick) onClick();
      };
    } catch (e) { /* e.g. a mobile browser without page notifications */ }
  };

  /** A client's new message: count in the title (while hidden), chime, desktop notification (while hidden). */
  alerts.alert = (chatId, name, preview, count, sound, desktop) => {
    if (count && document.hidden) {
      alerts.unread++;
      document.title = '(' + alerts.unread + ') ' + strip(document.title);
    }
    if (sound) alerts.chime(false);
    if (desktop && document.hidden) {
      alerts.notify(name, preview, 'omnichat-chat-' + chatId, () => alerts.host && alerts.host.dispatchEvent(
          new CustomEvent('omnichat-open-chat', {detail: chatId})));
    }
  };

  /** "Try it" in the notification settings: what a new message would do, now. */
  alerts.tryIt = (sound, desktop, title, body) => {
    if (sound) alerts.chime(true);
    if (desktop) alerts.notify(title, body, 'omnichat-test', null);
  };

  // ---- notification permission (NotificationSettingsDialog) ----

  /**
   * Asks for permission inside the user's own click on the host (browsers require that);
   * a checkbox asks only when it is being checked. The answer comes back as an event.
   */
  omnichat.askPermissionOn = (host, eventName, onlyWhenChecked) => {
    host.addEventListener(eventName, () => {
      if (onlyWhenChecked && !host.checked) return;
      if (!('Notification' in window) || Notification.permission !== 'default') return;
      Notification.requestPermission().then(p => host.dispatchEvent(new CustomEvent('omnichat-permission', {detail: p})));
    });
  };
})();
