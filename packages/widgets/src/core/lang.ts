export type Lang = 'vi' | 'en';

/** Vietnamese unless the element itself asks for English: host pages often declare lang="en-US" by default. */
export const resolveLang = (lang: string | null | undefined): Lang => (lang && /^en\b/i.test(lang) ? 'en' : 'vi');
