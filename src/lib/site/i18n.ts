// Each locale from its own module: the index loads all of them, and Node reads date-fns's
// 200 KB package.json again for every module it loads (seconds in every worker thread).
import { ar } from 'date-fns/locale/ar';
import { enGB } from 'date-fns/locale/en-GB';
import { fr } from 'date-fns/locale/fr';
import type { DateStyle } from '../article/dates.ts';
import type { ArticleKind } from '../article/schema.ts';
import { memoized } from './memo.ts';

/**
 * Languages: text direction from the platform's Unicode data, and the interface words of each
 * language we ship (English, Arabic, French). An article in a language without its own table gets the English words but keeps
 * its own `lang` and `dir`, so that screen readers and the layout still treat its text right.
 */
export type TextDirection = 'ltr' | 'rtl';

export interface InterfaceText {
  readonly dates: DateStyle;
  readonly by: string;
  readonly updated: string;
  readonly published: string;
  readonly minutesToRead: (minutes: number) => string;
  readonly sources: string;
  /** Heads the box that says how the story was reported. */
  readonly backstory: string;
  /** Heads the dated corrections at the foot of an article. */
  readonly corrections: string;
  /** Names one correction, in the corrections feed's item titles. */
  readonly correction: string;
  /** Heads the site-wide list of corrections. */
  readonly correctionsLog: string;
  readonly correctionsLogIntro: string;
  readonly noCorrections: string;
  /** Names the footer's links to the newsroom's own pages. */
  readonly aboutUs: string;
  readonly footnotes: string;
  readonly section: string;
  readonly tags: string;
  readonly share: string;
  readonly shareOn: (service: string) => string;
  readonly shareByEmail: string;
  readonly copyLink: string;
  readonly linkCopied: string;
  readonly shareElsewhere: string;
  readonly latest: string;
  /** Links the front page's Latest column to every article, newest first. */
  readonly allLatest: string;
  readonly skipToContent: string;
  readonly home: string;
  readonly pagination: string;
  readonly newer: string;
  readonly older: string;
  /** A numbered list page (paging.ts counts them from the oldest, so no "of N": that would change with every page added). */
  readonly page: (number: number) => string;
  readonly archive: string;
  readonly sections: string;
  readonly moreInSection: (section: string) => string;
  readonly related: string;
  /** The label of each kind of piece but news, on the article, its teasers and its feed items. */
  readonly kinds: Readonly<Record<Exclude<ArticleKind, 'news'>, string>>;
  /** Heads the links to the story's other languages: "Read in: English · العربية". */
  readonly readIn: string;
  /** The name of the "¶" link that ends each paragraph of a story. */
  readonly paragraphLink: string;
  /** Offered when a reader selects words of a story: a link that opens on them. */
  readonly shareQuote: string;
  readonly search: string;
  readonly searchLabel: string;
  readonly searchNeedsScript: string;
  readonly noResults: string;
  /** With {count} and {query} for the search script to fill in. */
  readonly resultsFor: string;
  readonly notFound: string;
  readonly notFoundText: string;
  /** What the old address of a moved article says, before the link to the new one. */
  readonly articleMoved: string;
  readonly darkTheme: string;
  readonly printedFrom: string;
  readonly editArticle: string;
  /** Banners of drafts and scheduled articles, seen only on the dev server. */
  readonly draftBanner: string;
  readonly scheduledBanner: (goesLive: string) => string;
  /** Joins names in a byline: "A, B and C". */
  readonly listFormat: Intl.ListFormat;
}

const english: InterfaceText = {
  dates: { locale: enGB, dateTime: 'EEEE d MMMM yyyy, HH:mm zzz', date: 'EEEE d MMMM yyyy', shortDate: 'd MMMM yyyy' },
  by: 'By',
  updated: 'Updated',
  published: 'Published',
  minutesToRead: (minutes) => `${minutes} min read`,
  sources: 'Sources',
  backstory: 'How we reported this',
  corrections: 'Corrections',
  correction: 'Correction',
  correctionsLog: 'Corrections',
  correctionsLogIntro: 'Every correction we have made to a published article, newest first. Each links to the corrected article.',
  noCorrections: 'No published article has been corrected.',
  aboutUs: 'About us',
  footnotes: 'Notes',
  section: 'Section',
  tags: 'Tags',
  share: 'Share this article',
  shareOn: (service) => `Share on ${service}`,
  shareByEmail: 'Share by email',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  shareElsewhere: 'Share…',
  latest: 'Latest news',
  allLatest: 'All the latest news',
  skipToContent: 'Skip to content',
  home: 'Home',
  pagination: 'Pages',
  newer: 'Newer',
  older: 'Older',
  page: (number) => `Page ${number}`,
  archive: 'Archive',
  sections: 'Sections',
  moreInSection: (section) => `More in ${section}`,
  related: 'Related',
  kinds: {
    analysis: 'Analysis',
    opinion: 'Opinion',
    explainer: 'Explainer',
    review: 'Review',
    sponsored: 'Sponsored',
    'fact-check': 'Fact check',
  },
  readIn: 'Read in',
  paragraphLink: 'Link to this paragraph',
  shareQuote: 'Share quote',
  search: 'Search',
  searchLabel: 'Search articles',
  searchNeedsScript: 'Search runs in your browser and needs JavaScript. Every article is also listed in the archive.',
  noResults: 'No articles found.',
  resultsFor: 'Results for “{query}”: {count}',
  notFound: 'Page not found',
  notFoundText: 'There is no page at this address. Search for it, or read the latest news.',
  articleMoved: 'This article has moved to a new address:',
  darkTheme: 'Dark theme',
  printedFrom: 'Printed from',
  editArticle: 'Edit this article',
  draftBanner: 'Draft: seen only on the dev server, never on the public site until draft: true is removed.',
  scheduledBanner: (goesLive) => `Scheduled: seen only on the dev server until ${goesLive}, when the next build publishes it.`,
  listFormat: new Intl.ListFormat('en-GB', { type: 'conjunction' }),
};

const arabicPlural = new Intl.PluralRules('ar');

const arabic: InterfaceText = {
  dates: { locale: ar, dateTime: 'EEEE d MMMM yyyy، HH:mm zzz', date: 'EEEE d MMMM yyyy', shortDate: 'd MMMM yyyy', gmt: 'غرينتش' },
  by: 'بقلم',
  updated: 'حُدّث',
  published: 'نُشر',
  minutesToRead: (minutes) => `قراءة في ${minutes} ${arabicPlural.select(minutes) === 'few' ? 'دقائق' : 'دقيقة'}`,
  sources: 'المصادر',
  backstory: 'كيف أعددنا هذا التقرير',
  corrections: 'تصحيحات',
  correction: 'تصحيح',
  correctionsLog: 'التصحيحات',
  correctionsLogIntro: 'كل تصحيح أجريناه على مقال منشور، الأحدث أولًا، مع رابط إلى المقال المصحَّح.',
  noCorrections: 'لم يُصحَّح أي مقال منشور.',
  aboutUs: 'من نحن',
  footnotes: 'الحواشي',
  section: 'القسم',
  tags: 'الوسوم',
  share: 'شارك هذا المقال',
  shareOn: (service) => `شارك على ${service}`,
  shareByEmail: 'شارك عبر البريد الإلكتروني',
  copyLink: 'انسخ الرابط',
  linkCopied: 'نُسخ الرابط',
  shareElsewhere: 'مشاركة…',
  latest: 'آخر الأخبار',
  allLatest: 'كل آخر الأخبار',
  skipToContent: 'انتقل إلى المحتوى',
  home: 'الرئيسية',
  pagination: 'الصفحات',
  newer: 'الأحدث',
  older: 'الأقدم',
  page: (number) => `الصفحة ${number}`,
  archive: 'الأرشيف',
  sections: 'الأقسام',
  moreInSection: (section) => `المزيد في ${section}`,
  related: 'ذو صلة',
  kinds: {
    analysis: 'تحليل',
    opinion: 'رأي',
    explainer: 'شرح',
    review: 'مراجعة',
    sponsored: 'محتوى مموّل',
    'fact-check': 'تدقيق',
  },
  readIn: 'اقرأ بلغة',
  paragraphLink: 'رابط هذه الفقرة',
  shareQuote: 'شارك الاقتباس',
  search: 'بحث',
  searchLabel: 'ابحث في المقالات',
  searchNeedsScript: 'يعمل البحث في متصفحك ويحتاج إلى جافاسكربت. كل المقالات مدرجة أيضاً في الأرشيف.',
  noResults: 'لم يُعثر على مقالات.',
  resultsFor: 'نتائج البحث عن «{query}»: {count}',
  notFound: 'الصفحة غير موجودة',
  notFoundText: 'لا توجد صفحة بهذا العنوان. ابحث عنها أو اقرأ آخر الأخبار.',
  articleMoved: 'انتقل هذا المقال إلى عنوان جديد:',
  darkTheme: 'الوضع الداكن',
  printedFrom: 'طُبع من',
  editArticle: 'حرّر هذا المقال',
  draftBanner: 'مسودة: تظهر على خادم التطوير فقط، ولا تُنشر على الموقع حتى تُحذف draft: true.',
  scheduledBanner: (goesLive) => `مجدول: يظهر على خادم التطوير فقط حتى ${goesLive}، حين ينشره البناء التالي.`,
  listFormat: new Intl.ListFormat('ar', { type: 'conjunction' }),
};

const french: InterfaceText = {
  dates: { locale: fr, dateTime: "EEEE d MMMM yyyy 'à' HH:mm zzz", date: 'EEEE d MMMM yyyy', shortDate: 'd MMMM yyyy', gmt: 'UTC' },
  by: 'Par',
  updated: 'Mis à jour le',
  published: 'Publié le',
  minutesToRead: (minutes) => `${minutes} min de lecture`,
  sources: 'Sources',
  backstory: 'Comment nous avons travaillé',
  corrections: 'Rectificatifs',
  correction: 'Rectificatif',
  correctionsLog: 'Rectificatifs',
  correctionsLogIntro:
    'Chaque rectificatif apporté à un article publié, du plus récent au plus ancien, avec un lien vers l’article rectifié.',
  noCorrections: 'Aucun article publié n’a été rectifié.',
  aboutUs: 'À propos',
  footnotes: 'Notes',
  section: 'Rubrique',
  tags: 'Mots-clés',
  share: 'Partager cet article',
  shareOn: (service) => `Partager sur ${service}`,
  shareByEmail: 'Partager par e-mail',
  copyLink: 'Copier le lien',
  linkCopied: 'Lien copié',
  shareElsewhere: 'Partager…',
  latest: 'Dernières nouvelles',
  allLatest: 'Toutes les dernières nouvelles',
  skipToContent: 'Aller au contenu',
  home: 'Accueil',
  pagination: 'Pages',
  newer: 'Plus récents',
  older: 'Plus anciens',
  page: (number) => `Page ${number}`,
  archive: 'Archives',
  sections: 'Rubriques',
  moreInSection: (section) => `Plus dans ${section}`,
  related: 'À lire aussi',
  kinds: {
    analysis: 'Analyse',
    opinion: 'Opinion',
    explainer: 'Décryptage',
    review: 'Critique',
    sponsored: 'Contenu sponsorisé',
    'fact-check': 'Vérification',
  },
  readIn: 'Lire en',
  paragraphLink: 'Lien vers ce paragraphe',
  shareQuote: 'Partager la citation',
  search: 'Rechercher',
  searchLabel: 'Rechercher des articles',
  searchNeedsScript:
    'La recherche fonctionne dans votre navigateur et demande JavaScript. Tous les articles figurent aussi dans les archives.',
  noResults: 'Aucun article trouvé.',
  resultsFor: 'Résultats pour «\u00a0{query}\u00a0»\u00a0: {count}',
  notFound: 'Page introuvable',
  notFoundText: 'Il n’y a pas de page à cette adresse. Cherchez-la, ou lisez les dernières nouvelles.',
  articleMoved: 'Cet article a changé d’adresse\u00a0:',
  darkTheme: 'Thème sombre',
  printedFrom: 'Imprimé depuis',
  editArticle: 'Modifier cet article',
  draftBanner:
    'Brouillon : visible seulement sur le serveur de développement, jamais sur le site public tant que draft: true n’est pas retiré.',
  scheduledBanner: (goesLive) =>
    `Programmé : visible seulement sur le serveur de développement jusqu’au ${goesLive}, quand la prochaine construction le publie.`,
  listFormat: new Intl.ListFormat('fr', { type: 'conjunction' }),
};

const byPrimaryLanguage: Readonly<Record<string, InterfaceText>> = { en: english, ar: arabic, fr: french };

export function interfaceText(lang: string): InterfaceText {
  return byPrimaryLanguage[primaryLanguage(lang)] ?? english;
}

export const textDirection: (lang: string) => TextDirection = memoized((lang) =>
  new Intl.Locale(lang).getTextInfo().direction === 'rtl' ? 'rtl' : 'ltr',
);

/**
 * The canonical spelling of a BCP 47 tag (`EN-gb` → `en-GB`), or `undefined` when it is not a
 * well-formed tag of a language the platform knows.
 */
export function canonicalLanguageTag(tag: string): string | undefined {
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(tag.trim());
  } catch {
    return undefined;
  }
  if (canonical === undefined) return undefined;
  const known = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(primaryLanguage(canonical));
  return known === undefined ? undefined : canonical;
}

const primaryLanguage = memoized((tag) => new Intl.Locale(tag).language);
