import { createI18n } from "vue-i18n";
import en from "./en";
import zhCN from "./zh-CN";

const saved = typeof localStorage === "undefined" ? null : localStorage.getItem("qz-console-locale");

/** zh-CN first; English for visitors and reviewers. Enum labels come from @qz/shared (zh-CN) or the code (en). */
export const i18n = createI18n({
  legacy: false,
  locale: saved === "en" ? "en" : "zh-CN",
  fallbackLocale: "zh-CN",
  messages: { "zh-CN": zhCN, en },
});

export function setLocale(locale: "zh-CN" | "en") {
  i18n.global.locale.value = locale;
  localStorage.setItem("qz-console-locale", locale);
  document.documentElement.lang = locale;
}
