// The addresses this browser app still draws. The directory (/, /courses/{id}) and sign-in
// (/sign-in, /sign-out) are server-rendered pages now; links to any address not listed here
// load it from the server. signedIn pages send anonymous visitors to sign in first.
import { bookPage, schoolBookingsPage, myBookingsPage, myBookingPage } from './pages/bookings.js';
import { providerPage, registerPage } from './pages/provider.js';
import { clustersPage, clusterPage, visitPage } from './pages/review.js';
import { calendarsPage } from './pages/calendars.js';

const signedIn = { signedIn: true };

export const routes = [
  [/^\/runs\/(?<id>[^/]+)\/book$/, bookPage, signedIn],
  [/^\/runs\/(?<id>[^/]+)\/register$/, registerPage, signedIn],
  [/^\/school\/bookings$/, schoolBookingsPage, signedIn],
  [/^\/my\/bookings$/, myBookingsPage, signedIn],
  [/^\/my\/bookings\/(?<id>[^/]+)$/, myBookingPage, signedIn],
  [/^\/provider$/, providerPage, signedIn],
  [/^\/ile$/, clustersPage, signedIn],
  [/^\/ile\/clusters\/(?<id>[^/]+)$/, clusterPage, signedIn],
  [/^\/ile\/clusters\/(?<clusterId>[^/]+)\/visits\/(?<visitId>[^/]+)$/, visitPage, signedIn],
  [/^\/calendars$/, calendarsPage, signedIn],
];
