// The addresses this browser app still draws: none. Every page is server-rendered now; the
// app's shell only answers addresses no page has, with "Page not found", until it is retired.
export const routes = [];
