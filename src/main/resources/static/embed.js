/*
 * Tribune embed: the discussion under any page of a site that allows the page's origin.
 *
 *   <div data-tribune-thread data-url="https://news.example.org/story" data-title="Story"></div>
 *   <script src="https://COMMENTS-HOST/embed.js" async></script>
 *
 * It renders inline, in a shadow root (see docs/embed.md for why not an iframe), and talks to the
 * JSON API without cookies: the reader's browser token and session travel in headers and live in
 * this page's own storage, which third-party cookie blocking does not touch.
 *
 * Readers sign in either through the host site (data-sso-token="JWT", or Tribune.signIn(jwt) on
 * single-page sites; Tribune.signOut() or a page without the token signs them out again), or with
 * "Sign in", which opens a popup on the comments host that hands back a one-time code.
 */
(function () {
  'use strict';
  if (window.Tribune && window.Tribune.version) return;

  var script = document.currentScript || document.querySelector('script[src$="/embed.js"]');
  var BASE = new URL(script.src, location.href).origin;
  var STORE_KEY = 'tribune:' + BASE;
  var REASONS = [['spam', 'Spam'], ['abusive', 'Abusive'], ['harassment', 'Harassment'], ['hate-speech', 'Hate speech'],
    ['offensive', 'Offensive'], ['off-topic', 'Off topic'], ['misinformation', 'Misinformation'], ['other', 'Something else']];
  var threads = [];

  // ---- the reader's tokens: this page's localStorage (first-party), else memory ----
  var memory = {};
  function stored() {
    try { return JSON.parse(localStorage.getItem(STORE_KEY) || '{}') || {}; } catch (e) { return memory; }
  }
  function remember(key, value) {
    var s = stored();
    if (value == null) delete s[key]; else s[key] = value;
    memory = s;
    try { localStorage.setItem(STORE_KEY, JSON.stringify(s)); } catch (e) { /* private mode: memory only */ }
  }

  /** Keeps a session from any sign-in endpoint; via is 'sso' (the host site vouched) or 'popup'. */
  function keep(session, via, ssoToken) {
    remember('session', session.token);
    remember('reader', { name: session.reader.displayName, role: session.reader.role, badges: session.reader.badges || [] });
    remember('via', via);
    remember('sso', ssoToken || null);
  }
  function forget() {
    ['session', 'reader', 'via', 'sso'].forEach(function (k) { remember(k, null); });
  }

  // ---- the API, cross-origin, never with cookies ----
  function api(method, path, body, retried) {
    var s = stored();
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (s.browser) headers['Tribune-Browser'] = s.browser;
    if (s.session) headers['Authorization'] = 'Bearer ' + s.session;
    return fetch(BASE + path, {
      method: method, headers: headers, credentials: 'omit', mode: 'cors',
      // The API lets shared caches keep threads a few seconds; this reader checks with the server
      // each time, or a reload right after posting would show the thread without their comment.
      cache: 'no-cache',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (r) {
      var token = r.headers.get('Tribune-Browser');
      if (token) remember('browser', token);
      if (r.status === 204) return null;
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (r.ok) return j;
        if (r.status === 401 && (j.type || '').split('/').pop() === 'invalid-token' && !retried) {
          // The session ended (signed out everywhere, expired): carry on as a guest.
          forget();
          return api(method, path, body, true);
        }
        var e = new Error(j.detail || ('The comments server answered ' + r.status + '.'));
        e.status = r.status; e.type = (j.type || '').split('/').pop(); e.fields = j.errors || {};
        throw e;
      });
    }, function () {
      throw new Error('The comments could not be reached from this page. If you run this site, check that its origin is allowed and its Content-Security-Policy lets ' + BASE + ' in.');
    });
  }

  // ---- small DOM helpers ----
  function el(tag, attrs, children) {
    var n = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (attrs[k] == null || attrs[k] === false) return;
      if (k === 'text') n.textContent = attrs[k];
      else if (k.slice(0, 2) === 'on') n.addEventListener(k.slice(2), attrs[k]);
      else n.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return n;
  }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }
  function ago(iso) {
    var s = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
    if (s < 60) return 'just now';
    if (s < 3600) return plural(Math.floor(s / 60), 'minute', 'minutes') + ' ago';
    if (s < 86400) return plural(Math.floor(s / 3600), 'hour', 'hours') + ' ago';
    if (s < 86400 * 30) return plural(Math.floor(s / 86400), 'day', 'days') + ' ago';
    return new Date(iso).toLocaleDateString();
  }

  // ---- light or dark, following the host page ----
  function luminance(color) {
    var m = /rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[,/ ]+([\d.]+))?/.exec(color || '');
    if (!m || (m[4] !== undefined && parseFloat(m[4]) < 0.5)) return null;
    return (0.2126 * m[1] + 0.7152 * m[2] + 0.0722 * m[3]) / 255;
  }
  function hostScheme(host) {
    var wanted = host.getAttribute('data-theme');
    if (wanted === 'dark' || wanted === 'light') return wanted;
    for (var n = host.parentElement; n; n = n.parentElement) {
      var l = luminance(getComputedStyle(n).backgroundColor);
      if (l !== null) return l < 0.45 ? 'dark' : 'light';
    }
    var cs = getComputedStyle(document.documentElement).colorScheme || '';
    if (cs.trim() === 'dark') return 'dark';
    if (cs.trim() === 'light') return 'light';
    return window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  function followScheme() {
    threads.forEach(function (t) { t.root.setAttribute('data-scheme', hostScheme(t.host)); });
  }

  // ---- one thread under one host element ----
  function Thread(host) {
    this.host = host;
    var shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '';
    shadow.appendChild(el('link', { rel: 'stylesheet', href: BASE + '/static/embed.css' }));
    this.root = el('section', { 'class': 'tribune', 'aria-label': 'Comments' });
    shadow.appendChild(this.root);
    this.sort = host.getAttribute('data-sort') || 'oldest';
    this.root.setAttribute('data-scheme', hostScheme(host));
  }

  Thread.prototype.pageUrl = function () {
    var given = this.host.getAttribute('data-url');
    var canonical = document.querySelector('link[rel="canonical"]');
    var raw = given || (canonical && canonical.href) || location.href;
    var u = new URL(raw, document.baseURI);
    u.hash = '';
    return u.href;
  };

  Thread.prototype.start = function () {
    var self = this;
    self.root.appendChild(el('p', { 'class': 'loading', text: 'Loading comments…' }));
    var q = '?url=' + encodeURIComponent(self.pageUrl()) + '&title=' + encodeURIComponent(self.host.getAttribute('data-title') || document.title);
    var id = self.host.getAttribute('data-id');
    if (id) q += '&id=' + encodeURIComponent(id);
    return followHost(self.host).then(function () { return api('GET', '/api/v1/pages' + q); }).then(function (page) {
      self.page = page;
      self.discussion = page.discussion;
      self.render();
      self.listen();
    }).catch(function (e) { self.fail(e); });
  };

  Thread.prototype.fail = function (e) {
    this.root.innerHTML = '';
    this.root.appendChild(el('p', { 'class': 'refused', role: 'alert', text: e.message }));
  };

  Thread.prototype.render = function () {
    var self = this, d = self.discussion;
    self.root.innerHTML = '';
    self.count = el('h2', { 'class': 'count' });
    var sort = el('select', { 'class': 'sort', 'aria-label': 'Order', onchange: function () { self.sort = sort.value; self.load(); } },
      [['oldest', 'Oldest first'], ['newest', 'Newest first'], ['best', 'Best first']].map(function (o) {
        return el('option', { value: o[0], selected: o[0] === self.sort, text: o[1] });
      }));
    self.fresh = el('button', { type: 'button', 'class': 'fresh', hidden: true, onclick: function () { self.load(); } });
    self.root.appendChild(el('header', { 'class': 'bar' }, [self.count, sort]));
    self.root.appendChild(self.account());
    self.root.appendChild(self.fresh);
    if (d.open) self.root.appendChild(self.form(null));
    else self.root.appendChild(el('p', { 'class': 'closed', text: 'Comments are closed.' }));
    self.list = el('ol', { 'class': 'comments' });
    self.more = el('button', { type: 'button', 'class': 'more', hidden: true, text: 'Show more comments', onclick: function () { self.load(self.next); } });
    self.root.appendChild(self.list);
    self.root.appendChild(self.more);
    self.showCount();
    return self.load();
  };

  Thread.prototype.showCount = function () {
    this.count.textContent = plural(this.discussion.commentCount, 'comment', 'comments');
  };

  /** Loads the first page (no cursor) or the next one, then the reader's own votes. */
  Thread.prototype.load = function (cursor) {
    var self = this;
    var path = '/api/v1/discussions/' + self.discussion.id + '/comments?sort=' + self.sort + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
    return api('GET', path).then(function (page) {
      if (!cursor) { self.list.innerHTML = ''; self.fresh.hidden = true; self.unseen = 0; }
      self.discussion = page.discussion;
      self.showCount();
      page.comments.forEach(function (c) { self.place(c, null); });
      self.next = page.nextCursor;
      self.more.hidden = !page.nextCursor;
      return self.personal();
    }).catch(function (e) { self.fail(e); });
  };

  /** The reader's votes and own comments: asked only when this browser has a token. */
  Thread.prototype.personal = function () {
    var self = this, s = stored();
    if (!s.browser && !s.session) return Promise.resolve();
    return api('GET', '/api/v1/discussions/' + self.discussion.id + '/me').then(function (me) {
      Object.keys(me.myVotes).forEach(function (id) { self.showVote(id, me.myVotes[id]); });
      me.mine.forEach(function (id) {
        var li = self.list.querySelector('[data-id="' + id + '"]');
        if (li) li.classList.add('mine');
      });
    }, function () { /* personal bits are a bonus */ });
  };

  /** Adds a comment and its replies as flat items; nesting shows through data-indent. */
  Thread.prototype.place = function (c, before) {
    var self = this;
    self.list.insertBefore(self.item(c), before);
    (c.replies || []).forEach(function (r) { self.place(r, before); });
  };

  Thread.prototype.item = function (c) {
    var self = this;
    var gone = c.status === 'deleted';
    var head = el('header', { 'class': 'meta' }, [
      el('span', { 'class': 'name', text: gone ? 'Deleted' : c.author.name }),
      c.author.badge ? el('span', { 'class': 'badge', text: c.author.badge }) : null,
      c.inReplyTo ? el('span', { 'class': 'to', text: '↪ ' + c.inReplyTo }) : null,
      el('time', { datetime: c.createdAt, title: new Date(c.createdAt).toLocaleString(), text: ago(c.createdAt) }),
      c.status === 'pending' ? el('span', { 'class': 'pending', text: 'Awaiting review — only you can see this' }) : null
    ]);
    var body = el('div', { 'class': 'body' });
    if (gone) body.textContent = 'This comment was deleted.';
    else body.innerHTML = c.html; // sanitized by the server (commonmark + OWASP policy)
    var score = el('span', { 'class': 'score', text: String(c.score) });
    var up = el('button', { type: 'button', 'class': 'vote up', 'aria-label': 'Vote up', 'aria-pressed': 'false', text: '▲' });
    var down = el('button', { type: 'button', 'class': 'vote down', 'aria-label': 'Vote down', 'aria-pressed': 'false', text: '▼' });
    var slot = el('div', { 'class': 'slot' });
    var actions = el('footer', { 'class': 'actions' }, gone ? [] : [up, score, down,
      self.discussion.open ? el('button', { type: 'button', 'class': 'reply', text: 'Reply', onclick: function () { self.toggle(slot, self.form(c)); } }) : null,
      el('button', { type: 'button', 'class': 'report', text: 'Report', onclick: function () { self.toggle(slot, self.reportForm(c)); } })
    ]);
    function vote(v) {
      return function () {
        var now = parseInt(li.getAttribute('data-my-vote') || '0', 10);
        var value = now === v ? 0 : v;
        api('POST', '/api/v1/comments/' + c.id + '/vote', { value: value }).then(function (t) {
          score.textContent = String(t.score);
          self.showVote(c.id, t.myVote);
        }, function (e) { self.toggle(slot, el('p', { 'class': 'error', role: 'alert', text: e.message })); });
      };
    }
    up.addEventListener('click', vote(1));
    down.addEventListener('click', vote(-1));
    var li = el('li', { 'class': 'comment' + (gone ? ' tombstone' : ''), id: 'tribune-c' + c.id, 'data-id': c.id,
      'data-depth': c.depth, 'data-indent': c.indent }, [el('article', null, [head, body, actions, slot])]);
    return li;
  };

  Thread.prototype.showVote = function (id, v) {
    var li = this.list.querySelector('[data-id="' + id + '"]');
    if (!li) return;
    li.setAttribute('data-my-vote', String(v));
    li.querySelector('.vote.up').setAttribute('aria-pressed', String(v === 1));
    li.querySelector('.vote.down').setAttribute('aria-pressed', String(v === -1));
  };

  Thread.prototype.toggle = function (slot, content) {
    var open = slot.firstChild && slot.firstChild.className === content.className;
    slot.innerHTML = '';
    if (!open) {
      slot.appendChild(content);
      var first = content.querySelector('textarea, select, input');
      if (first) first.focus();
    }
  };

  /** Who the reader is here: signed in (name, badges, and a way out unless the host site decides), or a Sign in button. */
  Thread.prototype.account = function () {
    var s = stored(), site = this.page.site;
    if (s.session && s.reader) {
      return el('p', { 'class': 'account' }, ['Signed in as ', el('strong', { 'class': 'name', text: s.reader.name }), ' ']
        .concat((s.reader.badges || []).map(function (b) { return el('span', { 'class': 'badge', text: b }); }))
        .concat(s.via === 'sso' ? [] : [' ', el('button', { type: 'button', 'class': 'sign-out', text: 'Sign out', onclick: function () { Tribune.signOut(); } })]));
    }
    if (!site.signIn || !site.signIn.length) return el('p', { 'class': 'account', hidden: true });
    return el('p', { 'class': 'account' }, [
      el('button', { type: 'button', 'class': 'sign-in', text: 'Sign in', onclick: openSignIn }),
      ' with ' + site.signIn.map(function (p) { return p.label; }).join(' or ')
    ]);
  };

  /** The comment form: a new top-level comment (parent null) or a reply. What was typed stays on any error. */
  Thread.prototype.form = function (parent) {
    var self = this, s = stored();
    var signedIn = !!s.session;
    var name = el('input', { name: 'name', autocomplete: 'nickname', maxlength: 80, required: !signedIn, value: s.name || '' });
    var body = el('textarea', { name: 'body', rows: parent ? 3 : 4, required: true, maxlength: 10000,
      placeholder: parent ? 'Reply to ' + parent.author.name + '…' : 'Join the discussion…' });
    var note = el('p', { 'class': 'note', role: 'status' });
    var button = el('button', { type: 'submit', text: parent ? 'Post reply' : 'Post comment' });
    var form = el('form', { 'class': parent ? 'compose reply-form' : 'compose', novalidate: true }, [
      signedIn ? null : el('label', null, ['Name ', name]),
      el('label', { 'class': 'text' }, [el('span', { 'class': 'sr', text: parent ? 'Your reply' : 'Your comment' }), body]),
      el('div', { 'class': 'send' }, [button]), note
    ]);
    var site = self.page.site;
    if (!signedIn && !site.guestCommenting) {
      return el('p', { 'class': 'note', text: (site.commenters === 'subscribers' ? 'Only subscribers can comment on ' : 'Sign in to comment on ')
        + site.name + '.' });
    }
    if (signedIn && site.commenters === 'subscribers' && s.reader && s.reader.role === 'reader') {
      return el('p', { 'class': 'note', text: 'Only subscribers can comment on ' + site.name + '.' });
    }
    function send(confirm) {
      note.textContent = ''; note.className = 'note';
      button.disabled = true;
      if (!signedIn) remember('name', name.value.trim());
      api('POST', '/api/v1/discussions/' + self.discussion.id + '/comments', {
        name: signedIn ? null : name.value, body: body.value, parentId: parent ? parent.id : null, confirm: !!confirm
      }).then(function (c) {
        body.value = '';
        if (c.message) note.textContent = c.message;
        self.added(c, parent);
        if (parent) form.parentNode.innerHTML = '';
      }, function (e) {
        note.className = 'note error';
        note.textContent = e.message + (e.fields ? ' ' + Object.keys(e.fields).map(function (k) { return e.fields[k]; }).join(' ') : '');
        if (e.type === 'nudge') {
          note.appendChild(el('button', { type: 'button', 'class': 'anyway', text: 'Post it for review', onclick: function () { send(true); } }));
        }
      }).then(function () { button.disabled = false; });
    }
    form.addEventListener('submit', function (ev) { ev.preventDefault(); send(false); });
    return form;
  };

  /** Shows a comment the reader just posted where it belongs, without reloading the thread. */
  Thread.prototype.added = function (c, parent) {
    var before = null;
    if (parent) {
      var p = this.list.querySelector('[data-id="' + parent.id + '"]');
      for (var n = p && p.nextElementSibling; n; n = n.nextElementSibling) {
        if (parseInt(n.getAttribute('data-depth'), 10) <= parent.depth) { before = n; break; }
      }
    } else if (this.sort === 'newest') {
      before = this.list.firstElementChild;
    }
    this.place(c, before);
    var li = this.list.querySelector('[data-id="' + c.id + '"]');
    li.classList.add('mine');
    if (c.status === 'published') { this.discussion.commentCount++; this.showCount(); }
  };

  Thread.prototype.reportForm = function (c) {
    var reason = el('select', { name: 'reason', 'aria-label': 'Reason' }, REASONS.map(function (r) {
      return el('option', { value: r[0], text: r[1] });
    }));
    var note = el('p', { 'class': 'note', role: 'status' });
    var form = el('form', { 'class': 'report-form' }, [el('label', null, ['Why report this comment? ', reason]),
      el('button', { type: 'submit', text: 'Send report' }), note]);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      api('POST', '/api/v1/comments/' + c.id + '/report', { reason: reason.value }).then(function () {
        form.innerHTML = '';
        form.appendChild(el('p', { 'class': 'note', role: 'status', text: 'Thank you — the moderators will look at it.' }));
      }, function (e) { note.className = 'note error'; note.textContent = e.message; });
    });
    return form;
  };

  /** Live updates when the server streams them; without a stream the thread simply stays as loaded. */
  Thread.prototype.listen = function () {
    var self = this;
    if (!window.EventSource) return;
    var ready = false;
    var es = new EventSource(BASE + '/live/discussions/' + self.discussion.id);
    es.addEventListener('ready', function () { ready = true; });
    es.addEventListener('comment.published', function () {
      self.unseen = (self.unseen || 0) + 1;
      self.fresh.textContent = plural(self.unseen, 'new comment', 'new comments') + ' — show';
      self.fresh.hidden = false;
    });
    es.onerror = function () { if (!ready) es.close(); };
  };

  // ---- signing in ----
  function rerender() {
    threads.forEach(function (t) { if (t.discussion) t.render(); });
  }

  var exchanging = null; // the SSO token being exchanged, and its promise, shared by every thread
  /** Brings the session in line with the host element's data-sso-token: a new token signs in, an empty one (or none, after an SSO sign-in) signs out. */
  function followHost(host) {
    var token = host.getAttribute('data-sso-token');
    var s = stored();
    if (token) {
      if (s.session && s.sso === token) return Promise.resolve();
      if (exchanging && exchanging.token === token) return exchanging.promise;
      var p = signIn(token).then(function () {}, function (e) {
        if (window.console) console.warn('Tribune: the sign-in from this site was refused: ' + e.message);
        // Whoever the site signed in before is not necessarily who it vouches for now.
        if (stored().via === 'sso') return endSession();
      });
      exchanging = { token: token, promise: p };
      return p;
    }
    if (s.session && (token === '' || (token === null && s.via === 'sso'))) return endSession();
    return Promise.resolve();
  }

  function signIn(ssoToken) {
    return api('POST', '/api/v1/sso/session', { token: ssoToken }).then(function (s) {
      keep(s, 'sso', ssoToken);
      return s;
    });
  }

  function endSession() {
    var had = stored().session;
    var ended = had ? api('DELETE', '/api/v1/session').catch(function () { /* gone already */ }) : Promise.resolve();
    return ended.then(function () { forget(); });
  }

  function openSignIn() {
    var w = window.open(BASE + '/embed/sign-in?origin=' + encodeURIComponent(location.origin), 'tribune-sign-in', 'popup,width=520,height=680');
    if (!w) alert('Please allow the sign-in window for this site, then press Sign in again.');
  }

  // The popup's last page posts a one-time code, addressed to this page's origin; only Tribune's origin is listened to.
  window.addEventListener('message', function (ev) {
    if (ev.origin !== BASE || !ev.data || ev.data.type !== 'tribune:handoff') return;
    api('POST', '/api/v1/embed/session', { code: String(ev.data.code) }).then(function (s) {
      keep(s, 'popup');
      rerender();
    }, function (e) {
      threads.forEach(function (t) {
        var note = t.root.querySelector('.account');
        if (note) { note.hidden = false; note.appendChild(el('span', { 'class': 'error', role: 'alert', text: ' ' + e.message })); }
      });
    });
  });

  function mount(host) {
    if (host.__tribune) return host.__tribune;
    // A single-page site may change or remove the token when its reader signs in or out.
    new MutationObserver(function () {
      followHost(host).then(rerender);
    }).observe(host, { attributes: true, attributeFilter: ['data-sso-token'] });
    var t = new Thread(host);
    host.__tribune = t;
    threads.push(t);
    t.start();
    return t;
  }

  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-tribune-thread]'), mount);
  }

  window.Tribune = {
    version: 1,
    server: BASE,
    /** Mounts threads added after load (single-page sites). */
    mount: mountAll,
    /**
     * Signs the reader in from the host site's SSO token (a JWT its backend signed): exchanged for a
     * Tribune session that this page keeps. Resolves with the session's reader; rejects with the reason.
     */
    signIn: function (ssoToken) {
      return signIn(ssoToken).then(function (s) { rerender(); return s.reader; });
    },
    /** Ends the reader's session (the host site signed them out); they are a guest again. */
    signOut: function () {
      return endSession().then(rerender);
    }
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
  if (window.matchMedia) {
    var mq = matchMedia('(prefers-color-scheme: dark)');
    if (mq.addEventListener) mq.addEventListener('change', followScheme);
  }
  new MutationObserver(followScheme).observe(document.documentElement, { attributes: true, subtree: false, attributeFilter: ['class', 'style', 'data-theme'] });
  if (document.body) new MutationObserver(followScheme).observe(document.body, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
})();
