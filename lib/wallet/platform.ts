/** Which wallet a browser's device uses: iPhone/iPad → Apple, Android → Google, else both. */
export function walletPlatformOf(userAgent: string | null): "apple" | "google" | "both" {
  const ua = userAgent ?? "";
  if (/android/i.test(ua)) return "google";
  if (/iphone|ipad|ipod/i.test(ua)) return "apple";
  return "both";
}
