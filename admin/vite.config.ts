import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

// In development the console runs on Vite's server and talks to the API on :4000;
// in production the API serves admin/dist itself, so the paths are the same.
const api = process.env.QZ_API_URL ?? "http://127.0.0.1:4000";
const proxy = {
  "/graphql": { target: api, ws: true, changeOrigin: true },
  "/healthz": { target: api, changeOrigin: true },
  "/admin/queues": { target: api, changeOrigin: true },
  // 附件 downloads (signed links from the export mutations).
  "/exports": { target: api, changeOrigin: true },
};

export default defineConfig({
  plugins: [vue()],
  server: { proxy },
  preview: { proxy },
  // Element Plus is registered whole (every page uses it); one cached chunk beats many small requests here.
  // Two pages: the console (index.html) and the phone pages (m/index.html, served at /m/).
  build: {
    outDir: process.env.ADMIN_OUT_DIR ?? "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: { input: { console: "index.html", mobile: "m/index.html" } },
  },
});
