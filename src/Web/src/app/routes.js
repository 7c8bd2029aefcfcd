// The addresses this browser app still draws. The directory (/, /courses/{id}) and sign-in
// (/sign-in, /sign-out) are server-rendered pages now; links to any address not listed here
// load it from the server. signedIn pages send anonymous visitors to sign in first.
import { dashboardPage } from './pages/dashboard.js';

const signedIn = { signedIn: true };

export const routes = [
  [/^\/dashboard$/, dashboardPage, signedIn],
];
