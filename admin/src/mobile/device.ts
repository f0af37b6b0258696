// Phone helpers: the browser's location, large-text mode, money and time in plain words.
import { formatYuan } from "@qz/shared";
import { ref, watch } from "vue";

const LARGE_KEY = "qz-mobile-large-text";
/** 大字模式: scales the root font size (every size on these pages is in rem); remembered on this phone. */
export const largeText = ref(localStorage.getItem(LARGE_KEY) === "1");
watch(
  largeText,
  (on) => {
    localStorage.setItem(LARGE_KEY, on ? "1" : "0");
    document.documentElement.classList.toggle("qz-large", on);
  },
  { immediate: true },
);

/** The phone's position now (never a cached fix: check-in is judged by it), with the refusal in plain words. */
export function currentPosition(): Promise<{ lat: number; lng: number }> {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) return reject(new Error("这部手机无法定位，请到驿站请工作人员帮忙"));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      (e) => reject(new Error(e.code === e.PERMISSION_DENIED ? "请允许网页使用位置信息，再试一次" : "暂时无法定位，请到空旷处再试")),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    );
  });
}

export const yuan = (fen: number) => `¥${formatYuan(fen)}`;
const UNIT: Record<string, string> = { HOUR: "小时", DAY: "天", PIECE: "件" };
export const payText = (fen: number, unit: string) => `${yuan(fen)}/${UNIT[unit] ?? unit}`;

const fmt = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", month: "numeric", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit" });
export const when = (iso: string | null | undefined) => (iso ? fmt.format(new Date(iso)) : "—");
export const timeRange = (a: string, b: string) => `${when(a)} – ${fmt.format(new Date(b)).split(" ").pop()}`;

/** "还剩 2小时05分" until the deadline, or 已过期. */
export function countdown(deadline: string, now: number): string {
  const ms = Date.parse(deadline) - now;
  if (ms <= 0) return "已过期";
  const m = Math.floor(ms / 60_000);
  const h = Math.floor(m / 60);
  if (h >= 24) return `还剩 ${Math.floor(h / 24)}天${h % 24}小时`;
  return h > 0 ? `还剩 ${h}小时${String(m % 60).padStart(2, "0")}分` : `还剩 ${m}分${String(Math.floor(ms / 1000) % 60).padStart(2, "0")}秒`;
}

/** A clock that ticks every second, for countdowns. */
export const now = ref(Date.now());
setInterval(() => (now.value = Date.now()), 1000);
