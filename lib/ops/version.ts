export function versionInfo() {
  return {
    name: "nerava",
    gitSha: process.env.GIT_SHA ?? process.env.NEXT_PUBLIC_GIT_SHA ?? "unknown",
    buildTime: process.env.BUILD_TIME ?? process.env.NEXT_PUBLIC_BUILD_TIME ?? "unknown",
    node: process.version,
  };
}
