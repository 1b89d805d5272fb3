import type { Command } from "./command";
import { annexACommand } from "./annexACommand";
import { auditSampleCommand } from "./auditSampleCommand";
import { exportCommand } from "./exportCommand";
import { frameworksCommand } from "./frameworksCommand";
import { newCommand } from "./newCommand";
import { projectCommand } from "./projectCommand";
import { refreshCommand } from "./refreshCommand";
import { rollupCommand } from "./rollupCommand";
import { structureCommand } from "./structureCommand";
import { validateCommand } from "./validateCommand";

/**
 * Every CLI command, in the order the help lists them. A new command is its own file plus one line here;
 * parsing, help and error reporting come from its declaration.
 */
export const COMMANDS: readonly Command[] = [
  frameworksCommand,
  newCommand,
  structureCommand,
  refreshCommand,
  validateCommand,
  projectCommand,
  annexACommand,
  auditSampleCommand,
  exportCommand,
  rollupCommand,
];
