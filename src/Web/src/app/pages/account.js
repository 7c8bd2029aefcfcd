// Sign in: email and password, GOV.UK error summary for what is missing or wrong.
import { signIn } from '../api.js';
import { html } from '../html.js';
import { button, input, showErrors } from '../components.js';
import { navigate, refreshViewer } from '../main.js';

/** Only a path on this site, so a crafted link cannot send people elsewhere after signing in. */
function safeReturn(value) {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/sign-in') ? value : '/';
}

export function signInPage({ query }) {
  return {
    title: 'Sign in',
    body: html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl">Sign in</h1>
        <p class="govuk-body">Sign in with the email address and password of your InclusionNetwork account.</p>
        <form method="post" action="/sign-in" id="sign-in" novalidate>
          ${input({ id: 'email', type: 'email', text: 'Email address', autocomplete: 'email', width: 20 })}
          ${input({ id: 'password', type: 'password', text: 'Password', autocomplete: 'current-password', width: 20 })}
          ${button('Sign in')}
        </form>
      </div></div>`,
    bind(main) {
      const form = main.querySelector('#sign-in');
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const email = form.email.value.trim();
        const password = form.password.value;
        const errors = [];
        if (!email) errors.push({ field: form.email, message: 'Enter your email address' });
        if (!password) errors.push({ field: form.password, message: 'Enter your password' });
        if (!errors.length) {
          const message = await signIn(email, password);
          if (message) errors.push({ field: form.email, message });
        }
        if (errors.length) {
          showErrors(main, form, errors);
          return;
        }
        await refreshViewer();
        navigate(safeReturn(query.get('returnTo')), { replace: true });
      });
    },
  };
}
