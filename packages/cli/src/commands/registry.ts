/** The commands `ruleloom` runs today. */
export const availableCommands = ['validate', 'test', 'simulate', 'serve', 'help'] as const;

/** Commands planned for later versions: named in the help, refused with RL9002 for now. */
export const comingCommands = ['pack'] as const;

/** One of {@link availableCommands}. */
export type AvailableCommand = (typeof availableCommands)[number];

/**
 * True for a command `ruleloom` runs today.
 *
 * @example
 * isAvailableCommand('validate'); // true
 * isAvailableCommand('pack'); // false (coming)
 */
export function isAvailableCommand(name: string): name is AvailableCommand {
  return (availableCommands as readonly string[]).includes(name);
}

/**
 * True for a command that comes in a later version.
 *
 * @example
 * isComingCommand('pack'); // true
 */
export function isComingCommand(name: string): boolean {
  return (comingCommands as readonly string[]).includes(name);
}
