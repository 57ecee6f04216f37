// A person-readable name for a session's user agent: "Chrome on Android", "Safari on iPhone".
// Order matters: Edge, Opera and Samsung Internet also say "Chrome" and "Safari"; every iOS
// browser says "Safari" too and names itself with its own token (CriOS, FxiOS, EdgiOS).

const BROWSERS: [RegExp, string][] = [
  [/EdgiOS|EdgA|Edg\//, "Edge"],
  [/OPR\/|OPiOS|Opera/, "Opera"],
  [/SamsungBrowser/, "Samsung Internet"],
  [/FxiOS|Firefox\//, "Firefox"],
  [/CriOS|Chrome\/|Chromium\//, "Chrome"],
  [/Version\/[\d.]+.*Safari\/|Mobile\/\w+ Safari|^Mozilla\/5\.0 \((iPhone|iPad)/, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPod/, "iPhone"],
  [/iPad/, "iPad"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Windows/, "Windows"],
  [/Macintosh|Mac OS X/, "Mac"],
  [/Linux/, "Linux"],
];

export function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown device";
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  if (system) return `Browser on ${system}`;
  // Scripts and tools: their first product token ("curl", "node") is the best name there is.
  const tool = /^([A-Za-z][\w.-]{0,30})\//.exec(userAgent)?.[1];
  return tool && tool !== "Mozilla" ? tool : "Unknown device";
}
