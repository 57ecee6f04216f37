export { isSquareError, squareApp, squareSdk } from "./client";
