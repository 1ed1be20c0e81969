// Vite builds the UI from ui/ into ui/dist (tauri.conf.json frontendDist); vitest runs tests/ui.
import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  clearScreen: false,
  server: { port: 1420, strictPort: true, host: "localhost" },
  build: { outDir: "dist", emptyOutDir: true, target: "safari15", sourcemap: false },
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    include: ["tests/ui/**/*.test.ts"],
    environment: "jsdom",
  },
});
