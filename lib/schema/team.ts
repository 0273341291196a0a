import { z } from 'zod';

/** Where the background publishes the team status (extension storage.local) and the settings read it. */
export const TEAM_STATUS_KEY = 'team.status';

/** What the settings show about the team connection (kept in storage.local by the background). */
export const teamStatusSchema = z.object({
  /** `idle`: the agent has not worked for a while: the socket is closed (the worker may sleep), and opened again to catch up now and then. */
  state: z.enum(['none', 'connecting', 'connected', 'offline', 'idle', 'refused']),
  /** Local changes the server has not confirmed yet. */
  waiting: z.number().int().nonnegative(),
  readOnly: z.boolean(),
  server: z.string().optional(),
  shops: z.union([z.literal('*'), z.array(z.string())]).optional(),
  message: z.string().optional(),
});
export type TeamStatus = z.infer<typeof teamStatusSchema>;
