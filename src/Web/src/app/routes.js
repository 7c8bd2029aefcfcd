// Page addresses. signedIn pages send anonymous visitors to sign in first.
import { directoryPage, coursePage } from './pages/directory.js';
import { signInPage } from './pages/account.js';
import { bookPage, schoolBookingsPage, myBookingsPage, myBookingPage } from './pages/bookings.js';
import { providerPage, registerPage } from './pages/provider.js';
import { clustersPage, clusterPage, visitPage } from './pages/review.js';
import { calendarsPage } from './pages/calendars.js';
import { dashboardPage } from './pages/dashboard.js';

const signedIn = { signedIn: true };

export const routes = [
  [/^\/$/, directoryPage],
  [/^\/courses\/(?<id>[^/]+)$/, coursePage],
  [/^\/sign-in$/, signInPage],
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
  [/^\/dashboard$/, dashboardPage, signedIn],
];
