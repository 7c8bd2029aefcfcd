// The addresses this browser app still draws. The directory (/, /courses/{id}) and sign-in
// (/sign-in, /sign-out) are server-rendered pages now; links to any address not listed here
// load it from the server. signedIn pages send anonymous visitors to sign in first.
import { clustersPage, clusterPage, visitPage } from './pages/review.js';
import { dashboardPage } from './pages/dashboard.js';

const signedIn = { signedIn: true };

export const routes = [
  [/^\/ile$/, clustersPage, signedIn],
  [/^\/ile\/clusters\/(?<id>[^/]+)$/, clusterPage, signedIn],
  [/^\/ile\/clusters\/(?<clusterId>[^/]+)\/visits\/(?<visitId>[^/]+)$/, visitPage, signedIn],
  [/^\/dashboard$/, dashboardPage, signedIn],
];
