export { action, type ActionResult, type ActionState, type ActionError } from "./action";
