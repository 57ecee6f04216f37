export * from "./token-cipher";
