// The app: one HTML shell from the Silo, pages rendered here from /graphql. Links and
// forms work as in a multi-page site (real hrefs, history, back button); after each
// navigation the page title changes and focus moves to the page's main content, so
// screen reader and keyboard users know the page changed.
import { ServiceNavigation, SkipLink } from 'govuk-frontend';
import { gql, ServiceError, signOut } from './api.js';
import { html } from './html.js';
import { banner } from './components.js';
import { routes } from './routes.js';

document.body.classList.add('govuk-frontend-supported');

const main = document.getElementById('main-content');
const state = { viewer: undefined, flash: null };

export const county = document.body.dataset.county ?? '';

export function hasRole(...roles) {
  return !!state.viewer && roles.some((r) => state.viewer.roles.includes(r));
}

export const viewer = () => state.viewer;

async function loadViewer() {
  try {
    const data = await gql(`query Viewer { me { id name email roles school { urn name } leader { id } } }`);
    state.viewer = data.me;
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    state.viewer = null;
    state.viewerError = e.message;
  }
}

function navigationItems() {
  const items = [['/', 'Directory of support']];
  // The same items, in the same order, as the server-rendered pages' layout (Pages/Shared/_Layout.cshtml).
  if (hasRole('SCHOOL_BOOKER')) items.push(['/school/bookings', 'School bookings']);
  if (hasRole('SCHOOL_BOOKER') && !hasRole('ADMIN')) items.push(['/invitations', 'Invitations']);
  if (hasRole('STAFF')) items.push(['/my/bookings', 'My bookings']);
  if (hasRole('PROVIDER', 'ADMIN')) items.push(['/provider', 'Registers']);
  if (hasRole('LEADER')) items.push(['/ile', 'Peer review']);
  if (state.viewer?.leader) items.push([`/leaders/${state.viewer.leader.id}`, 'Unavailable dates']);
  if (hasRole('COMMISSIONER', 'ADMIN', 'NETWORK_LEAD', 'LEADER')) items.push(['/dashboard', 'Uptake']);
  if (hasRole('ADMIN')) items.push(['/admin/accounts', 'Accounts'], ['/admin/leaders', 'Leaders'], ['/admin/outbox', 'Outbox']);
  if (state.viewer) items.push(['/calendars', 'Calendars'], ['/account/tokens', 'Access tokens']);
  return items;
}

function isCurrent(href, path) {
  return href === '/' ? path === '/' || path.startsWith('/courses') : path === href || path.startsWith(`${href}/`);
}

function renderNavigation() {
  const path = location.pathname;
  // A new element each time: GOV.UK Frontend refuses to initialise one element twice.
  const section = document.createElement('section');
  section.id = 'service-navigation';
  section.className = 'govuk-service-navigation';
  section.dataset.module = 'govuk-service-navigation';
  section.setAttribute('aria-label', 'Service information');
  section.innerHTML = html`
    <div class="govuk-width-container">
      <div class="govuk-service-navigation__container">
        <span class="govuk-service-navigation__service-name">
          <a href="/" class="govuk-service-navigation__link">InclusionNetwork</a>
        </span>
        <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
          <button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden aria-hidden="true">Menu</button>
          <ul class="govuk-service-navigation__list" id="navigation">
            ${navigationItems().map(([href, text]) => isCurrent(href, path)
              ? html`<li class="govuk-service-navigation__item govuk-service-navigation__item--active"><a class="govuk-service-navigation__link" href="${href}" aria-current="page"><strong class="govuk-service-navigation__active-fallback">${text}</strong></a></li>`
              : html`<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="${href}">${text}</a></li>`)}
            ${state.viewer
              ? html`<li class="govuk-service-navigation__item"><form method="post" action="/sign-out" class="app-header-account" data-sign-out><button type="submit" class="govuk-service-navigation__link app-link-button">Sign out<span class="govuk-visually-hidden"> (${state.viewer.name})</span></button></form></li>`
              : html`<li class="govuk-service-navigation__item${path === '/sign-in' ? ' govuk-service-navigation__item--active' : ''}"><a class="govuk-service-navigation__link" href="/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}">Sign in</a></li>`}
          </ul>
        </nav>
      </div>
    </div>`.text;
  document.getElementById('service-navigation').replaceWith(section);
  new ServiceNavigation(section);
}

function errorPage(message) {
  return {
    title: 'Sorry, there is a problem with the service',
    body: html`<h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1>
      <p class="govuk-body">Try again later.</p>
      <p class="govuk-body">${message}</p>`,
  };
}

const notFound = () => ({
  title: 'Page not found',
  body: html`<h1 class="govuk-heading-l">Page not found</h1>
    <p class="govuk-body">If you typed the web address, check it is correct.</p>
    <p class="govuk-body"><a class="govuk-link" href="/">Go to the directory of support</a></p>`,
});

let renderCount = 0;

/** Renders the current address. moveFocus is false on first load so the skip link stays first. */
export async function render({ moveFocus = true } = {}) {
  const id = ++renderCount;
  // Busy until the page is drawn: assistive technology waits, and so do the browser tests.
  main.setAttribute('aria-busy', 'true');
  main.removeAttribute('data-ready');
  const url = new URL(location.href);
  const match = routes.map(([pattern, page, opts]) => [url.pathname.match(pattern), page, opts ?? {}]).find(([m]) => m);
  let view;
  if (!match) {
    view = notFound();
  } else if (match[2].signedIn && !state.viewer) {
    // Sign-in is a server page: load it, and come back here afterwards.
    location.replace(`/sign-in?returnTo=${encodeURIComponent(url.pathname + url.search)}`);
    return;
  } else {
    try {
      view = await match[1]({ params: match[0].groups ?? {}, query: url.searchParams, url });
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      view = errorPage(e.message);
    }
  }
  if (id !== renderCount) return;
  const flash = state.flash;
  state.flash = null;
  renderNavigation();
  document.title = `${view.title} – InclusionNetwork – ${county}`;
  // A fresh container per page, so a page's event listeners go when the page goes.
  main.innerHTML = html`<div class="app-page">${banner(flash)}${view.body}</div>`.text;
  view.bind?.(main.firstElementChild);
  main.removeAttribute('aria-busy');
  main.dataset.ready = 'true';
  if (flash) {
    main.querySelector('.govuk-notification-banner').focus();
  } else if (moveFocus) {
    main.focus();
  }
}

export function navigate(href, { replace = false, flash = null } = {}) {
  state.flash = flash;
  history[replace ? 'replaceState' : 'pushState'](null, '', href);
  return render();
}

/** After a change, show the page again with a success message. */
export const reload = (flash) => navigate(location.pathname + location.search, { replace: true, flash });

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || link.target || link.hasAttribute('download') || url.pathname.startsWith('/graphql') ||
      url.pathname.startsWith('/reports/') || url.pathname.startsWith('/calendar/')) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  // An address this app does not draw is a server page: let the browser load it.
  if (!routes.some(([pattern]) => pattern.test(url.pathname))) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});

document.addEventListener('submit', async (event) => {
  if (!event.target.matches('[data-sign-out]')) return;
  event.preventDefault();
  await signOut();
  state.viewer = null;
  location.assign('/signed-out');
});

window.addEventListener('popstate', () => render());

new SkipLink(document.querySelector('.govuk-skip-link'));
await loadViewer();
await render({ moveFocus: false });
