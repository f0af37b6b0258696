// 手机版: the worker's and employer's pages, a second entry of the admin package served at /m/.
import { createPinia } from "pinia";
import Vant from "vant";
import "vant/lib/index.css";
import { createApp } from "vue";
import App from "./App.vue";
import { router } from "./router";
import "./mobile.css";

createApp(App).use(createPinia()).use(Vant).use(router).mount("#app");
