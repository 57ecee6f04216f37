export { squareApp, squareSdk } from "./client";
