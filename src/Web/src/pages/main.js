// The server-rendered pages' enhancements. Every page works without this file; with it,
// GOV.UK Frontend's components initialise (the error summary takes focus, the menu
// collapses on small screens) and a search form leaves its empty fields out of the address.
import { initAll } from 'govuk-frontend';

// GOV.UK's template sets this class from an inline script, which the Content-Security-Policy refuses.
document.body.classList.add('govuk-frontend-supported');
initAll();

for (const form of document.querySelectorAll('form[method="get"][data-module="app-clean-query"]')) {
  form.addEventListener('submit', () => {
    // Disabled fields are not submitted, so a shared search link carries only what was chosen.
    for (const field of form.elements) {
      if ((field.tagName === 'INPUT' || field.tagName === 'SELECT') && field.type !== 'checkbox' && field.value === '') field.disabled = true;
    }
    // Re-enable after the browser has read the form, so Back shows the fields usable.
    setTimeout(() => { for (const field of form.elements) field.disabled = false; }, 0);
  });
}

// Copy a calendar feed's link: the button appears only when a script can do the copying; without
// it the link is on the page to select by hand.
for (const button of document.querySelectorAll('button[data-copy]')) {
  const status = document.getElementById('copy-status');
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.copy);
      status.textContent = 'Link copied.';
    } catch (e) {
      // Without clipboard permission, select the link so the person can copy it themselves.
      window.getSelection().selectAllChildren(button.closest('tr').querySelector('code'));
      status.textContent = `Copy the selected link with your keyboard or menu (${e.name}).`;
    }
  });
}
