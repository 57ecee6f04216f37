export { grantNova, reverseTransaction, grantInput, reverseInput } from "./grant-nova";
export { checkReversal, type ReversalCheck } from "./reversal";
export { postPendingReward, makeRewardAvailable, forfeitReward, rewardMadeAvailable } from "./session-reward";
export { listHeldSessionRewards, releaseHeldSessionRewards, reverseHeldSessionRewards } from "./held-rewards";
