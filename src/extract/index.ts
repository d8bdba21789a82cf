export {
  type ExtractOptions,
  type ExtractResult,
  extractArticle,
  extractArticles,
} from './extract-articles.ts';
