import { z } from "zod";

/** The merchant a member works on, sent with each counter form (membership is checked by the domain call). */
export const merchantIdInput = z.string().min(1).max(64);
