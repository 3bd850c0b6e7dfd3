/**
 * `--help`: the options, arguments, examples and exit codes of every command, and the words
 * commander itself prints around them (headings, "choices", "default"). A French marketer
 * with a French locale reads the whole help in French, not the command's description alone.
 */
import { defineMessages } from '../define.js';

export default defineMessages(
  {
    'help.heading.usage': 'Usage:',
    'help.heading.arguments': 'Arguments:',
    'help.heading.options': 'Options:',
    'help.heading.commands': 'Commands:',
    'help.heading.globalOptions': 'Global Options:',
    'help.choices': 'choices: {list}',
    'help.default': 'default: {value}',
    'help.help': 'display help for command',
    'help.version': 'output the version number',
    'help.afterError': '(run community-audit --help for usage)',

    'help.error.unknownOption': "error: unknown option '{flag}'",
    'help.error.unknownCommand': "error: unknown command '{name}'",
    'help.error.didYouMean': '(Did you mean {list}?)',
    'help.error.didYouMeanOneOf': '(Did you mean one of {list}?)',
    'help.error.missingArgument': "error: missing required argument '{name}'",
    'help.error.optionArgumentMissing': "error: option '{flags}' argument missing",
    'help.error.invalidChoice': "error: option '{flags}' argument '{value}' is invalid. Allowed choices are {list}.",
    'help.error.tooManyArguments': 'error: too many arguments. Expected {expected} {expected|argument|arguments} but got {got}.',
    'help.error.tooManyArgumentsFor': "error: too many arguments for '{command}'. Expected {expected} {expected|argument|arguments} but got {got}.",

    'help.audit.files': "exports to audit: files, zips or folders (see: community-audit formats); '-' reads stdin",
    'help.audit.members': 'member list (CSV or Excel): id or name, role, join date, last activity',
    'help.audit.brand': 'the brand accounts, by id or name, comma-separated (repeatable)',
    'help.audit.format': 'report format',
    'help.audit.out': 'write the report to a file (atomically; never over an input)',
    'help.audit.lang': 'report language (default: from LC_ALL / LANG)',
    'help.audit.since': 'only messages from this day on (YYYY-MM-DD)',
    'help.audit.until': 'only messages up to this day (YYYY-MM-DD)',
    'help.audit.by': 'the verdict period by period: did you move from audience to community?',
    'help.audit.inputFormat': 'force the input format instead of detecting it (see: community-audit formats)',
    'help.audit.platform': 'platform of a CSV with no platform column: instagram, linkedin, facebook, youtube, tiktok, x, forum, slack, discord…',
    'help.audit.map': 'read a field from a named column (repeatable); fields: {fields}',
    'help.audit.dateFormat': 'force how dates are read: iso, dmy (dd/MM/yyyy), mdy (MM/dd/yyyy), ymd, epoch-s, epoch-ms',
    'help.audit.quiz': 'add questionnaire answers (from quiz --save-answers or --template): they fill what the data cannot measure, and your view is set against the data',
    'help.audit.failUnder': 'exit 1 when the score (0-100) is below this',
    'help.audit.failOn': 'exit 1 on this level: audience, or ready (anything short of a community)',
    'help.audit.anonymize': 'replace every name with a pseudonym in the report (see SECURITY.md)',
    'help.audit.salt': 'with --anonymize: the same pseudonyms in every run (implies --anonymize; or COMMUNITY_AUDIT_SALT)',
    'help.audit.noColor': 'no colours (NO_COLOR and FORCE_COLOR=0 are obeyed too)',
    'help.audit.quiet': 'no progress and no warnings on stderr',
    'help.audit.verbose': 'more detail on stderr',
    'help.audit.examples': `Examples:
  community-audit comments.csv --members members.csv
  community-audit linkedin.csv --platform linkedin --lang fr
  community-audit slack-export.zip "WhatsApp Chat with Club.txt"   # several platforms, one audit
  community-audit formats                                          # the exports it reads
  community-audit export.csv --format json | jq .verdict
  community-audit export.csv --map author="Full name" --date-format dmy
  community-audit export.csv --fail-on audience --quiet        # in CI
  community-audit comments.csv --quiz answers.json             # your answers against the data
  community-audit quiz                                         # no data: answer 20 questions
  community-audit export.csv --format html --out report.html   # charts, one file, opens offline
  community-audit export.csv --format markdown >> "$GITHUB_STEP_SUMMARY"
  community-audit export.csv --by month                        # the verdict month by month
  community-audit compare last-month.json this-month.json --fail-on-drop 10
  community-audit export.csv --anonymize --format json         # a report to share: pseudonyms, no contacts
  community-audit schema > audit.schema.json`,
    'help.audit.exitCodes': `Exit codes: 0 done · 1 a --fail-under/--fail-on threshold was not met · 2 bad usage or unreadable input
            3 too little data to judge the threshold · 70 internal error (please report it)`,

    'help.quiz.answers': "answer from a file instead of the terminal ('-' reads stdin); see --template",
    'help.quiz.template': 'print a blank answers file: every question, its allowed values, null to fill in',
    'help.quiz.saveAnswers': 'keep your answers in a file, to replay them with --answers or add them to data with --quiz',
    'help.quiz.out': 'write the report (or the template) to a file, atomically',
    'help.quiz.lang': 'language of the questions and the report (default: from LC_ALL / LANG)',
    'help.quiz.quiet': 'no messages on stderr besides the questions and errors',
    'help.quiz.examples': `Examples:
  community-audit quiz --lang fr                               # in a terminal: 20 questions, ← goes back
  community-audit quiz --save-answers answers.json             # keep your answers
  community-audit quiz --template > answers.json               # for scripts: fill in each "answer"
  community-audit quiz --answers answers.json --format json
  community-audit comments.csv --quiz answers.json             # your answers against the data`,
    'help.quiz.exitCodes': `Exit codes: 0 done · 2 bad usage, an invalid answers file, or no terminal without --answers
            130 interrupted (Ctrl-C or Esc): nothing is written`,

    'help.compare.description': 'what changed between two audits made with --format json (score, level, signals, core members)',
    'help.compare.before': 'the earlier audit (JSON)',
    'help.compare.after': 'the later audit (JSON)',
    'help.compare.failOnDrop': 'exit 1 when the score fell by more than this many points',
    'help.compare.format': 'text (default), json or markdown',
    'help.compare.out': 'write the comparison to a file, atomically',
    'help.compare.lang': 'language of the comparison (default: from LC_ALL / LANG)',
    'help.compare.exitCodes': 'Exit codes: 0 done · 1 the score fell by more than --fail-on-drop · 2 a file is not an audit JSON · 3 a score is missing',

    'help.noColor': 'no colours',
    'help.schema.description': 'print the JSON Schema of the JSON report',
    'help.formats.description': 'list the input formats this version reads',
    'help.formats.lang': 'language of the listing',
  },
  {
    'help.heading.usage': 'Utilisation :',
    'help.heading.arguments': 'Arguments :',
    'help.heading.options': 'Options :',
    'help.heading.commands': 'Commandes :',
    'help.heading.globalOptions': 'Options générales :',
    'help.choices': 'au choix : {list}',
    'help.default': 'par défaut : {value}',
    'help.help': 'affiche l’aide de la commande',
    'help.version': 'affiche le numéro de version',
    'help.afterError': '(community-audit --help pour l’aide)',

    'help.error.unknownOption': 'erreur : option inconnue « {flag} »',
    'help.error.unknownCommand': 'erreur : commande inconnue « {name} »',
    'help.error.didYouMean': '(Vouliez-vous dire {list} ?)',
    'help.error.didYouMeanOneOf': '(Vouliez-vous dire l’une de celles-ci : {list} ?)',
    'help.error.missingArgument': 'erreur : il manque l’argument « {name} »',
    'help.error.optionArgumentMissing': 'erreur : l’option « {flags} » attend une valeur',
    'help.error.invalidChoice': 'erreur : « {value} » n’est pas une valeur possible de l’option « {flags} ». Valeurs possibles : {list}.',
    'help.error.tooManyArguments': 'erreur : trop d’arguments. {expected} {expected|argument attendu|arguments attendus}, {got} {got|reçu|reçus}.',
    'help.error.tooManyArgumentsFor': 'erreur : trop d’arguments pour « {command} ». {expected} {expected|argument attendu|arguments attendus}, {got} {got|reçu|reçus}.',

    'help.audit.files': "les exports à auditer : fichiers, zips ou dossiers (voir : community-audit formats) ; '-' lit l’entrée standard",
    'help.audit.members': 'liste des membres (CSV ou Excel) : identifiant ou nom, rôle, date d’arrivée, dernière activité',
    'help.audit.brand': 'les comptes de la marque, par identifiant ou par nom, séparés par des virgules (peut se répéter)',
    'help.audit.format': 'format du rapport',
    'help.audit.out': 'écrit le rapport dans un fichier (d’un seul coup ; jamais à la place d’une entrée)',
    'help.audit.lang': 'langue du rapport (par défaut : selon LC_ALL / LANG)',
    'help.audit.since': 'seulement les messages à partir de ce jour (AAAA-MM-JJ)',
    'help.audit.until': 'seulement les messages jusqu’à ce jour (AAAA-MM-JJ)',
    'help.audit.by': 'le verdict période par période : êtes-vous passé·e d’une audience à une communauté ?',
    'help.audit.inputFormat': 'impose le format d’entrée au lieu de le détecter (voir : community-audit formats)',
    'help.audit.platform': 'plateforme d’un CSV sans colonne plateforme : instagram, linkedin, facebook, youtube, tiktok, x, forum, slack, discord…',
    'help.audit.map': 'lit un champ dans une colonne nommée (peut se répéter) ; champs : {fields}',
    'help.audit.dateFormat': 'impose la lecture des dates : iso, dmy (jj/MM/aaaa), mdy (MM/jj/aaaa), ymd, epoch-s, epoch-ms',
    'help.audit.quiz': 'ajoute les réponses au questionnaire (de quiz --save-answers ou --template) : elles complètent ce que les données ne mesurent pas, et votre regard est confronté aux données',
    'help.audit.failUnder': 'sort avec le code 1 quand le score (0-100) est en dessous',
    'help.audit.failOn': 'sort avec le code 1 à ce niveau : audience, ou ready (tout ce qui n’est pas encore une communauté)',
    'help.audit.anonymize': 'remplace chaque nom par un pseudonyme dans le rapport (voir SECURITY.md)',
    'help.audit.salt': 'avec --anonymize : les mêmes pseudonymes à chaque passage (implique --anonymize ; ou COMMUNITY_AUDIT_SALT)',
    'help.audit.noColor': 'sans couleurs (NO_COLOR et FORCE_COLOR=0 sont aussi respectés)',
    'help.audit.quiet': 'ni progression ni avertissements sur la sortie d’erreur',
    'help.audit.verbose': 'plus de détails sur la sortie d’erreur',
    'help.audit.examples': `Exemples :
  community-audit commentaires.csv --members membres.csv
  community-audit linkedin.csv --platform linkedin --lang fr
  community-audit export-slack.zip "Discussion WhatsApp avec Club.txt"   # plusieurs plateformes, un audit
  community-audit formats                                          # les exports qu’il sait lire
  community-audit export.csv --format json | jq .verdict
  community-audit export.csv --map author="Nom complet" --date-format dmy
  community-audit export.csv --fail-on audience --quiet        # en intégration continue
  community-audit commentaires.csv --quiz reponses.json        # vos réponses face aux données
  community-audit quiz                                         # sans données : 20 questions
  community-audit export.csv --format html --out rapport.html  # graphiques, un seul fichier, lisible hors ligne
  community-audit export.csv --format markdown >> "$GITHUB_STEP_SUMMARY"
  community-audit export.csv --by month                        # le verdict mois par mois
  community-audit compare mois-dernier.json ce-mois.json --fail-on-drop 10
  community-audit export.csv --anonymize --format json         # un rapport à partager : pseudonymes, aucun contact
  community-audit schema > audit.schema.json`,
    'help.audit.exitCodes': `Codes de sortie : 0 terminé · 1 un seuil --fail-under/--fail-on n’est pas atteint · 2 mauvaise utilisation ou entrée illisible
                  3 trop peu de données pour juger le seuil · 70 erreur interne (merci de la signaler)`,

    'help.quiz.answers': "répond depuis un fichier au lieu du terminal ('-' lit l’entrée standard) ; voir --template",
    'help.quiz.template': 'affiche un fichier de réponses vierge : chaque question, ses valeurs possibles, null à remplir',
    'help.quiz.saveAnswers': 'garde vos réponses dans un fichier, pour les rejouer avec --answers ou les ajouter à des données avec --quiz',
    'help.quiz.out': 'écrit le rapport (ou le modèle) dans un fichier, d’un seul coup',
    'help.quiz.lang': 'langue des questions et du rapport (par défaut : selon LC_ALL / LANG)',
    'help.quiz.quiet': 'rien sur la sortie d’erreur en dehors des questions et des erreurs',
    'help.quiz.examples': `Exemples :
  community-audit quiz --lang fr                               # dans un terminal : 20 questions, ← pour revenir
  community-audit quiz --save-answers reponses.json            # garder vos réponses
  community-audit quiz --template > reponses.json              # pour les scripts : remplissez chaque "answer"
  community-audit quiz --answers reponses.json --format json
  community-audit commentaires.csv --quiz reponses.json        # vos réponses face aux données`,
    'help.quiz.exitCodes': `Codes de sortie : 0 terminé · 2 mauvaise utilisation, fichier de réponses invalide, ou pas de terminal sans --answers
                  130 interrompu (Ctrl-C ou Échap) : rien n’est écrit`,

    'help.compare.description': 'ce qui a changé entre deux audits faits avec --format json (score, niveau, signaux, noyau dur)',
    'help.compare.before': 'l’audit le plus ancien (JSON)',
    'help.compare.after': 'l’audit le plus récent (JSON)',
    'help.compare.failOnDrop': 'sort avec le code 1 quand le score a baissé de plus de ce nombre de points',
    'help.compare.format': 'text (par défaut), json ou markdown',
    'help.compare.out': 'écrit la comparaison dans un fichier, d’un seul coup',
    'help.compare.lang': 'langue de la comparaison (par défaut : selon LC_ALL / LANG)',
    'help.compare.exitCodes': 'Codes de sortie : 0 terminé · 1 le score a baissé de plus de --fail-on-drop · 2 un fichier n’est pas un audit JSON · 3 un score manque',

    'help.noColor': 'sans couleurs',
    'help.schema.description': 'affiche le schéma JSON du rapport JSON',
    'help.formats.description': 'liste les formats d’entrée que cette version sait lire',
    'help.formats.lang': 'langue de la liste',
  },
);
