export { getAdminOverview, type AdminOverview } from "./get-overview";
