// Allure 3 configuration of the suite's HTML report (`make report` runs `npx allure generate`).
// Categories are read from allure-results/categories.json, which fixtures/allure_report.py writes,
// so the Python side stays their single source. Every locale is an Allure environment; the
// drift matrix (no locale label) lands in "all locales".
import { existsSync, readdirSync, readFileSync } from "node:fs";

const results = process.env.ALLURE_RESULTS ?? "allure-results";
const categoriesFile = `${results}/categories.json`;
const categories = existsSync(categoriesFile)
  ? JSON.parse(readFileSync(categoriesFile, "utf8"))
  : [];
// Every locale some article version is published in (articles/<version>/locales/<locale>.md).
const locales = [
  ...new Set(
    readdirSync("articles", { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(`articles/${entry.name}/locales`))
      .flatMap((entry) => readdirSync(`articles/${entry.name}/locales`))
      .filter((name) => name.endsWith(".md"))
      .map((name) => name.slice(0, -".md".length)),
  ),
].sort();
const localeOf = (labels) => labels.find((label) => label.name === "locale")?.value;

export default {
  name: "Settle an outstanding balance: docs vs UI",
  // Kept across runs (reports/ is git-ignored, never wiped by make): History, trends and
  // "new failure vs known" compare each run with the ones before.
  historyPath: "reports/history.jsonl",
  categories,
  environments: Object.fromEntries([
    ...locales.map((locale) => [
      locale,
      { name: locale, matcher: ({ labels }) => localeOf(labels) === locale },
    ]),
    ["all-locales", { name: "all locales", matcher: ({ labels }) => !localeOf(labels) }],
  ]),
};
