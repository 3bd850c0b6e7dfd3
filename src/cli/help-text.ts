/**
 * The words commander writes itself, in the user's language: the headings of `--help`, the
 * "(choices: …, default: …)" after an option, and its usage errors ("unknown option", "argument
 * missing"…). A French marketer with a French locale reads the whole help and every usage
 * error in French; the English text is commander's own wording, from the same catalogue.
 */
import { Help, type Option } from 'commander';
import { type Lang, type MessageKey, t } from '../i18n/index.js';

const HEADINGS: Record<string, MessageKey> = {
  'Usage:': 'help.heading.usage',
  'Arguments:': 'help.heading.arguments',
  'Options:': 'help.heading.options',
  'Commands:': 'help.heading.commands',
  'Global Options:': 'help.heading.globalOptions',
};

export function localHelp(lang: Lang): Partial<Help> {
  return {
    styleTitle: (title: string) => (HEADINGS[title] ? t(lang, HEADINGS[title]) : title),
    optionDescription: (option: Option) => {
      const extra: string[] = [];
      if (option.argChoices) extra.push(t(lang, 'help.choices', { list: option.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
      // as commander: a default only for options taking a value (not --no-color's `true`), and not an empty list (`--map`)
      const empty = Array.isArray(option.defaultValue) && option.defaultValue.length === 0;
      if (option.defaultValue !== undefined && !empty && (option.required || option.optional)) {
        extra.push(t(lang, 'help.default', { value: option.defaultValueDescription ?? JSON.stringify(option.defaultValue) }));
      }
      return extra.length > 0 ? `${option.description} (${extra.join(', ')})` : option.description;
    },
    // commander wraps at any Unicode space: the narrow no-break space of « voir : » must hold
    boxWrap(this: Help, text: string, width: number) {
      return Help.prototype.boxWrap.call(this, text.replace(/\u202f/g, '\ue000'), width).replace(/\ue000/g, '\u202f');
    },
  };
}

/** commander's usage errors, as it words them (commander 14), and the sentence of each. */
const USAGE_ERRORS: [RegExp, MessageKey, string[]][] = [
  [/^error: unknown option '(.*)'$/, 'help.error.unknownOption', ['flag']],
  [/^error: unknown command '(.*)'$/, 'help.error.unknownCommand', ['name']],
  [/^\(Did you mean one of (.*)\?\)$/, 'help.error.didYouMeanOneOf', ['list']],
  [/^\(Did you mean (.*)\?\)$/, 'help.error.didYouMean', ['list']],
  [/^error: missing required argument '(.*)'$/, 'help.error.missingArgument', ['name']],
  [/^error: option '(.*)' argument missing$/, 'help.error.optionArgumentMissing', ['flags']],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/, 'help.error.invalidChoice', ['flags', 'value', 'list']],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/, 'help.error.tooManyArguments', ['expected', 'got']],
  [/^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/, 'help.error.tooManyArgumentsFor', ['command', 'expected', 'got']],
];

/** One of commander's error messages (one or more lines), in the user's language; a message it does not know passes as is. */
export function localUsageError(lang: Lang, text: string): string {
  return text
    .split('\n')
    .map((line) => {
      for (const [pattern, key, names] of USAGE_ERRORS) {
        const m = pattern.exec(line);
        if (!m) continue;
        const values: Record<string, string | number> = {};
        names.forEach((name, i) => (values[name] = /^\d+$/.test(m[i + 1]!) ? Number(m[i + 1]) : m[i + 1]!));
        return t(lang, key, values);
      }
      return line;
    })
    .join('\n');
}
