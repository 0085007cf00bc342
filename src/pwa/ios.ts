/**
 * Is this page running as an iOS/iPadOS Home Screen web app? There, Google's sign-in window opens in Safari,
 * whose cookies and storage are separate from the app's, and the token never comes back to the page
 * (shared/reference/platform-and-merge.md §1 item 3; README "iPhone and iPad"). `navigator.standalone` exists only
 * in WebKit on iOS and iPadOS and is true exactly in a Home Screen web app; `display-mode: standalone` alone would
 * also match installed apps on Android and desktop, where the popup works.
 */
export function isIosHomeScreenApp(nav: Navigator & { standalone?: boolean } = navigator): boolean {
  return nav.standalone === true;
}
