/** Only web links are rendered as links: the URLs are Stripe's, but a page never trusts a scheme. */
export const webLink = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);
