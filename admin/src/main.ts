import urql from "@urql/vue";
import ElementPlus from "element-plus";
import "element-plus/dist/index.css";
import { createPinia } from "pinia";
import { createApp } from "vue";
import App from "./App.vue";
import { client } from "./graphql/client";
import { i18n } from "./locales";
import { router } from "./router";

createApp(App).use(createPinia()).use(i18n).use(ElementPlus).use(urql, client).use(router).mount("#app");
