export const siteTag = (slug: string) => `site:${slug}`;
