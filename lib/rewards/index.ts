export { grantNova, reverseTransaction, grantInput, reverseInput } from "./grant-nova";
