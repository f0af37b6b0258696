import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

// In development the console runs on Vite's server and talks to the API on :4000;
// in production the API serves admin/dist itself, so the paths are the same.
const api = "http://127.0.0.1:4000";

export default defineConfig({
  plugins: [vue()],
  server: {
    proxy: {
      "/graphql": { target: api, ws: true, changeOrigin: true },
      "/healthz": { target: api, changeOrigin: true },
    },
  },
  build: { outDir: "dist", emptyOutDir: true },
});
